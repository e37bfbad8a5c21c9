"""app/demo.py: the demo register is built through the services and is the same every time."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.demo import DEMO_ADMIN, DEMO_OFFICER, seed_demo
from app.services.desk import DeskServices


def _numbers_and_statuses(data_dir):
    desk = DeskServices.open(data_dir)
    try:
        admin = desk.users.authenticate(*DEMO_ADMIN)
        rows = desk.query.all_rows(admin, order_by="number")
        return [(r.number, r.status.value, r.name) for r in rows], desk
    finally:
        desk.close()


@pytest.mark.slow  # seeds the demo office twice through the services
def test_demo_office_is_deterministic_and_varied(tmp_path):
    now = datetime(2026, 3, 16, 15, 0)
    seed_demo(tmp_path / "a", count=25, days=60, now=now)
    seed_demo(tmp_path / "b", count=25, days=60, now=now)
    rows_a, desk = _numbers_and_statuses(tmp_path / "a")
    rows_b, _ = _numbers_and_statuses(tmp_path / "b")
    assert rows_a == rows_b
    assert len(rows_a) == 25
    assert rows_a[0][0] == "CPJ/2026/A-0001"
    assert len({status for _, status, _ in rows_a}) >= 3
    desk = DeskServices.open(tmp_path / "a")
    try:
        assert desk.users.authenticate(*DEMO_OFFICER).role == "petugas"
        assert {o.role for o in desk.office.officials()} == {"ppid", "atasan_ppid"}
    finally:
        desk.close()

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


@pytest.mark.slow  # seeds a demo office of 120 requests through the services
def test_demo_keberatan_vary_in_grounds_and_dates(tmp_path):
    now = datetime(2026, 3, 16, 15, 0)
    seed_demo(tmp_path / "d", count=120, days=365, now=now)
    desk = DeskServices.open(tmp_path / "d")
    try:
        objections = desk.objections.list(desk.users.authenticate(*DEMO_ADMIN))
    finally:
        desk.close()
    assert len(objections) >= 5
    assert len({ground for o in objections for ground in o.grounds}) >= 4  # Pasal 35 huruf a, c, d, f …
    assert len({o.filed_at.date() for o in objections}) >= 5  # filed over the months, not all at once
    assert all(o.filed_at < now for o in objections)
    assert len({o.status for o in objections}) >= 2  # most answered by the Atasan PPID, some still open


def test_seeding_reports_its_progress(tmp_path):
    seen: list[tuple[int, int]] = []
    seed_demo(tmp_path / "p", count=4, days=10, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] > 0

"""``check_register``: each check passes on a sound register and names the problem on a damaged one, without
writing to the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.paths import db_path
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.integrity import check_register
from tests.raw_sql import run_sql


@pytest.fixture
def closed_desk(desk: DeskServices, admin: Actor, walk_in: Callable[..., dict[str, Any]]) -> Path:
    """A register with two requests, closed so the test can damage it with raw SQL."""
    desk.register.receive(admin, walk_in())
    desk.register.receive(admin, walk_in())
    desk.close()
    return desk.ctx.data_dir


def _failed(data_dir: Path) -> dict[str, str]:
    return {item.name: item.detail for item in check_register(data_dir).problems}


def test_a_sound_register_passes_and_is_not_written(closed_desk: Path) -> None:
    live = db_path(closed_desk)
    before = live.read_bytes()
    report = check_register(closed_desk)
    assert report.ok, report.to_dict()
    assert [i.name for i in report.items] == [
        "integrity_check",
        "foreign_key_check",
        "revisi_skema",
        "penghitung_nomor",
        "peristiwa_penerimaan",
        "pemulihan",
        "kunci_data_pribadi",
        "rantai_audit",
        "segel_catatan",
        "urutan_nomor",
        "jangkar_server",
    ]
    assert live.read_bytes() == before


def test_counter_behind_the_issued_numbers(closed_desk: Path) -> None:
    run_sql(closed_desk, "UPDATE counters SET value = 1 WHERE key = 'request:2026'")
    assert "request:2026 = 1" in _failed(closed_desk)["penghitung_nomor"]


def test_request_without_its_receive_event(closed_desk: Path) -> None:
    run_sql(
        closed_desk,
        "DROP TRIGGER events_no_delete",
        "DELETE FROM events WHERE request_id = (SELECT id FROM requests WHERE seq = 2)",
    )
    assert "CPJ/2026/A-0002" in _failed(closed_desk)["peristiwa_penerimaan"]


def test_broken_reference(closed_desk: Path) -> None:
    run_sql(closed_desk, "UPDATE requests SET requester_id = 'tidak-ada' WHERE seq = 1")
    assert "requests" in _failed(closed_desk)["foreign_key_check"]


def test_old_schema_revision(closed_desk: Path) -> None:
    run_sql(closed_desk, "UPDATE alembic_version SET version_num = '0001'")
    assert "0001" in _failed(closed_desk)["revisi_skema"]


def test_missing_or_wrong_pii_key(closed_desk: Path) -> None:
    from cryptography.fernet import Fernet

    key = closed_desk / "keys" / "pii.key"
    key.write_bytes(Fernet.generate_key())
    assert "tidak cocok" in _failed(closed_desk)["kunci_data_pribadi"]
    key.unlink()
    assert "tidak ada" in _failed(closed_desk)["kunci_data_pribadi"]


def test_unreadable_or_missing_file(tmp_path: Path) -> None:
    assert not check_register(tmp_path).ok
    db_path(tmp_path).write_bytes(b"bukan basis data " * 500)
    report = check_register(tmp_path)
    assert not report.ok and report.items[0].name == "integrity_check"

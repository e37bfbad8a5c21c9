"""Tamper evidence: a register changed with ``sqlite3`` behind the desk's back fails ``check``, naming the first
bad entry; an untouched register stays healthy (``db/chain.py``)."""

from __future__ import annotations

import sqlite3
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
    """Three requests, one of them acted on, closed so the test can tamper with raw SQL."""
    for _ in range(3):
        desk.register.receive(admin, walk_in())
    desk.close()
    return desk.ctx.data_dir


def _failed(data_dir: Path) -> dict[str, str]:
    report = check_register(data_dir)
    assert not report.ok
    return {item.name: item.detail for item in report.problems}


def test_an_untouched_register_is_healthy_with_its_chain(closed_desk: Path) -> None:
    report = check_register(closed_desk)
    assert report.ok, report.to_dict()
    names = [item.name for item in report.items]
    assert {"rantai_audit", "segel_catatan", "urutan_nomor", "jangkar_server"} <= set(names)


def test_an_edited_request_field(closed_desk: Path) -> None:
    run_sql(closed_desk, "UPDATE requests SET information = 'diganti diam-diam' WHERE seq = 2")
    failed = _failed(closed_desk)
    assert "permohonan CPJ/2026/A-0002 diubah di luar aplikasi" in failed["segel_catatan"]
    assert set(failed) == {"segel_catatan"}


def test_a_deleted_audit_row(closed_desk: Path) -> None:
    with sqlite3.connect(db_path(closed_desk)) as connection:
        second = connection.execute("SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 1").fetchone()[0]
    run_sql(closed_desk, "DROP TRIGGER audit_log_no_delete", f"DELETE FROM audit_log WHERE id = {second}")
    assert _failed(closed_desk)["rantai_audit"].startswith(f"pertama: entri audit #{second} dihapus")


def test_an_edited_audit_row(closed_desk: Path) -> None:
    run_sql(
        closed_desk,
        "DROP TRIGGER audit_log_no_update",
        "UPDATE audit_log SET username = 'orang_lain' WHERE id = (SELECT max(id) FROM audit_log)",
    )
    assert "diubah (mata rantai" in _failed(closed_desk)["rantai_audit"]


def test_a_deleted_event(closed_desk: Path) -> None:
    run_sql(
        closed_desk,
        "DROP TRIGGER events_no_delete",
        "DELETE FROM events WHERE id = (SELECT id FROM events WHERE request_id = "
        "(SELECT id FROM requests WHERE seq = 3) LIMIT 1)",
    )
    assert "permohonan CPJ/2026/A-0003: 1 peristiwa dihapus" in _failed(closed_desk)["segel_catatan"]


def test_a_request_deleted_from_the_middle(closed_desk: Path) -> None:
    run_sql(
        closed_desk,
        "PRAGMA foreign_keys = OFF",
        "DROP TRIGGER requests_no_delete",
        "DROP TRIGGER events_no_delete",
        "DELETE FROM events WHERE request_id = (SELECT id FROM requests WHERE seq = 2)",
        "DELETE FROM request_search WHERE rowid = (SELECT rowid FROM requests WHERE seq = 2)",
        "DELETE FROM requests WHERE seq = 2",
    )
    failed = _failed(closed_desk)
    assert "nomor urut 2 hilang" in failed["urutan_nomor"]
    assert "dihapus (terakhir disegel pada mata rantai" in failed["segel_catatan"]


def test_the_chain_itself_cut_in_the_middle(closed_desk: Path) -> None:
    run_sql(
        closed_desk,
        "DROP TRIGGER audit_chain_no_delete",
        "DROP TRIGGER audit_log_no_delete",
        "DELETE FROM audit_log WHERE id = (SELECT audit_id FROM audit_chain WHERE seq = 3)",
        "DELETE FROM audit_chain WHERE seq = 3",
    )
    assert _failed(closed_desk)["rantai_audit"].startswith("pertama: rantai putus: mata rantai #3 hilang")


def test_a_row_inserted_behind_the_desks_back(closed_desk: Path) -> None:
    run_sql(
        closed_desk,
        "INSERT INTO audit_log (at, username, action, entity, entity_id, details) "
        "VALUES ('2026-01-01 00:00:00', 'x', 'receive', 'request', NULL, '{}')",
    )
    assert "di luar rantai" in _failed(closed_desk)["rantai_audit"]

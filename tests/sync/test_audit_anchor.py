"""The audit chain's head is anchored at the city at every sync (``POST /anchor``), stored per device; a
register cut behind the desk's back no longer reaches the anchored head: ``check`` fails and the server refuses
the shorter head (``app/sync/anchor.py``, ``server/anchors.py``). Real server over loopback."""

from __future__ import annotations

import shutil
import sqlite3
from typing import Any

import pytest
from sqlalchemy import select

from app.paths import db_path
from app.services.desk import DeskServices
from app.services.integrity import check_register
from app.sync import anchor
from app.sync.engine import SyncEngine
from app.sync.secrets import MemoryKeyring, TokenStore
from db import chain
from ppid_protocol.wire import HelloResponse
from server import admin
from server.models import AuditAnchor
from server.testing import LiveServer
from tests.sync.conftest import ALSO_ON_SQLITE
from tests.sync.test_engine import enroll


@pytest.fixture
def hub(server: LiveServer) -> LiveServer:
    admin.add_office(server.engine, "CPJ", "Kecamatan Cipocok Jaya")
    return server


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


def _server_anchors(hub: LiveServer) -> list[tuple[int, str, bool]]:
    table = AuditAnchor.__table__
    with hub.engine.connect() as conn:
        rows = conn.execute(select(table.c.seq, table.c.hash, table.c.accepted).order_by(table.c.id)).all()
    return [(int(r[0]), str(r[1]), bool(r[2])) for r in rows]


@pytest.mark.slow
@ALSO_ON_SQLITE
def test_the_head_is_anchored_at_the_city_and_a_cut_register_is_caught(
    desk: DeskServices, officer: Any, walk_in: Any, hub: LiveServer, keyring_backend: MemoryKeyring
) -> None:
    for _ in range(2):
        desk.register.receive(officer, walk_in())
    eng = enroll(desk, hub, keyring_backend)
    report = eng.sync(sleep=lambda _d: None)
    with sqlite3.connect(db_path(desk.ctx.data_dir)) as conn:
        seq, _audit_id, head = chain.head(conn)
        local = conn.execute("SELECT seq, hash FROM audit_anchors").fetchall()
    assert report.ok and report.anchored_seq == seq and not report.anchor_warning
    assert _server_anchors(hub) == [(seq, head, True)]
    assert local == [(seq, head)]
    assert eng.sync(sleep=lambda _d: None).anchored_seq == seq  # nothing new: the same head, stored once
    assert len(_server_anchors(hub)) == 1
    desk.close()
    assert check_register(desk.ctx.data_dir).ok

    with sqlite3.connect(db_path(desk.ctx.data_dir)) as conn:  # the chain's last two links cut off
        conn.executescript(
            "DROP TRIGGER audit_chain_no_delete; DROP TRIGGER audit_seals_no_delete; "
            "DROP TRIGGER audit_log_no_delete; "
            f"DELETE FROM audit_log WHERE id IN (SELECT audit_id FROM audit_chain WHERE seq > {seq - 2}); "
            f"DELETE FROM audit_seals WHERE chain_seq > {seq - 2}; DELETE FROM audit_chain WHERE seq > {seq - 2};"
        )
    problems = {item.name: item.detail for item in check_register(desk.ctx.data_dir).problems}
    assert f"mata rantai #{seq} yang dicatat server kota" in problems["jangkar_server"]

    again = DeskServices.open(desk.ctx.data_dir, clock=desk.ctx.clock)
    try:
        engine = SyncEngine(again.ctx.db, TokenStore(keyring_backend), clock=again.ctx.clock)
        report = engine.sync(sleep=lambda _d: None)
        assert report.anchored_seq is None and "tidak memuat kepala" in report.anchor_warning
        assert _server_anchors(hub)[-1][2] is False
    finally:
        again.close()


@pytest.mark.slow
@ALSO_ON_SQLITE
def test_records_pulled_from_the_city_are_sealed_and_the_register_stays_healthy(
    desk: DeskServices, officer: Any, supervisor: Any, walk_in: Any, hub: LiveServer,
    keyring_backend: MemoryKeyring, tmp_path: Any, clock: Any, _desk_template: Any,
) -> None:  # fmt: skip
    number = desk.register.receive(officer, walk_in()).number
    desk.letters.issue(officer, "receipt", number)
    assert enroll(desk, hub, keyring_backend).sync(sleep=lambda _d: None).ok
    folder = tmp_path / "desk-2"
    shutil.copytree(_desk_template.folder, folder)
    fresh = DeskServices.open(folder, clock=clock)
    try:
        assert enroll(fresh, hub, keyring_backend).sync(sleep=lambda _d: None).pulled >= 1
        sealed = [e for e in fresh.audit_log.entries(supervisor) if e.action == "record_seal"]
        assert sealed and all(e.username == "sistem" for e in sealed)
    finally:
        fresh.close()
    report = check_register(folder)
    assert report.ok, report.to_dict()


def test_a_server_without_the_feature_is_not_asked(desk: DeskServices) -> None:
    """An older server's hello lists no features: the desk syncs as before and sends no anchor."""

    class NoAnchor:
        device_id = "d-1"

        def anchor(self, _body: Any) -> Any:
            raise AssertionError("an older server has no /anchor")

    hello = HelloResponse.model_validate(
        {"protocols_supported": [1], "server_version": "0.1.0", "min_app_version": "0.1.0",
         "server_time": "2026-12-07T00:00:00+00:00", "device_id": "d-1", "office_code": "CPJ",
         "office_name": "Kecamatan", "is_city": False, "desk_letter": "A", "max_batch_ops": 500,
         "max_body_bytes": 4194304}
    )  # fmt: skip
    assert anchor.send_head(desk.ctx.db, NoAnchor(), hello, desk.ctx.clock()) == (None, "")  # type: ignore[arg-type]

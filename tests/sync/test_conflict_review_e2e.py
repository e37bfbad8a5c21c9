"""Issue #5 end to end: two desks of one office change the same legally significant field offline, sync
against a live city server (SQLite and PostgreSQL), the second desk gets a conflict, a supervisor resolves it
each way, and after syncing again both desks and the server hold the chosen value, the server's conflict is
closed and the desk's audit log says who decided and why."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.services.desk import DeskServices
from app.sync.engine import SyncEngine
from app.sync.secrets import MemoryKeyring, TokenStore
from db.models import AuditEntry, Event, Request
from server import admin
from server.models import Conflict, Record
from server.testing import LiveServer
from tests.conftest import FakeClock

RESPOND = {"decision": "diterima", "info_form": "softcopy"}
REJECT = {"article": "h", "consequence_test": "Membuka informasi ini mengungkap rahasia pribadi warga."}


@pytest.fixture
def hub(server: LiveServer) -> LiveServer:
    admin.add_office(server.engine, "CPJ", "Kecamatan Cipocok Jaya")
    return server


@pytest.fixture
def other_desk(tmp_path: Path, clock: FakeClock, _desk_template: Any) -> Iterator[Callable[[], DeskServices]]:
    opened: list[DeskServices] = []

    def make() -> DeskServices:
        folder = tmp_path / f"desk-{len(opened) + 2}"
        shutil.copytree(_desk_template.folder, folder)
        opened.append(DeskServices.open(folder, clock=clock))
        return opened[-1]

    yield make
    for services in opened:
        services.close()


def enroll(services: DeskServices, hub: LiveServer, kr: MemoryKeyring) -> SyncEngine:
    eng = SyncEngine(services.ctx.db, TokenStore(kr), clock=services.ctx.clock)
    code, _ = admin.new_enroll_code(hub.engine, services.office.profile().code)
    eng.enroll(hub.url, code)
    return eng


def sync(eng: SyncEngine) -> Any:
    report = eng.sync(sleep=lambda _d: None)
    assert report.ok, report.error
    return report


def local(services: DeskServices, number: str) -> Request:
    with services.ctx.db.reader() as s:
        row = s.scalars(select(Request).where(Request.number == number)).one()
        s.expunge(row)
        return row


def server_state(hub: LiveServer, rid: str) -> tuple[dict[str, Any], bool, list[str]]:
    with hub.engine.connect() as conn:
        rec = conn.execute(select(Record.data, Record.needs_review).where(Record.entity_id == rid)).one()
        conflicts = list(conn.execute(select(Conflict.status).where(Conflict.entity_id == rid)).scalars())
    return dict(rec.data), bool(rec.needs_review), conflicts


@pytest.mark.parametrize(
    ("choice", "edited", "status", "decision"),
    [
        ("keep_server", None, "ditolak", "ditolak"),
        ("take_desk", None, "dijawab", "diterima"),
        ("edit", {"status": "dijawab", "decision": "diterima_sebagian"}, "dijawab", "diterima_sebagian"),
    ],
)
def test_two_desks_conflict_resolved_and_converge(
    desk: DeskServices, officer: Any, supervisor: Any, walk_in: Any, hub: LiveServer, other_desk: Any,
    choice: str, edited: dict[str, Any] | None, status: str, decision: str,
) -> None:  # fmt: skip
    kr = MemoryKeyring()
    number = desk.register.receive(officer, walk_in()).number
    eng_a = enroll(desk, hub, kr)
    sync(eng_a)
    desk_b = other_desk()
    eng_b = enroll(desk_b, hub, kr)
    assert sync(eng_b).pulled == 1
    rid = local(desk, number).id

    # offline, both desks decide the same request differently
    desk_b.actions.act(officer, number, "reject", REJECT)
    desk.actions.act(officer, number, "respond", RESPOND)
    sync(eng_b)
    report = sync(eng_a)
    assert report.conflicts == 1 and report.open_conflicts == 1
    data, needs_review, conflicts = server_state(hub, rid)
    assert data["status"] == "ditolak" and needs_review and conflicts == ["open"]  # nothing overwritten

    held = desk.sync_conflicts.list(supervisor)
    assert len(held) == 1 and held[0].decidable and held[0].blocker is None
    item = held[0]
    by_name = {f.name: f for f in item.fields}
    assert by_name["status"].conflicting and by_name["status"].server == "ditolak"
    assert by_name["status"].desk == "dijawab" and by_name["status"].base == "diproses"
    assert item.number == number and item.requester_name == "Siti Aminah"

    desk.sync_conflicts.resolve(item.id, choice, supervisor, edited, reason="Dicek dengan arsip surat keluar")
    assert local(desk, number).status == status  # the local record changed in the same transaction
    assert desk.sync_conflicts.open_count() == 0

    report = sync(eng_a)
    assert report.conflicts == 0 and report.rejected == 0 and report.open_conflicts == 0
    sync(eng_b)
    data, needs_review, conflicts = server_state(hub, rid)
    assert (data["status"], data["decision"]) == (status, decision)
    assert not needs_review and conflicts == ["resolved"]
    for services in (desk, desk_b):
        row = local(services, number)
        assert (row.status, row.decision) == (status, decision), services.ctx.data_dir
        with services.ctx.db.reader() as s:
            kinds = list(s.scalars(select(Event.kind).where(Event.request_id == rid)))
        assert "sync_resolve" in kinds  # the decision is on both timelines
        if services is desk_b:  # the desk's held step travels only when its version is (partly) adopted
            assert ("respond" in kinds) == (choice != "keep_server")
    with desk.ctx.db.reader() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "sync_conflict_resolve")).one()
        who, details = entry.username, dict(entry.details)
    assert who == supervisor.username and details["choice"] == choice
    assert details["reason"] == "Dicek dengan arsip surat keluar" and details["server_conflicts"]

    # the record is not blocked any more: a later intent of desk A is applied normally and reaches desk B
    fix = {
        "field": "purpose",
        "value": "Penelitian lanjutan tentang anggaran",
        "reason": "Salah ketik tujuan",
    }
    desk.actions.act(supervisor, number, "correct", fix)
    report = sync(eng_a)
    assert report.conflicts == 0 and report.open_conflicts == 0
    sync(eng_b)
    assert local(desk_b, number).purpose == fix["value"]


def test_blocked_followers_close_with_the_decision(
    desk: DeskServices, officer: Any, supervisor: Any, walk_in: Any, hub: LiveServer, other_desk: Any
) -> None:
    """Two intents offline on one record: the first conflicts, the second is held as ``blocked``. One decision
    closes both on the server (the resolution lists every open server conflict of the record), "take the
    desk's" sends the desk's latest state, and the record is not blocked afterwards."""
    kr = MemoryKeyring()
    number = desk.register.receive(officer, walk_in()).number
    eng_a = enroll(desk, hub, kr)
    sync(eng_a)
    desk_b = other_desk()
    eng_b = enroll(desk_b, hub, kr)
    sync(eng_b)
    rid = local(desk, number).id
    desk_b.actions.act(officer, number, "reject", REJECT)
    sync(eng_b)
    desk.actions.act(officer, number, "respond", RESPOND)
    desk.actions.act(officer, number, "deliver", {"method": "email"})
    assert sync(eng_a).conflicts == 2
    items = desk.sync_conflicts.list(supervisor)
    assert [i.code for i in items] == ["concurrent_change", "blocked"] and items[0].held_with == 1
    assert {f.name: f.desk for f in items[0].fields}["status"] == "diserahkan"  # the desk's latest state
    desk.sync_conflicts.resolve(items[1].id, "take_desk", supervisor, reason="Informasi sudah diserahkan")
    assert desk.sync_conflicts.open_count() == 0
    assert sync(eng_a).conflicts == 0
    sync(eng_b)
    data, needs_review, conflicts = server_state(hub, rid)
    assert data["status"] == "diserahkan" and not needs_review and conflicts == ["resolved", "resolved"]
    assert local(desk_b, number).status == "diserahkan"
    desk.actions.act(officer, number, "close", {})
    assert sync(eng_a).conflicts == 0
    assert server_state(hub, rid)[0]["status"] == local(desk, number).status


def test_a_resolution_overtaken_by_another_change_is_held_and_decided_again(
    desk: DeskServices, officer: Any, supervisor: Any, walk_in: Any, hub: LiveServer, other_desk: Any
) -> None:
    """Desk B changes the record again after desk A's last pull; A's decision (made on the older copy) meets
    that change on the server and is held in turn. The second decision closes both server conflicts."""
    kr = MemoryKeyring()
    number = desk.register.receive(officer, walk_in()).number
    eng_a = enroll(desk, hub, kr)
    sync(eng_a)
    desk_b = other_desk()
    eng_b = enroll(desk_b, hub, kr)
    sync(eng_b)
    rid = local(desk, number).id
    desk_b.actions.act(officer, number, "reject", REJECT)
    sync(eng_b)
    desk.actions.act(officer, number, "respond", RESPOND)
    assert sync(eng_a).conflicts == 1
    desk_b.actions.act(officer, number, "close", {})  # meanwhile, desk B closes the rejected request
    sync(eng_b)
    first = desk.sync_conflicts.list(supervisor)[0]
    desk.sync_conflicts.resolve(first.id, "take_desk", supervisor, reason="Jawaban meja sudah dikirim")
    report = sync(eng_a)
    assert report.conflicts == 1 and report.open_conflicts == 1  # held again: the server moved on
    again = [i for i in desk.sync_conflicts.list(supervisor) if i.is_open]
    assert len(again) == 1 and {f.name: f.server for f in again[0].fields}["status"] == "selesai"
    desk.sync_conflicts.resolve(again[0].id, "keep_server", supervisor, reason="Permohonan sudah ditutup")
    assert sync(eng_a).conflicts == 0
    sync(eng_b)
    data, needs_review, conflicts = server_state(hub, rid)
    assert data["status"] == "selesai" and not needs_review and conflicts == ["resolved", "resolved"]
    assert local(desk, number).status == local(desk_b, number).status == "selesai"

"""Routing follow-ups, end to end over loopback HTTP against a live server on PostgreSQL (three real desk
registers, kecamatan A = 3673.01, kecamatan B = 3673.02, the PPID Utama = 3673, synced by the real engine):

(1) the old desk keeps a routed-away request in its register, shown as forwarded, and out of its work lists;
    the server's ``removed`` item says where the record went;
(2) the lines the keberatan service writes on the request's timeline travel, without duplicates;
(3) routing moves the request's keberatan with it;
(4) a desk restored from an old backup never re-issues a keberatan number it already issued.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.errors import ActionRefused
from app.paths import db_path
from app.services.backup import copy_database
from app.services.desk import DeskServices
from app.services.register_query import RegisterFilter
from app.sync import state
from app.sync.apply import ROUTED_AWAY, apply_items
from app.sync.engine import SyncEngine, default_client
from app.sync.secrets import MemoryKeyring, TokenStore
from db.models import Objection, Request
from server import admin
from server.testing import LiveServer
from tests.conftest import FakeClock
from tests.sync.test_city_desk import Desk

pytestmark = pytest.mark.postgres

REASON = "Informasi yang diminta dikuasai Kecamatan Cipocok Jaya"
DECISION = {"decision": "dikabulkan", "text": "Informasi agar diberikan dalam 5 hari kerja.",
            "atasan_name": "Drs. H. Ahmad Fauzi, M.Si.", "atasan_position": "Sekretaris Daerah Kota Serang"}  # fmt: skip


class Desks:
    """Opens enrolled desks (a copy of the test register set up per office) and can reopen one in place."""

    def __init__(self, tmp_path: Path, clock: FakeClock, template: Any, hub: LiveServer) -> None:
        self.tmp_path, self.clock, self.template, self.hub = tmp_path, clock, template, hub
        self.keyring = MemoryKeyring()
        self.names = {o.code: o.name for o in admin.list_offices(hub.engine)}
        self.opened: list[DeskServices] = []

    def __call__(self, office: str) -> Desk:
        folder = self.folder(office)
        shutil.copytree(self.template.folder, folder)
        conn = sqlite3.connect(db_path(folder))  # the same register, set up for another office
        try:
            with conn:
                conn.execute("UPDATE office SET code = ?, name = ?", (office, self.names[office]))
        finally:
            conn.close()  # closed now, not at garbage collection: a restore below replaces the file
        desk = self.open(office)
        code, _ = admin.new_enroll_code(self.hub.engine, office)
        desk.engine.enroll(self.hub.url, code, label=f"meja {office}")
        return desk

    def folder(self, office: str) -> Path:
        return self.tmp_path / f"desk-{office}"

    def open(self, office: str) -> Desk:
        services = DeskServices.open(self.folder(office), clock=self.clock)
        self.opened.append(services)
        tokens = TokenStore(self.keyring)
        services.routing.tokens = tokens
        return Desk(services, SyncEngine(services.ctx.db, tokens, clock=self.clock), self.template.officer)

    def close(self, desk: Desk) -> None:
        desk.services.close()
        self.opened.remove(desk.services)


@pytest.fixture
def desks(tmp_path: Path, clock: FakeClock, _desk_template: Any, hub: LiveServer) -> Iterator[Desks]:
    made = Desks(tmp_path, clock, _desk_template, hub)
    yield made
    for s in made.opened:
        s.close()


def _request_events(desk: Desk, number: str) -> list[Any]:
    return desk.services.register.get(desk.officer, number).events


def _office_of(desk: Desk, model: Any, number: str) -> str | None:
    with desk.services.ctx.db.reader() as s:
        return s.scalar(select(model.office_code).where(model.number == number))


def _route(city: Desk, number: str, to: str = "3673.02") -> None:
    city.services.routing.refresh_offices()
    city.services.routing.route(city.officer, number, to_office=to, reason=REASON)
    report = city.sync()
    assert report.rejected == 0 and report.conflicts == 0


def test_a_routed_request_stays_in_the_old_register_as_forwarded_but_leaves_its_work_lists(
    desks: Desks, walk_in: Callable[..., dict[str, Any]], clock: FakeClock
) -> None:
    a, b, city = desks("3673.01"), desks("3673.02"), desks("3673")
    kept = a.services.register.receive(a.officer, walk_in()).number
    routed = a.services.register.receive(a.officer, walk_in(complete=False, missing_items=["ktp"])).number
    a.sync()
    city.sync()
    b.sync()
    clock.now += timedelta(days=40)  # both requests are long overdue now
    overdue = RegisterFilter(overdue_only=True)
    assert a.services.query.count(a.officer, overdue) == 2
    before = a.services.dashboard.load()
    assert before.overdue.count == 2 and [i.number for i in before.waiting.items] == [routed]

    _route(city, routed)

    # the server's removed item names the record and where it went (so the old desk can say so)
    enr = a.engine.enrollment()
    assert enr is not None
    with a.services.ctx.db.reader() as s:
        cursor = state.get(s, "cursor", "")
    client = default_client(enr, a.engine.tokens.load(enr.device_id))
    try:
        page = client.pull(cursor)
    finally:
        client.close()
    gone = [i for i in page.items if i.removed]
    routed_id = a.services.register.get(a.officer, routed).id
    assert [(i.entity_id, i.entity, i.office_code) for i in gone] == [(routed_id, "request", "3673.02")]
    assert gone[0].record == {"office_code": "3673.02", "office_name": "Kecamatan Cipocok Jaya"}
    # given the removed items, apply shows where the request went and moves its office there
    with a.services.ctx.db.transaction() as s:
        apply_items(
            s, page.items, office_code="3673.01", desk_letter=enr.desk_letter, now=a.services.ctx.clock()
        )
    assert _office_of(a, Request, routed) == "3673.02" and _office_of(a, Request, kept) == "3673.01"
    last = _request_events(a, routed)[-1]
    assert last.kind == ROUTED_AWAY and last.summary.startswith(
        "Diteruskan ke Kecamatan Cipocok Jaya (3673.02) oleh PPID kota."
    )
    assert last.data["to_office"] == "3673.02" and last.data["from_office"] == "3673.01"

    # the engine's sync marks it out of scope; the forwarded line is not written twice
    report = a.sync()
    assert report.removed == 1
    events = _request_events(a, routed)
    assert [e.kind for e in events].count(ROUTED_AWAY) == 1 and len({e.id for e in events}) == len(events)

    # A: still in the register (its number is A's), no longer in the overdue filter nor the work lists
    assert {r.number for r in a.services.query.all_rows(a.officer)} == {kept, routed}
    assert [r.number for r in a.services.query.rows(a.officer, overdue)] == [kept]
    assert a.services.query.count(a.officer, overdue) == 1
    board = a.services.dashboard.load()
    assert board.overdue.count == 1 and [i.number for i in board.overdue.items] == [kept]
    assert board.waiting.count == 0 and board.waiting.items == []
    assert board.received_today.count == 0 and sum(n for _m, n in board.per_month) == 2  # A did register it
    assert routed not in {i.number for i in board.due_soon.items}
    # the city keeps monitoring every office; B now has it as its own overdue work
    city_board = city.services.dashboard.load()
    assert {i.number for i in city_board.overdue.items} == {kept, routed}
    assert [i.number for i in city_board.waiting.items] == [routed]
    b.sync()
    b_board = b.services.dashboard.load()
    assert [i.number for i in b_board.overdue.items] == [routed] and b_board.waiting.count == 1

    # A only reads and reprints it now: a further step or a keberatan there is refused plainly, nothing written
    assert a.services.register.get(a.officer, routed).routed_away
    assert not b.services.register.get(b.officer, routed).routed_away
    pending = a.engine.status()["pending"]
    with pytest.raises(ActionRefused, match="diteruskan oleh PPID kota"):
        a.services.actions.act(a.officer, routed, "complete", {})
    with pytest.raises(ActionRefused, match="diteruskan oleh PPID kota"):
        a.services.objections.add(a.officer, request_number=routed, grounds="a")
    assert a.engine.status()["pending"] == pending


def test_keberatan_move_with_their_request_and_their_request_lines_travel(
    desks: Desks, walk_in: Callable[..., dict[str, Any]]
) -> None:
    a, b, city = desks("3673.01"), desks("3673.02"), desks("3673")
    number = a.services.register.receive(a.officer, walk_in()).number
    filed = a.services.objections.add(a.officer, request_number=number, grounds="e")
    a.sync()
    city.sync()
    b.sync()
    # (2) the "Keberatan … terdaftar" line written at A on the request's timeline reached the city
    at_a = _request_events(a, number)
    assert [e.kind for e in at_a] == ["receive", "objection_filed"]
    assert [e.id for e in _request_events(city, number)] == [e.id for e in at_a]
    assert [e.kind for e in city.services.objections.get(city.officer, filed.number).events] == ["filed"]
    assert a.services.dashboard.load().objections.count == 1

    # (3) routing takes the keberatan along, in one intent: two route ops, both applied
    city.services.routing.refresh_offices()
    city.services.routing.route(city.officer, number, to_office="3673.02", reason=REASON)
    moved = city.services.objections.get(city.officer, filed.number)
    assert [e.kind for e in moved.events] == ["filed", "route"]
    report = city.sync()
    assert report.pushed == 2 and report.rejected == 0 and report.conflicts == 0
    # the Atasan PPID decides at the city; the decision's line on the request travels too
    city.services.objections.act(city.officer, filed.number, "decide", DECISION)
    assert city.sync().conflicts == 0

    b.sync()
    assert _office_of(b, Objection, filed.number) == "3673.02"
    seen = b.services.objections.get(b.officer, filed.number)
    assert seen.status.value == "diputus" and [e.kind for e in seen.events] == ["filed", "route", "decide"]
    at_city = _request_events(city, number)
    at_b = _request_events(b, number)
    assert [e.kind for e in at_b] == ["receive", "objection_filed", "route", "objection_decide"]
    assert [e.id for e in at_b] == [e.id for e in at_city]  # the same timeline, each line once

    # A gets both records removed: kept in its register and lists, shown as forwarded, out of its work lists
    report = a.sync()
    assert report.removed == 2
    objection = a.services.objections.get(a.officer, filed.number)
    assert objection.events[-1].kind == ROUTED_AWAY
    assert objection.events[-1].summary.startswith("Diteruskan ke ")
    assert _request_events(a, number)[-1].kind == ROUTED_AWAY
    assert filed.number in {o.number for o in a.services.objections.list(a.officer)}
    assert a.services.dashboard.load().objections.count == 0
    assert a.sync().pulled == 0  # nothing comes back, no line is written twice
    assert [e.kind for e in _request_events(a, number)] == ["receive", "objection_filed", ROUTED_AWAY]


def test_a_desk_restored_from_an_old_backup_does_not_reissue_a_keberatan_number(
    desks: Desks, walk_in: Callable[..., dict[str, Any]], tmp_path: Path
) -> None:
    a = desks("3673.01")
    number = a.services.register.receive(a.officer, walk_in()).number
    first = a.services.objections.add(a.officer, request_number=number, grounds="c").number
    a.sync()
    backup = tmp_path / "backup.sqlite"
    copy_database(db_path(desks.folder("3673.01")), backup)
    second = a.services.objections.add(a.officer, request_number=number, grounds="e").number
    a.sync()

    # the disk is lost; the register comes back from the older backup (enrollment and cursor included)
    desks.close(a)
    live = db_path(desks.folder("3673.01"))
    for extra in (live.with_name(live.name + "-wal"), live.with_name(live.name + "-shm")):
        extra.unlink(missing_ok=True)
    shutil.copyfile(backup, live)
    a = desks.open("3673.01")
    assert second not in {o.number for o in a.services.objections.list(a.officer)}

    assert a.sync().pulled >= 1  # its own later keberatan comes back from the server
    assert second in {o.number for o in a.services.objections.list(a.officer)}
    third = a.services.objections.add(a.officer, request_number=number, grounds="g").number
    assert third not in {first, second}
    with a.services.ctx.db.reader() as s:
        seqs = {num: seq for num, seq in s.execute(select(Objection.number, Objection.seq))}
    assert [seqs[first], seqs[second], seqs[third]] == [1, 2, 3]
    assert a.sync().rejected == 0  # the server takes it: no id or number collides

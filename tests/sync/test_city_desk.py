"""The city desk end to end (issue #5 item 7), over loopback HTTP against a live server on PostgreSQL: three real
desk registers (kecamatan A = 3673.01, kecamatan B = 3673.02, the PPID Utama = 3673) enrolled with one-time codes
and synced by the real engine.

(a) the city pulls every office's requests and routes A's request to B: A's copy leaves its scope (kept, marked
    out of scope, never deleted), B gets it with its whole timeline and can work on it;
(b) a keberatan registered at A reaches the city, the Atasan PPID's decision recorded there reaches A;
(c) a kecamatan desk cannot route: the service refuses, and a forged op is refused by the server.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.errors import ActionRefused
from app.ids import new_id
from app.paths import db_path
from app.services.context import Actor
from app.services.desk import DeskServices
from app.sync import state
from app.sync.engine import SyncEngine, SyncReport
from app.sync.secrets import MemoryKeyring, TokenStore
from db.models import Event, OutboxOp, Request
from server import admin
from server.models import Record
from server.testing import LiveServer
from tests.conftest import FakeClock

pytestmark = pytest.mark.postgres

REASON = "Informasi yang diminta dikuasai Kecamatan Cipocok Jaya"


class Desk:
    """One desk: its services, its sync engine (token in an in-memory keyring) and its officer."""

    def __init__(self, services: DeskServices, engine: SyncEngine, officer: Actor) -> None:
        self.services, self.engine, self.officer = services, engine, officer

    def sync(self) -> SyncReport:
        report = self.engine.sync(sleep=lambda _d: None, max_attempts=1)
        assert report.ok, report.error
        return report

    def numbers(self) -> set[str]:
        with self.services.ctx.db.reader() as s:
            return set(s.scalars(select(Request.number)))

    def in_scope(self, entity_id: str) -> bool | None:
        with self.services.ctx.db.reader() as s:
            return s.scalar(
                select(state.sync_records.c.in_scope).where(state.sync_records.c.entity_id == entity_id)
            )


@pytest.fixture
def desks(
    tmp_path: Path, clock: FakeClock, _desk_template: Any, hub: LiveServer
) -> Iterator[Callable[[str], Desk]]:
    """``desks(office_code)``: a fresh copy of the test register set up for that office, enrolled to the hub."""
    opened: list[DeskServices] = []
    keyring = MemoryKeyring()
    names = {o.code: o.name for o in admin.list_offices(hub.engine)}

    def make(office: str) -> Desk:
        folder = tmp_path / f"desk-{office}"
        shutil.copytree(_desk_template.folder, folder)
        with sqlite3.connect(db_path(folder)) as conn:  # the same register, set up for another office
            conn.execute("UPDATE office SET code = ?, name = ?", (office, names[office]))
        services = DeskServices.open(folder, clock=clock)
        opened.append(services)
        tokens = TokenStore(keyring)
        engine = SyncEngine(services.ctx.db, tokens, clock=clock)
        code, _ = admin.new_enroll_code(hub.engine, office)
        engine.enroll(hub.url, code, label=f"meja {office}")
        services.routing.tokens = tokens
        return Desk(services, engine, _desk_template.officer)

    yield make
    for s in opened:
        s.close()


def _id(desk: Desk, number: str) -> str:
    return desk.services.register.get(desk.officer, number).id


def test_city_pulls_every_office_and_routes_a_request_to_another(
    desks: Callable[[str], Desk], walk_in: Callable[..., dict[str, Any]], hub: LiveServer
) -> None:
    a, b, city = desks("3673.01"), desks("3673.02"), desks("3673")
    assert city.services.routing.is_city() and not a.services.routing.is_city()
    mine = [a.services.register.receive(a.officer, walk_in()).number for _ in range(2)]
    theirs = b.services.register.receive(b.officer, walk_in()).number
    a.services.actions.act(a.officer, mine[1], "extend", {"reason": "belum_dikuasai"})
    assert a.sync().pushed == 3 and b.sync().pushed == 1
    assert b.numbers() == {theirs}  # an office desk sees its own office only

    # the city pulls every office's requests, with their timelines
    assert city.sync().pulled == 3
    assert city.numbers() == {*mine, theirs}
    routed = mine[1]
    at_a = a.services.register.get(a.officer, routed)
    assert [e.id for e in city.services.register.get(city.officer, routed).events] == [
        e.id for e in at_a.events
    ]

    # the city fetches the office list from the server and routes A's request to B
    offices = city.services.routing.refresh_offices()
    assert [o.code for o in offices.offices] == ["3673", "3673.01", "3673.02"]
    choice = city.services.routing.choices(city.officer, routed)
    assert choice.current.code == "3673.01" and [o.code for o in choice.targets] == ["3673", "3673.02"]
    view = city.services.routing.route(city.officer, routed, to_office="3673.02", reason=REASON)
    assert (
        view.events[-1].summary
        == f"Diteruskan ke Kecamatan Cipocok Jaya (3673.02) dari Kecamatan Serang: {REASON}"
    )
    assert view.status == at_a.status and view.deadlines == at_a.deadlines  # the legal clock is not reset
    report = city.sync()
    assert report.pushed == 1 and report.rejected == 0 and report.conflicts == 0
    with hub.engine.connect() as conn:
        server_office = conn.execute(select(Record.data).where(Record.entity_id == view.id)).scalar_one()
    assert server_office["office_code"] == "3673.02"

    # A: the record left its scope; its copy is kept (a register is never silently emptied), marked out of scope
    report = a.sync()
    assert report.removed == 1
    assert a.in_scope(view.id) is False and a.in_scope(_id(a, mine[0])) is True
    assert routed in a.numbers()
    kept = a.services.register.get(a.officer, routed)
    assert [e.id for e in kept.events[:-1]] == [e.id for e in at_a.events]
    assert kept.events[-1].kind == "routed_away"
    assert kept.events[-1].summary.startswith("Diteruskan ke Kecamatan Cipocok Jaya (3673.02) oleh PPID kota")
    with a.services.ctx.db.reader() as s:  # A's copy names the office that handles it now
        assert s.scalar(select(Request.office_code).where(Request.number == routed)) == "3673.02"

    # B: the request arrives with its whole timeline (A's intake and extension, the city's routing)
    report = b.sync()
    assert report.pulled == 1 and b.in_scope(view.id) is True
    arrived = b.services.register.get(b.officer, routed)
    assert [e.id for e in arrived.events] == [e.id for e in view.events]
    assert [e.kind for e in arrived.events] == ["receive", "extend", "route"]
    assert arrived.events[-1].username == city.officer.username
    assert arrived.status == at_a.status and arrived.deadlines == at_a.deadlines
    with b.services.ctx.db.reader() as s:
        assert s.scalar(select(Request.office_code).where(Request.number == routed)) == "3673.02"
    assert b.services.query.rows(b.officer, _text(routed), offset=0, limit=5)  # findable in B's register

    # B's own numbering goes on from its own last number, not from the routed-in request's (issued by A)
    following = b.services.register.receive(b.officer, walk_in()).number
    assert following == theirs.replace("-0001", "-0002"), following

    # B now works on it; A, which knows it was routed away, records nothing more on it (an edit A made
    # offline before learning would be held by the server as moved_out_of_scope: tests/server/test_pull.py)
    b.services.actions.act(b.officer, routed, "respond", {"decision": "diterima", "info_form": "softcopy"})
    assert b.sync().conflicts == 0
    with pytest.raises(ActionRefused, match="diteruskan oleh PPID kota"):
        a.services.actions.act(
            a.officer, routed, "respond", {"decision": "tidak_dikuasai", "holder_body": "Dinas X"}
        )
    late = a.sync()
    assert late.pushed == 0 and late.conflicts == 0 and late.open_conflicts == 0
    with hub.engine.connect() as conn:
        data = conn.execute(select(Record.data).where(Record.entity_id == view.id)).scalar_one()
    assert data["decision"] == "diterima" and data["office_code"] == "3673.02"


def _text(number: str) -> Any:
    from app.services.register_query import RegisterFilter

    return RegisterFilter(text=number)


def test_keberatan_decided_at_the_city_reaches_the_kecamatan(
    desks: Callable[[str], Desk], walk_in: Callable[..., dict[str, Any]]
) -> None:
    a, b, city = desks("3673.01"), desks("3673.02"), desks("3673")
    number = a.services.register.receive(a.officer, walk_in()).number
    filed = a.services.objections.add(a.officer, request_number=number, grounds="c")
    a.sync()
    b.sync()
    city.sync()
    at_city = city.services.objections.get(city.officer, filed.number)
    assert at_city.request_number == number and at_city.status.value == "terdaftar"

    body = {"decision": "dikabulkan", "text": "Informasi agar diberikan dalam 5 hari kerja.",
            "atasan_name": "Drs. H. Ahmad Fauzi, M.Si.", "atasan_position": "Sekretaris Daerah Kota Serang"}  # fmt: skip
    decided = city.services.objections.act(city.officer, filed.number, "decide", body)
    assert decided.status.value == "diputus"
    report = city.sync()
    assert report.pushed == 1 and report.conflicts == 0 and report.rejected == 0

    assert a.sync().pulled >= 1
    seen = a.services.objections.get(a.officer, filed.number)
    assert seen.status.value == "diputus" and seen.decision == "dikabulkan"
    assert seen.decision_text == body["text"] and seen.atasan_name == body["atasan_name"]
    assert [e.kind for e in seen.events] == ["filed", "decide"]
    assert seen.events[-1].id == decided.events[-1].id and seen.events[-1].username == city.officer.username
    # the kecamatan desk records the requester's response next, on top of the city's decision
    a.services.objections.act(
        a.officer, filed.number, "requester_response", {"response": "Pemohon menerima."}
    )
    assert a.sync().conflicts == 0
    b.sync()
    assert filed.number not in _objection_numbers(b)  # another office's keberatan never reaches B


def _objection_numbers(desk: Desk) -> set[str]:
    return {o.number for o in desk.services.objections.list(desk.officer)}


def test_a_kecamatan_desk_cannot_route(
    desks: Callable[[str], Desk], walk_in: Callable[..., dict[str, Any]], hub: LiveServer
) -> None:
    a, _city = desks("3673.01"), desks("3673")
    number = a.services.register.receive(a.officer, walk_in()).number
    a.sync()
    with pytest.raises(ActionRefused, match="Hanya meja PPID kota"):
        a.services.routing.route(a.officer, number, to_office="3673.02", reason=REASON)
    with a.services.ctx.db.reader() as s:
        assert s.scalar(select(func.count()).where(OutboxOp.acked_at.is_(None))) == 0
    # a forged op (written past the service) is refused by the server for good, and nothing moves
    with a.services.ctx.db.transaction() as s:
        row = s.scalars(select(Request).where(Request.number == number)).one()
        from app.services.register import request_state
        from db.models import Requester

        requester = s.get(Requester, row.requester_id)
        assert requester is not None
        forged = {**request_state(row, requester), "office_code": "3673.02"}
        s.add(OutboxOp(op_id=new_id(), entity="request", entity_id=row.id, action="route",
                       payload={"state": forged, "event": None}, base_version=row.version,
                       created_at=a.services.ctx.clock()))  # fmt: skip
        rid = row.id
    report = a.sync()
    assert report.rejected == 1 and report.pending == 0
    with a.services.ctx.db.reader() as s:
        code = s.execute(select(state.sync_conflicts.c.code)).scalar_one()
        events = s.scalar(select(func.count()).select_from(Event).where(Event.request_id == rid))
    assert code == "route_forbidden" and events == 1
    with hub.engine.connect() as conn:
        data = conn.execute(select(Record.data).where(Record.entity_id == rid)).scalar_one()
    assert data["office_code"] == "3673.01"


def test_the_city_sees_every_offices_information_lists(
    desks: Callable[[str], Desk], hub: LiveServer, _desk_template: Any
) -> None:
    """The DIK and the DIP travel as the ``dik``/``dip`` entities: the city desk gets both offices' lists with
    their office, another office does not get them, and a revocation reaches the city."""
    a, b, city = desks("3673.01"), desks("3673.02"), desks("3673")
    spv = _desk_template.supervisor
    entry = a.services.information_lists.add_dik(spv, {
        "information": "Data pribadi pemohon", "article": "h", "excluded_period": "5 (lima) tahun",
        "consequence_test": "Membuka informasi ini mengungkap rahasia pribadi warga.",
        "sk_number": "800/1/PPID-A/2026", "sk_date": "2026-01-15",
    })  # fmt: skip
    b.services.information_lists.add_dip(spv, {"title": "Profil kecamatan", "holder": "Sekretariat",
                                               "form": "Hardcopy", "location": "Meja layanan"})  # fmt: skip
    assert a.sync().pushed == 1 and b.sync().pushed == 1
    city.sync()
    lists = city.services.information_lists
    assert [(e.office_code, e.sk_number) for e in lists.dik(office="*")] == [("3673.01", "800/1/PPID-A/2026")]
    assert [(e.office_code, e.title) for e in lists.dip(office="*")] == [("3673.02", "Profil kecamatan")]
    assert lists.dik() == []  # the city's own list stays its own
    b.sync()
    assert b.services.information_lists.dik(office="*") == []  # an office sees its own lists only
    a.services.information_lists.revoke(spv, "dik", entry.id, "Diganti SK baru")
    assert a.sync().pushed == 1
    city.sync()
    [revoked] = lists.dik(office="*", include_revoked=True)
    assert revoked.revoke_reason == "Diganti SK baru" and lists.dik(office="*") == []

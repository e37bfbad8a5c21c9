"""Issued letters across desks, against a live server on SQLite and PostgreSQL (real registers, real HTTP).

(a) A letter issued at desk A1 of office 3673.01 reaches the city desk and the office's second desk A2 with the
    same number and the snapshot and SHA-256 the server holds (the NIK masked), reprints there identically,
    puts its timeline line on the request, and stays out of office 3673.02; no full NIK is in any server table.
(b) A desk restored from a backup older than its letters pulls them back (a letter whose request changed later
    arrives before the request and waits for it) and its next letter number does not collide.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from app.paths import db_path
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.letter_pii import unseal
from app.services.restore import restore_register
from app.sync import state
from app.sync.apply import apply_items
from app.sync.apply_letters import WAITING_KEY
from app.sync.engine import SyncEngine, SyncReport
from app.sync.secrets import MemoryKeyring, TokenStore
from db.models import Counter, Event, IssuedLetter, OutboxOp, Request
from ppid_protocol.wire import PullItem
from server import admin
from server.models import AppliedOp, ChangeLog, Conflict, Record
from server.models import Event as ServerEvent
from server.testing import LiveServer
from tests.conftest import VALID_NIK, FakeClock

RESPOND = {"decision": "diterima", "info_form": "softcopy"}
EXTEND = {"reason": "belum_dikuasai"}


class Desk:
    def __init__(self, services: DeskServices, engine: SyncEngine, officer: Actor, supervisor: Actor) -> None:
        self.services, self.engine, self.officer, self.supervisor = services, engine, officer, supervisor

    def sync(self) -> SyncReport:
        report = self.engine.sync(sleep=lambda _d: None, max_attempts=1)
        assert report.ok, report.error
        assert report.rejected == 0 and report.conflicts == 0
        return report

    def letters(self) -> dict[str, tuple[str, str | None, dict[str, Any], str | None]]:
        """Every letter this desk holds, its snapshot as issued (stored sealed: app/services/letter_pii.py)."""
        vault = self.services.ctx.vault
        with self.services.ctx.db.reader() as s:
            return {
                r.id: (r.kind, r.number, unseal(dict(r.snapshot), vault, full=True), r.sha256)
                for r in s.scalars(select(IssuedLetter))
            }

    def receive_extended(self) -> str:
        number = self.services.register.receive(self.officer, _walk_in()).number
        self.services.actions.act(self.officer, number, "extend", EXTEND)
        return number


def _walk_in() -> dict[str, Any]:
    return {
        "received_at": datetime(2026, 3, 16, 8, 0).isoformat(),
        "channel": "datang_langsung",
        "complete": True,
        "requester": {
            "kind": "perorangan", "name": "Siti Aminah", "nik": VALID_NIK,
            "address": "Jl. Bhayangkara No. 5, Cipocok Jaya, Kota Serang", "phone": "0812-3456-7890",
        },
        "information": "Salinan DPA Kecamatan Cipocok Jaya tahun anggaran 2025",
        "purpose": "Bahan penelitian skripsi tentang transparansi anggaran",
        "obtain_method": "salinan_softcopy",
        "delivery_method": "email",
    }  # fmt: skip


@pytest.fixture
def keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def desks(
    tmp_path: Path, clock: FakeClock, _desk_template: Any, server: LiveServer, keyring: MemoryKeyring
) -> Iterator[Callable[[str], Desk]]:
    """``desks(office_code)``: a fresh copy of the test register set up for that office, enrolled."""
    opened: list[DeskServices] = []
    names = {o.code: o.name for o in admin.list_offices(server.engine)}

    def make(office: str) -> Desk:
        folder = tmp_path / f"desk-{len(opened)}"
        shutil.copytree(_desk_template.folder, folder)
        conn = sqlite3.connect(db_path(folder))
        try:
            conn.execute("UPDATE office SET code = ?, name = ?", (office, names[office]))
            conn.commit()
        finally:
            conn.close()
        services = DeskServices.open(folder, clock=clock)
        opened.append(services)
        engine = SyncEngine(services.ctx.db, TokenStore(keyring), clock=clock)
        engine.enroll(server.url, admin.new_enroll_code(server.engine, office)[0], label=f"meja {office}")
        return Desk(services, engine, _desk_template.officer, _desk_template.supervisor)

    yield make
    for s in opened:
        s.close()


def _server_letters(engine: Engine) -> dict[str, dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(select(Record.entity_id, Record.data).where(Record.entity == "letter")).all()
    return {eid: dict(data) for eid, data in rows}


def _as_received(server_letters: dict[str, dict[str, Any]]) -> dict[str, tuple[Any, ...]]:
    return {eid: (d["kind"], d["number"], d["snapshot"], d["sha256"]) for eid, d in server_letters.items()}


def test_a_letter_reaches_the_city_and_the_office_s_other_desk(
    desks: Callable[[str], Desk], server: LiveServer
) -> None:
    a1, a2, b, city = desks("3673.01"), desks("3673.01"), desks("3673.02"), desks("3673")
    number = a1.receive_extended()
    form = a1.services.letters.issue(a1.supervisor, "form", number)  # prints the full NIK at this desk
    extension = a1.services.letters.issue(a1.officer, "extension", number)
    filed = a1.services.objections.add(a1.officer, request_number=number, grounds="c")
    objection_form = a1.services.letters.issue(a1.supervisor, "objection", filed.number)
    assert extension.number and a1.sync().pushed == 6  # receive, extend, keberatan, three letters

    on_server = _server_letters(server.engine)
    assert set(on_server) == {form.id, extension.id, objection_form.id}
    assert on_server[objection_form.id]["objection_number"] == filed.number
    assert {d["office_code"] for d in on_server.values()} == {"3673.01"}
    original = a1.letters()
    assert VALID_NIK in str(original[form.id][2]) and VALID_NIK not in str(on_server)
    assert on_server[extension.id]["snapshot"] == original[extension.id][2]  # nothing to mask: as issued
    assert on_server[extension.id]["sha256"] == original[extension.id][3]

    for desk in (a2, city):
        report = desk.sync()
        assert report.pulled >= 5  # the request, the keberatan and the three letters
        assert desk.letters() == _as_received(on_server)
        for letter in (form, extension, objection_form):
            again = desk.services.letters.reprint(desk.officer, letter.id)
            assert again.identical and again.number == letter.number
        assert desk.services.letters.reprint(desk.officer, extension.id).pdf == extension.pdf
        view = desk.services.register.get(desk.officer, number)
        lines = [e for e in view.events if e.kind == "letter"]
        assert [e.data["letter_id"] for e in lines] == [form.id, extension.id, objection_form.id]
        assert [e.summary for e in lines] == [
            e.summary for e in a1.services.register.get(a1.officer, number).events if e.kind == "letter"
        ]
    # the second desk reprints the letter it received instead of issuing a second number
    repeat = a2.services.letters.issue(a2.officer, "extension", number)
    assert repeat.reprint and repeat.id == extension.id and repeat.number == extension.number
    assert a2.sync().pushed == 0

    b.sync()
    assert b.letters() == {}  # another office's letters stay out of its scope

    # a letter the city issues for an office's request is held by that office; it moves no desk's counter
    second = a1.receive_extended()
    a1.sync()
    city.sync()
    by_city = city.services.letters.issue(city.officer, "extension", second)
    city.sync()
    assert _server_letters(server.engine)[by_city.id]["office_code"] == "3673.01"
    assert _server_letters(server.engine)[by_city.id]["issuer_office"] == "3673"
    a2.sync()
    b.sync()
    assert by_city.id in a2.letters() and by_city.id not in b.letters()
    with a2.services.ctx.db.reader() as s:
        assert s.get(Counter, "letter-extension:2026") is None  # a2 numbered no letter itself

    with server.engine.connect() as conn:
        everything = [
            list(conn.execute(select(table)).all())
            for table in (Record, ServerEvent, ChangeLog, AppliedOp, Conflict)
        ]
    assert VALID_NIK not in str(everything)
    for desk in (a1, city):  # nor in any op a desk sent (a supervisor issued two of the letters at a1)
        with desk.services.ctx.db.reader() as s:
            payloads = list(s.scalars(select(OutboxOp.payload)))
        assert payloads and VALID_NIK not in str(payloads)


def test_a_restored_desk_gets_its_letters_back_and_never_reissues_a_number(
    desks: Callable[[str], Desk], server: LiveServer, keyring: MemoryKeyring, clock: FakeClock,
    tmp_path: Path, _desk_template: Any,
) -> None:  # fmt: skip
    a = desks("3673.01")
    r1, r2 = a.receive_extended(), a.receive_extended()
    a.sync()
    backup = tmp_path / "cadangan.sqlite3"
    a.services.backup.backup(_desk_template.admin, backup)  # before any letter

    issued = [a.services.letters.issue(a.officer, "extension", n) for n in (r1, r2)]
    r3 = a.receive_extended()
    issued.append(a.services.letters.issue(a.supervisor, "form", r3))
    issued.append(a.services.letters.issue(a.officer, "extension", r3))
    a.sync()
    a.services.actions.act(a.officer, r3, "respond", RESPOND)  # r3 changes after its letters: pulled later
    a.sync()
    numbers = {d.number for d in issued if d.kind == "extension"}
    assert len(numbers) == 3

    # the register is lost and restored from the backup made before the letters
    data_dir = a.services.ctx.data_dir
    a.services.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(db_path(data_dir)) + suffix).unlink(missing_ok=True)
    restore_register(data_dir, backup, authorize=lambda _staged: "admin", now=clock.now)
    restored = DeskServices.open(data_dir, clock=clock)
    try:
        # one item per page: each letter's page comes before the page of its (later changed) request r3
        engine = SyncEngine(restored.ctx.db, TokenStore(keyring), clock=clock, page_limit=1)
        desk = Desk(restored, engine, a.officer, a.supervisor)
        assert desk.letters() == {}
        desk.sync()
        assert desk.letters() == _as_received(_server_letters(server.engine))
        assert set(desk.letters()) == {d.id for d in issued}
        with restored.ctx.db.reader() as s:
            assert state.get(s, WAITING_KEY) == {}  # nothing left waiting for its request
            assert s.get(Counter, "letter:2026").value == 3  # type: ignore[union-attr]  # all kinds, one agenda
        for letter in issued:
            assert restored.letters.reprint(a.officer, letter.id).identical
        lines = [e for e in restored.register.get(a.officer, r3).events if e.kind == "letter"]
        assert len(lines) == 2

        # the next letter number is new, and it travels like any other
        r4 = desk.receive_extended()
        fresh = restored.letters.issue(a.officer, "extension", r4)
        assert fresh.number not in numbers
        desk.sync()
        assert fresh.id in _server_letters(server.engine)
    finally:
        restored.close()


def test_a_letter_waits_for_its_request(desk: DeskServices, officer: Any, walk_in: Any) -> None:
    """A page bringing a letter whose request is not on the desk keeps it in ``letters_waiting`` (and moves the
    counter at once); the page bringing the request stores it, with its timeline line."""
    request_id, letter_id, event_id = "0190c1aa-0000-7000-8000-000000000001", "l-1", "e-1"
    letter = PullItem(
        seq=7, entity="letter", entity_id=letter_id, version=1, office_code="CPJ",
        record={"kind": "extension", "number": "000.5.9/004/PPID-A/III/2026", "issued_at": "2026-03-16T08:00:00",
                "issued_by": "petugas", "request_id": request_id, "office_code": "CPJ", "issuer_office": "CPJ",
                "desk_letter": "A", "counter": "letter-extension:2026", "seq": 4,
                "snapshot": {"kind": "extension"}, "sha256": "ab" * 32, "masked": False},
        events=[{"id": event_id, "kind": "letter", "at": "2026-03-16T08:00:00", "summary": "Surat diterbitkan",
                 "request_id": request_id}],
    )  # fmt: skip
    number = desk.register.receive(officer, walk_in()).number
    with desk.ctx.db.reader() as s:
        real = s.scalars(select(Request)).one()
        request_state = {c.name: getattr(real, c.name) for c in Request.__table__.columns}
    request_state = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in request_state.items()}
    request_state["id"] = request_id
    request_state["number"] = number + "-X"
    with desk.ctx.db.transaction() as s:
        assert apply_items(s, [letter], office_code="CPJ", desk_letter="A", now=desk.ctx.clock()) == 1
    with desk.ctx.db.reader() as s:
        assert s.get(IssuedLetter, letter_id) is None
        assert set(state.get(s, WAITING_KEY)) == {letter_id}
        # numbered from a per-kind counter (an older desk): it moves the one yearly letter counter
        assert s.get(Counter, "letter:2026").value == 4  # type: ignore[union-attr]
    pulled = PullItem(seq=8, entity="request", entity_id=request_id, version=1, record=request_state)
    with desk.ctx.db.transaction() as s:
        apply_items(s, [pulled], office_code="CPJ", desk_letter="A", now=desk.ctx.clock())
    with desk.ctx.db.reader() as s:
        stored = s.get(IssuedLetter, letter_id)
        assert stored is not None and stored.request_id == request_id and stored.sha256 == "ab" * 32
        assert s.get(Event, event_id).request_id == request_id  # type: ignore[union-attr]
        assert state.get(s, WAITING_KEY) == {}

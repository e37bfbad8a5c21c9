"""Issued letters and the city server: what one desk sends.

``LetterService.issue`` writes, in the issuing transaction, an outbox op (entity ``letter``, action ``issue``)
with the letter's synced copy and its timeline line. A letter issued by a supervisor is printed with the
requester's full NIK; the NIK never leaves the desk, so the op carries the snapshot with the NIK masked and the
SHA-256 of the PDF of that copy, while the desk keeps its original. Several desks, PostgreSQL and a restored
desk: ``tests/sync/test_letters_sync_desks.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from app.domain.identity import mask_nik
from app.services.desk import DeskServices
from app.services.letter_pii import unseal
from app.services.letters import _stored_sha256
from app.sync.engine import SyncEngine
from app.sync.secrets import MemoryKeyring, TokenStore
from db.models import Event, IssuedLetter, OutboxOp
from server import admin as city_admin
from server.models import Event as ServerEvent
from server.models import Record
from server.testing import LiveServer, init_db, live_server
from tests.conftest import VALID_NIK


@pytest.fixture
def city(tmp_path: Path) -> Iterator[tuple[Engine, LiveServer]]:
    engine = init_db(f"sqlite:///{tmp_path}/server.sqlite3")
    city_admin.add_office(engine, "CPJ", "Kecamatan Cipocok Jaya")
    with live_server(engine) as srv:
        yield engine, srv
    engine.dispose()


def _issue_and_sync(
    desk: DeskServices, actor: Any, walk_in: Any, engine: Engine, srv: LiveServer, kind: str = "receipt"
) -> str:
    """A letter issued by ``actor``, then a full sync."""
    number = desk.register.receive(actor, walk_in()).number
    eng = SyncEngine(desk.ctx.db, TokenStore(MemoryKeyring()), clock=desk.ctx.clock)
    eng.enroll(srv.url, city_admin.new_enroll_code(engine, "CPJ")[0])
    letter_id = desk.letters.issue(actor, kind, number).id
    with desk.ctx.db.reader() as s:  # as queued: once the server acknowledges it the op keeps only a mark
        SENT[letter_id] = s.scalars(select(OutboxOp.payload).where(OutboxOp.entity_id == letter_id)).one()
    report = eng.sync(sleep=lambda _d: None)
    assert report.ok and report.rejected == 0 and report.conflicts == 0, report.error
    return letter_id


SENT: dict[str, dict[str, Any]] = {}
"""The payload of each letter's op as it was queued (and sent), by letter id."""


def _letter_op(desk: DeskServices, letter_id: str) -> OutboxOp:
    """The letter's op after the sync, with the payload it was sent with (the stored one is compacted)."""
    with desk.ctx.db.reader() as s:
        op = s.scalars(select(OutboxOp).where(OutboxOp.entity_id == letter_id)).one()
        s.expunge(op)
    assert op.payload == {"compacted": True} or op.payload == SENT[letter_id]
    op.payload = SENT[letter_id]
    assert op.entity_id == letter_id and op.action == "issue" and op.base_version == 0
    assert op.acked_at is not None and op.note is None  # sent and applied
    return op


def test_an_issued_letter_reaches_the_server_without_the_nik(
    desk: DeskServices, supervisor: Any, walk_in: Any, city: tuple[Engine, LiveServer]
) -> None:
    """The receipt's snapshot holds the full NIK (it is not printed: same PDF, same hash either way)."""
    engine, srv = city
    letter_id = _issue_and_sync(desk, supervisor, walk_in, engine, srv)
    state = _letter_op(desk, letter_id).payload["state"]
    assert state["masked"] is True and VALID_NIK not in str(state)
    with desk.ctx.db.reader() as s:
        assert s.get(IssuedLetter, letter_id).sha256 == state["sha256"]  # type: ignore[union-attr]
    with engine.connect() as conn:
        data = conn.execute(select(Record.data).where(Record.entity_id == letter_id)).scalar_one()
    assert data["kind"] == "receipt" and data["office_code"] == "CPJ"
    assert VALID_NIK not in str(data)


def test_a_letter_printing_the_nik_travels_as_a_masked_copy_with_its_own_hash(
    desk: DeskServices, supervisor: Any, walk_in: Any, city: tuple[Engine, LiveServer]
) -> None:
    """The pre-filled form prints the NIK: the desk keeps the original, the server gets the masked copy and
    the hash of the masked copy's PDF (the original's hash, a fingerprint of the NIK, stays on the desk)."""
    engine, srv = city
    letter_id = _issue_and_sync(desk, supervisor, walk_in, engine, srv, kind="form")
    with desk.ctx.db.reader() as s:
        original = s.get(IssuedLetter, letter_id)
        assert original is not None
        # stored sealed (personal data encrypted, app/services/letter_pii.py); as issued once opened
        local_snapshot, local_sha = (
            unseal(dict(original.snapshot), desk.ctx.vault, full=True),
            original.sha256,
        )
        request_id = original.request_id
        event_id = s.scalars(select(Event.id).where(Event.kind == "letter")).one()
    # the desk keeps the letter as handed out: the supervisor's form shows the full NIK
    assert local_snapshot["data"]["requester"]["nik"] == VALID_NIK

    # the op: the masked copy, the hash of that copy's PDF, the timeline line; no full NIK anywhere
    op = _letter_op(desk, letter_id)
    assert VALID_NIK not in str(op.payload)
    state = op.payload["state"]
    assert state["snapshot"]["data"]["requester"]["nik"] == mask_nik(VALID_NIK)
    assert state["masked"] is True and state["sha256"] != local_sha  # the original's hash stays here too
    assert state["sha256"] == _stored_sha256(state["snapshot"])
    masked_back = str(state["snapshot"]).replace(mask_nik(VALID_NIK), VALID_NIK)
    assert masked_back == str(local_snapshot)  # nothing but the NIK differs
    assert op.payload["event"]["id"] == event_id and op.payload["event"]["request_id"] == request_id

    # the server's row and its timeline line
    with engine.connect() as conn:
        data = conn.execute(select(Record.data).where(Record.entity_id == letter_id)).scalar_one()
        events = list(
            conn.execute(select(ServerEvent.data).where(ServerEvent.entity_id == letter_id)).scalars()
        )
    assert data["kind"] == "form" and data["office_code"] == "CPJ"
    assert data["issuer_office"] == "CPJ" and data["desk_letter"]
    assert data["snapshot"] == state["snapshot"] and data["sha256"] == state["sha256"]
    assert VALID_NIK not in str(data)
    assert [e["kind"] for e in events] == ["letter"] and VALID_NIK not in str(events)

    # the sync pulled the letter back: the desk's own copy is untouched and still reprints identically
    with desk.ctx.db.reader() as s:
        kept = s.get(IssuedLetter, letter_id)
        assert kept is not None and kept.sha256 == local_sha
        assert unseal(dict(kept.snapshot), desk.ctx.vault, full=True) == local_snapshot
    assert desk.letters.reprint(supervisor, letter_id).identical


def test_a_letter_without_a_full_nik_travels_as_issued(
    desk: DeskServices, officer: Any, walk_in: Any, city: tuple[Engine, LiveServer]
) -> None:
    """An officer's form already shows the masked NIK: the synced copy is the original, same hash."""
    engine, srv = city
    letter_id = _issue_and_sync(desk, officer, walk_in, engine, srv, kind="form")
    with desk.ctx.db.reader() as s:
        original = s.get(IssuedLetter, letter_id)
        assert original is not None
        local_snapshot, local_sha = (
            unseal(dict(original.snapshot), desk.ctx.vault, full=True),
            original.sha256,
        )
    state = _letter_op(desk, letter_id).payload["state"]
    assert state["masked"] is False and state["snapshot"] == local_snapshot and state["sha256"] == local_sha
    with engine.connect() as conn:
        data = conn.execute(select(Record.data).where(Record.entity_id == letter_id)).scalar_one()
    assert data["sha256"] == local_sha and VALID_NIK not in str(data)


def test_a_reprint_sends_nothing_and_a_numbered_letter_carries_its_counter(
    desk: DeskServices, officer: Any, walk_in: Any
) -> None:
    """A reprint is not an intent on the record (no op); a numbered letter's op names the counter and seq
    it was numbered from, which is what keeps a restored desk's counter ahead."""
    number = desk.register.receive(officer, walk_in()).number
    desk.actions.act(officer, number, "extend", {"reason": "belum_dikuasai"})
    first = desk.letters.issue(officer, "extension", number)
    assert desk.letters.issue(officer, "extension", number).reprint
    desk.letters.reprint(officer, first.id)
    with desk.ctx.db.reader() as s:
        payloads = list(s.scalars(select(OutboxOp.payload).where(OutboxOp.entity == "letter")))
    assert len(payloads) == 1
    state = payloads[0]["state"]
    assert state["number"] == first.number and state["kind"] == "extension"
    assert state["counter"] == "letter:2026" and state["seq"] == 1
    assert state["request_number"] == number and state["masked"] is False

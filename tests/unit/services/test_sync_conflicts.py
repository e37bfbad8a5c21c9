"""The supervisor's conflict review (issue #5) on a real desk register: what is listed, and that a decision
writes the record, the timeline, the audit log, the outbox op (with ``resolves``) and the held row in one
transaction, or nothing at all."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from conflict_helpers import answer, hold_change, make_conflict, make_rejected, server_copy
from sqlalchemy import func, select

from app.errors import ActionRefused, PermissionDenied, ValidationError
from app.services.context import Actor
from app.services.desk import DeskServices
from app.sync import state
from db.models import AuditEntry, Event, OutboxOp, Request, Requester
from ppid_protocol.wire import OpResult

REASON = "Sesuai surat keputusan yang sudah dikirim"


def counts(desk: DeskServices) -> tuple[int, int, int]:
    with desk.ctx.db.reader() as s:
        return (
            int(s.scalar(select(func.count()).select_from(Event)) or 0),
            int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0),
            int(s.scalar(select(func.count()).select_from(OutboxOp)) or 0),
        )


def record(desk: DeskServices, number: str) -> dict[str, Any]:
    with desk.ctx.db.reader() as s:
        row = s.scalars(select(Request).where(Request.number == number)).one()
        return {c.name: getattr(row, c.name) for c in Request.__table__.columns}


def last_op(desk: DeskServices) -> OutboxOp:
    with desk.ctx.db.reader() as s:
        op = s.scalars(select(OutboxOp).order_by(OutboxOp.seq.desc())).first()
        assert op is not None
        s.expunge(op)
        return op


@pytest.fixture
def held(desk: DeskServices, officer: Actor, walk_in: Callable[..., dict[str, Any]]) -> Any:
    return make_conflict(desk, officer, walk_in())


def test_listing_shows_what_a_supervisor_needs(desk: DeskServices, officer: Actor, held: Any) -> None:
    items = desk.sync_conflicts.list(officer)  # officers may look
    assert len(items) == 1 and desk.sync_conflicts.open_count() == 1
    item = items[0]
    assert (item.number, item.request_number, item.requester_name) == (
        held.number,
        held.number,
        "Siti Aminah",
    )
    assert item.decidable and item.blocker is None and item.is_open and item.action == "respond"
    assert item.code == "concurrent_change" and item.server_conflict_id == 7 and "supervisor" in item.message
    by_name = {f.name: f for f in item.fields}
    status = by_name["status"]
    assert status.conflicting and (status.base, status.server, status.desk) == (
        "diproses",
        "ditolak",
        "dijawab",
    )
    assert (status.label, status.server_text, status.desk_text) == (
        "Status",
        "Ditolak",
        "Pemberitahuan tertulis dikirim",
    )
    assert [f.name for f in item.conflicting] == ["status", "decision"]
    # every other difference is shown too (what "take the desk's" would change), but not as a conflict
    assert not by_name["rejection_article"].conflicting and by_name["rejection_article"].desk is None


def test_keep_server_is_one_transaction_with_resolves_on_the_server_version(
    desk: DeskServices, supervisor: Actor, held: Any, clock: Any
) -> None:
    before = record(desk, held.number)
    events, audits, ops = counts(desk)
    view = desk.sync_conflicts.resolve(1, "keep_server", supervisor, reason=REASON)
    after = record(desk, held.number)
    assert after["status"] == "ditolak" and after["version"] == before["version"] + 1
    assert counts(desk) == (events + 1, audits + 1, ops + 1)
    op = last_op(desk)
    assert op.acked_at is None and op.action == "resolve" and op.base_version == 2  # the server's version
    assert op.payload["resolves"] == [7] and op.payload["state"]["status"] == "ditolak"
    assert op.payload["event"]["kind"] == "sync_resolve" and REASON in op.payload["event"]["summary"]
    assert not view.is_open and view.resolution == "keep_server" and view.resolved_by == supervisor.username
    assert view.reason == REASON and view.resolved_at == clock.now
    with desk.ctx.db.reader() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "sync_conflict_resolve")).one()
        assert entry.username == supervisor.username and entry.details["reason"] == REASON
        assert entry.details["server_conflicts"] == [7] and entry.details["conflicts"] == [1]
        rec = s.execute(select(state.sync_records.c.needs_review)).scalar_one()
    assert rec is False and desk.sync_conflicts.open_count() == 0
    with pytest.raises(ActionRefused, match="sudah diselesaikan"):
        desk.sync_conflicts.resolve(1, "take_desk", supervisor, reason=REASON)


def test_take_desk_sends_the_desk_version(desk: DeskServices, supervisor: Actor, held: Any) -> None:
    desk.sync_conflicts.resolve(1, "take_desk", supervisor, reason=REASON)
    after = record(desk, held.number)
    assert (after["status"], after["decision"], after["info_form"]) == ("dijawab", "diterima", "softcopy")
    assert after["rejection_article"] is None and after["consequence_test"] is None
    state_sent = last_op(desk).payload["state"]
    assert state_sent["status"] == "dijawab" and state_sent["rejection_article"] is None


def test_edit_takes_the_edited_values_and_the_server_for_the_rest(
    desk: DeskServices, supervisor: Actor, held: Any
) -> None:
    edited = {"status": "dijawab", "decision": "diterima_sebagian"}
    desk.sync_conflicts.resolve(1, "edit", supervisor, edited, reason=REASON)
    after = record(desk, held.number)
    assert (after["status"], after["decision"], after["rejection_article"]) == (
        "dijawab",
        "diterima_sebagian",
        "h",
    )
    assert last_op(desk).payload["event"]["data"]["fields"]["decision"]["chosen"] == "diterima_sebagian"


@pytest.mark.parametrize(
    ("choice", "edited", "reason", "error"),
    [
        ("edit", {"status": "bukan_status"}, REASON, ValidationError),
        ("edit", {"information": "x"}, REASON, ValidationError),  # not a differing field
        ("keep_server", None, "ok", ValidationError),  # reason too short
        ("maybe", None, REASON, ValidationError),
    ],
)
def test_refused_decisions_change_nothing(
    desk: DeskServices, supervisor: Actor, held: Any, choice: str, edited: Any, reason: str, error: type
) -> None:
    before, totals = record(desk, held.number), counts(desk)
    with pytest.raises(error):
        desk.sync_conflicts.resolve(1, choice, supervisor, edited, reason=reason)
    assert record(desk, held.number) == before and counts(desk) == totals
    assert desk.sync_conflicts.open_count() == 1


def test_only_supervisors_decide(desk: DeskServices, officer: Actor, admin: Actor, held: Any) -> None:
    with pytest.raises(PermissionDenied):
        desk.sync_conflicts.resolve(1, "keep_server", officer, reason=REASON)
    with pytest.raises(PermissionDenied):
        desk.sync_conflicts.acknowledge(1, officer, reason=REASON)
    assert desk.sync_conflicts.resolve(1, "keep_server", admin, reason=REASON).resolved_by == admin.username


def test_decision_waits_for_unsent_work_and_for_the_server_copy(
    desk: DeskServices, officer: Actor, supervisor: Actor, held: Any
) -> None:
    desk.actions.act(supervisor, held.number, "correct",
                     {"field": "purpose", "value": "Tujuan baru yang benar", "reason": "Salah ketik"})  # fmt: skip
    item = desk.sync_conflicts.list(supervisor)[0]
    assert item.blocker is not None and "belum terkirim" in item.blocker
    with pytest.raises(ActionRefused, match="belum terkirim"):
        desk.sync_conflicts.resolve(1, "keep_server", supervisor, reason=REASON)
    with desk.ctx.db.transaction() as s:  # the op went out and was held behind the conflict ("blocked")
        s.execute(OutboxOp.__table__.update().values(acked_at=desk.ctx.clock(), note="conflict:blocked"))
    with pytest.raises(ActionRefused, match="diambil ulang"):
        desk.sync_conflicts.resolve(1, "keep_server", supervisor, reason=REASON)
    with desk.ctx.db.reader() as s:  # the next sync re-fetches the server's copy
        assert s.execute(select(state.sync_records.c.stale)).scalar_one() is True


def test_rejected_changes_are_acknowledged_with_a_reason(
    desk: DeskServices, officer: Actor, supervisor: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    rejected = make_rejected(desk, officer, walk_in())
    item = desk.sync_conflicts.list(supervisor)[0]
    assert item.status == "rejected" and not item.decidable and item.code_label == "Pemindahan kantor ditolak"
    with pytest.raises(ActionRefused, match="tandai sudah ditinjau"):
        desk.sync_conflicts.resolve(item.id, "take_desk", supervisor, reason=REASON)
    with pytest.raises(ValidationError):
        desk.sync_conflicts.acknowledge(item.id, supervisor, reason="")
    view = desk.sync_conflicts.acknowledge(item.id, supervisor, reason="Sudah dibahas dengan PPID kota")
    assert view.resolution == "acknowledged" and view.reason == "Sudah dibahas dengan PPID kota"
    with desk.ctx.db.reader() as s:
        kinds = list(s.scalars(select(Event.kind).where(Event.request_id == rejected.entity_id)))
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "sync_conflict_acknowledge")).one()
        assert entry.details["code"] == "route_forbidden" and entry.details["op_payload"]
    assert "sync_acknowledge" in kinds
    # still listed among the recently resolved, nothing disappears unseen
    assert [i.id for i in desk.sync_conflicts.list(supervisor)] == [item.id]


def test_a_held_conflict_must_be_decided_not_just_acknowledged(
    desk: DeskServices, supervisor: Actor, held: Any
) -> None:
    with pytest.raises(ActionRefused, match="harus diputuskan"):
        desk.sync_conflicts.acknowledge(1, supervisor, reason=REASON)


def test_keberatan_conflict_is_decided_like_a_request(
    desk: DeskServices, officer: Actor, supervisor: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    number = desk.register.receive(officer, walk_in()).number
    objection = desk.objections.add(officer, request_number=number, grounds="a")
    decide = {"decision": "ditolak", "text": "Menguatkan keputusan PPID.", "atasan_name": "Drs. Ahmad",
              "atasan_position": "Camat Cipocok Jaya"}  # fmt: skip
    server = {"status": "sengketa", "dispute_register": "045/REG-PSI/IV/2026"}
    hold_change(desk, "objection", objection.id,
                lambda: desk.objections.act(supervisor, objection.number, "decide", decide), server)  # fmt: skip
    item = desk.sync_conflicts.list(supervisor)[0]
    assert (item.entity, item.number, item.request_number) == ("objection", objection.number, number)
    assert item.requester_name == "Siti Aminah" and item.blocker is None
    assert [f.name for f in item.conflicting] == ["status"]
    desk.sync_conflicts.resolve(item.id, "take_desk", supervisor, reason=REASON)
    view = desk.objections.get(supervisor, objection.number)
    assert view.status == "diputus" and view.decision == "ditolak"
    op = last_op(desk)
    assert op.entity == "objection" and op.payload["resolves"] == [7] and op.base_version == 2
    assert op.payload["state"]["request_number"] == number
    with desk.ctx.db.reader() as s:
        kinds = list(s.scalars(select(Event.kind).where(Event.objection_id == objection.id)))
    assert "sync_resolve" in kinds


def test_requester_identity_conflict_masks_the_phone_for_officers(
    desk: DeskServices, officer: Actor, supervisor: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    number = desk.register.receive(officer, walk_in()).number
    rid = server_copy(desk, number)["id"]
    theirs = {**server_copy(desk, number)["requester"], "name": "Siti Aminah Lubis"}
    fix = {"field": "requester.name", "value": "Siti Aminah Siregar", "reason": "Sesuai KTP"}
    hold_change(desk, "request", rid, lambda: desk.actions.act(supervisor, number, "correct", fix),
                {"requester": theirs})  # fmt: skip
    seen = {f.name: f for f in desk.sync_conflicts.list(officer)[0].fields}["requester"]
    assert seen.conflicting and "Siti Aminah Lubis" in seen.server_text and "Siregar" in seen.desk_text
    assert "+6281234567890" not in seen.server_text and "telepon" in seen.server_text
    full = {f.name: f for f in desk.sync_conflicts.list(supervisor)[0].fields}["requester"]
    assert "+6281234567890" in full.server_text
    desk.sync_conflicts.resolve(1, "take_desk", supervisor, reason=REASON)
    with desk.ctx.db.reader() as s:
        row = s.scalars(select(Request).where(Request.number == number)).one()
        who = s.get(Requester, row.requester_id)
        assert who is not None and who.name == "Siti Aminah Siregar" and who.nik_encrypted
    assert last_op(desk).payload["state"]["requester"]["name"] == "Siti Aminah Siregar"


def test_a_change_to_a_record_routed_away_is_acknowledged(
    desk: DeskServices, officer: Actor, supervisor: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    number = desk.register.receive(officer, walk_in()).number
    moved = OpResult(op_id="*", status="conflict", code="moved_out_of_scope", conflict_id=9, version=3,
                     message="Permohonan sudah diteruskan ke kantor lain.",
                     fields={"office_code": {"server": "3673.02", "desk": "CPJ"}})  # fmt: skip
    answer(desk, {"*": moved})
    item = desk.sync_conflicts.list(supervisor)[0]
    assert (
        item.number == number and not item.decidable and item.code_label == "Sudah diteruskan ke kantor lain"
    )
    assert [(f.name, f.server, f.desk, f.conflicting) for f in item.fields] == [
        ("office_code", "3673.02", "CPJ", True)
    ]
    with pytest.raises(ActionRefused):
        desk.sync_conflicts.resolve(item.id, "keep_server", supervisor, reason=REASON)
    view = desk.sync_conflicts.acknowledge(item.id, supervisor, reason="Sudah ditangani kantor tujuan")
    assert view.resolution == "acknowledged" and desk.sync_conflicts.open_count() == 0

"""Keberatan: registration (grounds a–g, KEB/... number, 30 working days for the Atasan PPID), every status ×
action through the real service, and the sengketa window."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text
from svc_helpers import BODIES, counts

from app.domain.lifecycle import OBJECTION_ALLOWED, ObjectionAction, ObjectionStatus, Status
from app.errors import ActionRefused, PermissionDenied, ValidationError
from app.services.context import Actor
from app.services.desk import DeskServices

MONDAY = datetime(2026, 3, 16, 9, 30)
FILED = datetime(2026, 3, 17, 10, 0)

OBJ_BODIES: dict[ObjectionAction, dict[str, Any]] = {
    ObjectionAction.DECIDE: {
        "decision": "ditolak",
        "text": "Menguatkan keputusan PPID karena informasi dikecualikan.",
        "atasan_name": "Drs. H. Ahmad Syaukani",
        "atasan_position": "Camat Cipocok Jaya",
    },
    ObjectionAction.REQUESTER_RESPONSE: {"response": "Pemohon tidak menerima tanggapan Atasan PPID."},
    ObjectionAction.DISPUTE: {"register_number": "045/REG-PSI/IV/2026"},
    ObjectionAction.DISPUTE_OUTCOME: {"outcome": "mediasi_berhasil", "text": "Para pihak sepakat"},
    ObjectionAction.CLOSE: {"note": "Pemohon menerima"},
    ObjectionAction.VOID: {"reason": "Keberatan didaftarkan dua kali"},
}

OBJ_PATHS: dict[ObjectionStatus, tuple[ObjectionAction, ...]] = {
    ObjectionStatus.REGISTERED: (),
    ObjectionStatus.DECIDED: (ObjectionAction.DECIDE,),
    ObjectionStatus.DISPUTED: (ObjectionAction.DECIDE, ObjectionAction.DISPUTE),
    ObjectionStatus.CLOSED: (ObjectionAction.DECIDE, ObjectionAction.CLOSE),
    ObjectionStatus.VOID: (ObjectionAction.VOID,),
}

RESULT = {
    ObjectionAction.DECIDE: ObjectionStatus.DECIDED,
    ObjectionAction.REQUESTER_RESPONSE: ObjectionStatus.DECIDED,
    ObjectionAction.DISPUTE: ObjectionStatus.DISPUTED,
    ObjectionAction.DISPUTE_OUTCOME: ObjectionStatus.CLOSED,
    ObjectionAction.CLOSE: ObjectionStatus.CLOSED,
    ObjectionAction.VOID: ObjectionStatus.VOID,
}


@pytest.fixture
def rejected(desk: DeskServices, supervisor: Actor, clock, walk_in) -> str:
    clock.now = MONDAY
    number = desk.register.receive(supervisor, walk_in()).number
    desk.actions.act(supervisor, number, "reject", BODIES["reject"])
    clock.now = FILED
    return number


def _objection_row(desk: DeskServices, number: str) -> dict[str, Any]:
    with desk.ctx.db.read_engine.connect() as conn:
        row = dict(
            conn.execute(text("SELECT * FROM objections WHERE number = :n"), {"n": number}).mappings().one()
        )
        conn.rollback()
    return row


def _objection_in(desk: DeskServices, actor: Actor, request_number: str, status: ObjectionStatus) -> str:
    number = desk.objections.add(actor, request_number=request_number, grounds="a").number
    for action in OBJ_PATHS[status]:
        desk.objections.act(actor, number, action.value, OBJ_BODIES[action])
    assert desk.objections.get(actor, number).status == status
    return number


def test_add_issues_number_and_thirty_working_day_deadline(
    desk: DeskServices, officer: Actor, rejected: str
) -> None:
    before = counts(desk, rejected)
    view = desk.objections.add(
        officer,
        request_number=rejected,
        grounds="a, e",
        body={"kasus_posisi": "Permohonan ditolak tanpa uji konsekuensi yang jelas."},
    )
    assert re.fullmatch(r"KEB/CPJ/2026/A-\d{3}", view.number)
    assert view.number == "KEB/CPJ/2026/A-001"
    assert view.grounds == ["a", "e"]
    assert view.status == ObjectionStatus.REGISTERED
    assert view.case_summary.startswith("Permohonan ditolak")
    cal = desk.calendar.calendar()
    assert view.due_response is not None and cal.is_working_day(view.due_response)
    assert cal.working_days_between(FILED.date(), view.due_response) == 30
    assert view.deadlines["response"]["explanation"]
    after = counts(desk, rejected)
    assert after["objections"] == before["objections"] + 1
    assert after["request_events"] == before["request_events"] + 1  # mirrored on the request's timeline
    assert after["audit_log"] == before["audit_log"] + 1
    assert after["outbox_ops"] == before["outbox_ops"] + 1
    assert [e.kind for e in view.events] == ["filed"]
    second = desk.objections.add(officer, request_number=rejected, grounds=["g"])
    assert second.number == "KEB/CPJ/2026/A-002"


@pytest.mark.parametrize("grounds", ["", "h", "a,z", [], ["1"]])
def test_add_refuses_grounds_outside_a_to_g(
    desk: DeskServices, officer: Actor, rejected: str, grounds: Any
) -> None:
    before = counts(desk)
    with pytest.raises(ValidationError) as bad:
        desk.objections.add(officer, request_number=rejected, grounds=grounds)
    assert "ground" in bad.value.fields
    assert counts(desk) == before


def test_add_refused_for_a_voided_request(desk: DeskServices, supervisor: Actor, rejected: str) -> None:
    desk.actions.act(supervisor, rejected, "void", BODIES["void"])
    before = counts(desk)
    with pytest.raises(ActionRefused, match="dibatalkan"):
        desk.objections.add(supervisor, request_number=rejected, grounds="a")
    assert counts(desk) == before  # the keberatan counter did not move either


def test_add_refused_before_the_request_was_received(
    desk: DeskServices, officer: Actor, rejected: str
) -> None:
    before = counts(desk)
    with pytest.raises(ValidationError) as bad:
        desk.objections.add(
            officer, request_number=rejected, grounds="a", filed_at=MONDAY - timedelta(days=1)
        )
    assert "filed_at" in bad.value.fields
    assert counts(desk) == before


def test_add_with_proxy_needs_a_name(desk: DeskServices, officer: Actor, rejected: str) -> None:
    with pytest.raises(ValidationError) as bad:
        desk.objections.add(officer, request_number=rejected, grounds="a", body={"kuasa": {"phone": "0812"}})
    assert "proxy" in bad.value.fields
    with pytest.raises(ValidationError) as bad:  # a phone is checked like the intake's kuasa phone
        desk.objections.add(
            officer,
            request_number=rejected,
            grounds="a",
            body={"kuasa": {"name": "LBH Serang", "phone": "0254"}},
        )
    assert "proxy.phone" in bad.value.fields
    view = desk.objections.add(
        officer,
        request_number=rejected,
        grounds="a",
        body={"kuasa": {"name": "LBH Serang", "phone": "(0254) 200100"}},
    )
    # stored in E.164; a petugas sees it masked, like the requester's phone
    assert view.proxy == {
        "name": "LBH Serang",
        "address": None,
        "phone": None,
        "phone_display": "(0254) ••0100",
    }


def test_late_filing_is_recorded_not_refused(
    desk: DeskServices, officer: Actor, clock, rejected: str
) -> None:
    filing_due = desk.register.get(officer, rejected).deadlines["objection_filing"]["due"]
    clock.now = datetime.fromisoformat(filing_due) + timedelta(days=3, hours=9)
    view = desk.objections.add(officer, request_number=rejected, grounds="a")
    assert view.events[0].data["late_filing"] is True
    on_time = desk.objections.add(officer, request_number=rejected, grounds="a", filed_at=FILED)
    assert on_time.events[0].data["late_filing"] is False


OBJ_PAIRS = [(s, a) for s in ObjectionStatus for a in ObjectionAction]


def _id(value: object) -> str:
    return str(getattr(value, "value", value))


@pytest.mark.parametrize(
    ("status", "action"), [p for p in OBJ_PAIRS if p[0] in OBJECTION_ALLOWED[p[1]]], ids=_id
)
def test_allowed_objection_action(
    desk: DeskServices,
    supervisor: Actor,
    clock,
    rejected: str,
    status: ObjectionStatus,
    action: ObjectionAction,
) -> None:
    number = _objection_in(desk, supervisor, rejected, status)
    if status == ObjectionStatus.REGISTERED and action == ObjectionAction.DISPUTE:
        due = desk.objections.get(supervisor, number).due_response
        assert due is not None
        clock.now = datetime.combine(due + timedelta(days=1), datetime.min.time()) + timedelta(hours=9)
    before, row = counts(desk, rejected), _objection_row(desk, number)
    view = desk.objections.act(supervisor, number, action.value, OBJ_BODIES[action])
    after = counts(desk, rejected)
    assert view.status == RESULT[action]
    assert view.version == row["version"] + 1
    assert view.events[-1].kind == action.value
    assert after["request_events"] == before["request_events"] + 1
    assert after["events"] == before["events"] + 2  # one on the keberatan, one mirrored on the request
    assert after["audit_log"] == before["audit_log"] + 1
    assert after["outbox_ops"] == before["outbox_ops"] + 1


@pytest.mark.parametrize(
    ("status", "action"), [p for p in OBJ_PAIRS if p[0] not in OBJECTION_ALLOWED[p[1]]], ids=_id
)
def test_disallowed_objection_action_changes_nothing(
    desk: DeskServices, supervisor: Actor, rejected: str, status: ObjectionStatus, action: ObjectionAction
) -> None:
    number = _objection_in(desk, supervisor, rejected, status)
    before, row = counts(desk, rejected), _objection_row(desk, number)
    with pytest.raises(ActionRefused) as refused:
        desk.objections.act(supervisor, number, action.value, OBJ_BODIES[action])
    message = str(refused.value)
    assert (
        ("sudah dibatalkan" in message) if status == ObjectionStatus.VOID else ("Hanya boleh saat" in message)
    )
    assert counts(desk, rejected) == before
    assert _objection_row(desk, number) == row


def test_dispute_without_decision_refused_until_the_window_lapses(
    desk: DeskServices, officer: Actor, clock, rejected: str
) -> None:
    number = desk.objections.add(officer, request_number=rejected, grounds="a").number
    due = desk.objections.get(officer, number).due_response
    assert due is not None
    clock.now = datetime.combine(due, datetime.min.time()) + timedelta(hours=15)
    before, row = counts(desk, rejected), _objection_row(desk, number)
    with pytest.raises(ActionRefused, match="setelah batas tanggapan"):
        desk.objections.act(officer, number, "dispute", OBJ_BODIES[ObjectionAction.DISPUTE])
    assert (counts(desk, rejected), _objection_row(desk, number)) == (before, row)
    clock.now += timedelta(days=1)
    view = desk.objections.act(officer, number, "dispute", OBJ_BODIES[ObjectionAction.DISPUTE])
    assert view.status == ObjectionStatus.DISPUTED
    assert view.dispute_register == "045/REG-PSI/IV/2026"


def test_decide_records_the_atasan_and_moves_the_dispute_window(
    desk: DeskServices, officer: Actor, clock, rejected: str
) -> None:
    number = desk.objections.add(officer, request_number=rejected, grounds="a").number
    clock.now = FILED + timedelta(days=7)
    view = desk.objections.act(officer, number, "decide", OBJ_BODIES[ObjectionAction.DECIDE])
    assert view.decision == "ditolak"
    assert view.atasan_name == "Drs. H. Ahmad Syaukani"
    assert view.decided_at == clock.now
    assert view.events[-1].data["late"] is False
    cal = desk.calendar.calendar()
    filing_due = date.fromisoformat(view.to_dict()["due"]["dispute_filing"])
    assert cal.working_days_between(clock.now.date(), filing_due) == 14


def test_decide_uses_the_registered_atasan_ppid(
    desk: DeskServices, admin: Actor, officer: Actor, rejected: str
) -> None:
    number = desk.objections.add(officer, request_number=rejected, grounds="a").number
    body = {"decision": "dikabulkan", "text": "Informasi diberikan."}
    with pytest.raises(ValidationError) as bad:
        desk.objections.act(officer, number, "decide", body)
    assert "atasan_name" in bad.value.fields
    desk.office.save_official(admin, role="atasan_ppid", name="Hj. Nurhasanah", jabatan="Camat")
    view = desk.objections.act(officer, number, "decide", body)
    assert (view.atasan_name, view.atasan_position) == ("Hj. Nurhasanah", "Camat")


@pytest.mark.parametrize(
    ("status", "action", "body", "field"),
    [
        (
            ObjectionStatus.REGISTERED,
            ObjectionAction.DECIDE,
            {"decision": "mungkin", "text": "x"},
            "decision",
        ),
        (ObjectionStatus.REGISTERED, ObjectionAction.DECIDE, {"decision": "ditolak"}, "text"),
        (ObjectionStatus.DECIDED, ObjectionAction.REQUESTER_RESPONSE, {"response": " "}, "response"),
        (ObjectionStatus.DISPUTED, ObjectionAction.DISPUTE_OUTCOME, {"outcome": "menang"}, "outcome"),
        (ObjectionStatus.REGISTERED, ObjectionAction.VOID, {"reason": "x"}, "reason"),
    ],
    ids=_id,
)
def test_invalid_objection_body_changes_nothing(
    desk: DeskServices,
    supervisor: Actor,
    rejected: str,
    status: ObjectionStatus,
    action: ObjectionAction,
    body: dict,
    field: str,
) -> None:
    number = _objection_in(desk, supervisor, rejected, status)
    before, row = counts(desk, rejected), _objection_row(desk, number)
    with pytest.raises(ValidationError) as bad:
        desk.objections.act(supervisor, number, action.value, body)
    assert field in bad.value.fields
    assert (counts(desk, rejected), _objection_row(desk, number)) == (before, row)


def test_officer_cannot_void_an_objection(desk: DeskServices, officer: Actor, rejected: str) -> None:
    number = desk.objections.add(officer, request_number=rejected, grounds="a").number
    with pytest.raises(PermissionDenied):
        desk.objections.act(officer, number, "void", OBJ_BODIES[ObjectionAction.VOID])


def test_objection_action_before_filing_is_refused(desk: DeskServices, officer: Actor, rejected: str) -> None:
    number = desk.objections.add(officer, request_number=rejected, grounds="a").number
    with pytest.raises(ValidationError) as bad:
        desk.objections.act(officer, number, "decide", OBJ_BODIES[ObjectionAction.DECIDE], at=MONDAY)
    assert "at" in bad.value.fields


def test_list_by_request_and_status(desk: DeskServices, officer: Actor, rejected: str) -> None:
    first = desk.objections.add(officer, request_number=rejected, grounds="a").number
    desk.objections.act(officer, first, "decide", OBJ_BODIES[ObjectionAction.DECIDE])
    second = desk.objections.add(officer, request_number=rejected, grounds="b").number
    assert {o.number for o in desk.objections.list(officer, request_number=rejected)} == {first, second}
    assert [o.number for o in desk.objections.list(officer, status="terdaftar")] == [second]
    assert desk.register.get(officer, rejected).status == Status.REJECTED


def test_objection_action_does_not_move_stored_deadlines(
    desk: DeskServices, admin: Actor, officer: Actor, rejected: str
) -> None:
    number = desk.objections.add(officer, request_number=rejected, grounds="a").number
    due = desk.objections.get(officer, number).due_response
    desk.calendar.add(admin, day=date(2026, 3, 30), name="Kerja bakti")
    view = desk.objections.act(officer, number, "decide", OBJ_BODIES[ObjectionAction.DECIDE])
    assert view.due_response == due


def test_list_reads_many_keberatan_in_chunks_with_their_own_requests_and_timelines(
    desk: DeskServices, supervisor: Actor, clock, walk_in, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list reads request numbers and timelines per chunk of keberatan; each view must still get its own."""
    from app.services import objections as objections_module

    filed: dict[str, str] = {}
    for _ in range(5):
        clock.now = MONDAY
        request = desk.register.receive(supervisor, walk_in()).number
        desk.actions.act(supervisor, request, "reject", BODIES["reject"])
        clock.now = FILED
        filed[desk.objections.add(supervisor, request_number=request, grounds="a").number] = request
    one = next(iter(filed))
    desk.objections.act(supervisor, one, ObjectionAction.DECIDE.value, OBJ_BODIES[ObjectionAction.DECIDE])
    expected = {number: desk.objections.get(supervisor, number) for number in filed}
    monkeypatch.setattr(objections_module, "_CHUNK", 2)  # 5 keberatan: chunks of 2, 2 and 1
    listed = desk.objections.list(supervisor)
    assert {view.number: view.request_number for view in listed} == filed
    assert {view.number: view for view in listed} == expected
    assert len(expected[one].events) > len(expected[next(n for n in filed if n != one)].events)

"""Every request status × every lifecycle action, driven through the real services on a real register.

An allowed action must succeed and leave exactly one timeline event, one audit entry and one outbox operation;
a disallowed one must be refused with an Indonesian reason and leave the stored row, the timeline, the audit
log, the outbox and the counters byte-for-byte as they were.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from svc_helpers import AFTER_COMPLETION_WINDOW, BODIES, counts, request_row

from app.domain.lifecycle import ALLOWED, Action, Status
from app.errors import ActionRefused, ValidationError
from app.services.context import Actor
from app.services.desk import DeskServices

ACTIONS = [a for a in Action if a != Action.RECEIVE]
PAIRS = [(s, a) for s in Status for a in ACTIONS]

RESULT: dict[Action, Status | None] = {
    Action.COMPLETE: Status.IN_PROCESS,
    Action.INCOMPLETE: Status.INCOMPLETE,
    Action.EXTEND: Status.EXTENDED,
    Action.RESPOND: Status.ANSWERED,
    Action.REJECT: Status.REJECTED,
    Action.FORWARD: Status.FORWARDED,
    Action.DELIVER: Status.DELIVERED,
    Action.CLOSE: Status.CLOSED,
    Action.VOID: Status.VOID,
    Action.CORRECT: None,  # unchanged
}


def _id(value: object) -> str:
    return str(getattr(value, "value", value))


@pytest.mark.parametrize(("status", "action"), [p for p in PAIRS if p[0] in ALLOWED[p[1]]], ids=_id)
def test_allowed_action_succeeds_and_journals_once(
    desk: DeskServices,
    supervisor: Actor,
    clock,
    to_state: Callable[[Status], str],
    status: Status,
    action: Action,
) -> None:
    number = to_state(status)
    if status == Status.INCOMPLETE and action == Action.CLOSE:
        clock.now = AFTER_COMPLETION_WINDOW  # closing as "tidak dapat diproses" needs the window to lapse
    before, row_before = counts(desk, number), request_row(desk, number)

    view = desk.actions.act(supervisor, number, action.value, BODIES[action.value])

    after = counts(desk, number)
    expected = RESULT[action] or status
    if status == Status.INCOMPLETE and action == Action.CLOSE:
        expected = Status.NOT_PROCESSABLE
    assert view.status == expected
    assert view.version == row_before["version"] + 1
    assert view.events[-1].kind == action.value
    assert view.events[-1].username == supervisor.username
    for table in ("request_events", "events", "audit_log", "outbox_ops"):
        assert after[table] == before[table] + 1, table
    assert after["requests"] == before["requests"]
    assert after["counters"] == before["counters"]


@pytest.mark.parametrize(("status", "action"), [p for p in PAIRS if p[0] not in ALLOWED[p[1]]], ids=_id)
def test_disallowed_action_is_refused_and_changes_nothing(
    desk: DeskServices,
    supervisor: Actor,
    to_state: Callable[[Status], str],
    status: Status,
    action: Action,
) -> None:
    number = to_state(status)
    before, row_before = counts(desk, number), request_row(desk, number)

    with pytest.raises(ActionRefused) as refused:
        desk.actions.act(supervisor, number, action.value, BODIES[action.value])

    message = str(refused.value)
    if status == Status.VOID:
        assert "sudah dibatalkan" in message
    else:
        assert "tidak dapat dilakukan saat status" in message
        assert "Hanya boleh saat" in message
    assert counts(desk, number) == before
    assert request_row(desk, number) == row_before


def test_receive_is_not_an_action(desk: DeskServices, supervisor: Actor, to_state) -> None:
    number = to_state(Status.IN_PROCESS)
    before = counts(desk, number)
    with pytest.raises(ActionRefused):
        desk.actions.act(supervisor, number, "receive", {})
    with pytest.raises(ValidationError) as bad:
        desk.actions.act(supervisor, number, "terbang", {})
    assert "action" in bad.value.fields
    assert counts(desk, number) == before


@pytest.mark.parametrize(
    ("status", "action", "body", "field"),
    [
        (Status.VERIFICATION, "incomplete", {"missing_items": []}, "missing_items"),
        (Status.IN_PROCESS, "extend", {"reason": "malas"}, "reason"),
        (Status.IN_PROCESS, "respond", {"decision": "ditolak"}, "decision"),
        (Status.IN_PROCESS, "respond", {"decision": "diterima_sebagian"}, "redaction_reason"),
        (Status.IN_PROCESS, "respond", {"decision": "tidak_dikuasai"}, "holder_body"),
        (Status.IN_PROCESS, "respond", {"decision": "diterima", "costs": {"pages": -1}}, "costs.pages"),
        (Status.IN_PROCESS, "reject", {"article": "z", "consequence_test": "x" * 30}, "article"),
        (Status.IN_PROCESS, "reject", {"article": "a", "consequence_test": "pendek"}, "consequence_test"),
        (Status.IN_PROCESS, "forward", {"to_body": "  "}, "to_body"),
        (Status.ANSWERED, "deliver", {"method": "merpati"}, "method"),
        (Status.IN_PROCESS, "void", {"reason": "x"}, "reason"),
        (Status.IN_PROCESS, "correct", {"field": "status", "value": "x", "reason": "coba-coba"}, "field"),
        (Status.IN_PROCESS, "correct", {"field": "purpose", "reason": "coba-coba"}, "value"),
        (Status.IN_PROCESS, "correct", {"field": "channel", "value": "merpati", "reason": "salah"}, "value"),
        (
            Status.IN_PROCESS,
            "correct",
            {"field": "requester.phone", "value": "12", "reason": "salah ketik"},
            "value",
        ),
    ],
    ids=lambda v: _id(v) if not isinstance(v, dict) else "body",
)
def test_invalid_body_is_refused_and_changes_nothing(
    desk: DeskServices, supervisor: Actor, to_state, status: Status, action: str, body: dict, field: str
) -> None:
    number = to_state(status)
    before, row_before = counts(desk, number), request_row(desk, number)
    with pytest.raises(ValidationError) as bad:
        desk.actions.act(supervisor, number, action, body)
    assert field in bad.value.fields
    assert counts(desk, number) == before
    assert request_row(desk, number) == row_before


def test_correct_same_value_is_refused(desk: DeskServices, supervisor: Actor, to_state) -> None:
    number = to_state(Status.IN_PROCESS)
    current = desk.register.get(supervisor, number).purpose
    before = counts(desk, number)
    with pytest.raises(ValidationError):
        desk.actions.act(
            supervisor, number, "correct", {"field": "purpose", "value": current, "reason": "cek"}
        )
    assert counts(desk, number) == before


def test_correct_records_old_and_new_value(desk: DeskServices, supervisor: Actor, to_state) -> None:
    number = to_state(Status.IN_PROCESS)
    old = desk.register.get(supervisor, number).purpose
    view = desk.actions.act(supervisor, number, "correct", BODIES["correct"])
    assert view.purpose == BODIES["correct"]["value"]
    event = view.events[-1]
    assert event.data == {
        "field": "purpose",
        "old": old,
        "new": BODIES["correct"]["value"],
        "reason": BODIES["correct"]["reason"],
    }


def test_correct_requester_nik_keeps_only_masked_form_in_timeline(
    desk: DeskServices, supervisor: Actor, to_state
) -> None:
    number = to_state(Status.IN_PROCESS)
    new_nik = "3673051203900007"  # man born 12 March 1990, Cipocok Jaya
    view = desk.actions.act(
        supervisor,
        number,
        "correct",
        {"field": "requester.nik", "value": new_nik, "reason": "salah ketik NIK"},
    )
    assert view.requester.nik == new_nik  # the supervisor may see it in full
    assert new_nik not in str(view.events[-1].data)
    assert view.events[-1].data["new"] == view.requester.nik_masked


def test_void_keeps_number_and_reason(desk: DeskServices, supervisor: Actor, to_state) -> None:
    number = to_state(Status.ANSWERED)
    view = desk.actions.act(supervisor, number, "void", BODIES["void"])
    assert view.number == number
    assert view.void_reason == BODIES["void"]["reason"]
    assert view.events[-1].data["previous_status"] == Status.ANSWERED.value


def test_void_records_who_voided(desk: DeskServices, supervisor: Actor, to_state) -> None:
    number = to_state(Status.IN_PROCESS)
    desk.actions.act(supervisor, number, "void", BODIES["void"])
    assert request_row(desk, number)["voided_by"] == supervisor.username


@pytest.mark.parametrize("decision", ["tidak_dikuasai", "belum_didokumentasikan"])
def test_deliver_refused_when_nothing_is_handed_over(
    desk: DeskServices, supervisor: Actor, to_state: Callable[[Status], str], decision: str
) -> None:
    number = to_state(Status.IN_PROCESS)
    body = {"decision": decision, "holder_body": "Dinas PUPR Kota Serang"}
    desk.actions.act(supervisor, number, "respond", body)
    before, row_before = counts(desk, number), request_row(desk, number)
    with pytest.raises(ActionRefused, match="Penyerahan hanya"):
        desk.actions.act(supervisor, number, "deliver", BODIES["deliver"])
    assert (counts(desk, number), request_row(desk, number)) == (before, row_before)
    assert desk.actions.act(supervisor, number, "close", {}).status == Status.CLOSED


def test_respond_partial_records_redaction_and_costs(
    desk: DeskServices, supervisor: Actor, to_state: Callable[[Status], str]
) -> None:
    number = to_state(Status.EXTENDED)
    view = desk.actions.act(
        supervisor,
        number,
        "respond",
        {
            "decision": "diterima_sebagian",
            "redaction_reason": "NIK pihak ketiga dihitamkan (Pasal 17 huruf h)",
            "costs": {"pages": 12, "price_per_page": 500, "shipping": 10000},
        },
    )
    assert view.decision is not None and view.decision.value == "diterima_sebagian"
    assert view.redaction_reason.startswith("NIK pihak ketiga")
    assert view.costs == {"pages": 12, "price_per_page": 500, "shipping": 10000, "other": 0, "total": 16000}
    assert view.deadlines["objection_filing"]["due"]


def test_correct_nik_to_another_requesters_nik_is_refused(
    desk: DeskServices, supervisor: Actor, walk_in
) -> None:
    siti = desk.register.receive(supervisor, walk_in())
    budi = desk.register.receive(supervisor, walk_in(requester={"nik": "3673051203900007", "name": "Budi"}))
    before = counts(desk, budi.number)
    body = {"field": "requester.nik", "value": siti.requester.nik, "reason": "salah ketik NIK"}
    with pytest.raises((ValidationError, ActionRefused)):
        desk.actions.act(supervisor, budi.number, "correct", body)
    assert counts(desk, budi.number) == before


def test_unknown_number_is_not_found(desk: DeskServices, supervisor: Actor) -> None:
    from app.errors import NotFound

    before = counts(desk)
    with pytest.raises(NotFound, match="tidak ditemukan"):
        desk.actions.act(supervisor, "CPJ/2026/A-9999", "extend", BODIES["extend"])
    with pytest.raises(NotFound, match="tidak ditemukan"):
        desk.register.get(supervisor, "CPJ/2026/A-9999")
    with pytest.raises(NotFound, match="tidak ditemukan"):
        desk.objections.act(supervisor, "KEB/CPJ/2026/A-999", "close", {})
    assert counts(desk) == before


def test_a_correction_on_the_timeline_names_the_field_as_the_dialog_does(
    desk: DeskServices, to_state: Callable[[Status], str], supervisor: Actor
) -> None:
    """Issue 16 item 6: the timeline read "Koreksi purpose: …", the field's key; it names the field by the label
    the *Koreksi data* dialog offers it under (the field table's)."""
    from app.services.record_fields import correctable

    number = to_state(Status.IN_PROCESS)
    desk.actions.act(supervisor, number, "correct", BODIES["correct"])
    desk.actions.act(
        supervisor, number, "correct", {"field": "requester.name", "value": "Budi S.", "reason": "Nama salah"}
    )
    purpose, name = (e.summary for e in desk.register.get(supervisor, number).events[-2:])
    label = correctable()["purpose"].correct
    assert label is not None and purpose == f"Koreksi {label.label}: Salah ketik tujuan"
    assert name.startswith("Koreksi Nama") and "requester" not in name

"""The lifecycle engine, table by table: for every action of a request and of a keberatan, the states it is
allowed in (written out here as the law reads, independently of the tables), the exact Indonesian refusal in
every other state, who may take it, the deadline that runs in each state and the letters actions issue."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from app.domain.lifecycle import (
    OBJECTION_LIFECYCLE,
    REQUEST_LIFECYCLE,
    Action,
    Decision,
    ObjectionAction,
    ObjectionStatus,
    Status,
    closing_status,
    issued_request_actions,
    request_deadline_in_force,
)
from app.domain.permissions import Role

S, OS = Status, ObjectionStatus
LIVE = set(Status) - {S.VOID}

#: (action, states it is allowed in, label in the refusal) for requests, as UU 14/2008 and Perki 1/2021 read.
REQUEST_RULES: list[tuple[Action, set[Status], str]] = [
    (Action.COMPLETE, {S.VERIFICATION, S.INCOMPLETE}, "Dinyatakan lengkap"),
    (Action.INCOMPLETE, {S.VERIFICATION}, "Dinyatakan tidak lengkap"),
    (Action.EXTEND, {S.IN_PROCESS}, "Perpanjangan waktu"),
    (Action.RESPOND, {S.IN_PROCESS, S.EXTENDED}, "Pemberitahuan tertulis"),
    (Action.REJECT, {S.IN_PROCESS, S.EXTENDED}, "Penolakan (Pasal 17)"),
    (Action.FORWARD, {S.VERIFICATION, S.IN_PROCESS, S.EXTENDED}, "Diteruskan ke badan publik lain"),
    (Action.DELIVER, {S.ANSWERED}, "Penyerahan informasi"),
    (Action.CLOSE, {S.INCOMPLETE, S.ANSWERED, S.REJECTED, S.FORWARDED, S.DELIVERED}, "Ditutup"),
    (Action.VOID, LIVE, "Dibatalkan"),
    (Action.CORRECT, LIVE, "Koreksi data"),
]

OBJECTION_RULES: list[tuple[ObjectionAction, set[ObjectionStatus], str]] = [
    (ObjectionAction.DECIDE, {OS.REGISTERED}, "Keputusan Atasan PPID"),
    (ObjectionAction.REQUESTER_RESPONSE, {OS.DECIDED}, "Tanggapan pemohon"),
    (ObjectionAction.DISPUTE, {OS.REGISTERED, OS.DECIDED}, "Sengketa diajukan ke Komisi Informasi"),
    (ObjectionAction.DISPUTE_OUTCOME, {OS.DISPUTED}, "Putusan / hasil sengketa"),
    (ObjectionAction.CLOSE, {OS.DECIDED}, "Ditutup"),
    (ObjectionAction.VOID, set(ObjectionStatus) - {OS.VOID}, "Dibatalkan"),
]


def test_the_tables_cover_every_action_but_intake() -> None:
    assert list(REQUEST_LIFECYCLE.transitions) == [a for a, _, _ in REQUEST_RULES]
    assert set(REQUEST_LIFECYCLE.transitions) == set(Action) - {Action.RECEIVE}
    assert list(OBJECTION_LIFECYCLE.transitions) == [a for a, _, _ in OBJECTION_RULES]


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize(("action", "allowed", "label"), REQUEST_RULES)
def test_request_action_allowed_or_refused_with_its_text(
    action: Action, allowed: set[Status], label: str, status: Status
) -> None:
    refusal = REQUEST_LIFECYCLE.refusal(action, status)
    if status in allowed:
        assert refusal is None
        assert action in REQUEST_LIFECYCLE.allowed(status)
        return
    assert refusal is not None
    assert action not in REQUEST_LIFECYCLE.allowed(status)
    if status == S.VOID:
        assert refusal.message == (
            "Permohonan ini sudah dibatalkan; tidak ada tindakan lain yang dapat dicatat."
        )
        return
    wanted = ", ".join(REQUEST_LIFECYCLE.state_labels[s] for s in Status if s in allowed)
    assert refusal.message == (
        f"Tindakan '{label}' tidak dapat dilakukan saat status "
        f"'{REQUEST_LIFECYCLE.state_labels[status]}'. Hanya boleh saat: {wanted}."
    )


@pytest.mark.parametrize("status", list(Status))
def test_intake_is_never_an_action_on_a_registered_request(status: Status) -> None:
    refusal = REQUEST_LIFECYCLE.refusal(Action.RECEIVE, status)
    assert refusal is not None and refusal.message == "Permohonan ini sudah terdaftar."


@pytest.mark.parametrize("status", list(ObjectionStatus))
@pytest.mark.parametrize(("action", "allowed", "label"), OBJECTION_RULES)
def test_objection_action_allowed_or_refused_with_its_text(
    action: ObjectionAction, allowed: set[ObjectionStatus], label: str, status: ObjectionStatus
) -> None:
    refusal = OBJECTION_LIFECYCLE.refusal(action, status)
    if status in allowed:
        assert refusal is None
        return
    assert refusal is not None
    if status == OS.VOID:
        assert refusal.message == "Keberatan ini sudah dibatalkan."
        return
    wanted = ", ".join(OBJECTION_LIFECYCLE.state_labels[s] for s in ObjectionStatus if s in allowed)
    assert refusal.message == (
        f"Tindakan '{label}' tidak dapat dilakukan saat status "
        f"'{OBJECTION_LIFECYCLE.state_labels[status]}'. Hanya boleh saat: {wanted}."
    )


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("status", list(Status))
def test_available_request_actions_follow_the_role(role: Role, status: Status) -> None:
    """An officer is offered everything the state allows except voiding and correcting (supervisor's)."""
    expected = [a for a, allowed, _ in REQUEST_RULES if status in allowed]
    if role == Role.OFFICER:
        expected = [a for a in expected if a not in (Action.VOID, Action.CORRECT)]
    assert REQUEST_LIFECYCLE.available(status, role) == expected


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("status", list(ObjectionStatus))
def test_available_objection_actions_follow_the_role(role: Role, status: ObjectionStatus) -> None:
    expected = [a for a, allowed, _ in OBJECTION_RULES if status in allowed]
    if role == Role.OFFICER:
        expected = [a for a in expected if a != ObjectionAction.VOID]
    assert OBJECTION_LIFECYCLE.available(status, role) == expected


ALL_DEADLINES = {k: {"due": "2026-03-20"} for k in ("completeness", "completion", "response", "extended")}


@pytest.mark.parametrize(
    ("status", "deadlines", "expected"),
    [
        (S.VERIFICATION, ALL_DEADLINES, "completeness"),
        (S.INCOMPLETE, ALL_DEADLINES, "completion"),
        (S.IN_PROCESS, {"response": {"due": "2026-03-30"}}, "response"),
        (S.EXTENDED, ALL_DEADLINES, "extended"),
        (S.EXTENDED, {"response": {"due": "2026-03-30"}}, "response"),
        *[(s, ALL_DEADLINES, None) for s in (S.ANSWERED, S.REJECTED, S.FORWARDED, S.DELIVERED, S.CLOSED)],
        (S.NOT_PROCESSABLE, ALL_DEADLINES, None),
        (S.VOID, ALL_DEADLINES, None),
    ],
)
def test_the_deadline_in_force(status: Status, deadlines: dict[str, Any], expected: str | None) -> None:
    assert request_deadline_in_force(status, deadlines) == expected


@pytest.mark.parametrize("status", list(ObjectionStatus))
def test_a_keberatan_runs_against_the_atasan_response_only_while_registered(status: ObjectionStatus) -> None:
    deadlines = {"response": {"due": "2026-04-30"}, "dispute_filing": {"due": "2026-05-14"}}
    expected = "response" if status == OS.REGISTERED else None
    assert OBJECTION_LIFECYCLE.deadline_in_force(status, deadlines) == expected


def _record(**facts: Any) -> SimpleNamespace:
    base: dict[str, Any] = {
        "status": S.IN_PROCESS,
        "missing_items": [],
        "extension_reason": None,
        "decision": None,
        "forwarded_to": None,
        "delivered_at": None,
    }
    return SimpleNamespace(**{**base, **facts})


@pytest.mark.parametrize(
    ("facts", "letters"),
    [
        ({}, ["receipt", "form", "dossier"]),
        ({"status": S.INCOMPLETE}, ["receipt", "form", "incomplete", "dossier"]),
        ({"missing_items": ["KTP"], "status": S.IN_PROCESS}, ["receipt", "form", "incomplete", "dossier"]),
        ({"extension_reason": "belum_dikuasai"}, ["receipt", "form", "extension", "dossier"]),
        ({"decision": Decision.PARTIAL}, ["receipt", "form", "notice", "dossier"]),
        ({"decision": Decision.REJECTED}, ["receipt", "form", "rejection", "dossier"]),
        ({"forwarded_to": "Dinas X"}, ["receipt", "form", "forward", "dossier"]),
        (
            {"decision": Decision.GRANTED, "delivered_at": "2026-03-20", "status": S.VOID},
            ["receipt", "form", "notice", "handover", "dossier"],
        ),
    ],
)
def test_letters_follow_the_facts_in_the_order_they_are_issued(
    facts: dict[str, Any], letters: list[str]
) -> None:
    assert REQUEST_LIFECYCLE.letters(issued_request_actions(_record(**facts))) == letters


def test_every_letter_is_a_document_kind() -> None:
    from app.documents import DOCUMENT_TITLES

    letters = [t.letter for t in REQUEST_LIFECYCLE.transitions.values() if t.letter]
    letters += [*REQUEST_LIFECYCLE.intake_letters, *REQUEST_LIFECYCLE.file_letters]
    letters += list(OBJECTION_LIFECYCLE.intake_letters)
    assert set(letters) <= set(DOCUMENT_TITLES)


@pytest.mark.parametrize("status", list(Status))
def test_closing_an_incomplete_request_leaves_it_not_processable(status: Status) -> None:
    assert closing_status(status) == (S.NOT_PROCESSABLE if status == S.INCOMPLETE else S.CLOSED)

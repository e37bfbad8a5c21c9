"""The transition tables as data: complete, consistent with the statuses, and refusals that explain themselves
in Indonesian. (The services are exercised state by state in tests/unit/services/test_request_actions.py.)"""

from __future__ import annotations

import pytest

from app.domain.lifecycle import (
    ACTION_LABELS,
    ALLOWED,
    FINAL_STATUSES,
    OBJECTION_ACTION_LABELS,
    OBJECTION_ALLOWED,
    OBJECTION_GROUNDS,
    OBJECTION_STATUS_LABELS,
    OPEN_STATUSES,
    PASAL_17,
    STATUS_LABELS,
    Action,
    ObjectionAction,
    ObjectionStatus,
    Status,
    allowed_actions,
    allowed_objection_actions,
    check_allowed,
    check_objection_allowed,
)


def test_every_status_and_action_has_a_label() -> None:
    assert set(STATUS_LABELS) == set(Status)
    assert set(ACTION_LABELS) == set(Action)
    assert set(OBJECTION_STATUS_LABELS) == set(ObjectionStatus)
    assert set(OBJECTION_ACTION_LABELS) == set(ObjectionAction)


def test_every_action_except_receive_has_a_rule() -> None:
    assert set(ALLOWED) == set(Action) - {Action.RECEIVE}
    assert set(OBJECTION_ALLOWED) == set(ObjectionAction)


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("action", list(Action))
def test_check_allowed_matches_the_table(status: Status, action: Action) -> None:
    refusal = check_allowed(action, status)
    allowed = action != Action.RECEIVE and status in ALLOWED[action]
    assert (refusal is None) == allowed
    if refusal is not None:
        assert refusal.message.strip()
        if action != Action.RECEIVE and status != Status.VOID:
            assert STATUS_LABELS[status] in refusal.message
            assert ACTION_LABELS[action] in refusal.message
            for wanted in ALLOWED[action]:
                assert STATUS_LABELS[wanted] in refusal.message


def test_void_is_terminal_and_everything_else_can_be_voided_and_corrected() -> None:
    assert allowed_actions(Status.VOID) == []
    for status in set(Status) - {Status.VOID}:
        assert Action.VOID in allowed_actions(status)
        assert Action.CORRECT in allowed_actions(status)


def test_final_statuses_only_allow_void_and_correct() -> None:
    for status in FINAL_STATUSES - {Status.VOID}:
        assert set(allowed_actions(status)) == {Action.VOID, Action.CORRECT}


def test_open_statuses_have_a_way_forward() -> None:
    progress = set(Action) - {Action.VOID, Action.CORRECT, Action.RECEIVE}
    for status in OPEN_STATUSES:
        assert set(allowed_actions(status)) & progress, status
    assert not OPEN_STATUSES & FINAL_STATUSES


def test_extension_only_from_in_process() -> None:
    assert ALLOWED[Action.EXTEND] == {Status.IN_PROCESS}  # once: EXTENDED cannot extend again


@pytest.mark.parametrize("status", list(ObjectionStatus))
@pytest.mark.parametrize("action", list(ObjectionAction))
def test_check_objection_allowed_matches_the_table(status: ObjectionStatus, action: ObjectionAction) -> None:
    refusal = check_objection_allowed(action, status)
    assert (refusal is None) == (status in OBJECTION_ALLOWED[action])
    assert (action in allowed_objection_actions(status)) == (refusal is None)
    if refusal is not None and status != ObjectionStatus.VOID:
        assert OBJECTION_STATUS_LABELS[status] in refusal.message


def test_legal_letters() -> None:
    assert sorted(OBJECTION_GROUNDS) == list("abcdefg")
    assert sorted(PASAL_17) == list("abcdefghij")

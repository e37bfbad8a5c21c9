"""The time rules of the lifecycle and the deadlines stored on each request.

Dates are chosen around Idul Fitri 2026 on purpose: a request received on Monday 16 March 2026 crosses Nyepi,
Idul Fitri with its cuti bersama and Good Friday, so a calendar that ignored any of them would give a
different date.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from svc_helpers import AFTER_COMPLETION_WINDOW, BODIES, counts, request_row

from app.domain.lifecycle import Status
from app.errors import ActionRefused, ValidationError
from app.services.context import Actor
from app.services.desk import DeskServices

MONDAY = datetime(2026, 3, 16, 9, 30)


def _assert_unchanged(desk: DeskServices, number: str, before: tuple[dict, dict]) -> None:
    assert (counts(desk, number), request_row(desk, number)) == before


def _snapshot(desk: DeskServices, number: str) -> tuple[dict, dict]:
    return counts(desk, number), request_row(desk, number)


# --- deadlines stored on the request ---------------------------------------------------------------------


def test_complete_at_the_desk_on_16_march_2026_is_due_7_april(
    desk: DeskServices, officer: Actor, clock, walk_in
) -> None:
    clock.now = MONDAY
    view = desk.register.receive(officer, walk_in())
    assert view.status == Status.IN_PROCESS
    assert view.completed_at == MONDAY
    assert view.due_response == date(2026, 4, 7)
    explanation = view.deadlines["response"]["explanation"]
    assert "Idul Fitri" in explanation
    assert "Selasa, 7 April 2026" in explanation
    assert view.due_extended is None and view.due_completion is None
    row = request_row(desk, view.number)
    assert row["due_current"] == "2026-04-07"


def test_extension_adds_seven_working_days_to_the_original_due_date(
    desk: DeskServices, officer: Actor, clock, walk_in
) -> None:
    clock.now = MONDAY
    number = desk.register.receive(officer, walk_in()).number
    clock.now = datetime(2026, 4, 2, 10, 0)
    view = desk.actions.act(officer, number, "extend", BODIES["extend"])
    cal = desk.calendar.calendar()
    assert view.status == Status.EXTENDED
    assert view.due_response == date(2026, 4, 7)  # the original stays on record
    assert view.due_extended is not None
    assert cal.is_working_day(view.due_extended)
    assert cal.working_days_between(view.due_response, view.due_extended) == 7
    assert view.effective_due == view.due_extended
    assert view.deadlines["extended"]["working_days"] == 7
    assert request_row(desk, number)["due_current"] == view.due_extended.isoformat()


def test_incomplete_gives_three_working_days_to_complete(
    desk: DeskServices, officer: Actor, clock, walk_in
) -> None:
    clock.now = MONDAY
    view = desk.register.receive(officer, walk_in(complete=False, missing_items=["Fotokopi KTP"]))
    assert view.status == Status.INCOMPLETE
    assert view.due_response is None  # the response clock has not started
    cal = desk.calendar.calendar()
    assert view.due_completion is not None
    assert cal.working_days_between(MONDAY.date(), view.due_completion) == 3
    assert cal.is_working_day(view.due_completion)
    assert view.due_completion == AFTER_COMPLETION_WINDOW.date() - timedelta(days=1)
    assert "Idul Fitri" in view.deadlines["completion"]["explanation"]


def test_response_clock_runs_from_completion_not_receipt(
    desk: DeskServices, officer: Actor, clock, walk_in
) -> None:
    clock.now = MONDAY
    number = desk.register.receive(officer, walk_in(complete=False, missing_items=["Fotokopi KTP"])).number
    clock.now = datetime(2026, 3, 25, 11, 0)
    view = desk.actions.act(officer, number, "complete", {"documents": ["ktp"]})
    cal = desk.calendar.calendar()
    assert view.completed_at == clock.now
    assert cal.working_days_between(clock.now.date(), view.due_response) == 10


# --- extension: once, and only before the response due date -----------------------------------------------


def test_extend_only_once(desk: DeskServices, officer: Actor, walk_in) -> None:
    number = desk.register.receive(officer, walk_in()).number
    desk.actions.act(officer, number, "extend", BODIES["extend"])
    before = _snapshot(desk, number)
    with pytest.raises(ActionRefused):
        desk.actions.act(officer, number, "extend", {"reason": "belum_diputuskan"})
    _assert_unchanged(desk, number, before)


def test_extend_on_the_due_date_is_allowed(desk: DeskServices, officer: Actor, clock, walk_in) -> None:
    clock.now = MONDAY
    number = desk.register.receive(officer, walk_in()).number
    clock.now = datetime(2026, 4, 7, 15, 0)
    assert desk.actions.act(officer, number, "extend", BODIES["extend"]).status == Status.EXTENDED


def test_extend_after_the_due_date_is_refused(desk: DeskServices, officer: Actor, clock, walk_in) -> None:
    clock.now = MONDAY
    number = desk.register.receive(officer, walk_in()).number
    clock.now = datetime(2026, 4, 8, 8, 0)
    before = _snapshot(desk, number)
    with pytest.raises(ActionRefused, match="Perpanjangan harus diberitahukan sebelum"):
        desk.actions.act(officer, number, "extend", BODIES["extend"])
    _assert_unchanged(desk, number, before)
    # back-dating the notice to within the window is how a late entry of a timely extension is recorded
    view = desk.actions.act(officer, number, "extend", BODIES["extend"], at="2026-04-06T14:00")
    assert view.status == Status.EXTENDED


# --- the 3-working-day completion window -----------------------------------------------------------------


@pytest.fixture
def incomplete(desk: DeskServices, officer: Actor, clock, walk_in) -> str:
    clock.now = MONDAY
    return desk.register.receive(officer, walk_in(complete=False, missing_items=["Fotokopi KTP"])).number


def test_close_as_not_processable_refused_within_the_window(
    desk: DeskServices, officer: Actor, clock, incomplete: str
) -> None:
    clock.now = datetime.combine(AFTER_COMPLETION_WINDOW.date() - timedelta(days=1), datetime.min.time())
    clock.now += timedelta(hours=16)  # last day of the window, late afternoon
    before = _snapshot(desk, incomplete)
    with pytest.raises(ActionRefused, match="masih dapat melengkapi"):
        desk.actions.act(officer, incomplete, "close", {})
    _assert_unchanged(desk, incomplete, before)


def test_close_as_not_processable_after_the_window(
    desk: DeskServices, officer: Actor, clock, incomplete: str
) -> None:
    clock.now = AFTER_COMPLETION_WINDOW
    view = desk.actions.act(officer, incomplete, "close", {"note": "Pemohon tidak datang"})
    assert view.status == Status.NOT_PROCESSABLE
    assert view.closed_at == AFTER_COMPLETION_WINDOW
    assert "tidak dapat diproses" in view.events[-1].summary


def test_complete_refused_after_the_window(
    desk: DeskServices, officer: Actor, clock, incomplete: str
) -> None:
    clock.now = AFTER_COMPLETION_WINDOW
    before = _snapshot(desk, incomplete)
    with pytest.raises(ActionRefused, match="Batas melengkapi"):
        desk.actions.act(officer, incomplete, "complete", {})
    _assert_unchanged(desk, incomplete, before)


def test_complete_on_the_last_day_of_the_window(
    desk: DeskServices, officer: Actor, clock, incomplete: str
) -> None:
    clock.now = AFTER_COMPLETION_WINDOW
    last_day = AFTER_COMPLETION_WINDOW - timedelta(days=1)
    view = desk.actions.act(officer, incomplete, "complete", {}, at=last_day)
    assert view.status == Status.IN_PROCESS
    assert view.completed_at == last_day


# --- when an action happened ------------------------------------------------------------------------------


def test_backdated_before_receipt_is_refused(desk: DeskServices, officer: Actor, clock, walk_in) -> None:
    clock.now = MONDAY
    number = desk.register.receive(officer, walk_in()).number
    before = _snapshot(desk, number)
    with pytest.raises(ValidationError) as bad:
        desk.actions.act(officer, number, "extend", BODIES["extend"], at=MONDAY - timedelta(minutes=1))
    assert "at" in bad.value.fields
    _assert_unchanged(desk, number, before)


@pytest.mark.parametrize("ahead", [timedelta(minutes=10), timedelta(days=1), timedelta(days=400)])
def test_future_action_time_is_refused(
    desk: DeskServices, officer: Actor, clock, walk_in, ahead: timedelta
) -> None:
    clock.now = MONDAY
    number = desk.register.receive(officer, walk_in()).number
    before = _snapshot(desk, number)
    with pytest.raises(ValidationError) as bad:
        desk.actions.act(officer, number, "extend", BODIES["extend"], at=(MONDAY + ahead).isoformat())
    assert bad.value.fields["at"] == "Waktu tidak boleh di masa depan."
    _assert_unchanged(desk, number, before)


def test_future_receipt_is_refused(desk: DeskServices, officer: Actor, clock, walk_in) -> None:
    before = counts(desk)
    with pytest.raises(ValidationError) as bad:
        desk.register.receive(officer, walk_in(received_at=(clock.now + timedelta(days=1)).isoformat()))
    assert "received_at" in bad.value.fields
    assert counts(desk) == before


def test_unreadable_time_is_refused(desk: DeskServices, officer: Actor, walk_in) -> None:
    number = desk.register.receive(officer, walk_in()).number
    with pytest.raises(ValidationError, match="tidak dapat dibaca"):
        desk.actions.act(officer, number, "extend", BODIES["extend"], at="kemarin sore")


def test_backdated_receipt_keeps_its_own_deadlines(
    desk: DeskServices, officer: Actor, clock, walk_in
) -> None:
    clock.now = datetime(2026, 4, 20, 9, 0)
    view = desk.register.receive(officer, walk_in(received_at=MONDAY.isoformat()))
    assert view.received_at == MONDAY
    assert view.due_response == date(2026, 4, 7)
    assert view.events[0].at == MONDAY and view.events[0].recorded_at == clock.now


def test_a_step_dated_before_the_previous_step_is_refused_but_corrections_are_not(
    desk: DeskServices, officer: Actor, supervisor: Actor, clock, walk_in
) -> None:
    clock.now = datetime(2026, 3, 25, 10, 0)
    number = desk.register.receive(officer, walk_in(received_at="2026-03-16T09:30", complete=False)).number
    desk.actions.act(officer, number, "complete", {}, at="2026-03-17T10:00")
    before = _snapshot(desk, number)
    with pytest.raises(ValidationError) as refused:
        desk.actions.act(officer, number, "respond", {"decision": "diterima"}, at="2026-03-16T15:00")
    assert "langkah terakhir" in refused.value.fields["at"]
    _assert_unchanged(desk, number, before)
    # A correction may be recorded any time after receipt; the next step may still be back-dated after it.
    desk.actions.act(supervisor, number, "correct", BODIES["correct"], at="2026-03-16T12:00")
    view = desk.actions.act(officer, number, "respond", {"decision": "diterima"}, at="2026-03-18T09:00")
    assert view.status == Status.ANSWERED

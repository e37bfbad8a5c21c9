"""Calendar edits and the explicit, previewed recompute of stored deadlines.

A deadline told to a requester is frozen: a local closure added later moves nothing until a supervisor runs
the recompute with ``apply=True``, after seeing the preview.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from svc_helpers import BODIES, counts, request_row

from app.errors import PermissionDenied, ValidationError
from app.services.context import Actor
from app.services.desk import DeskServices

MONDAY = datetime(2026, 3, 16, 9, 30)
CLOSURE_DAY = date(2026, 4, 1)  # a Wednesday inside the 10-working-day response window


@pytest.fixture
def received(desk: DeskServices, officer: Actor, clock, walk_in) -> str:
    clock.now = MONDAY
    number = desk.register.receive(officer, walk_in()).number
    clock.now = datetime(2026, 3, 30, 8, 0)
    return number


def test_adding_a_closure_does_not_move_stored_deadlines(
    desk: DeskServices, admin: Actor, officer: Actor, received: str
) -> None:
    row_before = request_row(desk, received)
    desk.calendar.add(admin, day=CLOSURE_DAY, name="Banjir di kantor kecamatan")
    assert not desk.calendar.calendar().is_working_day(CLOSURE_DAY)
    assert request_row(desk, received) == row_before
    assert desk.register.get(officer, received).due_response == date(2026, 4, 7)


def test_recompute_preview_lists_changes_and_writes_nothing(
    desk: DeskServices, admin: Actor, received: str
) -> None:
    desk.calendar.add(admin, day=CLOSURE_DAY, name="Banjir di kantor kecamatan")
    before_counts, row_before = counts(desk, received), request_row(desk, received)

    changes = desk.calendar.recompute(admin, apply=False)

    by_kind = {(c.number, c.kind): c for c in changes}
    response = by_kind[(received, "response")]
    assert response.old == date(2026, 4, 7)
    assert response.new == desk.calendar.calendar().add_working_days(MONDAY.date(), 10)
    assert response.new > response.old
    assert counts(desk, received) == before_counts
    assert request_row(desk, received) == row_before


def test_recompute_apply_writes_changes_and_one_event_per_request(
    desk: DeskServices, admin: Actor, officer: Actor, clock, walk_in, received: str
) -> None:
    clock.now = MONDAY
    untouched = desk.register.receive(
        officer, walk_in(requester={"name": "Budi", "nik": "3673050101900003"})
    ).number
    desk.actions.act(officer, untouched, "respond", BODIES["respond"])  # answered: not an open deadline
    clock.now = datetime(2026, 3, 30, 8, 0)
    desk.calendar.add(admin, day=CLOSURE_DAY, name="Banjir di kantor kecamatan")
    preview = desk.calendar.recompute(admin, apply=False)
    before = counts(desk, received)
    version = request_row(desk, received)["version"]

    applied = desk.calendar.recompute(admin, apply=True)

    assert applied == preview
    view = desk.register.get(officer, received)
    assert view.due_response == next(c.new for c in applied if c.kind == "response" and c.number == received)
    assert request_row(desk, received)["version"] == version + 1
    assert counts(desk, received)["request_events"] == before["request_events"] + 1
    event = view.events[-1]
    assert event.kind == "deadline_recomputed"
    assert {c["kind"] for c in event.data["changes"]} == {c.kind for c in applied if c.number == received}
    assert CLOSURE_DAY.isoformat() in str(view.deadlines["response"]["skipped"])
    assert all(c.number != untouched for c in applied)
    # a second run finds nothing left to change
    assert desk.calendar.recompute(admin, apply=False) == []


def test_recompute_also_covers_open_objections(
    desk: DeskServices, admin: Actor, officer: Actor, clock, walk_in
) -> None:
    clock.now = MONDAY
    number = desk.register.receive(officer, walk_in()).number
    desk.actions.act(officer, number, "reject", BODIES["reject"])
    objection = desk.objections.add(officer, request_number=number, grounds="a")
    desk.calendar.add(admin, day=date(2026, 3, 30), name="Kerja bakti")
    changes = desk.calendar.recompute(admin, apply=True)
    assert any(c.entity == "objection" and c.number == objection.number for c in changes)
    assert desk.objections.get(officer, objection.number).events[-1].kind == "deadline_recomputed"


def test_a_later_action_does_not_move_stored_deadlines(
    desk: DeskServices, admin: Actor, supervisor: Actor, received: str
) -> None:
    desk.calendar.add(admin, day=CLOSURE_DAY, name="Banjir di kantor kecamatan")
    view = desk.actions.act(supervisor, received, "correct", BODIES["correct"])
    assert view.due_response == date(2026, 4, 7)


def test_calendar_edits_need_admin(desk: DeskServices, supervisor: Actor, officer: Actor) -> None:
    for actor in (supervisor, officer):
        with pytest.raises(PermissionDenied):
            desk.calendar.add(actor, day=CLOSURE_DAY, name="Libur")
    with pytest.raises(PermissionDenied):
        desk.calendar.recompute(officer)


def test_calendar_add_validation(desk: DeskServices, admin: Actor) -> None:
    with pytest.raises(ValidationError) as weekend:
        desk.calendar.add(admin, day=date(2026, 4, 4), name="Sabtu")
    assert "day" in weekend.value.fields
    with pytest.raises(ValidationError):
        desk.calendar.add(admin, day=CLOSURE_DAY, name="  ")
    desk.calendar.add(admin, day=CLOSURE_DAY, name="Banjir")
    with pytest.raises(ValidationError, match="sudah ada"):
        desk.calendar.add(admin, day=CLOSURE_DAY, name="Banjir lagi")


def test_remove_restores_the_working_day(desk: DeskServices, admin: Actor) -> None:
    desk.calendar.add(admin, day=CLOSURE_DAY, name="Banjir")
    desk.calendar.remove(admin, CLOSURE_DAY)
    assert desk.calendar.calendar().is_working_day(CLOSURE_DAY)
    assert desk.calendar.entries(2026) == []


def _base_versions(desk: DeskServices, number: str) -> list[int]:
    from sqlalchemy import text

    with desk.ctx.db.read_engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT o.base_version FROM outbox_ops o JOIN requests r ON o.entity_id = r.id "
                "WHERE r.number = :n ORDER BY o.seq"
            ),
            {"n": number},
        ).all()
        conn.rollback()
    return [int(r[0]) for r in rows]


def test_recompute_apply_is_sent_to_sync(desk: DeskServices, admin: Actor, received: str) -> None:
    desk.calendar.add(admin, day=CLOSURE_DAY, name="Banjir di kantor kecamatan")
    desk.calendar.recompute(admin, apply=True)
    version = request_row(desk, received)["version"]
    assert _base_versions(desk, received) == list(range(version))


def test_a_new_deadline_uses_the_calendar_of_its_day(
    desk: DeskServices, admin: Actor, officer: Actor, clock, walk_in
) -> None:
    """Freezing applies to deadlines already computed; one that starts later counts the closures known then."""
    clock.now = MONDAY
    number = desk.register.receive(officer, walk_in(complete=False)).number
    desk.calendar.add(admin, day=CLOSURE_DAY, name="Banjir di kantor kecamatan")
    before = desk.register.get(officer, number).due_completeness
    clock.now = datetime(2026, 3, 25, 9, 0)
    view = desk.actions.act(officer, number, "complete", {})
    cal = desk.calendar.calendar()
    assert view.due_completeness == before  # the old one stays frozen
    assert view.due_response == cal.add_working_days(clock.now.date(), 10)
    assert CLOSURE_DAY.isoformat() in str(view.deadlines["response"]["skipped"])


def test_extension_counts_from_the_frozen_original_due_date(
    desk: DeskServices, admin: Actor, officer: Actor, clock, received: str
) -> None:
    desk.calendar.add(admin, day=CLOSURE_DAY, name="Banjir di kantor kecamatan")
    view = desk.actions.act(officer, received, "extend", {"reason": "belum_didokumentasikan"})
    assert view.due_response == date(2026, 4, 7)
    assert view.due_extended == desk.calendar.calendar().add_working_days(date(2026, 4, 7), 7)


def test_working_day_override_and_cuti_bersama_setting(desk: DeskServices, admin: Actor) -> None:
    cuti = date(2026, 3, 20)  # cuti bersama Idul Fitri 2026
    assert not desk.calendar.calendar().is_working_day(cuti)
    desk.calendar.add(admin, day=cuti, name="Kantor tetap buka", kind="hari_kerja")
    assert desk.calendar.calendar().is_working_day(cuti)
    desk.calendar.remove(admin, cuti)
    assert not desk.calendar.calendar().is_working_day(cuti)
    desk.calendar.set_cuti_bersama_is_holiday(admin, False)
    assert desk.calendar.calendar().is_working_day(cuti)
    assert not desk.calendar.calendar().is_working_day(date(2026, 3, 21))  # Idul Fitri itself stays a holiday
    with pytest.raises(ValidationError):
        desk.calendar.add(admin, day=cuti, name="x", kind="setengah_hari")


def test_remove_unknown_entry(desk: DeskServices, admin: Actor) -> None:
    from app.errors import NotFound

    with pytest.raises(NotFound):
        desk.calendar.remove(admin, CLOSURE_DAY)

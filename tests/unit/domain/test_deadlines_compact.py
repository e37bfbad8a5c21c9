"""Due dates stored and synced compactly without losing a fact (issue 13 item 6 / issue 15 item 7): the plain
weekends and the standard rule text were most of a request's deadline JSON; ``from_dict`` rebuilds exactly
the ``DueDate`` that ``to_dict`` was given, whatever the calendar did (holidays, cuti bersama, a Saturday the
office worked, a closure on a Sunday)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain import deadlines as dl
from app.domain.calendar import WorkingCalendar
from app.domain.deadlines import DueDate, SkippedDay

WORKED_SATURDAY = date(2026, 3, 21)
SUNDAY_CLOSURE = date(2026, 3, 22)


@pytest.mark.parametrize(
    "cal",
    [
        WorkingCalendar(),
        WorkingCalendar(
            working_overrides={WORKED_SATURDAY}, closures={SUNDAY_CLOSURE: "Kantor tutup: banjir"}
        ),
    ],
    ids=["national", "worked-saturday-and-sunday-closure"],
)
def test_every_due_date_of_a_year_round_trips(cal: WorkingCalendar) -> None:
    for offset in range(0, 400, 3):
        start = date(2026, 1, 1) + timedelta(days=offset)
        for due in (
            dl.response_due(cal, start),
            dl.objection_filing_due(cal, start),
            dl.completeness_due(cal, start),
        ):
            stored = due.to_dict()
            assert DueDate.from_dict(stored) == due, (start, stored)


def test_the_compact_form_leaves_out_plain_weekends_and_the_standard_rule() -> None:
    due = dl.response_due(WorkingCalendar(), date(2026, 3, 16))  # Nyepi and its cuti bersama inside
    stored = due.to_dict()
    assert "rule" not in stored and stored["weekends"] is True
    assert {s["reason"] for s in stored["skipped"]} == {s.reason for s in due.skipped} - {"Sabtu", "Minggu"}
    assert len(due.skipped) > len(stored["skipped"]) >= 1


def test_a_weekend_list_that_is_not_the_plain_one_is_kept_whole() -> None:
    start = date(2026, 3, 16)
    odd = DueDate(
        "response", start, 10, date(2026, 3, 30), "aturan khusus", (SkippedDay(date(2026, 3, 21), "Sabtu"),)
    )
    stored = odd.to_dict()  # one Saturday listed, the other weekends of the period not: nothing left implicit
    assert "weekends" not in stored and stored["rule"] == "aturan khusus"
    assert DueDate.from_dict(stored) == odd


def test_a_stored_full_form_still_reads() -> None:
    due = dl.response_due(WorkingCalendar(), date(2026, 3, 16))
    full = {
        **due.to_dict(),
        "rule": due.rule,
        "skipped": [{"day": s.day.isoformat(), "reason": s.reason} for s in due.skipped],
    }
    full.pop("weekends")
    assert DueDate.from_dict(full) == due

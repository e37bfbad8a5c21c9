"""Legal periods, due-date explanations and their JSON form."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from property_examples import examples

from app.domain import deadlines as dl
from app.domain.calendar import WorkingCalendar
from app.domain.deadlines import DueDate, SkippedDay

DEFAULT = WorkingCalendar()
NO_CUTI = WorkingCalendar(cuti_bersama_is_holiday=False)

dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
calendars = st.sampled_from([DEFAULT, NO_CUTI])
fast = settings(max_examples=examples(150), deadline=None)

MONDAY_16_MARCH = date(2026, 3, 16)

PERIODS: list[tuple[Callable[[WorkingCalendar, date], DueDate], str, int]] = [
    (dl.completeness_due, "completeness", 3),
    (dl.completion_due, "completion", 3),
    (dl.response_due, "response", 10),
    (dl.extended_due, "extended", 7),
    (dl.objection_filing_due, "objection_filing", 30),
    (dl.objection_response_due, "objection_response", 30),
    (dl.dispute_filing_due, "dispute_filing", 14),
]


def test_response_due_for_the_lebaran_example() -> None:
    assert dl.response_due(DEFAULT, MONDAY_16_MARCH).due == date(2026, 4, 7)
    assert dl.response_due(NO_CUTI, MONDAY_16_MARCH).due == date(2026, 3, 31)


def test_explanation_names_the_lebaran_holidays() -> None:
    text = dl.response_due(DEFAULT, MONDAY_16_MARCH).explanation()
    assert "Jatuh tempo: Selasa, 7 April 2026" in text
    assert "Senin, 16 Maret 2026 (hari ke-0)" in text
    assert "Pasal 22 ayat 7 UU 14/2008" in text
    assert "Rabu, 18 Maret 2026: Cuti bersama: Hari Suci Nyepi" in text
    assert "Kamis, 19 Maret 2026: Libur nasional: Hari Suci Nyepi" in text
    assert "Sabtu, 21 Maret 2026: Libur nasional: Hari Raya Idul Fitri" in text
    for cuti in ("Jumat, 20 Maret 2026", "Senin, 23 Maret 2026", "Selasa, 24 Maret 2026"):
        assert f"{cuti}: Cuti bersama: Hari Raya Idul Fitri" in text
    # 28–29 March and 4 April are plain weekends; 21–22 March and 5 April are holidays listed by name.
    assert "3 hari Sabtu/Minggu" in text


def test_explanation_without_cuti_bersama_does_not_list_them() -> None:
    text = dl.response_due(NO_CUTI, MONDAY_16_MARCH).explanation()
    assert "Selasa, 31 Maret 2026" in text
    assert "Cuti bersama" not in text
    assert "Libur nasional: Hari Suci Nyepi" in text


def test_explanation_when_nothing_is_skipped_and_for_zero_days() -> None:
    # Monday 6 April 2026 + 3 working days: Tue–Thu, no weekend in between.
    due = dl.completeness_due(DEFAULT, date(2026, 4, 6))
    assert due.skipped == ()
    assert "Tidak ada hari libur yang dilewati." in due.explanation()
    zero = dl.due_after(DEFAULT, "response", date(2026, 4, 6), 0, "uji")
    assert zero.due == date(2026, 4, 6)
    assert "hari yang sama" in zero.explanation()


@pytest.mark.parametrize(("func", "kind", "days"), PERIODS)
def test_each_period_has_its_legal_length_and_rule(
    func: Callable[[WorkingCalendar, date], DueDate], kind: str, days: int
) -> None:
    due = func(DEFAULT, MONDAY_16_MARCH)
    assert due.kind == kind
    assert due.working_days == days
    assert due.start == MONDAY_16_MARCH
    assert due.due == DEFAULT.add_working_days(MONDAY_16_MARCH, days)
    assert "hari kerja" in due.rule
    assert str(days) in due.rule


def test_extension_is_seventeen_working_days_from_completion() -> None:
    original = dl.response_due(DEFAULT, MONDAY_16_MARCH)
    extended = dl.extended_due(DEFAULT, original.due)
    assert extended.start == original.due
    assert extended.due == DEFAULT.add_working_days(MONDAY_16_MARCH, 17)


def test_round_trip_through_json() -> None:
    due = dl.response_due(DEFAULT, MONDAY_16_MARCH)
    data = json.loads(json.dumps(due.to_dict()))
    assert data["due"] == "2026-04-07"
    assert data["skipped"][0] == {"day": "2026-03-18", "reason": "Cuti bersama: Hari Suci Nyepi"}
    assert DueDate.from_dict(data) == due


def test_from_dict_rejects_malformed_data() -> None:
    with pytest.raises(ValueError):
        DueDate.from_dict({"kind": "response"})
    with pytest.raises(ValueError):
        DueDate.from_dict(
            {"kind": "x", "start": "kemarin", "working_days": 1, "due": "2026-01-01", "rule": ""}
        )


# ----------------------------------------------------------------------------- remaining


def test_remaining_working_days_around_the_due_date() -> None:
    due = date(2026, 4, 7)  # Tuesday
    assert dl.remaining_working_days(DEFAULT, due, due) == 0
    assert dl.remaining_working_days(DEFAULT, date(2026, 4, 6), due) == 1
    # Fri 3 April (Wafat Yesus Kristus) and the weekend are not counted.
    assert dl.remaining_working_days(DEFAULT, date(2026, 4, 2), due) == 2
    assert dl.remaining_working_days(DEFAULT, date(2026, 4, 9), due) == -2


def test_remaining_on_a_weekend_is_never_zero() -> None:
    friday, saturday, monday = date(2026, 4, 10), date(2026, 4, 11), date(2026, 4, 13)
    assert dl.remaining_working_days(DEFAULT, saturday, friday) == -1
    assert dl.remaining_working_days(DEFAULT, saturday, monday) == 1


def test_format_remaining() -> None:
    assert dl.format_remaining(3) == "sisa 3 hari kerja"
    assert dl.format_remaining(0) == "jatuh tempo hari ini"
    assert dl.format_remaining(-2) == "terlambat 2 hari kerja"


# ----------------------------------------------------------------------------- properties


@fast
@given(cal=calendars, start=dates, n=st.integers(min_value=0, max_value=40))
def test_skipped_is_exactly_the_non_working_days_up_to_due(cal: WorkingCalendar, start: date, n: int) -> None:
    due = dl.due_after(cal, "response", start, n, "uji")
    expected = []
    day = start + timedelta(days=1)
    while day <= due.due:
        if not cal.is_working_day(day):
            expected.append(SkippedDay(day, cal.non_working_reason(day) or ""))
        day += timedelta(days=1)
    assert list(due.skipped) == expected
    assert (due.due - start).days == n + len(due.skipped)
    assert DueDate.from_dict(json.loads(json.dumps(due.to_dict()))) == due


@fast
@given(cal=calendars, today=dates, start=dates, n=st.integers(min_value=1, max_value=40))
def test_remaining_sign_follows_the_calendar(cal: WorkingCalendar, today: date, start: date, n: int) -> None:
    due = cal.add_working_days(start, n)
    remaining = dl.remaining_working_days(cal, today, due)
    assert (remaining > 0) == (today < due)
    assert (remaining < 0) == (today > due)
    if cal.is_working_day(today):
        assert remaining == cal.working_days_between(today, due)

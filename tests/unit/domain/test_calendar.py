"""WorkingCalendar: fixed legal examples, edge cases and hypothesis properties (years 2020–2030).

The properties compare the indexed arithmetic against a naive day-by-day walk and is_working_day against the
``holidays`` library directly, so a bug in the year tables cannot hide behind itself.
"""

from __future__ import annotations

from datetime import date, timedelta

import holidays as holidays_lib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from property_examples import examples

from app.domain.calendar import Holiday, WorkingCalendar

FIRST = date(2020, 1, 1)
LAST = date(2030, 12, 31)

DEFAULT = WorkingCalendar()
NO_CUTI = WorkingCalendar(cuti_bersama_is_holiday=False)

dates = st.dates(min_value=FIRST, max_value=LAST)
counts = st.integers(min_value=0, max_value=45)
positive_counts = st.integers(min_value=1, max_value=45)
calendars = st.sampled_from([DEFAULT, NO_CUTI])
fast = settings(max_examples=examples(150), deadline=None)


def naive_add(cal: WorkingCalendar, start: date, n: int) -> date:
    day = start
    while n > 0:
        day += timedelta(days=1)
        if cal.is_working_day(day):
            n -= 1
    return day


def naive_between(cal: WorkingCalendar, start: date, end: date) -> int:
    lo, hi, sign = (start, end, 1) if start <= end else (end, start, -1)
    days = (hi - lo).days
    return sign * sum(cal.is_working_day(lo + timedelta(days=i)) for i in range(1, days + 1))


@pytest.fixture(scope="module")
def library_days() -> tuple[set[date], set[date]]:
    years = range(2020, 2032)
    public = holidays_lib.country_holidays("ID", years=years, categories=("public",))
    government = holidays_lib.country_holidays("ID", years=years, categories=("government",))
    return set(public), set(government)


# ----------------------------------------------------------------------------- legal examples


def test_request_complete_on_16_march_2026_is_due_7_april_with_cuti_bersama() -> None:
    assert DEFAULT.add_working_days(date(2026, 3, 16), 10) == date(2026, 4, 7)


def test_request_complete_on_16_march_2026_is_due_31_march_without_cuti_bersama() -> None:
    assert NO_CUTI.add_working_days(date(2026, 3, 16), 10) == date(2026, 3, 31)


def test_is_working_day_matches_the_holidays_library(library_days: tuple[set[date], set[date]]) -> None:
    public, government = library_days
    day = FIRST
    while day <= LAST:
        weekday = day.weekday() < 5
        assert DEFAULT.is_working_day(day) == (weekday and day not in public and day not in government), day
        assert NO_CUTI.is_working_day(day) == (weekday and day not in public), day
        day += timedelta(days=1)


# ----------------------------------------------------------------------------- reasons


def test_non_working_reasons_are_indonesian_and_name_the_holiday() -> None:
    assert DEFAULT.non_working_reason(date(2026, 3, 14)) == "Sabtu"
    assert DEFAULT.non_working_reason(date(2026, 3, 15)) == "Minggu"
    assert DEFAULT.non_working_reason(date(2026, 3, 19)) == "Libur nasional: Hari Suci Nyepi"
    assert DEFAULT.non_working_reason(date(2026, 3, 20)) == "Cuti bersama: Hari Raya Idul Fitri"
    assert DEFAULT.non_working_reason(date(2026, 3, 16)) is None
    # Idul Fitri 2026 falls on a Saturday: the holiday is the better explanation.
    assert DEFAULT.non_working_reason(date(2026, 3, 21)) == "Libur nasional: Hari Raya Idul Fitri"


def test_cuti_bersama_switch_turns_cuti_bersama_into_working_days() -> None:
    assert NO_CUTI.is_working_day(date(2026, 3, 20))
    assert NO_CUTI.non_working_reason(date(2026, 3, 20)) is None
    assert not NO_CUTI.is_working_day(date(2026, 3, 19))


def test_local_closure_and_working_override() -> None:
    cal = WorkingCalendar(
        closures={date(2026, 3, 17): "Banjir di kantor kecamatan"},
        working_overrides=[date(2026, 3, 20), date(2026, 3, 28)],
    )
    assert cal.non_working_reason(date(2026, 3, 17)) == "Libur lokal: Banjir di kantor kecamatan"
    assert cal.is_working_day(date(2026, 3, 20))  # cuti bersama, office works
    assert not cal.is_working_day(date(2026, 3, 28))  # Saturday stays a weekend
    assert cal.non_working_reason(date(2026, 3, 28)) == "Sabtu"


def test_closure_wins_over_override_on_the_same_date() -> None:
    day = date(2026, 3, 20)
    cal = WorkingCalendar(closures={day: "Rapat kerja"}, working_overrides=[day])
    assert cal.non_working_reason(day) == "Libur lokal: Rapat kerja"


def test_overridden_weekend_holiday_falls_back_to_the_weekday_name() -> None:
    cal = WorkingCalendar(working_overrides=[date(2026, 3, 21)])
    assert cal.non_working_reason(date(2026, 3, 21)) == "Sabtu"


# ----------------------------------------------------------------------------- edge cases


def test_zero_days_returns_the_start_even_on_a_holiday() -> None:
    assert DEFAULT.add_working_days(date(2026, 3, 21), 0) == date(2026, 3, 21)
    assert DEFAULT.subtract_working_days(date(2026, 3, 21), 0) == date(2026, 3, 21)


def test_start_on_a_weekend_counts_from_the_next_working_day() -> None:
    assert DEFAULT.add_working_days(date(2026, 3, 14), 1) == date(2026, 3, 16)


def test_start_on_a_holiday_skips_the_rest_of_the_holiday_block() -> None:
    # Nyepi on Thursday 19 March, then cuti bersama / Idul Fitri through Tuesday 24 March.
    assert DEFAULT.add_working_days(date(2026, 3, 19), 1) == date(2026, 3, 25)


def test_year_boundary() -> None:
    start, end = date(2025, 12, 30), date(2026, 1, 5)
    # 31 Dec (Wed), 2 Jan (Fri), 5 Jan (Mon); 1 Jan is Tahun Baru, 3–4 Jan a weekend.
    assert DEFAULT.add_working_days(start, 3) == end
    assert DEFAULT.subtract_working_days(end, 3) == start
    assert DEFAULT.working_days_between(start, end) == 3
    assert DEFAULT.working_days_between(end, start) == -3


def test_long_periods_cross_several_years() -> None:
    start = date(2024, 12, 31)
    end = DEFAULT.add_working_days(start, 600)
    assert end == naive_add(DEFAULT, start, 600)
    assert DEFAULT.subtract_working_days(end, 600) == start
    assert DEFAULT.working_days_between(start, end) == 600


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        DEFAULT.add_working_days(date(2026, 1, 5), -1)
    with pytest.raises(ValueError):
        DEFAULT.subtract_working_days(date(2026, 1, 5), -1)


# ----------------------------------------------------------------------------- holiday list


def test_holidays_lists_national_cuti_bersama_and_local_sorted() -> None:
    closure = date(2026, 3, 17)
    cal = WorkingCalendar(closures={closure: "Banjir", date(2027, 1, 4): "Lain tahun"})
    listed = cal.holidays(2026)
    assert listed == sorted(listed, key=lambda h: h.day)
    assert Holiday(closure, "Banjir", "lokal", False) in listed
    assert all(h.day.year == 2026 for h in listed)
    categories = {h.day: h.category for h in listed}
    assert categories[date(2026, 3, 19)] == "nasional"
    assert categories[date(2026, 3, 20)] == "cuti_bersama"
    assert not any(
        h.category == "cuti_bersama" for h in WorkingCalendar(cuti_bersama_is_holiday=False).holidays(2026)
    )


def test_holidays_splits_joined_names_and_marks_estimates() -> None:
    names_2021 = {h.name for h in DEFAULT.holidays(2021) if h.day == date(2021, 5, 13)}
    assert names_2021 == {"Hari Raya Idul Fitri", "Kenaikan Yesus Kristus"}
    estimated = [h for h in DEFAULT.holidays(2030) if h.estimated]
    assert estimated
    assert all("perkiraan" not in h.name for h in estimated)
    assert any(h.name == "Hari Raya Idul Fitri" for h in estimated)


# ----------------------------------------------------------------------------- properties


@fast
@given(cal=calendars, start=dates, n=positive_counts)
def test_adding_never_lands_on_a_non_working_day(cal: WorkingCalendar, start: date, n: int) -> None:
    assert cal.is_working_day(cal.add_working_days(start, n))


@fast
@given(cal=calendars, start=dates, n=counts)
def test_add_matches_a_day_by_day_walk(cal: WorkingCalendar, start: date, n: int) -> None:
    assert cal.add_working_days(start, n) == naive_add(cal, start, n)


@fast
@given(cal=calendars, start=dates, n=counts)
def test_counting_between_start_and_due_gives_n(cal: WorkingCalendar, start: date, n: int) -> None:
    assert cal.working_days_between(start, cal.add_working_days(start, n)) == n


@fast
@given(cal=calendars, a=dates, b=dates)
def test_between_matches_naive_count_and_is_antisymmetric(cal: WorkingCalendar, a: date, b: date) -> None:
    b = a + timedelta(days=(b - a).days % 120) if b >= a else a - timedelta(days=(a - b).days % 120)
    assert cal.working_days_between(a, b) == naive_between(cal, a, b)
    assert cal.working_days_between(b, a) == -cal.working_days_between(a, b)


@fast
@given(cal=calendars, end=dates, n=counts)
def test_subtract_inverts_add_on_working_days(cal: WorkingCalendar, end: date, n: int) -> None:
    while not cal.is_working_day(end):
        end += timedelta(days=1)
    start = cal.subtract_working_days(end, n)
    assert cal.add_working_days(start, n) == end
    if n:
        assert cal.is_working_day(start)


@fast
@given(cal=calendars, start=dates, n=counts)
def test_deadlines_strictly_increase_with_n(cal: WorkingCalendar, start: date, n: int) -> None:
    assert cal.add_working_days(start, n) < cal.add_working_days(start, n + 1)


@fast
@given(cal=calendars, start=dates, n=counts, m=counts)
def test_adding_composes(cal: WorkingCalendar, start: date, n: int, m: int) -> None:
    # The extension rule relies on this: (start + 10) + 7 == start + 17.
    first = cal.add_working_days(start, n)
    if n:
        assert cal.add_working_days(first, m) == cal.add_working_days(start, n + m)


@fast
@given(
    base=st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)),
    closure_offsets=st.sets(st.integers(min_value=0, max_value=60), max_size=8),
    override_offsets=st.sets(st.integers(min_value=0, max_value=60), max_size=8),
    n=counts,
)
def test_local_closures_and_overrides_are_respected(
    base: date, closure_offsets: set[int], override_offsets: set[int], n: int
) -> None:
    closures = {base + timedelta(days=i): f"Penutupan {i}" for i in closure_offsets}
    overrides = {base + timedelta(days=i) for i in override_offsets}
    cal = WorkingCalendar(closures=closures, working_overrides=overrides)
    for i in range(61):
        day = base + timedelta(days=i)
        if day in closures or day.weekday() >= 5:
            expected = False
        elif day in overrides:
            expected = True
        else:
            expected = DEFAULT.is_working_day(day)
        assert cal.is_working_day(day) == expected, day
        # A closure explains the day unless a (non-overridden) national holiday or cuti bersama already does.
        if day in closures and (
            day in overrides or DEFAULT.non_working_reason(day) in (None, "Sabtu", "Minggu")
        ):
            assert cal.non_working_reason(day) == f"Libur lokal: {closures[day]}"
    due = cal.add_working_days(base, n)
    assert due == naive_add(cal, base, n)
    assert cal.working_days_between(base, due) == n


@fast
@given(cal=calendars, day=dates)
def test_reason_is_given_exactly_for_non_working_days(cal: WorkingCalendar, day: date) -> None:
    reason = cal.non_working_reason(day)
    assert (reason is None) == cal.is_working_day(day)
    if day.weekday() >= 5:
        assert reason is not None


@fast
@given(cal=calendars, start=dates, length=st.integers(min_value=-5, max_value=400))
def test_non_working_days_lists_every_closed_day_in_the_range(
    cal: WorkingCalendar, start: date, length: int
) -> None:
    end = start + timedelta(days=length)
    expected = []
    for i in range(1, length + 1):
        day = start + timedelta(days=i)
        reason = cal.non_working_reason(day)
        if reason is not None:
            expected.append((day, reason))
    assert cal.non_working_days(start, end) == expected

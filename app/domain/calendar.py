"""The office's working-day calendar: the ruler every PPID deadline is measured with.

UU 14/2008 and Perki 1/2021 count every period in *hari kerja*. For a pemda office a working day is
Monday–Friday minus the national holidays and the cuti bersama set each year by SKB 3 Menteri, minus the days the
office itself was closed, plus the days the office declared working despite a holiday. The national data comes
from the ``holidays`` library (Indonesia, categories ``public`` and ``government``, Indonesian names); the two
categories are fetched separately so a day can be explained as "Libur nasional" or "Cuti bersama" and so cuti
bersama can be switched to working days by an office setting.

Deadline recomputation runs over the whole register (100,000+ requests), so each year is materialised once into
a table of reasons and a cumulative working-day count: after the first touch of a year, ``is_working_day`` is a
dict lookup and ``add_working_days`` / ``working_days_between`` are index arithmetic, not day-by-day walks.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

NATIONAL = "nasional"
CUTI_BERSAMA = "cuti_bersama"
LOCAL = "lokal"

_ESTIMATED_MARK = "(perkiraan)"
_CUTI_PREFIX = "Cuti Bersama "
_WEEKEND_NAMES = {5: "Sabtu", 6: "Minggu"}


@dataclass(frozen=True)
class Holiday:
    """One named non-working day as shown in the calendar list."""

    day: date
    name: str  # Indonesian name, e.g. "Hari Raya Idul Fitri" (the "(perkiraan)" mark removed)
    category: str  # "nasional" | "cuti_bersama" | "lokal"
    estimated: bool  # the library computed the date because it has not been decreed yet


LibraryDays = tuple[tuple[date, str], ...]
_KNOWN: dict[tuple[int, str], LibraryDays] = {}


def prime_library_days(known: Mapping[tuple[int, str], LibraryDays]) -> None:
    """Hand over (year, category) tables computed by an earlier run of the same library version.

    The first call into ``holidays`` imports every country it knows (about 250 modules), a tenth of a second
    of start-up on an office PC for data that only changes with a new library release; the service layer keeps
    the tables in a small cache file and primes them here before the first calendar is built.
    """
    _KNOWN.update(known)


def known_library_days() -> dict[tuple[int, str], LibraryDays]:
    """Every table primed or computed in this process (what the service layer writes back to its cache)."""
    return dict(_KNOWN)


def _library_days(year: int, category: str) -> LibraryDays:
    """The ``holidays`` library's raw (date, name) pairs for one year and one category.

    Kept per process: the library is slow on first use and the data never changes while the desk runs.
    Several holidays on one date come joined by "; " (e.g. 13 May 2021) and are kept joined here.
    """
    known = _KNOWN.get((year, category))
    if known is None:
        import holidays as holidays_lib

        data = holidays_lib.country_holidays("ID", years=year, categories=(category,), language="id")
        known = tuple(sorted((day, str(name)) for day, name in data.items() if day.year == year))
        _KNOWN[(year, category)] = known
    return known


def _split_names(raw: str) -> list[tuple[str, bool]]:
    """Split a library name into (clean name, estimated) parts."""
    parts: list[tuple[str, bool]] = []
    for part in raw.split(";"):
        text = part.strip()
        if not text:
            continue
        estimated = _ESTIMATED_MARK in text
        parts.append((text.replace(_ESTIMATED_MARK, "").strip(), estimated))
    return parts


def _cuti_reason_name(raw: str) -> str:
    """'Cuti Bersama Hari Raya Idul Fitri' -> 'Hari Raya Idul Fitri' so the reason does not say it twice."""
    names = [part.strip() for part in raw.split(";") if part.strip()]
    return "; ".join(name[len(_CUTI_PREFIX) :] if name.startswith(_CUTI_PREFIX) else name for name in names)


@dataclass(frozen=True)
class _Year:
    """One materialised year: its working days in order and the running count per day of the year."""

    first_ordinal: int
    working: tuple[date, ...]
    closed: tuple[date, ...]  # the non-working days, in order (for slicing a period's skipped days)
    cumulative: tuple[int, ...]  # cumulative[i]: working days on or before (1 January + i days)

    def rank(self, day: date) -> int:
        return self.cumulative[day.toordinal() - self.first_ordinal]


class WorkingCalendar:
    """Working days of one office: Mon–Fri minus holidays and closures, plus declared working days.

    ``closures`` maps local office closures to their reason; ``working_overrides`` are dates the office declared
    working even though a national holiday or cuti bersama falls there (weekends stay non-working, and a closure
    on the same date still wins). Instances are immutable in behaviour and safe to share between threads.
    """

    def __init__(
        self,
        *,
        closures: Mapping[date, str] | None = None,
        working_overrides: Iterable[date] = (),
        cuti_bersama_is_holiday: bool = True,
    ) -> None:
        self._closures: dict[date, str] = dict(closures or {})
        self._overrides: frozenset[date] = frozenset(working_overrides)
        self._cuti_bersama_is_holiday = cuti_bersama_is_holiday
        self._reasons: dict[date, str] = {}
        self._years: dict[int, _Year] = {}
        self._lock = threading.Lock()

    # ----------------------------------------------------------------- settings (read-only)
    @property
    def closures(self) -> Mapping[date, str]:
        return dict(self._closures)

    @property
    def working_overrides(self) -> frozenset[date]:
        return self._overrides

    @property
    def cuti_bersama_is_holiday(self) -> bool:
        return self._cuti_bersama_is_holiday

    # ----------------------------------------------------------------- single days
    def is_working_day(self, day: date) -> bool:
        self._year(day.year)
        return day not in self._reasons

    def non_working_reason(self, day: date) -> str | None:
        """Why ``day`` is not a working day, in Indonesian; ``None`` on a working day.

        A named holiday is preferred over "Sabtu"/"Minggu" so Idul Fitri on a Saturday is still explained as
        Idul Fitri; an overridden holiday on a weekend falls back to the weekday name.
        """
        self._year(day.year)
        return self._reasons.get(day)

    # ----------------------------------------------------------------- arithmetic
    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (``start`` is day 0, so n == 0 returns ``start`` itself)."""
        if n < 0:
            raise ValueError("n must be >= 0")
        if n == 0:
            return start
        year = start.year
        table = self._year(year)
        target = table.rank(start) + n
        while target > len(table.working):
            target -= len(table.working)
            year += 1
            table = self._year(year)
        return table.working[target - 1]

    def subtract_working_days(self, end: date, n: int) -> date:
        """The working day with exactly n working days in (result, end]; n == 0 returns ``end``.

        Inverse of ``add_working_days``: ``add_working_days(subtract_working_days(end, n), n) == end`` whenever
        ``end`` is a working day.
        """
        if n < 0:
            raise ValueError("n must be >= 0")
        if n == 0:
            return end
        year = end.year
        table = self._year(year)
        target = table.rank(end) - n
        while target < 1:
            year -= 1
            table = self._year(year)
            target += len(table.working)
        return table.working[target - 1]

    def working_days_between(self, start: date, end: date) -> int:
        """Working days d with start < d <= end; negative (the count of end < d <= start) if end < start."""
        if end < start:
            return -self.working_days_between(end, start)
        total = self._year(end.year).rank(end) - self._year(start.year).rank(start)
        for year in range(start.year, end.year):
            total += len(self._year(year).working)
        return total

    def non_working_days(self, start: date, end: date) -> list[tuple[date, str]]:
        """Every non-working day in (start, end] with its reason, in date order."""
        result: list[tuple[date, str]] = []
        for year in range(start.year, end.year + 1):
            closed = self._year(year).closed
            lo = bisect_right(closed, start) if year == start.year else 0
            hi = bisect_right(closed, end) if year == end.year else len(closed)
            result.extend((day, self._reasons[day]) for day in closed[lo:hi])
        return result

    # ----------------------------------------------------------------- listing
    def holidays(self, year: int) -> list[Holiday]:
        """National holidays, cuti bersama (when they count as holidays) and local closures of ``year``.

        Overridden dates are still listed: the holiday exists, the office merely works on it.
        """
        result: list[Holiday] = []
        categories = [("public", NATIONAL)]
        if self._cuti_bersama_is_holiday:
            categories.append(("government", CUTI_BERSAMA))
        for library_category, category in categories:
            for day, raw in _library_days(year, library_category):
                for name, estimated in _split_names(raw):
                    result.append(Holiday(day, name, category, estimated))
        for day, reason in self._closures.items():
            if day.year == year:
                result.append(Holiday(day, reason, LOCAL, False))
        order = {NATIONAL: 0, CUTI_BERSAMA: 1, LOCAL: 2}
        result.sort(key=lambda h: (h.day, order[h.category], h.name))
        return result

    # ----------------------------------------------------------------- materialisation
    def _year(self, year: int) -> _Year:
        table = self._years.get(year)
        if table is not None:
            return table
        with self._lock:
            table = self._years.get(year)
            if table is None:
                table = self._build_year(year)
                self._years[year] = table
        return table

    def _build_year(self, year: int) -> _Year:
        national = dict(_library_days(year, "public"))
        cuti = dict(_library_days(year, "government")) if self._cuti_bersama_is_holiday else {}
        first = date(year, 1, 1)
        days = (date(year + 1, 1, 1) - first).days if year < 9999 else 365
        working: list[date] = []
        closed: list[date] = []
        cumulative: list[int] = []
        reasons: dict[date, str] = {}
        for offset in range(days):
            day = first + timedelta(days=offset)
            reason = self._reason_for(day, national, cuti)
            if reason is None:
                working.append(day)
            else:
                closed.append(day)
                reasons[day] = reason
            cumulative.append(len(working))
        self._reasons.update(reasons)
        return _Year(first.toordinal(), tuple(working), tuple(closed), tuple(cumulative))

    def _reason_for(self, day: date, national: Mapping[date, str], cuti: Mapping[date, str]) -> str | None:
        overridden = day in self._overrides
        if not overridden and day in national:
            return f"Libur nasional: {national[day]}"
        if not overridden and day in cuti:
            return f"Cuti bersama: {_cuti_reason_name(cuti[day])}"
        if day in self._closures:
            return f"Libur lokal: {self._closures[day]}"
        return _WEEKEND_NAMES.get(day.weekday())

"""Reporting periods: a year, a semester, a quarter, a month or an explicit range of days.

Why one parser: the CLI, the report service and (later) the Laporan page must read ``2025-S1`` the same way,
and a supervisor who types ``2025-13`` must be told in Indonesian what is wrong rather than get an empty report.
A period is inclusive on both ends, in calendar days; a request belongs to the period in which it was received.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from app.domain.formatting import format_date, month_name
from app.domain.text import DATE_MAX, DATE_MIN

PeriodKind = Literal["year", "semester", "quarter", "month", "range"]

_ROMAN = ("I", "II", "III", "IV")
_YEAR = re.compile(r"^(\d{4})$")
_SEMESTER = re.compile(r"^(\d{4})-[Ss](\d)$")
_QUARTER = re.compile(r"^(\d{4})-[QqTt](\d)$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_RANGE = re.compile(r"^(\S+)\s*\.\.\s*(\S+)$")

FORMS = "2025, 2025-S1, 2025-Q2, 2025-03 atau 2025-01-01..2025-06-30"


class PeriodError(ValueError):
    """A period the parser cannot read; the message is Indonesian and names the accepted forms."""


@dataclass(frozen=True)
class Period:
    """An inclusive range of days with the form it was given in (``kind``) and its Indonesian label."""

    start: date
    end: date
    kind: PeriodKind
    code: str

    @property
    def label(self) -> str:
        if self.kind == "year":
            return f"Tahun {self.start.year}"
        if self.kind == "semester":
            return f"Semester {_ROMAN[(self.start.month - 1) // 6]} Tahun {self.start.year}"
        if self.kind == "quarter":
            return f"Triwulan {_ROMAN[(self.start.month - 1) // 3]} Tahun {self.start.year}"
        if self.kind == "month":
            return f"{month_name(self.start.month)} {self.start.year}"
        return f"{format_date(self.start)} s.d. {format_date(self.end)}"

    def months(self) -> list[str]:
        """``YYYY-MM`` of every month the period touches, in order."""
        out = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def _month_end(year: int, month: int) -> date:
    first_next = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return first_next - timedelta(days=1)


def _year(text: str) -> int:
    """A year of the register's range (``app.domain.text.DATE_MIN``–``DATE_MAX``, as every date it records)."""
    year = int(text)
    if not DATE_MIN.year <= year <= DATE_MAX.year:
        raise PeriodError(f"Tahun {text} di luar rentang yang wajar ({DATE_MIN.year}–{DATE_MAX.year}).")
    return year


def _day(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise PeriodError(
            f"Tanggal '{text}' tidak valid; tulis sebagai TTTT-BB-HH, misalnya 2025-01-31."
        ) from None
    if not DATE_MIN <= day <= DATE_MAX:
        raise PeriodError(f"Tanggal {text} di luar rentang yang wajar ({DATE_MIN.year}–{DATE_MAX.year}).")
    return day


def parse_period(text: str) -> Period:
    """Read a period as typed by a supervisor; ``PeriodError`` (Indonesian) for anything else."""
    raw = (text or "").strip()
    if not raw:
        raise PeriodError(f"Periode wajib diisi, misalnya {FORMS}.")
    if m := _YEAR.match(raw):
        year = _year(m.group(1))
        return Period(date(year, 1, 1), date(year, 12, 31), "year", raw)
    if m := _SEMESTER.match(raw):
        year, half = _year(m.group(1)), int(m.group(2))
        if half not in (1, 2):
            raise PeriodError(f"Semester hanya 1 atau 2 (S1, S2), bukan S{half}.")
        first = 1 if half == 1 else 7
        return Period(date(year, first, 1), _month_end(year, first + 5), "semester", f"{year}-S{half}")
    if m := _QUARTER.match(raw):
        year, quarter = _year(m.group(1)), int(m.group(2))
        if not 1 <= quarter <= 4:
            raise PeriodError(f"Triwulan hanya 1 sampai 4 (Q1–Q4), bukan Q{quarter}.")
        first = 3 * quarter - 2
        return Period(date(year, first, 1), _month_end(year, first + 2), "quarter", f"{year}-Q{quarter}")
    if m := _MONTH.match(raw):
        year, month = _year(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            raise PeriodError(f"Bulan hanya 01 sampai 12, bukan {m.group(2)}.")
        return Period(date(year, month, 1), _month_end(year, month), "month", f"{year}-{month:02d}")
    if m := _RANGE.match(raw):
        start, end = _day(m.group(1)), _day(m.group(2))
        if end < start:
            raise PeriodError("Tanggal akhir periode tidak boleh sebelum tanggal awal.")
        return Period(start, end, "range", f"{start.isoformat()}..{end.isoformat()}")
    raise PeriodError(f"Periode '{raw}' tidak dikenali. Gunakan salah satu bentuk: {FORMS}.")

"""Reporting periods: every accepted form, their bounds and labels, and Indonesian refusals."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.periods import PeriodError, parse_period


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("2025", date(2025, 1, 1), date(2025, 12, 31), "Tahun 2025"),
        ("2025-S1", date(2025, 1, 1), date(2025, 6, 30), "Semester I Tahun 2025"),
        ("2025-s2", date(2025, 7, 1), date(2025, 12, 31), "Semester II Tahun 2025"),
        ("2025-Q1", date(2025, 1, 1), date(2025, 3, 31), "Triwulan I Tahun 2025"),
        ("2025-Q2", date(2025, 4, 1), date(2025, 6, 30), "Triwulan II Tahun 2025"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "Februari 2024"),
        ("2025-12", date(2025, 12, 1), date(2025, 12, 31), "Desember 2025"),
        (" 2025-01-01..2025-06-30 ", date(2025, 1, 1), date(2025, 6, 30), "1 Januari 2025 s.d. 30 Juni 2025"),
    ],
)
def test_accepted_forms(text: str, start: date, end: date, label: str) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.label) == (start, end, label)


def test_months_of_a_range_cross_the_year() -> None:
    assert parse_period("2025-11-15..2026-01-02").months() == ["2025-11", "2025-12", "2026-01"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "wajib diisi"),
        ("2025-S3", "Semester hanya 1 atau 2"),
        ("2025-Q5", "Triwulan hanya 1 sampai 4"),
        ("2025-13", "Bulan hanya 01 sampai 12"),
        ("2025-06-30..2025-01-01", "tidak boleh sebelum"),
        ("2025-02-30..2025-03-01", "tidak valid"),
        ("tahun ini", "tidak dikenali"),
    ],
)
def test_bad_periods_are_refused_in_indonesian(text: str, message: str) -> None:
    with pytest.raises(PeriodError, match=message):
        parse_period(text)

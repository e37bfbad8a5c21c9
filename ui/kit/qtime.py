"""Python dates and times as Qt's, typed (PySide6 converts them at run time, but its stubs do not say so)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def qdatetime(moment: datetime) -> QDateTime:
    """A naive office time as a local ``QDateTime`` (to the millisecond, as Qt keeps it)."""
    clock = QTime(moment.hour, moment.minute, moment.second, moment.microsecond // 1000)
    return QDateTime(qdate(moment.date()), clock)

"""The desk's date formats on screen, one per kind of place, and the date fields that use them.

Why one module: an officer reads and types dates in many places (the register's filter, every action's
time, the calendar's local holidays, the audit log, the DIK's SK date); a field that shows ``27/11/2026`` beside
one that shows ``27-11-2026`` makes the officer stop and wonder which is the day. So every date field and every
date in a table or list comes from here:

* a date typed or picked, and a date in a table or a one-line list: ``27-11-2026`` (``DATE``, as the register
  prints it, ``app.domain.formatting.format_date_short``);
* a moment (an action's time, a timeline entry): ``27-11-2026 14.30`` (``MOMENT``; Indonesian official style
  puts a dot between hours and minutes);
* a moment that must tell entries of the same minute apart (the audit log): ``27-11-2026 14.30.05``
  (``MOMENT_SECONDS``).

* a day named with its weekday, where the weekday is the point (the dashboard's heading "today", the
  calendar's holidays): ``Jumat, 27 November 2026`` (``DAY``, in the interface's language);
* a month of a chart: ``Maret 2026`` (``MONTH``), on a chart's axis ``Mar`` (``MONTH_AXIS``);
* a report's period: ``Tahun 2026``, ``Semester I Tahun 2026``, ``Maret 2026`` (``show_period``; the period's own
  ``label`` is the Indonesian the CLI and the printed report use, and read *Tahun 2026 — 274 requests* on the
  English Laporan page).

Prose (a deadline's explanation, a letter) keeps its long form (``Jumat, 27 November 2026``) from
``app.domain.formatting``; that is a sentence, not a field.

Names of days and months come from ``QLocale()``, which ``ui/kit/i18n.py`` sets to the interface's language:
never from the PC's own locale, and never a format of the locale's choosing (``QLocale.FormatType``).

Fields start from the desk's clock (``CalendarService.today()`` / ``now()``), never the PC's: a register
opened with another clock (the demo, a test, a desk whose clock the office set) must default to its own day.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

from app.domain.formatting import format_date_short
from app.domain.periods import Period
from ui.kit.qtime import qdate, qdatetime

DATE = "dd-MM-yyyy"
MOMENT = "dd-MM-yyyy HH.mm"
MOMENT_SECONDS = "dd-MM-yyyy HH.mm.ss"
DAY = "dddd, d MMMM yyyy"
MONTH = "MMMM yyyy"
MONTH_AXIS = "MMM"


def date_edit(day: date | QDate, parent: QWidget | None = None) -> QDateEdit:
    """A date field showing ``day`` (from the desk's clock) in the desk's format, with a calendar to pick from."""
    edit = QDateEdit(day if isinstance(day, QDate) else qdate(day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE)
    return edit


def moment_edit(moment: datetime, parent: QWidget | None = None) -> QDateTimeEdit:
    """A date-and-time field showing ``moment`` (from the desk's clock) in the desk's format."""
    edit = QDateTimeEdit(qdatetime(moment), parent)
    edit.setDisplayFormat(MOMENT)
    return edit


def typed_date(text: str) -> str:
    """A date typed in the desk's format (``31-12-2030``) as the ISO text a service reads (``2030-12-31``);
    any other text as typed, for the service to refuse with its own message."""
    parts = text.strip().split("-")
    if len(parts) == 3 and len(parts[2]) == 4 and all(p.isdigit() for p in parts):
        try:
            return date(int(parts[2]), int(parts[1]), int(parts[0])).isoformat()
        except ValueError:
            pass
    return text.strip()


def show_date(day: date | None) -> str:
    """A date in a table or a one-line list (empty for none)."""
    return format_date_short(day) if day else ""


def show_moment(moment: datetime | None, *, seconds: bool = False) -> str:
    """A moment in a table, a timeline or a one-line list (empty for none)."""
    if moment is None:
        return ""
    clock = f"{moment:%H.%M.%S}" if seconds else f"{moment:%H.%M}"
    return f"{format_date_short(moment.date())} {clock}"


def show_day(day: date) -> str:
    """A day with its weekday, in the interface's language (``Jumat, 27 November 2026``)."""
    return QLocale().toString(qdate(day), DAY)


def show_month(month: date, *, axis: bool = False) -> str:
    """``month``'s month in the interface's language: ``Maret 2026``, or ``Mar`` on a chart's axis."""
    return QLocale().toString(QDate(month.year, month.month, 1), MONTH_AXIS if axis else MONTH)


def show_period(period: Period) -> str:
    """A report's period in the interface's language: ``Tahun 2026``, ``Triwulan II Tahun 2026``, ``Maret 2026``."""
    roman = ("I", "II", "III", "IV")
    year = str(period.start.year)
    if period.kind == "year":
        return QCoreApplication.translate("ReportsPage", "Tahun %1").replace("%1", year)
    if period.kind == "semester":
        text = QCoreApplication.translate("ReportsPage", "Semester %1 Tahun %2")
        return text.replace("%1", roman[(period.start.month - 1) // 6]).replace("%2", year)
    if period.kind == "quarter":
        text = QCoreApplication.translate("ReportsPage", "Triwulan %1 Tahun %2")
        return text.replace("%1", roman[(period.start.month - 1) // 3]).replace("%2", year)
    if period.kind == "month":
        return show_month(period.start)
    text = QCoreApplication.translate("ReportsPage", "%1 s.d. %2")
    return text.replace("%1", show_date(period.start)).replace("%2", show_date(period.end))

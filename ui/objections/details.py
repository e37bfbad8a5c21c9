"""The keberatan's detail rows for the Register Keberatan page, as (label, text).

Which fields have a row, their labels and order are declared in the field table
(``app/services/record_fields/``) and built by ``app/services/record_details.py``; the page only adds what it
knows and the table cannot: whether the filing was late (in the viewer's language), the working days left for
the Atasan PPID's answer, and the sengketa's filing deadline while a sengketa may still be filed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from app.domain.calendar import WorkingCalendar
from app.domain.deadlines import remaining_working_days
from app.services.availability import ObjectionChoices
from app.services.record_details import Text, When, sections
from app.services.views import ObjectionView
from ui.kit.dates import show_day
from ui.kit.details import Rows, translated
from ui.kit.terms import remaining


def late_text(view: ObjectionView) -> str:
    """What a keberatan filed after the requester's 30-working-day window says (Pasal 36 ayat 1)."""
    if view.filing_due is None:
        return QCoreApplication.translate(
            "ObjectionsPage", "terlambat: diajukan setelah batas pengajuan keberatan"
        )
    return QCoreApplication.translate(
        "ObjectionsPage", "terlambat: batas pengajuan keberatan {0} sudah lewat"
    ).format(show_day(view.filing_due))


def detail_rows(
    view: ObjectionView, choices: ObjectionChoices, calendar: WorkingCalendar, today: date
) -> Rows:
    def filed(v: ObjectionView, when: When) -> str:
        return when(v.filed_at) + (f" — {late_text(v)}" if v.late_filing else "")

    def due(v: ObjectionView, when: When) -> str | None:
        if v.due_response is None:
            return None
        text = show_day(v.due_response)
        if choices.deadline == "response":
            text += f" — {remaining(remaining_working_days(calendar, today, v.due_response))}"
        return text

    def dispute_due(v: ObjectionView, when: When) -> str | None:
        due_on = (v.deadlines.get("dispute_filing") or {}).get("due")
        return show_day(date.fromisoformat(due_on)) if due_on and choices.dispute_open else None

    texts: dict[str, Text] = {"filed_at": filed, "due_response": due, "deadlines": dispute_due}
    return [
        row for _, rows in translated("objection", sections("objection", view, texts=texts)) for row in rows
    ]

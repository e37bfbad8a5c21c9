"""The legal periods of the PPID procedure and due dates that can explain themselves.

Every period in UU 14/2008 and Perki 1/2021 is counted in working days, with the day of the triggering event as
day 0 (domain reference §2.5). A due date is stored, not re-derived on every read (the calendar may be edited
later; recomputation is an explicit command), so ``DueDate`` carries everything needed to answer the
requester's or the supervisor's "mengapa tanggal ini?" without the calendar: the rule, the start, and every day
that was skipped and why. ``to_dict``/``from_dict`` let the services keep it as JSON next to the request.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.domain.calendar import WorkingCalendar
from app.domain.formatting import format_date_long
from app.domain.translatable import QT_TRANSLATE_NOOP

COMPLETENESS_DAYS = 3
COMPLETION_DAYS = 3
RESPONSE_DAYS = 10
EXTENSION_DAYS = 7
OBJECTION_FILING_DAYS = 30
OBJECTION_RESPONSE_DAYS = 30
DISPUTE_FILING_DAYS = 14

COMPLETENESS = "completeness"
COMPLETION = "completion"
RESPONSE = "response"
EXTENDED = "extended"
OBJECTION_FILING = "objection_filing"
OBJECTION_RESPONSE = "objection_response"
DISPUTE_FILING = "dispute_filing"

KINDS: tuple[str, ...] = (
    COMPLETENESS,
    COMPLETION,
    RESPONSE,
    EXTENDED,
    OBJECTION_FILING,
    OBJECTION_RESPONSE,
    DISPUTE_FILING,
)

RULES: Mapping[str, str] = {
    COMPLETENESS: (
        f"{COMPLETENESS_DAYS} hari kerja sejak permohonan diterima dan dicatat dalam register, "
        "untuk memeriksa kelengkapan permohonan (Perki 1/2021)"
    ),
    COMPLETION: (
        f"{COMPLETION_DAYS} hari kerja sejak surat keterangan tidak lengkap disampaikan, "
        "bagi pemohon untuk melengkapi permohonan (Perki 1/2021)"
    ),
    RESPONSE: (
        f"{RESPONSE_DAYS} hari kerja sejak permohonan dinyatakan lengkap "
        "(Pasal 22 ayat 7 UU 14/2008; Perki 1/2021)"
    ),
    EXTENDED: (
        f"perpanjangan {EXTENSION_DAYS} hari kerja sejak berakhirnya jangka waktu pemberitahuan tertulis "
        "(Pasal 22 ayat 8 UU 14/2008; Perki 1/2021)"
    ),
    OBJECTION_FILING: (
        f"{OBJECTION_FILING_DAYS} hari kerja sejak ditemukannya alasan keberatan (Pasal 36 ayat 1 UU 14/2008)"
    ),
    OBJECTION_RESPONSE: (
        f"{OBJECTION_RESPONSE_DAYS} hari kerja sejak keberatan diterima secara tertulis "
        "(Pasal 36 ayat 2 UU 14/2008; Perki 1/2021)"
    ),
    DISPUTE_FILING: (
        f"{DISPUTE_FILING_DAYS} hari kerja sejak tanggapan tertulis Atasan PPID diterima atau berakhirnya "
        "jangka waktu tanggapan (Pasal 37 ayat 2 UU 14/2008)"
    ),
}

#: What each deadline is called where people read it (the CLI, the request and keberatan pages, the dossier):
#: one name per kind, never the code. Marked for translation under the page that shows it.
DEADLINE_LABELS: Mapping[str, str] = {
    COMPLETENESS: QT_TRANSLATE_NOOP("RequestPage", "Pemeriksaan kelengkapan"),
    COMPLETION: QT_TRANSLATE_NOOP("RequestPage", "Pemohon melengkapi"),
    RESPONSE: QT_TRANSLATE_NOOP("RequestPage", "Pemberitahuan tertulis"),
    EXTENDED: QT_TRANSLATE_NOOP("RequestPage", "Setelah perpanjangan"),
    OBJECTION_FILING: QT_TRANSLATE_NOOP("RequestPage", "Batas mengajukan keberatan"),
    OBJECTION_RESPONSE: QT_TRANSLATE_NOOP("ObjectionsPage", "Batas tanggapan Atasan PPID"),
    DISPUTE_FILING: QT_TRANSLATE_NOOP("ObjectionsPage", "Batas mengajukan sengketa"),
}
#: A keberatan stores its deadlines under these keys (``app.services.calendar.objection_deadlines``).
OBJECTION_DEADLINE_LABELS: Mapping[str, str] = {
    RESPONSE: DEADLINE_LABELS[OBJECTION_RESPONSE],
    DISPUTE_FILING: DEADLINE_LABELS[DISPUTE_FILING],
}

_WEEKEND_REASONS = frozenset({"Sabtu", "Minggu"})


@dataclass(frozen=True)
class SkippedDay:
    """A calendar day inside a period that was not counted, with the reason shown to the officer."""

    day: date
    reason: str


@dataclass(frozen=True)
class DueDate:
    """A computed due date, frozen together with the facts that produced it."""

    kind: str
    start: date  # day 0
    working_days: int
    due: date
    rule: str
    skipped: tuple[SkippedDay, ...]  # every non-working day in (start, due]

    def explanation(self) -> str:
        """Indonesian text answering "mengapa tanggal ini?".

        Plain weekends are summarised in one line; every holiday, cuti bersama and closure is listed with its
        date, because those are the days people dispute.
        """
        lines = [
            f"Jatuh tempo: {format_date_long(self.due)}",
            f"Dasar: {self.rule}",
            f"Dihitung sejak: {format_date_long(self.start)} (hari ke-0)",
        ]
        if self.working_days == 0:
            lines.append("Jangka waktu 0 hari kerja: jatuh tempo pada hari yang sama.")
            return "\n".join(lines)
        holidays = [s for s in self.skipped if s.reason not in _WEEKEND_REASONS]
        weekends = len(self.skipped) - len(holidays)
        if not self.skipped:
            lines.append("Tidak ada hari libur yang dilewati.")
            return "\n".join(lines)
        lines.append(
            f"Hari yang tidak dihitung ({len(self.skipped)} hari, sehingga {self.working_days} hari kerja "
            f"mencakup {self.working_days + len(self.skipped)} hari kalender):"
        )
        lines.extend(f"- {format_date_long(s.day)}: {s.reason}" for s in holidays)
        if weekends:
            lines.append(f"- {weekends} hari Sabtu/Minggu")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form (ISO dates) for storage, sync and the CLI's ``--json`` output.

        Compact where nothing is lost: the rule is left out when it is the kind's standard text (``RULES``),
        and the plain Saturdays and Sundays are left out of ``skipped`` (``"weekends": true``) when every one
        of them in (start, due] is listed as such — ``from_dict`` puts them back from the dates alone, no
        calendar needed. They were most of the stored and synced bytes of a request (~2.5 kB per request)."""
        out: dict[str, Any] = {
            "kind": self.kind,
            "start": self.start.isoformat(),
            "working_days": self.working_days,
            "due": self.due.isoformat(),
        }
        if self.rule != RULES.get(self.kind):
            out["rule"] = self.rule
        listed = [s for s in self.skipped if _weekend_reason(s.day) != s.reason]
        if _with_weekends(listed, self.start, self.due) == self.skipped:
            out["weekends"] = True
        else:
            listed = list(self.skipped)
        out["skipped"] = [{"day": s.day.isoformat(), "reason": s.reason} for s in listed]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DueDate:
        """Rebuild from ``to_dict`` output; raises ``ValueError`` on malformed data."""
        try:
            kind = str(data["kind"])
            start, due = date.fromisoformat(str(data["start"])), date.fromisoformat(str(data["due"]))
            skipped = tuple(
                SkippedDay(date.fromisoformat(str(item["day"])), str(item["reason"]))
                for item in data.get("skipped", ())
            )
            return cls(
                kind=kind,
                start=start,
                working_days=int(data["working_days"]),
                due=due,
                rule=str(data["rule"]) if "rule" in data else RULES[kind],
                skipped=_with_weekends(list(skipped), start, due) if data.get("weekends") else skipped,
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(f"data jatuh tempo tidak valid: {exc!r}") from exc


def _weekend_reason(day: date) -> str | None:
    return ("Sabtu", "Minggu")[day.weekday() - 5] if day.weekday() >= 5 else None


def _with_weekends(listed: list[SkippedDay], start: date, due: date) -> tuple[SkippedDay, ...]:
    """``listed`` with every Saturday and Sunday in (start, due] not already listed added, in date order."""
    days = {s.day: s for s in listed}
    day = start + timedelta(days=1)
    while day <= due:
        reason = _weekend_reason(day)
        if reason is not None and day not in days:
            days[day] = SkippedDay(day, reason)
        day += timedelta(days=1)
    return tuple(days[d] for d in sorted(days))


def due_after(calendar: WorkingCalendar, kind: str, start: date, working_days: int, rule: str) -> DueDate:
    """The due date ``working_days`` working days after ``start`` (day 0), with the skipped days."""
    due = calendar.add_working_days(start, working_days)
    skipped = tuple(SkippedDay(day, reason) for day, reason in calendar.non_working_days(start, due))
    return DueDate(kind=kind, start=start, working_days=working_days, due=due, rule=rule, skipped=skipped)


def completeness_due(cal: WorkingCalendar, received: date) -> DueDate:
    """Deadline for the desk to check completeness: 3 working days from receipt."""
    return due_after(cal, COMPLETENESS, received, COMPLETENESS_DAYS, RULES[COMPLETENESS])


def completion_due(cal: WorkingCalendar, notice: date) -> DueDate:
    """Deadline for the requester to complete: 3 working days from the surat keterangan tidak lengkap."""
    return due_after(cal, COMPLETION, notice, COMPLETION_DAYS, RULES[COMPLETION])


def response_due(cal: WorkingCalendar, completed: date) -> DueDate:
    """Deadline for the pemberitahuan tertulis: 10 working days from the request being declared complete."""
    return due_after(cal, RESPONSE, completed, RESPONSE_DAYS, RULES[RESPONSE])


def extended_due(cal: WorkingCalendar, original_due: date) -> DueDate:
    """Extended deadline: +7 working days counted from the original response due date."""
    return due_after(cal, EXTENDED, original_due, EXTENSION_DAYS, RULES[EXTENDED])


def objection_filing_due(cal: WorkingCalendar, ground_date: date) -> DueDate:
    """Last day for the requester to file keberatan: 30 working days from the ground arising."""
    return due_after(cal, OBJECTION_FILING, ground_date, OBJECTION_FILING_DAYS, RULES[OBJECTION_FILING])


def objection_response_due(cal: WorkingCalendar, filed: date) -> DueDate:
    """Deadline for the Atasan PPID's tanggapan: 30 working days from the keberatan being registered."""
    return due_after(cal, OBJECTION_RESPONSE, filed, OBJECTION_RESPONSE_DAYS, RULES[OBJECTION_RESPONSE])


def dispute_filing_due(cal: WorkingCalendar, start: date) -> DueDate:
    """Last day to file sengketa at Komisi Informasi: 14 working days from the Atasan's answer or its lapse."""
    return due_after(cal, DISPUTE_FILING, start, DISPUTE_FILING_DAYS, RULES[DISPUTE_FILING])


def remaining_working_days(cal: WorkingCalendar, today: date, due: date) -> int:
    """Working days left until ``due``: 0 on the due date, positive before it, negative (overdue) after.

    Only the due date itself gives 0: a Saturday after a Friday deadline is already -1 and a Saturday before a
    Monday deadline is +1, so an overdue item never reads "jatuh tempo hari ini".
    """
    if today == due:
        return 0
    count = cal.working_days_between(today, due)
    return max(count, 1) if today < due else min(count, -1)


def format_remaining(n: int) -> str:
    """Indonesian label for ``remaining_working_days``."""
    if n > 0:
        return f"sisa {n} hari kerja"
    if n == 0:
        return "jatuh tempo hari ini"
    return f"terlambat {-n} hari kerja"

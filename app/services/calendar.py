"""The office's working-day calendar as stored on the desk, and the explicit, previewed deadline recompute.

Deadlines are frozen when computed. Editing the calendar does not move them: a supervisor runs a recompute,
first as a preview listing every deadline that would change, then applies it; each change is written on the
request's timeline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import deadlines as dl
from app.domain import text as text_rules
from app.domain.calendar import Holiday, WorkingCalendar
from app.domain.lifecycle import OPEN_STATUSES, ObjectionStatus, Status, request_deadline_in_force
from app.domain.permissions import Permission
from app.errors import NotFound, ValidationError
from app.ids import new_id
from app.services.context import Actor, DeskContext
from app.services.journal import audit, enqueue, record_event
from app.services.sync_state import calendar_state, objection_state, request_state
from app.services.views import EventView
from db.models import CalendarEntry, Event, Objection, Request, Requester, Setting

CLOSURE = "libur_lokal"
WORKING_OVERRIDE = "hari_kerja"
SETTING_KEY = "calendar"


@dataclass(frozen=True)
class CalendarEntryView:
    id: str
    day: date
    kind: str
    name: str
    source: str | None
    created_by: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "day": self.day.isoformat(),
            "kind": self.kind,
            "name": self.name,
            "source": self.source,
            "created_by": self.created_by,
        }


@dataclass(frozen=True)
class DeadlineChange:
    entity: str  # "request" | "objection"
    number: str
    kind: str
    old: date | None
    new: date

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "number": self.number,
            "kind": self.kind,
            "old": self.old.isoformat() if self.old else None,
            "new": self.new.isoformat(),
        }


_CALENDARS: dict[tuple[Any, ...], WorkingCalendar] = {}


def load_calendar(session: Session) -> WorkingCalendar:
    """The office calendar as stored now. Built once per distinct set of entries: every intake and action
    needs it, and a WorkingCalendar's per-year tables are worth keeping warm."""
    entries = session.execute(
        select(CalendarEntry.day, CalendarEntry.kind, CalendarEntry.name).where(
            CalendarEntry.removed_at.is_(None)
        )
    ).all()
    setting = session.get(Setting, SETTING_KEY)
    cuti = bool((setting.value if setting else {}).get("cuti_bersama_is_holiday", True))
    key = (cuti, *sorted((e.day, e.kind, e.name) for e in entries))
    calendar = _CALENDARS.get(key)
    if calendar is None:
        if len(_CALENDARS) > 32:
            _CALENDARS.clear()
        calendar = WorkingCalendar(
            closures={e.day: e.name for e in entries if e.kind == CLOSURE},
            working_overrides=[e.day for e in entries if e.kind == WORKING_OVERRIDE],
            cuti_bersama_is_holiday=cuti,
        )
        _CALENDARS[key] = calendar
    return calendar


class _Deriver:
    """Computes due dates, reusing a stored one whose starting fact is unchanged.

    A due date told to a requester is frozen: an ordinary action (a correction, an answer) must not move it
    just because the calendar was edited since. Only the explicit recompute passes ``stored=None``.
    """

    def __init__(self, cal: WorkingCalendar, stored: dict[str, Any] | None) -> None:
        self.cal = cal
        self.stored = stored or {}

    def due(
        self, kind: str, start: date, compute: Callable[[WorkingCalendar, date], dl.DueDate]
    ) -> dl.DueDate:
        entry = self.stored.get(kind)
        if entry and entry.get("start") == start.isoformat():
            return dl.DueDate.from_dict(entry)
        return compute(self.cal, start)


def request_deadlines(
    cal: WorkingCalendar, row: Request, *, keep_stored: bool = True
) -> dict[str, dl.DueDate]:
    """Every deadline that applies to the request in its current state, from its facts."""
    derive = _Deriver(cal, row.deadlines if keep_stored else None)
    out: dict[str, dl.DueDate] = {}
    if row.completed_at is None or row.completed_at != row.received_at:
        # A request declared complete at the desk needs no completeness check deadline.
        out["completeness"] = derive.due("completeness", row.received_at.date(), dl.completeness_due)
    if row.incomplete_notice_at is not None:
        out["completion"] = derive.due("completion", row.incomplete_notice_at.date(), dl.completion_due)
    if row.completed_at is not None:
        response = derive.due("response", row.completed_at.date(), dl.response_due)
        out["response"] = response
        if row.extended_at is not None:
            out["extended"] = derive.due("extended", response.due, dl.extended_due)
    ground = row.decided_at or row.forwarded_at
    if ground is not None:
        out["objection_filing"] = derive.due("objection_filing", ground.date(), dl.objection_filing_due)
    return out


def apply_request_deadlines(row: Request, deadlines: dict[str, dl.DueDate]) -> None:
    row.deadlines = {kind: d.to_dict() for kind, d in deadlines.items()}
    row.due_completeness = deadlines["completeness"].due if "completeness" in deadlines else None
    row.due_completion = deadlines["completion"].due if "completion" in deadlines else None
    row.due_response = deadlines["response"].due if "response" in deadlines else None
    row.due_extended = deadlines["extended"].due if "extended" in deadlines else None
    row.due_current = current_due(row)


def current_due(row: Request) -> date | None:
    """The deadline the desk is working against in the request's status (None once answered or closed): the
    lifecycle table says which (``REQUEST_LIFECYCLE.clocks``)."""
    kind = request_deadline_in_force(Status(row.status), row.deadlines)
    dues = {
        "completeness": row.due_completeness,
        "completion": row.due_completion,
        "response": row.due_response,
        "extended": row.due_extended,
    }
    return dues.get(kind) if kind else None


def objection_deadlines(
    cal: WorkingCalendar, row: Objection, *, keep_stored: bool = True
) -> dict[str, dl.DueDate]:
    derive = _Deriver(cal, row.deadlines if keep_stored else None)
    response = derive.due("response", row.filed_at.date(), dl.objection_response_due)
    start = row.decided_at.date() if row.decided_at else response.due
    return {
        "response": response,
        "dispute_filing": derive.due("dispute_filing", start, dl.dispute_filing_due),
    }


def apply_objection_deadlines(row: Objection, deadlines: dict[str, dl.DueDate]) -> None:
    row.deadlines = {kind: d.to_dict() for kind, d in deadlines.items()}
    row.due_response = deadlines["response"].due


class CalendarService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def now(self) -> datetime:
        """The desk's clock: the time every new record is stamped with and deadlines are counted from."""
        return self.ctx.clock()

    def today(self) -> date:
        return self.ctx.clock().date()

    def calendar(self) -> WorkingCalendar:
        with self.ctx.db.reader() as session:
            return load_calendar(session)

    def holidays(self, year: int) -> list[Holiday]:
        return self.calendar().holidays(year)

    def entries(self, year: int | None = None) -> list[CalendarEntryView]:
        with self.ctx.db.reader() as session:
            query = (
                select(CalendarEntry).where(CalendarEntry.removed_at.is_(None)).order_by(CalendarEntry.day)
            )
            rows = session.scalars(query).all()
            return [
                CalendarEntryView(r.id, r.day, r.kind, r.name, r.source, r.created_by)
                for r in rows
                if year is None or r.day.year == year
            ]

    def cuti_bersama_is_holiday(self) -> bool:
        with self.ctx.db.reader() as session:
            setting = session.get(Setting, SETTING_KEY)
            return bool((setting.value if setting else {}).get("cuti_bersama_is_holiday", True))

    def set_cuti_bersama_is_holiday(self, actor: Actor, value: bool) -> None:
        actor.require(Permission.MANAGE_CALENDAR)
        with self.ctx.db.transaction() as session:
            setting = session.get(Setting, SETTING_KEY)
            if setting is None:
                session.add(Setting(key=SETTING_KEY, value={"cuti_bersama_is_holiday": value}))
            else:
                setting.value = {**setting.value, "cuti_bersama_is_holiday": value}
            audit(
                session,
                actor,
                self.ctx.clock(),
                action="calendar_cuti_bersama",
                entity="calendar",
                entity_id=None,
                details={"cuti_bersama_is_holiday": value},
            )

    def add(
        self, actor: Actor, *, day: date, name: str, kind: str = CLOSURE, source: str | None = None
    ) -> CalendarEntryView:
        actor.require(Permission.MANAGE_CALENDAR)
        if kind not in (CLOSURE, WORKING_OVERRIDE):
            raise ValidationError({"kind": f"Jenis harus '{CLOSURE}' atau '{WORKING_OVERRIDE}'."})
        clean_name = text_rules.line(name, "name", max_length=200)
        if not clean_name:
            raise ValidationError({"name": "Keterangan hari wajib diisi."})
        source = text_rules.line(source, "source", max_length=500)
        text_rules.check_date(day, "day")
        if kind == CLOSURE and day.weekday() >= 5:
            raise ValidationError({"day": "Hari Sabtu/Minggu sudah bukan hari kerja."})
        now = self.ctx.clock()
        with self.ctx.db.transaction() as session:
            clash = session.scalar(
                select(CalendarEntry).where(CalendarEntry.day == day, CalendarEntry.removed_at.is_(None))
            )
            if clash is not None:
                raise ValidationError(
                    {"day": f"Tanggal {day.isoformat()} sudah ada di kalender: {clash.name}."}
                )
            row = CalendarEntry(
                id=new_id(),
                day=day,
                kind=kind,
                name=clean_name,
                source=source,
                created_by=actor.username,
                created_at=now,
            )
            session.add(row)
            audit(
                session,
                actor,
                now,
                action="calendar_add",
                entity="calendar",
                entity_id=row.id,
                details={"day": day.isoformat(), "kind": kind, "name": row.name},
            )
            enqueue(
                session,
                now,
                entity="calendar",
                entity_id=row.id,
                action="add",
                payload={"state": calendar_state(row)},
                base_version=0,
            )
            return CalendarEntryView(row.id, row.day, row.kind, row.name, row.source, row.created_by)

    def remove(self, actor: Actor, day: date) -> None:
        """Take a local entry off the calendar (kept in the file, marked removed)."""
        actor.require(Permission.MANAGE_CALENDAR)
        now = self.ctx.clock()
        with self.ctx.db.transaction() as session:
            row = session.scalar(
                select(CalendarEntry).where(CalendarEntry.day == day, CalendarEntry.removed_at.is_(None))
            )
            if row is None:
                raise NotFound(f"Tidak ada entri kalender lokal pada {day.isoformat()}.")
            row.removed_at, row.removed_by = now, actor.username
            audit(
                session,
                actor,
                now,
                action="calendar_remove",
                entity="calendar",
                entity_id=row.id,
                details={"day": day.isoformat(), "name": row.name},
            )
            enqueue(
                session,
                now,
                entity="calendar",
                entity_id=row.id,
                action="remove",
                payload={"state": calendar_state(row)},
                base_version=1,
            )

    def recompute(self, actor: Actor, *, apply: bool = False) -> list[DeadlineChange]:
        """Deadlines of open requests and objections under the current calendar. Writes only with apply=True."""
        actor.require(Permission.RECOMPUTE_DEADLINES)
        changes: list[DeadlineChange] = []
        scope = self.ctx.db.transaction() if apply else self.ctx.db.reader()
        now = self.ctx.clock()
        with scope as session:
            cal = load_calendar(session)
            # Requests and objections differ only in which rows are open and which helpers derive, store and
            # send their deadlines; the comparison, the event and the outbox op are the same for both.
            kinds: list[tuple[str, Any, Any, Any, str, Any]] = [
                ("request", select(Request).where(Request.status.in_([s.value for s in OPEN_STATUSES])),
                 request_deadlines, apply_request_deadlines, "request_id", _enqueue_request),
                ("objection", select(Objection).where(Objection.status == ObjectionStatus.REGISTERED.value),
                 objection_deadlines, apply_objection_deadlines, "objection_id", _enqueue_objection),
            ]  # fmt: skip
            for entity, open_rows, derive, store, owner, send in kinds:
                for row in session.scalars(open_rows):
                    new = derive(cal, row, keep_stored=False)
                    diff = [
                        DeadlineChange(entity, row.number, kind, _stored_due(row.deadlines, kind), d.due)
                        for kind, d in new.items()
                        if _stored_due(row.deadlines, kind) != d.due
                    ]
                    if diff and apply:
                        base_version = row.version
                        store(row, new)
                        row.version += 1
                        event = record_event(
                            session,
                            actor,
                            now,
                            kind="deadline_recomputed",
                            at=now,
                            summary="Tenggat dihitung ulang setelah kalender diubah",
                            data={"changes": [c.to_dict() for c in diff]},
                            **{owner: row.id},
                        )
                        send(session, row, event, now, base_version)
                    changes.extend(diff)
            if apply:
                audit(
                    session,
                    actor,
                    now,
                    action="calendar_recompute",
                    entity="calendar",
                    entity_id=None,
                    details={"changed": len(changes)},
                )
        return changes


def _enqueue_request(session: Session, row: Request, event: Event, now: datetime, base_version: int) -> None:
    requester = session.get(Requester, row.requester_id)
    assert requester is not None
    enqueue(
        session,
        now,
        entity="request",
        entity_id=row.id,
        action="recompute",
        payload={"state": request_state(row, requester), "event": EventView.of(event).to_dict()},
        base_version=base_version,
    )


def _enqueue_objection(
    session: Session, row: Objection, event: Event, now: datetime, base_version: int
) -> None:
    request = session.get(Request, row.request_id)
    assert request is not None
    enqueue(
        session,
        now,
        entity="objection",
        entity_id=row.id,
        action="recompute",
        payload={"state": objection_state(row, request.number), "event": EventView.of(event).to_dict()},
        base_version=base_version,
    )


def _stored_due(deadlines: dict[str, Any], kind: str) -> date | None:
    entry = deadlines.get(kind)
    return date.fromisoformat(entry["due"]) if entry and entry.get("due") else None

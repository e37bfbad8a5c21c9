"""Keberatan: registration against a request (UU 14/2008 Pasal 35–36, Perki 1/2021 Pasal 39–41), the Atasan
PPID's decision, the requester's response, and a sengketa at the Komisi Informasi with its outcome."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import text as text_rules
from app.domain.calendar import WorkingCalendar
from app.domain.deadlines import objection_filing_due
from app.domain.formatting import format_date_long
from app.domain.lifecycle import (
    DISPUTE_OUTCOMES,
    OBJECTION_DECISIONS,
    OBJECTION_GROUNDS,
    OBJECTION_LIFECYCLE,
    ObjectionAction,
    ObjectionStatus,
    Status,
)
from app.domain.numbering import counter_key, parts_for, render_number
from app.domain.permissions import Permission
from app.domain.requester import validate_objection_proxy
from app.errors import ActionRefused, NotFound, ValidationError
from app.ids import new_id
from app.services import acting
from app.services.acting import Target
from app.services.calendar import apply_objection_deadlines, load_calendar, objection_deadlines
from app.services.context import Actor, DeskContext
from app.services.identity import recorded_name
from app.services.journal import RecordSink, RowSink, SessionWrites, audit, enqueue, record_event
from app.services.office import load_office
from app.services.register import load_request, next_counter, parse_datetime
from app.services.register_query import refuse_if_routed_away, still_worked_here
from app.services.sync_state import objection_state
from app.services.views import EventView, ObjectionView
from db.models import Event, Objection, Office, Official, Request, Requester, User


def request_line(event: Event, request_id: str) -> dict[str, Any]:
    """A line the keberatan writes on its request's timeline, as it travels inside the keberatan's op: the
    ``request_id`` tells every other desk (``app.sync.apply``) to put it on the request, so the request's
    timeline is the same everywhere. The event id keeps it from being stored twice."""
    return {**EventView.of(event).to_dict(), "request_id": request_id}


def parse_grounds(raw: Any) -> list[str]:
    items = raw.split(",") if isinstance(raw, str) else list(raw or [])
    grounds = sorted({str(g).strip().lower() for g in items if str(g).strip()})
    bad = [g for g in grounds if g not in OBJECTION_GROUNDS]
    if not grounds or bad:
        raise ValidationError(
            {"ground": "Alasan keberatan harus huruf a sampai g (Pasal 35 ayat 1 UU 14/2008)."}
        )
    return grounds


#: Per action, the body keys its step reads (``_apply``): anything else is refused with its name.
BODY_KEYS: dict[ObjectionAction, frozenset[str]] = {
    ObjectionAction.DECIDE: frozenset({"decision", "text", "atasan_name", "atasan_position"}),
    ObjectionAction.REQUESTER_RESPONSE: frozenset({"response"}),
    ObjectionAction.DISPUTE: frozenset({"register_number"}),
    ObjectionAction.DISPUTE_OUTCOME: frozenset({"outcome", "text"}),
    ObjectionAction.CLOSE: frozenset({"note"}),
    ObjectionAction.VOID: frozenset({"reason"}),
}
#: The keys of a keberatan's body at filing (``kasus_posisi`` and ``kuasa``: the Indonesian names, accepted).
FILING_KEYS = ("case_summary", "kasus_posisi", "proxy", "kuasa")
PROXY_KEYS = ("name", "address", "phone")


@dataclass(frozen=True)
class Filing:
    """A keberatan as checked before it meets its request (``check_filing``)."""

    grounds: list[str]
    filed_at: datetime
    case_summary: str
    proxy: dict[str, Any] | None


def check_filing(grounds: Any, filed_at: Any, body: Mapping[str, Any] | None, now: datetime) -> Filing:
    """Every check of ``ObjectionService.add`` that needs no transaction."""
    body = body or {}
    text_rules.check_body(body)
    text_rules.check_keys(body, FILING_KEYS)
    ground_list = parse_grounds(grounds)
    moment = parse_datetime(filed_at, "filed_at", now)
    summary = body.get("case_summary") or body.get("kasus_posisi")
    case_summary = text_rules.free_text(summary, "case_summary") or ""
    proxy = body.get("proxy") or body.get("kuasa")
    if isinstance(proxy, Mapping):
        text_rules.check_keys(proxy, PROXY_KEYS, "proxy")
    return Filing(ground_list, moment, case_summary, validate_objection_proxy(proxy))


def build_objection(
    sink: RecordSink,
    actor: Actor,
    now: datetime,
    filing: Filing,
    *,
    request: Request,
    office: Office,
    seq: Callable[[], int],
    cal: WorkingCalendar,
) -> Objection:
    """Check ``filing`` against its request, then the rows it writes: the keberatan (numbered with ``seq()``,
    drawn only once the checks passed), a line on each timeline, the audit entry and the outbox operation.
    Shared by ``ObjectionService.add`` and ``WriteBatch``."""
    moment, ground_list = filing.filed_at, filing.grounds
    if request.status == Status.VOID.value:
        raise ActionRefused("Permohonan yang dibatalkan tidak dapat diajukan keberatan.")
    if moment < request.received_at:
        raise ValidationError({"filed_at": "Keberatan tidak boleh sebelum permohonan diterima."})
    sequence = seq()
    number = render_number(
        office.objection_template, parts_for(office.code, office.desk_letter, sequence, moment.date())
    )
    row = Objection(
        id=new_id(),
        number=number,
        request_id=request.id,
        office_code=office.code,
        desk_letter=office.desk_letter,
        year=moment.year,
        seq=sequence,
        filed_at=moment,
        grounds=ground_list,
        case_summary=filing.case_summary,
        proxy=filing.proxy,
        status=ObjectionStatus.REGISTERED.value,
        deadlines={},
        received_by=actor.username,
        version=1,
        created_at=now,
        updated_at=now,
    )
    apply_objection_deadlines(row, objection_deadlines(cal, row))
    sink.add_record(row)
    window = filing_window(request, cal)
    late = window is not None and moment.date() > window
    summary = f"Keberatan {number} terdaftar (alasan {', '.join(ground_list)})"
    if late and window is not None:
        summary += f" — terlambat: batas pengajuan keberatan {format_date_long(window)} sudah lewat"
    data = {
        "objection": number,
        "grounds": ground_list,
        "late_filing": late,
        "filing_due": window.isoformat() if window else None,
    }
    on_request = record_event(
        sink, actor, now, kind="objection_filed", at=moment, request_id=request.id, summary=summary, data=data
    )
    event = record_event(
        sink, actor, now, kind="filed", at=moment, objection_id=row.id, summary=summary, data=data
    )
    audit(
        sink,
        actor,
        now,
        action="objection_add",
        entity="objection",
        entity_id=row.id,
        details={"number": number, "request": request.number},
    )
    enqueue(
        sink,
        now,
        entity="objection",
        entity_id=row.id,
        action="add",
        payload={
            "state": objection_state(row, request.number),
            "event": EventView.of(event).to_dict(),
            "events": [request_line(on_request, request.id)],
        },
        base_version=0,
    )
    return row


#: Keberatan per IN (...) query: well under SQLite's limit on bound parameters.
_CHUNK = 500


class ObjectionService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def _view(self, session: Session, row: Objection, actor: Actor) -> ObjectionView:
        return self._views(session, [row], actor)[0]

    def _views(self, session: Session, rows: Sequence[Objection], actor: Actor) -> list[ObjectionView]:
        """Views of many keberatan with two queries per chunk, not two per keberatan: the dashboard and the
        Register Keberatan list every open one, and one query each cost half the dashboard's load."""
        numbers: dict[str, str] = {}
        events: dict[str, list[Event]] = defaultdict(list)
        for start in range(0, len(rows), _CHUNK):
            chunk = rows[start : start + _CHUNK]
            request_ids = {row.request_id for row in chunk}
            found = session.execute(select(Request.id, Request.number).where(Request.id.in_(request_ids)))
            numbers.update((request_id, number) for request_id, number in found)
            for event in session.scalars(
                select(Event)
                .where(Event.objection_id.in_([row.id for row in chunk]))
                .order_by(Event.recorded_at, Event.id)
            ):
                events[event.objection_id or ""].append(event)
        names: dict[str, str] = {}
        if rows:  # the desk's few accounts, read once: the receiving officer and the timeline's by full name
            names = {
                user: name for user, name in session.execute(select(User.username, User.full_name)) if name
            }
        reveal = actor.can(Permission.VIEW_PERSONAL_DATA)  # the kuasa's phone, like the requester's
        views = {key: [EventView.of(e, names) for e in found] for key, found in events.items()}
        return [
            ObjectionView.of(
                row,
                numbers[row.request_id],
                views.get(row.id, []),
                received_by_name=names.get(row.received_by, ""),
                reveal=reveal,
            )
            for row in rows
        ]

    def add(
        self,
        actor: Actor,
        *,
        request_number: str,
        grounds: Any,
        filed_at: Any = None,
        body: Mapping[str, Any] | None = None,
    ) -> ObjectionView:
        """Register a keberatan and issue its number; the Atasan PPID's 30-working-day clock starts."""
        actor.require(Permission.RECORD_REQUEST)
        now = self.ctx.clock()
        filing = check_filing(grounds, filed_at, body, now)
        with self.ctx.db.transaction() as session:
            request = load_request(session, request_number)
            refuse_if_routed_away(session, request.id)
            row = build_objection(
                SessionWrites(session),
                actor,
                now,
                filing,
                request=request,
                office=load_office(session),
                seq=lambda: next_counter(session, counter_key("objection", filing.filed_at.year)),
                cal=load_calendar(session),
            )
            return self._view(session, row, actor)

    def get(self, actor: Actor, number: str) -> ObjectionView:
        with self.ctx.db.reader() as session:
            return self._view(session, _load(session, number), actor)

    def list(
        self,
        actor: Actor,
        *,
        status: str | None = None,
        request_number: str | None = None,
        worked_here: bool = False,
    ) -> list[ObjectionView]:
        """``worked_here``: leave out keberatan routed to another office with their request (work lists)."""
        with self.ctx.db.reader() as session:
            query = select(Objection).order_by(Objection.filed_at.desc())
            if status:
                query = query.where(Objection.status == status)
            if worked_here:
                query = query.where(still_worked_here(Objection.id))
            if request_number:
                query = query.where(Objection.request_id == load_request(session, request_number).id)
            return self._views(session, session.scalars(query).all(), actor)

    def requester_names(self, actor: Actor, request_numbers: Sequence[str]) -> dict[str, str]:
        """The requester's name as each request recorded it, by request number: what the Register Keberatan
        shows beside each keberatan. One query per chunk; a name is no full view of personal data (NIK,
        telephone and e-mail stay unread), so listing them records nothing in the audit log."""
        wanted = sorted(set(request_numbers))
        names: dict[str, str] = {}
        with self.ctx.db.reader() as session:
            for start in range(0, len(wanted), _CHUNK):
                found = session.execute(
                    select(Request, Requester)
                    .join(Requester, Requester.id == Request.requester_id)
                    .where(Request.number.in_(wanted[start : start + _CHUNK]))
                )
                names.update((req.number, recorded_name(req, who)) for req, who in found)
        return names

    def act(
        self,
        actor: Actor,
        number: str,
        action: str,
        body: Mapping[str, Any] | None = None,
        *,
        at: datetime | str | None = None,
    ) -> ObjectionView:
        return acting.act(self, self.ctx, actor, number, action, body, at=at)

    # --- the keberatan as a RecordKind (app.services.acting) --------------------------------------------

    lifecycle = OBJECTION_LIFECYCLE
    before_start = "Waktu tindakan tidak boleh sebelum keberatan didaftarkan."
    body_keys = BODY_KEYS

    def parse_action(self, action: str) -> ObjectionAction:
        try:
            return ObjectionAction(action)
        except ValueError:
            raise ValidationError(
                {"action": "Tindakan tidak dikenal. Pilih: " + ", ".join(a.value for a in ObjectionAction)}
            ) from None

    def load(self, session: Session, number: str) -> Target:
        row = _load(session, number)
        request = session.get(Request, row.request_id)
        assert request is not None
        return Target(row, request_number=request.number)

    def started_at(self, row: Objection) -> datetime:
        return row.filed_at

    def counts_as_step(self, action: ObjectionAction) -> bool:
        return False  # a keberatan's steps may be recorded out of order (the Atasan's letter arrives late)

    def last_step_at(self, session: Session, target: Target, action: ObjectionAction) -> datetime | None:
        return None

    def apply(
        self,
        session: Session,
        target: Target,
        action: ObjectionAction,
        body: Mapping[str, Any],
        at: datetime,
        actor: Actor,
    ) -> tuple[str, dict[str, Any]]:
        return self._apply(session, target.row, action, body, at)

    def set_deadlines(self, cal: WorkingCalendar, row: Objection) -> None:
        apply_objection_deadlines(row, objection_deadlines(cal, row))

    def journal(
        self,
        sink: RowSink,
        actor: Actor,
        now: datetime,
        target: Target,
        action: ObjectionAction,
        moment: datetime,
        summary: str,
        data: dict[str, Any],
        base_version: int,
    ) -> None:
        row = target.row
        event = record_event(
            sink, actor, now, kind=action.value, at=moment, objection_id=row.id, summary=summary, data=data
        )
        on_request = record_event(
            sink,
            actor,
            now,
            kind=f"objection_{action.value}",
            at=moment,
            request_id=row.request_id,
            summary=f"Keberatan {row.number}: {summary}",
            data=data,
        )
        audit(
            sink,
            actor,
            now,
            action=f"objection_{action.value}",
            entity="objection",
            entity_id=row.id,
            details={"number": row.number, **data},
        )
        enqueue(
            sink,
            now,
            entity="objection",
            entity_id=row.id,
            action=action.value,
            payload={
                "state": objection_state(row, target.request_number),
                "event": EventView.of(event).to_dict(),
                "events": [request_line(on_request, row.request_id)],
            },
            base_version=base_version,
            before=target.before,
        )

    def state(self, target: Target) -> dict[str, Any]:
        return objection_state(target.row, target.request_number)

    def reindex(
        self, session: Session, target: Target, action: ObjectionAction, data: dict[str, Any]
    ) -> None:
        """Nothing derived to keep: keberatan are not in the request search index."""

    def view(self, session: Session, actor: Actor, target: Target) -> ObjectionView:
        return self._view(session, target.row, actor)

    def _apply(
        self, session: Session, row: Objection, kind: ObjectionAction, body: Mapping[str, Any], at: datetime
    ) -> tuple[str, dict[str, Any]]:
        def text(key: str, label: str, minimum: int = 1) -> str:
            value = str(body.get(key) or "").strip()
            if len(value) < minimum:
                raise ValidationError({key: f"{label} wajib diisi."})
            return value

        if kind == ObjectionAction.DECIDE:
            decision = str(body.get("decision") or "")
            if decision not in OBJECTION_DECISIONS:
                raise ValidationError(
                    {"decision": "Keputusan harus salah satu: " + ", ".join(OBJECTION_DECISIONS)}
                )
            row.decision, row.decision_text, row.decided_at = (
                decision,
                text("text", "Isi tanggapan Atasan PPID"),
                at,
            )
            atasan = session.scalar(select(Official).where(Official.role == "atasan_ppid", Official.active))
            row.atasan_name = str(body.get("atasan_name") or (atasan.name if atasan else "")).strip() or None
            row.atasan_position = (
                str(body.get("atasan_position") or (atasan.jabatan if atasan else "")).strip() or None
            )
            if not row.atasan_name:
                raise ValidationError(
                    {"atasan_name": "Nama Atasan PPID wajib diisi (atau isi di pengaturan pejabat)."}
                )
            row.status = ObjectionStatus.DECIDED.value
            late = row.due_response is not None and at.date() > row.due_response
            mark = " — terlambat (lewat batas tanggapan 30 hari kerja)" if late else ""
            return f"Tanggapan Atasan PPID: {OBJECTION_DECISIONS[decision]}{mark}", {
                "decision": decision,
                "late": late,
            }
        if kind == ObjectionAction.REQUESTER_RESPONSE:
            row.requester_response, row.requester_response_at = text("response", "Tanggapan pemohon"), at
            return "Tanggapan pemohon dicatat", {"response": row.requester_response}
        if kind == ObjectionAction.DISPUTE:
            if (
                row.status == ObjectionStatus.REGISTERED.value
                and row.due_response
                and at.date() <= row.due_response
            ):
                raise ActionRefused(
                    "Sengketa tanpa tanggapan Atasan PPID baru dapat diajukan setelah batas tanggapan "
                    f"({format_date_long(row.due_response)}) lewat."
                )
            row.dispute_filed_at = at
            row.dispute_register = str(body.get("register_number") or "").strip() or None
            row.status = ObjectionStatus.DISPUTED.value
            window = row.deadlines.get("dispute_filing", {}).get("due")
            late = bool(window) and at.date().isoformat() > window
            mark = " — terlambat (lewat batas 14 hari kerja)" if late else ""
            return f"Sengketa diajukan ke Komisi Informasi{mark}", {
                "register_number": row.dispute_register,
                "late": late,
            }
        if kind == ObjectionAction.DISPUTE_OUTCOME:
            outcome = str(body.get("outcome") or "")
            if outcome not in DISPUTE_OUTCOMES:
                raise ValidationError(
                    {"outcome": "Hasil sengketa harus salah satu: " + ", ".join(DISPUTE_OUTCOMES)}
                )
            row.dispute_outcome, row.dispute_decided_at = outcome, at
            row.dispute_outcome_text = str(body.get("text") or "").strip() or None
            row.status, row.closed_at = ObjectionStatus.CLOSED.value, at
            return f"Hasil sengketa: {DISPUTE_OUTCOMES[outcome]}", {"outcome": outcome}
        if kind == ObjectionAction.CLOSE:
            row.status, row.closed_at = ObjectionStatus.CLOSED.value, at
            return "Keberatan selesai", {"note": str(body.get("note") or "") or None}
        row.void_reason = text("reason", "Alasan pembatalan", 5)
        row.voided_at, row.status = at, ObjectionStatus.VOID.value
        return f"Dibatalkan: {row.void_reason}", {"reason": row.void_reason}


def _load(session: Session, number: str) -> Objection:
    row = session.scalar(select(Objection).where(Objection.number == number.strip()))
    if row is None:
        raise NotFound(f"Keberatan nomor '{number}' tidak ditemukan.")
    return row


def filing_window(request: Request, cal: WorkingCalendar) -> date | None:
    """The last day of the requester's 30-working-day window to file a keberatan (Pasal 36 ayat 1), counted
    from the ground: the written answer or the forwarding (the request's ``objection_filing`` deadline) or,
    with no answer at all, the lapse of the response deadline. None while no ground has arisen yet.

    A late keberatan is recorded, not refused: registering it is the desk's duty and lateness is for the
    Atasan PPID to weigh; it is marked *terlambat* wherever it is shown."""
    stored = (request.deadlines or {}).get("objection_filing", {}).get("due")
    if stored:
        return date.fromisoformat(stored)
    lapsed = request.due_extended or request.due_response
    if request.decided_at is None and request.forwarded_at is None and lapsed is not None:
        return objection_filing_due(cal, lapsed).due
    return None

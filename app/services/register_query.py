"""Windowed, filtered reads of the register: what the register table, the CLI list and the exports use.

A page is fetched with ``count`` + ``rows(offset, limit)`` so the UI can show 100,000 requests without loading
them. Free text goes through the trigram FTS5 index (3+ characters), a full NIK through its keyed hash, short
text through an indexed prefix match on the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Integer, Select, and_, exists, func, literal_column, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnClause, ColumnElement

from app.domain.identity import format_phone, mask_email, mask_phone
from app.domain.lifecycle import OPEN_STATUSES, STATUS_LABELS, Status
from app.domain.permissions import Permission
from app.errors import ActionRefused, ValidationError
from app.services.context import Actor, DeskContext
from app.services.identity import recorded_fields
from app.services.record_fields import exported, register_columns
from db.models import Request, Requester
from db.models.sync import sync_records


@dataclass(frozen=True)
class RegisterFilter:
    text: str = ""
    statuses: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    channel: str | None = None
    requester_kind: str | None = None
    overdue_only: bool = False
    include_void: bool = True
    today: date | None = None  # for "overdue"; defaults to the desk clock
    worked_here: bool = False  # only what this desk still works on (overdue_only implies it)


def check_period(flt: RegisterFilter) -> None:
    """Refuse ``--from`` after ``--to`` (as ``print register`` does): an empty result would look like an
    empty register, not like a mistyped date."""
    if flt.date_from and flt.date_to and flt.date_to < flt.date_from:
        raise ValidationError({"to": "Tanggal akhir periode tidak boleh sebelum tanggal awal."})


def still_worked_here(id_column: Any) -> ColumnElement[bool]:
    """The one rule for work lists (overdue, due soon, waiting, open keberatan): a record counts on this desk
    unless it left this desk's scope, i.e. the city routed it to another office (``sync_records.in_scope``
    false). Such a row stays in the register (this desk registered it; the number is this desk's) but is no
    longer this desk's work. A city desk never loses scope, so it keeps monitoring every office; a desk that
    never synced has no such rows."""
    return ~exists().where(sync_records.c.entity_id == id_column, sync_records.c.in_scope.is_(False))


ROUTED_AWAY = (
    "Permohonan ini (beserta keberatannya) telah diteruskan oleh PPID kota ke kantor lain; tindak lanjutnya "
    "dicatat di kantor tujuan. Di meja ini berkasnya hanya dapat dilihat dan suratnya dicetak ulang."
)


def routed_away(session: Session, entity_id: str) -> bool:
    """True when the city routed this record to another office (the counterpart of ``still_worked_here``)."""
    return bool(
        session.scalar(
            select(sync_records.c.entity_id).where(
                sync_records.c.entity_id == entity_id, sync_records.c.in_scope.is_(False)
            )
        )
    )


def refuse_if_routed_away(session: Session, entity_id: str) -> None:
    """A desk records nothing more on a file another office now handles: the server would only hold it as a
    ``moved_out_of_scope`` conflict for a supervisor, so the officer is told at once instead."""
    if routed_away(session, entity_id):
        raise ActionRefused(ROUTED_AWAY)


_ROWID: ColumnClause[int] = literal_column("requests.rowid", Integer)
_BY_REQUESTER = "SELECT r.rowid FROM requests r JOIN requesters q ON q.id = r.requester_id"
_WORD = re.compile(r"\w+", re.UNICODE)


def _text_only(flt: RegisterFilter) -> bool:
    """Only free text (and the date range, which is on the same index) narrows the register."""
    return bool(flt.text.strip()) and not (
        flt.statuses
        or flt.channel
        or flt.requester_kind
        or flt.overdue_only
        or flt.worked_here
        or not flt.include_void
    )


def fts_query(needle: str) -> str | None:
    """Words typed so far as FTS5 prefix terms ("siti ami" finds "Siti Aminah"); None when too short."""
    words = [w.lower() for w in _WORD.findall(needle)]
    if not words or max(len(w) for w in words) < 2:
        return None
    return " ".join(f'"{w}"*' for w in words)


SORTABLE = {
    "number": Request.year * 1_000_000 + Request.seq,
    "received_at": Request.received_at,
    # the name as each request recorded it (app/services/identity.py), the current one for older rows
    "name": func.coalesce(func.json_extract(Request.requester_recorded, "$.name"), Requester.name),
    "status": Request.status,
    "due": Request.due_current,
    "channel": Request.channel,
}


@dataclass(frozen=True)
class RegisterRow:
    """One line of the Register Permohonan (domain §4.1) plus status and deadline."""

    id: str
    number: str
    received_at: datetime
    channel: str
    requester_kind: str
    name: str
    address: str
    contact: str
    occupation: str | None
    nik_masked: str | None
    information: str
    purpose: str
    status: Status
    decision: str | None
    info_held: bool | None
    holder_body: str | None
    info_form: str | None
    obtain_method: str
    rejection_article: str | None
    decided_at: datetime | None
    delivered_at: datetime | None
    costs: dict[str, Any] | None
    payment_method: str | None
    completed_at: datetime | None
    due: date | None
    due_extended: date | None
    extension_reason: str | None
    forwarded_to: str | None
    overdue: bool = field(default=False)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            out[name] = value.isoformat() if isinstance(value, date | datetime) else value
        out["status"] = self.status.value
        out["status_label"] = self.status_label
        return out


class RegisterQuery:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def today(self) -> date:
        """The desk's date (its clock, never the PC's): what a filter without its own day counts from."""
        return self.ctx.clock().date()

    def _where(self, flt: RegisterFilter) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        if flt.statuses:
            conditions.append(Request.status.in_(flt.statuses))
        elif not flt.include_void:
            conditions.append(Request.status != Status.VOID.value)
        if flt.date_from:
            conditions.append(Request.received_at >= datetime.combine(flt.date_from, time.min))
        if flt.date_to:
            conditions.append(
                Request.received_at < datetime.combine(flt.date_to + timedelta(days=1), time.min)
            )
        if flt.channel:
            conditions.append(Request.channel == flt.channel)
        if flt.requester_kind:
            conditions.append(Requester.kind == flt.requester_kind)
        if flt.overdue_only:
            today = flt.today or self.today()
            conditions.append(Request.status.in_([s.value for s in OPEN_STATUSES]))
            conditions.append(Request.due_current < today)
        if flt.overdue_only or flt.worked_here:
            conditions.append(still_worked_here(Request.id))
        needle = flt.text.strip()
        if needle:
            conditions.append(self._text_condition(needle))
        return conditions

    def _text_condition(self, needle: str) -> ColumnElement[bool]:
        sql, params = self._text_matches(needle)
        return cast(ColumnElement[bool], text(f"requests.rowid IN {sql}").bindparams(**params))

    def _text_matches(self, needle: str) -> tuple[str, dict[str, str]]:
        """The rowids matching ``needle``: one indexed lookup per kind of needle, UNIONed (an OR across the
        two tables would make SQLite scan every request)."""
        params: dict[str, str] = {"num_lo": needle.upper(), "num_hi": needle.upper() + "\uffff"}
        parts = ["SELECT rowid FROM requests WHERE number >= :num_lo AND number < :num_hi"]
        if "/" in needle:  # "CPJ/2026/A-0012" is a registration number, not words
            return f"({parts[0]})", params
        digits = "".join(ch for ch in needle if ch.isdigit())
        if len(digits) == 16 and len(digits) == len(needle.replace(" ", "")):
            parts.append(f"{_BY_REQUESTER} WHERE q.nik_hash = :nik")
            params["nik"] = self.ctx.vault.lookup_hash(digits)
        match = fts_query(needle)
        if match:
            parts.append("SELECT rowid FROM request_search WHERE request_search MATCH :match")
            params["match"] = match
        else:
            parts.append(f"{_BY_REQUESTER} WHERE q.name LIKE :name")
            params["name"] = needle.replace("%", "").replace("_", "") + "%"
        return f"({' UNION '.join(parts)})", params

    def _select(self, columns: Any, flt: RegisterFilter, *, order_by: str | None = None) -> Select[Any]:
        query = select(columns).select_from(Request)
        if flt.requester_kind or order_by == "name":
            query = query.join(Requester, Requester.id == Request.requester_id)
        conditions = self._where(flt)
        return query.where(and_(*conditions)) if conditions else query

    def count(self, actor: Actor, flt: RegisterFilter = RegisterFilter()) -> int:
        with self.ctx.db.reader() as session:
            if _text_only(flt) and not (flt.date_from or flt.date_to):
                # The matching rowids alone answer it: no request row needs to be read.
                sql, params = self._text_matches(flt.text.strip())
                return int(session.scalar(text(f"SELECT count(*) FROM {sql}").bindparams(**params)) or 0)
            return int(session.scalar(self._select(func.count(), flt)) or 0)

    def count_by_month(self, actor: Actor, since: date, until: date) -> dict[date, int]:
        """Requests received per calendar month from ``since`` to ``until`` (both days included), void ones
        left out as ``count`` leaves them out: {first day of the month: count}, months without any omitted.
        One grouped query where the dashboard's chart asked one count per month (twelve transactions)."""
        flt = RegisterFilter(date_from=since, date_to=until)
        # "YYYY-MM" of the stored timestamp: the same text the date bounds of ``_where`` are compared with
        month = func.substr(Request.received_at, 1, 7)
        query = select(month, func.count()).select_from(Request).where(and_(*self._where(flt)))
        with self.ctx.db.reader() as session:
            found = session.execute(query.group_by(month)).all()
        return {date(int(key[:4]), int(key[5:7]), 1): int(n) for key, n in found}

    def rows(
        self,
        actor: Actor,
        flt: RegisterFilter = RegisterFilter(),
        *,
        offset: int = 0,
        limit: int = 200,
        order_by: str = "received_at",
        descending: bool = True,
        contacts: bool = True,
    ) -> list[RegisterRow]:
        """One page, in two steps: the page's rowids on narrow indexed columns, then only those rows.

        ``contacts``: a reader who may see them gets full telephone numbers and e-mails, and the view is
        recorded; False where nothing shows them (the register screen with its contact column hidden), so a
        list drawn without them records no view of anyone's personal data."""
        column = SORTABLE.get(order_by, Request.received_at)
        order = column.desc() if descending else column.asc()
        # rowid is the index's own tiebreak, so "newest first" is read straight off ix_requests_received_at
        tiebreak = _ROWID.desc() if descending else _ROWID.asc()
        reveal = contacts and actor.can(Permission.VIEW_PERSONAL_DATA)
        today = flt.today or self.today()
        with self.ctx.db.reader() as session:
            if order_by == "received_at" and _text_only(flt):
                rowids = self._text_page(session, flt, offset=offset, limit=limit, descending=descending)
            else:
                page = self._select(_ROWID, flt, order_by=order_by).order_by(order, tiebreak)
                rowids = list(session.scalars(page.offset(offset).limit(limit)))
            if not rowids:
                return []
            loaded = session.execute(
                select(_ROWID.label("rowid_"), *_row_columns())
                .join(Requester, Requester.id == Request.requester_id)
                .where(_ROWID.in_(rowids))
            ).all()
            by_rowid = {row.rowid_: row for row in loaded}  # plain rows: no ORM identity map per page
            shown = [by_rowid[r] for r in rowids if r in by_rowid]
        if reveal:
            reveal = audit_full_contacts(self.ctx, actor, [r.number for r in shown if r.phone or r.email])
        stored = _stored_values()
        return [_row(r, _as_recorded(r), stored, reveal=reveal, today=today) for r in shown]

    def _text_page(
        self, session: Session, flt: RegisterFilter, *, offset: int, limit: int, descending: bool
    ) -> list[int]:
        """Walk the date index and stop at the page's last match, instead of reading and sorting every match
        (a common word matches thousands of requests). SQLAlchemy cannot render INDEXED BY, hence the text."""
        sql, params = self._text_matches(flt.text.strip())
        where = [f"rowid IN {sql}"]
        bounds: dict[str, Any] = {"limit": limit, "offset": offset}
        if flt.date_from:
            where.append("received_at >= :date_from")
            bounds["date_from"] = f"{datetime.combine(flt.date_from, time.min):%Y-%m-%d %H:%M:%S.%f}"
        if flt.date_to:
            where.append("received_at < :date_to")
            bounds["date_to"] = (
                f"{datetime.combine(flt.date_to + timedelta(days=1), time.min):%Y-%m-%d %H:%M:%S.%f}"
            )
        direction = "DESC" if descending else "ASC"
        page = text(
            "SELECT rowid FROM requests INDEXED BY ix_requests_received_at WHERE "
            + " AND ".join(where)
            + f" ORDER BY received_at {direction}, rowid {direction} LIMIT :limit OFFSET :offset"
        ).bindparams(**params, **bounds)
        return list(session.scalars(page))

    def ids(
        self,
        actor: Actor,
        flt: RegisterFilter = RegisterFilter(),
        *,
        order_by: str = "received_at",
        descending: bool = True,
    ) -> list[str]:
        """Every matching request number in order (cheap: lets a view know its length and order up front)."""
        column = SORTABLE.get(order_by, Request.received_at)
        order = column.desc() if descending else column.asc()
        with self.ctx.db.reader() as session:
            return list(session.scalars(self._select(Request.number, flt, order_by=order_by).order_by(order)))

    def all_rows(
        self,
        actor: Actor,
        flt: RegisterFilter = RegisterFilter(),
        *,
        chunk: int = 2000,
        order_by: str = "received_at",
        descending: bool = False,
    ) -> list[RegisterRow]:
        out: list[RegisterRow] = []
        offset = 0
        while True:
            page = self.rows(actor, flt, offset=offset, limit=chunk, order_by=order_by, descending=descending)
            out.extend(page)
            if len(page) < chunk:
                return out
            offset += chunk


def _row_columns() -> list[Any]:
    """What a page of the register reads for its lines: the stored columns of the exported fields, as the field
    table declares them (``register_columns``), with the request's id and its requester as recorded at intake."""
    request = ("id", *register_columns("request"), "requester_recorded")
    return [getattr(Request, f) for f in request] + [
        getattr(Requester, f) for f in register_columns("requester")
    ]


def audit_full_contacts(ctx: DeskContext, actor: Actor, numbers: list[str]) -> bool:
    """A list showing full phone numbers and e-mails is a view of personal data (UU 27/2022 Pasal 31) and is
    recorded like the full-NIK view of one request: who saw whose contacts, when. False when the register
    cannot be written (a full or read-only disk): no view goes unrecorded, so the list is then shown masked."""
    if not numbers:
        return True
    from app.services.journal import audit_if_writable

    return audit_if_writable(
        ctx, actor, action="view_personal_data", entity="register", entity_id=None,
        details={"fields": ["phone", "email"], "numbers": numbers},
        notice="Perhatian: telepon dan email disamarkan, karena melihatnya lengkap harus tercatat di jejak audit "
        "dan register tidak dapat ditulis (disk penuh atau hanya-baca).",
    )  # fmt: skip


def _as_recorded(r: Any) -> Any:
    """The requester's fields as the request recorded them at intake (the joined current ones otherwise)."""
    recorded = recorded_fields(r.requester_recorded)
    return SimpleNamespace(
        **{f: recorded[f] if f in recorded else getattr(r, f) for f in register_columns("requester")}
    )


def _stored_values() -> list[tuple[str, bool, str]]:
    """Per stored exported field, where a register line takes it: (the line's key, from the requester?, the
    stored column)."""
    return [(col.key or f.name, f.entity == "requester", f.name) for f, col in exported() if f.column]


def _row(
    req: Any, who: Any, stored: list[tuple[str, bool, str]], *, reveal: bool, today: date
) -> RegisterRow:
    """A line of the register: the stored exported fields as the table names them (``_stored_values``), and
    what is worked out: the contact (masked unless revealed), the status as such, overdue."""
    contact_parts = []
    if who.phone:
        contact_parts.append(format_phone(who.phone) if reveal else mask_phone(who.phone))
    if who.email:
        contact_parts.append(who.email if reveal else mask_email(who.email))
    status = Status(req.status)
    values = {key: getattr(who if of_requester else req, name) for key, of_requester, name in stored}
    values.update(
        id=req.id,
        costs=req.costs,
        contact=" / ".join(contact_parts),
        status=status,
        overdue=status in OPEN_STATUSES and req.due_current is not None and req.due_current < today,
    )
    return RegisterRow(**values)

"""Writing pulled records into the desk's register (requests with their requester, objections, calendar
entries, timeline events), in the pull page's transaction, with one bulk statement per table and page.

The caller never passes a record that has unacknowledged local ops: local unsent work is never overwritten.
Values arrive as JSON (dates as ISO text) and are converted back per column type. The NIK itself never travels
(only its masked form), so a requester pulled from another desk keeps whatever NIK fields this desk already had.
"""

from __future__ import annotations

import logging
import uuid
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Date, DateTime, Table, bindparam, select, text, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.domain.numbering import counter_key, parts_for, render_number
from app.domain.requester import recorded_fields
from app.domain.search import search_text
from app.sync import quarantine, state
from app.sync.apply_letters import apply_letters
from db.models import (
    CalendarEntry,
    Counter,
    Event,
    ExcludedInformation,
    Objection,
    Office,
    PublicInformation,
    Request,
    Requester,
)
from ppid_protocol.wire import PullItem

log = logging.getLogger("ppid.sync.apply")

_TABLES: dict[str, Table] = {
    "request": Request.__table__,  # type: ignore[dict-item]
    "objection": Objection.__table__,  # type: ignore[dict-item]
    "calendar": CalendarEntry.__table__,  # type: ignore[dict-item]
    "dik": ExcludedInformation.__table__,  # type: ignore[dict-item]
    "dip": PublicInformation.__table__,  # type: ignore[dict-item]
}
_LOCAL_ONLY = {"requesters": {"nik_encrypted", "nik_hash"}}
_ISSUED_ON = {"request": "received_at", "objection": "filed_at"}
"""The date a number was issued on (its year picks the counter): a keberatan is numbered when it is filed."""


def _convert(table: Table, data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for col in table.columns:
        if col.name not in data:
            continue
        value = data[col.name]
        if value is not None and isinstance(value, str):
            if isinstance(col.type, DateTime):
                value = datetime.fromisoformat(value)
            elif isinstance(col.type, Date):
                value = date.fromisoformat(value[:10])
        out[col.name] = value
    return out


def _complete_for_insert(
    table: Table, row: dict[str, Any], existing: set[str], now: datetime
) -> dict[str, Any] | None:
    """A row that is new on this desk must satisfy the register's NOT NULL columns. Bookkeeping columns the
    sender did not include get neutral values ("sync", now); a row still missing a real field is skipped (and
    logged) rather than failing the whole page, which would wedge every later sync."""
    if row["id"] in existing:
        return row
    out = dict(row)
    for col in table.columns:
        if col.name in out or col.nullable or col.default is not None or col.server_default is not None:
            continue
        if isinstance(col.type, DateTime):
            out[col.name] = now
        elif col.name.endswith("_by"):
            out[col.name] = "sync"
        else:
            log.warning(
                "pulled row lacks a required field; skipped", extra={"table": table.name, "field": col.name}
            )
            return None
    return out


def _upsert(session: Session, table: Table, rows: list[dict[str, Any]], now: datetime) -> None:
    """UPDATE the rows this desk has (only the columns sent; local-only columns such as the NIK untouched),
    INSERT the new ones (completed for NOT NULL columns); one executemany per column shape."""
    ids = [r["id"] for r in rows]
    existing = set(session.execute(select(table.c.id).where(table.c.id.in_(ids))).scalars())
    local_only = _LOCAL_ONLY.get(table.name, set())
    updates: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    inserts: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for raw in rows:
        if raw["id"] in existing:
            row = {f"v_{k}": v for k, v in raw.items() if k not in local_only}
            updates.setdefault(tuple(sorted(row)), []).append(row)
        else:
            new = _complete_for_insert(table, raw, existing, now)
            if new is not None:
                inserts.setdefault(tuple(sorted(new)), []).append(new)
    for cols, group in updates.items():
        values: dict[str, Any] = {c[2:]: bindparam(c) for c in cols if c != "v_id"}
        if values:
            session.execute(update(table).where(table.c.id == bindparam("v_id")).values(values), group)
    for _cols, group in inserts.items():
        session.execute(insert(table).on_conflict_do_nothing(), group)


def apply_items(
    session: Session, items: list[PullItem], *, office_code: str, desk_letter: str, now: datetime
) -> int:
    """Upsert a page of pulled records (none of them with pending local ops); returns how many were stored.
    ``now``: the desk's clock, for what this desk stamps itself (a line's arrival, a quarantined item).

    ``removed`` items may be passed too: they say where a record went, so it is shown as forwarded there.
    Records the engine already marked out of scope in this transaction are settled either way.

    An item this desk cannot store is quarantined (``app.sync.quarantine``) and the rest of the page applied:
    items that break the content rules or name a record this desk does not have are set aside first; should
    the page still fail in the database, it is applied again item by item, each in its own savepoint."""
    stored = _apply_screened(session, items, office_code, desk_letter, now)
    arrived = {item.entity_id for item in items if not item.removed}
    for _round in range(
        3
    ):  # a keberatan set aside a page before its request: stored once the request is here
        retry = quarantine.waiting(session, arrived)
        if not retry:
            break
        quarantine.release(session, [row_id for row_id, _item in retry], now)
        stored += _apply_screened(session, [item for _row_id, item in retry], office_code, desk_letter, now)
        arrived = {item.entity_id for _row_id, item in retry}
    return stored


def _apply_screened(
    session: Session, items: list[PullItem], office_code: str, desk_letter: str, now: datetime
) -> int:
    def reject(s: Session, item: PullItem, reason: str, waiting_for: str | None) -> None:
        quarantine.quarantine_item(s, item, reason, waiting_for, now=now)

    good = quarantine.screen(session, items, reject)
    try:
        with session.begin_nested():
            return _apply_page(session, good, office_code=office_code, desk_letter=desk_letter, now=now)
    except (SQLAlchemyError, ValueError, TypeError, KeyError, AttributeError) as exc:
        log.warning("pulled page failed; applying it item by item", extra={"error": type(exc).__name__})
    stored = 0
    for item in good:
        try:
            with session.begin_nested():
                stored += _apply_page(
                    session, [item], office_code=office_code, desk_letter=desk_letter, now=now
                )
        except (SQLAlchemyError, ValueError, TypeError, KeyError, AttributeError) as exc:
            quarantine.quarantine_item(session, item, f"{type(exc).__name__}: {exc}", now=now)
    return stored


def _apply_page(
    session: Session, items: list[PullItem], *, office_code: str, desk_letter: str, now: datetime
) -> int:
    by_kind: dict[str, list[dict[str, Any]]] = {}
    requesters: dict[str, dict[str, Any]] = {}
    events: list[dict[str, Any]] = []
    removed = [item for item in items if item.removed]
    stored = 0
    for item in items:
        if item.removed:
            continue
        table = _TABLES.get(item.entity)
        if table is None:  # letters: app/sync/apply_letters.py, after their requests
            if item.entity != "letter":
                log.info("pulled record kind not stored on the desk", extra={"entity": item.entity})
            continue
        record = dict(item.record or {})
        record.setdefault("id", item.entity_id)
        record["version"] = item.version
        if item.entity == "request" and isinstance(record.get("requester"), dict):
            req = _convert(Requester.__table__, record["requester"])  # type: ignore[arg-type]
            requesters[req["id"]] = req
        by_kind.setdefault(item.entity, []).append(_convert(table, record))
        events.extend(_event(item, ev, now) for ev in item.events if ev.get("id"))
        stored += 1
    if requesters:
        _upsert(session, Requester.__table__, list(requesters.values()), now)  # type: ignore[arg-type]
    for kind, table in _TABLES.items():  # requests first: a keberatan and its events refer to them
        if by_kind.get(kind):
            _upsert(session, table, by_kind[kind], now)
    if events:
        session.execute(insert(Event).on_conflict_do_nothing(), events)
    if by_kind.get("request"):
        _reindex(session, by_kind["request"], requesters)
    for kind in ("request", "objection"):
        _keep_counter_ahead(session, kind, by_kind.get(kind, []), office_code, desk_letter)
    stored += apply_letters(session, items, office_code=office_code, desk_letter=desk_letter, now=now)
    present = {item.entity_id for item in items if not item.removed}
    _settle_routed_away(session, removed, office_code, present, now)
    return stored


def _event(item: PullItem, ev: dict[str, Any], now: datetime) -> dict[str, Any]:
    """A pulled timeline line. A keberatan carries the lines it wrote on its request's timeline too (marked
    with ``request_id``): those go to the request, so every desk shows the same request timeline."""
    request_id, objection_id = ev.get("request_id"), ev.get("objection_id")
    if item.entity == "request":
        request_id = item.entity_id
    elif item.entity == "objection" and not request_id:
        objection_id = item.entity_id
    return {
        "id": ev["id"],
        "request_id": request_id,
        "objection_id": objection_id,
        "kind": str(ev.get("kind", "")),
        "at": datetime.fromisoformat(ev["at"]) if ev.get("at") else now,
        "recorded_at": datetime.fromisoformat(ev["recorded_at"]) if ev.get("recorded_at") else now,
        "username": str(ev.get("user") or ev.get("username") or ""),
        "summary": str(ev.get("summary", "")),
        "data": dict(ev.get("data") or {}),
    }


def _reindex(session: Session, rows: list[dict[str, Any]], requesters: dict[str, dict[str, Any]]) -> None:
    """Keep the register's trigram search index in step (same text as the services' ``index_request``)."""
    ids = [r["id"] for r in rows]
    rowids: dict[str, int] = dict(
        session.execute(select(Request.id, text("requests.rowid")).where(Request.id.in_(ids))).all()
    )
    missing = {r["requester_id"] for r in rows if r.get("requester_id") not in requesters}
    if missing:
        for found in session.execute(select(Requester.__table__).where(Requester.id.in_(missing))).mappings():
            requesters[found["id"]] = dict(found)
    session.execute(
        text("DELETE FROM request_search WHERE rowid = :r"), [{"r": rowids[i]} for i in ids if i in rowids]
    )
    params = []
    for r in rows:
        req = requesters.get(r.get("requester_id") or "")
        if r["id"] not in rowids or req is None:
            continue
        row_ns = SimpleNamespace(**{c.name: r.get(c.name) for c in Request.__table__.columns})
        req_ns = SimpleNamespace(**{c.name: req.get(c.name) for c in Requester.__table__.columns})
        recorded = r.get("requester_recorded")
        as_recorded = SimpleNamespace(**vars(req_ns))
        for name, value in recorded_fields(recorded).items():  # as the request recorded (services/identity)
            setattr(as_recorded, name, value)
        body = search_text(row_ns, req_ns, as_recorded)
        params.append({"r": rowids[r["id"]], "n": r.get("number"), "b": body})
    if params:
        session.execute(text("INSERT INTO request_search(rowid, number, body) VALUES (:r, :n, :b)"), params)


def _keep_counter_ahead(
    session: Session, kind: str, rows: list[dict[str, Any]], office: str, letter: str
) -> None:
    """A desk restored from an old backup must not issue a number it already issued: when the server shows one
    of this desk's own numbers, the local yearly counter is moved up to it (never down)."""
    highest: dict[str, int] = {}
    own = session.get(Office, 1)
    template = getattr(own, f"{kind}_template", None) if own is not None else None
    for r in rows:
        seq, received = r.get("seq"), r.get(_ISSUED_ON[kind])
        if (
            r.get("office_code") != office
            or r.get("desk_letter") != letter
            or not isinstance(seq, int)
            or not received
        ):
            continue
        day = received if isinstance(received, datetime) else datetime.fromisoformat(str(received))
        if template and r.get("number") != render_number(
            template, parts_for(office, letter, seq, day.date())
        ):
            continue  # issued by a desk of another office (same letter) and routed here: not our counter
        key = counter_key(kind, day.year)
        highest[key] = max(highest.get(key, 0), seq)
    for key, seq in highest.items():
        row = session.get(Counter, key)
        if row is None:
            session.add(Counter(key=key, value=seq))
        elif row.value < seq:
            row.value = seq


ROUTED_AWAY = "routed_away"
"""Kind of the timeline line a desk writes on its own copy of a record the city routed to another office."""
_SETTLED_KEY = "routed_away_seq"
_EVENT_NS = uuid.UUID("6f1d2c3a-8a47-4f0e-9d51-0c2b7e7a4b10")


def _settle_routed_away(
    session: Session, removed: list[PullItem], office: str, present: set[str], now: datetime
) -> None:
    """Show on this desk's own copy that a record left its office: a timeline line "Diteruskan ke <kantor>"
    and, when the server said where it went, the new ``office_code`` (the register keeps the row: this desk
    registered it and its number is this desk's; the work lists leave it out by ``in_scope``).

    Runs in the page's transaction, after the engine marked the records out of scope. Records left since the
    last settled ``server_seq`` are found in ``sync_records`` (a city desk never loses scope: nothing to do);
    ``removed`` items, when given, add the destination. The line's id is derived from the record and the seq
    of its leaving, so a page applied twice writes it once."""
    if (state.get(session, "enrollment") or {}).get("is_city"):
        return
    settled = int(state.get(session, _SETTLED_KEY, 0) or 0)
    sr = state.sync_records.c
    query = select(sr.entity_id, sr.server_seq).where(sr.in_scope.is_(False), sr.server_seq > settled)
    left: dict[str, int] = {eid: seq for eid, seq in session.execute(query)}
    where: dict[str, tuple[str, str]] = {}
    for item in removed:
        left.setdefault(item.entity_id, item.seq)
        name = str((item.record or {}).get("office_name") or "")
        if item.office_code:
            where[item.entity_id] = (item.office_code, name or item.office_code)
    if not left:
        return
    back = present | {i for i, (code, _n) in where.items() if code == office}
    settled = max(settled, *left.values())
    left = {i: seq for i, seq in left.items() if i not in back}  # routed back here meanwhile: ours again
    events: list[dict[str, Any]] = []
    for kind, table, noun in (("request", Request, "Permohonan"), ("objection", Objection, "Keberatan")):
        rows = session.execute(select(table.id, table.office_code).where(table.id.in_(list(left)))).all()
        for rid, current in rows:
            dest = where.get(rid)
            if dest is None and current != office:
                continue  # came back and left again before this page, or already settled with its office
            text_to = f"{dest[1]} ({dest[0]})" if dest else "kantor lain"
            events.append({
                "id": str(uuid.uuid5(_EVENT_NS, f"{rid}:{left[rid]}")), "kind": ROUTED_AWAY, "at": now,
                "recorded_at": now, "username": "sync",
                "request_id": rid if kind == "request" else None,
                "objection_id": rid if kind == "objection" else None,
                "summary": f"Diteruskan ke {text_to} oleh PPID kota. {noun} ini tidak lagi ditangani meja ini; "
                "nomornya tetap nomor meja ini.",
                "data": {"to_office": dest[0] if dest else None, "to_office_name": dest[1] if dest else None,
                         "from_office": current, "server_seq": left[rid]},
            })  # fmt: skip
            if dest:
                session.execute(update(table).where(table.id == rid).values(office_code=dest[0]))
    if events:
        session.execute(insert(Event).on_conflict_do_nothing(), events)
    state.put(session, _SETTLED_KEY, settled)

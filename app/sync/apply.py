"""Writing pulled records into the desk's register (requests with their requester, objections, calendar
entries, timeline events), in the pull page's transaction, with one bulk statement per table and page.

The caller never passes a record that has unacknowledged local ops: local unsent work is never overwritten.
Values arrive as JSON (dates as ISO text) and are converted back per column type. The NIK itself never travels
(only its masked form), so a requester pulled from another desk keeps whatever NIK fields this desk already had.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Date, DateTime, Table, select, text
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app.domain.numbering import counter_key
from app.sync.protocol import PullItem
from db.models import CalendarEntry, Counter, Event, Objection, Request, Requester

log = logging.getLogger("ppid.sync.apply")

_TABLES: dict[str, Table] = {
    "request": Request.__table__,  # type: ignore[dict-item]
    "objection": Objection.__table__,  # type: ignore[dict-item]
    "calendar": CalendarEntry.__table__,  # type: ignore[dict-item]
}
_LOCAL_ONLY = {"requesters": {"nik_encrypted", "nik_hash"}}


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


def _upsert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT … ON CONFLICT(id) DO UPDATE, grouped by column set (executemany needs one shape)."""
    shapes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        shapes.setdefault(tuple(sorted(row)), []).append(row)
    for cols, group in shapes.items():
        stmt = insert(table)
        updates = {
            c: stmt.excluded[c] for c in cols if c != "id" and c not in _LOCAL_ONLY.get(table.name, ())
        }
        session.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=updates), group)


def apply_items(session: Session, items: list[PullItem], *, office_code: str, desk_letter: str) -> int:
    """Upsert a page of pulled records (none of them with pending local ops); returns how many were stored."""
    by_kind: dict[str, list[dict[str, Any]]] = {}
    requesters: dict[str, dict[str, Any]] = {}
    events: list[dict[str, Any]] = []
    stored = 0
    for item in items:
        table = _TABLES.get(item.entity)
        if table is None:
            log.info("pulled record kind not stored on the desk", extra={"entity": item.entity})
            continue
        record = dict(item.record or {})
        record.setdefault("id", item.entity_id)
        record["version"] = item.version
        if item.entity == "request" and isinstance(record.get("requester"), dict):
            req = _convert(Requester.__table__, record["requester"])  # type: ignore[arg-type]
            requesters[req["id"]] = req
        by_kind.setdefault(item.entity, []).append(_convert(table, record))
        events.extend(_event(item, ev) for ev in item.events if ev.get("id"))
        stored += 1
    if requesters:
        _upsert(session, Requester.__table__, list(requesters.values()))  # type: ignore[arg-type]
    for kind, rows in by_kind.items():
        _upsert(session, _TABLES[kind], rows)
    if events:
        session.execute(insert(Event).on_conflict_do_nothing(), events)
    if by_kind.get("request"):
        _reindex(session, by_kind["request"], requesters)
    for kind in ("request", "objection"):
        _keep_counter_ahead(session, kind, by_kind.get(kind, []), office_code, desk_letter)
    return stored


def _event(item: PullItem, ev: dict[str, Any]) -> dict[str, Any]:
    now = datetime.now()
    return {
        "id": ev["id"],
        "request_id": item.entity_id if item.entity == "request" else ev.get("request_id"),
        "objection_id": item.entity_id if item.entity == "objection" else ev.get("objection_id"),
        "kind": str(ev.get("kind", "")),
        "at": datetime.fromisoformat(ev["at"]) if ev.get("at") else now,
        "recorded_at": datetime.fromisoformat(ev["recorded_at"]) if ev.get("recorded_at") else now,
        "username": str(ev.get("user") or ev.get("username") or ""),
        "summary": str(ev.get("summary", "")),
        "data": dict(ev.get("data") or {}),
    }


def _reindex(session: Session, rows: list[dict[str, Any]], requesters: dict[str, dict[str, Any]]) -> None:
    """Keep the register's trigram search index in step (same text as the services' ``index_request``)."""
    from app.services.register import search_body

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
        params.append({"r": rowids[r["id"]], "n": r.get("number"), "b": search_body(row_ns, req_ns)})  # type: ignore[arg-type]
    if params:
        session.execute(text("INSERT INTO request_search(rowid, number, body) VALUES (:r, :n, :b)"), params)


def _keep_counter_ahead(
    session: Session, kind: str, rows: list[dict[str, Any]], office: str, letter: str
) -> None:
    """A desk restored from an old backup must not issue a number it already issued: when the server shows one
    of this desk's own numbers, the local yearly counter is moved up to it (never down)."""
    highest: dict[str, int] = {}
    for r in rows:
        seq, received = r.get("seq"), r.get("received_at")
        if (
            r.get("office_code") != office
            or r.get("desk_letter") != letter
            or not isinstance(seq, int)
            or not received
        ):
            continue
        key = counter_key(kind, received.year if isinstance(received, datetime) else int(str(received)[:4]))
        highest[key] = max(highest.get(key, 0), seq)
    for key, seq in highest.items():
        row = session.get(Counter, key)
        if row is None:
            session.add(Counter(key=key, value=seq))
        elif row.value < seq:
            row.value = seq

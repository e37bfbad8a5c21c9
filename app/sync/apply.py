"""Writing pulled records into the desk's register (requests with their requester, objections, calendar
entries, timeline events), in the pull page's transaction.

The caller never passes a record that has unacknowledged local ops: local unsent work is never overwritten.
Values arrive as JSON (dates as ISO text) and are converted back per column type. The NIK itself never travels
(only its masked form), so a requester pulled from another desk keeps whatever NIK fields this desk already had.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, select
from sqlalchemy.orm import Session

from app.domain.numbering import counter_key
from app.sync.protocol import PullItem
from db.models import CalendarEntry, Counter, Event, Objection, Request, Requester

log = logging.getLogger("ppid.sync.apply")

_MODELS: dict[str, Any] = {"request": Request, "objection": Objection, "calendar": CalendarEntry}


def _convert(model: Any, data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for col in model.__table__.columns:
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


def _upsert(session: Session, model: Any, values: dict[str, Any]) -> Any:
    row = session.get(model, values["id"])
    if row is None:
        row = model(**values)
        session.add(row)
    else:
        for key, value in values.items():
            setattr(row, key, value)
    return row


def apply_item(session: Session, item: PullItem, *, office_code: str, desk_letter: str) -> bool:
    """Upsert one pulled record; False when this desk does not store that kind of record."""
    model = _MODELS.get(item.entity)
    record = dict(item.record or {})
    if model is None:
        log.info("pulled record kind not stored on the desk", extra={"entity": item.entity})
        return False
    record.setdefault("id", item.entity_id)
    record["version"] = item.version
    if item.entity == "request":
        requester = record.get("requester")
        if isinstance(requester, dict):
            _upsert(session, Requester, _convert(Requester, requester))
            session.flush()
    row = _upsert(session, model, _convert(model, record))
    session.flush()
    for ev in item.events:
        _event(session, item, ev)
    if item.entity == "request":
        from app.services.register import index_request

        requester_row = session.get(Requester, row.requester_id)
        if requester_row is not None:
            index_request(session, row, requester_row)
    if item.entity in ("request", "objection"):
        _keep_counter_ahead(session, item.entity, record, office_code, desk_letter)
    return True


def _event(session: Session, item: PullItem, ev: dict[str, Any]) -> None:
    ev_id = ev.get("id")
    if not ev_id or session.get(Event, ev_id) is not None:
        return
    session.add(
        Event(
            id=ev_id,
            request_id=item.entity_id if item.entity == "request" else ev.get("request_id"),
            objection_id=item.entity_id if item.entity == "objection" else ev.get("objection_id"),
            kind=str(ev.get("kind", "")),
            at=datetime.fromisoformat(ev["at"]) if ev.get("at") else datetime.now(),
            recorded_at=datetime.fromisoformat(ev["recorded_at"])
            if ev.get("recorded_at")
            else datetime.now(),
            username=str(ev.get("user") or ev.get("username") or ""),
            summary=str(ev.get("summary", "")),
            data=dict(ev.get("data") or {}),
        )
    )


def _keep_counter_ahead(
    session: Session, kind: str, record: dict[str, Any], office: str, letter: str
) -> None:
    """A desk restored from an old backup must not issue a number it already issued: when the server shows one
    of this desk's own numbers, the local yearly counter is moved up to it (never down)."""
    if record.get("office_code") != office or record.get("desk_letter") != letter:
        return
    seq, received = record.get("seq"), record.get("received_at")
    if not isinstance(seq, int) or not received:
        return
    key = counter_key(kind, int(str(received)[:4]))
    row = session.execute(select(Counter).where(Counter.key == key)).scalar_one_or_none()
    if row is None:
        session.add(Counter(key=key, value=seq))
    elif row.value < seq:
        row.value = seq

"""Writing pulled issued letters into the register (called by ``app.sync.apply.apply_items``, in the page's
transaction, after the page's requests and keberatan are stored).

Why separate rules from the other records:

* **An issued letter never changes.** A pulled letter is inserted when the desk lacks it and otherwise left
  alone: the issuing desk keeps its original (which may show the full NIK and has its own SHA-256), every other
  desk stores the synced copy as received (snapshot and SHA-256 of that copy), so a reprint anywhere is
  byte-identical to what that desk holds.
* **After its request.** ``issued_letters.request_id`` (and ``objection_id``) are foreign keys. Pages come in
  ``server_seq`` order, and a request changed after its letter was issued comes *after* the letter, so a
  letter whose request (or keberatan) is not on the desk yet waits in ``sync_state`` (key
  ``letters_waiting``) and is stored by the page that brings it.
* **Counters kept ahead.** A letter numbered by this desk (same ``issuer_office`` and ``desk_letter``) moves the
  yearly letter counter (``counter``, ``seq``) up to its seq, never down, even while it waits: a desk restored
  from an old backup never issues a letter number twice. A letter numbered before all kinds shared one yearly
  counter (``letter-notice:2026``) moves the shared one (``letter:2026``), as the migration did.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app.domain.numbering import letter_counter_key
from app.sync import state
from db.models import Counter, Event, IssuedLetter, Objection, Request
from ppid_protocol.wire import PullItem

WAITING_KEY = "letters_waiting"
"""``sync_state`` key: ``{letter_id: {"record": {...}, "events": [...]}}`` of pulled letters whose request or
keberatan this desk does not have yet."""


def apply_letters(
    session: Session, items: list[PullItem], *, office_code: str, desk_letter: str, now: datetime
) -> int:
    """Store the page's ``letter`` items (and earlier ones that were waiting for their request); returns how
    many letter items of this page were taken (stored, already present, or waiting)."""
    pulled = {i.entity_id: i for i in items if i.entity == "letter" and not i.removed and i.record}
    waiting: dict[str, Any] = dict(state.get(session, WAITING_KEY) or {})
    if not pulled and not waiting:
        return 0
    for item in pulled.values():
        record = {**(item.record or {}), "id": item.entity_id}
        waiting[item.entity_id] = {"record": record, "events": [e for e in item.events if e.get("id")]}
    _keep_counters_ahead(session, [waiting[lid]["record"] for lid in pulled], office_code, desk_letter)
    have_requests = _present(session, Request, [w["record"].get("request_id") for w in waiting.values()])
    have_objections = _present(
        session, Objection, [w["record"].get("objection_id") for w in waiting.values()]
    )
    ready = [
        lid
        for lid, w in waiting.items()
        if w["record"].get("request_id") in have_requests
        and (not w["record"].get("objection_id") or w["record"]["objection_id"] in have_objections)
    ]
    if ready:
        rows = [_row(waiting[lid]["record"]) for lid in ready]
        session.execute(insert(IssuedLetter).on_conflict_do_nothing(), rows)
        events = [_event(waiting[lid]["record"], ev, now) for lid in ready for ev in waiting[lid]["events"]]
        if events:
            session.execute(insert(Event).on_conflict_do_nothing(), events)
    done = set(ready)
    left = {lid: w for lid, w in waiting.items() if lid not in done}
    if left or state.get(session, WAITING_KEY) is not None:
        state.put(session, WAITING_KEY, left)
    return len(pulled)


def _present(session: Session, table: type[Request] | type[Objection], ids: list[Any]) -> set[str]:
    wanted = sorted({str(i) for i in ids if i})
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(session.scalars(select(table.id).where(table.id.in_(chunk))))
    return found


def _when(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _row(record: dict[str, Any]) -> dict[str, Any]:
    """The ``issued_letters`` row exactly as received: the synced snapshot and the SHA-256 of its PDF."""
    return {
        "id": record["id"],
        "request_id": record.get("request_id"),
        "objection_id": record.get("objection_id") or None,
        "kind": str(record.get("kind") or ""),
        "number": record.get("number") or None,
        "issued_at": _when(record.get("issued_at")),
        "issued_by": str(record.get("issued_by") or "sync"),
        "snapshot": dict(record.get("snapshot") or {}),
        "sha256": record.get("sha256") or None,
    }


def _event(record: dict[str, Any], ev: dict[str, Any], now: datetime) -> dict[str, Any]:
    """The letter's timeline line goes on its request (and keberatan), as on the desk that issued it."""
    return {
        "id": ev["id"],
        "request_id": ev.get("request_id") or record.get("request_id"),
        "objection_id": ev.get("objection_id") or record.get("objection_id") or None,
        "kind": str(ev.get("kind") or "letter"),
        "at": _when(ev["at"]) if ev.get("at") else now,
        "recorded_at": _when(ev["recorded_at"]) if ev.get("recorded_at") else now,
        "username": str(ev.get("user") or ev.get("username") or ""),
        "summary": str(ev.get("summary") or ""),
        "data": dict(ev.get("data") or {}),
    }


def _keep_counters_ahead(session: Session, records: list[dict[str, Any]], office: str, letter: str) -> None:
    """Move this desk's letter counters up to the letter numbers it issued itself (known from the server)."""
    highest: dict[str, int] = {}
    for record in records:
        raw, seq = record.get("counter"), record.get("seq")
        key = letter_counter_key(raw) if isinstance(raw, str) else None
        if (
            record.get("issuer_office") == office
            and record.get("desk_letter") == letter
            and key is not None
            and isinstance(seq, int)
        ):
            highest[key] = max(highest.get(key, 0), seq)
    for key, seq in highest.items():
        row = session.get(Counter, key)
        if row is None:
            session.add(Counter(key=key, value=seq))
        elif row.value < seq:
            row.value = seq

"""Pulled items a desk cannot store: set aside with the reason, logged, and shown to the supervisor.

Before, one such item (a ``received_at`` of "kemarin sore", a keberatan line on a request that exists nowhere)
failed its whole page, and as the page was fetched again on every try, every later sync of every desk in that
scope. The server now refuses such content (``ppid_protocol.content``), but a desk never trusts that alone: it
screens each page with the same rules and keeps what it cannot store in ``sync_quarantine``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from app.sync import state
from db.models import Objection, Request
from ppid_protocol.content import ContentError, check_event, check_record

if TYPE_CHECKING:  # imported where used: the status bar's read (app/sync/status.py) counts what is set aside
    # without the wire's pydantic models, which cost ≈ 0.15 s to build right after the sign-in
    from ppid_protocol.wire import PullItem

log = logging.getLogger("ppid.sync.quarantine")

MAX_REASON = 500


@dataclass(frozen=True)
class Quarantined:
    entity: str
    entity_id: str
    server_seq: int
    reason: str
    at: datetime


def quarantine_item(
    session: Session, item: PullItem, reason: str, waiting_for: str | None = None, *, now: datetime
) -> None:
    """Keep ``item`` whole with ``reason``; the page goes on without it. ``waiting_for``: the record it names
    that this desk does not have yet (a keberatan may come a page before its request): it is retried when
    that record arrives (``release``). ``now``: the desk's clock."""
    reason = reason[:MAX_REASON]
    log.warning(
        "pulled item quarantined",
        extra={"entity": item.entity, "entity_id": item.entity_id, "seq": item.seq, "reason": reason},
    )
    session.execute(
        insert(state.sync_quarantine).values(
            entity=item.entity[:20], entity_id=item.entity_id[:64], server_seq=item.seq, version=item.version,
            reason=reason, item=item.model_dump(mode="json"), quarantined_at=now,
            waiting_for=waiting_for[:64] if waiting_for else None,
        )
    )  # fmt: skip


def screen(
    session: Session, items: list[PullItem], reject: Callable[[Session, PullItem, str, str | None], None]
) -> list[PullItem]:
    """The items this desk can store; each other one is handed to ``reject`` with the reason (and the id of
    the missing record it waits for, if that is the reason)."""
    known = _known_ids(session, items) | {item.entity_id for item in items if not item.removed}
    requester_offices = _requester_offices(session, items)
    good: list[PullItem] = []
    for item in items:
        problem = None if item.removed else _problem(item, known, requester_offices)
        if problem is None:
            good.append(item)
        else:
            reject(session, item, *problem)
    return good


def _problem(
    item: PullItem, known: set[str], requester_offices: dict[str, set[str]]
) -> tuple[str, str | None] | None:
    """(reason, missing record id or None) when ``item`` cannot be stored here."""
    record = dict(item.record or {})
    try:
        check_record(item.entity, record)
        for index, event in enumerate(item.events):
            check_event(event, index)
    except ContentError as exc:
        return f"Isi tidak sah: {exc.field}: {exc.reason}", None
    if item.entity == "letter":
        return None  # a letter waits for its request itself (app.sync.apply_letters)
    parent = record.get("request_id")
    if item.entity == "objection" and parent and parent not in known:
        return f"Permohonan {parent} yang dirujuk belum/tidak ada di meja ini.", str(parent)
    for event in item.events:
        for ref in ("request_id", "objection_id"):
            target = event.get(ref)
            if target and target not in known and target != item.entity_id:
                return f"Baris linimasa merujuk {target} yang belum/tidak ada di meja ini.", str(target)
    requester = record.get("requester")
    if item.entity == "request" and isinstance(requester, dict):
        office = record.get("office_code") or item.office_code
        holders = requester_offices.get(str(requester.get("id")), set())
        owners = {o for rid, o in (h.split("\x1f", 1) for h in holders) if rid != item.entity_id}
        if owners and office not in owners:
            return f"Pemohon {requester.get('id')} milik kantor lain ({', '.join(sorted(owners))}).", None
    return None


def waiting(session: Session, arrived: set[str]) -> list[tuple[int, PullItem]]:
    """Quarantined items waiting for one of the records in ``arrived``: (row id, item), oldest first."""
    if not arrived:
        return []
    from ppid_protocol.wire import PullItem

    q = state.sync_quarantine.c
    rows = session.execute(
        select(q.id, q.item).where(q.released_at.is_(None), q.waiting_for.in_(arrived)).order_by(q.id)
    )
    return [(row_id, PullItem.model_validate(item)) for row_id, item in rows]


def release(session: Session, row_ids: list[int], now: datetime) -> None:
    """Mark quarantined items stored after all (kept, never deleted: the log of what happened)."""
    if row_ids:
        q = state.sync_quarantine.c
        session.execute(update(state.sync_quarantine).where(q.id.in_(row_ids)).values(released_at=now))


def _known_ids(session: Session, items: list[PullItem]) -> set[str]:
    wanted: set[str] = set()
    for item in items:
        wanted.add(str((item.record or {}).get("request_id") or ""))
        for event in item.events:
            wanted.update(str(event.get(ref) or "") for ref in ("request_id", "objection_id"))
    wanted.discard("")
    if not wanted:
        return set()
    found = set(session.execute(select(Request.id).where(Request.id.in_(wanted))).scalars())
    found.update(session.execute(select(Objection.id).where(Objection.id.in_(wanted))).scalars())
    return found


def _requester_offices(session: Session, items: list[PullItem]) -> dict[str, set[str]]:
    """Requester id -> "request id\\x1foffice" of the requests on this desk that name it, for the requesters
    the page's requests embed: a request already here with the same requester is its own, never a takeover."""
    ids = {
        str(item.record["requester"].get("id"))
        for item in items
        if item.entity == "request" and item.record and isinstance(item.record.get("requester"), dict)
    }
    if not ids:
        return {}
    out: dict[str, set[str]] = {}
    rows = session.execute(
        select(Request.requester_id, Request.id, Request.office_code).where(Request.requester_id.in_(ids))
    )
    for requester_id, request_id, office in rows:
        out.setdefault(requester_id, set()).add(f"{request_id}\x1f{office}")
    return out


def count(session: Session) -> int:
    """Quarantined items not stored since."""
    q = state.sync_quarantine.c
    return int(session.execute(select(func.count()).where(q.released_at.is_(None))).scalar_one())


def recent(session: Session, limit: int = 50) -> list[Quarantined]:
    q = state.sync_quarantine.c
    rows = session.execute(
        select(q.entity, q.entity_id, q.server_seq, q.reason, q.quarantined_at)
        .where(q.released_at.is_(None))
        .order_by(q.id.desc())
        .limit(limit)
    )
    return [Quarantined(*row) for row in rows]


def as_json(rows: list[Quarantined]) -> list[dict[str, Any]]:
    return [
        {"entity": r.entity, "entity_id": r.entity_id, "server_seq": r.server_seq, "reason": r.reason,
         "at": r.at.isoformat(timespec="seconds")}
        for r in rows
    ]  # fmt: skip

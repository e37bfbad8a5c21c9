"""The three records every intent leaves behind, in its own transaction: a timeline event, an audit entry and
an outbox operation for the city server. Keeping them in one helper is what makes "one intent, one
transaction, nothing half-saved" hold everywhere."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.ids import new_id
from app.services.context import Actor, DeskContext
from db.engine import RegisterUnwritable
from db.models import AuditEntry, Event, OutboxOp
from ppid_protocol.content import ContentError, check_event, check_record
from ppid_protocol.delta import CHANGES, PATCHES, changes_between, nested_patches


class RowSink(Protocol):
    """Where an intent's new rows go: the intent's ``Session`` at the desk, or a ``WriteBatch``'s buffer
    (``app.services.batch``) that writes many intents' rows in one go."""

    def add(self, instance: object) -> None: ...


class RecordSink(RowSink, Protocol):
    """A ``RowSink`` that also takes the records (requester, request, keberatan) the journal rows point to:
    those must be written first, as there are no ORM relationships to order the inserts."""

    def add_record(self, instance: object) -> None: ...


class SessionWrites:
    """The ``RecordSink`` of a single intent: rows go into its transaction's session, a record is flushed at
    once so the rows that point to it can follow."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, instance: object) -> None:
        self.session.add(instance)

    def add_record(self, instance: object) -> None:
        self.session.add(instance)
        self.session.flush()


def audit(
    session: RowSink,
    actor: Actor,
    now: datetime,
    *,
    action: str,
    entity: str,
    entity_id: str | None,
    details: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditEntry(
            at=now,
            username=actor.username,
            action=action,
            entity=entity,
            entity_id=entity_id,
            details=details or {},
        )
    )


def audit_if_writable(
    ctx: DeskContext,
    actor: Actor,
    *,
    action: str,
    entity: str,
    entity_id: str | None,
    details: dict[str, Any],
    notice: str,
) -> bool:
    """Record ``action`` in its own transaction; on a full or read-only disk tell the person ``notice`` (once)
    and return False instead of failing. For what is recorded beside a read (a backup, an export, a view of
    personal data): the read is still given, and the caller decides what it may then show unrecorded."""
    try:
        with ctx.db.transaction() as session:
            audit(
                session,
                actor,
                ctx.clock(),
                action=action,
                entity=entity,
                entity_id=entity_id,
                details=details,
            )
    except RegisterUnwritable:
        if notice not in ctx.notices:
            ctx.notices.append(notice)
        return False
    return True


def enqueue(
    session: RowSink,
    now: datetime,
    *,
    entity: str,
    entity_id: str,
    action: str,
    payload: dict[str, Any],
    base_version: int,
    before: dict[str, Any] | None = None,
) -> None:
    """Queue an intent for the city server. Its content is first judged by the rules the server applies
    (``ppid_protocol.content``): what the server would refuse is refused here, at validation, and the whole
    intent is rolled back, instead of stopping this desk's sync later.

    ``before``: the record's state before the intent; the op then also keeps the fields it changed
    (``changes``), which is what goes on the wire to a server that takes deltas (``ppid_protocol.delta``)."""
    check_outgoing(entity, payload)
    state = payload.get("state")
    if before is not None and base_version > 0 and isinstance(state, dict):
        changes = changes_between(before, state)
        payload = {**payload, CHANGES: changes}
        patches = nested_patches(before, changes)
        if patches:
            payload[PATCHES] = patches
    session.add(
        OutboxOp(
            op_id=new_id(),
            entity=entity,
            entity_id=entity_id,
            action=action,
            payload=payload,
            base_version=base_version,
            created_at=now,
        )
    )


def check_outgoing(entity: str, payload: dict[str, Any]) -> None:
    state = payload.get("state")
    events = [payload.get("event"), *(payload.get("events") or [])]
    try:
        check_record(entity, state if isinstance(state, dict) else {})
        for index, event in enumerate(e for e in events if isinstance(e, dict)):
            check_event(event, index)
    except ContentError as exc:
        field = exc.field.rsplit(".", 1)[-1] if "." in exc.field else "_"
        raise ValidationError({field: f"tidak dapat disimpan: {exc.reason}"}) from None


def record_event(
    session: RowSink,
    actor: Actor,
    now: datetime,
    *,
    kind: str,
    at: datetime,
    summary: str,
    data: dict[str, Any] | None = None,
    request_id: str | None = None,
    objection_id: str | None = None,
) -> Event:
    event = Event(
        id=new_id(),
        request_id=request_id,
        objection_id=objection_id,
        kind=kind,
        at=at,
        recorded_at=now,
        username=actor.username,
        summary=summary,
        data=data or {},
    )
    session.add(event)
    return event

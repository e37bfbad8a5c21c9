"""The one path by which an action is recorded on a request or a keberatan.

Every action is the same three steps, whatever the record: *validate* (the lifecycle table of
``app.domain.lifecycle`` allows the action in the record's state, the actor holds its permission, the moment
is not before the record began nor before its last step), *build rows* (the record kind's handler changes the
row, the version and deadlines follow, then the timeline event(s), the audit entry and the outbox operation)
and *save* (one transaction at the desk, ``act``; or a ``WriteBatch`` buffer, ``app.services.batch``). The
middle step, ``record_step``, is the same function for both.

What differs between requests and keberatan is said by a ``RecordKind``: ``RequestActions`` and
``ObjectionService`` are the two.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy.orm import Session

from app.domain import text as text_rules
from app.domain.calendar import WorkingCalendar
from app.domain.state_machine import Lifecycle
from app.errors import ActionRefused, ValidationError
from app.services.calendar import load_calendar
from app.services.context import Actor, DeskContext
from app.services.journal import RowSink
from app.services.register import parse_datetime
from app.services.register_query import refuse_if_routed_away
from db.models import Requester

ActionT = TypeVar("ActionT")
ViewT = TypeVar("ViewT", covariant=True)


@dataclass
class Target:
    """A record an action is recorded on, with what its outbox state needs besides the row: a request's
    requester, a keberatan's request number."""

    row: Any  # db.models.Request | db.models.Objection
    requester: Requester | None = None
    request_number: str = ""
    before: dict[str, Any] | None = None  # the outbox state before the action: its op sends only what changed


class RecordKind(Protocol[ActionT, ViewT]):
    """What the engine needs to know about one kind of record."""

    lifecycle: Lifecycle[Any, Any]
    before_start: str  # the refusal when the moment lies before the record began

    @property
    def body_keys(self) -> Mapping[Any, frozenset[str]]:
        """Per action, the body keys its handler reads; any other key is refused with its name."""
        ...

    def parse_action(self, action: str) -> ActionT: ...

    def load(self, session: Session, number: str) -> Target: ...

    def started_at(self, row: Any) -> datetime: ...

    def last_step_at(self, session: Session, target: Target, action: ActionT) -> datetime | None:
        """When the record's last lifecycle step happened, if ``action`` must come after it."""
        ...

    def counts_as_step(self, action: ActionT) -> bool:
        """True when ``action`` itself is a step later actions must not precede."""
        ...

    def apply(
        self,
        session: Session,
        target: Target,
        action: ActionT,
        body: Mapping[str, Any],
        at: datetime,
        actor: Actor,
    ) -> tuple[str, dict[str, Any]]:
        """Change the row for ``action`` (or raise before touching it); return (timeline summary, event data)."""
        ...

    def set_deadlines(self, cal: WorkingCalendar, row: Any) -> None: ...

    def state(self, target: Target) -> dict[str, Any]:
        """The record's state as its outbox op carries it (``app.services.sync_state``)."""
        ...

    def journal(
        self,
        sink: RowSink,
        actor: Actor,
        now: datetime,
        target: Target,
        action: ActionT,
        moment: datetime,
        summary: str,
        data: dict[str, Any],
        base_version: int,
    ) -> None:
        """The timeline event(s), audit entry and outbox operation of a recorded action."""
        ...

    def reindex(self, session: Session, target: Target, action: ActionT, data: dict[str, Any]) -> None:
        """Keep derived indexes (the request search index) in step, inside the same transaction."""
        ...

    def view(self, session: Session, actor: Actor, target: Target) -> ViewT: ...


@dataclass(frozen=True)
class Intent(Generic[ActionT]):
    """A checked request to record ``action``: what ``check_intent`` returns and ``record_step`` records."""

    action: ActionT
    body: Mapping[str, Any]
    moment: datetime


def check_intent(
    kind: RecordKind[ActionT, Any],
    actor: Actor,
    action: str,
    body: Mapping[str, Any] | None,
    at: datetime | str | None,
    now: datetime,
) -> Intent[ActionT]:
    """The checks that need no record: a known action, the actor's permission, a readable body and time."""
    parsed = kind.parse_action(action)
    actor.require(kind.lifecycle.permission(parsed))
    body = body or {}
    if not isinstance(body, Mapping):
        raise ValidationError({"body": "Isi tindakan harus berupa objek JSON."})
    text_rules.check_body(body)
    text_rules.check_keys(body, kind.body_keys.get(parsed, frozenset()))
    return Intent(parsed, body, parse_datetime(at, "at", now))


def record_step(
    kind: RecordKind[ActionT, Any],
    sink: RowSink,
    session: Session,
    actor: Actor,
    now: datetime,
    target: Target,
    intent: Intent[ActionT],
    cal: WorkingCalendar,
    last_step: datetime | None,
) -> dict[str, Any]:
    """Validate ``intent`` against the record and write its rows to ``sink``: the middle step of every action,
    at the desk and in a batch. Raises before changing the row when the action is refused; returns the event
    data."""
    row, action, moment = target.row, intent.action, intent.moment
    refusal = kind.lifecycle.refusal(action, kind.lifecycle.states(row.status))
    if refusal is not None:
        raise ActionRefused(refusal.message)
    if moment < kind.started_at(row):
        raise ValidationError({"at": kind.before_start})
    if last_step is not None and moment < last_step:
        raise ValidationError(
            {"at": f"Waktu tindakan tidak boleh sebelum langkah terakhir ({last_step:%d-%m-%Y %H.%M})."}
        )
    base_version = row.version
    target.before = kind.state(target)
    summary, data = kind.apply(session, target, action, intent.body, moment, actor)
    row.version += 1
    row.updated_at = now
    kind.set_deadlines(cal, row)
    kind.journal(sink, actor, now, target, action, moment, summary, data, base_version)
    return data


def act(
    kind: RecordKind[ActionT, ViewT],
    ctx: DeskContext,
    actor: Actor,
    number: str,
    action: str,
    body: Mapping[str, Any] | None = None,
    *,
    at: datetime | str | None = None,
) -> ViewT:
    """Record one action on record ``number`` in its own transaction and return the record's new view."""
    now = ctx.clock()
    intent = check_intent(kind, actor, action, body, at, now)
    with ctx.db.transaction() as session:
        target = kind.load(session, number)
        refuse_if_routed_away(session, target.row.id)
        last = kind.last_step_at(session, target, intent.action)
        data = record_step(kind, session, session, actor, now, target, intent, load_calendar(session), last)
        kind.reindex(session, target, intent.action, data)
        return kind.view(session, actor, target)

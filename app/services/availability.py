"""What an actor may do with a record now: the one question the UI and the CLI ask before offering anything.

The answer is read from the lifecycle tables (``app.domain.lifecycle``) and the role's permissions
(``app.domain.permissions``); pages, dialogs and commands show it and never decide it themselves. The services
still refuse on their own (``app.services.acting``), so what is offered here and what is accepted there come
from the same table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.lifecycle import (
    FINAL_STATUSES,
    OBJECTION_LIFECYCLE,
    REQUEST_LIFECYCLE,
    Action,
    ObjectionAction,
    Status,
    closing_status,
    issued_request_actions,
)
from app.domain.permissions import Permission
from app.services.context import Actor
from app.services.views import ObjectionView, RequestView


@dataclass(frozen=True)
class RequestChoices:
    """What a request offers ``actor``: its lifecycle actions, its letters, filing a keberatan, routing to
    another office, and the deadline kind the desk works against (``view.deadlines`` key, or None)."""

    actions: list[Action]
    letters: list[str]
    can_file_objection: bool
    can_route: bool
    deadline: str | None
    closes_unprocessed: bool  # closing now ends it as "tidak dapat diproses"


def request_choices(view: RequestView, actor: Actor, *, city_desk: bool = False) -> RequestChoices:
    """``city_desk``: the desk is enrolled to the city office (``RoutingService.is_city``), the only one that
    routes requests to another office. A request routed away is worked elsewhere: nothing is offered."""
    here = not view.routed_away
    deadline = REQUEST_LIFECYCLE.deadline_in_force(view.status, view.deadlines)
    return RequestChoices(
        actions=REQUEST_LIFECYCLE.available(view.status, actor.role) if here else [],
        letters=REQUEST_LIFECYCLE.letters(issued_request_actions(view)),
        can_file_objection=here and view.status != Status.VOID and actor.can(Permission.RECORD_REQUEST),
        can_route=here and city_desk and view.status not in FINAL_STATUSES,
        deadline=deadline,
        closes_unprocessed=closing_status(view.status) == Status.NOT_PROCESSABLE,
    )


def request_due(view: RequestView) -> date | None:
    """The due date the desk works against for ``view`` (the register's "due" column)."""
    deadline = REQUEST_LIFECYCLE.deadline_in_force(view.status, view.deadlines)
    return date.fromisoformat(str(view.deadlines[deadline]["due"])) if deadline else None


@dataclass(frozen=True)
class ObjectionChoices:
    """What a keberatan offers ``actor``: its actions, its letters, the deadline kind that runs (or None) and
    whether a sengketa may still be filed (its window is worth showing)."""

    actions: list[ObjectionAction]
    letters: list[str]
    deadline: str | None
    dispute_open: bool


def objection_choices(view: ObjectionView, actor: Actor) -> ObjectionChoices:
    status = view.status
    return ObjectionChoices(
        actions=OBJECTION_LIFECYCLE.available(status, actor.role),
        letters=OBJECTION_LIFECYCLE.letters([]),
        deadline=OBJECTION_LIFECYCLE.deadline_in_force(status, view.deadlines),
        dispute_open=ObjectionAction.DISPUTE in OBJECTION_LIFECYCLE.allowed(status),
    )

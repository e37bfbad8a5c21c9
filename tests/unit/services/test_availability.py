"""What the pages and the CLI offer comes from the lifecycle tables and the role: the actions each role sees in
every state are exactly those the services then accept, a file routed away offers nothing, and filing a
keberatan or routing is offered only where the services allow it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest
from svc_helpers import BODIES

from app.domain.lifecycle import Action, ObjectionAction, ObjectionStatus, Status
from app.errors import ActionRefused, PermissionDenied
from app.services.availability import objection_choices, request_choices, request_due
from app.services.context import Actor
from app.services.desk import DeskServices


@pytest.mark.parametrize("status", [Status.VERIFICATION, Status.IN_PROCESS, Status.ANSWERED, Status.VOID])
def test_offered_actions_are_the_accepted_ones(
    desk: DeskServices, officer: Actor, supervisor: Actor, to_state: Callable[[Status], str], status: Status
) -> None:
    number = to_state(status)
    view = desk.register.get(supervisor, number)
    offered = set(request_choices(view, officer).actions)
    assert set(request_choices(view, supervisor).actions) - offered <= {Action.VOID, Action.CORRECT}
    for action in set(Action) - {Action.RECEIVE}:
        try:
            desk.actions.act(officer, number, action.value, BODIES[action.value])
        except (ActionRefused, PermissionDenied):
            assert action not in offered, action
            continue
        assert action in offered, action
        break  # the request moved on; the rest is covered by the table tests


def test_a_request_routed_away_offers_nothing(
    desk: DeskServices, officer: Actor, to_state: Callable[[Status], str]
) -> None:
    view = desk.register.get(officer, to_state(Status.IN_PROCESS))
    here = request_choices(view, officer, city_desk=True)
    assert here.actions and here.can_file_objection and here.can_route
    away = request_choices(dataclasses.replace(view, routed_away=True), officer, city_desk=True)
    assert (away.actions, away.can_file_objection, away.can_route) == ([], False, False)
    assert away.letters == here.letters == ["receipt", "form", "dossier"]


@pytest.mark.parametrize(
    ("status", "objection", "route", "deadline"),
    [
        (Status.VERIFICATION, True, True, "completeness"),
        (Status.EXTENDED, True, True, "extended"),
        (Status.REJECTED, True, True, None),
        (Status.CLOSED, True, False, None),
        (Status.VOID, False, False, None),
    ],
)
def test_objection_route_and_deadline_follow_the_state(
    desk: DeskServices,
    officer: Actor,
    to_state: Callable[[Status], str],
    status: Status,
    objection: bool,
    route: bool,
    deadline: str | None,
) -> None:
    view = desk.register.get(officer, to_state(status))
    choices = request_choices(view, officer, city_desk=True)
    assert (choices.can_file_objection, choices.can_route, choices.deadline) == (objection, route, deadline)
    assert request_choices(view, officer).can_route is False  # only the city desk routes
    due = request_due(view)
    assert (due is None) == (deadline is None)


def test_a_keberatan_offers_its_steps_by_role(
    desk: DeskServices, officer: Actor, supervisor: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    number = desk.register.receive(officer, walk_in()).number
    view = desk.objections.add(officer, request_number=number, grounds="c")
    assert view.status == ObjectionStatus.REGISTERED
    officer_sees = objection_choices(view, officer)
    assert officer_sees.actions == [ObjectionAction.DECIDE, ObjectionAction.DISPUTE]
    assert objection_choices(view, supervisor).actions == [*officer_sees.actions, ObjectionAction.VOID]
    assert (officer_sees.deadline, officer_sees.dispute_open, officer_sees.letters) == (
        "response",
        True,
        ["objection"],
    )

"""Fixtures for the service tests; the helpers themselves live in ``svc_helpers.py``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from svc_helpers import drive

from app.domain.lifecycle import Status
from app.services.context import Actor
from app.services.desk import DeskServices


@pytest.fixture
def to_state(
    desk: DeskServices, supervisor: Actor, clock: Any, walk_in: Callable[..., dict[str, Any]]
) -> Callable[[Status], str]:
    """``to_state(Status.X)`` -> the number of a request now in status X (driven by the supervisor)."""
    return lambda status: drive(desk, supervisor, clock, walk_in, status)

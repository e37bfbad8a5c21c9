"""Clock sanity: a desk clock that disagrees with the city server by more than five minutes must make intake
ask for confirmation before a number (and its deadlines) is issued."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from svc_helpers import counts

from app.errors import ConfirmationRequired
from app.services.context import Actor
from app.services.desk import DeskServices


def test_status_records_the_skew(desk: DeskServices, clock: Any) -> None:
    assert desk.clock_check.status() is None
    fine = desk.clock_check.record(clock.now - timedelta(minutes=4))
    assert not fine.suspicious
    off = desk.clock_check.record(clock.now + timedelta(hours=1))  # the desk is an hour slow
    assert off.suspicious and off.skew_seconds == -3600
    assert "lebih lambat sekitar 60 menit" in off.message()
    assert desk.clock_check.status() == off
    desk.clock_check.require_confirmed(True)
    with pytest.raises(ConfirmationRequired):
        desk.clock_check.require_confirmed(False)


def test_intake_asks_to_confirm_the_date_when_the_clock_is_off(
    desk: DeskServices, officer: Actor, clock: Any, walk_in: Any
) -> None:
    desk.clock_check.record(clock.now - timedelta(days=1))  # the desk runs a day fast
    before = counts(desk)
    with pytest.raises(ConfirmationRequired):
        desk.register.receive(officer, walk_in())
    assert counts(desk) == before
    assert desk.register.receive(officer, walk_in(), confirm_warnings=True).number

"""The dashboard rules: received today, due soon, overdue, waiting, open keberatan, requests per month."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest

from app.services.context import Actor
from app.services.dashboard import DUE_SOON_DAYS, DashboardService
from app.services.desk import DeskServices


@pytest.fixture
def office(desk: DeskServices, officer: Actor, walk_in: Callable[..., dict[str, Any]]) -> dict[str, str]:
    """Today is Monday 16 March 2026 (clock fixture). Intakes at chosen past moments."""

    def intake(**overrides: Any) -> str:
        return desk.register.receive(officer, walk_in(**overrides), confirm_warnings=True).number

    return {
        "today": intake(),
        # complete on 2 March: 10 working days -> due 16 March = today (0 left), so due soon
        "due_today": intake(received_at=datetime(2026, 3, 2, 9, 0).isoformat()),
        # complete on 9 Feb: long overdue
        "overdue": intake(received_at=datetime(2026, 2, 9, 9, 0).isoformat()),
        # incomplete, waiting for the requester
        "waiting": intake(
            received_at=datetime(2026, 3, 13, 9, 0).isoformat(), complete=False, missing_items=["KTP"]
        ),
    }


def test_dashboard_is_a_desk_service(desk: DeskServices) -> None:
    assert isinstance(desk.dashboard, DashboardService)
    assert desk.dashboard is desk.dashboard


def test_load_sorts_requests_into_sections(desk: DeskServices, office: dict[str, str]) -> None:
    data = desk.dashboard.load()
    assert data.today == date(2026, 3, 16)
    assert [i.number for i in data.received_today.items] == [office["today"]]
    assert office["due_today"] in [i.number for i in data.due_soon.items]
    assert office["overdue"] not in [i.number for i in data.due_soon.items]
    assert [i.number for i in data.overdue.items] == [office["overdue"]]
    assert data.overdue.items[0].remaining is not None and data.overdue.items[0].remaining < 0
    assert [i.number for i in data.waiting.items] == [office["waiting"]]
    assert data.objections.count == 0
    assert len(data.per_month) == 12 and data.per_month[-1] == (date(2026, 3, 1), 3)
    assert dict(data.per_month)[date(2026, 2, 1)] == 1


def test_due_soon_stops_at_the_working_day_limit(desk: DeskServices, office: dict[str, str]) -> None:
    """Later days: the request due today leaves "due soon" once overdue; nothing beyond the limit enters."""
    data = desk.dashboard.load(date(2026, 3, 17))
    assert office["due_today"] in [i.number for i in data.overdue.items]
    assert all(0 <= (i.remaining or 0) <= DUE_SOON_DAYS for i in data.due_soon.items)
    assert data.due_soon.count == len(data.due_soon.items)


def test_the_months_are_counted_in_one_query_void_and_later_requests_left_out(
    desk: DeskServices, office: dict[str, str], officer: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    """The chart's twelve months were twelve counts, each in its own transaction, on the way to the first
    dashboard after sign-in; they are one grouped query now, with the same figures (a month without requests is
    0, a request received after ``today`` is not counted)."""
    from sqlalchemy import event

    desk.register.receive(officer, walk_in(received_at=datetime(2025, 4, 1, 8, 0).isoformat()),
                          confirm_warnings=True)  # fmt: skip
    statements: list[str] = []
    engine = desk.dashboard.ctx.db.read_engine

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        data = desk.dashboard.load(date(2026, 3, 1))
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    months = dict(data.per_month)
    assert data.per_month[0][0] == date(2025, 4, 1) and months[date(2025, 4, 1)] == 1
    assert months[date(2026, 2, 1)] == 1 and months[date(2026, 1, 1)] == 0
    assert months[date(2026, 3, 1)] == 0  # the intakes of 2 and 16 March come after 1 March
    counts = [s for s in statements if "count(" in s.lower()]
    assert len(counts) <= 4  # received today, overdue, waiting, and the months together

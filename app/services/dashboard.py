"""What the dashboard shows: the office's rules for "due soon", "overdue", "waiting" and "open keberatan".

Why a service: these are business rules (which requests count as due soon, which lists leave out what was
routed away), so they live with the other rules and are tested against a real register; the dashboard page
only lays them out. One call gathers everything (~20 queries on a big register), so the page makes it on a
worker thread. "Due within 3 working days" needs the working-day calendar,
so it walks the open requests in deadline order, skipping the overdue ones (they are exactly the first
``overdue_count`` rows of that order, because every open request has a current deadline).

The work lists (due soon, overdue, waiting, open keberatan) leave out what the city routed to another office
(``still_worked_here`` in register_query, the one rule); "received today" and the monthly counts keep them,
because this desk did register them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain.deadlines import remaining_working_days
from app.domain.lifecycle import OPEN_STATUSES, ObjectionStatus, Status
from app.domain.permissions import Role
from app.services.calendar import CalendarService
from app.services.context import Actor, DeskContext
from app.services.objections import ObjectionService
from app.services.register_query import RegisterFilter, RegisterQuery, RegisterRow

DUE_SOON_DAYS = 3
LIST_LIMIT = 50
MONTHS = 12


@dataclass(frozen=True)
class Item:
    """One line of a dashboard list; ``number`` opens the request (or keberatan)."""

    number: str
    name: str
    detail: str
    due: date | None = None
    remaining: int | None = None  # working days; negative = overdue


@dataclass(frozen=True)
class Section:
    count: int
    items: list[Item] = field(default_factory=list)


@dataclass(frozen=True)
class DashboardData:
    today: date
    received_today: Section
    due_soon: Section
    overdue: Section
    waiting: Section
    objections: Section
    per_month: list[tuple[date, int]]  # first day of month, requests received


def _month_start(day: date, back: int) -> date:
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


#: Whom the dashboard is read as: the least-privileged role. The dashboard is the office's, the same for every
#: role, and shows no personal data (names and the information asked for; no NIK, phone or address), so it
#: can be read before anyone has signed in (ui/shell/session.py builds it while the officer types).
OFFICE_READER = Actor(user_id="", username="", full_name="", role=Role.OFFICER)


class DashboardService:
    """Reads the office's dashboard (``load``) through the register query, the calendar and the keberatan."""

    def __init__(
        self, ctx: DeskContext, calendar: CalendarService, query: RegisterQuery, objections: ObjectionService
    ) -> None:
        self.ctx = ctx
        self.calendar = calendar
        self.query = query
        self.objections = objections

    def load(self, today: date | None = None) -> DashboardData:
        """The dashboard as of ``today`` (default: the desk's clock), read as ``OFFICE_READER``."""
        return _load(self, today or self.ctx.clock().date())


def _load(svc: DashboardService, today: date) -> DashboardData:
    actor = OFFICE_READER
    cal = svc.calendar.calendar()
    query = svc.query

    def item(row: RegisterRow) -> Item:
        remaining = remaining_working_days(cal, today, row.due) if row.due else None
        return Item(row.number, row.name, row.information, row.due, remaining)

    todays = RegisterFilter(date_from=today, date_to=today, today=today)
    received = Section(
        query.count(actor, todays),
        [item(r) for r in query.rows(actor, todays, limit=LIST_LIMIT, order_by="received_at")],
    )
    overdue_filter = RegisterFilter(overdue_only=True, today=today)
    overdue_count = query.count(actor, overdue_filter)
    overdue = Section(
        overdue_count,
        [
            item(r)
            for r in query.rows(actor, overdue_filter, limit=LIST_LIMIT, order_by="due", descending=False)
        ],
    )
    open_filter = RegisterFilter(
        statuses=tuple(s.value for s in OPEN_STATUSES), today=today, worked_here=True
    )
    soon: list[Item] = []
    offset = overdue_count
    while True:
        page = query.rows(actor, open_filter, offset=offset, limit=100, order_by="due", descending=False)
        candidates = [item(r) for r in page if r.due is not None and r.due >= today]
        soon.extend(c for c in candidates if c.remaining is not None and c.remaining <= DUE_SOON_DAYS)
        if len(page) < 100 or any(
            c.remaining is not None and c.remaining > DUE_SOON_DAYS for c in candidates
        ):
            break
        offset += 100
    waiting_filter = RegisterFilter(statuses=(Status.INCOMPLETE.value,), today=today, worked_here=True)
    waiting = Section(
        query.count(actor, waiting_filter),
        [
            item(r)
            for r in query.rows(actor, waiting_filter, limit=LIST_LIMIT, order_by="due", descending=False)
        ],
    )
    open_objections = svc.objections.list(actor, status=ObjectionStatus.REGISTERED.value, worked_here=True)
    objections = Section(
        len(open_objections),
        [
            Item(
                o.number,
                o.request_number,
                o.case_summary,
                o.due_response,
                remaining_working_days(cal, today, o.due_response) if o.due_response else None,
            )
            for o in sorted(open_objections, key=lambda o: (o.due_response or date.max, o.number))[
                :LIST_LIMIT
            ]
        ],
    )
    months = [_month_start(today, back) for back in range(MONTHS - 1, -1, -1)]
    received_per_month = query.count_by_month(actor, months[0], today)
    per_month = [(start, received_per_month.get(start, 0)) for start in months]
    return DashboardData(
        today=today,
        received_today=received,
        due_soon=Section(len(soon), soon[:LIST_LIMIT]),
        overdue=overdue,
        waiting=waiting,
        objections=objections,
        per_month=per_month,
    )

"""The requests behind the report's figures, one row each, for the XLSX sheet a supervisor checks counts with.

Uses the figures' own rules (``report_figures``: the scope of a period, the outcome at its end, the deadline in
force) so a filter on the sheet gives the same number as the table it explains. No personal data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.calendar import WorkingCalendar
from app.domain.lifecycle import Decision
from app.domain.periods import Period
from app.services.report_figures import bounds, outcome_expr, request_scope
from db.models import Request, Requester


@dataclass(frozen=True)
class ReportRow:
    """One request behind the figures (no personal data: the sheet may be passed around)."""

    number: str
    received_on: date
    channel: str
    requester_kind: str
    outcome: str
    completed_on: date | None
    answered_on: date | None
    response_days: int | None
    deadline: date | None
    on_time: bool | None
    extended: bool
    rejection_article: str
    delivered_on: date | None
    handover_days: int | None


def rows(session: Session, cal: WorkingCalendar, period: Period, office_code: str | None) -> list[ReportRow]:
    """The requests behind the figures, in registration order, with the same derived values the figures use."""
    _, hi = bounds(period)
    outcome = outcome_expr(hi).label("outcome")
    result = session.execute(
        select(
            Request.number,
            Request.received_at,
            Request.channel,
            Requester.kind,
            outcome,
            Request.completed_at,
            Request.decided_at,
            Request.due_response,
            Request.due_extended,
            Request.extended_at,
            Request.rejection_article,
            Request.delivered_at,
        )
        .join(Requester, Requester.id == Request.requester_id)
        .where(*request_scope(period, office_code))
        .order_by(Request.received_at, Request.number)
    ).all()
    out = []
    for r in result:
        completed = r.completed_at.date() if r.completed_at else None
        answered = (
            r.decided_at.date()
            if r.decided_at is not None and r.decided_at < hi and r.outcome in {d.value for d in Decision}
            else None
        )
        delivered = r.delivered_at.date() if r.delivered_at is not None and r.delivered_at < hi else None
        deadline = r.due_extended or r.due_response
        out.append(
            ReportRow(
                number=r.number,
                received_on=r.received_at.date(),
                channel=r.channel,
                requester_kind=r.kind,
                outcome=r.outcome,
                completed_on=completed,
                answered_on=answered,
                response_days=cal.working_days_between(completed, answered)
                if completed and answered
                else None,
                deadline=deadline,
                on_time=(answered <= deadline if deadline else False) if answered else None,
                extended=r.extended_at is not None and r.extended_at < hi,
                rejection_article=(r.rejection_article or "") if r.outcome == Decision.REJECTED.value else "",
                delivered_on=delivered,
                handover_days=cal.working_days_between(completed, delivered)
                if completed and delivered
                else None,
            )
        )
    return out

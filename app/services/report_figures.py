"""The figures of the Laporan Layanan Informasi Publik for any period, counted from the register itself.

Why straight from the tables: a report the Komisi Informasi may check against the register must agree with it
to the last request, so nothing here is cached. Counting is pushed into SQL (one grouped query per table of the
report); only what needs the office's working calendar (working days from completeness to the written answer
and to the handing over) is finished in Python, over the distinct (day 0, answer day) pairs, so a 100,000-row
year costs a few hundred calendar look-ups, not 100,000.

The rules, in one place:
- a request belongs to the period in which it was received; voided (``batal``) requests are not counted;
- its outcome is its state at the end of the period: the written answer's decision if given by then, else
  ``diteruskan`` if forwarded by then, else ``tidak_dapat_diproses`` if closed as such by then, else
  ``belum_selesai``;
- response times run from completeness (day 0) to the written answer (pemberitahuan or penolakan), in working
  days of the office's calendar; an answer is on time when its date is on or before the deadline in force
  (the extended deadline when the request was extended). Forwarded and abandoned requests have no written
  answer, so they are counted by outcome only;
- a keberatan belongs to the period in which it was filed, a sengketa to the period in which it was filed at
  the Komisi Informasi; decisions and outcomes are those known at the end of the period.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Column, ColumnElement, Integer, MetaData, String, Table, and_, case, func, select
from sqlalchemy.orm import Session

from app.domain.calendar import WorkingCalendar
from app.domain.lifecycle import (
    OBJECTION_GROUNDS,
    PASAL_17,
    Decision,
    ObjectionStatus,
    Status,
)
from app.domain.periods import Period
from app.domain.report_terms import (
    DISPUTE_RESULTS,
    FORWARDED,
    NOT_PROCESSABLE,
    OBJECTION_OUTCOMES,
    OUTCOMES,
    PENDING,
    REQUESTER_KIND_LABELS,
    RESPONSE_BUCKETS,
    UNDECIDED,
)
from db.models import Event, Objection, Request, Requester


@dataclass(frozen=True)
class DayStats:
    """Mean (one decimal), median and maximum of a set of working-day counts; all None when it is empty."""

    count: int
    mean: float | None
    median: float | None
    max: int | None

    @classmethod
    def of(cls, counted: Counter[int]) -> DayStats:
        values = sorted(counted.elements())
        if not values:
            return cls(0, None, None, None)
        return cls(
            len(values), round(sum(values) / len(values), 1), float(statistics.median(values)), values[-1]
        )

    def to_dict(self) -> dict[str, Any]:
        return {"count": self.count, "mean": self.mean, "median": self.median, "max": self.max}


@dataclass(frozen=True)
class Figures:
    """Everything the report says in numbers, for one period and one office."""

    period: Period
    office_code: str
    requests: dict[str, Any]
    objections: dict[str, Any]
    disputes: dict[str, Any]
    response: DayStats
    handover: DayStats
    response_buckets: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The public JSON shape of ``ppid-desk report --format json`` (docs/cli.md)."""
        return {
            "period": {
                "from": self.period.start.isoformat(),
                "to": self.period.end.isoformat(),
                "code": self.period.code,
                "label": self.period.label,
            },
            "office": self.office_code,
            "requests": self.requests,
            "objections": self.objections,
            "disputes": self.disputes,
        }


def bounds(period: Period) -> tuple[datetime, datetime]:
    """[start of the first day, start of the day after the last) — the period as datetimes."""
    return datetime.combine(period.start, time.min), datetime.combine(
        period.end + timedelta(days=1), time.min
    )


def _ordered(counts: dict[str, int], keys: Iterable[str]) -> dict[str, int]:
    """Known keys first in their order (zeros included, so tables and charts have every row), then others."""
    keys = list(keys)
    out = {k: counts.get(k, 0) for k in keys}
    out.update({k: n for k, n in sorted(counts.items()) if k not in out})
    return out


def outcome_expr(hi: datetime) -> ColumnElement[Any]:
    """A request's outcome at the end of the period (``hi`` = the first moment after it), as SQL."""
    return case(
        (and_(Request.decision.is_not(None), Request.decided_at < hi), Request.decision),
        (and_(Request.forwarded_at.is_not(None), Request.forwarded_at < hi), FORWARDED),
        (
            and_(Request.status == Status.NOT_PROCESSABLE.value, Request.closed_at < hi),
            NOT_PROCESSABLE,
        ),
        else_=PENDING,
    )


def request_scope(period: Period, office_code: str | None) -> list[ColumnElement[bool]]:
    """The requests a period's figures count; ``office_code`` None: every office (the city-wide report)."""
    lo, hi = bounds(period)
    scope = [Request.received_at >= lo, Request.received_at < hi, Request.status != Status.VOID.value]
    if office_code is not None:
        scope.append(Request.office_code == office_code)
    return scope


#: The working-day rank of every day the period's measures meet, lent to SQLite as a temporary table so the
#: differences are computed and grouped inside SQLite (an indexed lookup per row, no Python call per row).
_RANKS = Table(
    "ppid_wd_rank",
    MetaData(),
    Column("day", String, primary_key=True),
    Column("rank", Integer, nullable=False),
    prefixes=["TEMPORARY"],
)
_ORIGIN = date(2000, 1, 1)


def _lend_ranks(session: Session, cal: WorkingCalendar, scope: list[ColumnElement[bool]]) -> None:
    """Fill ``ppid_wd_rank`` (this connection's temporary table) with the rank of every day from the scope's
    earliest completion to its latest answer or handing over: the difference of two ranks is
    ``WorkingCalendar.working_days_between`` of the two days (day 0 not counted)."""
    first, last_answer, last_handover = session.execute(
        select(
            func.min(func.date(Request.completed_at)),
            func.max(func.date(Request.decided_at)),
            func.max(func.date(Request.delivered_at)),
        ).where(*scope, Request.completed_at.is_not(None))
    ).one()
    connection = session.connection()
    _RANKS.create(connection, checkfirst=True)
    connection.execute(_RANKS.delete())
    if first is None:
        return
    day = date.fromisoformat(first)
    last = max(date.fromisoformat(d) for d in (first, last_answer or first, last_handover or first))
    rank = cal.working_days_between(_ORIGIN, day)
    rows = []
    while day <= last:
        rows.append({"day": day.isoformat(), "rank": rank})
        day += timedelta(days=1)
        rank += 1 if cal.is_working_day(day) else 0
    connection.execute(_RANKS.insert(), rows)


def _working_days(
    session: Session, cal: WorkingCalendar, scope: list[ColumnElement[bool]], hi: datetime
) -> tuple[Counter[int], int, int, Counter[int]]:
    """Working days from completeness to the written answer (with on time / late against the deadline in
    force) and to the handing over, in one grouped pass. SQLite groups by the working-day differences
    themselves, looked up in ``ppid_wd_rank`` (``_lend_ranks``), so only a few hundred rows come back however
    big the period."""
    _lend_ranks(session, cal, scope)
    start, answer, handover = _RANKS.alias("wd_start"), _RANKS.alias("wd_answer"), _RANKS.alias("wd_handover")
    answered = and_(Request.decision.is_not(None), Request.decided_at < hi)
    answer_day = func.date(Request.decided_at)
    deadline = func.coalesce(Request.due_extended, Request.due_response)
    keys = (
        case((answered, answer.c.rank - start.c.rank)),
        case((answered, case((answer_day <= deadline, 1), else_=0))),
        case((Request.delivered_at < hi, handover.c.rank - start.c.rank)),
    )
    query = (
        select(*keys, func.count())
        .select_from(Request)
        .join(start, start.c.day == func.date(Request.completed_at))
        .outerjoin(answer, answer.c.day == answer_day)
        .outerjoin(handover, handover.c.day == func.date(Request.delivered_at))
        .where(*scope, Request.completed_at.is_not(None))
        .group_by(*keys)
    )
    response: Counter[int] = Counter()
    handover_days: Counter[int] = Counter()
    on_time = late = 0
    for to_answer, timely, to_handover, n in session.execute(query).all():
        if to_answer is not None:
            response[int(to_answer)] += n
            on_time += n if timely else 0
            late += 0 if timely else n
        if to_handover is not None:
            handover_days[int(to_handover)] += n
    return response, on_time, late, handover_days


def compute(session: Session, cal: WorkingCalendar, period: Period, office_code: str | None) -> Figures:
    """The figures of ``period`` for ``office_code`` (None: every office the register holds, as on the city
    desk), read in ``session``: one grouped pass over the period's requests for every count, one per
    working-day measure, and one over its keberatan."""
    _, hi = bounds(period)
    scope = request_scope(period, office_code)
    answered = and_(Request.decision.is_not(None), Request.decided_at < hi)
    keys = (
        func.strftime("%Y-%m", Request.received_at),
        Request.channel,
        Requester.kind,
        outcome_expr(hi),
        case((and_(answered, Request.decision == Decision.REJECTED.value), Request.rejection_article)),
        case((Request.extended_at < hi, 1), else_=0),
    )
    grouped = session.execute(
        select(*keys, func.count())
        .join(Requester, Requester.id == Request.requester_id)
        .where(*scope)
        .group_by(*keys)
    ).all()
    tallies: list[Counter[str]] = [Counter() for _ in range(5)]
    total = extended = 0
    for month, channel, kind, outcome, article, was_extended, n in grouped:
        total += n
        extended += n if was_extended else 0
        for tally, key in zip(tallies, (month, channel, kind, outcome, article), strict=True):
            if key is not None:
                tally[str(key)] += n
    by_month, by_channel, by_kind, by_outcome, by_article = (dict(t) for t in tallies)
    response, on_time, late, handover = _working_days(session, cal, scope, hi)
    buckets = {
        key: sum(n for days, n in response.items() if low <= days <= high)
        for key, _, low, high in RESPONSE_BUCKETS
    }
    resp, hand = DayStats.of(response), DayStats.of(handover)
    requests = {
        "total": total,
        "by_month": _ordered(by_month, period.months()),
        "by_channel": _ordered(by_channel, ()),
        "by_requester_kind": _ordered(by_kind, REQUESTER_KIND_LABELS),
        "by_outcome": _ordered(by_outcome, OUTCOMES),
        "rejections_by_article": _ordered(by_article, PASAL_17),
        "extended": extended,
        "response_working_days": {"mean": resp.mean, "median": resp.median, "max": resp.max},
        "answered": resp.count,
        "on_time": on_time,
        "late": late,
        "response_distribution": buckets,
        "handover_working_days": {"mean": hand.mean, "median": hand.median, "max": hand.max},
        "handed_over": hand.count,
    }
    objections, disputes = _objections(session, period, office_code)
    return Figures(period, office_code or "", requests, objections, disputes, resp, hand, buckets)


def _objections(
    session: Session, period: Period, office_code: str | None
) -> tuple[dict[str, Any], dict[str, Any]]:
    lo, hi = bounds(period)
    live = [Objection.status != ObjectionStatus.VOID.value]
    if office_code is not None:
        live.append(Objection.office_code == office_code)
    filed = session.execute(
        select(Objection.id, Objection.grounds, Objection.decision, Objection.decided_at).where(
            *live, Objection.filed_at >= lo, Objection.filed_at < hi
        )
    ).all()
    grounds: Counter[str] = Counter()
    decisions: Counter[str] = Counter()
    for _, row_grounds, decision, decided_at in filed:
        grounds.update(str(g) for g in (row_grounds or []))
        decisions[decision if decision and decided_at is not None and decided_at < hi else UNDECIDED] += 1
    ids = [row[0] for row in filed]
    late = 0
    if ids:
        marks = session.scalars(
            select(Event.data).where(Event.objection_id.in_(ids), Event.kind == "filed")
        ).all()
        late = sum(1 for data in marks if (data or {}).get("late_filing"))
    disputes = session.execute(
        select(Objection.dispute_outcome, Objection.dispute_decided_at).where(
            *live, Objection.dispute_filed_at >= lo, Objection.dispute_filed_at < hi
        )
    ).all()
    outcomes: Counter[str] = Counter(
        result if result and decided is not None and decided < hi else UNDECIDED
        for result, decided in disputes
    )
    return (
        {
            "total": len(filed),
            "by_ground": _ordered(dict(grounds), OBJECTION_GROUNDS),
            "by_decision": _ordered(dict(decisions), OBJECTION_OUTCOMES),
            "late_filings": late,
        },
        {"total": len(disputes), "by_outcome": _ordered(dict(outcomes), DISPUTE_RESULTS)},
    )

"""The city-wide report on the PPID Utama desk: the Laporan's figures over every office the city desk holds, a
line per office (answered late, past the deadline still unanswered, keberatan) and when each office's desks
last reached the city server.

Why on the city desk and not on the server: the city desk already holds every office's register (it pulls all
of them) and the working calendar the figures need, so the city's report counts exactly like each office's own
report (``report_figures.compute``, one office at a time and then all together). The server knows only when
each desk last reached it; that comes with the office list (``GET /offices``), fetched when the report is made
and kept, so the report still works offline with the list last seen (its date is printed beside it).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.calendar import WorkingCalendar
from app.domain.periods import Period
from app.domain.permissions import Permission
from app.domain.report_terms import PENDING, QUIET_AFTER_DAYS
from app.errors import ActionRefused
from app.services import report_figures
from app.services.calendar import load_calendar
from app.services.context import Actor, DeskContext
from app.services.office import load_office
from app.services.report_figures import Figures, bounds, outcome_expr, request_scope
from app.services.report_rows import ReportRow
from app.services.reports import period_of
from app.services.routing import OfficesUnavailable, RoutingService
from app.sync.offices import OfficeList
from db.models import Objection, Request

NOT_CITY_REPORT = (
    "Laporan seluruh kota hanya dapat dibuat di meja PPID Utama (meja yang terdaftar ke kantor kota), "
    "yang menyimpan register semua kantor."
)


@dataclass(frozen=True)
class DeskLine:
    """One active desk of an office and how long it has been quiet (``days_quiet`` None: never synced)."""

    letter: str
    label: str
    last_seen: datetime | None
    days_quiet: int | None

    @property
    def quiet(self) -> bool:
        return self.days_quiet is None or self.days_quiet >= QUIET_AFTER_DAYS

    def to_dict(self) -> dict[str, Any]:
        return {
            "desk": self.letter,
            "label": self.label,
            "last_sync": self.last_seen.isoformat(sep=" ") if self.last_seen else None,
            "days_since": self.days_quiet,
            "quiet": self.quiet,
        }


@dataclass(frozen=True)
class OfficeLine:
    """One office's line of the breakdown: its figures for the period, summed up, and its desks."""

    code: str
    name: str
    requests: int
    answered: int
    on_time: int
    late: int
    overdue: int
    pending: int
    objections: int
    late_filings: int
    disputes: int
    desks: tuple[DeskLine, ...]

    @property
    def behind(self) -> bool:
        """The office answered late in the period or holds requests past their deadline unanswered."""
        return self.late > 0 or self.overdue > 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "requests": self.requests,
            "answered": self.answered,
            "on_time": self.on_time,
            "late": self.late,
            "overdue": self.overdue,
            "pending": self.pending,
            "objections": self.objections,
            "late_filings": self.late_filings,
            "disputes": self.disputes,
            "behind": self.behind,
            "desks": [d.to_dict() for d in self.desks],
        }


@dataclass(frozen=True)
class CityReport:
    """The figures of every office together, the line of each office, and when the desk list was fetched."""

    figures: Figures
    offices: list[OfficeLine]
    desks_as_of: str

    def to_dict(self) -> dict[str, Any]:
        """``ppid-desk report --city --format json`` (docs/cli.md): the report's JSON plus the breakdown."""
        return {
            **self.figures.to_dict(),
            "scope": "kota",
            "offices": [line.to_dict() for line in self.offices],
            "desks_as_of": self.desks_as_of or None,
        }


def _overdue(session: Session, period: Period, cutoff: date) -> dict[str, int]:
    """Per office: requests of the period still unanswered at its end whose deadline in force had passed by
    ``cutoff`` (the period's last day, or today while the period is still running)."""
    _, hi = bounds(period)
    deadline = func.coalesce(Request.due_extended, Request.due_response)
    rows = session.execute(
        select(Request.office_code, func.count())
        .where(*request_scope(period, None), outcome_expr(hi) == PENDING, deadline < cutoff)
        .group_by(Request.office_code)
    ).all()
    return {str(code): int(n) for code, n in rows}


def _desks(office: Any, now: datetime) -> tuple[DeskLine, ...]:
    lines = []
    for desk in office.desks if office is not None else []:
        seen = None
        if desk.last_seen:
            seen = datetime.fromisoformat(desk.last_seen).astimezone().replace(tzinfo=None, microsecond=0)
        quiet = max(0, (now.date() - seen.date()).days) if seen else None
        lines.append(DeskLine(desk.desk_letter, desk.label, seen, quiet))
    return tuple(lines)


def _line(code: str, name: str, fig: Figures, overdue: int, desks: tuple[DeskLine, ...]) -> OfficeLine:
    req, obj = fig.requests, fig.objections
    return OfficeLine(
        code=code, name=name, requests=req["total"], answered=req["answered"], on_time=req["on_time"],
        late=req["late"], overdue=overdue, pending=req["by_outcome"].get(PENDING, 0),
        objections=obj["total"], late_filings=obj["late_filings"], disputes=fig.disputes["total"], desks=desks,
    )  # fmt: skip


def compute_city(
    session: Session, cal: WorkingCalendar, period: Period, offices: OfficeList, now: datetime
) -> CityReport:
    """The city report of ``period`` read in ``session``; ``offices`` gives names and desks (an office the
    register holds but the list lacks is still counted, under its code)."""
    known = offices.by_code()
    lo, hi = bounds(period)
    seen_codes = set(
        session.scalars(select(Request.office_code).where(*request_scope(period, None)).distinct())
    ) | set(
        session.scalars(
            select(Objection.office_code).where(Objection.filed_at >= lo, Objection.filed_at < hi).distinct()
        )
    )
    overdue = _overdue(session, period, min(period.end, now.date()))
    own = load_office(session)
    names = {code: entry.name for code, entry in known.items()}
    names.setdefault(own.code, own.name)  # the city desk's own office, when the list does not carry it
    lines = []
    for code in sorted(set(known) | seen_codes):
        fig = report_figures.compute(session, cal, period, code)
        entry = known.get(code)
        lines.append(_line(code, names.get(code, code), fig, overdue.get(code, 0), _desks(entry, now)))
    total = replace(report_figures.compute(session, cal, period, None), office_code=own.code)
    return CityReport(total, lines, offices.fetched_at)


class CityReportService:
    def __init__(self, ctx: DeskContext, routing: RoutingService) -> None:
        self.ctx = ctx
        self.routing = routing

    def office_list(self, *, refresh: bool) -> OfficeList:
        """The office list with its desks: fetched now when ``refresh`` (falling back to the kept list when
        the server cannot be reached), else the kept list."""
        if refresh:
            try:
                return self.routing.refresh_offices()
            except OfficesUnavailable:
                return OfficeList()
        return self.routing.offices()

    def report(self, actor: Actor, period: str | Period, *, refresh: bool = True) -> CityReport:
        """The city-wide report of ``period`` (supervisor and up, on a city desk only)."""
        actor.require(Permission.REPORTS)
        chosen = period_of(period)
        if not self.routing.is_city():
            raise ActionRefused(NOT_CITY_REPORT)
        offices = self.office_list(refresh=refresh)
        with self.ctx.db.reader() as session:
            return compute_city(session, load_calendar(session), chosen, offices, self.ctx.clock())

    def pdf(self, actor: Actor, city: CityReport, *, kind: str | None = None) -> bytes:
        """The city report as the Laporan PDF (the city office's kop, narrative and PPID) with its annex."""
        from app.services.report_documents import report_pdf
        from app.services.reports import Report, ReportService, kind_for

        period = city.figures.period
        narrative = ReportService(self.ctx).narrative(actor, period.end.year)
        report = Report(city.figures, [], narrative)
        offices = tuple(line.to_dict() for line in city.offices)
        semester = kind_for(period, kind) == "semester"
        return report_pdf(self.ctx, report, semester=semester, offices=offices, desks_as_of=city.desks_as_of)

    def xlsx(self, actor: Actor, city: CityReport, out: Path) -> Path:
        """The city report as a workbook: the report's sheets over all offices, plus *Per Kantor* and *Meja*."""
        from app.services.report_xlsx import write_xlsx
        from app.services.reports import Report, ReportService

        period = city.figures.period
        rows = self.rows(actor, period)
        narrative = ReportService(self.ctx).narrative(actor, period.end.year)
        write_xlsx(
            Report(city.figures, rows, narrative), Path(out), offices=[o.to_dict() for o in city.offices]
        )
        return Path(out)

    def rows(self, actor: Actor, period: str | Period) -> list[ReportRow]:
        """The requests of every office behind the city figures (what the Laporan page lists for a figure)."""
        from app.services import report_rows

        actor.require(Permission.REPORTS)
        chosen = period_of(period)
        with self.ctx.db.reader() as session:
            return report_rows.rows(session, load_calendar(session), chosen, None)

"""The annex of PPID Utama's city-wide report: a line per office (requests, answered, on time, late, past the
deadline unanswered, keberatan) and the state of every desk (when it last reached the city server).

Offices behind (a late answer or a request past its deadline) and desks quiet for a week or more are set in
bold, so the city PPID sees at a glance whom to call; the figures are those of ``app/services/city_report.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from app.documents.base import esc
from app.documents.parts import Styles, grid_table
from app.documents.snapshot import ReportSnapshot
from app.documents.templates import Template
from app.domain.formatting import format_date, format_number, format_time
from app.domain.report_terms import QUIET_AFTER_DAYS

_OFFICE_KEYS = ("requests", "answered", "on_time", "late", "overdue", "objections")


def _cell(text: str, style: Any, *, bold: bool = False) -> Paragraph:
    return Paragraph(f"<b>{esc(text)}</b>" if bold else esc(text), style)


def _when(iso: str | None, never: str) -> str:
    if not iso:
        return never
    moment = datetime.fromisoformat(iso)
    return f"{format_date(moment.date())} {format_time(moment)}"


def _offices_table(
    offices: tuple[Mapping[str, Any], ...], tpl: Template, st: Styles, width: float
) -> Flowable:
    head = [tpl.plain("col_no"), tpl.plain("col_office"), *tpl.lines("office_cols")]
    data: list[list[Any]] = [[_cell(h, st["center"]) for h in head]]
    for i, line in enumerate(offices, start=1):
        bold = bool(line.get("behind"))
        name = f"{line['name']} ({line['code']})" if line["name"] != line["code"] else line["code"]
        data.append(
            [_cell(str(i), st["cell"]), _cell(name, st["cell"], bold=bold)]
            + [_cell(format_number(line[key]), st["right"], bold=bold) for key in _OFFICE_KEYS]
        )
    totals = [sum(int(line[key]) for line in offices) for key in _OFFICE_KEYS]
    data.append(["", _cell(tpl.plain("total"), st["cell"], bold=True)]
                + [_cell(format_number(n), st["right"], bold=True) for n in totals])  # fmt: skip
    number = width * 0.09
    return grid_table(data, [width * 0.06, width - width * 0.06 - 6 * number] + [number] * 6)


def _desks_table(offices: tuple[Mapping[str, Any], ...], tpl: Template, st: Styles, width: float) -> Flowable:
    head = [tpl.plain("col_no"), tpl.plain("col_office"), *tpl.lines("desk_cols")]
    data: list[list[Any]] = [[_cell(h, st["center"]) for h in head]]
    never = tpl.plain("never_synced")
    i = 0
    for line in offices:
        for desk in line["desks"]:
            i += 1
            quiet = bool(desk.get("quiet"))
            days = "-" if desk.get("days_since") is None else format_number(desk["days_since"])
            data.append([
                _cell(str(i), st["cell"]), _cell(line["code"], st["cell"], bold=quiet),
                _cell(str(desk["desk"]), st["cell"], bold=quiet), _cell(str(desk.get("label") or ""), st["cell"]),
                _cell(_when(desk.get("last_sync"), never), st["cell"], bold=quiet),
                _cell(days, st["right"], bold=quiet),
            ])  # fmt: skip
    widths = [width * 0.06, width * 0.2, width * 0.08, width * 0.3, width * 0.26, width * 0.1]
    return grid_table(data, widths)


def city_annex(snap: ReportSnapshot, tpl: Template, st: Styles, width: float) -> list[Flowable]:
    """The annex pages (after the signature): the office table, then the desk table with its date."""
    out: list[Flowable] = [PageBreak(), Paragraph(esc(tpl.plain("annex_title")), st["title"]), Spacer(1, 6)]
    out += [Paragraph(f"<b>{esc(tpl.plain('annex_offices'))}</b>", st["left"]), Spacer(1, 2)]
    out += [_offices_table(snap.offices, tpl, st, width), Spacer(1, 2)]
    out += [Paragraph(esc(tpl.plain("annex_offices_note")), st["small"]), Spacer(1, 8)]
    out += [Paragraph(f"<b>{esc(tpl.plain('annex_desks'))}</b>", st["left"]), Spacer(1, 2)]
    if not snap.desks_as_of:
        out.append(Paragraph(esc(tpl.plain("annex_desks_unknown")), st["body"]))
        return out
    as_of = _when(snap.desks_as_of, tpl.plain("never_synced"))
    out += [_desks_table(snap.offices, tpl, st, width), Spacer(1, 2)]
    out.append(
        Paragraph(esc(tpl.plain("annex_desks_note", as_of=as_of, days=str(QUIET_AFTER_DAYS))), st["small"])
    )
    return out

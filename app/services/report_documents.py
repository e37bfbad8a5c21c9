"""The report's PDF: the snapshot (figures, narrative, kop, signatory, wording) and its rendering.

Kept apart from ``reports.py`` so that counting figures (the CLI's JSON, the Laporan page) never imports
reportlab.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.documents import snapshot as s
from app.documents.rendering import render
from app.documents.templates import load_template
from app.services.context import DeskContext
from app.services.letter_snapshots import office_snapshot, ppid_signatory
from app.services.office import load_office
from app.services.reports import Report


def report_pdf(
    ctx: DeskContext,
    report: Report,
    *,
    semester: bool,
    offices: tuple[Mapping[str, Any], ...] = (),
    desks_as_of: str = "",
) -> bytes:
    """The report's PDF; ``offices`` (the city-wide report only) adds the annex with a line per office."""
    template, _ = load_template("report", ctx.data_dir)
    figures = report.figures
    with ctx.db.reader() as session:
        office = load_office(session)
        snap = s.ReportSnapshot(
            office=office_snapshot(office, session),
            period_label=figures.period.label,
            period_from=figures.period.start,
            period_to=figures.period.end,
            printed_on=ctx.clock().date(),
            signatory=ppid_signatory(session, office),
            figures=figures.to_dict(),
            narrative=report.narrative,
            semester=semester,
            wording=template.as_wording(),
            offices=offices,
            desks_as_of=desks_as_of,
        )
    return render(snap)

"""The Buku Agenda Surat Keluar printout: one ruled table of a year's numbered letters, landscape A4 or F4.

Why a ``LongTable`` with a repeated header row: an office issues a few hundred to a few thousand numbered
letters a year, each row a line or two, so one table whose header repeats on every page reads like the paper
agenda; ``LongTable`` keeps its page splitting linear in rows. The rows are the agenda service's own
(``app/services/letter_agenda.py``), so the printout, the screen and the XLSX/CSV export list the same letters.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable, Paragraph, Spacer, TableStyle

from app.documents.base import build_pdf, esc, page_footer, register_page, styles
from app.documents.parts import signature
from app.documents.snapshot import AgendaRow, AgendaSnapshot
from app.documents.templates import template_for
from app.domain.formatting import format_date_short

#: Relative column widths: No., number, date, subject, registration, addressee, issued by, paper.
_RATIOS = (6, 30, 12, 34, 24, 26, 24, 8)


def _cells(index: int, row: AgendaRow) -> list[str]:
    return [
        str(index),
        row.number,
        format_date_short(row.date),
        row.subject,
        row.record_number,
        row.addressee,
        row.issued_by,
        row.paper,
    ]


def render_agenda(snap: AgendaSnapshot) -> bytes:
    """PDF bytes of the year's agenda (the rows as listed, in issue order)."""
    tpl = template_for("agenda", snap.wording)
    page = register_page(snap.paper)
    st = styles(8)
    head = st["center"].clone("agenda_head", fontName=st["title"].fontName)
    total = sum(_RATIOS)
    widths = [page.frame_width * r / total for r in _RATIOS]
    header = [Paragraph(esc(text), head) for text in tpl.lines("columns")]
    body = [[Paragraph(esc(text), st["left"]) for text in _cells(i, r)] for i, r in enumerate(snap.rows, 1)]
    year = tpl.plain("year", year=str(snap.year))
    story: list[Flowable] = [
        Paragraph(esc(tpl.plain("title")), styles(12)["title"]),
        Paragraph(esc(f"{snap.office.ppid_name} \u2014 {year}"), styles(10)["center"]),
    ]
    if snap.scope:
        story.append(Paragraph(esc(snap.scope), st["center"]))
    story.append(Spacer(1, 3 * mm))
    table = LongTable([header, *body], colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    story.append(table)
    if not snap.rows:
        story.append(Paragraph(tpl.fmt("empty"), st["center"]))
    story += [Spacer(1, 3 * mm), Paragraph(tpl.fmt("summary", count=str(len(snap.rows))), st["left"])]
    story.append(
        signature(
            snap.signatory, tpl, page, styles(9), city=snap.office.city, date=snap.printed_on, gap=16 * mm
        )
    )
    footer = page_footer(lambda n, t: tpl.plain("page_of", page=str(n), pages=str(t)), page, always=True)
    return build_pdf(story, page, title=tpl.plain("title"), subject=year, on_page=footer)

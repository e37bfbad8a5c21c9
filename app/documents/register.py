"""Register Permohonan and Register Keberatan printouts (landscape A4 or F4).

Why the layout is built this way: the register may hold 10,000+ rows, and a single reportlab Table re-wraps all
remaining rows at every page split (quadratic). Here every row is its own one-row table with the shared column
widths, and the title, period and two-level column header are drawn on every page by the page template. The cost
is therefore linear in rows, the header repeats on every page, and a very tall row still splits (``splitInRow``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Paragraph, Spacer, Table, TableStyle

from app.documents.base import FONT, FONT_BOLD, PageSpec, build_pdf, esc, page_footer, register_page, styles
from app.documents.column_fit import fit_widths
from app.documents.parts import Styles, signature
from app.documents.rows import RuledRow
from app.documents.snapshot import ObjectionRow, RegisterSnapshot, RequestRow
from app.documents.templates import Template, template_for
from app.domain.addresses import register_address
from app.domain.formatting import format_date, format_date_short, format_day_short, rupiah

# Leaf column width ratios and how many leaves each top-level header spans.
_REQUEST_RATIOS = (30, 14, 20, 19, 20, 16, 27, 16, 6, 15, 7, 7, 14, 14, 14, 15, 17, 14, 17, 15)
_REQUEST_SPANS = (1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 2, 2)
_OBJECTION_RATIOS = (26, 14, 20, 20, 16, 14, 26, 28, 18, 5, 5, 5, 5, 5, 5, 5, 20, 18, 20, 16, 16)
_OBJECTION_SPANS = (1, 1, 1, 1, 1, 1, 1, 1, 1, 7, 1, 1, 1, 1, 1)
_REQUEST_MARKS = frozenset({8, 10, 11, 12, 13})
_OBJECTION_MARKS = frozenset(range(9, 16))


def _d(day: dt.date | None) -> str:
    return format_date_short(day) if day is not None else ""


def _day(day: dt.date | None) -> str:
    """The "Hari dan Tanggal" columns name the day, as the paper register does."""
    return format_day_short(day) if day is not None else ""


def _cost(amount: Decimal | None) -> str:
    """``Rp23.000`` (whole rupiah, as the cost tables are): ``,00`` on every row only made the column wrap."""
    if amount is None:
        return ""
    text = rupiah(amount)
    return text.removesuffix(",00")


def _contact(text: str) -> str:
    """Phone and e-mail on lines of their own, so the e-mail breaks only at its own separators."""
    return text.replace(" / ", "\n")


def request_cells(row: RequestRow, tpl: Template, city: str = "") -> list[str]:
    mark = tpl.raw("mark")
    number = f"{row.number} ({tpl.raw('voided')})" if row.voided else row.number
    return [
        number,
        _d(row.received_on),
        row.name,
        register_address(row.address, city),
        _contact(row.contact),
        row.occupation,
        row.information,
        row.purpose,
        mark if row.held is True else "",
        (row.holder or mark) if row.held is False else "",
        mark if row.softcopy else "",
        mark if row.hardcopy else "",
        mark if row.wants_copy is False else "",
        mark if row.wants_copy is True else "",
        tpl.raw("voided") if row.voided and not row.decision else row.decision,
        row.rejection_reason,
        _day(row.notice_on),
        _day(row.delivered_on),
        _cost(row.cost),
        row.payment_method,
    ]


def objection_cells(row: ObjectionRow, tpl: Template, city: str = "") -> list[str]:
    mark = tpl.raw("mark")
    chosen = {g.strip().lower() for g in row.grounds}
    name, address, contact = row.name, register_address(row.address, city), _contact(row.contact)
    if row.proxy_name:  # the kuasa in the identity columns, under the requester (domain §4.2)
        kuasa = tpl.raw("kuasa")
        name += f"\n{kuasa}: {row.proxy_name}"
        if row.proxy_address:
            address += f"\n{kuasa}: {register_address(row.proxy_address, city)}"
        if row.proxy_phone:
            contact += f"\n{kuasa}: {row.proxy_phone}"
    return [
        row.number,
        _d(row.received_on),
        name,
        address,
        contact,
        row.occupation,
        row.request_number,
        row.information,
        row.purpose,
        *[mark if letter in chosen else "" for letter in "abcdefg"],
        row.decision,
        _day(row.response_on),
        row.atasan,
        row.requester_response,
        row.remarks,
    ]


class _Grid:
    """Column widths (fitted to the rows printed, ``column_fit.py``) and the row factory for one printout."""

    _PAD = 1.1

    def __init__(
        self,
        ratios: Sequence[int],
        page: PageSpec,
        st: Styles,
        center: frozenset[int],
        cells: Sequence[Sequence[str]],
        floors: Sequence[float],
    ) -> None:
        self.size = st["cell"].fontSize
        self.leading = self.size * 1.1  # denser than letters: the paper register is ruled, not read as prose
        self.center = center
        self.widths = fit_widths(
            cells, ratios, page.frame_width, font=FONT, size=self.size, pad=self._PAD, floors=floors
        )

    def row(self, texts: Sequence[str]) -> RuledRow:
        return RuledRow(
            texts, self.widths, font=FONT, size=self.size, leading=self.leading, pad=self._PAD,
            center=self.center, repeat=frozenset({0}),
        )  # fmt: skip


def _header_floors(tpl: Template, spans: Sequence[int], size: float) -> list[float]:
    """The least width of every leaf column for its header: the longest word of its own label (a spanned
    label's sub-labels; the spanned label itself wraps over the span), so no header word is cut."""
    sub_labels = list(tpl.lines("subcolumns"))
    floors: list[float] = []
    for label, span in zip(tpl.lines("columns"), spans, strict=True):
        labels = [label] if span == 1 else [sub_labels.pop(0) if sub_labels else "" for _ in range(span)]
        for text in labels:
            words = text.split() or [""]
            floors.append(max(stringWidth(w, FONT_BOLD, size) for w in words) + 4.5)  # + cell padding
    return floors


def _header(tpl: Template, grid: _Grid, spans: Sequence[int], st: Styles) -> Table:
    top_labels, sub_labels = tpl.lines("columns"), list(tpl.lines("subcolumns"))
    leaves = len(grid.widths)
    row0: list[Flowable | str] = [""] * leaves
    row1: list[Flowable | str] = [""] * leaves
    commands: list[tuple[object, ...]] = []
    hstyle = st["head"]
    col = 0
    for label, span in zip(top_labels, spans, strict=True):
        row0[col] = Paragraph(f"<b>{esc(label)}</b>", hstyle)
        if span == 1:
            commands.append(("SPAN", (col, 0), (col, 1)))
        else:
            commands.append(("SPAN", (col, 0), (col + span - 1, 0)))
            for leaf in range(col, col + span):
                row1[leaf] = Paragraph(esc(sub_labels.pop(0) if sub_labels else ""), hstyle)
        col += span
    table = Table([row0, row1], colWidths=grid.widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                *commands,
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, -1), colors.Color(0.88, 0.88, 0.88)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def render_register(snap: RegisterSnapshot) -> bytes:
    """PDF bytes of the Register Permohonan (or Keberatan when ``snap.objections``)."""
    kind = "register_objections" if snap.objections else "register"
    tpl = template_for(kind, snap.wording)
    base = register_page(snap.paper)
    st = styles(base.base_size)
    st["head"] = st["center"].clone("head", fontSize=base.base_size * 0.8, leading=base.base_size * 0.95)
    city = snap.office.city
    spans: tuple[int, ...]
    ratios: tuple[int, ...]
    if snap.objections:
        cells = [objection_cells(r, tpl, city) for r in snap.objection_rows]
        spans, ratios, marks = _OBJECTION_SPANS, _OBJECTION_RATIOS, _OBJECTION_MARKS
    else:
        cells = [request_cells(r, tpl, city) for r in snap.rows]
        spans, ratios, marks = _REQUEST_SPANS, _REQUEST_RATIOS, _REQUEST_MARKS
    grid = _Grid(ratios, base, st, marks, cells, _header_floors(tpl, spans, st["head"].fontSize))
    header = _header(tpl, grid, spans, st)
    _, header_h = header.wrap(base.frame_width, base.frame_height)
    title_h = base.base_size * 3.2 + 1 * mm  # matches the baselines drawn by _page_top
    page = PageSpec(
        base.name,
        base.width,
        base.height,
        base.left,
        base.right,
        base.top + title_h + header_h,
        base.bottom,
        base.safe,
        base.base_size,
    )
    period = tpl.plain("period", start=format_date(snap.period_from), end=format_date(snap.period_to))
    draw_top = _page_top(tpl.plain("title"), snap.office.ppid_name, period, header, header_h, base)

    story: list[Flowable] = [grid.row(texts) for texts in cells]
    count = len(cells)
    if not count:
        story.append(Paragraph(tpl.fmt("empty"), st["center"]))
    story += [Spacer(1, 4), Paragraph(tpl.fmt("summary", count=str(count)), st["left"])]
    sig_st = styles(9)
    story.append(
        signature(snap.signatory, tpl, page, sig_st, city=snap.office.city, date=snap.printed_on, gap=16 * mm)
    )
    footer = page_footer(lambda n, t: tpl.plain("page_of", page=str(n), pages=str(t)), page, always=True)
    return build_pdf(
        story, page, title=tpl.plain("title"), subject=period, on_page=footer, on_every_page=draw_top
    )


def _page_top(
    title: str, office: str, period: str, header: Table, header_h: float, page: PageSpec
) -> Callable[[Canvas, BaseDocTemplate], None]:
    """Page-template callback drawing the title, office, period and the column header on every page."""

    def draw(canv: Canvas, _doc: BaseDocTemplate) -> None:
        canv.saveState()
        y = page.height - page.top - page.base_size * 1.6
        canv.setFont(FONT_BOLD, page.base_size * 1.6)
        canv.drawCentredString(page.width / 2, y, title)
        canv.setFont(FONT, page.base_size * 1.2)
        y -= page.base_size * 1.6
        canv.drawCentredString(page.width / 2, y, f"{office} \u2014 {period}")  # one line: rows get the room
        canv.restoreState()
        header.drawOn(canv, page.left, y - 1 * mm - header_h)

    return draw

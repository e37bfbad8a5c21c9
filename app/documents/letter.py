"""The skeleton every request letter shares: kop, heading (memo or title), body, signature, page numbers.

A concrete renderer supplies only its body flowables (pretix-style template method), so the official look is
defined once.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.documents.base import PageSpec, build_pdf, esc, letter_page, page_footer, styles
from app.documents.keep import EndingStart, keep_ending, split_ending
from app.documents.parts import Styles, field_table, grid_table, kop, memo_header, signature, title_block
from app.documents.snapshot import CostLine, LetterSnapshot
from app.documents.templates import Template, template_for
from app.domain.formatting import format_date, rupiah, rupiah_terbilang

Body = Callable[[Template, PageSpec, Styles], list[Flowable]]


def render_letter(
    snap: LetterSnapshot,
    kind: str,
    body: Body,
    *,
    memo: bool,
    paper: str = "A4",
    sign: bool = True,
    tail: Body | None = None,
    appendix: Body | None = None,
) -> bytes:
    """Lay out a letter: memo style (Nomor/Sifat/Hal + Kepada Yth.) or title style (centred title + Nomor).

    The body's ending (from its ``EndingStart``: closing, footnotes), the signature and ``tail`` (tembusan) are
    kept on a page with body text (``page_layout`` 2); ``appendix`` follows on pages of its own."""
    tpl = template_for(kind, snap.wording)
    page = letter_page(paper)
    st = styles(page.base_size)
    story: list[Flowable] = kop(snap.office, tpl, page, st)
    subject = snap.letter.subject or (tpl.plain("subject") if "subject" in tpl.texts else "")
    if memo:
        story += memo_header(
            snap.letter.number,
            snap.letter.date,
            subject,
            snap.letter.nature,
            snap.letter.attachment,
            snap.office,
            snap.requester,
            tpl,
            page,
            st,
            unknown_place=tpl.fmt("addressee_at_unknown") if snap.page_layout >= 2 else "",
        )
    else:
        story += title_block(tpl.fmt("title", ppid=snap.office.ppid_name), snap.letter.number, tpl, st)
    lead, ending = split_ending(body(tpl, page, st))
    if sign:
        ending.append(
            signature(
                snap.signatory,
                tpl,
                page,
                st,
                city="" if memo else snap.office.city,
                date=None if memo else snap.letter.date,
            )
        )
    if tail is not None:
        ending += tail(tpl, page, st)
    if snap.page_layout >= 2:
        story += keep_ending(lead, ending, leading=st["body"].leading, lead_ins=snap.page_layout >= 3)
    else:
        story += [*lead, *ending]
    if appendix is not None:
        story += appendix(tpl, page, st)
    footer = page_footer(lambda n, t: tpl.plain("page_of", page=str(n), pages=str(t)), page)
    title = tpl.plain("title", ppid=snap.office.ppid_name) if "title" in tpl.texts else subject
    return build_pdf(
        story,
        page,
        title=title,
        subject=snap.letter.number or snap.request.registration_number,
        on_page=footer,
    )


def request_reference(snap: LetterSnapshot, tpl: Template, page: PageSpec, st: Styles) -> list[Flowable]:
    """The opening sentence naming the request (date, number) followed by the requested information."""
    out: list[Flowable] = [
        Paragraph(
            tpl.fmt(
                "opening",
                date=format_date(snap.request.received_at.date()),
                number=snap.request.registration_number,
                ppid=snap.office.ppid_name,
            ),
            st["body"],
        ),
        Spacer(1, 4),
        field_table(
            [(tpl.raw("label_information"), esc(snap.request.information))],
            page.frame_width,
            st,
            label_ratio=0.3,
        ),
        Spacer(1, 6),
    ]
    return out


def costs_table(costs: tuple[CostLine, ...], tpl: Template, page: PageSpec, st: Styles) -> list[Flowable]:
    """Costs: item, unit cost × quantity = amount, the total and the total in words (terbilang)."""
    if not costs:
        return [Paragraph(tpl.fmt("no_cost"), st["left"])]
    width = page.frame_width - 8 * mm
    head = [Paragraph(f"<b>{esc(h)}</b>", st["left"]) for h in tpl.lines("cost_headers")]
    rows: list[list[Flowable | str]] = [list(head)]
    for line in costs:
        rows.append(
            [
                Paragraph(esc(line.label), st["left"]),
                Paragraph(esc(rupiah(line.unit_cost)), st["right"]),
                Paragraph(str(line.quantity), st["right"]),
                Paragraph(esc(rupiah(line.amount)), st["right"]),
            ]
        )
    total = sum((line.amount for line in costs), Decimal(0))
    rows.append(
        [
            Paragraph(f"<b>{esc(tpl.raw('cost_total'))}</b>", st["left"]),
            "",
            "",
            Paragraph(f"<b>{esc(rupiah(total))}</b>", st["right"]),
        ]
    )
    table = grid_table(rows, [width * 0.43, width * 0.22, width * 0.12, width * 0.23])
    table.setStyle([("SPAN", (0, len(rows) - 1), (2, len(rows) - 1))])
    words = rupiah_terbilang(total)
    return [
        table,
        Spacer(1, 3),
        Paragraph(tpl.fmt("cost_words", words=words[:1].upper() + words[1:]), st["left"]),
    ]


def closing(tpl: Template, st: Styles) -> list[Flowable]:
    """The closing sentence: the start of the ending that stays with the signature."""
    return [EndingStart(), Spacer(1, 6), Paragraph(tpl.fmt("closing"), st["body"])]


def checkbox(selected: bool) -> str:
    """A tick box drawn with glyphs present in the embedded font."""
    return "[√]" if selected else "[&nbsp;&nbsp;&nbsp;]"

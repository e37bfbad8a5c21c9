"""The Daftar Informasi yang Dikecualikan (DIK) and the Daftar Informasi Publik (DIP) as printed tables, on
landscape A4 or F4 under the office's kop: what the office shows the Komisi Informasi and pins at the desk.

The lists are short (tens of entries), so one reportlab table that repeats its header is enough here."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer

from app.documents.base import build_pdf, esc, page_footer, register_page, styles
from app.documents.parts import grid_table, kop
from app.documents.snapshot import InformationListSnapshot
from app.documents.templates import template_for
from app.domain.formatting import format_date

#: Relative column widths per list (No., then the five columns of the template).
_RATIOS: dict[str, tuple[int, ...]] = {"dik": (5, 30, 18, 40, 18, 22), "dip": (5, 30, 40, 20, 13, 25)}


def render_information_list(snap: InformationListSnapshot, paper: str = "A4") -> bytes:
    if snap.variant not in _RATIOS:
        raise ValueError(f"daftar tidak dikenal: {snap.variant}")
    tpl = template_for("information_list", snap.wording)
    page = register_page(paper)
    st = styles(9)
    title = tpl.plain(f"title_{snap.variant}")
    story: list[Flowable] = [*kop(snap.office, tpl, page, st)]
    story += [Paragraph(esc(title), st["title"]), Paragraph(esc(snap.office.ppid_name.upper()), st["title"])]
    if snap.variant == "dip":
        story.append(Paragraph(esc(tpl.plain("subtitle_dip")), st["center"]))
    story += [Paragraph(esc(tpl.plain("printed", date=format_date(snap.printed_on))), st["center"])]
    story.append(Spacer(1, 6))
    if not snap.rows:
        story.append(Paragraph(esc(tpl.plain("empty")), st["body"]))
    else:
        ratios = _RATIOS[snap.variant]
        widths = [page.frame_width * r / sum(ratios) for r in ratios]
        header: list[Flowable | str] = [
            Paragraph(f"<b>{esc(c)}</b>", st["cell"]) for c in tpl.lines(f"columns_{snap.variant}")
        ]
        data: list[list[Flowable | str]] = [header]
        for i, row in enumerate(snap.rows, start=1):
            cells = [str(i), *row]
            data.append([Paragraph(esc(c).replace("\n", "<br/>"), st["cell"]) for c in cells])
        story.append(grid_table(data, widths))
        story.append(Spacer(1, 4))
        story.append(Paragraph(esc(tpl.plain("summary", count=str(len(snap.rows)))), st["left"]))
    footer = page_footer(lambda n, t: tpl.plain("page_of", page=str(n), pages=str(t)), page)
    return build_pdf(story, page, title=title, subject=snap.office.ppid_name, on_page=footer)

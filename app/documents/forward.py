"""Information held by another public body: tells the requester who holds it and whether it was forwarded."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer

from app.documents.base import PageSpec, esc
from app.documents.letter import closing, render_letter, request_reference
from app.documents.parts import Styles, bullet_list, field_table
from app.documents.snapshot import ForwardSnapshot
from app.documents.templates import Template
from app.domain.formatting import format_date


def render_forward(snap: ForwardSnapshot, paper: str = "A4") -> bytes:
    def body(tpl: Template, page: PageSpec, st: Styles) -> list[Flowable]:
        out = request_reference(snap, tpl, page, st)
        out.append(Paragraph(tpl.fmt("not_held", ppid=snap.office.ppid_name), st["body"]))
        out.append(Spacer(1, 3))
        rows = [(tpl.raw("label_holder"), f"<b>{esc(snap.holder_name)}</b>")]
        if snap.holder_address:
            rows.append((tpl.raw("label_holder_address"), esc(snap.holder_address)))
        out.append(field_table(rows, page.frame_width, st, label_ratio=0.3))
        out.append(Spacer(1, 4))
        if snap.forwarded:
            day = snap.forwarded_on or snap.letter.date
            out.append(Paragraph(tpl.fmt("forwarded", date=format_date(day)), st["body"]))
        else:
            out.append(Paragraph(tpl.fmt("not_forwarded"), st["body"]))
        out.append(Spacer(1, 4))
        out.append(Paragraph(tpl.fmt("legal_basis"), st["body"]))
        return out + closing(tpl, st)

    def copies(tpl: Template, page: PageSpec, st: Styles) -> list[Flowable]:
        if not snap.forwarded:
            return []
        return [
            Spacer(1, 10),
            Paragraph(tpl.fmt("copy_to"), st["left"]),
            *bullet_list([snap.holder_name], st),
        ]

    return render_letter(snap, "forward", body, memo=True, paper=paper, tail=copies)

"""Surat keterangan permohonan tidak lengkap: the missing items and the 3-working-day deadline to complete."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer

from app.documents.base import PageSpec
from app.documents.keep import lead_in
from app.documents.letter import closing, render_letter, request_reference
from app.documents.parts import Styles, bullet_list, deadline_markup
from app.documents.snapshot import IncompleteSnapshot
from app.documents.templates import Template


def render_incomplete(snap: IncompleteSnapshot, paper: str = "A4") -> bytes:
    def body(tpl: Template, page: PageSpec, st: Styles) -> list[Flowable]:
        out = request_reference(snap, tpl, page, st)
        out.append(lead_in(Paragraph(tpl.fmt("finding"), st["body"])))
        out.append(Spacer(1, 3))
        out += bullet_list(snap.missing_items, st)
        out.append(Spacer(1, 6))
        sentence = tpl.raw("deadline_sentence").replace(
            "{deadline}", deadline_markup(snap.completion_deadline, tpl)
        )
        out.append(Paragraph(sentence, st["body"]))
        out.append(Spacer(1, 4))
        out.append(Paragraph(tpl.fmt("consequence"), st["body"]))
        return out + closing(tpl, st)

    return render_letter(snap, "incomplete", body, memo=True, paper=paper)

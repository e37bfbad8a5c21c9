"""Pemberitahuan perpanjangan waktu: the reason, the original and the new deadline, not extendable again."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer

from app.documents.base import PageSpec, esc
from app.documents.letter import closing, render_letter, request_reference
from app.documents.parts import Styles, deadline_markup, field_table
from app.documents.snapshot import ExtensionSnapshot
from app.documents.templates import Template


def render_extension(snap: ExtensionSnapshot, paper: str = "A4") -> bytes:
    def body(tpl: Template, page: PageSpec, st: Styles) -> list[Flowable]:
        out = request_reference(snap, tpl, page, st)
        sentence = (
            tpl.raw("extension_sentence")
            .replace("{original}", deadline_markup(snap.original_deadline, tpl))
            .replace("{new}", deadline_markup(snap.new_deadline, tpl))
        )
        out.append(Paragraph(sentence, st["body"]))
        out.append(Spacer(1, 4))
        out.append(
            field_table([(tpl.raw("label_reason"), esc(snap.reason))], page.frame_width, st, label_ratio=0.3)
        )
        out.append(Spacer(1, 4))
        out.append(Paragraph(tpl.fmt("once"), st["body"]))
        return out + closing(tpl, st)

    return render_letter(snap, "extension", body, memo=True, paper=paper)

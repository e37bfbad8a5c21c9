"""Berita acara / tanda bukti penyerahan informasi, signed by the officer and the requester."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer

from app.documents.base import PageSpec, esc
from app.documents.keep import lead_in
from app.documents.letter import closing, costs_table, render_letter
from app.documents.parts import Styles, bullet_list, field_table, requester_rows, two_signatures
from app.documents.snapshot import HandoverSnapshot, Signatory
from app.documents.templates import Template
from app.domain.formatting import format_datetime


def render_handover(snap: HandoverSnapshot, paper: str = "A4") -> bytes:
    def body(tpl: Template, page: PageSpec, st: Styles) -> list[Flowable]:
        when = snap.handed_at
        when_text = format_datetime(when, snap.office.time_zone) if when else "-"
        out: list[Flowable] = [
            Paragraph(
                tpl.fmt(
                    "opening",
                    datetime=when_text,
                    ppid=snap.office.ppid_name,
                    number=snap.request.registration_number,
                ),
                st["body"],
            ),
            Spacer(1, 3),
        ]
        rows = requester_rows(snap.requester, tpl)
        if snap.receiver_name:
            rows.append((tpl.raw("label_receiver"), esc(snap.receiver_name)))
        rows.append((tpl.raw("label_information"), esc(snap.request.information)))
        out += [field_table(rows, page.frame_width, st, label_ratio=0.3), Spacer(1, 6)]
        out.append(lead_in(Paragraph(tpl.fmt("items_intro"), st["body"])))
        out += bullet_list(snap.items or ("-",), st)
        out.append(Spacer(1, 4))
        extra = [(tpl.raw("label_form"), esc(snap.form or "-"))]
        if snap.payment_method:
            extra.append((tpl.raw("label_payment"), esc(snap.payment_method)))
        if snap.notes:
            extra.append((tpl.raw("label_notes"), esc(snap.notes)))
        out += [field_table(extra, page.frame_width, st, label_ratio=0.3), Spacer(1, 4)]
        out.append(lead_in(Paragraph(tpl.fmt("costs_intro"), st["body"])))
        out += costs_table(snap.costs, tpl, page, st)
        out += closing(tpl, st)
        requester = Signatory(jabatan="", name=snap.receiver_name or snap.requester.name)
        day = when.date() if when else snap.letter.date
        out.append(
            two_signatures(
                tpl.fmt("role_officer"),
                snap.signatory,
                tpl.fmt("role_requester"),
                requester,
                tpl,
                page,
                st,
                city=snap.office.city,
                date=day,
            )
        )
        return out

    return render_letter(snap, "handover", body, memo=False, paper=paper, sign=False)

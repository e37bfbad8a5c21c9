"""Surat Keputusan PPID tentang Penolakan: Pasal 17 huruf, other legal basis, uji konsekuensi and the
requester's right to keberatan within 30 working days (with the last date written out)."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer

from app.documents.base import PageSpec, esc
from app.documents.keep import lead_in
from app.documents.letter import render_letter
from app.documents.parts import Styles, bullet_list, deadline_markup, field_table
from app.documents.snapshot import RejectionSnapshot
from app.documents.templates import Template
from app.domain.formatting import format_date


def pasal17_letters(letters: tuple[str, ...]) -> str:
    """("b",) → "huruf b"; ("b", "h") → "huruf b dan huruf h"; three or more → "huruf b, huruf c, dan huruf h"."""
    parts = [f"huruf {x.strip()}" for x in letters if x.strip()]
    if len(parts) <= 1:
        return "".join(parts)
    if len(parts) == 2:
        return f"{parts[0]} dan {parts[1]}"
    return ", ".join(parts[:-1]) + ", dan " + parts[-1]


def render_rejection(snap: RejectionSnapshot, paper: str = "A4") -> bytes:
    def body(tpl: Template, page: PageSpec, st: Styles) -> list[Flowable]:
        who, req = snap.requester, snap.request
        rows = [
            (tpl.raw("label_registration"), f"<b>{esc(req.registration_number)}</b>"),
            (tpl.raw("label_name"), esc(who.name)),
            (tpl.raw("label_address"), esc(who.address)),
            (tpl.raw("label_occupation_row"), esc(who.occupation)),
            (tpl.raw("label_contact"), esc(who.contact)),
            (tpl.raw("label_information"), esc(req.information)),
        ]
        out: list[Flowable] = [
            lead_in(Paragraph(tpl.fmt("identity_intro"), st["body"])),
            Spacer(1, 2),
            field_table(rows, page.frame_width, st, label_ratio=0.3),
            Spacer(1, 6),
            lead_in(Paragraph(tpl.fmt("decide"), st["body"])),
            Paragraph(f"<b>{tpl.fmt('exempt')}</b>", st["center"]),
            Spacer(1, 4),
            lead_in(Paragraph(tpl.fmt("basis_intro"), st["body"])),
        ]
        bases = []
        if snap.pasal17:
            bases.append(tpl.plain("basis_pasal17", letters=pasal17_letters(snap.pasal17)))
        if snap.other_basis:
            bases.append(snap.other_basis)
        out += bullet_list(bases or ["-"], st, style="body")
        if snap.sk_number:  # the SK penetapan informasi dikecualikan (DIK) the rejection rests on
            sk_date = format_date(snap.sk_date) if snap.sk_date else "-"
            out.append(Paragraph(tpl.fmt("basis_sk", number=snap.sk_number, date=sk_date), st["body"]))
            if snap.excluded_for:
                out.append(Paragraph(tpl.fmt("excluded_for", period=snap.excluded_for), st["body"]))
        out += [Spacer(1, 4), lead_in(Paragraph(tpl.fmt("consequence_intro"), st["body"]))]
        out.append(Paragraph(esc(snap.consequence or "-"), st["body"]))
        out += [
            Spacer(1, 4),
            lead_in(Paragraph(tpl.fmt("conclusion_intro"), st["body"])),
            Paragraph(f"<b>{tpl.fmt('conclusion')}</b>", st["center"]),
            Spacer(1, 6),
        ]
        right = (
            tpl.raw("objection_right")
            .replace("{atasan}", esc(snap.atasan or tpl.raw("default_atasan")))
            .replace("{deadline}", deadline_markup(snap.objection_deadline, tpl))
        )
        out.append(Paragraph(right, st["body"]))
        return out

    return render_letter(snap, "rejection", body, memo=False, paper=paper)

"""Pemberitahuan tertulis, variant A (informasi dapat diberikan: penguasaan, bentuk, biaya, waktu,
penghitaman) and variant B (tidak dapat diberikan: belum dikuasai / belum didokumentasikan)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.documents.base import PageSpec, esc
from app.documents.keep import EndingStart, lead_in
from app.documents.letter import checkbox, costs_table, render_letter
from app.documents.parts import Styles, field_table, requester_rows
from app.documents.snapshot import NoticeSnapshot
from app.documents.templates import Template
from app.domain.formatting import format_date


def _indent(flowables: list[Flowable]) -> list[Flowable]:
    from reportlab.platypus import Indenter

    return [Indenter(left=6 * mm), *flowables, Indenter(left=-6 * mm)]


def _variant_a(snap: NoticeSnapshot, tpl: Template, page: PageSpec, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [
        Paragraph(tpl.fmt("a_heading_partial" if snap.partial else "a_heading"), st["heading"])
    ]
    held = tpl.fmt("held_us", ppid=snap.office.ppid_name)
    other = tpl.fmt("held_other", body=snap.other_body or "…")
    out.append(lead_in(Paragraph(tpl.fmt("a_held"), st["left"])))
    out += _indent(
        [
            Paragraph(f"{checkbox(snap.held_by_us)} {held}", st["left"]),
            Paragraph(f"{checkbox(not snap.held_by_us)} {other}", st["left"]),
        ]
    )
    out.append(lead_in(Paragraph(tpl.fmt("a_form"), st["left"])))
    out += _indent(
        [
            Paragraph(f"{checkbox('softcopy' in snap.forms)} {tpl.fmt('form_softcopy')}", st["left"]),
            Paragraph(f"{checkbox('hardcopy' in snap.forms)} {tpl.fmt('form_hardcopy')}", st["left"]),
        ]
    )
    out.append(lead_in(Paragraph(tpl.fmt("a_costs"), st["left"])))
    out += _indent(
        [Spacer(1, 2), *costs_table(snap.costs, tpl, page.with_width(page.frame_width - 6 * mm), st)]
    )
    if snap.payment_method:
        out += _indent([Paragraph(tpl.fmt("a_payment", method=snap.payment_method), st["left"])])
    out.append(lead_in(Paragraph(tpl.fmt("a_time"), st["left"])))
    out += _indent([Paragraph(esc(snap.provision_time or "-"), st["left"])])
    out.append(lead_in(Paragraph(tpl.fmt("a_redaction"), st["left"])))
    text = esc(snap.redaction_explanation) if snap.redaction_explanation else tpl.fmt("no_redaction")
    out += _indent([Paragraph(text, st["body"])])
    return out


def _variant_b(snap: NoticeSnapshot, tpl: Template, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(tpl.fmt("b_heading"), st["heading"])]
    boxes = [
        Paragraph(f"{checkbox(snap.reason == 'belum_dikuasai')} {tpl.fmt('b_not_held')}", st["left"]),
        Paragraph(
            f"{checkbox(snap.reason == 'belum_didokumentasikan')} {tpl.fmt('b_undocumented')}", st["left"]
        ),
    ]
    if snap.reason == "tidak_dikuasai":  # held by another body: UU 14/2008 Pasal 22(7)b wants it named
        holder = tpl.fmt("b_held_other", ppid=snap.office.ppid_name, body=snap.other_body or "…")
        boxes.append(Paragraph(f"{checkbox(True)} {holder}", st["left"]))
    out += _indent(boxes)
    if snap.reason == "belum_didokumentasikan":
        out.append(Spacer(1, 4))
        out.append(Paragraph(tpl.fmt("b_provision", time=snap.undocumented_provision or "…"), st["body"]))
    return out


def render_notice(snap: NoticeSnapshot, paper: str = "A4") -> bytes:
    if snap.variant not in ("A", "B"):
        raise ValueError("varian pemberitahuan tertulis harus A atau B")

    def body(tpl: Template, page: PageSpec, st: Styles) -> list[Flowable]:
        received = format_date(snap.request.received_at.date())
        out: list[Flowable] = [
            Paragraph(tpl.fmt("opening", date=received, number=snap.request.registration_number), st["body"]),
            Spacer(1, 3),
            field_table(
                [
                    *requester_rows(snap.requester, tpl),
                    (tpl.raw("label_information"), esc(snap.request.information)),
                ],
                page.frame_width,
                st,
                label_ratio=0.3,
            ),
            Spacer(1, 6),
            lead_in(Paragraph(tpl.fmt("intro"), st["body"])),
        ]
        out += _variant_a(snap, tpl, page, st) if snap.variant == "A" else _variant_b(snap, tpl, st)
        if snap.variant == "A" and snap.costs:
            out += [EndingStart(), Spacer(1, 6), Paragraph(tpl.fmt("notes"), st["small"])]
        return out

    return render_letter(snap, "notice", body, memo=False, paper=paper)

"""Formulir keberatan (page 1) and its tanda bukti penerimaan with the Atasan PPID's response date (page 2)."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from app.documents.base import PageSpec, build_pdf, esc, letter_page, page_footer, styles
from app.documents.keep import keep_ending
from app.documents.letter import checkbox
from app.documents.parts import (
    Styles,
    deadline_markup,
    field_table,
    kop,
    signature,
    title_block,
    two_signatures,
)
from app.documents.snapshot import ObjectionSnapshot, Signatory
from app.documents.templates import Template, template_for
from app.domain.formatting import format_datetime


def _form(snap: ObjectionSnapshot, tpl: Template, page: PageSpec, st: Styles) -> list[Flowable]:
    who, req = snap.requester, snap.request
    story: list[Flowable] = kop(snap.office, tpl, page, st)
    story += title_block(tpl.fmt("title"), "", tpl, st)
    body_at = len(story)
    story.append(Paragraph(tpl.fmt("section_a"), st["heading"]))
    identity = "<br/>".join(
        f"{esc(tpl.raw(k))}: {esc(v or '-')}"
        for k, v in (
            ("label_name", who.name),
            ("label_address", who.address),
            ("label_occupation", who.occupation),
            ("label_phone_only", who.phone or who.email),
        )
    )
    proxy = "<br/>".join(
        f"{esc(tpl.raw(k))}: {esc(v or '-')}"
        for k, v in (
            ("label_name", who.proxy_name),
            ("label_address", who.proxy_address),
            ("label_phone_only", who.proxy_phone),
        )
    )
    rows = [
        (tpl.raw("label_objection_number"), f"<b>{esc(snap.letter.number)}</b>"),
        (tpl.raw("label_request_number"), esc(req.registration_number)),
        (tpl.raw("label_purpose"), esc(req.purpose)),
        (tpl.raw("label_requester_identity"), identity),
        (tpl.raw("label_proxy_identity"), proxy),
    ]
    story.append(field_table(rows, page.frame_width, st, label_ratio=0.36))
    story.append(Paragraph(tpl.fmt("section_b"), st["heading"]))
    chosen = {g.strip().lower() for g in snap.grounds}
    for text in tpl.lines("grounds"):
        story.append(Paragraph(f"{checkbox(text[:1].lower() in chosen)} {esc(text)}", st["left"]))
    story.append(Paragraph(tpl.fmt("section_c"), st["heading"]))
    story.append(Paragraph(esc(snap.case or "-"), st["body"]))
    story.append(Paragraph(tpl.fmt("section_d"), st["heading"]))
    story.append(Paragraph(deadline_markup(snap.response_deadline, tpl), st["left"]))
    ending_at = len(story)
    story += [Spacer(1, 6), Paragraph(tpl.fmt("closing"), st["body"])]
    filer = Signatory(jabatan="", name=who.proxy_name or who.name)
    day = snap.received_at.date() if snap.received_at else snap.letter.date
    story.append(
        two_signatures(
            tpl.fmt("role_officer"),
            snap.signatory,
            tpl.fmt("role_requester"),
            filer,
            tpl,
            page,
            st,
            city=snap.office.city,
            date=day,
        )
    )
    story.append(Spacer(1, 6))
    story += [Paragraph(esc(note), st["small"]) for note in tpl.lines("notes")]
    return _kept(snap, story, body_at, ending_at, st)


def _kept(
    snap: ObjectionSnapshot, story: list[Flowable], body_at: int, ending_at: int, st: Styles
) -> list[Flowable]:
    """The ending (closing, signatures, notes) kept on a page with body text (``page_layout`` 2)."""
    if snap.page_layout < 2:
        return story
    kept = keep_ending(story[body_at:ending_at], story[ending_at:], leading=st["body"].leading)
    return [*story[:body_at], *kept]


def _receipt(snap: ObjectionSnapshot, tpl: Template, page: PageSpec, st: Styles) -> list[Flowable]:
    who = snap.requester
    story: list[Flowable] = kop(snap.office, tpl, page, st)
    story += title_block(tpl.fmt("receipt_title"), "", tpl, st)
    body_at = len(story)
    received = format_datetime(snap.received_at, snap.office.time_zone) if snap.received_at else "-"
    grounds = [t for t in tpl.lines("grounds") if t[:1].lower() in {g.strip().lower() for g in snap.grounds}]
    rows = [
        (tpl.raw("label_objection_number"), f"<b>{esc(snap.letter.number)}</b>"),
        (tpl.raw("label_received_objection"), esc(received)),
        (tpl.raw("label_name"), esc(who.name)),
        (tpl.raw("label_request_number"), esc(snap.request.registration_number)),
        (tpl.raw("label_grounds"), "<br/>".join(esc(g) for g in grounds) or "-"),
    ]
    story.append(field_table(rows, page.frame_width, st, label_ratio=0.36))
    story.append(Spacer(1, 6))
    sentence = (
        tpl.raw("response_sentence")
        .replace("{atasan}", esc(snap.atasan or tpl.raw("default_atasan")))
        .replace("{deadline}", deadline_markup(snap.response_deadline, tpl))
    )
    story.append(Paragraph(sentence, st["body"]))
    ending_at = len(story)
    story += [Spacer(1, 4), Paragraph(tpl.fmt("receipt_note"), st["small"])]
    day = snap.received_at.date() if snap.received_at else snap.letter.date
    story.append(signature(snap.signatory, tpl, page, st, city=snap.office.city, date=day))
    return _kept(snap, story, body_at, ending_at, st)


def render_objection(snap: ObjectionSnapshot, paper: str = "A4") -> bytes:
    tpl = template_for("objection", snap.wording)
    page = letter_page(paper)
    st = styles(page.base_size)
    story = [*_form(snap, tpl, page, st), PageBreak(), *_receipt(snap, tpl, page, st)]
    footer = page_footer(lambda n, t: tpl.plain("page_of", page=str(n), pages=str(t)), page)
    return build_pdf(story, page, title=tpl.plain("title"), subject=snap.letter.number, on_page=footer)

"""Information held by another public body: tells the requester who holds it and whether it was forwarded.

When the request was forwarded, page 2 is the surat penerusan to the holding body (same letter number), with
the requester's identity and request, asking the body to answer the requester directly."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from app.documents.base import PageSpec, esc
from app.documents.keep import keep_ending, lead_in
from app.documents.letter import closing, render_letter, request_reference
from app.documents.parts import Styles, bullet_list, field_table, kop, memo_header, signature
from app.documents.snapshot import ForwardSnapshot, Requester
from app.documents.templates import Template
from app.domain.formatting import format_date


def _forwarding_letter(snap: ForwardSnapshot, tpl: Template, page: PageSpec, st: Styles) -> list[Flowable]:
    """Page 2 when the request was forwarded: the surat penerusan addressed to the holding public body."""
    day = snap.forwarded_on or snap.letter.date
    holder = Requester(name=snap.holder_name, address=snap.holder_address)
    who = snap.requester
    out: list[Flowable] = kop(snap.office, tpl, page, st)
    out += memo_header(
        snap.letter.number,
        day,
        tpl.plain("forward_subject"),
        snap.letter.nature,
        "",
        snap.office,
        holder,
        tpl,
        page,
        st,
        addressee_keys=("forward_addressee", "addressee_at"),
        unknown_place=tpl.fmt("addressee_at_unknown") if snap.page_layout >= 2 else "",
    )
    out.append(
        Paragraph(
            tpl.fmt(
                "forward_opening",
                date=format_date(snap.request.received_at.date()),
                number=snap.request.registration_number,
            ),
            st["body"],
        )
    )
    out.append(Spacer(1, 3))
    rows = [
        (tpl.raw("label_name"), esc(who.name)),
        (tpl.raw("label_address"), esc(who.address)),
        (tpl.raw("label_contact"), esc(who.contact)),
        (tpl.raw("label_information"), esc(snap.request.information)),
        (tpl.raw("label_purpose"), esc(snap.request.purpose)),
    ]
    lead: list[Flowable] = [
        field_table(rows, page.frame_width, st, label_ratio=0.3),
        Spacer(1, 4),
        Paragraph(tpl.fmt("forward_request", holder=snap.holder_name), st["body"]),
    ]
    ending = [
        Spacer(1, 6),
        Paragraph(tpl.fmt("forward_closing"), st["body"]),
        signature(snap.signatory, tpl, page, st),
    ]
    if snap.page_layout >= 2:
        return out + keep_ending(lead, ending, leading=st["body"].leading, lead_ins=snap.page_layout >= 3)
    return out + lead + ending


def render_forward(snap: ForwardSnapshot, paper: str = "A4") -> bytes:
    def body(tpl: Template, page: PageSpec, st: Styles) -> list[Flowable]:
        out = request_reference(snap, tpl, page, st)
        out.append(lead_in(Paragraph(tpl.fmt("not_held", ppid=snap.office.ppid_name), st["body"])))
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

    def forwarding(tpl: Template, page: PageSpec, st: Styles) -> list[Flowable]:
        return [PageBreak(), *_forwarding_letter(snap, tpl, page, st)] if snap.forwarded else []

    return render_letter(snap, "forward", body, memo=True, paper=paper, tail=copies, appendix=forwarding)

"""A request's complete dossier: every recorded fact, the deadlines, the timeline and the issued letters.

Printed for a keberatan or a sengketa at the Komisi Informasi, where the desk must show what happened when.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from app.documents.base import PageSpec, build_pdf, esc, letter_page, page_footer, styles
from app.documents.keep import keep_ending
from app.documents.kinds import DOCUMENT_TITLES
from app.documents.parts import Styles, field_table, grid_table, kop, signature, title_block
from app.documents.snapshot import DossierSnapshot
from app.documents.templates import Template, template_for
from app.domain.formatting import format_date, format_date_long, format_datetime


def _cells(texts: list[str], st: Styles, *, bold: bool = False) -> list[Flowable | str]:
    return [Paragraph(f"<b>{esc(t)}</b>" if bold else esc(t), st["small"]) for t in texts]


def _table(
    headers: tuple[str, ...],
    rows: list[list[str]],
    ratios: list[float],
    page: PageSpec,
    st: Styles,
    tpl: Template,
) -> list[Flowable]:
    if not rows:
        return [Paragraph(tpl.fmt("none"), st["left"])]
    data = [_cells(list(headers), st, bold=True), *[_cells(r, st) for r in rows]]
    total = sum(ratios)
    return [grid_table(data, [page.frame_width * r / total for r in ratios])]


def _heading(text: str, st: Styles) -> list[Flowable]:
    """A section heading, never the last line of a page: a new page unless a few lines fit under it."""
    return [CondPageBreak(st["body"].leading * 5), Paragraph(text, st["heading"])]


def obtain_text(method: str, copy_format: str, tpl: Template) -> str:
    """Markup for the cara memperoleh informasi, in words (not the stored code)."""
    if method == "melihat":
        return tpl.fmt("obtain_melihat")
    if method == "salinan":
        return tpl.fmt("obtain_salinan", format=copy_format or "-")
    return esc(method or "-")


def _kind_label(kind: str, tpl: Template) -> str:
    labels = dict(zip(("perorangan", "badan_hukum", "kelompok"), tpl.lines("kind_labels"), strict=False))
    return labels.get(kind, kind)


def _story(snap: DossierSnapshot, tpl: Template, page: PageSpec, st: Styles) -> list[Flowable]:
    req, who, tz = snap.request, snap.requester, snap.office.time_zone
    story: list[Flowable] = kop(snap.office, tpl, page, st)
    story += title_block(tpl.fmt("title"), "", tpl, st)
    story.insert(-1, Paragraph(tpl.fmt("subtitle", number=req.registration_number), st["center"]))
    story += _heading(tpl.fmt("section_request"), st)
    rows = [
        (tpl.raw("label_registration"), f"<b>{esc(req.registration_number)}</b>"),
        (tpl.raw("label_received"), esc(format_datetime(req.received_at, tz))),
        (tpl.raw("label_channel"), esc(req.channel)),
        (tpl.raw("label_status"), esc(snap.status)),
        (tpl.raw("label_information"), esc(req.information)),
        (tpl.raw("label_purpose"), esc(req.purpose)),
        (tpl.raw("label_obtain"), obtain_text(req.obtain_method, req.copy_format, tpl)),
        (tpl.raw("label_delivery"), esc(req.delivery_method)),
        (tpl.raw("label_attachments"), esc("; ".join(req.attachments))),
    ]
    story.append(field_table(rows, page.frame_width, st, label_ratio=0.32))
    story += _heading(tpl.fmt("section_requester"), st)
    rows = [
        (tpl.raw("label_name"), esc(who.name)),
        (tpl.raw("label_kind"), esc(_kind_label(who.kind, tpl))),
        (tpl.raw("label_nik"), esc(who.nik)),
        (tpl.raw("label_address"), esc(who.address)),
        (tpl.raw("label_occupation"), esc(who.occupation)),
        (tpl.raw("label_contact"), esc(who.contact)),
    ]
    if who.proxy_name:
        rows.append(
            (tpl.raw("label_proxy"), esc(f"{who.proxy_name}, {who.proxy_address} {who.proxy_phone}".strip()))
        )
    story.append(field_table(rows, page.frame_width, st, label_ratio=0.32))
    story += _heading(tpl.fmt("section_facts"), st)
    if snap.facts:
        story.append(
            field_table([(f.label, esc(f.value)) for f in snap.facts], page.frame_width, st, label_ratio=0.32)
        )
    else:
        story.append(Paragraph(tpl.fmt("none"), st["left"]))
    story += _heading(tpl.fmt("section_deadlines"), st)
    story += _table(
        tpl.lines("deadline_headers"),
        [[label, format_date_long(d.due), d.basis] for label, d in snap.deadlines],
        [3, 3, 4],
        page,
        st,
        tpl,
    )
    story += _heading(tpl.fmt("section_timeline"), st)
    story += _table(
        tpl.lines("timeline_headers"),
        [[format_datetime(e.at, ""), e.action, e.actor, e.detail] for e in snap.timeline],
        [3, 3, 2, 5],
        page,
        st,
        tpl,
    )
    story += _heading(tpl.fmt("section_letters"), st)
    story += _table(
        tpl.lines("letter_headers"),
        [[DOCUMENT_TITLES.get(x.kind, x.title), x.number or "-", format_date(x.date)] for x in snap.letters],
        [5, 4, 2],
        page,
        st,
        tpl,
    )
    if snap.objections:
        story += _heading(tpl.fmt("section_objections"), st)
        story += _table(
            tpl.lines("objection_headers"),
            [
                [
                    o.number,
                    format_date(o.received_on),
                    ", ".join(o.grounds),
                    o.decision,
                    format_date(o.response_on) if o.response_on else "-",
                ]
                for o in snap.objections
            ],
            [3, 2, 2, 4, 2],
            page,
            st,
            tpl,
        )
    if snap.disputes:
        story += _heading(tpl.fmt("section_disputes"), st)
        story += _table(
            tpl.lines("dispute_headers"),
            [
                [
                    d.objection_number,
                    format_date(d.filed_on) if d.filed_on else "-",
                    d.register or "-",
                    d.outcome or "-",
                    format_date(d.decided_on) if d.decided_on else "-",
                ]
                for d in snap.disputes
            ],
            [3, 2, 3, 4, 2],
            page,
            st,
            tpl,
        )
    ending: list[Flowable] = [
        Spacer(1, 6),
        Paragraph(tpl.fmt("printed", datetime=format_datetime(snap.printed_at, tz)), st["small"]),
    ]
    if snap.signatory is not None:
        ending.append(
            signature(snap.signatory, tpl, page, st, city=snap.office.city, date=snap.printed_at.date())
        )
    head = len(kop(snap.office, tpl, page, st)) + 3  # the kop, the title and its subtitle stay as they are
    return story[:head] + keep_ending(story[head:], ending, leading=st["body"].leading)


def render_dossier(snap: DossierSnapshot, paper: str = "A4") -> bytes:
    tpl = template_for("dossier", snap.wording)
    page = letter_page(paper)
    st = styles(page.base_size)
    footer = page_footer(lambda n, t: tpl.plain("page_of", page=str(n), pages=str(t)), page, always=True)
    return build_pdf(
        _story(snap, tpl, page, st),
        page,
        title=tpl.plain("title"),
        subject=snap.request.registration_number,
        on_page=footer,
    )

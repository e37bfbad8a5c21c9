"""Tanda bukti penerimaan permohonan: A4, A5 or the 80 mm thermal roll printed while the requester waits.

Shows the registration number as text and as a QR code, the completeness status (with the missing items and
the date by which to complete them) and the deadline for the pemberitahuan tertulis.
"""

from __future__ import annotations

import functools

import segno
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.documents.base import (
    FONT,
    PageSpec,
    build_pdf,
    esc,
    fit_height,
    letter_page,
    page_footer,
    styles,
    thermal_page,
)
from app.documents.keep import keep_ending
from app.documents.parts import (
    Styles,
    deadline_markup,
    field_table,
    kop,
    kuasa_rows,
    name_label,
    requester_signatory,
    signature,
    two_signatures,
)
from app.documents.snapshot import ReceiptSnapshot, Signatory
from app.documents.templates import Template, template_for
from app.domain.formatting import format_date, format_datetime

PAPERS = ("A4", "A5", "thermal80")
_INFO_LIMIT = 400


#: Light modules around the symbol (ISO/IEC 18004: at least 4); drawn as part of the code's own box, so no
#: neighbouring text or rule can eat into it, whatever the table around it does.
QUIET_ZONE = 4


@functools.lru_cache(maxsize=32)
def _qr_code(payload: str, style: str = "iso") -> tuple[int, tuple[bytes, ...]]:
    """The mask segno chose by the standard's penalty rules, and the module matrix with its quiet zone.

    The mask search is deterministic (same payload, same mask), so reprints stay byte-identical; a fixed mask
    saved time but could leave patterns that readers choke on. ``style="mask0"`` is the drawing of receipts
    issued before (``ReceiptSnapshot.qr_style``), for their identical reprints only."""
    if style == "mask0":
        old = segno.make(payload, error="m", boost_error=False, mask=0)
        return 0, tuple(bytes(row) for row in old.matrix)
    code = segno.make_qr(payload, error="m", boost_error=False)  # never Micro QR: phone apps do not read it
    n = len(code.matrix)
    blank = bytes(n + 2 * QUIET_ZONE)
    pad = bytes(QUIET_ZONE)
    rows = tuple(pad + bytes(row) + pad for row in code.matrix)
    return int(code.mask), (blank,) * QUIET_ZONE + rows + (blank,) * QUIET_ZONE


class QrCode(Flowable):
    """A QR code drawn as one filled path of module runs, its quiet zone included in its size.

    segno computes the matrix; drawing runs instead of one shape per module keeps the receipt fast (reportlab's
    QR widget spent more time than the rest of the receipt) and the output deterministic.
    """

    def __init__(self, payload: str, size: float, style: str = "iso") -> None:
        super().__init__()
        self.mask, self.matrix = _qr_code(payload, style)
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        n = len(self.matrix)
        cell = self.width / n
        path = self.canv.beginPath()
        for r, row in enumerate(self.matrix):
            y = self.height - (r + 1) * cell
            c = 0
            while c < n:
                if row[c]:
                    start = c
                    while c < n and row[c]:
                        c += 1
                    path.rect(start * cell, y, (c - start) * cell, cell)
                else:
                    c += 1
        self.canv.setFillColorRGB(0, 0, 0)
        self.canv.drawPath(path, stroke=0, fill=1)


def _fields(snap: ReceiptSnapshot, tpl: Template, st: Styles) -> list[tuple[str, str]]:
    req, who = snap.request, snap.requester
    info = req.information
    if len(info) > _INFO_LIMIT:
        info = info[:_INFO_LIMIT].rstrip()
        info_markup = esc(info) + esc(tpl.raw("information_more"))
    else:
        info_markup = esc(info)
    rows = [
        (tpl.raw("label_received"), esc(format_datetime(req.received_at, snap.office.time_zone))),
        (tpl.raw("label_channel"), esc(req.channel)),
        (tpl.raw("label_name"), esc(who.name)),
        (tpl.raw("label_information"), info_markup),
    ]
    if snap.identity_layout >= 2:
        rows[2] = (name_label(who, tpl), esc(who.name))
        rows[3:3] = kuasa_rows(who, tpl)
    if req.attachments:
        rows.append((tpl.raw("label_attachments"), esc("; ".join(req.attachments))))
    if snap.complete:
        done = format_date(snap.completed_on) if snap.completed_on else format_date(req.received_at.date())
        rows.append((tpl.raw("label_status"), tpl.fmt("status_complete", date=done)))
        rows.append(
            (
                tpl.raw("label_response_deadline"),
                deadline_markup(snap.response_deadline, tpl, fallback_key="response_pending"),
            )
        )
    else:
        rows.append((tpl.raw("label_status"), tpl.fmt("status_incomplete")))
        rows.append(
            (
                tpl.raw("label_missing"),
                "<br/>".join(f"{i}. {esc(m)}" for i, m in enumerate(snap.missing_items, start=1)) or "-",
            )
        )
        rows.append((tpl.raw("label_completion_deadline"), deadline_markup(snap.completion_deadline, tpl)))
        rows.append(
            (
                tpl.raw("label_response_deadline"),
                deadline_markup(snap.response_deadline, tpl, fallback_key="response_pending"),
            )
        )
    if snap.contact:
        rows.append((tpl.raw("label_follow_up"), esc(snap.contact)))
    return rows


def _number_block(
    snap: ReceiptSnapshot, tpl: Template, page: PageSpec, st: Styles, *, narrow: bool
) -> list[Flowable]:
    number = snap.request.registration_number
    label = Paragraph(esc(tpl.raw("label_registration")), st["center" if narrow else "left"])
    big = Paragraph(f"<b>{esc(number)}</b>", st["number_c" if narrow else "number"])
    qr_size = 26 * mm if narrow else 28 * mm
    qr = QrCode(snap.qr_payload or number, qr_size, snap.qr_style)
    if narrow:
        table = Table([[qr]], colWidths=[page.frame_width])
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return [label, big, Spacer(1, 2), table, Spacer(1, 4)]
    table = Table([[[label, big], qr]], colWidths=[page.frame_width - qr_size, qr_size])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [table, Spacer(1, 6)]


def _story(snap: ReceiptSnapshot, tpl: Template, page: PageSpec, st: Styles) -> list[Flowable]:
    narrow = page.name == "thermal80"
    story: list[Flowable] = kop(snap.office, tpl, page, st, logo=not narrow)
    story.append(Paragraph(tpl.fmt("title"), st["title"]))
    story.append(Spacer(1, 4))
    story += _number_block(snap, tpl, page, st, narrow=narrow)
    body_start = len(story)
    if narrow:
        for label, value in _fields(snap, tpl, st):
            story.append(Paragraph(f"<b>{esc(label)}</b>:<br/>{value}", st["left"]))
            story.append(Spacer(1, 2))
    else:
        story.append(field_table(_fields(snap, tpl, st), page.frame_width, st, label_ratio=0.34))
    ending_start = len(story)
    if not snap.complete:
        story.append(Spacer(1, 4))
        story.append(Paragraph(tpl.fmt("incomplete_note"), st["small"]))
    story.append(Spacer(1, 4))
    story.append(Paragraph(tpl.fmt("note"), st["small"]))
    day = snap.letter.date
    if narrow:
        story.append(
            signature(
                snap.signatory,
                tpl,
                page,
                st,
                city=snap.office.city,
                date=day,
                role=tpl.raw("role_officer"),
                gap=12 * mm,
            )
        )
    else:
        requester = Signatory(jabatan="", name=snap.requester.name)
        if snap.identity_layout >= 2:
            requester = requester_signatory(snap.requester, tpl)
        story.append(
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
    if snap.page_layout >= 2 and not narrow:  # the notes and the signatures stay with the last fields
        lead, ending = story[body_start:ending_start], story[ending_start:]
        story[body_start:] = keep_ending(lead, ending, leading=st["body"].leading)
    return story


def render_receipt(snap: ReceiptSnapshot, paper: str = "A4") -> bytes:
    """PDF bytes of the receipt on ``paper`` (A4, A5 or thermal80)."""
    if paper not in PAPERS:
        raise ValueError(f"kertas tanda bukti harus salah satu dari {', '.join(PAPERS)}")
    tpl = template_for("receipt", snap.wording)
    page = thermal_page() if paper == "thermal80" else letter_page(paper)
    st = styles(page.base_size)
    story = _story(snap, tpl, page, st)
    if paper == "thermal80":
        page = fit_height(story, page)  # the same flowables are laid out again: wrapping them is idempotent
    footer = page_footer(lambda n, t: tpl.plain("page_of", page=str(n), pages=str(t)), page)
    return build_pdf(
        story, page, title=tpl.plain("title"), subject=snap.request.registration_number, on_page=footer
    )

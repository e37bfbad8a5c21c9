"""Building blocks shared by the letters: kop surat, memo header, field tables, signature blocks.

Each returns platypus flowables sized to the frame width, so the same code serves A4, F4, A5 and the
80 mm roll. Every piece of user text goes through ``esc`` and a Paragraph so it wraps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Image, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.documents.base import FONT, DoubleRule, PageSpec, esc
from app.documents.snapshot import Deadline, Office, Requester, Signatory
from app.documents.templates import Template
from app.domain.formatting import format_date_long, group_nip, place_date

Styles = dict[str, ParagraphStyle]

_TIGHT = [
    ("FONTNAME", (0, 0), (-1, -1), FONT),  # also for empty string cells: never reference Helvetica
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ("TOPPADDING", (0, 0), (-1, -1), 1),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
]


def contact_line(office: Office, tpl: Template) -> str:
    parts = [
        f"{tpl.raw(label)} {value}"
        for label, value in (
            ("label_phone", office.phone),
            ("label_fax", office.fax),
            ("label_email", office.email),
            ("label_website", office.website),
            ("label_postal", office.postal_code),
        )
        if value
    ]
    return " – ".join(parts)


def kop(office: Office, tpl: Template, page: PageSpec, st: Styles, *, logo: bool = True) -> list[Flowable]:
    """Kop surat: logo left, centred office lines, address and contacts, thick-thin double rule."""
    width = page.frame_width
    lines: list[Flowable] = []
    for i, text in enumerate(office.kop_lines):
        lines.append(Paragraph(esc(text), st["kop1"] if i < 2 else st["kop2"]))
    address = office.address
    if address:
        lines.append(Paragraph(esc(address), st["kop2"]))
    contacts = contact_line(office, tpl)
    if contacts:
        lines.append(Paragraph(esc(contacts), st["kop2"]))
    logo_path = Path(office.logo_path) if office.logo_path else None
    logo_w = min(22 * mm, width * 0.18)
    if logo and logo_path is not None and logo_path.is_file():
        image: Flowable | str = Image(str(logo_path), width=logo_w, height=logo_w, kind="proportional")
        table = Table([[image, lines, ""]], colWidths=[logo_w, width - 2 * logo_w, logo_w])
    else:
        table = Table([[lines]], colWidths=[width])
    table.setStyle(
        TableStyle([*_TIGHT, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    )
    return [table, Spacer(1, 2), DoubleRule(width), Spacer(1, page.base_size * 0.6)]


def _cell(markup: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """A plain string when the text has no markup and fits one line (drawn far cheaper than a Paragraph)."""
    if "<" in markup or "&" in markup or stringWidth(markup, style.fontName, style.fontSize) > width:
        return Paragraph(markup, style)
    return markup


def field_table(
    rows: Sequence[tuple[str, str]],
    width: float,
    st: Styles,
    *,
    label_ratio: float = 0.32,
    style: str = "left",
) -> Table:
    """Label : value rows. Values are markup (already escaped); long values wrap and split across pages."""
    label_w = width * label_ratio
    colon_w = 3 * mm
    pstyle = st[style]
    value_w = width - label_w - colon_w
    data = [
        [_cell(esc(label), pstyle, label_w - 2), ":", _cell(value or "-", pstyle, value_w - 2)]
        for label, value in rows
    ]
    table = Table(data, colWidths=[label_w, colon_w, value_w], splitInRow=1, hAlign="LEFT")
    # Plain-string cells must use the embedded font (never Helvetica) at the paragraph's size.
    table.setStyle(
        TableStyle(
            [
                *_TIGHT,
                ("FONTNAME", (0, 0), (-1, -1), pstyle.fontName),
                ("FONTSIZE", (0, 0), (-1, -1), pstyle.fontSize),
                ("LEADING", (0, 0), (-1, -1), pstyle.leading),
            ]
        )
    )
    return table


def requester_rows(req: Requester, tpl: Template) -> list[tuple[str, str]]:
    rows = [
        (tpl.raw("label_name"), esc(req.name)),
        (tpl.raw("label_address"), esc(req.address)),
        (tpl.raw("label_contact"), esc(req.contact)),
    ]
    if req.proxy_name:
        rows.append((tpl.raw("label_proxy"), esc(req.proxy_name)))
    return rows


def name_label(who: Requester, tpl: Template, person_key: str = "label_name") -> str:
    """The label of the requester's name: a person's (e.g. "Nama (sesuai KTP)"), or what an organisation is
    named by ("Nama Badan Hukum", "Nama Kelompok"): a badan hukum has no KTP."""
    if who.kind == "badan_hukum":
        return tpl.raw("label_name_badan_hukum")
    if who.kind == "kelompok":
        return tpl.raw("label_name_kelompok")
    return tpl.raw(person_key)


def kuasa_rows(who: Requester, tpl: Template) -> list[tuple[str, str]]:
    """The kuasa's identity (name, address, contact; Perki 1/2021 and the keberatan form's "Identitas Kuasa
    Pemohon"): empty when the requester came in person."""
    if not who.proxy_name:
        return []
    rows = [(tpl.raw("label_proxy"), esc(who.proxy_name))]
    if who.proxy_address:
        rows.append((tpl.raw("label_proxy_address"), esc(who.proxy_address)))
    if who.proxy_phone:
        rows.append((tpl.raw("label_proxy_contact"), esc(who.proxy_phone)))
    return rows


def requester_signatory(who: Requester, tpl: Template) -> Signatory:
    """Who signs as the requester: the kuasa for whom they act, else for a badan hukum or a kelompok the
    person who signs on its behalf (a line for their name and position), else the requester."""
    if who.proxy_name:
        return Signatory(jabatan=tpl.plain("signer_proxy", name=who.name), name=who.proxy_name)
    if who.kind in ("badan_hukum", "kelompok"):
        return Signatory(jabatan=tpl.plain("signer_for", name=who.name), name=tpl.raw("signer_blank"))
    return Signatory(jabatan="", name=who.name)


def memo_header(
    number: str,
    date: dt.date,
    subject: str,
    nature: str,
    attachment: str,
    office: Office,
    addressee: Requester,
    tpl: Template,
    page: PageSpec,
    st: Styles,
    *,
    addressee_keys: tuple[str, str] = ("addressee_name", "addressee_at"),
    unknown_place: str = "",
) -> list[Flowable]:
    """Nomor/Sifat/Lampiran/Hal with the place-date line and the "Kepada Yth." block (surat dinas style).

    ``addressee_keys`` name the template lines for the addressee (a person by default; a public body for the
    forwarding letter). ``unknown_place`` replaces the address line when the address is not known ("di
    Tempat", not "di -"); empty keeps the line as letters issued before printed it."""
    width = page.frame_width
    rows = [
        (tpl.raw("label_letter_number"), esc(number)),
        (tpl.raw("label_nature"), esc(nature or tpl.raw("default_nature"))),
        (tpl.raw("label_attachment"), esc(attachment or "-")),
        (tpl.raw("label_subject"), f"<b>{esc(subject)}</b>"),
    ]
    left = field_table(rows, width * 0.62, st, label_ratio=0.2)
    addressee_lines = [tpl.fmt("addressee_to")] + [
        unknown_place
        if key == addressee_keys[-1] and unknown_place and not addressee.address.strip()
        else tpl.fmt(key, name=addressee.name, address=addressee.address or "-")
        for key in addressee_keys
    ]
    right = [Paragraph(line, st["left"]) for line in addressee_lines]
    head = Table(
        [[Paragraph(esc(place_date(office.city, date)), st["right"])]], colWidths=[width], hAlign="LEFT"
    )
    head.setStyle(TableStyle(_TIGHT))
    addr = Table([["", right]], colWidths=[width * 0.55, width * 0.45], hAlign="LEFT", splitInRow=1)
    addr.setStyle(TableStyle(_TIGHT))
    return [head, Spacer(1, 4), left, Spacer(1, 8), addr, Spacer(1, 10)]


def title_block(title: str, number: str, tpl: Template, st: Styles) -> list[Flowable]:
    """Centred bold title with "Nomor: …" under it (when the document has a letter number)."""
    out: list[Flowable] = [Paragraph(title, st["title"])]
    if number:
        out.append(Paragraph(f"{esc(tpl.raw('label_letter_number'))}: {esc(number)}", st["center"]))
    out.append(Spacer(1, 8))
    return out


def signature(
    signatory: Signatory,
    tpl: Template,
    page: PageSpec,
    st: Styles,
    *,
    city: str = "",
    date: dt.date | None = None,
    role: str = "",
    gap: float = 18 * mm,
) -> Flowable:
    """Right-hand signature block: place/date, jabatan, room for the signature/TTE, name, pangkat, NIP."""
    width = page.frame_width
    col = _signature_column(signatory, tpl, st, city=city, date=date, role=role, gap=gap)
    if page.frame_width < 100 * mm:
        return KeepTogether(col)
    table = Table([["", col]], colWidths=[width * 0.5, width * 0.5], hAlign="LEFT")
    table.setStyle(TableStyle(_TIGHT))
    return KeepTogether([Spacer(1, 6), table])


def _signature_column(
    signatory: Signatory, tpl: Template, st: Styles, *, city: str, date: dt.date | None, role: str, gap: float
) -> list[Flowable]:
    col: list[Flowable] = []
    if city and date is not None:
        col.append(Paragraph(esc(place_date(city, date)), st["center"]))
    if role:
        col.append(Paragraph(esc(role), st["center"]))
    if signatory.jabatan:
        col.append(Paragraph(esc(signatory.jabatan), st["center"]))
    col.append(Spacer(1, gap))
    col.append(Paragraph(f"<u><b>{esc(signatory.name)}</b></u>", st["center"]))
    if signatory.pangkat:
        col.append(Paragraph(esc(signatory.pangkat), st["center"]))
    if signatory.nip:
        col.append(Paragraph(f"{esc(tpl.raw('nip_label'))} {esc(group_nip(signatory.nip))}", st["center"]))
    return col


def two_signatures(
    left_role: str,
    left: Signatory,
    right_role: str,
    right: Signatory,
    tpl: Template,
    page: PageSpec,
    st: Styles,
    *,
    city: str = "",
    date: dt.date | None = None,
) -> Flowable:
    """Side-by-side signatures (officer and requester), e.g. on the form and the berita acara.

    The roles are template markup (may contain ``<br/>``); names and NIPs are escaped user text.
    """
    width = page.frame_width
    head: list[Flowable] = []
    if city and date is not None:
        head.append(Paragraph(esc(place_date(city, date)), st["right"]))
        head.append(Spacer(1, 4))
    gap = 16 * mm if page.frame_width > 100 * mm else 12 * mm

    def cell(text: str, bold: bool = False) -> Paragraph:
        return Paragraph(f"<u><b>{esc(text)}</b></u>" if bold else esc(text), st["center"])

    def nip(who: Signatory) -> str:
        return f"{tpl.raw('nip_label')} {group_nip(who.nip)}" if who.nip else ""

    rows = [
        [Paragraph(left_role, st["center"]), Paragraph(right_role, st["center"])],
        [cell(left.jabatan), cell(right.jabatan)],
        [Spacer(1, gap), ""],
        [cell(left.name, True), cell(right.name, True)],
        [cell(left.pangkat), cell(right.pangkat)],
        [cell(nip(left)), cell(nip(right))],
    ]
    rows = [r for r in rows if any(getattr(c, "text", c) for c in r) or isinstance(r[0], Spacer)]
    table = Table(rows, colWidths=[width / 2, width / 2], hAlign="LEFT")
    table.setStyle(TableStyle(_TIGHT))
    return KeepTogether([Spacer(1, 6), *head, table])


def grid_table(data: list[list[Flowable | str]], widths: Sequence[float], *, header_rows: int = 1) -> Table:
    """A ruled table (costs, timeline) that repeats its header and splits long rows across pages."""
    table = Table(data, colWidths=list(widths), repeatRows=header_rows, splitInRow=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.Color(0.9, 0.9, 0.9)),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def deadline_markup(deadline: Deadline | None, tpl: Template, *, fallback_key: str = "") -> str:
    """ "<b>Selasa, 7 April 2026</b> (10 hari kerja …)" using the template keys ``deadline``/``deadline_basis``."""
    if deadline is None:
        return tpl.fmt(fallback_key) if fallback_key else "-"
    day = format_date_long(deadline.due)
    if deadline.basis:
        return tpl.fmt("deadline_basis", date=day, basis=deadline.basis)
    return tpl.fmt("deadline", date=day)


def bullet_list(items: Sequence[str], st: Styles, *, style: str = "left") -> list[Flowable]:
    """Numbered list of user items (missing documents, handed-over items), each wrapping on its own."""
    return [
        Paragraph(
            f"{i}. {esc(item)}",
            ParagraphStyle(f"li{i}", parent=st[style], leftIndent=12, firstLineIndent=-12),
        )
        for i, item in enumerate(items, start=1)
    ]

"""Formulir Permohonan Informasi Publik, pre-filled from the register and printed in two copies.

Each copy starts on a new page and carries its own label; the requester's copy with the registration number
and the officer's signature is the tanda bukti (Perki 1/2010 practice).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from app.documents.base import PageSpec, build_pdf, esc, letter_page, page_footer, styles
from app.documents.keep import keep_ending
from app.documents.letter import checkbox
from app.documents.parts import (
    Styles,
    field_table,
    kop,
    kuasa_rows,
    name_label,
    requester_signatory,
    title_block,
    two_signatures,
)
from app.documents.snapshot import FormSnapshot, Signatory
from app.documents.templates import Template, template_for


def _delivery_index(method: str, options: tuple[str, ...]) -> int:
    wanted = method.strip().lower()
    for i, option in enumerate(options):
        if option.lower() == wanted:
            return i
    return -1


def _copy(snap: FormSnapshot, label: str, tpl: Template, page: PageSpec, st: Styles) -> list[Flowable]:
    req, who = snap.request, snap.requester
    story: list[Flowable] = kop(snap.office, tpl, page, st)
    story.append(Paragraph(f"<i>{esc(label)}</i>", st["right"]))
    story += title_block(tpl.fmt("title"), "", tpl, st)
    obtain = tpl.lines("obtain_options")
    obtain_markup = "<br/>".join(
        f"{i}. {checkbox(sel)} {esc(text)}"
        for i, (text, sel) in enumerate(
            zip(obtain, (req.obtain_method == "melihat", req.obtain_method == "salinan"), strict=False),
            start=1,
        )
    )
    if req.obtain_method == "salinan" and req.copy_format:
        obtain_markup += f" – {esc(req.copy_format)}"
    options = tpl.lines("delivery_options")
    chosen = _delivery_index(req.delivery_method, options)
    delivery_markup = "<br/>".join(
        f"{i}. {checkbox(i - 1 == chosen)} {esc(text)}" for i, text in enumerate(options, start=1)
    )
    if chosen < 0 and req.delivery_method:
        delivery_markup += f"<br/>{checkbox(True)} {esc(req.delivery_method)}"
    rows = [
        (tpl.raw("label_registration_form"), f"<b>{esc(req.registration_number)}</b>"),
        (tpl.raw("label_name_form"), esc(who.name)),
        (tpl.raw("label_nik"), esc(who.nik)),
        (tpl.raw("label_address"), esc(who.address)),
        (tpl.raw("label_occupation"), esc(who.occupation)),
        (tpl.raw("label_contact"), esc(who.contact)),
        (
            tpl.raw("label_information"),
            f"{esc(req.information)}<br/><font size='{page.base_size * 0.8}'>{esc(tpl.raw('label_more_paper'))}</font>",
        ),
        (tpl.raw("label_purpose"), esc(req.purpose)),
        (tpl.raw("label_obtain_form"), obtain_markup),
        (tpl.raw("label_delivery_form"), delivery_markup),
    ]
    requester = Signatory(jabatan="", name=who.name)
    if snap.identity_layout >= 2:
        rows[1] = (name_label(who, tpl, "label_name_form"), esc(who.name))
        rows[6:6] = kuasa_rows(who, tpl)
        requester = requester_signatory(who, tpl)
    elif who.proxy_name:
        rows.insert(6, (tpl.raw("label_proxy"), esc(who.proxy_name)))
    story.append(field_table(rows, page.frame_width, st, label_ratio=0.33))
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
            date=snap.letter.date,
        )
    )
    notes = [Paragraph(esc(note), st["small"]) for note in tpl.lines("notes")]
    story += [Spacer(1, 8), *notes]
    if snap.page_layout >= 2:  # the signatures and the footnotes stay with the field table's last lines
        fields = len(story) - len(notes) - 3
        story[fields:] = keep_ending(
            story[fields : fields + 1], story[fields + 1 :], leading=st["body"].leading
        )
    return story


class _LembarStart(Flowable):
    """Zero-size mark at the start of a lembar: notes the page it lands on, for the lembar's own numbering."""

    def __init__(self, starts: list[int]) -> None:
        super().__init__()
        self._starts = starts

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        return 0.0, 0.0

    def draw(self) -> None:
        self._starts.append(self.canv.getPageNumber())


def _lembar_page(starts: list[int], number: int, total: int) -> tuple[int, int]:
    """(page within its lembar, pages of that lembar) for page ``number`` of ``total``."""
    begun = [p for p in sorted(set(starts)) if p <= number] or [1]
    later = [p for p in sorted(set(starts)) if p > number]
    first = begun[-1]
    return number - first + 1, (later[0] if later else total + 1) - first


def render_form(snap: FormSnapshot, paper: str = "A4") -> bytes:
    tpl = template_for("form", snap.wording)
    page = letter_page(paper)
    st = styles(page.base_size)
    labels = tpl.lines("copy_labels")
    story: list[Flowable] = []
    starts: list[int] = []
    for i in range(max(snap.copies, 1)):
        if i:
            story.append(PageBreak())
        if snap.page_layout >= 2:
            story.append(_LembarStart(starts))
        label = labels[i] if i < len(labels) else labels[-1]
        story += _copy(snap, label, tpl, page, st)
    if snap.page_layout >= 2:  # each lembar is a document of its own: "Halaman 1 dari 1" on each

        def lembar_of(n: int, t: int) -> str:
            local, pages = _lembar_page(starts, n, t)
            return tpl.plain("page_of", page=str(local), pages=str(pages))

        footer = page_footer(lembar_of, page, always=True)
    else:
        footer = page_footer(lambda n, t: tpl.plain("page_of", page=str(n), pages=str(t)), page)
    return build_pdf(
        story, page, title=tpl.plain("title"), subject=snap.request.registration_number, on_page=footer
    )

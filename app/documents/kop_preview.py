"""The kop surat alone, rendered by the letters' own code, for the preview in the wizard and the settings.

Why: the preview used to be a hand-made HTML imitation that left out what the renderer adds under the office
lines (the address and the contact line), so an administrator could not see that a kop line repeating the
address printed twice. Here the kop goes through ``parts.kop`` on the paper of a letter, exactly as it prints,
on a page cut to its height; the UI only turns the PDF into a picture. The ``Office`` it gets is built by
``app.services.letter_snapshots.office_from_values``, the function every letter's snapshot goes through.
"""

from __future__ import annotations

from reportlab.lib.units import mm

from app.documents.base import PageSpec, build_pdf, fit_height, letter_page, styles
from app.documents.parts import kop
from app.documents.snapshot import Office
from app.documents.templates import load_template


def render_kop(office: Office, *, paper: str = "A4") -> bytes:
    """A one-page PDF holding only the kop of a letter on ``paper`` (the paper's width, the kop's height)."""
    tpl, _warnings = load_template("notice")
    page = letter_page(paper)
    st = styles(page.base_size)
    story = kop(office, tpl, page, st)
    margin = page.safe
    tight = PageSpec(page.name, page.width, page.height, page.left, page.right, margin, margin, margin,
                     page.base_size)  # fmt: skip
    return build_pdf(story, fit_height(story, tight, slack=2 * mm), title="Kop surat")

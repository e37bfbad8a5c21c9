"""Page layout over a sweep of request lengths: no page holds only the ending (closing, place and date,
signature) or only footnotes; the ending always follows some body text on its page.

Measured on main before the fix: 16–19 of 80 lengths between 440 and 1,200 characters left the signature or a
footnote alone on the last page of the notice, rejection, extension, incomplete and forward letters, the A5
receipt and the dossier."""

from __future__ import annotations

import dataclasses
import re

import pytest
from doc_samples import OFFICER, PPID, page_texts, sample
from property_examples import sweep

from app.documents import render
from app.documents.snapshot import Snapshot

_WORDS = (
    "Salinan dokumen rencana anggaran biaya pembangunan jalan lingkungan RT 03 RW 05 tahun anggaran 2025 "
    "beserta laporan realisasinya dan daftar penerima manfaat per kelurahan. "
)
LENGTHS = [440 + i * (1200 - 440) // 39 for i in range(40)]
_FOOTER = re.compile(r"\s*Halaman \d+ dari \d+\s*$")

#: kind -> (paper, the text the ending starts with, who signs, footnotes that must never open a page)
CASES: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "notice": ("A4", "Biaya penyalinan dan/atau", PPID.name, ("Biaya penyalinan",)),
    "rejection": ("A4", "Serang, 16 Maret 2026", PPID.name, ()),
    "extension": ("A4", "Demikian pemberitahuan", PPID.name, ()),
    "incomplete": ("A4", "Demikian pemberitahuan", PPID.name, ()),
    "forward": ("A4", "Demikian", PPID.name, ("Tembusan",)),
    "handover": ("A4", "Demikian berita acara", OFFICER.name, ()),
    "receipt": ("A5", "Simpan tanda bukti", OFFICER.name, ("Simpan tanda bukti",)),
    "receipt_a4": ("A4", "Simpan tanda bukti", OFFICER.name, ("Simpan tanda bukti",)),
    "receipt_incomplete": ("A5", "Permohonan belum dapat diproses", OFFICER.name, ("Simpan tanda bukti",)),
    "form": ("A4", "Serang, 16 Maret 2026", OFFICER.name, ("* Diisi", "** Pilih", "*** Coret")),
    "dossier": ("A4", "Dicetak pada", PPID.name, ()),
    # the keberatan: its form (kasus posisi swept) and, on its own page, its tanda bukti
    "objection": ("A4", "Demikian keberatan|Simpan tanda bukti ini.", OFFICER.name, ("* Diisi", "** Diisi")),
}


def _with_information(kind: str, length: int) -> Snapshot:
    snap = sample(kind.removesuffix("_a4"))
    text = (_WORDS * 20)[:length].rstrip()
    if kind == "objection":  # its long text is the kasus posisi
        return dataclasses.replace(snap, case=text)  # type: ignore[type-var]
    return dataclasses.replace(snap, request=dataclasses.replace(snap.request, information=text))  # type: ignore[type-var]


def lone_endings(pages: list[str], ending: str, signer: str, footnotes: tuple[str, ...]) -> list[str]:
    """What is wrong with ``pages`` (a PDF's page texts): a signature without its ending start, an ending with
    no body text before it on its page, a page opening with a footnote."""
    problems = []
    endings = ending.split("|")  # several parts of one document, each with its own ending
    for number, page in enumerate(pages, start=1):
        text = _FOOTER.sub("", page)
        for start in (m for e in endings for m in re.finditer(re.escape(e), text)):
            if not text[: start.start()].strip():
                problems.append(f"halaman {number}: penutup tanpa isi surat: {text[:80]!r}")
        if signer in text and not any(e in text for e in endings):
            problems.append(f"halaman {number}: tanda tangan terpisah dari penutup: {text[:80]!r}")
        if any(text.startswith(note) for note in footnotes):
            problems.append(f"halaman {number}: hanya catatan kaki: {text[:80]!r}")
    return problems


@pytest.mark.parametrize("kind", sorted(CASES))
def test_no_page_holds_only_the_ending_over_a_sweep_of_request_lengths(kind: str) -> None:
    paper, ending, signer, footnotes = CASES[kind]
    bad: dict[int, list[str]] = {}
    pages: set[int] = set()
    for length in sweep(LENGTHS):  # all 40 in the full run, 11 in the fast subset
        texts = page_texts(render(_with_information(kind, length), paper))
        pages.add(len(texts))
        if found := lone_endings(texts, ending, signer, footnotes):
            bad[length] = found
    assert not bad, f"{len(bad)} dari {len(LENGTHS)} panjang: {bad}"
    if not kind.startswith("receipt"):  # the receipt prints the first 400 characters only
        assert max(pages) > 1, "the sweep must reach a second page"


def test_the_check_sees_a_signature_alone_on_a_page() -> None:
    """The detector itself: a page with only the signature block is reported."""
    from reportlab.platypus import PageBreak, Paragraph

    from app.documents.base import build_pdf, letter_page, styles
    from app.documents.parts import signature
    from app.documents.templates import template_for

    page = letter_page("A4")
    st = styles(page.base_size)
    tpl = template_for("rejection", {})
    story = [Paragraph("Isi surat.", st["body"]), PageBreak(), signature(PPID, tpl, page, st, city="Serang")]
    assert lone_endings(page_texts(build_pdf(story, page, title="t")), "Demikian", PPID.name, ())


@pytest.mark.parametrize("length", [100, 1100])
def test_each_lembar_of_the_form_is_numbered_on_its_own(length: int) -> None:
    pages = page_texts(render(_with_information("form", length)))
    per_lembar = len(pages) // 2
    expected = [f"Halaman {n} dari {per_lembar}" for n in range(1, per_lembar + 1)] * 2
    assert [re.findall(r"Halaman \d+ dari \d+", p)[-1] for p in pages] == expected


def test_forward_letter_to_a_body_without_a_known_address_says_di_tempat() -> None:
    snap = dataclasses.replace(sample("forward"), holder_address="")  # type: ignore[type-var]
    letter = page_texts(render(snap))[-1]
    assert "Kepada Yth. PPID Dinas Kependudukan dan Pencatatan Sipil Kota Serang di Tempat" in letter
    assert "di -" not in letter
    known = page_texts(render(sample("forward")))[-1]
    assert "Pencatatan Sipil Kota Serang di Jl. Jenderal Sudirman, Kota Serang" in known


#: the lines that introduce what follows them (a point of the notice, "Biaya:", "… sebagai berikut:"), per kind
LEAD_INS: dict[str, tuple[str, ...]] = {
    "notice": ("Pemberitahuan sebagai berikut:", "1. Penguasaan informasi publik", "2. Bentuk fisik yang tersedia",
               "3. Biaya yang dibutuhkan", "4. Waktu penyediaan",
               "5. Penjelasan penghitaman/pengaburan informasi yang dimohon"),
    "handover": ("Informasi yang diserahkan:", "Biaya:"),
    "incomplete": ("adalah sebagai berikut:",),
    "rejection": ("Atas permohonan informasi:", "didasarkan pada alasan:", "konsekuensi sebagai berikut:",
                  "Dengan demikian menyatakan bahwa:"),
    "forward": ("dikuasai oleh:",),
}  # fmt: skip
#: 400 to 2,400 characters: the lengths at which a real print ended a page on "Biaya:" (handover, 1,500) and on
#: "5. Penjelasan penghitaman…" (notice, 1,500) lie inside, between the existing sweep's points
LONG_LENGTHS = [400 + i * 25 for i in range(81)]


def lone_lead_ins(pages: list[str], lead_ins: tuple[str, ...]) -> list[str]:
    """Pages (but the last) whose text ends with a line that introduces what follows, which went on the next."""
    return [
        f"halaman {number}: berakhir dengan {text[-60:]!r}"
        for number, page in enumerate(pages[:-1], start=1)
        if (text := _FOOTER.sub("", page).rstrip()).endswith(lead_ins)
    ]


@pytest.mark.parametrize("kind", sorted(LEAD_INS))
def test_no_page_ends_with_a_line_that_introduces_the_next(kind: str) -> None:
    """Seen on real prints: the berita acara's "Biaya:" closed page 1 with "Tidak dipungut biaya" on page 2, and
    the notice's "5. Penjelasan penghitaman/pengaburan …" closed page 1 with its answer on page 2."""
    bad = {}
    for length in sweep(LONG_LENGTHS):
        if found := lone_lead_ins(page_texts(render(_with_information(kind, length))), LEAD_INS[kind]):
            bad[length] = found
    assert not bad, f"{len(bad)} dari {len(LONG_LENGTHS)} panjang: {bad}"


def test_letters_issued_before_keep_their_page_breaks() -> None:
    """A letter stored with ``page_layout`` 2 reprints as it was issued, its lead-in at the page's end included."""
    snap = _with_information("notice", 425)
    assert lone_lead_ins(page_texts(render(snap)), LEAD_INS["notice"]) == []
    before = dataclasses.replace(snap, page_layout=2)  # type: ignore[type-var]
    assert lone_lead_ins(page_texts(render(before)), LEAD_INS["notice"])

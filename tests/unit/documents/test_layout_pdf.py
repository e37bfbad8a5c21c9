"""Layout: nothing printed in the unprintable margin, long inputs wrap onto further pages, the 80 mm roll fits."""

from __future__ import annotations

import pytest
from doc_samples import LONG_NAME, LONG_TEXT, ink_outside_margin, page_sizes_mm, page_texts, pdf_text, sample

from app.documents import render
from app.documents.kinds import RECORD_DOCUMENTS
from app.documents.samples import samples_of

#: The samples of every document about one request or keberatan (its letters and the dossier).
LETTER_KINDS = [name for kind in RECORD_DOCUMENTS for name in samples_of(kind)]


@pytest.mark.parametrize("kind", [*LETTER_KINDS, *samples_of("register")])
def test_nothing_is_drawn_in_the_printer_margin(kind: str) -> None:
    pdf = render(sample(kind))
    assert ink_outside_margin(pdf, 10) == []


@pytest.mark.parametrize("kind", LETTER_KINDS)
def test_long_request_and_names_wrap_and_stay_inside(kind: str) -> None:
    pdf = render(sample(kind, long=True))
    assert ink_outside_margin(pdf, 10) == []
    text = pdf_text(pdf)
    # The long name is printed in full (wrapped, not cut): check its first and last words.
    assert "Raden Mas Muhammad" in text
    assert LONG_NAME.split()[-1] in text


@pytest.mark.parametrize("kind", ["form", "notice", "rejection", "incomplete", "extension"])
def test_two_thousand_character_request_continues_on_the_next_page(kind: str) -> None:
    assert len(LONG_TEXT) >= 2000
    pdf = render(sample(kind, long=True))
    pages = page_texts(pdf)
    assert len(pages) > len(page_texts(render(sample(kind))))
    # The request text is split across a page break (not pushed whole, not cut) ...
    assert len([p for p in pages if "laporan realisasinya" in p]) >= 2
    # ... and every one of its 17 sentences is printed.
    assert pdf_text(pdf).count("realisasinya") >= 17


@pytest.mark.parametrize("paper, width_mm, height_mm", [("A4", 210, 297), ("A5", 148, 210)])
def test_receipt_paper_sizes(paper: str, width_mm: float, height_mm: float) -> None:
    sizes = page_sizes_mm(render(sample("receipt"), paper))
    assert sizes[0] == pytest.approx((width_mm, height_mm), abs=0.5)


@pytest.mark.parametrize("kind", ["receipt", "receipt_incomplete"])
@pytest.mark.parametrize("long", [False, True])
def test_thermal_receipt_is_80mm_wide_one_page_and_fits(kind: str, long: bool) -> None:
    pdf = render(sample(kind, long=long), "thermal80")
    sizes = page_sizes_mm(pdf)
    assert len(sizes) == 1, "the roll receipt must be one continuous page"
    assert sizes[0][0] == pytest.approx(80, abs=0.1)
    assert ink_outside_margin(pdf, 4, scale=2) == []
    text = pdf_text(pdf)
    assert "PPID-CPJ/0012/III/2026" in text
    assert "Siti Aminah, S.Sos." in text  # the last block made it onto the page


def test_register_is_landscape_a4_or_f4() -> None:
    a4 = page_sizes_mm(render(sample("register")))[0]
    f4 = page_sizes_mm(render(sample("register_objections")))[0]
    assert a4 == pytest.approx((297, 210), abs=0.5)
    assert f4 == pytest.approx((330, 215), abs=0.5)


def test_unknown_receipt_paper_is_refused() -> None:
    with pytest.raises(ValueError):
        render(sample("receipt"), "Letter")


def _fonts(pdf: bytes) -> dict[str, bool]:
    """BaseFont name -> whether the font program is embedded."""
    import io

    import pypdf

    found: dict[str, bool] = {}
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            embedded = bool(descriptor) and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = embedded
    return found


@pytest.mark.parametrize("kind", [*LETTER_KINDS, *samples_of("register")])
def test_every_font_is_embedded_and_no_base14_font_is_referenced(kind: str) -> None:
    fonts = _fonts(render(sample(kind)))
    assert fonts, "no fonts found"
    assert all(fonts.values()), fonts
    assert all("LiberationSans" in name for name in fonts), fonts


def test_qr_code_modules_match_the_symbol_for_the_number() -> None:
    """Rasterise the QR flowable and compare every module with segno's symbol (catches flips and offsets)."""
    import pypdfium2 as pdfium
    import segno
    from reportlab.lib.units import mm

    from app.documents.base import build_pdf, thermal_page
    from app.documents.receipt import QrCode

    number = "PPID-CPJ/0012/III/2026"
    page = thermal_page().with_height(60 * mm)
    size = 40 * mm
    pdf = build_pdf([QrCode(number, size)], page, title="qr")
    scale = 8
    image = pdfium.PdfDocument(pdf)[0].render(scale=scale).to_pil().convert("L")
    symbol = segno.make_qr(number, error="m", boost_error=False).matrix
    quiet = [0] * (len(symbol) + 8)
    matrix = (
        [quiet] * 4 + [[0] * 4 + list(row) + [0] * 4 for row in symbol] + [quiet] * 4
    )  # 4-module quiet zone
    n = len(matrix)
    module = size / n * scale
    left, top = page.left * scale, page.top * scale
    wrong = sum(
        int(
            (image.getpixel((int(left + (c + 0.5) * module), int(top + (r + 0.5) * module))) < 128)
            != bool(matrix[r][c])
        )
        for r in range(n)
        for c in range(n)
    )
    assert wrong == 0
    assert "PPID-CPJ/0012/III/2026" in pdf_text(render(sample("receipt"), "thermal80"))

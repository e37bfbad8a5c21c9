"""The receipt's QR code scans from an 80 mm roll print: rasterised at a thermal printer's 203 dpi, it decodes
(zxing-cpp) to the registration number as a full QR symbol (segno chose Micro QR for short numbers, which phone
apps do not read); it keeps the standard's mask selection (ISO/IEC 18004 penalty rules, as segno applies them)
and a quiet zone of 4 modules on every side."""

from __future__ import annotations

import dataclasses

import pypdfium2 as pdfium
import pytest
import segno
from doc_samples import sample

from app.documents import render
from app.documents.receipt import QrCode

zxingcpp = pytest.importorskip("zxingcpp", reason="zxing-cpp (dev dependency) decodes the printed QR code")

PAYLOADS = ("CPJ/2026/A-0001", "KEC-CIPOCOK.JAYA/2026/AB-012345")


def _raster(pdf: bytes, dpi: int) -> object:
    doc = pdfium.PdfDocument(pdf)
    try:
        return doc[0].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        doc.close()


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("paper", ["thermal80", "A5"])
def test_the_printed_qr_code_decodes_to_the_registration_number(payload: str, paper: str) -> None:
    snap = dataclasses.replace(sample("receipt"), qr_payload=payload)  # type: ignore[type-var]
    image = _raster(render(snap, paper), 203)
    found = [r for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]
    assert [r.text for r in found] == [payload]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_matrix_uses_the_standards_mask_and_a_four_module_quiet_zone(payload: str) -> None:
    qr = QrCode(payload, 26)
    best = segno.make_qr(payload, error="m", boost_error=False)
    symbol = [bytes(row) for row in best.matrix]
    n = len(symbol)
    assert qr.mask == best.mask
    assert len(qr.matrix) == n + 8 and all(len(row) == n + 8 for row in qr.matrix)
    inner = [row[4 : 4 + n] for row in qr.matrix[4 : 4 + n]]
    assert inner == symbol
    border = [
        v
        for r, row in enumerate(qr.matrix)
        for c, v in enumerate(row)
        if not (4 <= r < 4 + n and 4 <= c < 4 + n)
    ]
    assert not any(border)


def test_a_receipt_stored_before_keeps_its_qr_drawing_and_a_new_one_gets_the_standard_one() -> None:
    """Reprints are byte-identical: a stored receipt without ``qr_style`` is drawn as it was printed."""
    from app.documents.snapshot import ReceiptSnapshot, Snapshot

    new = sample("receipt")
    stored = new.to_dict()
    assert stored["data"]["qr_style"] == "iso"
    assert Snapshot.from_dict(stored) == new
    del stored["data"]["qr_style"]
    old = Snapshot.from_dict(stored)
    assert isinstance(old, ReceiptSnapshot) and old.qr_style == "mask0"
    assert render(old, "thermal80") != render(new, "thermal80")

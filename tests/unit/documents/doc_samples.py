"""Sample snapshots for every document kind (from ``app.documents.samples``, which ``ppid-desk --self-check``
also renders), plus PDF inspection helpers used by the document tests."""

from __future__ import annotations

import io

import pypdf
import pypdfium2 as pdfium
from pdf_text import page_texts, pdf_text  # noqa: F401 - re-exported for the document tests

from app.documents.samples import (  # noqa: F401 - re-exported for the document tests
    COSTS,
    COSTS_TOTAL_TEXT,
    COSTS_WORDS,
    LETTER_NO,
    LONG_NAME,
    LONG_TEXT,
    NIP,
    NIP_GROUPED,
    OFFICE,
    OFFICER,
    PPID,
    REG_NO,
    register_sample,
    sample,
)


def page_sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [(float(p.mediabox.width) * 25.4 / 72, float(p.mediabox.height) * 25.4 / 72) for p in reader.pages]


def ink_outside_margin(pdf: bytes, margin_mm: float, *, scale: float = 1.0) -> list[str]:
    """Pages (1-based) with non-white pixels closer than ``margin_mm`` to an edge; empty list = all clean."""
    problems: list[str] = []
    doc = pdfium.PdfDocument(pdf)
    try:
        for index in range(len(doc)):
            image = doc[index].render(scale=scale).to_pil().convert("L")
            width, height = image.size
            px_per_mm = width / (doc[index].get_width() * 25.4 / 72)
            m = int(margin_mm * px_per_mm)
            inner = image.point(lambda v: 255 if v > 245 else 0)
            for name, box in (
                ("kiri", (0, 0, m, height)),
                ("kanan", (width - m, 0, width, height)),
                ("atas", (0, 0, width, m)),
                ("bawah", (0, height - m, width, height)),
            ):
                if inner.crop(box).getextrema()[0] == 0:
                    problems.append(f"halaman {index + 1}: tinta di margin {name}")
    finally:
        doc.close()
    return problems


def has_ink(pdf: bytes) -> bool:
    doc = pdfium.PdfDocument(pdf)
    try:
        image = doc[0].render(scale=0.5).to_pil().convert("L")
        return image.getextrema()[0] < 128
    finally:
        doc.close()

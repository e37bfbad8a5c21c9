"""The text of a real PDF, as the tests read it: the text layer extracted by pdfium (the PDF engine of Chrome;
already used by the layout tests), whitespace collapsed so that wrapped phrases still match.

Why pdfium and one place: every document test extracts the text of what it printed, and pypdf's pure-Python
extraction took about 25 ms a letter (the page-layout sweep alone extracted 960 of them); pdfium gives the
same collapsed text (compared on every sample kind at five request lengths) in a tenth of the time. pypdf
stays where a test reads the PDF's structure (page sizes, metadata)."""

from __future__ import annotations

import pypdfium2 as pdfium

#: pdfium reports a hyphen that ends a line as this marker (it takes it for a soft hyphen); the documents never
#: hyphenate words, so it is a printed hyphen where a number such as ``CPJ/2026/A-0001`` wraps in a column.
_WRAPPED_HYPHEN = "\ufffe"


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page, whitespace collapsed."""
    doc = pdfium.PdfDocument(pdf)
    try:
        texts = []
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            texts.append(" ".join(textpage.get_text_range().replace(_WRAPPED_HYPHEN, "-").split()))
            textpage.close()
            page.close()
        return texts
    finally:
        doc.close()


def pdf_text(pdf: bytes) -> str:
    """All the text of the PDF, whitespace collapsed."""
    return " ".join(page_texts(pdf))

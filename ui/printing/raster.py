"""Print a PDF through a ``QPrinter``: the path for printers that cannot be handed the PDF itself (Windows).

Why pictures: the desk must not depend on a PDF viewer being installed, and QtPdf can only render a page to an
image. ``QPdfDocument`` renders each page at the printer's resolution capped at ``RASTER_DPI`` and ``QPainter``
puts it on the ``QPrinter``'s page, which is the PDF page's own size and orientation (``paper.page_size``), so an
F4 letter prints on F4 and the roll receipt keeps its length. 200 dpi keeps 6.5-point register text crisp while
a page costs about half of what 300 dpi does. Pages stay as QtPdf renders them (colour on a transparent
background): composed on white as greyscale they made a larger spool in Qt's PDF output (165 MB against 80 MB
for the 184-page register), not a smaller one. A ``QPrinter`` that writes a PDF file (Qt's "print to file") gets
the original bytes instead of pictures of them.

Safe off the GUI thread (Qt allows painting on a ``QPrinter`` there); ``progress(done, total)`` is called after
each sheet and ``cancelled`` is checked before each, aborting the job at the spooler.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
)
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from ui.printing.paper import page_size, paper_of

RASTER_DPI = 200
Progress = Callable[[int, int], None]


class PrintError(Exception):
    """A print job failed; ``str()`` is a plain Indonesian sentence for the officer."""


class PrintCancelled(PrintError):
    """The officer cancelled the job before all of it reached the printer."""

    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate("PrintService", "Pencetakan dibatalkan."))


def page_layout(points: QSizeF) -> QPageLayout:
    """The printer page for a PDF page of ``points``: its own size, landscape when it is (the registers), no
    margins (the PDF has its own)."""
    landscape = points.width() > points.height() and paper_of(points) != "thermal80"
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(page_size(points), orientation, QMarginsF())


def open_document(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise PrintError(
            QCoreApplication.translate("PrintService", "Dokumen PDF tidak dapat dibaca untuk dicetak.")
        )
    return document, buffer


def document_pages(pdf: bytes) -> tuple[int, QSizeF]:
    """The page count and the first page's size in points (raises ``PrintError`` for an unreadable PDF)."""
    document, buffer = open_document(pdf)
    try:
        return document.pageCount(), document.pagePointSize(0)
    finally:
        document.close()
        buffer.close()


def _set_layout(printer: QPrinter, points: QSizeF) -> None:
    layout = page_layout(points)
    if not printer.setPageLayout(layout):
        printer.setPageSize(layout.pageSize())
        printer.setPageOrientation(layout.orientation())


def paint_pdf(
    pdf: bytes,
    printer: QPrinter,
    *,
    raster: bool | None = None,
    progress: Progress | None = None,
    cancelled: threading.Event | None = None,
) -> int:
    """Print every page of ``pdf`` on ``printer``, each on a page of its own size; returns the page count.

    ``raster=None`` copies the bytes when the printer writes a PDF file and rasterises otherwise.
    """
    target = printer.outputFileName()
    if raster is None:
        raster = not (printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and target)
    document, buffer = open_document(pdf)
    pages = document.pageCount()
    if not raster:
        path = Path(target)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pdf)
        document.close()
        buffer.close()
        if progress is not None:
            progress(pages, pages)
        return pages
    copies = max(1, printer.copyCount())
    if copies > 1 and not printer.supportsMultipleCopies():
        printer.setCopyCount(1)  # the spooler cannot repeat the job (no CUPS): send the pages again ourselves
    else:
        copies = 1
    printer.setFullPage(True)
    _set_layout(printer, document.pagePointSize(0))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(
            QCoreApplication.translate(
                "PrintService",
                "Printer '{0}' tidak dapat dipakai. Periksa apakah printer menyala dan tersambung.",
            ).format(printer.printerName() or target)
        )
    total = copies * pages
    try:
        dpi = min(printer.resolution(), RASTER_DPI)
        for sheet, index in enumerate(index for _copy in range(copies) for index in range(pages)):
            if cancelled is not None and cancelled.is_set():
                printer.abort()
                raise PrintCancelled()
            points = document.pagePointSize(index)
            if sheet:
                _set_layout(printer, points)  # applies to the page newPage() starts
                if not printer.newPage():
                    raise PrintError(
                        QCoreApplication.translate(
                            "PrintService", "Printer menolak halaman berikutnya; pencetakan dihentikan."
                        )
                    )
            image = document.render(
                index, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            )
            if image.isNull():
                raise PrintError(
                    QCoreApplication.translate(
                        "PrintService", "Halaman {0} tidak dapat digambar untuk dicetak."
                    ).format(index + 1)
                )
            paper_rect = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            scale = min(paper_rect.width() / points.width(), paper_rect.height() / points.height())
            width, height = points.width() * scale, points.height() * scale
            left = paper_rect.left() + (paper_rect.width() - width) / 2  # centred across, from the top
            painter.drawImage(QRectF(left, paper_rect.top(), width, height), image)
            if progress is not None:
                progress(sheet + 1, total)
    finally:
        if painter.isActive():
            painter.end()
        document.close()
        buffer.close()
    return pages

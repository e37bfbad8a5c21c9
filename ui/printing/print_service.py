"""Send a document's PDF bytes to a printer, or, on a PC without any printer, save it and open it.

Why raster printing through QtPdf: the desk prints PDFs made by reportlab and must not depend on a PDF viewer
being installed. ``QPdfDocument`` renders each page to an image at the printer's resolution (capped at 300 dpi:
a 1200 dpi A4 page would be half a gigabyte), and ``QPainter`` puts it on the ``QPrinter``'s page. Qt allows
painting on a ``QPrinter`` outside the GUI thread, so the whole job runs on a worker and the window stays
responsive. A ``QPrinter`` that writes a PDF file (Qt's "print to file") gets the original bytes instead of
pictures of them: lossless, with searchable text and embedded fonts.

Which printer: the one named in the settings for the kind if this PC has it, else the PC's default printer.
With no printer at all the PDF goes to ``<data_dir>/printouts/<kind's file stem>-<number>.pdf`` and is opened with the
system viewer (``QDesktopServices.openUrl``; injectable so tests do not launch one).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from app.documents.kinds import BY_CODE
from ui.kit.tasks import submit
from ui.printing.printer_settings import PrintingSettings

MAX_DPI = 300
F4_MM = QSizeF(215, 330)


class PrintError(Exception):
    """A print job failed; ``str()`` is a plain Indonesian sentence for the officer."""


class PrinterDirectory(Protocol):
    def names(self) -> list[str]: ...

    def default(self) -> str | None: ...


class QtPrinters:
    """The printers this PC knows (CUPS / Windows spooler) as Qt reports them."""

    def names(self) -> list[str]:
        return list(QPrinterInfo.availablePrinterNames())

    def default(self) -> str | None:
        info = QPrinterInfo.defaultPrinter()
        return None if info.isNull() else info.printerName()


def make_printer(name: str) -> QPrinter:
    """A high-resolution ``QPrinter`` for the named printer; refuses a name the PC does not know (Qt would
    quietly fall back to another printer)."""
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        raise LookupError(name)
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def resolve_printer(configured: str, directory: PrinterDirectory) -> str | None:
    """The configured printer if present on this PC, else the default printer, else ``None``."""
    names = directory.names()
    if configured and configured in names:
        return configured
    return directory.default() or None


def file_name(kind: str, number: str) -> str:
    """The name a document's PDF is offered or saved under: the kind's Indonesian stem and its number."""
    stem = BY_CODE[kind].file_stem if kind in BY_CODE else safe_name(kind)
    return f"{stem}-{safe_name(number)}.pdf"


def safe_name(text: str) -> str:
    """A file-name-safe form of a registration number such as ``0001/PPID/XI/2026``."""
    return re.sub(r"[^0-9A-Za-z._-]+", "-", text).strip("-.") or "dokumen"


def page_layout(paper: str, page_points: QSizeF) -> QPageLayout:
    """The printer page for ``paper``, turned landscape when the PDF page is (the registers); the roll
    receipt takes the PDF page's own size (80 mm wide, height fitted to its content)."""
    landscape = page_points.width() > page_points.height()
    if paper == "thermal80":
        size = QPageSize(page_points, QPageSize.Unit.Point, "Rol 80 mm", QPageSize.SizeMatchPolicy.ExactMatch)
        landscape = False
    elif paper == "F4":
        size = QPageSize(F4_MM, QPageSize.Unit.Millimeter, "F4", QPageSize.SizeMatchPolicy.ExactMatch)
    elif paper == "A5":
        size = QPageSize(QPageSize.PageSizeId.A5)
    else:
        size = QPageSize(QPageSize.PageSizeId.A4)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(size, orientation, QMarginsF())


def _open_document(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
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


def paint_pdf(pdf: bytes, printer: QPrinter, paper: str, *, raster: bool | None = None) -> int:
    """Print every page of ``pdf`` on ``printer``; returns the number of pages. Safe off the GUI thread.

    ``raster=None`` copies the bytes when the printer writes a PDF file and rasterises otherwise.
    """
    target = printer.outputFileName()
    if raster is None:
        raster = not (printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and target)
    document, buffer = _open_document(pdf)
    pages = document.pageCount()
    if not raster:
        path = Path(target)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pdf)
        return pages
    copies = max(1, printer.copyCount())
    if copies > 1 and not printer.supportsMultipleCopies():
        printer.setCopyCount(1)  # the spooler cannot repeat the job (no CUPS): send the pages again ourselves
    else:
        copies = 1
    printer.setFullPage(True)
    if not printer.setPageLayout(page_layout(paper, document.pagePointSize(0))):
        printer.setPageSize(page_layout(paper, document.pagePointSize(0)).pageSize())
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(
            QCoreApplication.translate(
                "PrintService",
                "Printer '{0}' tidak dapat dipakai. Periksa apakah printer menyala dan tersambung.",
            ).format(printer.printerName() or target)
        )
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        paper_rect = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
        for sheet, index in enumerate(index for _copy in range(copies) for index in range(pages)):
            if sheet and not printer.newPage():
                raise PrintError(
                    QCoreApplication.translate(
                        "PrintService", "Printer menolak halaman berikutnya; pencetakan dihentikan."
                    )
                )
            points = document.pagePointSize(index)
            image = document.render(
                index, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            )
            if image.isNull():
                raise PrintError(
                    QCoreApplication.translate(
                        "PrintService", "Halaman {0} tidak dapat digambar untuk dicetak."
                    ).format(index + 1)
                )
            scale = min(paper_rect.width() / points.width(), paper_rect.height() / points.height())
            width, height = points.width() * scale, points.height() * scale
            left = paper_rect.left() + (paper_rect.width() - width) / 2  # centred across, from the top
            painter.drawImage(QRectF(left, paper_rect.top(), width, height), image)
    finally:
        painter.end()
        document.close()
        buffer.close()
    return pages


@dataclass(frozen=True)
class PrintResult:
    kind: str
    number: str
    pages: int = 0
    printer: str | None = None
    saved: Path | None = None
    opened: bool = False

    @property
    def message(self) -> str:
        if self.printer is not None:
            return QCoreApplication.translate(
                "PrintService", "Dokumen dikirim ke printer {0} ({1} halaman)."
            ).format(self.printer, self.pages)
        if self.opened:
            return QCoreApplication.translate(
                "PrintService", "Tidak ada printer. PDF disimpan di {0} dan dibuka."
            ).format(self.saved)
        return QCoreApplication.translate(
            "PrintService", "Tidak ada printer. PDF disimpan di {0}, tetapi tidak dapat dibuka otomatis."
        ).format(self.saved)


Opener = Callable[[QUrl], bool]
OnDone = Callable[[PrintResult], None]
OnError = Callable[[BaseException], None]


class PrintService:
    """Prints (or saves and opens) PDFs according to the printing settings."""

    def __init__(
        self,
        data_dir: Path,
        settings: Callable[[], PrintingSettings],
        *,
        printers: PrinterDirectory | None = None,
        printer_factory: Callable[[str], QPrinter] = make_printer,
        opener: Opener = QDesktopServices.openUrl,
        background: bool = True,
    ) -> None:
        self.data_dir = data_dir
        self.settings = settings
        self.printers: PrinterDirectory = printers or QtPrinters()
        self.printer_factory = printer_factory
        self.opener = opener
        self.background = background

    def printer_for(self, kind: str) -> str | None:
        """Where ``kind`` would print now: the configured printer, else the default; ``None``: no printer."""
        return resolve_printer(self.settings().printer(kind), self.printers)

    def printouts_dir(self) -> Path:
        return self.data_dir / "printouts"

    def save_and_open(self, pdf: bytes, kind: str, number: str) -> PrintResult:
        """Write ``printouts/<kind>-<number>.pdf`` (atomically) and hand it to the system viewer."""
        folder = self.printouts_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / file_name(kind, number)
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_bytes(pdf)
            tmp.replace(path)
        except OSError as exc:
            raise PrintError(
                QCoreApplication.translate("PrintService", "PDF tidak dapat disimpan di {0}: {1}").format(
                    folder, exc.strerror
                )
            ) from exc
        opened = bool(self.opener(QUrl.fromLocalFile(str(path))))
        return PrintResult(kind, number, saved=path, opened=opened)

    def print_pdf(
        self,
        pdf: bytes,
        kind: str,
        number: str,
        on_done: OnDone,
        on_error: OnError,
        *,
        printer_name: str | None = None,
        copies: int = 1,
        paper: str | None = None,
    ) -> None:
        """Print to ``printer_name`` (or the kind's printer); with no printer, save and open the PDF."""
        name = printer_name or self.printer_for(kind)
        if name is None:
            try:
                result = self.save_and_open(pdf, kind, number)
            except PrintError as exc:
                on_error(exc)
                return
            on_done(result)
            return
        try:
            printer = self.printer_factory(name)
        except Exception:  # a vanished printer: say so plainly
            on_error(
                PrintError(
                    QCoreApplication.translate("PrintService", "Printer '{0}' tidak ditemukan.").format(name)
                )
            )
            return
        printer.setCopyCount(max(1, copies))
        printer.setDocName(f"{kind} {number}")
        chosen_paper = paper or self.settings().paper(kind)

        def job() -> PrintResult:
            try:
                pages = paint_pdf(pdf, printer, chosen_paper)
            except PrintError:
                raise
            except Exception as exc:  # never a traceback for the officer
                raise PrintError(
                    QCoreApplication.translate("PrintService", "Gagal mencetak ke printer {0}: {1}").format(
                        name, exc
                    )
                ) from exc
            return PrintResult(kind, number, pages=pages, printer=name)

        submit(job, on_done, on_error, background=self.background)

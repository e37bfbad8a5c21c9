"""Send a document's PDF to a printer, or, on a PC without any printer, save it and open it.

Two ways to a printer. Where the printer is a CUPS queue (Linux, macOS: every CUPS queue accepts PDF) the PDF
itself is queued with ``lp`` (``spool.py``): vector pages, the spool as large as the PDF, a 184-page register
queued in about a second. Elsewhere (Windows) the pages are painted through ``QPrinter`` as 200-dpi pictures
(``raster.py``), which needs no PDF viewer on the PC. Either way the page size is the document's own (an F4
letter on F4, the roll receipt at its length) and the job runs off the GUI thread with progress and cancel
(``PrintJob``).

Which printer (``paper.printer_for_paper``): the one set up for the document's kind when the document is on
that kind's paper, else the one set up for the document's paper, else the PC's default printer. With no
printer at all the PDF goes to ``<data_dir>/printouts/<kind's file stem>-<number>.pdf`` and is opened with the
system viewer (``QDesktopServices.openUrl``; injectable so tests do not launch one).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from app.documents.kinds import BY_CODE
from ui.kit.tasks import submit
from ui.printing.paper import cups_media, paper_of, printer_for_paper
from ui.printing.printer_settings import PrintingSettings
from ui.printing.raster import PrintCancelled, PrintError, document_pages, paint_pdf
from ui.printing.spool import CupsQueue, QueueCancelled, QueueError, cups_queue

__all__ = ["PrintCancelled", "PrintError", "PrintJob", "PrintResult", "PrintService", "paint_pdf"]


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


@dataclass(frozen=True)
class PrintResult:
    kind: str
    number: str
    pages: int = 0
    printer: str | None = None
    saved: Path | None = None
    opened: bool = False
    queue_job: str | None = None  # the CUPS job id when the PDF itself was queued (``PDF-12``)

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


class PrintJob(QObject):
    """One print job as the GUI sees it: ``progress(done, total)`` pages (emitted from the worker, delivered
    queued on the GUI thread), and ``cancel()``, which stops the job before its next page or, once the PDF is
    in a CUPS queue, withdraws it from the queue."""

    progress = Signal(int, int)

    def __init__(self, queue: CupsQueue | None = None) -> None:
        super().__init__()
        self.cancelled = threading.Event()
        self.queue = queue
        self.queue_job: str | None = None

    def cancel(self) -> bool:
        """Ask the job to stop; ``True`` when it will (or a queued job was withdrawn)."""
        self.cancelled.set()
        if self.queue is not None and self.queue_job is not None:
            return self.queue.withdraw(self.queue_job)
        return True


_NO_QUEUE = object()


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
        queue: CupsQueue | None | object = _NO_QUEUE,
    ) -> None:
        self.data_dir = data_dir
        self.settings = settings
        self.printers: PrinterDirectory = printers or QtPrinters()
        self.printer_factory = printer_factory
        self.opener = opener
        self.background = background
        # the CUPS clients when this PC has them (found once); ``queue=None`` keeps every job on Qt's path
        self.queue: CupsQueue | None = cups_queue() if queue is _NO_QUEUE else queue  # type: ignore[assignment]

    def printer_for(self, kind: str, paper: str | None = None) -> str | None:
        """Where a ``kind`` document on ``paper`` would print now (``None``: no printer). Without ``paper``,
        the kind's own printer (the one set up in the settings, else the default)."""
        return printer_for_paper(self.settings(), kind, paper, self.printers.names(), self.printers.default())

    def printer_for_pdf(self, kind: str, pdf: bytes) -> str | None:
        """Where this document prints: chosen by the paper of its first page, not by the kind's setting."""
        try:
            _pages, points = document_pages(pdf)
        except PrintError:
            return self.printer_for(kind)
        return self.printer_for(kind, paper_of(points))

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
        job: PrintJob | None = None,
    ) -> PrintJob:
        """Print to ``printer_name`` (or where the document's paper prints); with no printer, save and open
        the PDF. The page size is always the PDF's own. Returns the job (progress, cancel)."""
        job = job or PrintJob(self.queue)
        name = printer_name or self.printer_for_pdf(kind, pdf)
        if name is None:
            try:
                result = self.save_and_open(pdf, kind, number)
            except PrintError as exc:
                on_error(exc)
                return job
            on_done(result)
            return job
        title = f"{kind} {number}"
        queue = self.queue

        def run() -> PrintResult:
            # on the worker: asking the CUPS scheduler (lpstat) must never freeze the window
            if queue is not None and queue.accepts(name):
                job.queue = queue
                return self._queue_pdf(pdf, kind, number, name, title, copies, job)
            try:
                printer = self.printer_factory(name)
            except Exception:  # a vanished printer: say so plainly
                raise PrintError(
                    QCoreApplication.translate("PrintService", "Printer '{0}' tidak ditemukan.").format(name)
                ) from None
            printer.setCopyCount(max(1, copies))
            printer.setDocName(title)
            try:
                pages = paint_pdf(pdf, printer, progress=job.progress.emit, cancelled=job.cancelled)
            except PrintError:
                raise
            except Exception as exc:  # never a traceback for the officer
                raise _failed(name, exc) from exc
            return PrintResult(kind, number, pages=pages, printer=name)

        submit(run, on_done, on_error, background=self.background)
        return job

    def _queue_pdf(
        self, pdf: bytes, kind: str, number: str, name: str, title: str, copies: int, job: PrintJob
    ) -> PrintResult:
        """Worker body of the CUPS path: the PDF itself into the queue, with the document's paper."""
        assert job.queue is not None
        pages, points = document_pages(pdf)
        job.progress.emit(0, pages)
        try:
            job.queue_job = job.queue.submit(
                pdf, name, title=title, copies=copies, media=cups_media(points), cancelled=job.cancelled
            )
        except QueueCancelled:
            raise PrintCancelled() from None
        except (QueueError, OSError) as exc:
            raise _failed(name, exc) from exc
        job.progress.emit(pages, pages)
        return PrintResult(kind, number, pages=pages, printer=name, queue_job=job.queue_job)


def _failed(name: str, exc: BaseException) -> PrintError:
    return PrintError(
        QCoreApplication.translate("PrintService", "Gagal mencetak ke printer {0}: {1}").format(name, exc)
    )

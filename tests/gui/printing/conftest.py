"""Fixtures for the printing tests: a fake printer list, printers that write PDF files, a recording opener.

Why fakes for the printer list only: test machines have no printers (and must not print), but a ``QPrinter``
in PdfFormat is Qt's real printing path, so jobs really run and their output is read back with pypdf.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtPrintSupport import QPrinter

from app.services.context import Actor
from app.services.desk import DeskServices
from ui.printing import printer_settings
from ui.printing.print_service import PrintService
from ui.printing.services import PrintingServices
from ui.shell import wiring


class FakePrinters:
    def __init__(self, names: list[str], default: str | None) -> None:
        self._names, self._default = names, default

    def names(self) -> list[str]:
        return list(self._names)

    def default(self) -> str | None:
        return self._default


class RasterPdfPrinter(QPrinter):
    """A printer as the print service sees a real one (not "print to file", so pages are painted as pictures at
    the page size the service sets up) whose output Qt still writes to a PDF file that the test can measure."""

    def outputFormat(self) -> QPrinter.OutputFormat:  # noqa: N802 - Qt's name
        return QPrinter.OutputFormat.NativeFormat


class PdfPrinters:
    """A printer factory: each job for printer ``name`` writes ``<folder>/<name>-<n>.pdf``; with ``raster`` set
    the pages are painted as a real printer gets them instead of the bytes being copied."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.jobs: list[tuple[str, Path]] = []
        self.raster = False

    def __call__(self, name: str) -> QPrinter:
        printer = (RasterPdfPrinter if self.raster else QPrinter)(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        path = self.folder / f"{name}-{len(self.jobs) + 1}.pdf"
        printer.setOutputFileName(str(path))
        self.jobs.append((name, path))
        return printer


class Opener:
    def __init__(self, result: bool = True) -> None:
        self.result = result
        self.urls: list[QUrl] = []

    def __call__(self, url: QUrl) -> bool:
        self.urls.append(url)
        return self.result


def _pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


@pytest.fixture
def pdf_text() -> Callable[[bytes], str]:
    """Text of a PDF as pypdf extracts it, whitespace collapsed."""
    return _pdf_text


@pytest.fixture
def fake_printers() -> Callable[[list[str], str | None], FakePrinters]:
    """``fake_printers(names, default)``: the printers "this PC" has."""
    return FakePrinters


@pytest.fixture
def pdf_printers(tmp_path: Path) -> PdfPrinters:
    folder = tmp_path / "printed"
    folder.mkdir()
    return PdfPrinters(folder)


@pytest.fixture
def opener() -> Opener:
    return Opener()


@pytest.fixture
def printing(desk: DeskServices) -> PrintingServices:
    """What a page hands the printing calls (``ui/shell/wiring.py``), on ``desk``."""
    return wiring.printing(desk)


@pytest.fixture
def make_service(
    desk: DeskServices, pdf_printers: PdfPrinters, opener: Opener
) -> Callable[..., PrintService]:
    """``make_service(names=[...], default=...)``: a print service on ``desk``'s settings, run inline."""

    def make(names: list[str] | None = None, default: str | None = None, **kwargs: Any) -> PrintService:
        return PrintService(
            desk.ctx.data_dir,
            lambda: printer_settings.load(desk.office),
            printers=FakePrinters(names or [], default),
            printer_factory=pdf_printers,
            opener=opener,
            background=kwargs.pop("background", False),
            queue=kwargs.pop("queue", None),  # Qt's path to the PDF-writing printers, even where CUPS runs
        )

    return make


@pytest.fixture
def received(desk: DeskServices, officer: Actor, intake: Callable[..., Any]) -> str:
    """The registration number of one walk-in request."""
    return str(intake(officer).number)

"""Printing follows the document (issue 12 item 10): the paper and the printer come from the document's own pages,
not from the kind's setting; a job reports its pages and can be cancelled."""

from __future__ import annotations

import io
import threading

import pypdf
import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtWidgets import QApplication

from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.letters import LetterService
from ui.printing import printer_settings
from ui.printing.actions import PrintOutcome, preview_letter
from ui.printing.paper import MM, cups_media, paper_of, printer_for_paper
from ui.printing.preview_dialog import PreviewDialog
from ui.printing.print_service import PrintCancelled, PrintJob, PrintResult, paint_pdf
from ui.printing.printer_settings import PrintingSettings


def _mm(path) -> tuple[int, int]:
    box = pypdf.PdfReader(path).pages[0].mediabox
    return round(float(box.width) / MM), round(float(box.height) / MM)


def _size(width_mm: float, height_mm: float) -> QSizeF:
    return QSizeF(width_mm * MM, height_mm * MM)


def test_the_paper_is_read_from_the_page() -> None:
    assert paper_of(_size(210, 297)) == "A4" and paper_of(_size(297, 210)) == "A4"
    assert paper_of(_size(215, 330)) == "F4" and paper_of(_size(330, 215)) == "F4"
    assert paper_of(_size(148, 210)) == "A5"
    assert paper_of(_size(80, 143.5)) == "thermal80" and paper_of(_size(80, 400)) == "thermal80"
    assert paper_of(_size(216, 279)) is None  # US Letter: a PDF from elsewhere
    assert cups_media(_size(330, 215)) == "Custom.215x330mm"
    assert (cups_media(_size(297, 210)), cups_media(_size(148, 210))) == ("A4", "A5")
    assert cups_media(_size(80, 143.5)) == "Custom.80x144mm"


def test_the_printer_is_the_one_for_the_documents_paper() -> None:
    settings = (
        PrintingSettings()
        .with_kind("receipt", paper="thermal80", printer="Kasir")
        .with_kind("notice", paper="A4", printer="Laser")
    )
    names = ["Kasir", "Laser", "Lain"]
    assert printer_for_paper(settings, "receipt", "thermal80", names, "Kasir") == "Kasir"
    # a receipt issued on A4 goes to the printer set up for A4, not to the roll
    assert printer_for_paper(settings, "receipt", "A4", names, "Kasir") == "Laser"
    # nothing set up for A5: the default printer, but never the roll while a sheet printer exists
    assert printer_for_paper(settings, "receipt", "A5", names, "Lain") == "Lain"
    assert printer_for_paper(settings, "receipt", "A5", ["Kasir", "Lain"], "Kasir") == "Lain"
    assert printer_for_paper(settings, "receipt", "A5", ["Kasir"], "Kasir") == "Kasir"
    # an 80 mm receipt of a kind set up for A4 goes to the roll printer
    assert printer_for_paper(settings, "notice", "thermal80", names, "Laser") == "Kasir"
    assert printer_for_paper(settings, "notice", None, names, "Kasir") == "Laser"
    assert printer_for_paper(settings, "notice", "A4", [], None) is None


def test_an_f4_letter_prints_on_f4_when_the_setting_says_a4(
    qapp, desk: DeskServices, officer: Actor, received: str, make_service, pdf_printers
) -> None:
    form = LetterService(desk.ctx).issue(officer, "form", received, paper="F4").pdf
    assert printer_settings.load(desk.office).paper("form") == "A4"
    pdf_printers.raster = True
    results: list[PrintResult] = []
    make_service(["Laser"], "Laser").print_pdf(form, "form", received, results.append, pytest.fail)
    assert results[0].printer == "Laser"
    [(_name, path)] = pdf_printers.jobs
    assert _mm(path) == (215, 330)


def test_an_a4_receipt_is_not_sent_to_the_roll_printer(
    qapp, desk: DeskServices, admin: Actor, officer: Actor, received: str, make_service, pdf_printers
) -> None:
    settings = PrintingSettings().with_kind("receipt", paper="thermal80", printer="Kasir")
    printer_settings.save(desk.office, admin, settings.with_kind("notice", paper="A4", printer="Laser"))
    receipt = LetterService(desk.ctx).issue(officer, "receipt", received, paper="A4").pdf
    pdf_printers.raster = True
    service = make_service(["Kasir", "Laser"], "Kasir")
    assert service.printer_for_pdf("receipt", receipt) == "Laser"
    results: list[PrintResult] = []
    service.print_pdf(receipt, "receipt", received, results.append, pytest.fail)
    [(name, path)] = pdf_printers.jobs
    assert (results[0].printer, name) == ("Laser", "Laser")
    assert _mm(path) == (210, 297)


def test_the_preview_offers_the_printer_of_the_documents_paper_and_prints_on_it(
    qtbot, desk: DeskServices, admin: Actor, officer: Actor, received: str, make_service, pdf_printers
) -> None:
    printer_settings.save(
        desk.office,
        admin,
        PrintingSettings()
        .with_kind("receipt", paper="thermal80", printer="Kasir")
        .with_kind("form", paper="A5", printer="Kecil"),
    )
    receipt = LetterService(desk.ctx).issue(officer, "receipt", received, paper="A5").pdf
    pdf_printers.raster = True
    dialog = PreviewDialog(
        receipt,
        make_service(["Kasir", "Kecil"], "Kasir"),
        kind="receipt",
        number=received,
        title="Tanda bukti",
    )
    qtbot.addWidget(dialog)
    assert dialog.paper == "A5" and dialog.printer_combo.currentData() == "Kecil"
    seen: list[tuple[int, int]] = []
    dialog.progress.valueChanged.connect(lambda value: seen.append((value, dialog.progress.maximum())))
    with qtbot.waitSignal(dialog.printed, timeout=20_000):
        dialog.print_document()
    assert seen[-1] == (1, 1) and dialog.progress.isHidden() and not dialog.cancel_button.isEnabled()
    [(name, path)] = pdf_printers.jobs
    assert name == "Kecil" and _mm(path) == (148, 210)


def test_a_letter_issued_on_f4_is_reprinted_on_f4_after_the_setting_moved_to_a4(
    qtbot, desk: DeskServices, printing, admin: Actor, officer: Actor, received: str, make_service
) -> None:
    LetterService(desk.ctx).issue(officer, "form", received, paper="F4")
    printer_settings.save(desk.office, admin, PrintingSettings().with_kind("form", paper="A4"))
    outcomes: list[PrintOutcome] = []
    preview_letter(
        printing,
        officer,
        received,
        "form",
        service=make_service(),
        on_done=outcomes.append,
        on_error=pytest.fail,
    )
    [outcome] = outcomes
    try:
        assert outcome.document is not None and outcome.document.reprint and outcome.document.identical
        assert outcome.dialog is not None and outcome.dialog.paper == "F4"
    finally:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, PreviewDialog):
                widget.close()


def test_a_raster_job_reports_each_page_and_stops_when_cancelled(
    qapp, desk: DeskServices, officer: Actor, received: str, tmp_path, pdf_printers
) -> None:
    form = LetterService(desk.ctx).issue(officer, "form", received).pdf
    pages = len(pypdf.PdfReader(io.BytesIO(form)).pages)
    assert pages >= 2
    pdf_printers.raster = True
    seen: list[tuple[int, int]] = []
    assert paint_pdf(form, pdf_printers("A"), progress=lambda d, t: seen.append((d, t))) == pages
    assert seen == [(n, pages) for n in range(1, pages + 1)]

    cancelled = threading.Event()

    def after_first(done: int, total: int) -> None:
        cancelled.set()

    with pytest.raises(PrintCancelled, match="dibatalkan"):
        paint_pdf(form, pdf_printers("B"), progress=after_first, cancelled=cancelled)


def test_cancel_from_the_preview_stops_the_job(
    qtbot, desk: DeskServices, officer: Actor, received: str, make_service, pdf_printers
) -> None:
    form = LetterService(desk.ctx).issue(officer, "form", received).pdf
    pdf_printers.raster = True
    dialog = PreviewDialog(form, make_service(["Laser"], "Laser"), kind="form", number=received, title="F")
    qtbot.addWidget(dialog)
    jobs: list[PrintJob] = []
    original = dialog._progress

    def progress(done: int, total: int) -> None:  # the officer presses "Batalkan cetak" after page one
        original(done, total)
        assert dialog.cancel_button.isEnabled()
        if done == 1 and dialog.job is not None:
            jobs.append(dialog.job)
            dialog.cancel_button.click()

    dialog._progress = progress  # type: ignore[method-assign]
    dialog.printed.connect(lambda r: pytest.fail("printed although cancelled"))
    dialog.print_document()
    assert jobs and jobs[0].cancelled.is_set()
    assert dialog.status.text() == "Pencetakan dibatalkan."
    assert dialog.print_button.isEnabled() and not dialog.cancel_button.isEnabled()

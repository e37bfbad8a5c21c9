"""ui/printing/print_service.py: printing real letters to a QPrinter, choosing printers, the no-printer fallback."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pypdfium2
import pytest
from PIL import Image
from PySide6.QtPrintSupport import QPrinter

from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.letters import LetterService
from ui.printing import printer_settings
from ui.printing.print_service import PrintError, PrintResult, paint_pdf, resolve_printer, safe_name
from ui.printing.printer_settings import PrintingSettings

MM = 72 / 25.4


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _grey(pdf: bytes) -> list[int]:
    """The first page as 100 x 141 grey cells of about 1.5 mm (box-averaged, so anti-aliasing of small text
    does not count but a page drawn in the wrong place or size does)."""
    page = pypdfium2.PdfDocument(pdf)[0]
    image = page.render(scale=400 / page.get_width()).to_pil().convert("L")
    return list(image.resize((100, 141), Image.Resampling.BOX).tobytes())


def _difference(a: list[int], b: list[int]) -> float:
    return sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a)


def test_print_to_a_pdf_printer_keeps_the_text(
    qapp, desk: DeskServices, officer: Actor, received: str, tmp_path: Path, pdf_text
) -> None:
    receipt = LetterService(desk.ctx).issue(officer, "receipt", received)
    out = tmp_path / "out" / "receipt.pdf"
    pages = paint_pdf(receipt.pdf, _pdf_printer(out))
    assert pages == len(pypdf.PdfReader(io.BytesIO(receipt.pdf)).pages)
    assert received in pdf_text(out.read_bytes())


def test_raster_print_looks_like_the_document_on_the_chosen_paper(
    qapp, desk: DeskServices, officer: Actor, received: str, tmp_path: Path
) -> None:
    """The path real printers take: pages drawn as images, on A5 paper as configured."""
    receipt = LetterService(desk.ctx).issue(officer, "receipt", received, paper="A5")
    out = tmp_path / "raster.pdf"
    assert paint_pdf(receipt.pdf, _pdf_printer(out), raster=True) == 1
    printed = out.read_bytes()
    box = pypdf.PdfReader(io.BytesIO(printed)).pages[0].mediabox
    assert (round(float(box.width) / MM), round(float(box.height) / MM)) == (148, 210)
    source, copy = _grey(receipt.pdf), _grey(printed)
    ink = _difference(source, [255] * len(source))  # how far a blank sheet would be from the source
    assert _difference(source, copy) < ink / 4


def test_register_prints_landscape_and_the_roll_receipt_keeps_its_length(
    qapp, desk: DeskServices, officer: Actor, received: str, tmp_path: Path, clock
) -> None:
    letters = LetterService(desk.ctx)
    register, _ = letters.register_pdf(officer, clock.now.date(), clock.now.date(), paper="F4")
    out = tmp_path / "register.pdf"
    paint_pdf(register, _pdf_printer(out), raster=True)
    box = pypdf.PdfReader(out).pages[0].mediabox
    assert (round(float(box.width) / MM), round(float(box.height) / MM)) == (330, 215)

    roll = letters.issue(officer, "receipt", received, paper="thermal80").pdf
    source_box = pypdf.PdfReader(io.BytesIO(roll)).pages[0].mediabox
    out = tmp_path / "roll.pdf"
    paint_pdf(roll, _pdf_printer(out), raster=True)
    box = pypdf.PdfReader(out).pages[0].mediabox
    assert round(float(box.width) / MM) == 80
    assert abs(float(box.height) - float(source_box.height)) < 2


def test_a_broken_pdf_gives_an_indonesian_message(qapp, tmp_path: Path) -> None:
    with pytest.raises(PrintError, match="tidak dapat dibaca"):
        paint_pdf(b"%PDF-1.4 bukan pdf", _pdf_printer(tmp_path / "x.pdf"), raster=True)


def test_configured_printer_else_default_else_none(fake_printers) -> None:
    office = fake_printers(["Kasir", "Laser"], "Laser")
    assert resolve_printer("Kasir", office) == "Kasir"
    assert resolve_printer("Printer lama", office) == "Laser"
    assert resolve_printer("", office) == "Laser"
    assert resolve_printer("Kasir", fake_printers(["Kasir"], None)) == "Kasir"
    assert resolve_printer("", fake_printers(["Kasir"], None)) is None
    assert resolve_printer("Kasir", fake_printers([], None)) is None


def test_the_kind_goes_to_its_configured_printer(
    qapp,
    desk: DeskServices,
    admin: Actor,
    officer: Actor,
    received: str,
    make_service,
    pdf_printers,
    pdf_text,
) -> None:
    printer_settings.save(desk.office, admin, PrintingSettings().with_kind("receipt", printer="Kasir"))
    service = make_service(["Kasir", "Laser"], "Laser")
    assert service.printer_for("receipt") == "Kasir" and service.printer_for("notice") == "Laser"
    pdf = LetterService(desk.ctx).issue(officer, "receipt", received).pdf
    results: list[PrintResult] = []
    service.print_pdf(pdf, "receipt", received, results.append, pytest.fail, copies=2)
    [result] = results
    assert (result.printer, result.saved) == ("Kasir", None)
    assert "Kasir" in result.message
    [(name, path)] = pdf_printers.jobs
    assert name == "Kasir" and received in pdf_text(path.read_bytes())


def test_without_any_printer_the_pdf_is_saved_and_opened(
    qapp, desk: DeskServices, officer: Actor, received: str, make_service, opener, pdf_printers
) -> None:
    service = make_service([], None)
    pdf = LetterService(desk.ctx).issue(officer, "receipt", received).pdf
    results: list[PrintResult] = []
    service.print_pdf(pdf, "receipt", received, results.append, pytest.fail)
    [result] = results
    expected = desk.ctx.data_dir / "printouts" / f"tanda-bukti-{safe_name(received)}.pdf"
    assert result.saved == expected and result.printer is None and result.opened
    assert expected.read_bytes() == pdf
    assert [url.toLocalFile() for url in opener.urls] == [str(expected)]
    assert pdf_printers.jobs == []
    assert "disimpan" in result.message


def test_when_the_viewer_cannot_open_it_the_message_says_where_it_is(
    qapp, desk: DeskServices, make_service, opener
) -> None:
    opener.result = False
    results: list[PrintResult] = []
    make_service().print_pdf(b"%PDF-1.4", "form", "0001/A/2026", results.append, pytest.fail)
    assert results[0].opened is False
    assert "tidak dapat dibuka" in results[0].message and str(results[0].saved) in results[0].message


def test_a_failing_printer_reports_in_indonesian(qapp, make_service, tmp_path: Path) -> None:
    service = make_service(["Rusak"], "Rusak")
    errors: list[BaseException] = []
    service.print_pdf(b"not a pdf", "form", "1", lambda r: pytest.fail(str(r)), errors.append)
    assert isinstance(errors[0], PrintError) and "tidak dapat dibaca" in str(errors[0])


def test_printing_runs_off_the_gui_thread(
    qtbot, desk: DeskServices, officer: Actor, received: str, make_service, pdf_printers, pdf_text
) -> None:
    service = make_service(["Kasir"], "Kasir", background=True)
    pdf = LetterService(desk.ctx).issue(officer, "receipt", received).pdf
    results: list[PrintResult] = []
    service.print_pdf(pdf, "receipt", received, results.append, pytest.fail)
    qtbot.waitUntil(lambda: bool(results), timeout=20_000)
    assert received in pdf_text(pdf_printers.jobs[0][1].read_bytes())


def test_safe_name_keeps_numbers_readable() -> None:
    assert safe_name("0001/PPID-CPJ/III/2026") == "0001-PPID-CPJ-III-2026"
    assert safe_name("///") == "dokumen"


def test_copies_are_sent_again_when_the_spooler_cannot_repeat_them(
    qapp, desk: DeskServices, officer: Actor, received: str, tmp_path: Path
) -> None:
    form = LetterService(desk.ctx).issue(officer, "form", received).pdf
    pages = len(pypdf.PdfReader(io.BytesIO(form)).pages)
    printer = _pdf_printer(tmp_path / "copies.pdf")
    printer.setCopyCount(2)
    assert not printer.supportsMultipleCopies()  # Qt's PDF printer, like a spooler without CUPS
    assert paint_pdf(form, printer, raster=True) == pages
    assert len(pypdf.PdfReader(tmp_path / "copies.pdf").pages) == 2 * pages


def test_a_printer_this_pc_does_not_have_is_refused_not_replaced(qapp, make_service, desk) -> None:
    from ui.printing.print_service import PrintService, make_printer

    with pytest.raises(LookupError):
        make_printer("Printer yang tidak ada 9f3c")
    service = PrintService(
        desk.ctx.data_dir,
        lambda: PrintingSettings(),
        printers=make_service().printers,
        printer_factory=make_printer,
        background=False,
    )
    errors: list[BaseException] = []
    service.print_pdf(
        b"%PDF", "form", "1", lambda r: pytest.fail(str(r)), errors.append, printer_name="Tidak Ada"
    )
    assert str(errors[0]) == "Printer 'Tidak Ada' tidak ditemukan."

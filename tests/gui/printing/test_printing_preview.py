"""ui/printing/preview_dialog.py: pages, navigation, zoom, printing and saving from the preview, by keyboard."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView

from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.letters import LetterService
from ui.printing.preview_dialog import PreviewDialog


def _qt_page_count(pdf: bytes) -> int:
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    return document.pageCount()


@pytest.fixture
def form_pdf(desk: DeskServices, officer: Actor, received: str) -> bytes:
    """The Formulir: two copies, so at least two pages."""
    return LetterService(desk.ctx).issue(officer, "form", received).pdf


def _dialog(qtbot, pdf: bytes, service, number: str = "0001", **kwargs) -> PreviewDialog:
    dialog = PreviewDialog(pdf, service, kind="form", number=number, title="Formulir", **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.raise_()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)  # shortcuts fire only in the active window
    dialog.print_button.setFocus()
    return dialog


def test_preview_shows_every_page(qtbot, form_pdf: bytes, make_service) -> None:
    expected = _qt_page_count(form_pdf)
    assert expected == len(pypdf.PdfReader(io.BytesIO(form_pdf)).pages) >= 2
    dialog = _dialog(qtbot, form_pdf, make_service())
    assert dialog.page_count() == expected
    assert dialog.view.document() is dialog.document
    assert dialog.page_spin.maximum() == expected
    assert dialog.page_total.text().endswith(str(expected))
    assert dialog.current_page() == 0 and not dialog.prev_button.isEnabled()
    assert dialog.next_button.isEnabled()


def test_keyboard_moves_between_pages_and_zooms(qtbot, form_pdf: bytes, make_service) -> None:
    dialog = _dialog(qtbot, form_pdf, make_service())
    dialog.go_to(0)
    qtbot.keyClick(dialog.print_button, Qt.Key.Key_PageDown)
    assert dialog.current_page() == 1 and dialog.page_spin.value() == 2
    assert dialog.prev_button.isEnabled()
    qtbot.keyClick(dialog.print_button, Qt.Key.Key_PageUp)
    assert dialog.current_page() == 0
    dialog.go_to(99)  # past the end: stays on the last page
    assert dialog.current_page() == dialog.page_count() - 1 and not dialog.next_button.isEnabled()
    qtbot.keyClick(dialog.print_button, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom
    zoomed = dialog.view.zoomFactor()
    qtbot.keyClick(dialog.print_button, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.view.zoomFactor() < zoomed
    assert dialog.zoom_label.text().endswith("%")
    qtbot.keyClick(dialog.print_button, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert dialog.fit_button.isChecked() and dialog.zoom_label.text() == ""


def test_ctrl_p_prints_to_the_chosen_printer(
    qtbot, form_pdf: bytes, received: str, make_service, pdf_printers, pdf_text
) -> None:
    dialog = _dialog(qtbot, form_pdf, make_service(["Kasir", "Laser"], "Laser"), number=received)
    assert dialog.printer_combo.currentData() == "Laser"
    dialog.printer_combo.setCurrentIndex(dialog.printer_combo.findData("Kasir"))
    with qtbot.waitSignal(dialog.printed) as signal:
        qtbot.keyClick(dialog.print_button, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert signal.args[0].printer == "Kasir"
    [(name, path)] = pdf_printers.jobs
    assert name == "Kasir" and received in pdf_text(path.read_bytes())
    assert "Kasir" in dialog.status.text()


def test_without_printers_cetak_saves_and_opens(qtbot, form_pdf: bytes, make_service, opener, desk) -> None:
    dialog = _dialog(qtbot, form_pdf, make_service([], None), number="0007/A/2026")
    assert not dialog.printer_combo.isEnabled()
    with qtbot.waitSignal(dialog.printed):
        dialog.print_button.click()
    saved = desk.ctx.data_dir / "printouts" / "formulir-permohonan-0007-A-2026.pdf"
    assert saved.read_bytes() == form_pdf and len(opener.urls) == 1
    assert str(saved) in dialog.status.text()


def test_ctrl_s_saves_where_the_officer_chose(qtbot, form_pdf: bytes, make_service, tmp_path: Path) -> None:
    asked: list[str] = []

    def ask(_parent, suggested: str) -> str:
        asked.append(suggested)
        return str(tmp_path / "salinan")

    dialog = _dialog(qtbot, form_pdf, make_service(), number="0001/A", ask_path=ask)
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.print_button, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked[0].endswith("formulir-permohonan-0001-A.pdf")
    assert (tmp_path / "salinan.pdf").read_bytes() == form_pdf


def test_a_broken_document_says_so(qtbot, make_service) -> None:
    dialog = _dialog(qtbot, b"bukan pdf", make_service(["Kasir"], "Kasir"))
    assert "tidak dapat ditampilkan" in dialog.status.text()
    dialog.print_button.click()
    assert "tidak dapat dibaca" in dialog.status.text()


def test_controls_have_accessible_names(qtbot, form_pdf: bytes, make_service) -> None:
    dialog = _dialog(qtbot, form_pdf, make_service(["Kasir"], "Kasir"))
    for widget in (
        dialog.print_button,
        dialog.save_button,
        dialog.close_button,
        dialog.page_spin,
        dialog.printer_combo,
        dialog.copies,
        dialog.view,
        dialog.prev_button,
        dialog.next_button,
    ):
        assert widget.accessibleName(), widget
    assert dialog.focusWidget() is dialog.print_button
    qtbot.keyClick(dialog.print_button, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_closing_the_preview_while_it_prints_is_harmless(
    qtbot, form_pdf: bytes, received: str, make_service, pdf_printers, pdf_text
) -> None:
    from ui.kit.tasks import runner

    dialog = PreviewDialog(
        form_pdf, make_service(["Kasir"], "Kasir", background=True), kind="form", number=received, title="F"
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.print_document()
    dialog.close()
    assert runner().wait(20_000)  # the job finished and its callback ran against the deleted dialog
    assert received in pdf_text(pdf_printers.jobs[0][1].read_bytes())

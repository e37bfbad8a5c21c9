"""ui/printing/letters_panel.py: issued letters as records on the request page (list, issue, reprint)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.letters import LetterService
from ui.printing.letters_panel import LettersPanel
from ui.printing.preview_dialog import PreviewDialog
from ui.shell import wiring


def _previews() -> list[PreviewDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewDialog) and w.isVisible()]


def _panel(qtbot, desk, officer, make_service, number: str) -> LettersPanel:
    panel = LettersPanel(wiring.printing(desk), officer, service=make_service())
    qtbot.addWidget(panel)
    panel.show_request(number)
    return panel


def test_lists_issued_letters_with_number_date_and_officer(
    qtbot, desk, officer, received, make_service, clock
):
    LetterService(desk.ctx).issue(officer, "receipt", received)
    panel = _panel(qtbot, desk, officer, make_service, received)
    assert panel.tree.topLevelItemCount() == 1
    item = panel.tree.topLevelItem(0)
    assert item is not None
    assert item.text(0) == "Tanda Bukti Penerimaan Permohonan" and item.text(1) == received
    assert item.text(2) == clock.now.strftime("%d-%m-%Y %H.%M") and item.text(3) == officer.username
    assert panel.reprint_button.isEnabled()


def test_issuing_from_the_menu_adds_a_record_and_asks_for_a_reload(
    qtbot, desk, officer, received, make_service
):
    panel = _panel(qtbot, desk, officer, make_service, received)
    assert panel.tree.topLevelItemCount() == 0 and not panel.reprint_button.isEnabled()
    kinds = [action.data() for action in panel.menu.actions()]
    assert "form" in kinds and "dossier" in kinds
    with qtbot.waitSignal(panel.issued) as signal:
        panel.menu.actions()[kinds.index("form")].trigger()
    assert signal.args == [received]
    assert panel.tree.topLevelItemCount() == 1
    assert len(_previews()) == 1
    for dialog in _previews():
        dialog.close()


def test_enter_on_a_row_reprints_it_identically(qtbot, desk, supervisor, received, make_service):
    issued = LetterService(desk.ctx).issue(supervisor, "form", received)
    panel = _panel(qtbot, desk, supervisor, make_service, received)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    [dialog] = _previews()
    assert dialog.pdf == issued.pdf and "identik dengan aslinya" in dialog.heading.text()
    dialog.close()


def test_a_petugas_reprint_is_masked_and_says_so(qtbot, desk, officer, received, make_service):
    issued = LetterService(desk.ctx).issue(officer, "form", received)
    panel = _panel(qtbot, desk, officer, make_service, received)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    [dialog] = _previews()
    try:
        assert dialog.pdf != issued.pdf and "disamarkan sesuai peran Anda" in dialog.heading.text()
    finally:
        dialog.close()


def test_a_refused_letter_shows_the_reason(qtbot, desk, officer, received, make_service):
    panel = _panel(qtbot, desk, officer, make_service, received)
    kinds = [action.data() for action in panel.menu.actions()]
    panel.menu.actions()[kinds.index("rejection")].trigger()
    assert not panel.message.isHidden() and "tidak dapat dibuat" in panel.message.text()
    assert _previews() == [] and panel.tree.topLevelItemCount() == 0

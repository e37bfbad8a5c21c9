"""Nothing typed is lost by a stray key (issue 16 item 3): Esc, Batal and closing the window ask first.

Every recording dialog shares ui/kit/unsaved.py (``DiscardGuard``): with nothing typed it closes at once; with
something typed it opens *Buang isian?*, whose default goes back to the form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPushButton

from app.domain.lifecycle import Action
from ui.intake.dialog import IntakeDialog
from ui.kit.tasks import runner
from ui.objections.dialog import ObjectionFileDialog
from ui.request.actions import ActionDialog
from ui.request.route import RouteDialog
from ui.shell import wiring
from ui.shell.main_window import MainWindow


def _shown(qtbot: Any, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def _button(box: QMessageBox, text: str) -> QPushButton:
    return next(b for b in box.findChildren(QPushButton) if text in b.text().replace("&", ""))


def _esc(dialog: QDialog) -> None:
    QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)


def _intake(desk, officer) -> IntakeDialog:  # type: ignore[no-untyped-def]
    return IntakeDialog(wiring.intake(desk), officer, background=False, print_receipt=False)


def test_esc_on_an_empty_intake_closes_it_at_once(qtbot, desk, officer):
    dialog = _shown(qtbot, _intake(desk, officer))
    _esc(dialog)
    assert not dialog.isVisible() and dialog.discard_box is None


def test_esc_on_a_filled_intake_asks_and_going_back_keeps_every_letter(qtbot, desk, officer):
    dialog = _shown(qtbot, _intake(desk, officer))
    QTest.keyClicks(dialog.name, "Siti Aminah")
    _esc(dialog)
    box = dialog.discard_box
    assert dialog.isVisible() and box is not None and box.isVisible()
    assert box.defaultButton() is box.escapeButton()  # a second stray Esc or Enter goes back, never discards
    QTest.keyClick(box, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.name.text() == "Siti Aminah"
    _esc(dialog)
    _button(dialog.discard_box, "Buang isian").click()
    assert not dialog.isVisible()


def test_batal_on_a_filled_intake_asks_too(qtbot, desk, officer):
    dialog = _shown(qtbot, _intake(desk, officer))
    dialog.information.setPlainText("Salinan DPA 2025")
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Batal").click()
    assert dialog.isVisible() and dialog.discard_box.isVisible()


def test_the_page_after_saving_closes_without_asking(qtbot, desk, officer, walk_in):
    dialog = _shown(qtbot, _intake(desk, officer))
    dialog.name.setText("Budi Santoso")
    dialog.nik.setText("3673054512850012")
    dialog.address.setPlainText("Jl. Ki Ajurum No. 2, Serang")
    dialog.phone.setText("081234567890")
    dialog.information.setPlainText("Daftar penerima bantuan sosial 2025")
    dialog.purpose.setText("Pengawasan warga")
    dialog.save()
    assert dialog.result_view is not None
    _esc(dialog)
    assert not dialog.isVisible()


@pytest.fixture
def recording_dialogs(desk, officer, supervisor, walk_in) -> dict[str, Callable[[], QDialog]]:
    view = desk.register.receive(officer, walk_in())
    return {
        "action": lambda: ActionDialog(wiring.request(desk), officer, view, Action.FORWARD, background=False),
        "route": lambda: RouteDialog(wiring.request(desk), supervisor, view.number, background=False),
        "objection": lambda: ObjectionFileDialog(
            wiring.objections(desk), officer, view.number, background=False
        ),
    }


@pytest.mark.parametrize(
    ("kind", "field"), [("action", "to_body"), ("route", "reason"), ("objection", "case_summary")]
)
def test_every_recording_dialog_asks_before_batal_or_esc_throws_input_away(
    qtbot, recording_dialogs, kind, field
):
    empty = _shown(qtbot, recording_dialogs[kind]())
    _esc(empty)
    assert not empty.isVisible()  # nothing typed: nothing to ask
    dialog = _shown(qtbot, recording_dialogs[kind]())
    QTest.keyClicks(dialog.f.widgets[field], "Sudah diketik petugas")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.isVisible() and dialog.discard_box.isVisible()
    _button(dialog.discard_box, "Kembali").click()
    _esc(dialog)
    assert dialog.isVisible() and dialog.discard_box.isVisible()
    _button(dialog.discard_box, "Buang isian").click()
    assert not dialog.isVisible()


def test_closing_the_main_window_over_a_filled_intake_asks_first(qtbot, desk, officer):
    window = MainWindow(desk, officer)
    qtbot.addWidget(window)
    window.show()
    runner().wait()
    dialog = window.open_intake()
    assert isinstance(dialog, IntakeDialog)
    dialog.name.setText("Siti Aminah")
    window.close()
    assert window.isVisible() and dialog.isVisible()  # the close waits for the officer's answer
    box = window.discard_box
    assert box is not None and box.isVisible()
    _button(box, "Kembali").click()
    assert window.isVisible() and dialog.name.text() == "Siti Aminah"
    window.close()
    _button(window.discard_box, "Buang isian").click()
    assert not window.isVisible()


def test_the_conflict_decision_asks_before_esc_throws_its_reason_away(
    qtbot, desk, officer, supervisor, walk_in
):
    from tests.unit.services.conflict_helpers import make_conflict
    from ui.sync.conflicts import ConflictsPanel

    make_conflict(desk, officer, walk_in())
    panel = ConflictsPanel(wiring.sync(desk).conflicts, supervisor)
    qtbot.addWidget(panel)
    assert runner().wait()
    dialog = panel.decide("take_desk")
    assert dialog is not None
    dialog.show()
    QTest.keyClicks(dialog.reason, "Keputusan meja sudah diserahkan")
    _esc(dialog)
    assert dialog.isVisible() and dialog.discard_box.isVisible()
    _button(dialog.discard_box, "Buang isian").click()
    assert not dialog.isVisible()

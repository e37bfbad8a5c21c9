"""ui/kit/screen.py: windows sized from the screen's work area; the main window's size and state kept per PC.

The offscreen screen of the test process is 800×600, smaller than the preview's 900×760 and the main window's
1280×720: exactly the situation of an office PC whose taskbar and title bars leave less than the screen.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QVBoxLayout, QWidget

from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.letters import LetterService
from ui.kit import screen
from ui.printing.preview_dialog import PreviewDialog
from ui.shell import wiring
from ui.shell.main_window import MainWindow


def _on_screen(widget: QWidget) -> bool:
    """The widget's whole rectangle lies in the screen's available geometry (less the title bar above a window)."""
    area = QGuiApplication.primaryScreen().availableGeometry()
    return area.contains(QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size()))


def test_the_print_preview_keeps_its_buttons_on_screen(qtbot, desk: DeskServices, officer: Actor, intake):
    received = intake(officer).number
    pdf = LetterService(desk.ctx).issue(officer, "form", received).pdf
    dialog = PreviewDialog(pdf, wiring.printing(desk).service, kind="form", number=received, title="Formulir")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert screen.fits(dialog), (
        dialog.pos(),
        dialog.geometry(),
        dialog.minimumSizeHint(),
        screen.work_area(dialog),
    )
    for button in (dialog.print_button, dialog.save_button, dialog.close_button):
        assert _on_screen(button), button.text()


def test_any_window_grown_past_the_work_area_is_capped_as_it_is_shown(qtbot):
    screen.install(QApplication.instance())  # as ui/app.py does at start-up
    dialog = QDialog()
    qtbot.addWidget(dialog)
    QVBoxLayout(dialog).addWidget(ok := QPushButton("OK"))
    dialog.resize(2000, 1500)
    dialog.move(-300, 900)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert screen.fits(dialog) and _on_screen(ok)


def test_the_main_window_fits_and_remembers_its_size_and_maximised_state(
    qtbot, desk: DeskServices, officer: Actor
):
    data_dir = desk.office.data_folder()
    first = MainWindow(desk, officer)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    assert screen.fits(first) and _on_screen(first.statusBar())
    first.showNormal()
    first.resize(QSize(700, 500).expandedTo(first.minimumSize()))
    chosen = first.size()
    first.close()
    assert "main" in json.loads((Path(data_dir) / "preferences.json").read_text(encoding="utf-8"))["window"]

    second = MainWindow(desk, officer)
    qtbot.addWidget(second)
    assert not second.isMaximized() and second.size() == chosen
    second.show()
    second.showMaximized()
    qtbot.waitUntil(second.isMaximized)
    second.close()

    third = MainWindow(desk, officer)
    qtbot.addWidget(third)
    assert third.isMaximized()


def test_the_language_preference_survives_the_window_state(desk: DeskServices, officer: Actor, qtbot):
    """Both live in preferences.json: saving one must not drop the other."""
    from ui.kit import i18n

    data_dir = Path(desk.office.data_folder())
    i18n.save_language(data_dir, "en")
    window = MainWindow(desk, officer)
    qtbot.addWidget(window)
    window.show()
    window.close()
    assert i18n.saved_language(data_dir) == "en"

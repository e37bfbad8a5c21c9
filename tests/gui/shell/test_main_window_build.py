"""The main window is built from the outside in: with the application's style sheet (ui/kit/style.py), a widget
moved under a new parent is styled again together with everything inside it, so the dashboard, built and styled
during the sign-in, was styled again once per level of the window's frame it was moved through
(ui/shell/main_window.py, ui/kit/scroll.py): 468 style changes for the window's 90 widgets, now 110."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.services.context import Actor
from app.services.desk import DeskServices
from ui.dashboard.page import DashboardPage
from ui.kit.style import STYLESHEET
from ui.kit.tasks import runner
from ui.shell import wiring
from ui.shell.main_window import MainWindow


class _StyleChanges(QObject):
    """Counts the style changes widgets receive while it is installed."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.count = 0
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.StyleChange and isinstance(watched, QWidget):
            self.count += 1
        return False

    def stop(self) -> int:
        self.app.removeEventFilter(self)
        return self.count


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The application's style sheet, as ``ui.app.application`` sets it (the tests' application has none)."""
    before = qapp.styleSheet()
    qapp.setStyleSheet(STYLESHEET)
    yield
    qapp.setStyleSheet(before)


def test_building_the_window_does_not_style_its_widgets_over_and_over(
    qtbot: QtBot, qapp: QApplication, desk: DeskServices, officer: Actor, styled: None
) -> None:
    dashboard = DashboardPage(wiring.dashboard(desk))  # as the session builds it while the officer types
    dashboard.ensurePolished()
    changes = _StyleChanges(qapp)
    window = MainWindow(desk, officer, dashboard=dashboard)
    qtbot.addWidget(window)
    count = changes.stop()
    runner().wait()
    widgets = 1 + len(window.findChildren(QWidget))
    assert window.dashboard is dashboard
    assert count <= 2 * widgets, f"{count} style changes for {widgets} widgets"

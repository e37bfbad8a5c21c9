"""The main window is built from the outside in: the dashboard, built and styled during the sign-in, was styled
again once per level of the window's frame it was moved through (tests/gui/style_changes.py says why):
468 style changes for the window's 90 widgets, now 110 (ui/shell/main_window.py, ui/kit/scroll.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from style_changes import StyleChanges, app_style_sheet

from app.services.context import Actor
from app.services.desk import DeskServices
from ui.dashboard.page import DashboardPage
from ui.kit.tasks import runner
from ui.shell import wiring
from ui.shell.main_window import MainWindow


def test_building_the_window_does_not_style_its_widgets_over_and_over(
    qtbot: QtBot, qapp: QApplication, desk: DeskServices, officer: Actor
) -> None:
    with app_style_sheet(qapp):
        dashboard = DashboardPage(wiring.dashboard(desk))  # as the session builds it while the officer types
        dashboard.ensurePolished()
        changes = StyleChanges(qapp)
        window = MainWindow(desk, officer, dashboard=dashboard)
        qtbot.addWidget(window)
        count = changes.stop()
        runner().wait()
    widgets = 1 + len(window.findChildren(QWidget))
    assert window.dashboard is dashboard
    assert count <= 2 * widgets, f"{count} style changes for {widgets} widgets"

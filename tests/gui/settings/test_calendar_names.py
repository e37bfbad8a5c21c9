"""Pengaturan › Kalender hari kerja at 1366×768 and 150 % (issue 16 item 5): every holiday's name is read whole
in its cell, wrapped onto more lines where the column is narrow; the table never scrolls sideways inside itself.

At that size the main window is 910 logical pixels wide and the settings page gets about 610 of them (less the
sidebar); the test gives it 600. Beside the closures and the recomputation the table was left 250 pixels, the
names' column a few letters: the panel stacks its halves there, and keeps them side by side on a wide screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from ui.settings.page import SettingsPage
from ui.shell import wiring


def test_every_holiday_name_is_whole_and_the_table_does_not_scroll_sideways(qtbot, desk, admin) -> None:
    page = SettingsPage(wiring.settings(desk), admin)
    qtbot.addWidget(page)
    page.resize(600, 560)
    page.show()
    page.show_panel("calendar")
    panel = page.panels["calendar"]
    table = panel.holidays
    qtbot.waitUntil(lambda: table.rowCount() > 5, timeout=10_000)
    QApplication.processEvents()
    assert table.horizontalScrollBar().maximum() == 0, "the table scrolls sideways"
    # stacked above the closures, the list still shows about ten holidays, not two
    assert table.height() >= 10 * table.verticalHeader().defaultSectionSize()
    right = table.columnViewportPosition(table.columnCount() - 1) + table.columnWidth(table.columnCount() - 1)
    assert right <= table.viewport().width()
    metrics = table.fontMetrics()
    width = table.columnWidth(1) - 12  # the cell's margins
    for row in range(table.rowCount()):
        text = table.item(row, 1).text()
        needed = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text).height()
        assert needed <= table.rowHeight(row), (text, needed, table.rowHeight(row))


def test_side_by_side_where_the_page_is_wide(qtbot, desk, admin) -> None:
    # a child of a window, not a window: the test screen (800 pixels) does not bound a child's width
    window = QWidget()
    qtbot.addWidget(window)
    page = SettingsPage(wiring.settings(desk), admin, window)
    page.setGeometry(0, 0, 1180, 640)
    window.show()
    page.show_panel("calendar")
    panel = page.panels["calendar"]
    qtbot.waitUntil(lambda: panel.holidays.rowCount() > 5, timeout=10_000)
    QApplication.processEvents()
    assert panel.holidays.geometry().right() < panel.right.geometry().left()
    assert panel.holidays.horizontalScrollBar().maximum() == 0

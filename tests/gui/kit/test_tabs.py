"""WrappingTabs (ui/kit/tabs.py): many sections whose row of tabs wraps, one Tab stop, arrows between them.

Seen under Xvfb: Shift+Tab from the first field of Pengaturan went to the status bar, never to the row, and Tab
from the row left the page, because a button joined the focus chain after the fields of the sections added
before it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.kit.style import icon
from ui.kit.tabs import WrappingTabs

NAMES = ["Profil && kop surat", "Pejabat", "Penomoran", "Kalender hari kerja", "Daftar informasi",
         "Pengguna && peran", "Sinkronisasi", "Log audit", "Pencetakan", "Tampilan && bahasa"]  # fmt: skip


def test_ten_sections_wrap_whole_on_a_narrow_page_and_the_row_is_one_tab_stop(qtbot):
    host = QWidget()
    column = QVBoxLayout(host)
    before = QLineEdit()
    tabs = WrappingTabs()
    fields = []
    for name in NAMES:  # each section a form made before it is added, as the settings page makes them
        page = QWidget()
        QVBoxLayout(page).addWidget(QLabel(name))
        fields.append(QLineEdit(page))
        page.layout().addWidget(fields[-1])
        tabs.addTab(page, icon("office"), name)
    column.addWidget(before)
    column.addWidget(tabs)
    qtbot.addWidget(host)
    host.resize(520, 420)  # a page at 1366×768 and 150 %, less the sidebar
    host.show()
    qtbot.waitExposed(host)
    QApplication.processEvents()
    assert all(b.isVisible() and b.width() >= b.sizeHint().width() for b in tabs.buttons)
    assert all(tabs.rect().contains(b.geometry()) for b in tabs.buttons)
    assert len({b.y() for b in tabs.buttons}) > 1  # wrapped onto more lines
    assert [b.isChecked() for b in tabs.buttons].count(True) == 1 and tabs.buttons[0].isChecked()

    host.activateWindow()
    qtbot.waitActive(host)
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tabs.buttons[0]  # the current section's name, not all ten
    qtbot.keyClick(tabs.buttons[0], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is fields[0]  # then the section's own fields
    qtbot.keyClick(fields[0], Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is tabs.buttons[0]  # and back up to the row
    qtbot.keyClick(tabs.buttons[0], Qt.Key.Key_Right)
    qtbot.keyClick(tabs.buttons[1], Qt.Key.Key_Down)
    assert tabs.currentIndex() == 2 and QApplication.focusWidget() is tabs.buttons[2]
    qtbot.keyClick(tabs.buttons[2], Qt.Key.Key_Left)
    assert tabs.currentIndex() == 1 and tabs.buttons[1].isChecked() and not tabs.buttons[2].isChecked()
    qtbot.keyClick(tabs.buttons[1], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is fields[1]  # Tab leaves the row for the section shown
    tabs.setCurrentIndex(9)
    assert tabs.buttons[9].isChecked() and tabs.currentWidget() is fields[9].parentWidget()
    qtbot.mouseClick(tabs.buttons[4], Qt.MouseButton.LeftButton)
    assert tabs.currentIndex() == 4

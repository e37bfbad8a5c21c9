"""The keyboard in the main window (issue 16 item 2): page shortcuts work wherever the focus is, the sidebar
does not jump on a typed letter, the first Down from a search box selects the first row, and Enter acts on a
focused button as Space does."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QToolButton, QWidget

from ui.kit.tasks import runner
from ui.register.page import RegisterPage
from ui.shell import wiring
from ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def _window(qtbot: Any, desk: Any, actor: Any) -> MainWindow:
    window = MainWindow(desk, actor)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    runner().wait()
    return window


def _click_sidebar(window: MainWindow, key: str) -> None:
    item = window.sidebar.item(window.PAGES.index(key))
    QTest.mouseClick(
        window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=window.sidebar.visualItemRect(item).center()
    )


def test_ctrl_2_puts_the_keyboard_in_the_register(qtbot, desk, officer):
    window = _window(qtbot, desk, officer)
    window.sidebar.setFocus()
    QTest.keyClick(window.sidebar, Qt.Key.Key_2, CTRL)
    register = window.pages["register"]
    assert isinstance(register, RegisterPage)
    assert QApplication.focusWidget() is register.search  # not left in the sidebar
    runner().wait()


def test_ctrl_f_reaches_the_register_search_from_the_sidebar(qtbot, desk, officer):
    window = _window(qtbot, desk, officer)
    _click_sidebar(window, "register")
    assert window.current_page() == "register"
    register = window.pages["register"]
    assert isinstance(register, RegisterPage)
    window.sidebar.setFocus()  # wherever the focus is: here the sidebar itself
    QTest.keyClick(window.sidebar, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is register.search
    runner().wait()


def test_a_letter_typed_in_the_sidebar_does_not_change_the_page(qtbot, desk, officer):
    window = _window(qtbot, desk, officer)
    window.go_to("register")
    window.sidebar.setFocus()
    QTest.keyClicks(window.sidebar, "s")  # the sidebar's type-ahead jumped to Sinkronisasi
    assert window.current_page() == "register"
    QTest.keyClick(window.sidebar, Qt.Key.Key_Down)  # the arrows still walk the sidebar
    assert window.current_page() == "objections" and QApplication.focusWidget() is window.sidebar
    runner().wait()


def test_page_shortcuts_of_other_pages_work_from_the_sidebar_too(qtbot, desk, supervisor):
    from PySide6.QtGui import QKeySequence, QShortcut

    window = _window(qtbot, desk, supervisor)
    _click_sidebar(window, "reports")
    reports = window.pages["reports"]
    save = next(sc for sc in reports.findChildren(QShortcut) if sc.key() == QKeySequence.fromString("Ctrl+S"))
    fired: list[bool] = []
    save.activated.connect(lambda: fired.append(True))
    window.sidebar.setFocus()
    QTest.keyClick(window.sidebar, Qt.Key.Key_S, CTRL)
    assert fired == [True]
    runner().wait()


def test_the_first_down_from_the_register_search_selects_the_first_row(qtbot, desk, officer, intake):
    for _ in range(3):
        intake(officer)
    page = RegisterPage(wiring.register(desk), officer, background=False)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.search.setFocus()
    QTest.keyClick(page.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.table
    assert page.table.currentIndex().row() == 0 and page.table.selectionModel().isRowSelected(0)


def test_enter_acts_on_a_focused_button_as_space_does(qtbot):
    from ui.app import application

    application()  # the workstation's own set-up of the QApplication
    host = QWidget()
    row = QHBoxLayout(host)
    push, tool = QPushButton("Cetak"), QToolButton()
    tool.setText("Perbarui")
    row.addWidget(push)
    row.addWidget(tool)
    qtbot.addWidget(host)
    host.show()
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    clicks: list[str] = []
    push.clicked.connect(lambda: clicks.append("push"))
    tool.clicked.connect(lambda: clicks.append("tool"))
    for button, name in ((push, "push"), (tool, "tool")):
        button.setFocus()
        QTest.keyClick(button, Qt.Key.Key_Return)
        QTest.keyClick(button, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
        QTest.keyClick(button, Qt.Key.Key_Space)
        assert clicks.count(name) == 3, clicks

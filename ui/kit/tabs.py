"""WrappingTabs: a page's many sections as tabs that wrap onto a second line instead of hiding.

Why: Pengaturan has ten sections for an administrator. As a ``QTabWidget``'s row they were wider than the page at
1366×768 and 100 %, and Qt hid the last ones behind its scroll arrows, *Tampilan & bahasa* (where the language is
switched) among them; at 150 % four were hidden. A column of tabs on the left would take the width the panels
need at 150 % (the users' table and form, the printer settings). So the tabs are a row of toggle buttons in a
``FlowLayout`` that wraps, over a ``QTabWidget`` whose own bar is hidden: the pages, ``currentWidget``,
``setCurrentIndex`` and Ctrl+Tab are the tab widget's. The row is one Tab stop, as a tab bar is: only the
current section's button takes focus by Tab, and the arrow keys move between sections.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QTabWidget, QToolButton, QVBoxLayout, QWidget

from ui.kit.flow import FlowLayout


class TabButton(QToolButton):
    """One section's name in the row: checked while it is shown; Left/Right/Up/Down go to the next one."""

    stepped = Signal(int)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(title)
        # the name only (the icon stays the page's, in ``tabs``), with a narrow padding: with its icon and the
        # buttons' usual padding an administrator's ten sections took two lines at 1366×768 and 100 %, and the
        # height they took made Daftar informasi scroll
        self.setStyleSheet("TabButton { padding: 4px 8px; } TabButton:focus { padding: 3px 7px; }")
        self.setCheckable(True)
        self.setAutoRaise(True)
        self.setAccessibleName(title.replace("&&", "&"))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1}.get(
            Qt.Key(event.key())
        )
        if step is None:
            super().keyPressEvent(event)
            return
        self.stepped.emit(step)
        event.accept()


class WrappingTabs(QWidget):
    """Tabs whose row wraps; ``tabs`` is the QTabWidget that holds the pages (its bar hidden)."""

    currentChanged = Signal(int)  # noqa: N815 - QTabWidget's name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strip = QWidget()  # made before the pages: Tab reaches the row before the shown section's fields
        self.row = FlowLayout(self.strip, spacing=2)
        self.tabs = QTabWidget()
        self.tabs.tabBar().hide()
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its focus goes to its hidden bar: Tab stopped here
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.strip)
        layout.addWidget(self.tabs, 1)
        self.buttons: list[TabButton] = []
        self.group.idClicked.connect(self.tabs.setCurrentIndex)
        self.tabs.currentChanged.connect(self._shown)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt's name
        super().setAccessibleName(name)
        self.tabs.setAccessibleName(name)

    def addTab(self, page: QWidget, icon: QIcon, title: str) -> int:  # noqa: N802 - QTabWidget's name
        index = self.tabs.addTab(page, icon, title)
        button = TabButton(title)
        button.stepped.connect(lambda step, i=index: self._step(i, step))
        self.group.addButton(button, index)
        self.buttons.append(button)
        self.row.addWidget(button)
        # a widget joins the focus chain where it is parented, after every field of the pages added before it:
        # each button goes right after the previous one, so the row comes before the pages' fields
        # (Qt ignores setTabOrder with a widget that takes no focus: the strip takes clicks for the call's length)
        self.strip.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        QWidget.setTabOrder(self.buttons[-2] if len(self.buttons) > 1 else self.strip, button)
        self.strip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._shown(self.tabs.currentIndex())
        return index

    def count(self) -> int:
        return self.tabs.count()

    def widget(self, index: int) -> QWidget | None:
        return self.tabs.widget(index)

    def currentWidget(self) -> QWidget:  # noqa: N802 - QTabWidget's name
        return self.tabs.currentWidget()

    def currentIndex(self) -> int:  # noqa: N802 - QTabWidget's name
        return self.tabs.currentIndex()

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802 - QTabWidget's name
        self.tabs.setCurrentIndex(index)

    def tabText(self, index: int) -> str:  # noqa: N802 - QTabWidget's name
        return self.tabs.tabText(index)

    def _step(self, index: int, step: int) -> None:
        target = index + step
        if 0 <= target < self.count():
            self.tabs.setCurrentIndex(target)
            self.buttons[target].setFocus(Qt.FocusReason.TabFocusReason)

    def _shown(self, index: int) -> None:
        """Check the shown section's button; only it is a Tab stop (the row is one stop, as a tab bar)."""
        for number, button in enumerate(self.buttons):
            button.setChecked(number == index)
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if number == index else Qt.FocusPolicy.ClickFocus
            )
        self.currentChanged.emit(index)

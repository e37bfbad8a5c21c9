"""Keyboard rules every screen shares: Enter acts on a focused button, Down leaves a search box for its list.

Why here: Qt's push buttons take Space everywhere but Enter only as a dialog's default button, so an officer who
tabbed to *Cetak* on a page (or to a button whose dialog turned auto-default off) pressed Enter and nothing
happened; and a search box above a list keeps Down to itself. Both are fixed once, for every screen: the
application's ``ButtonEnter`` filter (installed by ``ui.app.application``) and ``down_into``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

# ``QtCore.Qt``, the key event and the button classes are read when a key is pressed, not at import: PySide
# builds a class on first use, with its enum types (the ``Qt`` namespace alone ≈ 100 of them, ≈ 14 ms), work
# the first window does not need (tests/gui/shell/test_first_window.py).


class ButtonEnter(QObject):
    """Enter (main keyboard or keypad) on a focused push or tool button clicks it, as Space does."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # The class first: this filter sees every event of the application (thousands while a window is built),
        # and asking an event its type costs PySide an enum conversion each time; only key events go further.
        if (
            isinstance(event, QtGui.QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter)
            and not (event.modifiers() & ~QtCore.Qt.KeyboardModifier.KeypadModifier)
            and isinstance(watched, QtWidgets.QPushButton | QtWidgets.QToolButton)
            and watched.hasFocus()
            and watched.isEnabled()
            and not event.isAutoRepeat()
        ):
            watched.click()
            return True
        return False


_installed: list[ButtonEnter] = []


def install(app: QApplication) -> ButtonEnter:
    """Once per application; the filter lives as long as ``app``."""
    if not _installed:
        _installed.append(ButtonEnter(app))
        app.installEventFilter(_installed[0])
    return _installed[0]


class _DownInto(QObject):
    def __init__(self, search: QLineEdit, view: QAbstractItemView) -> None:
        super().__init__(search)
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QtGui.QKeyEvent):
            return False
        model = self.view.model()
        if event.key() != QtCore.Qt.Key.Key_Down or model is None or model.rowCount() == 0:
            return False
        self.view.setFocus(QtCore.Qt.FocusReason.TabFocusReason)
        self.view.setCurrentIndex(model.index(0, 0))
        self.view.scrollToTop()
        return True


def down_into(search: QLineEdit, view: QAbstractItemView) -> None:
    """The first Down in ``search`` moves into ``view`` with its first row selected (Enter there opens it)."""
    search.installEventFilter(_DownInto(search, view))

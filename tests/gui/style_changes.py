"""Counting how often widgets are styled again, for the tests of building windows in place.

With the application's style sheet (ui/kit/style.py) a widget moved under a new parent is styled again with
everything inside it (``QEvent.StyleChange``, then its font and palette resolved again, and a full restyle if it
was already polished). Built bottom-up and moved level by level, a page's widgets were styled once per level.
The tests' application has no style sheet of its own: ``app_style_sheet`` sets the application's for a test.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from ui.kit.style import STYLESHEET


class StyleChanges(QObject):
    """The style changes each widget received while this was installed on the application."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.counts: Counter[int] = Counter()
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.StyleChange and isinstance(watched, QWidget):
            self.counts[id(watched)] += 1
        return False

    def stop(self) -> int:
        """Uninstall; the number of style changes in all."""
        self.app.removeEventFilter(self)
        return sum(self.counts.values())

    def of(self, widget: QWidget) -> int:
        return self.counts[id(widget)]


@contextmanager
def app_style_sheet(app: QApplication) -> Iterator[None]:
    """The application's style sheet, as ``ui.app.application`` sets it, for the duration."""
    before = app.styleSheet()
    app.setStyleSheet(STYLESHEET)
    try:
        yield
    finally:
        app.setStyleSheet(before)

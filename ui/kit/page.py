"""What every page of the main window says and hears, declared once so the window wires them all alike.

Why a base class: the window connects each page's outgoing signals the same way and tells every page what a
write changed; with the signals and hooks declared here (not discovered with ``hasattr``) a page that does not
use one simply never emits it, and a misspelt name fails at once instead of silently not being wired.

Outgoing: ``request_opened(number)``, ``objection_opened(number)`` (show that record on its page),
``page_requested(key, panel)`` (go to another page, optionally one of its panels), ``changed(Changes)`` (this
page recorded something), ``language_changed(code)``. Incoming: ``apply_changes(Changes)`` (something was recorded somewhere; read again if it
concerns this page), ``shown()`` (the officer navigated here), ``show_record(number)``, ``show_panel(key)``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from app.services.changes import Changes


class Page(QWidget):
    request_opened = Signal(str)
    objection_opened = Signal(str)
    page_requested = Signal(str, str)
    changed = Signal(Changes)
    language_changed = Signal(str)  # the officer chose another language for this PC: the window is rebuilt

    def apply_changes(self, changes: Changes) -> None:
        """Read again what ``changes`` concerns; the default page shows nothing that changes."""

    def shown(self) -> None:
        """The officer navigated to this page (sidebar, shortcut or a link from another page)."""

    def show_record(self, number: str) -> None:
        """Show request or keberatan ``number`` (pages that list records)."""

    def show_panel(self, key: str) -> None:
        """Bring panel ``key`` (e.g. a settings tab) to the front."""

    def focus_default(self) -> None:
        """Put the keyboard in this page (after Ctrl+1..7 or a sidebar click), so typing and Tab start here and
        not in the sidebar. The default: the first widget of the page that takes Tab focus."""
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:
            if (
                self.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            widget = widget.nextInFocusChain()

    def on_top(self) -> bool:
        """Whether this is the page the window's stack shows (even while the window is hidden or locked); the
        stack holds the page itself or the scroll area around it (ui/kit/scroll.py)."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QStackedWidget):
            parent = parent.parentWidget()
        current = parent.currentWidget() if parent is not None else None
        return current is not None and (current is self or current.isAncestorOf(self))

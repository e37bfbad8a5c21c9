"""The window a start without a login dialog shows at once: the first run (the wizard follows) and
``ppid-desk demo`` (the seeded office follows).

Why: both have nothing to ask before the register is open, and opening it (importing the services, creating or
migrating the SQLite file, for the demo seeding a few hundred requests) takes seconds. A program that shows
nothing for that long looks broken and gets started twice. The splash costs what the login dialog costs (this
module imports no service) and says what is happening; ``progress`` is safe to call from the loading thread.

It is a dialog, not a plain widget made a window, for the same reason: every window is capped to the screen as
it is shown (ui/kit/screen.py), and a dialog is recognised as a window to cap without asking its window type,
the question that builds PySide's ``Qt`` namespace (≈ 14 ms, tests/gui/shell/test_first_window.py). It keeps a
plain window's manners: Esc does not dismiss it (the loading goes on), its close button closes it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout, QWidget

from ui.kit.style import new_role


class _Relay(QObject):
    """Lives on the GUI thread; a signal emitted on the loading thread reaches the splash queued."""

    moved = Signal(int, int)


class StartupSplash(QDialog):
    """Title, what is being prepared, and a progress bar (busy until the loading reports numbers)."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startup_splash")
        self.setWindowTitle("PPID Desk")
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        title = QLabel("PPID Desk")
        new_role(title, "title")
        layout.addWidget(title)
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until numbers arrive
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(message)
        layout.addWidget(self.bar)
        self.relay = _Relay(self)
        # emitted on the loading thread, so delivered queued on this one (Qt's automatic connection)
        self.relay.moved.connect(self._moved)

    def reject(self) -> None:
        """Esc: nothing to cancel, the loading goes on."""

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        event.accept()  # closed by its button or by Startup: a plain window's close, not a dialog's reject

    def progress(self, done: int, total: int) -> None:
        """Called from any thread while loading."""
        self.relay.moved.emit(done, total)

    @Slot(int, int)
    def _moved(self, done: int, total: int) -> None:
        if total <= 0:
            return
        self.bar.setRange(0, total)
        self.bar.setValue(min(done, total))
        self.bar.setTextVisible(True)

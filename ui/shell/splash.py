"""The window a start without a login dialog shows at once: the first run (the wizard follows) and
``ppid-desk demo`` (the seeded office follows).

Why: both have nothing to ask before the register is open, and opening it (importing the services, creating or
migrating the SQLite file, for the demo seeding a few hundred requests) takes seconds. A program that shows
nothing for that long looks broken and gets started twice. The splash costs what the login dialog costs (this
module imports no service) and says what is happening; ``progress`` is safe to call from the loading thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from ui.kit.style import set_role


class _Relay(QObject):
    """Lives on the GUI thread; a signal emitted on the loading thread reaches the splash queued."""

    moved = Signal(int, int)


class StartupSplash(QWidget):
    """Title, what is being prepared, and a progress bar (busy until the loading reports numbers)."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("startup_splash")
        self.setWindowTitle("PPID Desk")
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        title = QLabel("PPID Desk")
        set_role(title, "title")
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
        self.relay.moved.connect(self._moved, Qt.ConnectionType.QueuedConnection)

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

"""Garbage collection on the GUI thread only.

Python's cyclic collector runs in whichever thread happens to allocate when a generation fills up. If that is a
worker thread (a dashboard query, a sync round) and the cycle holds a Qt wrapper (a closed window whose signal
connections point back at it), the C++ object is destroyed off the GUI thread and Qt crashes, far from the cause.
So, as pyqtgraph and Anki do, the automatic collector is switched off and the same thresholds are checked by a
timer on the GUI thread, which collects the generations that are due. Reference counting (which frees almost
everything) is unaffected.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    INTERVAL_MS = 500

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(self.INTERVAL_MS)

    def check(self) -> None:
        """Collect the oldest generation whose count passed its threshold, like the automatic collector."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()


_installed: list[GuiThreadCollector] = []


def install(app: QObject) -> GuiThreadCollector:
    """Once per application; the collector lives as long as ``app``."""
    if not _installed:
        _installed.append(GuiThreadCollector(app))
    return _installed[0]


def settle() -> None:
    """Once start-up has loaded the program (services, SQLAlchemy, the window's modules; ui/shell/startup.py calls
    this while the officer types): one full collection now, then ``gc.freeze()``, so later collections skip
    those long-lived objects (modules, classes and functions never become garbage). A full collection over
    them costs ≈ 0.05 s; without this one could fall between the officer's Enter and the dashboard, and
    every later one in the session would pay it again."""
    gc.collect()
    gc.freeze()


def uninstall() -> None:
    """Back to Python's automatic collector (tests of non-GUI code run after a GUI test). Collecting what the
    GUI left is the caller's choice: tests/gui/conftest.py does it on this thread, cheaply."""
    while _installed:
        collector = _installed.pop()
        collector.stop()
        collector.deleteLater()

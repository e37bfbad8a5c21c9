"""The Qt binding itself, as far as the workstation's life depends on it.

PySide6 6.12.0 drops one reference to ``None`` on every call of a method that returns nothing (``setText``,
``processEvents``, ``QTimer.start``...). On Python 3.11, where ``None`` is an ordinary counted object, the
workstation aborts with "deallocating None" after a few seconds of use; pyproject.toml excludes that release.
This test catches such a release before it reaches an office PC.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel


def test_calls_returning_nothing_keep_their_reference_to_none(qapp):
    label = QLabel()
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(2_000):
        label.setText("x")
        timer.start(60_000)
        QCoreApplication.processEvents()
    timer.stop()
    assert sys.getrefcount(None) >= before - 100, "the Qt binding loses references to None"

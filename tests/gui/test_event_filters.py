"""The application-wide event filters see every event of the application — thousands while the main window is
built — so each looks at an event's class before asking its type, which costs PySide an enum conversion per
event (issue 16, item 12: ≈ 1.5 µs of the ≈ 3 µs a filter call costs, for each of the three filters)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from ui.kit.keys import ButtonEnter
from ui.kit.screen import ScreenFit
from ui.shell.lock import IdleWatcher


class _Probe(QEvent):
    """An event that counts how often it is asked its type."""

    asked = 0

    def type(self) -> QEvent.Type:
        _Probe.asked += 1
        return super().type()


def test_the_application_filters_ask_no_type_of_an_event_they_do_not_handle(qapp: QApplication) -> None:
    widget = QWidget()
    watcher = IdleWatcher(60_000)
    try:
        for event_filter in (ButtonEnter(), ScreenFit(), watcher):
            assert event_filter.eventFilter(widget, _Probe(QEvent.Type.User)) is False
    finally:
        qapp.removeEventFilter(watcher)
    assert _Probe.asked == 0

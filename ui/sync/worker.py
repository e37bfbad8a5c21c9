"""The Qt side of ``desk.sync``'s background work: the rounds run on the service's own thread (``SyncLoop``,
Qt-free, so it can never touch a widget); ``SyncRelay`` is what that thread calls, and all it does is emit
signals, which the controller connects *queued*, so the pages only ever hear about a round on the GUI thread.

The engine, the loop, the stop request and the status read all live in ``app.services.sync``; nothing here
decides anything about sync.
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from app.services.sync import SyncReport, SyncSession
    from app.services.sync import SyncSnapshot as SyncSnapshot  # what the status views are given

log = logging.getLogger("ppid.ui.sync")


class SyncRelay(QObject):
    """Turns the callbacks of a ``SyncSession`` (called on the sync thread) into signals."""

    round_started = Signal()
    round_finished = Signal(object, object)  # (SyncReport, SyncSnapshot)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: SyncSession | None = None
        self.closed = False

    def announce(self) -> None:
        """On the sync thread, as a round begins."""
        with contextlib.suppress(RuntimeError):  # deleted with its window: nobody listens
            self.round_started.emit()

    def deliver(self, report: SyncReport) -> None:
        """On the sync thread after a round: read the new state there, then hand both to the GUI thread."""
        session = self.session
        if self.closed or report.error_code == "stopped" or session is None:
            return
        try:
            snapshot = session.snapshot()
        except Exception:  # noqa: BLE001 - the register may be closing; the next round reports again
            log.exception("sync status after a round")
            return
        try:
            self.round_finished.emit(report, snapshot)
        except RuntimeError:  # the controller was deleted with its window without stop(): nobody listens
            log.warning("sync report after the window was gone")

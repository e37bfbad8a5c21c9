"""Run slow work off the GUI thread and deliver its result back on the GUI thread.

Why: a search over 100,000 requests, a report or a print job must never freeze the window an officer is
typing in. The pattern follows Picard's ``util/thread.py`` (a ``QRunnable`` on a ``QThreadPool``) and Anki's
``QueryOp`` rule: the background function must not touch widgets; only ``on_done`` / ``on_error`` do, and
they always run on the GUI thread because the worker's signals are delivered through a queued connection
to an object that lives there.

``TaskRunner.busy_changed`` lets the main window show a busy indicator while anything is running, and
``wait()`` lets tests and shutdown wait for outstanding work.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the slot call back to this thread.

    The slots are methods of this QObject (not lambdas) so that Qt knows the receiver's thread and queues.
    """

    done = Signal(object)
    failed = Signal(object)

    def __init__(
        self, finish: Callable[[_Relay], None], on_done: Callback | None, on_error: ErrorCallback | None
    ):
        super().__init__()
        self._finish = finish
        self._on_done = on_done
        self._on_error = on_error
        self.done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._fail, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _deliver(self, result: Any) -> None:
        self._finish(self)
        if self._on_done is not None:
            self._on_done(result)

    @Slot(object)
    def _fail(self, exc: BaseException) -> None:
        self._finish(self)
        if self._on_error is None:
            raise exc
        self._on_error(exc)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - handed to on_error on the GUI thread
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


class TaskRunner(QObject):
    """A small pool of workers plus bookkeeping of what is still running."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._relays: set[_Relay] = set()

    @property
    def pending(self) -> int:
        return len(self._relays)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> None:
        relay = _Relay(self._forget, on_done, on_error)
        was_idle = not self._relays
        self._relays.add(relay)
        if was_idle:
            self.busy_changed.emit(True)
        self.pool.start(_Job(fn, relay))

    def _forget(self, relay: _Relay) -> None:
        self._relays.discard(relay)
        relay.deleteLater()
        if not self._relays:
            self.busy_changed.emit(False)

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Block until every job has finished and its callback has run (tests, shutdown)."""
        deadline = QDeadlineTimer(timeout_ms)
        while self._relays and not deadline.hasExpired():
            self.pool.waitForDone(50)
            QCoreApplication.processEvents()
        return not self._relays


_runner: TaskRunner | None = None


def runner() -> TaskRunner:
    """The application-wide runner (created on first use, parented to the QApplication)."""
    global _runner
    if _runner is None:
        _runner = TaskRunner(QCoreApplication.instance())
    return _runner


def run_in_background(
    fn: Callable[[], Any], on_done: Callback | None = None, on_error: ErrorCallback | None = None
) -> None:
    """Run ``fn()`` on a worker thread; then call ``on_done(result)`` or ``on_error(exc)`` on the GUI thread."""
    runner().run(fn, on_done, on_error)

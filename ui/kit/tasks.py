"""Run slow work off the GUI thread and deliver its result back on the GUI thread.

Why: a search over 100,000 requests, a report or a print job must never freeze the window an officer is
typing in. The pattern follows Picard's ``util/thread.py`` (a ``QRunnable`` on a ``QThreadPool``) and Anki's
``QueryOp`` rule: the background function must not touch widgets; only ``on_done`` / ``on_error`` do, and
they always run on the GUI thread because the worker's signals are delivered through a queued connection
to an object that lives there.

This is the one door to a worker thread: ``run_in_background(fn, on_done, on_error)``, or ``submit(...,
background=...)`` for pages, models and the print service that tests also drive inline. ``TaskRunner.busy_changed``
lets the main window show a busy indicator while anything is running, and ``wait()`` lets tests and shutdown
wait for outstanding work. A result whose handler is a method of a Qt object deleted meanwhile (a page closed
at logout) is dropped rather than delivered to deleted widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6 import QtCore
from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QObject,
    QThreadPool,
    Signal,
    Slot,
)

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the slot call back to this thread.

    The slots are methods of this QObject (not lambdas) so that Qt knows the receiver's thread and queues.
    Lifetime rule: nothing a callback or the work function refers to (often a widget) may lose its last Python
    reference on the worker thread, because a widget deleted there crashes Qt. So the worker passes a list
    holding the function and its outcome, and the GUI thread empties that list; the relay drops its callbacks
    before it is released.
    """

    done = Signal(object)

    def __init__(
        self,
        finish: Callable[[_Relay], None],
        on_done: Callback | None,
        on_error: ErrorCallback | None,
        parent: QObject,
    ) -> None:
        # Parented, so Qt (not Python's reference count) decides when the C++ object dies: deleteLater()
        # after the slot has returned, never in the middle of the queued call that is delivering to it.
        super().__init__(parent)
        self._finish: Callable[[_Relay], None] | None = finish
        self._on_done = on_done
        self._on_error = on_error
        self.done.connect(self._deliver, QtCore.Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _deliver(self, payload: list[Any]) -> None:
        ok, value = payload[1], payload[2]
        payload.clear()
        on_done, on_error, finish = self._on_done, self._on_error, self._finish
        self._on_done = self._on_error = self._finish = None
        if finish is not None:
            finish(self)
        if _receiver_gone(on_done if ok else on_error):
            return
        if ok:
            if on_done is not None:
                on_done(value)
        elif on_error is None:
            raise value
        else:
            on_error(value)


def _receiver_gone(callback: Callable[..., Any] | None) -> bool:
    """True when ``callback`` is a method of a Qt object deleted while the work ran (a page closed at logout,
    a dialog closed before its data came): calling it would touch deleted widgets, so the result is dropped."""
    owner = getattr(callback, "__self__", None)
    return isinstance(owner, shiboken6.Shiboken.Object) and not shiboken6.isValid(owner)


def _job(box: list[Callable[[], Any]], relay: _Relay) -> Callable[[], None]:
    """The worker body. Handed to ``QThreadPool.start`` as a plain callable, so Qt owns its lifetime
    (a Python-owned ``QRunnable`` can be collected while its thread is still returning from ``run``)."""

    def run() -> None:
        fn = box.pop()
        payload: list[Any] = [fn]
        del fn
        try:
            payload += [True, payload[0]()]
        except BaseException as exc:  # noqa: BLE001 - handed to on_error on the GUI thread
            payload += [False, exc]
        relay.done.emit(payload)

    return run


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
        relay = _Relay(self._forget, on_done, on_error, self)
        was_idle = not self._relays
        self._relays.add(relay)
        if was_idle:
            self.busy_changed.emit(True)
        self.pool.start(_job([fn], relay))
        del fn

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


def submit(
    fn: Callable[[], Any], on_done: Callback, on_error: ErrorCallback, *, background: bool = True
) -> None:
    """``run_in_background`` for code that is also driven inline: with ``background=False`` (tests, a page
    built with ``background=False``) ``fn`` runs at once on the calling thread and its result or error is
    delivered before this returns, so the same code stays deterministic."""
    if background:
        run_in_background(fn, on_done, on_error)
        return
    try:
        result = fn()
    except Exception as exc:  # delivered to the caller's handler, which shows it in Indonesian
        on_error(exc)
        return
    on_done(result)


class Latest:
    """Background reads of which only the newest counts (a list under a filter, the request opened, a period's
    figures): the answer to an older ``run`` is dropped when it arrives. Why: the runner has two workers, so a
    slow older read (the unfiltered list a panel loads when built) can finish after the newer one the officer
    asked for (the filter applied at once) and overwrite it on screen."""

    def __init__(self) -> None:
        self._turn = 0

    def drop(self) -> None:
        """Drop the answers of the reads still running (what they were for is no longer wanted)."""
        self._turn += 1

    def run(
        self, fn: Callable[[], Any], on_done: Callback, on_error: ErrorCallback, *, background: bool = True
    ) -> None:
        """``submit(fn, on_done, on_error, background=...)``; the outcome reaches its handler only if no later
        ``run`` was asked for meanwhile."""
        self._turn += 1
        turn = self._turn

        def done(
            result: Any,
        ) -> None:  # the handlers' owner deleted meanwhile: dropped as ``_Relay`` drops it
            if turn == self._turn and not _receiver_gone(on_done):
                on_done(result)

        def failed(exc: BaseException) -> None:
            if turn == self._turn and not _receiver_gone(on_error):
                on_error(exc)

        submit(fn, done, failed, background=background)

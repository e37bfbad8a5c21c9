"""The Qt side of sync: one ``SyncController`` per signed-in window holds a ``SyncService`` session and its
background loop, and tells the GUI what happened, through signals only.

Why like this: the sync thread must never touch a widget (Qt crashes, or worse, corrupts silently). The
loop calls the ``SyncRelay`` (ui/sync/worker.py) on its own thread; that only emits signals, connected with a
*queued* connection to slots of this object, which lives on the GUI thread, so every signal the pages see
(``report_received``, ``status_changed``, ``busy_changed``) is emitted on the GUI thread. Everything slow
(importing the sync service, reading the status, enrolling) runs on a worker thread too.

Life cycle: ``start()`` opens the session off the GUI thread and starts the loop only when the desk is
enrolled (the first round runs at once, then every ``interval`` seconds; the watchdog aborts a wedged
exchange). ``enroll()`` starts it after a successful enrollment. ``stop()`` (logout, window closed) asks the
round to end, aborts the network call in flight and waits briefly for the thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from ui.kit.tasks import run_in_background
from ui.sync.worker import SyncRelay

if TYPE_CHECKING:
    from app.services.calendar import CalendarService
    from app.services.sync import SyncLoop, SyncReport, SyncService, SyncSession, SyncSnapshot
    from app.services.sync_conflicts import SyncConflictService
    from app.sync.engine import Enrollment

log = logging.getLogger("ppid.ui.sync")


@dataclass(frozen=True)
class SyncServices:
    """What the sync widgets use. ``sync`` (httpx, keyring) and ``conflicts`` are built on first use, off the
    GUI thread; ``snapshot`` reads the state without them (the desk's ``sync_snapshot``)."""

    sync: Callable[[], SyncService]
    snapshot: Callable[[], SyncSnapshot]
    conflicts: Callable[[], SyncConflictService]
    calendar: CalendarService


class SyncController(QObject):
    report_received = Signal(object)  # SyncReport, after every round (worker or "Sinkronkan sekarang")
    status_changed = Signal(object)  # SyncSnapshot
    busy_changed = Signal(bool)  # a round is running
    enrolled = Signal(object)  # Enrollment, after a successful enrollment

    def __init__(self, services: SyncServices, parent: QObject | None = None, *, interval: float = 60.0,
                 stuck_after: float = 600.0, attempts: int = 3, run_worker: bool = True,
                 start_delay_ms: int = 2000) -> None:  # fmt: skip
        super().__init__(parent)
        self.services = services
        self.interval, self.stuck_after, self.attempts = interval, stuck_after, attempts
        self.run_worker, self.start_delay_ms = run_worker, start_delay_ms
        self.session: SyncSession | None = None
        self.worker: SyncLoop | None = None
        self.snapshot: SyncSnapshot | None = None
        self.last_report: SyncReport | None = None
        self.busy = False
        self.stopped = False
        self._one_off = False
        self._lock = threading.Lock()
        self.relay = SyncRelay(self)
        self.relay.round_finished.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)
        self.relay.round_started.connect(self._on_started, Qt.ConnectionType.QueuedConnection)

    # --- set-up ---------------------------------------------------------------------------------------

    def _session(self) -> SyncSession:
        """On a worker thread: the import and the table check are the slow part."""
        with self._lock:
            if self.session is None:
                self.session = self.services.sync().session(
                    attempts=self.attempts, on_start=self.relay.announce
                )
                self.relay.session = self.session
            return self.session

    def start_later(self) -> None:
        """Show the state at once, then ``start()`` after ``start_delay_ms``.

        The first read is ``services.snapshot()`` (app/services/sync_status.py: a few queries, no engine), so
        the status bar shows the last successful sync and what waits to be sent from the first second; the
        engine's imports (httpx, keyring) and the first round wait, so they do not compete with the dashboard's
        first load for the interpreter."""
        if not self.alive():
            return
        run_in_background(self.services.snapshot, self._set_status, self._failed)
        QTimer.singleShot(self.start_delay_ms, self, self.start)

    def start(self) -> None:
        """Read the state off the GUI thread; start the worker if the desk is enrolled."""
        if not self.alive():
            return

        def prepare() -> SyncSnapshot:
            return self._session().snapshot()

        run_in_background(prepare, self._prepared, self._failed)

    def _prepared(self, snapshot: SyncSnapshot) -> None:
        if not self.alive():
            return
        self._set_status(snapshot)
        if snapshot.enrolled and self.run_worker:
            self._start_worker()

    def _start_worker(self) -> None:
        if self.stopped or self.worker is not None or self.session is None:
            return
        self.worker = self.session.loop(interval=self.interval, stuck_after=self.stuck_after,
                                        on_report=self.relay.deliver)  # fmt: skip
        self.worker.start()

    def stop(self, wait: float = 5.0) -> None:
        """Ask the running round to end (its network call is aborted) and wait up to ``wait`` seconds."""
        if self.stopped:
            return
        self.stopped = True
        self.relay.closed = True
        if self.session is not None:
            self.session.stop()
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.stop()
            if not worker.join(wait):
                log.warning("sync worker still running after stop")

    # --- on the GUI thread, from the relay -------------------------------------------------------------

    @Slot()
    def _on_started(self) -> None:
        self._set_busy(True)

    @Slot(object, object)
    def _on_delivered(self, report: SyncReport, snapshot: SyncSnapshot) -> None:
        if self.stopped:
            return
        self.last_report = report
        self._set_busy(False)
        self._set_status(snapshot)
        self.report_received.emit(report)

    # --- for the pages ---------------------------------------------------------------------------------

    def status(self) -> SyncSnapshot | None:
        """The last state read (cheap; None until the first read has finished)."""
        return self.snapshot

    def refresh(self) -> None:
        """Read the state again (after a conflict was resolved, after an intake …), off the GUI thread."""
        if self.stopped:
            return
        run_in_background(lambda: self._session().snapshot(), self._set_status, self._failed)

    def sync_now(self) -> None:
        """Wake the worker; without one (desk not enrolled yet) run one attempt so the reason is shown."""
        if self.stopped or self.busy:
            return
        if self.worker is not None:
            self._set_busy(True)
            self.worker.sync_now()
            return
        self._set_busy(True)
        self._one_off = True

        def once() -> tuple[SyncReport, SyncSnapshot]:
            session = self._session()
            return session.sync(max_attempts=1), session.snapshot()

        run_in_background(once, self._one_off_done, self._failed)

    def _one_off_done(self, result: tuple[SyncReport, SyncSnapshot]) -> None:
        if not shiboken6.isValid(self):
            return
        self._one_off = False
        self._on_delivered(*result)

    def enroll(self, server_url: str, code: str, *, ca_bundle: str | None = None, label: str = "",
               on_done: Callable[[Enrollment], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> None:  # fmt: skip
        """``SyncService`` enrolment off the GUI thread; on success the loop starts and syncs at once."""

        def work() -> tuple[Enrollment, SyncSnapshot]:
            session = self._session()
            enr = session.enroll(server_url, code, ca_bundle=ca_bundle, label=label)
            return enr, session.snapshot()

        def done(result: tuple[Enrollment, SyncSnapshot]) -> None:
            if not self.alive():  # the window or tab went away meanwhile; the enrollment is saved anyway
                return
            enr, snapshot = result
            self._set_status(snapshot)
            self.enrolled.emit(enr)
            if on_done is not None:
                on_done(enr)
            if self.run_worker:
                self._start_worker()

        def failed(exc: BaseException) -> None:
            if not self.alive():
                return
            if on_error is not None:
                on_error(exc)
            else:
                self._failed(exc)

        run_in_background(work, done, failed)

    # --- internals -------------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busy_changed.emit(busy)

    def alive(self) -> bool:
        """Not stopped and not deleted by Qt (a background result may arrive after its page is gone)."""
        return shiboken6.isValid(self) and not self.stopped

    def _set_status(self, snapshot: Any) -> None:
        """Show ``snapshot`` unless a read that began later is already shown (two reads run on two worker
        threads; the older one may finish last and would bring back a stale count)."""
        if not self.alive():
            return
        if self.snapshot is not None and snapshot.taken_at < self.snapshot.taken_at:
            return
        self.snapshot = snapshot
        self.status_changed.emit(snapshot)

    def _failed(self, exc: BaseException) -> None:
        """Reading the state failed (a damaged or locked register): logged; the window keeps working."""
        log.error("sync controller: %s", exc, exc_info=exc)
        if shiboken6.isValid(self) and self._one_off:
            self._one_off = False
            self._set_busy(False)

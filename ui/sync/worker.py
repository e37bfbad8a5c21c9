"""The engine side of the workstation's sync: imported lazily, on a worker thread (httpx, keyring and the
engine cost start-up time an officer would notice), and free of Qt so it can never touch a widget.

* ``DeskSyncEngine`` announces every round (the window shows "menyinkronkan…"), keeps a round short (few
  attempts, short back-off: the worker's interval is the long retry) and stops at once when asked;
* ``JoinableWorker`` is a ``SyncWorker`` whose thread can be joined, so a logout or a language switch never
  leaves a sync running against a closed register;
* ``snapshot()`` reads everything the status bar, the banner and the Sinkronisasi page show, in one go.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.services.clock_check import ClockStatus, clock_status
from app.services.desk import DeskServices
from app.sync.engine import SyncEngine, SyncReport, SyncWorker
from app.sync.secrets import TokenStore


class Stopped(Exception):
    """Raised inside a round when the controller stops: nothing is recorded as an error."""


@dataclass(frozen=True)
class SyncSnapshot:
    """What the desk knows about its sync, read without the network."""

    enrolled: bool = False
    server_url: str = ""
    office_code: str = ""
    office_name: str = ""
    desk_letter: str = ""
    is_city: bool = False
    ca_bundle: str = ""
    last_success: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    pending: int = 0
    open_conflicts: int = 0
    clock: ClockStatus | None = None
    taken_at: float = 0.0  # time.monotonic() when the read began: a slower, older read never overwrites a newer

    @property
    def clock_suspicious(self) -> bool:
        return self.clock is not None and self.clock.suspicious


class DeskSyncEngine(SyncEngine):
    def __init__(self, desk: DeskServices, tokens: TokenStore | None = None, *, attempts: int = 3,
                 max_delay: float = 30.0, on_start: Callable[[], None] | None = None) -> None:  # fmt: skip
        super().__init__(desk.ctx.db, tokens or TokenStore(), clock=desk.ctx.clock)
        self.desk = desk
        self.attempts, self.max_delay = attempts, max_delay
        self.on_start = on_start
        self.stopping = threading.Event()

    def sync(self, **kwargs: Any) -> SyncReport:
        """One round as the worker runs it; returns a report with ``error_code == "stopped"`` when the
        controller stopped meanwhile (that report is dropped, and nothing is written as the last error)."""
        if self.stopping.is_set():
            return SyncReport(error_code="stopped")
        if self.on_start is not None:
            self.on_start()
        nap = kwargs.pop("sleep", None)

        def sleep(seconds: float) -> None:
            if nap is not None:
                nap(seconds)
            if self.stopping.is_set():
                raise Stopped

        kwargs.setdefault("max_attempts", self.attempts)
        kwargs.setdefault("max_delay", self.max_delay)
        try:
            return super().sync(sleep=sleep, **kwargs)
        except Stopped:
            return SyncReport(error_code="stopped")

    def stop(self) -> None:
        self.stopping.set()
        self.abort()

    def snapshot(self) -> SyncSnapshot:
        taken_at = time.monotonic()
        status = self.status()
        enr = self.enrollment()
        error = status.get("last_error") or {}
        if enr is not None and error.get("code") == "not_enrolled":  # recorded before the enrollment
            error = {}
        with self.desk.ctx.db.reader() as session:
            clock = clock_status(session)
        return SyncSnapshot(
            enrolled=enr is not None, server_url=enr.server_url if enr else "",
            office_code=enr.office_code if enr else "", office_name=enr.office_name if enr else "",
            desk_letter=enr.desk_letter if enr else "", is_city=bool(enr and enr.is_city),
            ca_bundle=(enr.ca_bundle or "") if enr else "", last_success=status.get("last_success"),
            error_code=error.get("code"), error_message=error.get("message"),
            pending=int(status.get("pending") or 0), open_conflicts=int(status.get("open_conflicts") or 0),
            clock=clock, taken_at=taken_at,
        )  # fmt: skip


@dataclass
class JoinableWorker(SyncWorker):
    """``SyncWorker`` that keeps its loop thread, so ``stop(join=…)`` can wait for the round to end."""

    thread: threading.Thread | None = field(default=None)

    def start(self) -> None:
        self.thread = threading.Thread(target=self._loop, daemon=True, name="ppid-sync")
        self.thread.start()
        threading.Thread(target=self._watch, daemon=True, name="ppid-sync-watchdog").start()

    def join(self, timeout: float) -> bool:
        """True when the loop has ended within ``timeout`` seconds."""
        if self.thread is None:
            return True
        self.thread.join(timeout)
        return not self.thread.is_alive()

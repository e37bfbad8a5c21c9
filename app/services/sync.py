"""``desk.sync``: the desk's one door to the city server, used alike by the workstation and ``ppid-desk``.

It owns enrolment, one sync round (with a start callback and a stop request a GUI can tie to its signals),
the background loop with its watchdog, and the status read without the network (pending ops, last successful
sync, last error, open conflicts, the clock check). The transport itself (``app.sync``: engine, client,
outbox, apply) stays below it: the services import ``app.sync``, never the other way round.

Importing this module pulls in httpx and keyring; ``DeskServices.sync`` builds it on first use, and the
workstation does that on a worker thread, so neither costs the start-up an officer waits for.

Two shapes, because the two callers differ:

* ``SyncService`` methods (``enroll``, ``run``, ``status``, ``snapshot``) are one-shot: each builds a fresh
  ``SyncEngine``, as the command line wants;
* ``session()`` gives a ``SyncSession``, a long-lived engine for one window: its rounds are short (few
  attempts, short back-off: the loop's interval is the long retry), announce themselves (``on_start``) and end
  at once on ``stop()``; ``SyncSession.loop()`` runs them every ``interval`` seconds on its own thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.services.context import DeskContext
from app.services.sync_status import SyncSnapshot, read_snapshot
from app.sync.engine import ClientFactory, Enrollment, SyncEngine, SyncReport, SyncWorker, default_client
from app.sync.secrets import TokenStore

__all__ = ["SyncLoop", "SyncReport", "SyncService", "SyncSession", "SyncSnapshot"]


class Stopped(Exception):
    """Raised inside a round when its session stops: nothing is recorded as an error."""


class SyncService:
    def __init__(
        self,
        ctx: DeskContext,
        tokens: TokenStore | None = None,
        *,
        client_factory: ClientFactory = default_client,
    ) -> None:
        self.ctx = ctx
        self.tokens = tokens
        self.client_factory = client_factory

    def engine(self) -> SyncEngine:
        """A fresh engine on this desk's register (for tools that drive the rounds themselves)."""
        return SyncEngine(
            self.ctx.db, self._tokens(), client_factory=self.client_factory, clock=self.ctx.clock
        )

    def _tokens(self) -> TokenStore:
        return self.tokens or TokenStore()

    def enrollment(self) -> Enrollment | None:
        return self.engine().enrollment()

    def enroll(
        self, server_url: str, code: str, *, ca_bundle: str | None = None, label: str = ""
    ) -> Enrollment:
        """Join the city server with a one-time code (``SyncEngine.enroll``). Raises ``SyncError`` or
        ``SecretStoreUnavailable``."""
        return self.engine().enroll(server_url, code, ca_bundle=ca_bundle, label=label)

    def run(self, *, attempts: int = 3, max_delay: float = 30.0) -> SyncReport:
        """One sync: push, pull, check, retried up to ``attempts`` failures in a row without progress."""
        return self.engine().sync(max_attempts=max(1, attempts), max_delay=max_delay)

    def status(self) -> dict[str, Any]:
        """The state as ``ppid-desk sync --status`` prints it (see ``SyncEngine.status``)."""
        return self.engine().status()

    def snapshot(self) -> SyncSnapshot:
        """The state without the network (``read_snapshot``: the status bar reads it before this module
        is even imported)."""
        return read_snapshot(self.ctx.db)

    def session(
        self, *, attempts: int = 3, max_delay: float = 30.0, on_start: Callable[[], None] | None = None
    ) -> SyncSession:
        return SyncSession(self, attempts=attempts, max_delay=max_delay, on_start=on_start)


class SyncSession(SyncEngine):
    """One window's engine: rounds announce themselves (``on_start``, called on the round's thread) and end at
    once when ``stop()`` is called (the network call in flight is aborted; the report says ``stopped`` and
    nothing is recorded as the last error). A stopped session stays stopped."""

    def __init__(
        self, service: SyncService, *, attempts: int, max_delay: float, on_start: Callable[[], None] | None
    ) -> None:
        super().__init__(service.ctx.db, service._tokens(), client_factory=service.client_factory,
                         clock=service.ctx.clock)  # fmt: skip
        self.attempts, self.max_delay = attempts, max_delay
        self.on_start = on_start
        self.stopping = threading.Event()

    def sync(self, **kwargs: Any) -> SyncReport:
        """One round; returns a report with ``error_code == "stopped"`` when the session stopped meanwhile."""
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
        return read_snapshot(self.db)

    def loop(
        self, *, interval: float, stuck_after: float, on_report: Callable[[SyncReport], None] | None = None
    ) -> SyncLoop:
        """The background loop (not started): a round at once, then every ``interval`` seconds or when woken;
        ``on_report`` is called on the loop's thread after every round."""
        return SyncLoop(self, interval=interval, stuck_after=stuck_after, on_report=on_report)


@dataclass
class SyncLoop(SyncWorker):
    """``SyncWorker`` that keeps its loop thread, so a logout can wait for the round to end (``join``)."""

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

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
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.services.context import DeskContext
from app.sync.clock import ClockStatus, clock_status
from app.sync.engine import ClientFactory, Enrollment, SyncEngine, SyncReport, SyncWorker, default_client
from app.sync.secrets import TokenStore

__all__ = ["SyncLoop", "SyncReport", "SyncService", "SyncSession", "SyncSnapshot"]


class Stopped(Exception):
    """Raised inside a round when its session stops: nothing is recorded as an error."""


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
    quarantined: int = 0
    """Pulled items set aside because this desk could not store them (the supervisor looks at them)."""
    quarantined_items: tuple[tuple[str, str, str], ...] = ()
    """The latest of them as (kind, id, reason)."""
    clock: ClockStatus | None = None
    taken_at: float = (
        0.0  # time.monotonic() when the read began: a slower, older read never overwrites a newer
    )

    @property
    def clock_suspicious(self) -> bool:
        return self.clock is not None and self.clock.suspicious


def _snapshot(engine: SyncEngine) -> SyncSnapshot:
    taken_at = time.monotonic()
    status = engine.status()
    enr = engine.enrollment()
    error = status.get("last_error") or {}
    if enr is not None and error.get("code") == "not_enrolled":  # recorded before the enrollment
        error = {}
    with engine.db.reader() as session:
        clock = clock_status(session)
    return SyncSnapshot(
        enrolled=enr is not None, server_url=enr.server_url if enr else "",
        office_code=enr.office_code if enr else "", office_name=enr.office_name if enr else "",
        desk_letter=enr.desk_letter if enr else "", is_city=bool(enr and enr.is_city),
        ca_bundle=(enr.ca_bundle or "") if enr else "", last_success=status.get("last_success"),
        error_code=error.get("code"), error_message=error.get("message"),
        pending=int(status.get("pending") or 0), open_conflicts=int(status.get("open_conflicts") or 0),
        quarantined=int(status.get("quarantined") or 0),
        quarantined_items=tuple(
            (str(q["entity"]), str(q["entity_id"]), str(q["reason"])) for q in status.get("quarantined_items") or []
        ),
        clock=clock, taken_at=taken_at,
    )  # fmt: skip


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
        return _snapshot(self.engine())

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
        return _snapshot(self)

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

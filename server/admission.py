"""Load shedding: a bounded queue in front of the database work of push and pull, per worker process.

Under overload (more pushes than the cores and PostgreSQL can apply, or a neighbour taking a core of a shared
machine) requests used to wait in the thread pool's queue without bound: every answer got slower, a desk's
2G client timed out and sent the same batch again, which queued again, and p99 went from 0.2 to 17 s. Now a
request is admitted only while fewer than ``limit`` are running or waiting, and one that still waited longer
than ``max_wait`` for a thread is refused when its turn comes, before any database work. A refusal is a
signed ``503 server_busy`` with ``Retry-After``: nothing was applied, and the desk sends the same ops again
after that many seconds (app/sync/engine.py), so the work the server does take is answered promptly.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from fastapi.concurrency import run_in_threadpool

from server.auth import ApiError

log = logging.getLogger("ppid.server")
T = TypeVar("T")

BUSY_MESSAGE = (
    "Server kota sedang sibuk; meja akan mengirim lagi otomatis sebentar lagi. Tidak ada data yang hilang."
)


class Admission:
    def __init__(self, limit: int, max_wait: float, retry_after: int) -> None:
        self.limit, self.max_wait, self.retry_after = limit, max_wait, retry_after
        self.inflight = 0  # running or waiting for a thread (the event loop's own count: no lock needed)
        self.shed_full = 0
        self.shed_late = 0
        self._lock = threading.Lock()
        self._window = Window(time.monotonic())

    def _note(self, wait: float, run: float | None) -> None:
        with self._lock:
            self._window.add(wait, run, self.inflight)

    def _report(self) -> None:
        """Every ``STATS_EVERY`` seconds one log line with the window's queue wait and run times: where the
        time of a slow answer went (waiting for a thread, or in the database work). A warning when requests
        were shed or waited more than half of ``max_wait``, so an operator sees a server at its limit."""
        now = time.monotonic()
        with self._lock:
            window = self._window
            if now - window.start < STATS_EVERY:
                return
            self._window = Window(now)
        if not window.count:
            return
        fields = window.fields(self.shed_full, self.shed_late)
        loaded = window.shed or window.wait_max > self.max_wait / 2
        log.log(logging.WARNING if loaded else logging.INFO, "admission", extra=fields)

    def busy(self, why: str) -> ApiError:
        return ApiError(503, "server_busy", BUSY_MESSAGE, retry_after=self.retry_after, reason=why)

    async def run(self, fn: Callable[[], T]) -> T:
        """``fn`` in the thread pool if the queue has room and the wait for a thread stays short; 503 otherwise."""
        if self.inflight >= self.limit:
            self.shed_full += 1
            log.info("load shed", extra={"reason": "queue_full", "inflight": self.inflight})
            raise self.busy("queue_full")
        self.inflight += 1
        admitted = time.monotonic()

        def timed() -> T:
            began = time.monotonic()
            waited = began - admitted
            if waited > self.max_wait:
                self.shed_late += 1
                self._note(waited, None)
                log.info("load shed", extra={"reason": "queue_wait", "ms": round(waited * 1000)})
                raise self.busy("queue_wait")
            try:
                return fn()
            finally:
                self._note(waited, time.monotonic() - began)

        try:
            return await run_in_threadpool(timed)
        finally:
            self.inflight -= 1
            self._report()


STATS_EVERY = 10.0


class Window:
    """Queue wait and run time of the requests of one stats window."""

    def __init__(self, start: float) -> None:
        self.start = start
        self.count = self.shed = 0
        self.wait_sum = self.wait_max = self.run_sum = self.run_max = 0.0
        self.inflight_max = 0

    def add(self, wait: float, run: float | None, inflight: int) -> None:
        self.count += 1
        self.wait_sum += wait
        self.wait_max = max(self.wait_max, wait)
        self.inflight_max = max(self.inflight_max, inflight)
        if run is None:
            self.shed += 1
        else:
            self.run_sum += run
            self.run_max = max(self.run_max, run)

    def fields(self, shed_full: int, shed_late: int) -> dict[str, float | int]:
        ran = max(1, self.count - self.shed)
        return {
            "requests": self.count, "shed_late": self.shed, "shed_full_total": shed_full,
            "shed_late_total": shed_late, "wait_ms_mean": round(self.wait_sum / self.count * 1000, 1),
            "wait_ms_max": round(self.wait_max * 1000, 1), "run_ms_mean": round(self.run_sum / ran * 1000, 1),
            "run_ms_max": round(self.run_max * 1000, 1), "inflight_max": self.inflight_max,
        }  # fmt: skip

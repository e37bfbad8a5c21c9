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
            waited = time.monotonic() - admitted
            if waited > self.max_wait:
                self.shed_late += 1
                log.info("load shed", extra={"reason": "queue_wait", "ms": round(waited * 1000)})
                raise self.busy("queue_wait")
            return fn()

        try:
            return await run_in_threadpool(timed)
        finally:
            self.inflight -= 1

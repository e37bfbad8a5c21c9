"""A push upload that went quiet, told apart from one still crossing (feature ``push_resume``).

When one batch is left open and its answer does not come, the desk cannot see whether its body is still
crossing the link (its writes went into buffers long ago) or a half-open link swallowed it; it used to wait
for the answer's header timeout, which covers every buffered byte at a deliberately low rate (with nothing
else to send, the link idled that long). A server with ``push_resume`` says how far the body got, counting
the request still receiving it (``GET /push/upload/{sha256}?live=true``). Asked every ``stall / 2`` seconds
while the batch is the only one open: a position that has not moved for ``stall`` seconds is a stall (or, at
the body's end, a lost answer), and the batch is failed and continued from what the server holds. A false
alarm costs the bytes still in buffers and a round trip, not the batch. A server that sees no open
request for the body and has not applied it whole tells nothing (an upload younger than half a second is
not yet noted for the server's other workers): the batch then waits for its timeout as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

from app.sync.client import SyncError


class Upload(Protocol):
    size: int
    body: bytes
    cut: bool
    thread: int
    sent_at: float

    def open(self) -> bool: ...


class QuietUpload:
    def __init__(self, arrived: Callable[[str, int], int], wake: Callable[[], None], stall: float) -> None:
        self.arrived, self.wake, self.stall = arrived, wake, stall
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ppid-probe")
        self._flight: Upload | None = None
        self._asking: Future[int] | None = None
        self._asked_at = 0.0
        self._seen: list[tuple[float, int]] = []  # (asked at, how far the body got) for ``_flight``
        self.probes = 0

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def check(self, flights: Sequence[Upload], last_answer: float) -> Upload | None:
        """The one open upload if it has stalled; asks the server again when due."""
        now = time.monotonic()
        open_ = [f for f in flights if f.open()]
        if len(open_) != 1 or not open_[0].sent_at or not open_[0].thread:
            self._flight, self._seen = None, []
            return None
        flight = open_[0]
        if flight is not self._flight:
            self._flight, self._seen = flight, []
        if self._asking is not None:
            if not self._asking.done():
                return None
            with contextlib.suppress(SyncError):  # a question lost on the link is asked again
                position = self._asking.result()
                if position >= 0:  # -1: the server cannot tell (the request may be in another process)
                    self._seen.append((self._asked_at, position))
            self._asking = None
            if self._stalled():
                self._flight, self._seen = None, []
                return flight
        if (
            now - max(flight.sent_at, last_answer) >= self.stall / 2
            and now - self._asked_at >= self.stall / 2
        ):
            digest = hashlib.sha256(flight.body).hexdigest()
            self._asked_at = now
            self.probes += 1
            self._asking = self._pool.submit(self.arrived, digest, flight.size)
            self._asking.add_done_callback(lambda _f: self.wake())
        return None

    def _stalled(self) -> bool:
        """The last answers named one position for ``stall`` seconds or more."""
        if not self._seen:
            return False
        last_at, last = self._seen[-1]
        first_at = last_at
        for at, position in reversed(self._seen):
            if position != last:
                break
            first_at = at
        return last_at - first_at >= self.stall

"""SyncEngine._cut_stalled: when a push batch's answer counts as overdue.

Uploads share one slow link, so a batch whose body entered its socket first may still be crossing it after a
later, smaller batch was answered. Failing it then re-sends a whole batch the server is about to answer (the
bench's lifecycle push: three such false alarms, 648 B/request against 573); a batch whose answer stalled
must still be failed without waiting for its header timeout.
"""

from __future__ import annotations

import time
from collections import deque
from concurrent.futures import Future
from typing import Any

from app.sync.engine import SyncEngine, _Flight


class _Client:
    base_read_timeout = 4.0
    link_rate = 8000.0  # bytes/s: the bench's 2G link
    rate_estimate = 2048.0

    def __init__(self) -> None:
        self.aborted: list[int] = []

    def abort_thread(self, thread: int) -> None:
        self.aborted.append(thread)


def _flight(thread: int, sent_at: float, size: int = 38_000) -> _Flight:
    flight = _Flight(ops=[], size=size, sent_at=sent_at, thread=thread)
    flight.sent.set()
    return flight


def _engine(desk: Any) -> SyncEngine:
    return SyncEngine(desk.ctx.db, clock=desk.ctx.clock)


def test_a_batch_behind_four_open_uploads_is_not_failed_while_its_bytes_may_still_be_crossing(desk: Any):
    now = time.monotonic()
    flights = [_flight(thread, now - 12) for thread in range(1, 6)]  # 190 KB open: ~24 s at 8 KB/s
    answered = deque([(now - 11.0, now - 9.0)])  # a batch sent after them, answered 9 s ago
    client = _Client()
    _engine(desk)._cut_stalled(client, flights, answered)  # type: ignore[arg-type]
    assert client.aborted == [] and not any(f.cut for f in flights)


def test_a_batch_whose_answer_stalled_is_failed_once_its_bytes_had_time_to_cross(desk: Any):
    now = time.monotonic()
    stalled = _flight(1, now - 20)
    answered = deque([(now - 19.0, now - 10.0)])  # 4 s read timeout + 38 KB at 8 KB/s (4.75 s) < 10 s
    client = _Client()
    _engine(desk)._cut_stalled(client, [stalled], answered)  # type: ignore[arg-type]
    assert client.aborted == [1] and stalled.cut


def test_an_answered_or_unsent_batch_is_never_failed(desk: Any):
    now = time.monotonic()
    done = _flight(1, now - 30)
    done.future = Future()
    done.future.set_result(None)
    unsent = _Flight(ops=[], size=1000, thread=2)
    client = _Client()
    _engine(desk)._cut_stalled(client, [done, unsent], deque([(now - 29.0, now - 25.0)]))  # type: ignore[arg-type]
    assert client.aborted == []

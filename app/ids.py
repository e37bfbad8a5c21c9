"""Identifiers made on the desk, so that a record keeps its identity when it travels to the city server."""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_millis = -1
_counter = 0


def new_id() -> str:
    """A time-ordered UUID (version 7 layout) as text: unique without coordination, sortable by creation.

    Within one millisecond the 12-bit ``rand_a`` field is a counter (RFC 9562 §6.2, method 1), so ids made by one
    process sort in the order they were made: a request's timeline, ordered by (recorded_at, id), keeps the
    order of events recorded in the same instant.
    """
    global _last_millis, _counter
    with _lock:
        millis = time.time_ns() // 1_000_000
        if millis > _last_millis:
            _last_millis, _counter = (
                millis,
                int.from_bytes(os.urandom(1), "big"),
            )  # random start, room to count
        else:
            _counter += 1
            if _counter > 0xFFF:  # counter exhausted: borrow the next millisecond
                _last_millis, _counter = _last_millis + 1, 0
        millis, counter = _last_millis, _counter
    rand = int.from_bytes(os.urandom(8), "big")
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= counter << 64
    value |= 0b10 << 62
    value |= rand & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))

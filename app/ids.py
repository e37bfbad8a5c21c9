"""Identifiers made on the desk, so that a record keeps its identity when it travels to the city server."""

from __future__ import annotations

import os
import time
import uuid


def new_id() -> str:
    """A time-ordered UUID (version 7 layout) as text: unique without coordination, sortable by creation."""
    millis = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= (rand >> 68) << 64  # 12 random bits
    value |= 0b10 << 62
    value |= rand & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))

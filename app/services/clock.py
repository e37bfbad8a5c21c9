"""The desk's notion of "now", injectable so tests and back-dated entries are deterministic."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime


def system_now() -> datetime:
    """Local office time, naive, to the second (what officers read on the wall clock)."""
    return datetime.now().replace(microsecond=0)


Clock = Callable[[], datetime]

"""Makes bench/faultproxy.py importable as ``faultproxy`` (the same module the benchmarks use)."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from tests.server.conftest import db_url, engine, enroll, server  # noqa: E402,F401 - shared server fixtures

"""Makes bench/faultproxy.py importable as ``faultproxy`` (the same module the benchmarks use), and chooses the
city server's database for the sync tests.

Why PostgreSQL alone by default: these tests are about the desk's engine, the link and the protocol; the city
server under them runs on PostgreSQL in production, and the server's own SQL on both of its databases is
covered test by test in tests/server. Running every sync scenario again over a SQLite server repeated the same
desk-side steps without reaching any other server code. A few scenarios whose outcome hangs on how the server
commits (a full round trip, a link cut mid-push, the server killed mid-push) keep the SQLite variant through
``ALSO_ON_SQLITE``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from server.db import make_engine  # noqa: E402
from server.testing import LiveServer, live_server  # noqa: E402
from tests.server.conftest import (  # noqa: E402,F401
    SERVER_DATABASES,
    engine,
    enroll,
    pg_url,
    server,
    server_database,
)

#: The tests that tell a silent link from a slow one by a read timeout of a few seconds run one after another on
#: one xdist worker (``--dist loadgroup``), so two of them never hold each other's server up past that timeout.
SILENT_LINK = pytest.mark.xdist_group("silent-link")

#: Runs a sync test over a SQLite city server as well as over PostgreSQL.
ALSO_ON_SQLITE = pytest.mark.parametrize("db_url", SERVER_DATABASES, indirect=True)


@pytest.fixture(params=[pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    yield from server_database(request.param, tmp_path)


@pytest.fixture
def hub(pg_url: str) -> Iterator[LiveServer]:  # noqa: F811
    """A live city server on a PostgreSQL database of its own (modules that need another define their own)."""
    city = make_engine(pg_url)
    with live_server(city) as srv:
        yield srv
    city.dispose()

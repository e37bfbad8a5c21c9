"""Fixtures for the city server tests: each test gets a fresh database (a SQLite file, or a uniquely named
PostgreSQL database that is dropped afterwards) and, where needed, a live uvicorn server on 127.0.0.1."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Engine

from app.ids import new_id
from app.sync.client import SyncClient
from ppid_protocol.wire import Op
from server import admin
from server.db import make_engine
from server.testing import (
    LiveServer,
    init_db,
    live_server,
    postgres_reachable,
    postgres_required,
    postgres_schema,
    standard_offices,
)


def require_postgres() -> None:
    if not postgres_reachable():
        message = "PostgreSQL at 127.0.0.1:5432 is not reachable"
        if postgres_required():
            pytest.fail(message + " and PPID_REQUIRE_POSTGRES=1")
        pytest.skip(message + " (set PPID_REQUIRE_POSTGRES=1 to make this a failure)")


def _prepared(url: str) -> str:
    eng = init_db(url)
    standard_offices(eng)
    eng.dispose()
    return url


#: Both databases the server runs on: PostgreSQL in production, a SQLite file for a trial.
SERVER_DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def server_database(kind: str, tmp_path: Any) -> Iterator[str]:
    """A migrated database of ``kind``: a SQLite file, or a fresh schema in the PostgreSQL ``test`` database
    (unique per test, so parallel test processes never share one)."""
    if kind == "sqlite":
        yield _prepared(f"sqlite:///{tmp_path}/server.sqlite3")
        return
    require_postgres()
    with postgres_schema() as url:
        yield _prepared(url)


@pytest.fixture(params=SERVER_DATABASES)
def db_url(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    """Every server test runs on both databases: the server's own SQL differs between them."""
    yield from server_database(request.param, tmp_path)


@pytest.fixture
def pg_url() -> Iterator[str]:
    require_postgres()
    with postgres_schema() as url:
        yield _prepared(url)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A migrated database with the city office 3673 and the kecamatan offices 3673.01 and 3673.02."""
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def server(engine: Engine) -> Iterator[LiveServer]:
    with live_server(engine) as srv:
        yield srv


Enroller = Callable[[str], SyncClient]


@pytest.fixture
def enroll(server: LiveServer) -> Iterator[Enroller]:
    clients: list[SyncClient] = []

    def _enroll(office_code: str) -> SyncClient:
        code, _ = admin.new_enroll_code(server.engine, office_code)
        client = SyncClient(server.url)
        done = client.enroll(code, label=f"meja {office_code}")
        client.token, client.device_id = done.token, done.device_id
        clients.append(client)
        return client

    yield _enroll
    for c in clients:
        c.close()


_seq = itertools.count(1)


def make_op(
    entity_id: str | None = None, *, base: int = 0, record: dict[str, Any] | None = None, action: str = "receive",
    entity: str = "request", event: dict[str, Any] | None = None, **extra: Any,
) -> Op:  # fmt: skip
    """An outbox operation as the desk writes it (full state after the intent + the appended event)."""
    eid = entity_id or new_id()
    rec = dict(record or {"office_code": "3673.01", "status": "verifikasi", "information": "APBD 2025"})
    payload: dict[str, Any] = {"record": rec, "event": event or {"id": new_id(), "kind": action}}
    payload.update(extra)
    return Op(seq=next(_seq), op_id=new_id(), entity=entity, entity_id=eid, action=action, payload=payload,  # type: ignore[arg-type]
              base_version=base, created_at="2026-03-02T10:14:05")  # fmt: skip

"""Test and benchmark helpers for the city server: a throwaway PostgreSQL database, a live uvicorn server on
127.0.0.1 in a thread, and an admin set-up shortcut. Used by tests/server, tests/sync and bench/.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Engine

from server import admin
from server.app import ServerConfig, create_app
from server.db import make_engine, upgrade

PG_HOST, PG_PORT, PG_ADMIN_DB = "127.0.0.1", 5432, "test"


def postgres_reachable() -> bool:
    try:
        with socket.create_connection((PG_HOST, PG_PORT), timeout=1.0):
            return True
    except OSError:
        return False


def postgres_required() -> bool:
    return os.environ.get("PPID_REQUIRE_POSTGRES") == "1"


@contextlib.contextmanager
def postgres_database(template: str | None = None) -> Iterator[str]:
    """A freshly created, uniquely named database (dropped afterwards); yields its SQLAlchemy URL.
    ``template`` names a database to copy (much faster than running the migrations again)."""
    import psycopg

    name = f"ppid_t_{uuid.uuid4().hex[:12]}"
    admin_dsn = f"host={PG_HOST} port={PG_PORT} dbname={PG_ADMIN_DB}"
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    try:
        yield f"postgresql+psycopg://{PG_HOST}:{PG_PORT}/{name}"
    finally:
        with psycopg.connect(admin_dsn, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def postgres_schema() -> Iterator[str]:
    """A fresh schema in the ``test`` database (dropped afterwards), selected through ``search_path``: much
    cheaper than a database per test, and just as isolated for the server's tables."""
    import psycopg

    name = f"ppid_t_{uuid.uuid4().hex[:12]}"
    admin_dsn = f"host={PG_HOST} port={PG_PORT} dbname={PG_ADMIN_DB}"
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
    try:
        yield f"postgresql+psycopg://{PG_HOST}:{PG_PORT}/{PG_ADMIN_DB}?options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(admin_dsn, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


def db_name(url: str) -> str:
    return url.rsplit("/", 1)[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    port: int
    engine: Engine
    config: ServerConfig
    _server: object
    _thread: threading.Thread

    def stop(self) -> None:
        self._server.should_exit = True  # type: ignore[attr-defined]
        self._thread.join(timeout=15)


def start_server(engine: Engine, config: ServerConfig | None = None, port: int | None = None) -> LiveServer:
    """Run the app under uvicorn on 127.0.0.1 in a daemon thread; returns once it accepts connections."""
    import uvicorn

    cfg = config or ServerConfig()
    port = port or free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(engine, cfg),
            host="127.0.0.1",
            port=port,
            log_config=None,
            log_level="warning",
            timeout_keep_alive=30,
            limit_concurrency=1000,
        )  # fmt: skip
    )
    thread = threading.Thread(target=server.run, daemon=True, name=f"uvicorn-{port}")
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    return LiveServer(f"http://127.0.0.1:{port}", port, engine, cfg, server, thread)


@contextlib.contextmanager
def live_server(engine: Engine, config: ServerConfig | None = None) -> Iterator[LiveServer]:
    srv = start_server(engine, config)
    try:
        yield srv
    finally:
        srv.stop()


def init_db(url: str) -> Engine:
    engine = make_engine(url)
    upgrade(engine)
    return engine


def standard_offices(engine: Engine) -> None:
    """The city PPID (sees all) and two kecamatan offices, as in the issue's scenarios."""
    admin.add_office(engine, "3673", "PPID Utama Kota Serang", is_city=True)
    admin.add_office(engine, "3673.01", "Kecamatan Serang")
    admin.add_office(engine, "3673.02", "Kecamatan Cipocok Jaya")

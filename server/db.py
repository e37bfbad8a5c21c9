"""Engine creation and schema upgrades for the city server (PostgreSQL in production, SQLite for a trial)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import psycopg
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import Connection, Engine, create_engine, event

from server import jsonfast

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def default_db_url() -> str:
    """``PPID_SERVER_DB`` or a SQLite file in the user's data directory: zero set-up for a trial."""
    env = os.environ.get("PPID_SERVER_DB")
    if env:
        return env
    folder = Path(user_data_dir("ppid-server", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'server.sqlite3'}"


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine tuned per backend. SQLite: WAL, FULL sync, and every transaction ``BEGIN IMMEDIATE`` so that
    concurrent pushes queue on the write lock instead of failing with "database is locked" on upgrade."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 60, "check_same_thread": False}, **kwargs)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            conn.exec_driver_sql(
                "BEGIN" if conn.get_execution_options().get("ppid_read") else "BEGIN IMMEDIATE"
            )

        return engine
    # above the app's thread pool (ServerConfig.db_threads): a connection opened and closed per request costs a
    # PostgreSQL backend start and loses the prepared statements
    kwargs.setdefault("pool_size", 16)
    kwargs.setdefault("max_overflow", 8)
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("json_serializer", jsonfast.dumps)  # JSONB parameters and columns: orjson
    kwargs.setdefault("json_deserializer", jsonfast.loads)
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _no_jit(dbapi_conn: Any, _record: Any) -> None:
        """No JIT compilation: the server's statements are short, and a plan whose estimated cost passes
        ``jit_above_cost`` (the per-requester probes of a 110-op batch on 200,000 records, costed on a guess:
        docs/benchmarks.md, "Server CPU per op") took 227 ms with JIT for what runs in 0.3 ms without."""
        autocommit = dbapi_conn.autocommit
        dbapi_conn.autocommit = True
        with dbapi_conn.cursor() as cur:
            cur.execute("SET jit = off")
        dbapi_conn.autocommit = autocommit

    return engine


def rows_planned_for(conn: Connection, sql: str, params: dict[str, Any]) -> list[Any]:
    """The rows of ``sql`` (driver SQL, PostgreSQL) planned for these very values, never from a prepared
    statement's generic plan. For the per-id probes of a push (``unnest`` + a lateral primary-key or index
    lookup): once psycopg prepares a statement, PostgreSQL may switch to a generic plan costed without the
    values, and for the duplicate check that plan took 16.7 ms instead of 0.1 ms per push on a desk with 3,000
    ops behind it (docs/benchmarks.md, "Server CPU per op"). Run through SQLAlchemy as every other statement
    (its events, its errors, so a push's retry on deadlocks still applies), with psycopg's preparing off."""
    dbapi = conn.connection.dbapi_connection
    assert isinstance(dbapi, psycopg.Connection)
    threshold = dbapi.prepare_threshold
    dbapi.prepare_threshold = None  # psycopg sends it unnamed: PostgreSQL plans it with the values each time
    try:
        return list(conn.exec_driver_sql(sql, params).all())
    finally:
        dbapi.prepare_threshold = threshold


def reader(engine: Engine) -> Engine:
    """The same engine for read-only work: on SQLite a plain deferred BEGIN, so pulls never wait for a push."""
    return engine.execution_options(ppid_read=True)


def _alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine) -> None:
    """Create or upgrade the schema to the newest migration (``ppid-server init``)."""
    command.upgrade(_alembic_config(engine), "head")


def schema_status(engine: Engine) -> tuple[str | None, str | None]:
    """(current revision, head revision): ``serve`` refuses to start unless they are equal."""
    head = ScriptDirectory.from_config(_alembic_config(engine)).get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    return current, head

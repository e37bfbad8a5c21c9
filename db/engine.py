"""The SQLite engine and the transaction boundary every service intent runs in.

WAL + ``synchronous=FULL`` is what makes a printed receipt number survive a power cut: the commit returns only
after the WAL frame is on disk. Write transactions start with ``BEGIN IMMEDIATE`` so two writers never deadlock
on a lock upgrade; the second one waits (``busy_timeout``) instead.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from db import chain

BUSY_TIMEOUT_MS = 10_000


def _configure_connection(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy emit BEGIN itself (see _begin) instead of pysqlite's implicit transactions.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _begin_immediate(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _begin_chained(connection: Any) -> None:
    """A write transaction: BEGIN IMMEDIATE, then make sure this connection records the rows it touches."""
    _begin_immediate(connection)
    chain.install(connection.connection.driver_connection)


def _seal_on_commit(connection: Any) -> None:
    """Just before a write transaction commits: chain its audit entries and seal what it touched
    (``db/chain.py``), inside the same transaction."""
    chain.seal_commit(connection.connection.driver_connection)


def _begin_deferred(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(path: Path | str, *, writer: bool = True) -> Engine:
    """An engine on the register file at ``path`` (created if missing) with the desk's durability pragmas.

    The writer engine takes the write lock at BEGIN; the reader engine does not, so searches never wait for
    (or block) an intake being saved.
    """
    engine = create_engine(f"sqlite+pysqlite:///{path}")
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin_chained if writer else _begin_deferred)
    if writer:
        event.listen(engine, "commit", _seal_on_commit)
    return engine


class Database:
    """Owns the engine and hands out one session per intent."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.engine = make_engine(self.path)
        self.read_engine = make_engine(self.path, writer=False)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(self.read_engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One intent: everything written inside commits together or not at all."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A read-only unit of work (it still opens a transaction, so the view is consistent)."""
        with self._read_sessions() as session:
            yield session
            session.rollback()

    def dispose(self) -> None:
        self.engine.dispose()
        self.read_engine.dispose()

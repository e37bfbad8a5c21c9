"""The SQLite engine and the transaction boundary every service intent runs in.

WAL + ``synchronous=FULL`` is what makes a printed receipt number survive a power cut: the commit returns only
after the WAL frame is on disk. Write transactions start with ``BEGIN IMMEDIATE`` so two writers never deadlock
on a lock upgrade; the second one waits (``busy_timeout``) instead.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import DeskError
from db import chain

BUSY_TIMEOUT_MS = 10_000

#: What SQLite says when the register cannot be written (a read-only or full disk, a failing device).
_UNWRITABLE = ("readonly database", "disk is full", "disk i/o error", "unable to open database file")


class RegisterUnwritable(DeskError):
    """The register can be read but not written: its disk is full, read-only or failing. Nothing was saved."""


def unwritable(error: BaseException) -> bool:
    """True when ``error`` (SQLAlchemy's or sqlite3's) means the disk refused a write, not a bug."""
    return isinstance(error, OperationalError | sqlite3.OperationalError) and any(
        text in str(error).lower() for text in _UNWRITABLE
    )


READ_ONLY_MESSAGE = (
    "Register tidak dapat ditulis (disk hanya-baca atau bermasalah): tidak ada yang disimpan. "
    "Register tetap dapat dibaca, dicari, diekspor dan dicadangkan ke disk lain."
)


FULL_MESSAGE = (
    "Disk folder data penuh: tidak ada yang disimpan. Register tetap dapat dibaca, dicari, diekspor dan "
    "dicadangkan ke disk lain; kosongkan ruang disk, lalu ulangi."
)
_NEARLY_FULL = 1 << 20  # bytes: less than this free and SQLite cannot even make a WAL register's index file


def unwritable_message(error: BaseException) -> str:
    return FULL_MESSAGE if "full" in str(error).lower() else READ_ONLY_MESSAGE


def read_only_reason(path: Path) -> str | None:
    """Why the register at ``path`` must be opened read-only, or None when it can be opened as usual.

    A read-only folder is told by ``os.access``; a full disk only by trying: SQLite cannot create a WAL
    register's ``-shm`` index there, so even a read fails (``disk I/O error``) unless the file is opened
    read-only as ``immutable`` (``read_only_uri``)."""
    if not path.is_file():
        return None
    if not folder_writable(path.parent):
        return READ_ONLY_MESSAGE
    try:
        # Read-only, so the probe never checkpoints or otherwise changes the file (a refused register stays as is).
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if not unwritable(error):
            return None  # locked, damaged, not a register ...: the usual opening reports it
        try:
            full = shutil.disk_usage(path.parent).free < _NEARLY_FULL
        except OSError:
            full = False
        return FULL_MESSAGE if full or "full" in str(error).lower() else READ_ONLY_MESSAGE
    return None


def folder_writable(folder: Path) -> bool:
    """Can a file be created in ``folder``? (``os.access`` answers for a read-only mount even as root.)"""
    return os.access(folder, os.W_OK)


def read_only_uri(path: Path) -> str:
    """A read-only SQLite URI for the register: ``mode=ro`` reads a WAL left by a crash (a -wal with pages and
    its -shm); without one SQLite cannot open a WAL register on a read-only or full disk unless told it is
    ``immutable`` (true there: nothing can change it while it is opened that way)."""
    wal = Path(f"{path}-wal")
    shm = Path(f"{path}-shm")
    pending = wal.exists() and wal.stat().st_size > 0 and shm.exists()  # committed pages not yet in the file
    query = "mode=ro" if pending else "mode=ro&immutable=1"
    return f"{path.resolve().as_uri()}?{query}"


def read_only_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{read_only_uri(path)}&uri=true"


def _configure_connection(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy emit BEGIN itself (see _begin) instead of pysqlite's implicit transactions.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    with contextlib.suppress(
        sqlite3.OperationalError
    ):  # a read-only register keeps the mode it was written in
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


def make_engine(path: Path | str, *, writer: bool = True, read_only: bool = False) -> Engine:
    """An engine on the register file at ``path`` (created if missing) with the desk's durability pragmas.

    The writer engine takes the write lock at BEGIN; the reader engine does not, so searches never wait for
    (or block) an intake being saved. ``read_only`` opens the file without ever writing it (a read-only disk).
    """
    engine = create_engine(read_only_url(Path(path)) if read_only else f"sqlite+pysqlite:///{path}")
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin_chained if writer else _begin_deferred)
    if writer:
        event.listen(engine, "commit", _seal_on_commit)
    return engine


class Database:
    """Owns the engine and hands out one session per intent."""

    def __init__(self, path: Path | str, *, read_only: str | None = None) -> None:
        """``read_only``: why the file may only be read (``read_only_reason``); every write is refused with it."""
        self.path = Path(path)
        self.read_only = read_only
        self.engine = make_engine(self.path, read_only=bool(read_only))
        self.read_engine = make_engine(self.path, writer=False, read_only=bool(read_only))
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(self.read_engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One intent: everything written inside commits together or not at all. A disk that refuses the write
        is ``RegisterUnwritable`` (a message for the officer), not a driver error."""
        if self.read_only:
            raise RegisterUnwritable(self.read_only)
        try:
            with self._sessions() as session, session.begin():
                yield session
        except OperationalError as error:
            if unwritable(error):
                raise RegisterUnwritable(unwritable_message(error)) from error
            raise

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A read-only unit of work (it still opens a transaction, so the view is consistent)."""
        with self._read_sessions() as session:
            yield session
            session.rollback()

    def dispose(self) -> None:
        self.engine.dispose()
        self.read_engine.dispose()

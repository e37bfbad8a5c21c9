"""The durability settings on every connection ``db.engine`` hands out, and the transaction boundary."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from db.engine import Database, make_engine
from db.migrate import upgrade


def _pragmas(engine: Engine) -> dict[str, object]:
    with engine.connect() as conn:
        out = {
            name: conn.execute(text(f"PRAGMA {name}")).scalar_one()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
        conn.rollback()
    return out


@pytest.mark.parametrize("writer", [True, False])
def test_every_connection_has_wal_full_sync_and_foreign_keys(tmp_path: Path, writer: bool) -> None:
    engine = make_engine(tmp_path / "r.sqlite3", writer=writer)
    try:
        pragmas = _pragmas(engine)
        assert pragmas["journal_mode"] == "wal"
        assert pragmas["synchronous"] == 2  # FULL
        assert pragmas["foreign_keys"] == 1
        assert int(pragmas["busy_timeout"]) > 0  # a second writer waits instead of failing at once
    finally:
        engine.dispose()


def test_database_engines_both_configured(tmp_path: Path) -> None:
    db = Database(tmp_path / "r.sqlite3")
    try:
        for engine in (db.engine, db.read_engine):
            assert _pragmas(engine)["synchronous"] == 2
            assert _pragmas(engine)["journal_mode"] == "wal"
    finally:
        db.dispose()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "register.sqlite3"
    database = Database(path)
    upgrade(database.engine, path)
    yield database
    database.dispose()


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), db.transaction() as session:
        session.execute(
            text(
                "INSERT INTO events (id, request_id, kind, at, recorded_at, username, summary, data) "
                "VALUES ('e1', 'no-such-request', 'receive', '2026-03-16 10:00:00', "
                "'2026-03-16 10:00:00', 'admin', 'x', '{}')"
            )
        )


def test_transaction_commits_all_or_nothing(db: Database) -> None:
    with db.transaction() as session:
        session.execute(text("INSERT INTO counters (key, value) VALUES ('a', 1)"))
    with pytest.raises(RuntimeError), db.transaction() as session:
        session.execute(text("INSERT INTO counters (key, value) VALUES ('b', 1)"))
        session.execute(text("UPDATE counters SET value = 99 WHERE key = 'a'"))
        raise RuntimeError("gagal di tengah jalan")
    with db.reader() as session:
        assert session.execute(text("SELECT key, value FROM counters")).all() == [("a", 1)]


def test_writer_takes_the_write_lock_at_begin(db: Database) -> None:
    """BEGIN IMMEDIATE: while one intent is open, another connection cannot start writing."""
    import sqlite3

    with db.transaction() as session:
        session.execute(text("SELECT 1"))
        other = sqlite3.connect(db.path, timeout=0)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()


def test_reader_does_not_block_on_an_open_write(db: Database) -> None:
    with db.transaction() as session:
        session.execute(text("INSERT INTO counters (key, value) VALUES ('x', 5)"))
        with db.reader() as reading:
            assert reading.execute(text("SELECT count(*) FROM counters")).scalar_one() == 0
    with db.reader() as reading:
        assert reading.execute(text("SELECT count(*) FROM counters")).scalar_one() == 1

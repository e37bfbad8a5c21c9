"""Migration 0005: the desk's sync tables join the register's Alembic history.

A register at 0004 exists in two shapes: never synced (no sync tables) and enrolled (the tables were made by
the old ``CREATE TABLE IF NOT EXISTS`` in ``app.sync.state``, with the enrollment and the cursor in them). Both
must upgrade cleanly, keep their data, and get the usual pre-migration backup.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    select,
)

from app.errors import DeskError
from app.services.desk import DeskServices
from app.sync import state
from app.sync.engine import SyncEngine
from app.sync.secrets import MemoryKeyring, TokenStore
from db.engine import Database
from db.migrate import HEAD_REVISION, current_revision, head_revision, upgrade
from db.models import Base

NOW = datetime(2026, 3, 16, 10, 0)
SYNC_TABLES = {"sync_state", "sync_records", "sync_conflicts"}


def _old_style_sync_metadata() -> MetaData:
    """The tables exactly as ``app.sync.state`` declared them before 0005 (their own plain ``MetaData``)."""
    md = MetaData()
    Table(
        "sync_state", md, Column("key", String(60), primary_key=True), Column("value", JSON, nullable=False)
    )
    Table(
        "sync_records", md,
        Column("entity_id", String(64), primary_key=True), Column("entity", String(20), nullable=False),
        Column("server_version", Integer, nullable=False, default=0),
        Column("server_seq", Integer, nullable=False, default=0),
        Column("in_scope", Boolean, nullable=False, default=True),
        Column("needs_review", Boolean, nullable=False, default=False),
        Column("stale", Boolean, nullable=False, default=False),
    )  # fmt: skip
    Table(
        "sync_conflicts", md,
        Column("id", Integer, primary_key=True, autoincrement=True), Column("op_seq", Integer, nullable=False),
        Column("op_id", String(64), nullable=False, unique=True), Column("entity", String(20), nullable=False),
        Column("entity_id", String(64), nullable=False, index=True), Column("status", String(12), nullable=False),
        Column("code", String(40)), Column("message", Text), Column("server_conflict_id", Integer),
        Column("server_version", Integer), Column("fields", JSON, nullable=False),
        Column("op_payload", JSON, nullable=False), Column("created_at", DateTime, nullable=False),
        Column("resolved_at", DateTime), Column("resolution", String(20)), Column("resolved_by", String(50)),
    )  # fmt: skip
    return md


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _register_at_0004(folder: Path, *, with_sync_tables: bool) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "register.sqlite3"
    db = Database(path)
    try:
        upgrade(db.engine, path, revision="0004")
        assert current_revision(db.engine) == "0004"
        assert not SYNC_TABLES & _tables(path)  # 0004 itself never made them
        if with_sync_tables:
            old = _old_style_sync_metadata()
            old.create_all(db.engine, checkfirst=True)  # what ensure_tables did on the first sync
            with db.engine.begin() as conn:
                conn.execute(old.tables["sync_state"].insert(), [
                    {"key": "enrollment", "value": {"v": {"device_id": "dev-1", "office_code": "CPJ"}}},
                    {"key": "cursor", "value": {"v": "eyJzIjo3fQ"}},
                ])  # fmt: skip
                conn.execute(old.tables["sync_records"].insert(), {
                    "entity_id": "rq-1", "entity": "request", "server_version": 3, "server_seq": 7,
                })  # fmt: skip
                conn.execute(old.tables["sync_conflicts"].insert(), {
                    "op_seq": 4, "op_id": "op-4", "entity": "request", "entity_id": "rq-1", "status": "conflict",
                    "fields": {"status": {"server": "ditolak", "desk": "dijawab"}}, "op_payload": {},
                    "created_at": NOW,
                })  # fmt: skip
    finally:
        db.dispose()
    return path


def test_0004_register_without_sync_tables_gets_them_and_a_backup(tmp_path: Path) -> None:
    path = _register_at_0004(tmp_path, with_sync_tables=False)
    desk = DeskServices.open(tmp_path, clock=lambda: NOW)
    try:
        assert current_revision(desk.ctx.db.engine) == head_revision() == HEAD_REVISION
        assert _tables(path) >= SYNC_TABLES
        saved = desk.migration_backup
        assert saved is not None and saved.exists() and "0004" in saved.name
        assert not SYNC_TABLES & _tables(saved)  # the backup is the file as it was
        indexes = {ix["name"] for ix in inspect(desk.ctx.db.engine).get_indexes("sync_conflicts")}
        assert "ix_sync_conflicts_entity_id" in indexes
        state.ensure_tables(desk.ctx.db.engine)  # the engine's check passes
        with desk.ctx.db.transaction() as s:
            state.put(s, "cursor", "abc")
        with desk.ctx.db.reader() as s:
            assert state.get(s, "cursor") == "abc"
    finally:
        desk.close()


def test_0004_register_with_old_sync_tables_keeps_enrollment_cursor_and_conflicts(tmp_path: Path) -> None:
    path = _register_at_0004(tmp_path, with_sync_tables=True)
    desk = DeskServices.open(tmp_path, clock=lambda: NOW)
    try:
        assert current_revision(desk.ctx.db.engine) == head_revision() == HEAD_REVISION
        saved = desk.migration_backup
        assert saved is not None and "0004" in saved.name and _tables(saved) >= SYNC_TABLES
        with desk.ctx.db.reader() as s:
            assert state.get(s, "cursor") == "eyJzIjo3fQ"
            assert state.get(s, "enrollment") == {"device_id": "dev-1", "office_code": "CPJ"}
            rec = s.execute(select(state.sync_records)).one()
            held = s.execute(select(state.sync_conflicts)).one()
        assert (rec.entity_id, rec.server_version, rec.server_seq, rec.in_scope) == ("rq-1", 3, 7, True)
        assert held.op_id == "op-4" and held.fields["status"]["server"] == "ditolak"
        with sqlite3.connect(path) as conn:
            ix = conn.execute("SELECT count(*) FROM sqlite_master WHERE name='ix_sync_conflicts_entity_id'")
            assert ix.fetchone() == (1,)  # adopted, not duplicated
        # the adopted tables agree with the models just like freshly created ones
        with desk.ctx.db.engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={
                "compare_type": True,
                "include_object": _only_sync_tables,
            })  # fmt: skip
            diffs = [d for d in compare_metadata(ctx, Base.metadata) if not _is_unique_name_only(d)]
            conn.rollback()
        assert diffs == []
        with desk.ctx.db.transaction() as s:  # the unique op_id still holds on the adopted table
            from sqlalchemy.dialects.sqlite import insert

            s.execute(insert(state.sync_conflicts).values(
                op_seq=5, op_id="op-4", entity="request", entity_id="rq-1", status="conflict", fields={},
                op_payload={}, created_at=NOW,
            ).on_conflict_do_nothing())  # fmt: skip
        with desk.ctx.db.reader() as s:
            assert len(s.execute(select(state.sync_conflicts)).all()) == 1
    finally:
        desk.close()


def _only_sync_tables(obj: object, name: str | None, kind: str, reflected: bool, other: object) -> bool:
    table = obj if kind == "table" else getattr(obj, "table", None)
    return getattr(table, "name", None) in SYNC_TABLES


def _is_unique_name_only(diff: object) -> bool:
    """The old tables carry an unnamed UNIQUE(op_id); the new ones a named one: the same constraint."""
    return (
        isinstance(diff, tuple)
        and diff[0] in {"add_constraint", "remove_constraint"}
        and (getattr(diff[1], "columns", None) is not None and [c.name for c in diff[1].columns] == ["op_id"])
    )


def test_upgrading_twice_and_downgrading_keeps_the_tables(tmp_path: Path) -> None:
    """0005 is idempotent and its downgrade keeps the enrollment (0004's code used the same tables)."""
    path = _register_at_0004(tmp_path, with_sync_tables=True)
    db = Database(path)
    try:
        upgrade(db.engine, path, backup_dir=tmp_path / "b")
        from alembic import command

        from db.migrate import alembic_config

        config = alembic_config()
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0004")
        assert current_revision(db.engine) == "0004" and _tables(path) >= SYNC_TABLES
        upgrade(db.engine, path, backup_dir=tmp_path / "b")
        assert current_revision(db.engine) == head_revision() == HEAD_REVISION
        with db.reader() as s:
            assert state.get(s, "cursor") == "eyJzIjo3fQ"
    finally:
        db.dispose()


def test_sync_refuses_a_register_opened_without_its_migrations(tmp_path: Path) -> None:
    """The tables come only from the migration: a register that skipped it gets a plain-language refusal
    instead of tables created behind Alembic's back."""
    path = _register_at_0004(tmp_path, with_sync_tables=False)
    db = Database(path)
    try:
        with pytest.raises(DeskError, match="belum dimutakhirkan"):
            SyncEngine(db, TokenStore(MemoryKeyring()))
        assert not SYNC_TABLES & _tables(path)
    finally:
        db.dispose()
    desk = DeskServices.open(tmp_path, clock=lambda: NOW)  # the normal way in migrates first
    try:
        assert SyncEngine(desk.ctx.db, TokenStore(MemoryKeyring())).enrollment() is None
    finally:
        desk.close()

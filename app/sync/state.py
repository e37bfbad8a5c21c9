"""Desk-side sync bookkeeping in the register file: settings of the enrollment, the pull cursor, per-record
server versions, and the conflicts held for a supervisor.

These tables live in their own ``MetaData`` (not the register's Alembic history) and are created with
``CREATE TABLE IF NOT EXISTS`` the first time sync is used, so the register's migrations stay the lead's
contract. They only ever grow by whole rows; the cursor is written in the same transaction as pulled data.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

metadata = MetaData()

sync_state = Table(
    "sync_state",
    metadata,
    Column("key", String(60), primary_key=True),
    Column("value", JSON, nullable=False),
)

sync_records = Table(
    "sync_records",
    metadata,
    Column("entity_id", String(64), primary_key=True),
    Column("entity", String(20), nullable=False),
    Column("server_version", Integer, nullable=False, default=0),
    Column("server_seq", Integer, nullable=False, default=0),
    Column("in_scope", Boolean, nullable=False, default=True),
    Column("needs_review", Boolean, nullable=False, default=False),
    Column("stale", Boolean, nullable=False, default=False),  # pulled while a local op was pending: re-fetch
)

sync_conflicts = Table(
    "sync_conflicts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("op_seq", Integer, nullable=False),
    Column("op_id", String(64), nullable=False, unique=True),
    Column("entity", String(20), nullable=False),
    Column("entity_id", String(64), nullable=False, index=True),
    Column("status", String(12), nullable=False),  # conflict | rejected
    Column("code", String(40)),
    Column("message", Text),
    Column("server_conflict_id", Integer),
    Column("server_version", Integer),
    Column("fields", JSON, nullable=False),
    Column("op_payload", JSON, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("resolved_at", DateTime),
    Column("resolution", String(20)),
    Column("resolved_by", String(50)),
)


def ensure_tables(engine: Engine) -> None:
    metadata.create_all(engine, checkfirst=True)


def get(session: Session, key: str, default: Any = None) -> Any:
    value = session.execute(select(sync_state.c.value).where(sync_state.c.key == key)).scalar_one_or_none()
    return default if value is None else value.get("v", default)


def put(session: Session, key: str, value: Any) -> None:
    stmt = sqlite_insert(sync_state).values(key=key, value={"v": value})
    session.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": {"v": value}}))


def get_all(session: Session) -> dict[str, Any]:
    return {k: v.get("v") for k, v in session.execute(select(sync_state.c.key, sync_state.c.value))}


def now_iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)

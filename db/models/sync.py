"""The desk's sync bookkeeping tables, part of the register's schema (created by migration 0005).

Core tables rather than ORM classes because only ``app/sync`` reads and writes them, with bulk statements.
They live on ``Base.metadata`` so Alembic (and the models-vs-migrations test) sees the whole register; before
0005 they were created by ``app.sync.state`` with ``CREATE TABLE IF NOT EXISTS``, and 0005 adopts such tables.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, DateTime, Integer, String, Table, Text

from db.models.base import Base

sync_state = Table(
    "sync_state",
    Base.metadata,
    Column("key", String(60), primary_key=True),
    Column("value", JSON, nullable=False),
)
"""Enrollment, pull cursor, last success/error: one JSON value per key."""

sync_records = Table(
    "sync_records",
    Base.metadata,
    Column("entity_id", String(64), primary_key=True),
    Column("entity", String(20), nullable=False),
    Column("server_version", Integer, nullable=False, default=0),
    Column("server_seq", Integer, nullable=False, default=0),
    Column("in_scope", Boolean, nullable=False, default=True),
    Column("needs_review", Boolean, nullable=False, default=False),
    Column("stale", Boolean, nullable=False, default=False),  # pulled while a local op was pending: re-fetch
)
"""Per record the server's version and seq, whether it is in this desk's scope, and flags."""

sync_conflicts = Table(
    "sync_conflicts",
    Base.metadata,
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
"""Ops the server held (conflict) or refused (rejected), with both values, for the supervisor's page."""

sync_quarantine = Table(
    "sync_quarantine",
    Base.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity", String(20), nullable=False),
    Column("entity_id", String(64), nullable=False, index=True),
    Column("server_seq", Integer, nullable=False),
    Column("version", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Column("item", JSON, nullable=False),
    Column("quarantined_at", DateTime, nullable=False),
    Column("waiting_for", String(64), index=True),  # the missing record it names: retried once it arrives
    Column("released_at", DateTime),  # stored after all (its missing record arrived later)
)
"""Pulled items this desk could not store (a value it cannot read, a reference to a record it does not have),
kept whole with the reason for the supervisor, so that one bad item never stops a page."""

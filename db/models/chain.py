"""The audit chain's tables (migration 0009; written and read with plain SQL by ``db/chain.py``).

Declared here only so ``Base.metadata`` describes the whole register (Alembic, the models-vs-migrations test);
no code writes them through SQLAlchemy.
"""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, LargeBinary, Table, Text

from db.models.base import Base

audit_chain = Table(
    "audit_chain",
    Base.metadata,
    Column("seq", Integer, primary_key=True),
    Column("audit_id", Integer, nullable=False),
    Column("entry_hash", LargeBinary, nullable=False),
    Column("seals_hash", LargeBinary, nullable=False),
    Column("prev_hash", LargeBinary, nullable=False),
    Column("hash", LargeBinary, nullable=False),
    Index("ix_audit_chain_audit_id", "audit_id", unique=True),
)
"""One link per audit entry."""

audit_seals = Table(
    "audit_seals",
    Base.metadata,
    Column("chain_seq", Integer, nullable=False),
    Column("record", Text, primary_key=True),
    Column("record_id", Text, primary_key=True),
    Column("row_hash", LargeBinary, nullable=False),
    Column("events_hash", LargeBinary),
    Column("events_count", Integer),
    Index("ix_audit_seals_chain_seq", "chain_seq"),
    sqlite_with_rowid=False,
)
"""A record's state as a commit left it, on that commit's last link."""

audit_anchors = Table(
    "audit_anchors",
    Base.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("seq", Integer, nullable=False),
    Column("hash", Text, nullable=False),
    Column("anchored_at", Text, nullable=False),
    Column("server", Text, nullable=False, server_default=""),
)
"""Chain heads the city server acknowledged."""

"""The desk's sync tables (sync_state, sync_records, sync_conflicts) join the register's Alembic history.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29

Until now ``app.sync.state`` created them with CREATE TABLE IF NOT EXISTS the first time sync was used, so an
enrolled register already has them (with the same columns) and a never-synced one does not. Each table and
index is therefore created only where it is missing; an existing table, with the enrollment and the pull
cursor in it, is adopted as it is.

Downgrade leaves the tables in place: the code of revision 0004 used exactly these tables (creating them if
missing), and dropping them would forget the desk's enrollment and cursor.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    existing = set(inspector.get_table_names())
    if "sync_state" not in existing:
        op.create_table(
            "sync_state",
            sa.Column("key", sa.String(length=60), nullable=False),
            sa.Column("value", sa.JSON(), nullable=False),
            sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
        )
    if "sync_records" not in existing:
        op.create_table(
            "sync_records",
            sa.Column("entity_id", sa.String(length=64), nullable=False),
            sa.Column("entity", sa.String(length=20), nullable=False),
            sa.Column("server_version", sa.Integer(), nullable=False),
            sa.Column("server_seq", sa.Integer(), nullable=False),
            sa.Column("in_scope", sa.Boolean(), nullable=False),
            sa.Column("needs_review", sa.Boolean(), nullable=False),
            sa.Column("stale", sa.Boolean(), nullable=False),
            sa.PrimaryKeyConstraint("entity_id", name=op.f("pk_sync_records")),
        )
    if "sync_conflicts" not in existing:
        op.create_table(
            "sync_conflicts",
            sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
            sa.Column("op_seq", sa.Integer(), nullable=False),
            sa.Column("op_id", sa.String(length=64), nullable=False),
            sa.Column("entity", sa.String(length=20), nullable=False),
            sa.Column("entity_id", sa.String(length=64), nullable=False),
            sa.Column("status", sa.String(length=12), nullable=False),
            sa.Column("code", sa.String(length=40), nullable=True),
            sa.Column("message", sa.Text(), nullable=True),
            sa.Column("server_conflict_id", sa.Integer(), nullable=True),
            sa.Column("server_version", sa.Integer(), nullable=True),
            sa.Column("fields", sa.JSON(), nullable=False),
            sa.Column("op_payload", sa.JSON(), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("resolved_at", sa.DateTime(), nullable=True),
            sa.Column("resolution", sa.String(length=20), nullable=True),
            sa.Column("resolved_by", sa.String(length=50), nullable=True),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
            sa.UniqueConstraint("op_id", name=op.f("uq_sync_conflicts_op_id")),
        )
    indexes = {ix["name"] for ix in sa.inspect(op.get_bind()).get_indexes("sync_conflicts")}
    if "ix_sync_conflicts_entity_id" not in indexes:
        op.create_index("ix_sync_conflicts_entity_id", "sync_conflicts", ["entity_id"], unique=False)


def downgrade() -> None:
    """Nothing to undo: see the module docstring."""

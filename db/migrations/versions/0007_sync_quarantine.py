"""The desk's sync quarantine: pulled items it could not store, kept with the reason.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_quarantine",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("item", sa.JSON(), nullable=False),
        sa.Column("quarantined_at", sa.DateTime(), nullable=False),
        sa.Column("waiting_for", sa.String(length=64), nullable=True),
        sa.Column("released_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_quarantine")),
    )
    op.create_index(op.f("ix_sync_quarantine_entity_id"), "sync_quarantine", ["entity_id"], unique=False)
    op.create_index(op.f("ix_sync_quarantine_waiting_for"), "sync_quarantine", ["waiting_for"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_sync_quarantine_waiting_for"), table_name="sync_quarantine")
    op.drop_index(op.f("ix_sync_quarantine_entity_id"), table_name="sync_quarantine")
    op.drop_table("sync_quarantine")

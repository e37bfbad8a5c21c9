"""audit_anchors: each desk's audit-chain head as received at a sync

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 01:00:00

The desk sends the head of its audit chain after each push (``POST /anchor``, offered in ``hello.features``);
the server keeps every head it received per device, so the city holds a copy of each register's chain.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    big_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "audit_anchors",
        sa.Column("id", big_id, primary_key=True, autoincrement=True),
        sa.Column("device_id", sa.String(36), sa.ForeignKey("devices.id"), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("audit_id", sa.BigInteger(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_audit_anchors_device_seq", "audit_anchors", ["device_id", "seq"])


def downgrade() -> None:
    op.drop_index("ix_audit_anchors_device_seq", table_name="audit_anchors")
    op.drop_table("audit_anchors")

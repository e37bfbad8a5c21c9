"""push_uploads: what arrived of a push body, so a cut upload goes on instead of starting again

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 06:10:00

Feature ``push_resume`` (docs/sync-protocol.md *Resuming a cut push*): a push body cut on a 2G link was sent
again whole; the server now keeps what arrived per (device, SHA-256 of the body), tells the desk how much, and
takes the rest. Rows expire (``server/uploads.py``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "push_uploads",
        sa.Column("device_id", sa.String(36), sa.ForeignKey("devices.id"), primary_key=True),
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_push_uploads_updated_at", "push_uploads", ["updated_at"])


def downgrade() -> None:
    op.drop_index("ix_push_uploads_updated_at", table_name="push_uploads")
    op.drop_table("push_uploads")

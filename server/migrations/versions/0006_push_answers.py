"""push_answers: which ops a whole resumable push body carried, instead of the body itself

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 07:10:00

Feature ``push_resume`` kept every whole body in ``push_uploads`` in a transaction of its own, only so that a
push whose answer was lost could be answered again. A push now records, in its own transaction, the body's
SHA-256 and length and the op ids it carried (no extra commit); the answer is rebuilt from ``applied_ops``.
``push_uploads`` keeps only what arrived of a cut body (docs/sync-protocol.md *Resuming a cut push*).

push_receiving: how far a slow resumable upload got, per request, so that any server worker (not only the
one receiving it) can tell a desk its upload is still arriving. UNLOGGED on PostgreSQL: a progress note, not
data; written only by an upload still open after half a second.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "push_answers",
        sa.Column("device_id", sa.String(36), sa.ForeignKey("devices.id"), primary_key=True),
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("op_ids", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_push_answers_created_at", "push_answers", ["created_at"])
    op.create_table(
        "push_receiving",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("reached", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_push_receiving_key", "push_receiving", ["token_hash", "sha256"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE push_receiving SET UNLOGGED")


def downgrade() -> None:
    op.drop_index("ix_push_receiving_key", table_name="push_receiving")
    op.drop_table("push_receiving")
    op.drop_index("ix_push_answers_created_at", table_name="push_answers")
    op.drop_table("push_answers")

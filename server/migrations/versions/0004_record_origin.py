"""records.origin_device: the device whose pushed state a record's current version is, exactly

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 00:50:00

A desk that pushed a record holds that version already; a pull that names ``skip_own`` leaves such records out
(issue 15 item 6: a desk pulled back all 10,000 requests it had just pushed). NULL whenever the stored state is
not exactly what one desk sent (merged, held for review, a letter carried by a route, rows made before this).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("records", sa.Column("origin_device", sa.String(36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.drop_column("origin_device")

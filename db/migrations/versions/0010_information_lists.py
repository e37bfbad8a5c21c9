"""The Daftar Informasi yang Dikecualikan (DIK) and the Daftar Informasi Publik (DIP).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

Two new tables, never deleted from (an entry is revoked with who, when and why): a DELETE is refused by a
trigger, as for the register's own records.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_TABLES = ("dik_entries", "dip_entries")


def _revocation() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=50), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_by", sa.String(length=50), nullable=True),
        sa.Column("revoke_reason", sa.Text(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "dik_entries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_code", sa.String(length=20), nullable=False),
        sa.Column("information", sa.Text(), nullable=False),
        sa.Column("article", sa.String(length=5), nullable=False),
        sa.Column("consequence_test", sa.Text(), nullable=False),
        sa.Column("excluded_until", sa.Date(), nullable=True),
        sa.Column("excluded_period", sa.String(length=200), nullable=True),
        sa.Column("sk_number", sa.String(length=100), nullable=False),
        sa.Column("sk_date", sa.Date(), nullable=False),
        *_revocation(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dik_entries")),
    )
    op.create_index(op.f("ix_dik_entries_office_code"), "dik_entries", ["office_code"])
    op.create_table(
        "dip_entries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_code", sa.String(length=20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("holder", sa.String(length=200), nullable=False),
        sa.Column("form", sa.String(length=50), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        *_revocation(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dip_entries")),
    )
    op.create_index(op.f("ix_dip_entries_office_code"), "dip_entries", ["office_code"])
    for table in _TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table}: DELETE tidak diizinkan (catatan tidak boleh dihapus/diubah)'); END"
        )


def downgrade() -> None:
    for table in _TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    op.drop_index(op.f("ix_dip_entries_office_code"), table_name="dip_entries")
    op.drop_table("dip_entries")
    op.drop_index(op.f("ix_dik_entries_office_code"), table_name="dik_entries")
    op.drop_table("dik_entries")

"""The narrative sections of the yearly Laporan Layanan Informasi Publik.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06

The office writes the report's kebijakan, sarana dan prasarana, SDM, anggaran, kendala and rekomendasi once a
year; they are kept per office and year next to the register whose figures the report counts.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_narratives",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_code", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_narratives")),
        sa.UniqueConstraint("office_code", "year", name=op.f("uq_report_narratives_office_code")),
    )


def downgrade() -> None:
    op.drop_table("report_narratives")

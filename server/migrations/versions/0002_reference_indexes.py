"""indexes on the record references a push checks: a request's requester, a letter's request

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06 23:15:00

A push of office A must not embed a requester of office B nor write on B's request through a keberatan or
letter, and a routed request takes its letters along: each is a lookup by a reference inside ``records.data``,
made an index probe here (partial expression indexes; the JSON path syntax differs per dialect).
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _expr(field: str) -> str:
    if op.get_bind().dialect.name == "postgresql":
        return f"(data ->> '{field}')"
    return f"json_extract(data, '$.{field}')"


def upgrade() -> None:
    op.execute(
        f"CREATE INDEX ix_records_requester_ref ON records ({_expr('requester_id')}) WHERE entity = 'request'"
    )
    op.execute(f"CREATE INDEX ix_records_request_ref ON records ({_expr('request_id')}) WHERE entity <> 'request'")


def downgrade() -> None:
    op.execute("DROP INDEX ix_records_request_ref")
    op.execute("DROP INDEX ix_records_requester_ref")

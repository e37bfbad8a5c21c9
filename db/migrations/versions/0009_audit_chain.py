"""The audit log becomes a hash chain; register records are sealed to it.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

Adds ``audit_chain`` (one link per audit entry: SHA-256 of the entry, of the seals it carries and of the previous
link), ``audit_seals`` (the hash of a record's row, and of its timeline, as a commit left it) and
``audit_anchors`` (chain heads the city server acknowledged), all append-only by trigger. An existing register
gets its chain started here: every audit entry in id order, then an ``audit_chain_start`` entry that seals every
request, keberatan, requester and issued letter as it stands. What was changed *before* this migration cannot
be told apart any more; from here on, every change is. See ``db/chain.py``.

Downgrade drops the three tables (the audit log itself is untouched).
"""

from alembic import op

from db import chain

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in chain.SCHEMA:
        op.execute(statement)
    for statement in chain.guard_statements():
        op.execute(statement)
    raw = op.get_bind().connection.driver_connection
    chain.start(raw)


def downgrade() -> None:
    for table in chain.GUARDED:
        op.execute(f"DROP TABLE IF EXISTS {table}")

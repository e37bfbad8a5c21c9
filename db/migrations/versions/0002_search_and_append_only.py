"""Full-text search index and append-only guards.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29

The register is searched as the officer types (name, number, request text) over 100,000 requests, so a
trigram FTS5 index stands beside the requests table, keyed by the request's rowid. Triggers make the timeline,
the audit log and issued letters append-only, and forbid deleting any request, objection or requester: the
register is never hard-deleted, even by a bug.
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_GUARDS = [
    ("events", ("UPDATE", "DELETE")),
    ("audit_log", ("UPDATE", "DELETE")),
    ("issued_letters", ("UPDATE", "DELETE")),
    ("requests", ("DELETE",)),
    ("objections", ("DELETE",)),
    ("requesters", ("DELETE",)),
]


def upgrade() -> None:
    op.execute("CREATE VIRTUAL TABLE request_search USING fts5(number, body, tokenize = 'trigram')")
    # Requests registered before this revision become searchable too (the fields of search_body()).
    op.execute(
        "INSERT INTO request_search(rowid, number, body) "
        "SELECT r.rowid, r.number, "
        "q.name || char(10) || r.information || char(10) || r.purpose || char(10) || "
        "coalesce(q.phone, '') || char(10) || coalesce(q.email, '') || char(10) || "
        "coalesce(q.legal_number, '') || char(10) || coalesce(r.forwarded_to, '') || char(10) || "
        "coalesce(r.holder_body, '') "
        "FROM requests r JOIN requesters q ON q.id = r.requester_id"
    )
    for table, operations in _GUARDS:
        for operation in operations:
            op.execute(
                f"CREATE TRIGGER {table}_no_{operation.lower()} BEFORE {operation} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table}: {operation} tidak diizinkan (catatan tidak boleh dihapus/diubah)'); END"
            )


def downgrade() -> None:
    for table, operations in _GUARDS:
        for operation in operations:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{operation.lower()}")
    op.execute("DROP TABLE IF EXISTS request_search")

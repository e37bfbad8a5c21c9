"""Word-prefix full-text search instead of trigrams.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29

Search-as-you-type matches the beginnings of words ("siti ami" → "Siti Aminah"), which an FTS5 unicode61 index
with prefix indexes answers from its term b-tree in a few milliseconds on 100,000 requests; the trigram index
had to intersect long posting lists for every common word. Diacritics are folded so "Ma'ruf" and "Maruf" meet.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_FILL = (
    "INSERT INTO request_search(rowid, number, body) "
    "SELECT r.rowid, r.number, "
    "q.name || char(10) || r.information || char(10) || r.purpose || char(10) || "
    "coalesce(q.phone, '') || char(10) || coalesce(q.email, '') || char(10) || "
    "coalesce(q.legal_number, '') || char(10) || coalesce(r.forwarded_to, '') || char(10) || "
    "coalesce(r.holder_body, '') "
    "FROM requests r JOIN requesters q ON q.id = r.requester_id"
)


def upgrade() -> None:
    op.execute("DROP TABLE IF EXISTS request_search")
    op.execute(
        "CREATE VIRTUAL TABLE request_search USING fts5("
        "number, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    op.execute(_FILL)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS request_search")
    op.execute("CREATE VIRTUAL TABLE request_search USING fts5(number, body, tokenize = 'trigram')")
    op.execute(_FILL)

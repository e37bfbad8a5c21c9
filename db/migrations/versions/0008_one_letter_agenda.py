"""All outgoing letters of a desk draw from one yearly counter (the buku agenda surat keluar).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06

Until now each letter kind had its own yearly counter (``letter-notice:2026``, ``letter-rejection:2026``; or
``letter:2026`` when an office had set ``shared_sequence``), so a notice and its berita acara could carry the
same number. From now on every kind draws from ``letter:<year>``. Numbers already issued stay exactly as they
are; the shared counter of each year starts above the highest sequence any kind reached that year, so no new
number can repeat an old one. The old per-kind counters are left in place (nothing reads them again).

Downgrade leaves the counters alone: the shared counter only ever moved up, which the code of revisions 0005 to 0007 reads as
the shared sequence or ignores.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    highest: dict[str, int] = {}
    for key, value in conn.execute(sa.text("SELECT key, value FROM counters WHERE key LIKE 'letter%'")):
        name, _, year = str(key).rpartition(":")
        if name.startswith("letter") and year.isdigit():
            shared = f"letter:{int(year)}"
            highest[shared] = max(highest.get(shared, 0), int(value or 0))
    for shared, value in highest.items():
        current = conn.execute(sa.text("SELECT value FROM counters WHERE key = :k"), {"k": shared}).scalar()
        if current is None:
            conn.execute(
                sa.text("INSERT INTO counters (key, value) VALUES (:k, :v)"), {"k": shared, "v": value}
            )
        elif int(current) < value:
            conn.execute(sa.text("UPDATE counters SET value = :v WHERE key = :k"), {"k": shared, "v": value})


def downgrade() -> None:
    pass

"""Each request keeps the requester's identity as recorded at intake.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07

Until now a request pointed only at the requester row, and a returning requester's new name, address or phone
rewrote every earlier request's register line and letters. ``requests.requester_recorded`` holds the identity
as given that day (kind, name, legal number, address, phone, e-mail, occupation, masked NIK; never the NIK
itself). Existing requests are back-filled from their requester as it stands: what an earlier intake said
was already overwritten and cannot be recovered here (the receipt's timeline event names the changed fields).

The column changes every request's row, so the audit chain (revision 0009) seals them anew under one
``requester_recorded_backfill`` entry: ``ppid-desk check`` keeps telling later changes apart.

Downgrade drops the column (the requester rows are untouched).
"""

import json
from datetime import datetime

import sqlalchemy as sa
from alembic import op

from db import chain

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_FIELDS = ("kind", "name", "legal_number", "address", "phone", "email", "occupation", "nik_masked")


def upgrade() -> None:
    # plain ALTER TABLE (no batch copy): the search index and the chain's seals are keyed by the row as it is
    op.add_column("requests", sa.Column("requester_recorded", sa.JSON(), nullable=True))
    pairs = ", ".join(f"'{f}', q.{f}" for f in _FIELDS)
    op.execute(
        f"UPDATE requests SET requester_recorded = (SELECT json_object({pairs}) FROM requesters q "
        "WHERE q.id = requests.requester_id)"
    )
    raw = op.get_bind().connection.driver_connection
    if not raw.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit_chain'").fetchone():
        return
    records = [("request", str(r[0])) for r in raw.execute("SELECT id FROM requests ORDER BY id")]
    if not records:
        return
    seq, _, prev = chain.head(raw)
    cursor = raw.execute(
        "INSERT INTO audit_log (at, username, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)",
        (
            datetime.now().strftime("%Y-%m-%d %H:%M:%S.%f"),
            chain.SYSTEM_USER,
            "requester_recorded_backfill",
            "register",
            None,
            json.dumps({"requests": len(records)}),
        ),
    )
    chain.extend(raw, [int(cursor.lastrowid or 0)], records, seq, prev)


def downgrade() -> None:
    op.execute("ALTER TABLE requests DROP COLUMN requester_recorded")

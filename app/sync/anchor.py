"""Sending the head of the register's audit chain to the city server after a sync round (``POST /anchor``).

Why: the chain (``db/chain.py``) shows edits made behind the desk's back, but someone who rewrites the whole
register could rebuild it too. The head recorded by the city cannot be rewritten from here; the desk keeps the
heads the server accepted (``audit_anchors``) and ``ppid-desk check`` holds the chain to the last one. Only sent
when the server offers it (``hello.features``): an older server is synced with as before.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime

from sqlalchemy import text

from app.sync.client import SyncClient, SyncError
from db import chain
from db.engine import Database
from ppid_protocol.wire import FEATURE_AUDIT_ANCHOR, AnchorRequest, HelloResponse

log = logging.getLogger("ppid.sync.anchor")


def send_head(
    db: Database, client: SyncClient, hello: HelloResponse, now: datetime
) -> tuple[int | None, str]:
    """(the anchored seq, or None when not sent / not accepted; the server's warning, if any)."""
    if FEATURE_AUDIT_ANCHOR not in hello.features or not client.device_id:
        return None, ""
    with db.reader() as session:
        raw = session.connection().connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        if not raw.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit_chain'").fetchone():
            return None, ""
        seq, audit_id, head = chain.head(raw)
        last = raw.execute("SELECT seq, hash FROM audit_anchors ORDER BY id DESC LIMIT 1").fetchone()
    try:
        answer = client.anchor(
            AnchorRequest(device_id=client.device_id, seq=seq, hash=head, audit_id=audit_id)
        )
    except SyncError as exc:  # the round's data is exchanged already; the next round anchors again
        log.warning("audit anchor not sent: %s", exc)
        return None, f"Kepala rantai audit belum terkirim: {exc}"
    if not answer.accepted:
        log.warning("audit anchor refused: %s", answer.message)
        return None, answer.message
    if last is None or (int(last[0]), str(last[1])) != (seq, head):
        with db.transaction() as session:
            session.execute(
                text("INSERT INTO audit_anchors (seq, hash, anchored_at, server) VALUES (:s, :h, :a, :v)"),
                {"s": seq, "h": head, "a": now.isoformat(timespec="seconds"), "v": str(client.base)},
            )
    return seq, ""

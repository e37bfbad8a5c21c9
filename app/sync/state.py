"""Desk-side sync bookkeeping in the register file: settings of the enrollment, the pull cursor, per-record
server versions, and the conflicts held for a supervisor.

The tables are part of the register's schema (``db/models/sync.py``, created by migration 0005), so opening a
data folder through ``DeskServices.open`` (which migrates first) is the one way they come to exist. They only
ever grow by whole rows; the cursor is written in the same transaction as pulled data.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.errors import DeskError
from db.models.sync import sync_conflicts, sync_quarantine, sync_records, sync_state

__all__ = ["sync_conflicts", "sync_quarantine", "sync_records", "sync_state"]

PULL_OWN_KEY = "pull_own"
"""``sync_state`` flag: the next pull also brings the records whose current version this desk pushed (set by
``app.services.restore`` on a restored register, which lacks what the desk pushed after the backup; cleared by
the engine once a pull has caught up). Without it a restored desk would get those back only through the
checksum repair."""

CURSOR_AFTER_KEY = "cursor_after"
"""``sync_state``: the seq of the last item kept from a cut pull page (feature ``pull_resume``), stored with
``cursor`` (the page's starting cursor) in the items' transaction; the pull resumes after it. Cleared (None)
when a whole page is stored."""

TABLES = (sync_state.name, sync_records.name, sync_conflicts.name, sync_quarantine.name)


def ensure_tables(engine: Engine) -> None:
    """Check that the register was migrated (revision 0007 or later) before sync touches it.

    The tables are no longer created here: a register that lacks them was opened without its migrations
    (``Database`` directly instead of ``DeskServices.open``), and creating tables behind Alembic's back would
    give that file a schema its revision does not describe."""
    names = ", ".join(f"'{t}'" for t in TABLES)
    with engine.connect() as conn:
        found = conn.execute(
            text(f"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ({names})")
        ).scalar_one()
        conn.rollback()
    if found != len(TABLES):
        raise DeskError(
            "Register ini belum dimutakhirkan untuk sinkronisasi. Tutup lalu buka kembali PPID Desk agar "
            "pembaruan register berjalan (salinan cadangan dibuat otomatis)."
        )


def has_state_table(session: Session) -> bool:
    """A desk that never enrolled has no sync tables; reading must not create them."""
    return bool(inspect(session.connection()).has_table("sync_state"))


def enrollment(session: Session) -> dict[str, Any] | None:
    """The desk's enrollment as stored by the sync engine (``None`` when not enrolled)."""
    if not has_state_table(session):
        return None
    data = get(session, "enrollment")
    return dict(data) if isinstance(data, dict) else None


def get(session: Session, key: str, default: Any = None) -> Any:
    value = session.execute(select(sync_state.c.value).where(sync_state.c.key == key)).scalar_one_or_none()
    return default if value is None else value.get("v", default)


def put(session: Session, key: str, value: Any) -> None:
    stmt = sqlite_insert(sync_state).values(key=key, value={"v": value})
    session.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": {"v": value}}))


def get_all(session: Session) -> dict[str, Any]:
    return {k: v.get("v") for k, v in session.execute(select(sync_state.c.key, sync_state.c.value))}


def now_iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)

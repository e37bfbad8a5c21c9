"""What the desk knows about its sync, read from the register alone: no network, no client, no keyring.

Why a module of its own: the engine (app/sync/engine.py) brings httpx and the keyring with it, a few hundred
milliseconds of imports that the workstation delays until the dashboard has loaded. The status bar must not
wait for them: it shows the last successful sync and what waits to be sent from the first second
(ui/sync/controller.py), so the read lives here and the engine's ``status()`` is this same read.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.sync import outbox, quarantine, state
from app.sync.clock import clock_status
from db.engine import Database


def open_conflicts(s: Session) -> int:
    c = state.sync_conflicts.c
    return int(s.scalar(select(func.count()).where(c.resolved_at.is_(None))) or 0)


def read_status(db: Database) -> dict[str, Any]:
    """What the UI and ``ppid-desk sync --status`` show, without touching the network."""
    return read_state(db)[0]


def read_state(db: Database) -> tuple[dict[str, Any], dict[str, Any]]:
    """``read_status`` and the stored enrollment (an empty dict before enrolling), in one read."""
    state.ensure_tables(db.engine)
    with db.reader() as s:
        data = state.get_all(s)
        enr = data.get("enrollment") or {}
        clk = clock_status(s)
        status = {
            "enrolled": bool(enr), "server_url": enr.get("server_url"), "office_code": enr.get("office_code"),
            "desk_letter": enr.get("desk_letter"), "is_city": enr.get("is_city"),
            "last_success": data.get("last_success"), "last_error": data.get("last_error"),
            "pending": outbox.pending_count(s), "open_conflicts": open_conflicts(s),
            "quarantined": quarantine.count(s), "quarantined_items": quarantine.as_json(quarantine.recent(s)),
            "clock_skew_seconds": clk.skew_seconds if clk else None,
            "clock_suspicious": bool(clk and clk.suspicious),
        }  # fmt: skip
        return status, dict(enr)

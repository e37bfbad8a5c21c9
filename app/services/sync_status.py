"""The desk's sync state as the workstation shows it, read without importing the sync engine.

Why apart from app/services/sync.py: that module brings the engine, httpx and the keyring, which the workstation
imports only after the dashboard has loaded; the status bar shows the real state from the first second all the
same (the last successful sync, what waits to be sent, conflicts, the last failure), read through here.
``SyncService.snapshot`` is this same read.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from app.sync.clock import ClockStatus, clock_status
from app.sync.status import read_state
from db.engine import Database


@dataclass(frozen=True)
class SyncSnapshot:
    """What the desk knows about its sync, read without the network."""

    enrolled: bool = False
    server_url: str = ""
    office_code: str = ""
    office_name: str = ""
    desk_letter: str = ""
    is_city: bool = False
    ca_bundle: str = ""
    last_success: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    pending: int = 0
    open_conflicts: int = 0
    quarantined: int = 0
    """Pulled items set aside because this desk could not store them (the supervisor looks at them)."""
    quarantined_items: tuple[tuple[str, str, str], ...] = ()
    """The latest of them as (kind, id, reason)."""
    clock: ClockStatus | None = None
    taken_at: float = (
        0.0  # time.monotonic() when the read began: a slower, older read never overwrites a newer
    )

    @property
    def clock_suspicious(self) -> bool:
        return self.clock is not None and self.clock.suspicious


def read_snapshot(db: Database) -> SyncSnapshot:
    """A few queries on the register: cheap enough for a worker thread at any moment."""
    taken_at = time.monotonic()
    status, enr = read_state(db)
    error = status.get("last_error") or {}
    if enr and error.get("code") == "not_enrolled":  # recorded before the enrollment
        error = {}
    with db.reader() as session:
        clock = clock_status(session)
    return SyncSnapshot(
        enrolled=bool(enr), server_url=str(enr.get("server_url") or ""),
        office_code=str(enr.get("office_code") or ""), office_name=str(enr.get("office_name") or ""),
        desk_letter=str(enr.get("desk_letter") or ""), is_city=bool(enr.get("is_city")),
        ca_bundle=str(enr.get("ca_bundle") or ""), last_success=status.get("last_success"),
        error_code=error.get("code"), error_message=error.get("message"),
        pending=int(status.get("pending") or 0), open_conflicts=int(status.get("open_conflicts") or 0),
        quarantined=int(status.get("quarantined") or 0),
        quarantined_items=tuple(
            (str(q["entity"]), str(q["entity_id"]), str(q["reason"])) for q in status.get("quarantined_items") or []
        ),
        clock=clock, taken_at=taken_at,
    )  # fmt: skip

"""A desk's enrollment written as ``SyncEngine.enroll`` and ``app/sync/offices.py`` keep it, for tests of what a
city (or office) desk does without a server: the enrolled address (port 9 on loopback) answers nothing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from app.sync import offices, state
from db.engine import Database
from ppid_protocol.wire import OfficeEntry


def record_enrollment(
    db: Database,
    office: str,
    *,
    city: bool,
    office_list: Sequence[OfficeEntry] = (),
    fetched_at: datetime | None = None,
) -> None:
    state.ensure_tables(db.engine)
    with db.transaction() as s:
        state.put(s, "enrollment", {
            "server_url": "http://127.0.0.1:9", "device_id": "dev-1", "office_code": office,
            "office_name": office, "is_city": city, "desk_letter": "A", "ca_bundle": None,
        })  # fmt: skip
        if fetched_at is not None:
            offices.store(s, list(office_list), fetched_at)

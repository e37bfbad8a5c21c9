"""What a sync learnt about the desk's clock: each successful round stores the server's time against the
desk's, and ``clock_status`` reads the comparison back.

It lives with sync (below the services) because the engine writes it during a round and reports it in its
status; ``app.services.clock_check.ClockCheck`` is the desk-wide service that intake asks before issuing a
number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from db.models import Setting

SETTING_KEY = "clock_check"
MAX_SKEW = timedelta(minutes=5)


@dataclass(frozen=True)
class ClockStatus:
    skew_seconds: float  # desk minus server
    checked_at: datetime

    @property
    def suspicious(self) -> bool:
        return abs(self.skew_seconds) > MAX_SKEW.total_seconds()

    def message(self) -> str:
        minutes = round(abs(self.skew_seconds) / 60)
        direction = "lebih cepat" if self.skew_seconds > 0 else "lebih lambat"
        return (
            f"Jam komputer ini {direction} sekitar {minutes} menit dibanding server kota "
            f"(diperiksa {self.checked_at:%d-%m-%Y %H.%M}). Periksa tanggal dan jam sebelum menerbitkan nomor."
        )


def record_server_time(session: Session, desk_time: datetime, server_time: datetime) -> ClockStatus:
    """Store the comparison made during a sync (both naive local times)."""
    status = ClockStatus((desk_time - server_time).total_seconds(), desk_time)
    value = {"skew_seconds": status.skew_seconds, "checked_at": desk_time.isoformat()}
    row = session.get(Setting, SETTING_KEY)
    if row is None:
        session.add(Setting(key=SETTING_KEY, value=value))
    else:
        row.value = value
    return status


def clock_status(session: Session) -> ClockStatus | None:
    row = session.get(Setting, SETTING_KEY)
    if row is None or "skew_seconds" not in row.value:
        return None
    return ClockStatus(float(row.value["skew_seconds"]), datetime.fromisoformat(row.value["checked_at"]))

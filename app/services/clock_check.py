"""Clock sanity: a desk whose clock is wrong would print wrong dates on receipts and move every deadline.

Each successful sync records the server's time against the desk's; when they differ by more than five
minutes the UI shows a banner and intake asks the officer to confirm the date before a number is issued.
"""

from __future__ import annotations

from datetime import datetime

from app.errors import ConfirmationRequired
from app.services.context import DeskContext
from app.sync.clock import ClockStatus, clock_status, record_server_time

__all__ = ["ClockCheck", "ClockStatus", "clock_status", "record_server_time"]


class ClockCheck:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def status(self) -> ClockStatus | None:
        with self.ctx.db.reader() as session:
            return clock_status(session)

    def record(self, server_time: datetime) -> ClockStatus:
        with self.ctx.db.transaction() as session:
            return record_server_time(session, self.ctx.clock(), server_time)

    def require_confirmed(self, confirmed: bool) -> None:
        """Before issuing a number: refuse until the officer confirms the date when the clock looks wrong."""
        status = self.status()
        if status is not None and status.suspicious and not confirmed:
            raise ConfirmationRequired({"received_at": status.message()})

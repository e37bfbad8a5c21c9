"""What a pull stamps on this desk (a pulled line's arrival when the sender gave none, a quarantined item's
time, its release) is read off the desk's clock, as every record it writes, never the PC's own time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from conflict_helpers import copy_of
from sqlalchemy import select

from app.services.context import Actor
from app.services.desk import DeskServices
from app.sync import state
from app.sync.apply import apply_items
from db.models import Event, Request
from ppid_protocol.wire import PullItem

DESK_TIME = datetime(2031, 7, 1, 8, 0)  # far from the PC's time, so a stamp from the wrong clock shows


def test_a_pull_stamps_with_the_desks_clock(
    desk: DeskServices, officer: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    number = desk.register.receive(officer, walk_in()).number
    with desk.ctx.db.reader() as s:
        row = s.scalar(select(Request).where(Request.number == number))
        assert row is not None
        request_id, version = row.id, row.version
    line = {"id": "ev-kota-1", "kind": "note", "summary": "Catatan dari kota", "user": "kota"}
    record = copy_of(desk, "request", request_id)
    item = PullItem(
        seq=5, entity="request", entity_id=request_id, version=version + 1, record=record, events=[line]
    )
    bad = PullItem(seq=6, entity="request", entity_id="req-x", version=1, record={"received_at": "kemarin"})
    with desk.ctx.db.transaction() as s:
        apply_items(s, [item, bad], office_code="CPJ", desk_letter="A", now=DESK_TIME)
    with desk.ctx.db.reader() as s:
        event = s.get(Event, "ev-kota-1")
        assert event is not None and event.at == DESK_TIME and event.recorded_at == DESK_TIME
        [quarantined] = s.execute(select(state.sync_quarantine.c.quarantined_at)).scalars().all()
    assert quarantined == DESK_TIME

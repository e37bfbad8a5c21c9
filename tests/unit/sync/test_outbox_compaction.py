"""Compacting acknowledged outbox ops (issue 13 item 6): the whole record state an op carried was ~70 % of the
register and stayed for ever. Once the server has answered, the op keeps its row (``op_id``: the desk's dedupe
key; entity, action, base version, times, the server's verdict in ``note``), not the values it carried; an
unacknowledged op keeps everything, and a held op's payload goes whole to the conflicts
table first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import select

from app.services.context import Actor
from app.services.desk import DeskServices
from app.sync import outbox, state
from db.models import OutboxOp
from ppid_protocol.wire import OpResult


def ops(desk: DeskServices) -> dict[str, OutboxOp]:
    with desk.ctx.db.reader() as s:
        rows = s.scalars(select(OutboxOp).order_by(OutboxOp.seq)).all()
        for row in rows:
            s.expunge(row)
        return {r.op_id: r for r in rows}


def test_acknowledged_ops_are_compacted_and_the_rest_kept_whole(
    desk: DeskServices, officer: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    numbers = [desk.register.receive(officer, walk_in()).number for _ in range(3)]
    desk.actions.act(officer, numbers[0], "respond", {"decision": "diterima", "info_form": "softcopy"})
    with desk.ctx.db.reader() as s:
        pending = outbox.pending(s, 100)
    assert len(pending) == 4 and "changes" in pending[3].payload and "state" in pending[3].payload
    applied, held, respond = pending[0], pending[1], pending[3]
    results = [
        OpResult(op_id=applied.op_id, status="applied", version=1),
        OpResult(op_id=held.op_id, status="conflict", code="concurrent_change", conflict_id=7, version=2),
        OpResult(op_id=respond.op_id, status="applied", version=2),
    ]
    with desk.ctx.db.transaction() as s:
        outbox.record_results(s, [applied, held, respond], results, datetime(2026, 3, 2, 11, 0))

    rows = ops(desk)
    assert set(rows) == {op.op_id for op in pending}  # every op row stays: op_id is the dedupe key
    done = rows[applied.op_id]
    assert done.acked_at is not None and done.entity_id == applied.entity_id and done.action == "receive"
    assert done.payload == {"compacted": True} and rows[respond.op_id].payload == {"compacted": True}
    assert rows[held.op_id].note == "conflict:concurrent_change" and rows[held.op_id].payload["compacted"]
    with desk.ctx.db.reader() as s:  # the held op's whole payload went to the supervisor's table
        kept = s.execute(select(state.sync_conflicts.c.op_payload)).scalar_one()
    assert kept == held.payload
    waiting = rows[pending[2].op_id]
    assert waiting.acked_at is None and waiting.payload == pending[2].payload
    with desk.ctx.db.reader() as s:
        assert [op.op_id for op in outbox.pending(s, 100)] == [pending[2].op_id]


def test_acknowledged_ops_of_an_older_register_are_compacted_a_batch_at_a_time(
    desk: DeskServices, officer: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    for _ in range(5):
        desk.register.receive(officer, walk_in())
    with desk.ctx.db.transaction() as s:  # acknowledged before compaction existed: payload still whole
        s.execute(OutboxOp.__table__.update().where(OutboxOp.seq <= 4).values(acked_at=datetime(2026, 3, 2)))
    with desk.ctx.db.transaction() as s:
        assert outbox.compact_acked(s, limit=3) == 3
    with desk.ctx.db.transaction() as s:
        assert outbox.compact_acked(s, limit=3) == 1
        assert outbox.compact_acked(s, limit=3) == 0
    rows = list(ops(desk).values())
    assert [bool(r.payload.get("compacted")) for r in rows] == [True] * 4 + [False]
    assert "state" in rows[4].payload

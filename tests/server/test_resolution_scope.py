"""A supervisor's resolution closes exactly what it may: the resolving desk's own held operations on that
record (the conflict and the followers it blocked), never a conflict of another record, device or office; and
the record stays flagged for review while another desk's conflict on it is still open."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from app.sync.client import SyncClient
from server.models import Conflict, Record
from tests.server.conftest import Enroller, make_op

MINE = {"office_code": "3673.01", "status": "dijawab", "information": "APBD 2025"}
THEIRS = {"office_code": "3673.01", "status": "ditolak", "information": "APBD 2025"}


def _held(desk: SyncClient, city: SyncClient, office: str = "3673.01") -> tuple[str, int]:
    """A record of ``office`` on which ``desk`` has one conflict held (the city changed it meanwhile)."""
    base = {**MINE, "office_code": office, "status": "verifikasi"}
    op = make_op(record=base)
    assert desk.push([op]).results[0].status == "applied"
    city.push([make_op(op.entity_id, base=1, record={**THEIRS, "office_code": office}, action="reject")])
    res = desk.push([make_op(op.entity_id, base=1, record={**MINE, "office_code": office}, action="respond")])
    assert res.results[0].status == "conflict" and res.results[0].conflict_id is not None
    return op.entity_id, res.results[0].conflict_id


def _conflicts(engine: Engine, entity_id: str) -> dict[int, str]:
    with engine.connect() as conn:
        rows = conn.execute(select(Conflict.id, Conflict.status).where(Conflict.entity_id == entity_id))
        return {r.id: r.status for r in rows}


def _needs_review(engine: Engine, entity_id: str) -> Any:
    with engine.connect() as conn:
        return conn.execute(select(Record.needs_review).where(Record.entity_id == entity_id)).scalar_one()


def test_one_resolution_closes_the_conflict_and_the_followers_it_blocked(
    enroll: Enroller, engine: Engine
) -> None:
    desk, city = enroll("3673.01"), enroll("3673")
    eid, first = _held(desk, city)
    follower = desk.push([make_op(eid, base=2, record=MINE, action="close")]).results[0]
    assert follower.code == "blocked" and follower.conflict_id is not None
    done = desk.push([make_op(eid, base=2, record=MINE, action="resolve", resolves=[first])]).results[0]
    assert done.status == "applied"
    assert set(_conflicts(engine, eid).values()) == {"resolved"}
    nxt = desk.push([make_op(eid, base=done.version, record=MINE, action="close")]).results[0]
    assert nxt.status == "applied"  # no longer blocked by a forgotten follower


def test_a_resolution_cannot_close_another_office_s_conflict(enroll: Enroller, engine: Engine) -> None:
    a, b, city = enroll("3673.01"), enroll("3673.02"), enroll("3673")
    theirs, their_conflict = _held(b, city, office="3673.02")
    mine, _ = _held(a, city)
    forged = make_op(mine, base=2, record=MINE, action="resolve", resolves=[their_conflict])
    assert a.push([forged]).results[0].status == "applied"  # it does resolve A's own record ...
    assert _conflicts(engine, theirs) == {their_conflict: "open"}  # ... and nothing of B's
    assert _needs_review(engine, theirs)


def test_the_record_stays_flagged_while_another_desk_s_conflict_is_open(
    enroll: Enroller, engine: Engine
) -> None:
    one, two, city = enroll("3673.01"), enroll("3673.01"), enroll("3673")
    eid, first = _held(one, city)
    second = two.push([make_op(eid, base=1, record={**MINE, "purpose": "x"}, action="respond")]).results[0]
    assert second.status == "conflict"
    assert one.push([make_op(eid, base=2, record=MINE, action="resolve", resolves=[first])]).results[
        0
    ].status == ("applied")
    statuses = _conflicts(engine, eid)
    assert statuses[first] == "resolved" and statuses[second.conflict_id] == "open"
    assert _needs_review(engine, eid)  # desk two's conflict still waits for its supervisor

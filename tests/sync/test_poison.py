"""One malformed record cannot wedge anyone (issue 15 item 1), against a live server on PostgreSQL with real
pulling desks: records a server stored before it checked content (an unparseable ``received_at``, a keberatan
line on a request that exists nowhere, a requester of another office) are quarantined by every desk that pulls
them, shown in its sync report, and the rest of the page is stored; the next sync succeeds too."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text

from app.ids import new_id
from app.services.sync_state import request_state
from app.sync import quarantine
from db.models import Request, Requester
from ppid_protocol.wire import Op
from server import admin
from server.auth import authenticate
from server.push import PushService
from server.testing import LiveServer

pytestmark = pytest.mark.postgres
from tests.server.conftest import pg_url  # noqa: F401 - the PostgreSQL fixture
from tests.sync.test_city_desk import Desk, desks, hub  # noqa: F401 - the live desks and their hub

A = "3673.01"


def _stored_unchecked(hub: LiveServer, ops: list[Op]) -> None:
    """Store ops the way a server without content rules did: straight through the push service."""
    code, _ = admin.new_enroll_code(hub.engine, A)
    done = admin.enroll(hub.engine, code, request_id=new_id())
    device = authenticate(hub.engine, f"Bearer {done.token}", None, "0.1.0")
    results = PushService(hub.engine).push(device, ops)
    assert [r.status for r in results] == ["applied"] * len(ops)


def _op(entity: str, record: dict[str, Any], events: list[dict[str, Any]], seq: int) -> Op:
    return Op(seq=seq, op_id=new_id(), entity=entity, entity_id=str(record["id"]), action="add",  # type: ignore[arg-type]
              payload={"state": record, "events": events}, base_version=0)  # fmt: skip


def test_poisoned_records_are_quarantined_and_every_desk_keeps_syncing(
    desks: Callable[[str], Desk], hub: LiveServer, walk_in: Callable[..., dict[str, Any]]
) -> None:
    a, city = desks(A), desks("3673")
    good = a.services.register.receive(a.officer, walk_in()).number
    a.sync()
    good_id = a.services.register.get(a.officer, good).id
    with a.services.ctx.db.reader() as s:
        row = s.get(Request, good_id)
        assert row is not None
        person = s.get(Requester, row.requester_id)
        assert person is not None
        state = request_state(row, person)
    bad_date = {**state, "id": new_id(), "number": "3673.01/2026/Z-0001", "received_at": "kemarin sore"}
    ghost = new_id()
    objection = {"id": new_id(), "number": "KEB/3673.01/2026/Z-001", "request_id": good_id, "office_code": A,
                 "desk_letter": "Z", "year": 2026, "seq": 1, "filed_at": "2026-03-16T10:00:00", "grounds": ["a"],
                 "status": "terdaftar", "received_by": "sync", "deadlines": {}}  # fmt: skip
    line = {"id": new_id(), "kind": "objection_filed", "at": "2026-03-16T10:00:00", "summary": "x"}
    _stored_unchecked(hub, [_op("request", bad_date, [], 1), _op("objection", objection, [line], 2)])
    with hub.engine.begin() as conn:  # the line of the keberatan names a request that exists nowhere
        conn.execute(
            text("UPDATE events SET data = jsonb_set(data, '{request_id}', to_jsonb(CAST(:g AS text))) "
                 "WHERE event_id = :e"), {"g": ghost, "e": line["id"]},
        )  # fmt: skip
    after = a.services.register.receive(a.officer, walk_in()).number
    for desk in (a, city):
        first = desk.sync()
        assert first.quarantined == 2, first.quarantined_items
        reasons = " ".join(q["reason"] for q in first.quarantined_items)
        assert "received_at" in reasons and ghost in reasons
        assert desk.sync().ok  # and again: nothing wedges
        assert {good, after} <= desk.numbers()
        with desk.services.ctx.db.reader() as s:
            assert quarantine.count(s) == 2

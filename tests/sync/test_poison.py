"""One malformed record cannot wedge anyone (issue 15 item 1), against a live server on PostgreSQL with real
pulling desks: records a server stored before it checked content (an unparseable ``received_at``, a keberatan
line on a request that exists nowhere, a requester of another office) are quarantined by every desk that pulls
them, shown in its sync report, and the rest of the page is stored; the next sync succeeds too."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select, text

from app.errors import ValidationError
from app.ids import new_id
from app.services.sync_state import request_state
from app.sync import quarantine, state
from app.sync.apply import apply_items
from app.sync.client import SyncClient
from db.models import OutboxOp, Request, Requester
from ppid_protocol.wire import Op
from server import admin
from server.auth import authenticate
from server.push import PushService
from server.testing import LiveServer
from tests.sync.test_city_desk import Desk, desks  # noqa: F401 - the live desks (their hub: conftest)

pytestmark = pytest.mark.postgres

A = "3673.01"


def _stored_unchecked(live: LiveServer, ops: list[Op]) -> None:
    """Store ops the way a server without content rules did: straight through the push service."""
    code, _ = admin.new_enroll_code(live.engine, A)
    done = admin.enroll(live.engine, code, request_id=new_id())
    device = authenticate(live.engine, f"Bearer {done.token}", None, "0.1.0")
    results = PushService(live.engine).push(device, ops)
    assert [r.status for r in results] == ["applied"] * len(ops)


def _op(entity: str, record: dict[str, Any], events: list[dict[str, Any]], seq: int) -> Op:
    return Op(seq=seq, op_id=new_id(), entity=entity, entity_id=str(record["id"]), action="add",  # type: ignore[arg-type]
              payload={"state": record, "events": events}, base_version=0)  # fmt: skip


def test_poisoned_records_are_quarantined_and_every_desk_keeps_syncing(
    desks: Callable[[str], Desk],  # noqa: F811
    hub: LiveServer,  # noqa: F811
    walk_in: Callable[..., dict[str, Any]],
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


def test_text_a_server_cannot_store_is_refused_at_the_desk_and_never_blocks_its_outbox(
    desks: Callable[[str], Desk],  # noqa: F811
    walk_in: Callable[..., dict[str, Any]],
) -> None:
    a = desks(A)
    with pytest.raises(ValidationError) as info:
        a.services.register.receive(a.officer, walk_in(information="APBD\x002025"))
    assert "information" in info.value.fields and "U+0000" in str(info.value)
    with a.services.ctx.db.reader() as s:
        assert s.scalar(select(func.count()).select_from(OutboxOp)) == 0  # the whole intent rolled back
    # an op queued before this check (an older desk) is refused by the server for its content: it is set
    # aside as rejected and the ordinary request queued after it still arrives
    first = a.services.register.receive(a.officer, walk_in()).number
    after = a.services.register.receive(a.officer, walk_in()).number
    with a.services.ctx.db.transaction() as s:
        row = s.scalars(select(OutboxOp).order_by(OutboxOp.seq)).first()
        assert row is not None
        row.payload = {**row.payload, "state": {**row.payload["state"], "information": "APBD\x002025"}}
    report = a.sync()
    assert (report.pushed, report.rejected, report.pending) == (1, 1, 0)
    with a.services.ctx.db.reader() as s:
        held = s.execute(select(state.sync_conflicts.c.code)).scalars().all()
    assert held == ["invalid_record"]
    city = desks("3673")
    city.sync()
    assert after in city.numbers() and first not in city.numbers()


def test_a_keberatan_pulled_a_page_before_its_request_is_stored_once_the_request_arrives(
    desks: Callable[[str], Desk],  # noqa: F811
    walk_in: Callable[..., dict[str, Any]],
    hub: LiveServer,  # noqa: F811
) -> None:
    a, city = desks(A), desks("3673")
    number = a.services.register.receive(a.officer, walk_in()).number
    filed = a.services.objections.add(a.officer, request_number=number, grounds="c")
    a.sync()
    a.services.actions.act(
        a.officer, number, "extend", {"reason": "belum_dikuasai"}
    )  # the request changes after
    a.sync()
    code, _ = admin.new_enroll_code(hub.engine, "3673")
    done = admin.enroll(hub.engine, code, request_id=new_id())
    with SyncClient(hub.url, token=done.token, device_id=done.device_id) as client:
        items = {i.entity: i for i in client.pull().items}
    assert items["objection"].seq < items["request"].seq  # pulled in this order, on two pages if unlucky
    with city.services.ctx.db.transaction() as s:
        apply_items(
            s, [items["objection"]], office_code="3673", desk_letter="A", now=city.services.ctx.clock()
        )
        assert quarantine.count(s) == 1  # its request is not here yet: it waits
        apply_items(s, [items["request"]], office_code="3673", desk_letter="A", now=city.services.ctx.clock())
        assert quarantine.count(s) == 0
    assert city.services.objections.get(city.officer, filed.number).request_number == number

"""The compact wire (feature ``compact_wire``, issue 15 item 7) over real HTTP: a desk that asks for it sends
whole states without their null fields and ops without a ``created_at`` equal to their event's ``at``, and reads
positional answers (no ``op_id``, no default values); the server stores exactly what the desk holds. A desk
that does not ask (older desks) sends and gets the old form, and the two forms of one op are the same op."""

from __future__ import annotations

import gzip
import hashlib
import json
from typing import Any

import httpx
from sqlalchemy import Engine, select

from app.ids import new_id
from app.sync.client import SyncClient
from ppid_protocol.delta import FEATURE_COMPACT
from ppid_protocol.fields import RECORD_FIELDS
from ppid_protocol.wire import API_PREFIX, HEADER_COMPACT, Op
from server.models import AppliedOp, ChangeLog, Record
from tests.server.conftest import Enroller, make_op

AT = "2026-03-02T10:14:05"


def intake(**fields: Any) -> Op:
    """A new request as a desk sends it: every field of the register, most of them still null."""
    state: dict[str, Any] = dict.fromkeys(RECORD_FIELDS["request"])
    requester: dict[str, Any] = dict.fromkeys(RECORD_FIELDS["requester"])
    requester.update(id=new_id(), kind="perorangan", name="Siti Aminah", version=1)
    state.update(office_code="3673.01", status="verifikasi", information="APBD 2025", version=1, **fields)
    state.update(requester=requester, requester_id=requester["id"], documents=["ktp"], missing_items=[])
    state["id"] = new_id()
    op = make_op(
        state["id"], record=state, event={"id": new_id(), "kind": "receive", "at": AT, "user": "ujang"}
    )
    return op.model_copy(update={"created_at": AT})


def post(desk: SyncClient, ops: list[Op], *, compact: bool) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """One push as it travels: the ops as sent and the answer as received (JSON, before any model)."""
    body = SyncClient.encode_push(desk.device_id or "", ops, delta=True, compact=compact)
    headers = {**desk._headers(), "Content-Type": "application/json", "Content-Encoding": "gzip",
               "X-Body-SHA256": hashlib.sha256(body).hexdigest()}  # fmt: skip
    if compact:
        headers[HEADER_COMPACT] = "1"
    resp = httpx.post(desk.base + API_PREFIX + "/push", content=body, headers=headers)
    assert resp.status_code == 200, resp.text
    return json.loads(gzip.decompress(body))["ops"], resp.json()


def stored(engine: Engine, entity_id: str) -> dict[str, Any]:
    with engine.connect() as conn:
        return dict(conn.execute(select(Record.data).where(Record.entity_id == entity_id)).scalar_one())


def client_time(engine: Engine, entity_id: str) -> str:
    with engine.connect() as conn:
        return str(
            conn.execute(select(ChangeLog.client_time).where(ChangeLog.entity_id == entity_id)).scalar_one()
        )


def test_hello_offers_the_compact_wire(enroll: Enroller) -> None:
    hello, _clock = enroll("3673.01").hello()
    assert FEATURE_COMPACT in hello.features


def test_a_compact_push_is_stored_as_the_desk_holds_it_and_answered_by_position(
    enroll: Enroller, engine: Engine
) -> None:
    desk = enroll("3673.01")
    ops = [intake(), intake(channel="surat")]
    sent, answer = post(desk, ops, compact=True)

    state = sent[0]["payload"]["record"]
    assert "decision" not in state and None not in state.values()  # nulls left out
    assert None not in state["requester"].values()
    assert "id" not in state and "id" not in state["requester"]  # named by entity_id and requester_id
    assert "created_at" not in sent[0]  # it is the event's ``at``
    assert answer["results"] == [{"status": "applied", "version": 1}] * 2  # by position, no defaults

    for op in ops:  # the nulls and the op's time are back on the server
        assert stored(engine, op.entity_id) == op.payload["record"]
        assert client_time(engine, op.entity_id) == AT


def test_an_old_desk_sends_and_gets_the_old_form(enroll: Enroller, engine: Engine) -> None:
    desk = enroll("3673.01")
    op = intake()
    sent, answer = post(desk, [op], compact=False)
    assert sent[0]["created_at"] == AT and sent[0]["payload"]["record"]["decision"] is None
    assert answer["results"] == [{"op_id": op.op_id, "status": "applied", "version": 1}]
    assert stored(engine, op.entity_id) == op.payload["record"]
    assert client_time(engine, op.entity_id) == AT


def test_the_two_forms_of_one_op_are_the_same_op(enroll: Enroller, engine: Engine) -> None:
    """A desk that pushed compact and, after a lost answer, sends again to a server that no longer offers the
    feature (or the reverse) gets a duplicate, not ``op_id_reused``."""
    desk = enroll("3673.01")
    op = intake()
    post(desk, [op], compact=True)
    _sent, answer = post(desk, [op], compact=False)
    assert answer["results"] == [{"op_id": op.op_id, "status": "applied", "duplicate": True, "version": 1}]
    with engine.connect() as conn:
        assert conn.execute(select(AppliedOp.op_id).where(AppliedOp.op_id == op.op_id)).all() == [(op.op_id,)]


def test_the_desk_names_positional_results_by_the_ops_it_sent(enroll: Enroller) -> None:
    desk = enroll("3673.01")
    desk.hello()
    assert desk.compact_wire
    ops = [intake(), intake()]
    results = desk.push(ops).results
    assert [(r.op_id, r.status) for r in results] == [(op.op_id, "applied") for op in ops]


def test_a_whole_state_of_a_non_compact_push_is_kept_as_sent(enroll: Enroller, engine: Engine) -> None:
    """Only a push marked ``compact`` gets its null fields back: an older desk's state that lacks a field
    (an older register) is stored as sent, never given nulls it did not say."""
    desk = enroll("3673.01")
    op = make_op(record={"office_code": "3673.01", "status": "verifikasi", "information": "APBD 2025"})
    post(desk, [op], compact=False)
    assert stored(engine, op.entity_id) == {**op.payload["record"], "version": 1}


def nested_op(entity_id: str, base: int, changes: dict[str, Any], patch: dict[str, Any]) -> Op:
    payload = {"changes": changes, "patch": patch, "event": {"id": new_id(), "kind": "respond", "at": AT}}
    return Op(seq=10**7 + base, op_id=new_id(), entity="request", entity_id=entity_id, action="respond",
              payload=payload, base_version=base, created_at=AT)  # fmt: skip


def test_a_nested_patch_is_put_on_the_records_base(enroll: Enroller, engine: Engine) -> None:
    desk = enroll("3673.01")
    create = intake(deadlines={"response": {"due": "2026-03-16"}, "completeness": {"due": "2026-03-05"}})
    post(desk, [create], compact=True)
    filing = {"kind": "objection_filing", "due": "2026-04-20", "weekends": True}
    step = nested_op(
        create.entity_id,
        1,
        {"status": "dijawab"},
        {"deadlines": {"objection_filing": filing, "completeness": None}},
    )
    _sent, answer = post(desk, [step], compact=True)
    assert answer["results"] == [{"status": "applied", "version": 2}]
    data = stored(engine, create.entity_id)
    assert data["deadlines"] == {"response": {"due": "2026-03-16"}, "objection_filing": filing}
    assert data["status"] == "dijawab"


def test_a_nested_patch_is_judged_by_the_content_rules(enroll: Enroller, engine: Engine) -> None:
    desk = enroll("3673.01")
    create = intake()
    post(desk, [create], compact=True)
    for patch in ({"deadlines": {"response": {"due": "2026-03-16", "note": "a\x00b"}}}, {"deadlines": "x"}):
        step = nested_op(create.entity_id, 1, {"status": "dijawab"}, patch)
        body = SyncClient.encode_push(desk.device_id or "", [step], delta=True, compact=True)
        headers = {**desk._headers(), "Content-Type": "application/json", "Content-Encoding": "gzip",
                   "X-Body-SHA256": hashlib.sha256(body).hexdigest()}  # fmt: skip
        resp = httpx.post(desk.base + API_PREFIX + "/push", content=body, headers=headers)
        assert resp.status_code == 422 and resp.json()["error"]["code"] == "invalid_record", resp.text
    assert stored(engine, create.entity_id)["status"] == "verifikasi"

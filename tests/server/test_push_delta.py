"""Delta ops (``payload.changes`` on top of ``base_version``, ``ppid_protocol.delta``) over real HTTP: the
server rebuilds the desk's state as the record at the desk's base plus its changes, and from there applies,
merges or holds exactly as for a whole state; a delta on nothing is refused."""

from __future__ import annotations

import itertools
from typing import Any

from sqlalchemy import Engine, func, select

from app.ids import new_id
from ppid_protocol.delta import FEATURE_DELTA
from ppid_protocol.wire import Op
from server.models import ChangeLog, Record
from tests.server.conftest import Enroller, make_op

BASE = {
    "office_code": "3673.01", "status": "diproses", "information": "APBD 2025", "purpose": "penelitian",
    "decision": None, "deadlines": {"response": {"due": "2026-03-16", "rule": "10 hari kerja"}},
}  # fmt: skip


_SEQ = itertools.count(10**6)  # after every ``make_op`` of a test: ops apply in seq order


def delta_op(entity_id: str, base: int, changes: dict[str, Any], action: str = "respond") -> Op:
    payload = {"changes": changes, "event": {"id": new_id(), "kind": action}}
    return Op(seq=next(_SEQ), op_id=new_id(), entity="request", entity_id=entity_id, action=action, payload=payload,
              base_version=base, created_at="2026-03-03T09:00:00")  # fmt: skip


def record(engine: Engine, entity_id: str) -> dict[str, Any]:
    with engine.connect() as conn:
        return dict(conn.execute(select(Record.data).where(Record.entity_id == entity_id)).scalar_one())


def test_hello_offers_delta_ops(enroll: Enroller) -> None:
    hello, _clock = enroll("3673.01").hello()
    assert FEATURE_DELTA in hello.features


def test_a_delta_is_applied_on_top_of_the_record(enroll: Enroller, engine: Engine) -> None:
    desk = enroll("3673.01")
    create = make_op(record=dict(BASE))
    desk.push([create])
    res = desk.push([delta_op(create.entity_id, 1, {"status": "dijawab", "decision": "diterima"})]).results[0]
    assert res.status == "applied" and res.version == 2
    assert record(engine, create.entity_id) == {
        **BASE,
        "status": "dijawab",
        "decision": "diterima",
        "version": 2,
    }
    with engine.connect() as conn:
        log = conn.execute(
            select(ChangeLog.changes).where(ChangeLog.entity_id == create.entity_id, ChangeLog.version == 2)
        ).scalar_one()
    assert log == {"status": ["diproses", "dijawab"], "decision": [None, "diterima"]}


def test_a_chain_of_deltas_in_one_batch(enroll: Enroller, engine: Engine) -> None:
    desk = enroll("3673.01")
    create = make_op(record=dict(BASE))
    steps = [
        delta_op(create.entity_id, 1, {"status": "dijawab", "decision": "diterima"}),
        delta_op(create.entity_id, 2, {"status": "diserahkan"}, "deliver"),
        delta_op(create.entity_id, 3, {"status": "selesai", "purpose": None}, "close"),
    ]
    res = desk.push([create, *steps]).results
    assert [r.status for r in res] == ["applied"] * 4
    assert record(engine, create.entity_id) == {
        **BASE, "status": "selesai", "decision": "diterima", "purpose": None, "version": 4,
    }  # fmt: skip


def test_a_delta_on_an_older_base_merges_with_what_another_desk_changed(
    enroll: Enroller, engine: Engine
) -> None:
    a, b = enroll("3673.01"), enroll("3673.01")
    create = make_op(record=dict(BASE))
    a.push([create])
    assert b.push([delta_op(create.entity_id, 1, {"information": "APBD 2025 dan 2026"}, "correct")])
    res = a.push([delta_op(create.entity_id, 1, {"status": "dijawab", "decision": "diterima"})]).results[0]
    assert res.status == "merged" and res.version == 3
    # the desk's base (version 1) + its changes, merged with B's change it had not seen: B's text is kept
    assert record(engine, create.entity_id) == {
        **BASE, "information": "APBD 2025 dan 2026", "status": "dijawab", "decision": "diterima", "version": 3,
    }  # fmt: skip


def test_a_delta_changing_a_legal_field_another_desk_changed_is_held(
    enroll: Enroller, engine: Engine
) -> None:
    a, b = enroll("3673.01"), enroll("3673.01")
    create = make_op(record=dict(BASE))
    a.push([create])
    b.push([delta_op(create.entity_id, 1, {"status": "ditolak", "decision": "ditolak"}, "reject")])
    res = a.push([delta_op(create.entity_id, 1, {"status": "dijawab", "decision": "diterima"})]).results[0]
    assert res.status == "conflict" and res.code == "concurrent_change"
    assert res.fields["decision"] == {"server": "ditolak", "desk": "diterima", "base": None}
    assert record(engine, create.entity_id)["decision"] == "ditolak"


def test_a_delta_without_a_record_to_apply_to_is_refused(enroll: Enroller, engine: Engine) -> None:
    desk = enroll("3673.01")
    res = desk.push(
        [delta_op(new_id(), 1, {"status": "dijawab"}), delta_op(new_id(), 0, {"office_code": "3673.01"})]
    ).results
    assert [(r.status, r.code) for r in res] == [("rejected", "unknown_record")] * 2
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Record)).scalar_one() == 0

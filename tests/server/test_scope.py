"""Scope and identity: an office desk sees and writes only its office, the city sees all, a revoked device and
a too-old app are refused with clear codes (and the desk keeps its outbox)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, func, select

from app.ids import new_id
from app.sync.client import SyncClient, SyncError
from server import admin
from server.models import AppliedOp, Record
from server.testing import LiveServer
from tests.server.conftest import Enroller, make_op


def test_office_desk_cannot_write_another_office(enroll: Enroller, engine: Engine) -> None:
    a, b = enroll("3673.01"), enroll("3673.02")
    op_b = make_op(record={"office_code": "3673.02", "status": "verifikasi"})
    b.push([op_b])
    # creating a record for office B from office A: the whole batch is refused, nothing applied
    with pytest.raises(SyncError) as info:
        a.push([make_op(), make_op(record={"office_code": "3673.02", "status": "verifikasi"})])
    assert info.value.status == 403 and info.value.code == "forbidden_scope"
    # changing B's record from A
    with pytest.raises(SyncError) as info:
        a.push([make_op(op_b.entity_id, base=1, record={"office_code": "3673.02", "status": "batal"})])
    assert info.value.status == 403
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Record)).scalar_one() == 1
        assert conn.execute(select(func.count()).select_from(AppliedOp)).scalar_one() == 1


def test_office_desk_reads_only_its_office_and_city_reads_all(enroll: Enroller) -> None:
    a, b, city = enroll("3673.01"), enroll("3673.02"), enroll("3673")
    op_a = make_op()
    op_b = make_op(record={"office_code": "3673.02", "status": "verifikasi"})
    a.push([op_a])
    b.push([op_b])
    assert [i.entity_id for i in a.pull().items] == [op_a.entity_id]
    assert [i.entity_id for i in b.pull().items] == [op_b.entity_id]
    assert {i.entity_id for i in city.pull().items} == {op_a.entity_id, op_b.entity_id}
    assert a.fetch([op_b.entity_id]).items == []
    assert a.checksum().count == 1 and city.checksum().count == 2


@pytest.mark.parametrize("entity", ["dik", "dip"])
def test_information_lists_are_scoped_by_office(enroll: Enroller, entity: str) -> None:
    """A DIK/DIP entry belongs to the office it names: its office and the city get it, another office neither
    gets it nor may write one in that office's name."""
    a, b, city = enroll("3673.01"), enroll("3673.02"), enroll("3673")
    state = {"office_code": "3673.01", "created_at": "2026-03-02T10:00:00", "revoked_at": None}
    own = make_op(entity=entity, action="add", state=state, record=None)
    own.payload.pop("record")
    a.push([own])
    assert [i.entity_id for i in a.pull().items] == [own.entity_id]
    assert b.pull().items == []
    assert [(i.entity, i.entity_id) for i in city.pull().items] == [(entity, own.entity_id)]
    forged = make_op(entity=entity, action="add", state={**state, "office_code": "3673.02"})
    forged.payload.pop("record")
    with pytest.raises(SyncError) as info:
        a.push([forged])
    assert info.value.status == 403 and info.value.code == "forbidden_scope"


def test_city_desk_can_create_for_an_office_and_record_decisions(enroll: Enroller) -> None:
    a, city = enroll("3673.01"), enroll("3673")
    objection = make_op(
        entity="objection", record={"office_code": "3673.01", "status": "terdaftar", "decision": None}
    )
    a.push([objection])
    decided = {"office_code": "3673.01", "status": "diputus", "decision": "dikabulkan"}
    res = city.push(
        [make_op(objection.entity_id, base=1, record=decided, entity="objection", action="decide")]
    )
    assert res.results[0].status == "applied"
    got = a.pull().items
    assert got[-1].record is not None and got[-1].record["decision"] == "dikabulkan"


def test_hello_reports_identity_and_server_time(enroll: Enroller) -> None:
    a = enroll("3673.01")
    hello, clock = a.hello()
    assert hello.office_code == "3673.01" and not hello.is_city and hello.desk_letter == "A"
    assert abs(clock.offset_seconds) < 300


def test_revoked_device_is_refused(enroll: Enroller, engine: Engine) -> None:
    a = enroll("3673.01")
    a.push([make_op()])
    admin.revoke_device(engine, a.device_id or "")
    for call in (a.hello, a.pull, lambda: a.push([make_op()])):
        with pytest.raises(SyncError) as info:
            call()
        assert info.value.status == 401 and info.value.code == "device_revoked" and not info.value.retryable


def test_unknown_token_is_refused(server: LiveServer) -> None:
    with SyncClient(server.url, token="ppid_forged", device_id="x") as c, pytest.raises(SyncError) as info:
        c.hello()
    assert info.value.code == "auth_invalid"


def test_too_old_client_is_told_to_update(enroll: Enroller, server: LiveServer) -> None:
    a = enroll("3673.01")
    old = SyncClient(server.url, token=a.token, device_id=a.device_id, app_version="0.0.9")
    with pytest.raises(SyncError) as info:
        old.push([make_op()])
    assert info.value.status == 426 and info.value.code == "client_too_old" and not info.value.retryable
    assert "Perbarui" in str(info.value) and info.value.detail["min_app_version"] == "0.1.0"
    resp = httpx.get(server.url + "/api/sync/v1/hello", headers={"Authorization": f"Bearer {a.token}"})
    assert resp.status_code == 426  # no protocol header at all = a pre-protocol client
    old.close()


def test_openapi_docs_are_served(server: LiveServer) -> None:
    assert httpx.get(server.url + "/docs").status_code == 200
    spec = httpx.get(server.url + "/openapi.json").json()
    assert {"/api/sync/v1/push", "/api/sync/v1/pull", "/api/sync/v1/hello", "/api/sync/v1/enroll"} <= set(
        spec["paths"]
    )


def test_plain_http_refused_except_loopback() -> None:
    with pytest.raises(SyncError) as info:
        SyncClient("http://ppid.serangkota.go.id")
    assert info.value.code == "insecure_url"
    SyncClient("http://127.0.0.1:1").close()
    SyncClient("https://ppid.serangkota.go.id").close()


def _request_of(office: str, requester_id: str | None = None) -> dict:
    rid = requester_id or new_id()
    return {"office_code": office, "status": "verifikasi", "requester_id": rid,
            "requester": {"id": rid, "name": "Siti", "kind": "perorangan"}}  # fmt: skip


def _nothing_of_a_applied(engine: Engine, before: int) -> None:
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Record)).scalar_one() == before


def test_an_office_cannot_write_on_another_offices_timeline_or_requester(
    enroll: Enroller, engine: Engine
) -> None:
    a, b = enroll("3673.01"), enroll("3673.02")
    b_request = make_op(record=_request_of("3673.02"))
    b.push([b_request])
    a_request = make_op(record=_request_of("3673.01"))
    a.push([a_request])
    forged_line = {
        "id": new_id(),
        "kind": "objection_filed",
        "summary": "palsu",
        "request_id": b_request.entity_id,
    }
    attempts = [
        # a keberatan of A whose timeline line goes on B's request
        make_op(entity="objection", action="add", events=[forged_line],
                record={"office_code": "3673.01", "status": "terdaftar", "request_id": a_request.entity_id}),
        # a keberatan of A filed against B's request
        make_op(entity="objection", action="add",
                record={"office_code": "3673.01", "status": "terdaftar", "request_id": b_request.entity_id}),
        # a keberatan created with B's request id as its own id (was "rejected/entity_mismatch": an oracle)
        make_op(b_request.entity_id, entity="objection", action="add",
                record={"office_code": "3673.01", "status": "terdaftar", "request_id": a_request.entity_id}),
        # a request of A embedding B's requester (renames B's requester as the city sees it)
        make_op(record={**_request_of("3673.01", b_request.payload["record"]["requester_id"]),
                        "requester": {"id": b_request.payload["record"]["requester_id"], "name": "Nama Baru"}}),
        # a request whose own timeline line names another request
        make_op(record=_request_of("3673.01"), event={"id": new_id(), "kind": "x", "request_id": b_request.entity_id}),
    ]  # fmt: skip
    for op in attempts:
        with pytest.raises(SyncError) as info:
            a.push([make_op(record=_request_of("3673.01")), op])
        assert (info.value.status, info.value.code) == (403, "forbidden_scope")
        _nothing_of_a_applied(engine, 2)
    b_seen = b.pull().items
    assert [i.entity_id for i in b_seen] == [b_request.entity_id] and b_seen[0].events[0]["kind"] == "receive"


def test_a_keberatan_of_a_request_that_exists_nowhere_is_refused_alone(
    enroll: Enroller, engine: Engine
) -> None:
    a = enroll("3673.01")
    ghost = new_id()
    orphan = make_op(entity="objection", action="add", events=[{"id": new_id(), "kind": "f", "request_id": ghost}],
                     record={"office_code": "3673.01", "status": "terdaftar", "request_id": ghost})  # fmt: skip
    ok = make_op(record=_request_of("3673.01"))
    res = a.push([orphan, ok]).results
    assert (res[0].status, res[0].code) == ("rejected", "unknown_request") and res[1].status == "applied"
    # a keberatan of a request created earlier in the same batch is fine
    own = make_op(entity="objection", action="add",
                  record={"office_code": "3673.01", "status": "terdaftar", "request_id": ok.entity_id},
                  events=[{"id": new_id(), "kind": "objection_filed", "request_id": ok.entity_id}])  # fmt: skip
    fresh = make_op(record=_request_of("3673.01"))
    own2 = make_op(
        entity="objection",
        action="add",
        record={"office_code": "3673.01", "status": "terdaftar", "request_id": fresh.entity_id},
    )
    assert [r.status for r in a.push([own, fresh, own2]).results] == ["applied"] * 3


def test_letters_follow_a_routed_request_to_its_new_office(enroll: Enroller, engine: Engine) -> None:
    a, b, city = enroll("3673.01"), enroll("3673.02"), enroll("3673")
    request = make_op(record=_request_of("3673.01"))
    letter = make_op(entity="letter", action="issue", event={"id": new_id(), "kind": "letter_issued",
                                                             "request_id": request.entity_id},
                     record={"office_code": "3673.01", "request_id": request.entity_id, "kind": "tanda_terima"})  # fmt: skip
    a.push([request, letter])
    a_cursor = a.pull().next_cursor
    routed = {**request.payload["record"], "office_code": "3673.02"}
    assert (
        city.push([make_op(request.entity_id, base=1, record=routed, action="route")]).results[0].status
        == "applied"
    )
    got = {i.entity_id: i for i in b.pull().items}
    assert set(got) == {request.entity_id, letter.entity_id}
    assert (
        got[letter.entity_id].record is not None and got[letter.entity_id].record["office_code"] == "3673.02"
    )
    assert got[letter.entity_id].events[0]["kind"] == "letter_issued"  # with its timeline line
    left = a.pull(a_cursor).items
    assert {i.entity_id for i in left if i.removed} == {request.entity_id, letter.entity_id}
    # a letter A issued for the request before it heard of the routing is A's own work, never a violation
    late = make_op(
        entity="letter",
        action="issue",
        record={"office_code": "3673.01", "request_id": request.entity_id, "kind": "pemberitahuan"},
    )
    assert a.push([late]).results[0].status == "applied"


def test_a_batch_asks_the_database_once_for_its_requesters_other_offices(
    enroll: Enroller, engine: Engine
) -> None:
    """The requester check read, per new request, which offices' requests name its requester: one round trip
    per op, over half the server's time under load (docs/benchmarks.md). Now one query per batch, with the
    same answers: a fresh requester passes, another office's requester is refused in a batch of fresh ones."""
    from sqlalchemy import event

    a, b = enroll("3673.01"), enroll("3673.02")
    b_request = make_op(record=_request_of("3673.02"))
    b.push([b_request])
    asked: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "requester_id" in statement:
            asked.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        a.push([make_op(record=_request_of("3673.01")) for _ in range(20)])
        borrowed = make_op(record=_request_of("3673.01", b_request.payload["record"]["requester_id"]))
        with pytest.raises(SyncError) as info:
            a.push([*(make_op(record=_request_of("3673.01")) for _ in range(5)), borrowed])
    finally:
        event.remove(engine, "before_cursor_execute", note)
    assert (info.value.status, info.value.code) == (403, "forbidden_scope")
    assert len(asked) == 2  # one per batch, not one per request
    _nothing_of_a_applied(engine, 21)


class _NoScan(dict):  # type: ignore[type-arg]
    """The batch's held records, refusing to be scanned whole."""

    def values(self) -> Any:
        raise AssertionError("the requester check scanned every held record")


def test_a_batch_finds_its_own_requests_naming_a_requester_without_scanning_them_all() -> None:
    """Each new request's requester was compared with every record the batch held: a pass over the batch per
    op. The batch now keeps an index (requester -> its requests), kept true when a state is replaced."""
    from datetime import UTC, datetime

    from server.context import DeviceCtx, ScopeViolation
    from server.ownership import _check_requester
    from server.push import Batch, RecState

    device = DeviceCtx("dev-a", 2, "3673.01", "Kecamatan Serang", False, "A")
    batch = Batch(device=device, now=datetime.now(UTC), offices={})
    batch.recs = _NoScan()
    shared, other = new_id(), new_id()
    batch.requester_refs.update({shared: set(), other: set()})  # nothing stored names them
    held = RecState(new_id(), "request", 3, 1, _request_of("3673.02", shared), False, True)
    batch.recs[held.entity_id] = held
    batch.note_requester(held)  # another office's request, held by this batch, naming ``shared``
    op = make_op(record=_request_of("3673.01", shared))
    with pytest.raises(ScopeViolation):
        _check_requester(None, batch, op, op.record(), {})  # type: ignore[arg-type]
    held.data = _request_of("3673.02", other)
    batch.note_requester(held)
    _check_requester(None, batch, op, op.record(), {})  # type: ignore[arg-type]
    assert batch.requests_naming == {shared: set(), other: {held.entity_id}}


@pytest.mark.postgres
def test_a_batchs_requesters_are_probed_in_the_index_not_by_reading_every_record(pg_url: str) -> None:
    """Asked as ``= ANY(ids)``, PostgreSQL (no statistics for the expression of a partial index) read every
    record once a batch named more than about 40 requesters: a full scan of ``records`` per push. And a plan
    costed on that guess was JIT-compiled (over 200 ms for a 0.3 ms query), so the server's sessions run
    without JIT."""
    from server.db import make_engine
    from server.ownership import _REFS_PG

    engine = make_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO records (entity_id, entity, office_id, version, server_seq, data, needs_review, "
                "created_by, created_at, updated_at) SELECT 'r' || g, 'request', (SELECT min(id) FROM offices), 1, "
                "g, jsonb_build_object('requester_id', 'q' || g, 'information', repeat('x', 300)), false, 'd', "
                "now(), now() FROM generate_series(1, 20000) AS g"
            )
            conn.exec_driver_sql("ANALYZE records")
            assert conn.exec_driver_sql("SHOW jit").scalar_one() == "off"
            ids = [f"q{i}" for i in range(5000, 5110)]  # a batch of 110 new requests
            plan = "\n".join(row[0] for row in conn.exec_driver_sql(f"EXPLAIN {_REFS_PG}", {"rids": ids}))
            found = conn.exec_driver_sql(_REFS_PG, {"rids": ids}).all()
    finally:
        engine.dispose()
    assert "ix_records_requester_ref" in plan and "Seq Scan on records" not in plan, plan
    assert sorted(row.rid for row in found) == sorted(ids)

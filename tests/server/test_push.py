"""Push over real HTTP: applied once, duplicates acknowledged without a second effect, damaged bodies refused
whole, per-op results for conflicts and merges."""

from __future__ import annotations

import gzip
import hashlib
import socket
import threading

import pytest
from sqlalchemy import Engine, func, select

from app.sync.client import SyncClient, SyncError
from server.models import AppliedOp, ChangeLog, Conflict, Event, Record
from server.testing import LiveServer
from tests.server.conftest import Enroller, make_op


def count(engine: Engine, model: type) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(model)).scalar_one())


def test_new_records_are_applied_with_their_events(enroll: Enroller, engine: Engine) -> None:
    desk = enroll("3673.01")
    ops = [make_op() for _ in range(5)]
    res = desk.push(ops)
    assert [r.status for r in res.results] == ["applied"] * 5
    assert all(r.version == 1 and not r.duplicate for r in res.results)
    assert count(engine, Record) == 5 and count(engine, Event) == 5 and count(engine, ChangeLog) == 5


def test_identical_resend_is_acknowledged_as_duplicate_without_effect(
    enroll: Enroller, engine: Engine
) -> None:
    desk = enroll("3673.01")
    ops = [make_op() for _ in range(3)]
    first = desk.push(ops)
    again = desk.push(ops + [make_op()])
    assert [r.duplicate for r in again.results] == [True, True, True, False]
    assert [r.status for r in again.results] == [r.status for r in first.results] + ["applied"]
    assert count(engine, Record) == 4 and count(engine, AppliedOp) == 4 and count(engine, ChangeLog) == 4


def test_concurrent_duplicate_requests_have_one_effect(
    enroll: Enroller, engine: Engine, server: LiveServer
) -> None:
    desk = enroll("3673.01")
    ops = [make_op() for _ in range(20)]
    update_id = ops[0].entity_id
    ops.append(
        make_op(update_id, base=1, record={"office_code": "3673.01", "status": "diproses"}, action="complete")
    )
    body = SyncClient.encode_push(desk.device_id or "", ops)
    results: list[list[bool]] = []
    errors: list[BaseException] = []

    def send() -> None:
        with SyncClient(server.url, token=desk.token, device_id=desk.device_id) as c:
            try:
                results.append([r.duplicate for r in c.push_body(body).results])
            except BaseException as exc:  # noqa: BLE001 - collected and asserted below
                errors.append(exc)

    threads = [threading.Thread(target=send) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(sum(not d for d in r) for r in results) == [0, 0, 0, 0, 0, 21]
    assert count(engine, Record) == 20 and count(engine, ChangeLog) == 21
    with engine.connect() as conn:
        assert conn.execute(select(Record.version).where(Record.entity_id == update_id)).scalar_one() == 2


def test_same_op_id_with_other_content_is_rejected(enroll: Enroller) -> None:
    desk = enroll("3673.01")
    op = make_op()
    desk.push([op])
    forged = op.model_copy(update={"payload": {"record": {"office_code": "3673.01", "status": "batal"}}})
    res = desk.push([forged]).results[0]
    assert res.status == "rejected" and res.code == "op_id_reused"


def raw_post(server: LiveServer, desk: SyncClient, body: bytes, declared: int, sha: str) -> bytes:
    """Send a push over a raw socket, possibly with fewer bytes than declared (then half-close)."""
    head = (
        f"POST /api/sync/v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Encoding: gzip\r\nContent-Length: {declared}\r\nX-Body-SHA256: {sha}\r\n"
        f"Authorization: Bearer {desk.token}\r\nX-Device-Id: {desk.device_id}\r\nX-App-Version: 0.1.0\r\n"
        f"X-PPID-Protocol: 1\r\nConnection: close\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
        s.sendall(head + body)
        if len(body) < declared:
            s.shutdown(socket.SHUT_WR)  # the link died: the server sees end of stream mid-body
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_body_cut_at_every_offset_has_no_effect(enroll: Enroller, engine: Engine, server: LiveServer) -> None:
    desk = enroll("3673.01")
    body = SyncClient.encode_push(desk.device_id or "", [make_op(), make_op()])
    sha = hashlib.sha256(body).hexdigest()
    for cut in range(len(body)):
        raw_post(server, desk, body[:cut], len(body), sha)
    assert count(engine, Record) == 0 and count(engine, AppliedOp) == 0
    reply = raw_post(server, desk, body, len(body), sha)
    assert reply.startswith(b"HTTP/1.1 200")
    assert count(engine, Record) == 2


@pytest.mark.parametrize("damage", ["flip_byte", "wrong_sha", "truncated_gzip", "not_gzip"])
def test_corrupted_bodies_are_refused_whole(enroll: Enroller, engine: Engine, damage: str) -> None:
    desk = enroll("3673.01")
    body = SyncClient.encode_push(desk.device_id or "", [make_op(), make_op()])
    sha = None
    if damage == "flip_byte":
        sha = hashlib.sha256(body).hexdigest()
        body = body[:20] + bytes([body[20] ^ 0xFF]) + body[21:]
    elif damage == "wrong_sha":
        sha = "0" * 64
    elif damage == "truncated_gzip":
        body = body[: len(body) // 2]  # checksum computed over the short body: the gzip stream itself is cut
    else:
        body = b"{not gzip"
    with pytest.raises(SyncError) as info:
        desk.push_body(body, sha256=sha)
    assert info.value.status in (400, 422)
    assert info.value.code in {"checksum_mismatch", "bad_gzip"}
    assert count(engine, Record) == 0 and count(engine, AppliedOp) == 0


def test_plain_gzip_roundtrip_and_gzip_response(enroll: Enroller) -> None:
    desk = enroll("3673.01")
    desk.push([make_op() for _ in range(30)])
    resp = desk._http.get(desk.base + "/api/sync/v1/pull", headers=desk._headers())
    assert resp.headers.get("content-encoding") == "gzip"
    assert len(resp.json()["items"]) == 30
    assert gzip.decompress(gzip.compress(b"x")) == b"x"


def test_concurrent_legal_change_is_held_as_conflict(enroll: Enroller, engine: Engine) -> None:
    desk, city = enroll("3673.01"), enroll("3673")
    op = make_op()
    desk.push([op])
    rec = {"office_code": "3673.01", "status": "ditolak", "information": "APBD 2025"}
    assert (
        city.push([make_op(op.entity_id, base=1, record=rec, action="reject")]).results[0].status == "applied"
    )
    mine = {"office_code": "3673.01", "status": "dijawab", "information": "APBD 2025"}
    res = desk.push([make_op(op.entity_id, base=1, record=mine, action="respond")]).results[0]
    assert res.status == "conflict" and res.code == "concurrent_change"
    assert res.fields["status"]["server"] == "ditolak" and res.fields["status"]["desk"] == "dijawab"
    assert res.conflict_id is not None
    with engine.connect() as conn:
        row = conn.execute(
            select(Record.data, Record.needs_review).where(Record.entity_id == op.entity_id)
        ).one()
        assert row.data["status"] == "ditolak" and row.needs_review
        assert conn.execute(select(func.count()).select_from(Conflict)).scalar_one() == 1
    # a later op on the same record from that desk waits for the supervisor
    later = desk.push([make_op(op.entity_id, base=2, record=mine, action="close")]).results[0]
    assert later.status == "conflict" and later.code == "blocked"
    # the supervisor's resolution (take the desk's value) is a normal op on the current version
    resolution = make_op(op.entity_id, base=2, record=mine, action="resolve", resolves=[res.conflict_id])
    done = desk.push([resolution]).results[0]
    assert done.status == "applied" and done.version == 3
    with engine.connect() as conn:
        row = conn.execute(
            select(Record.data, Record.needs_review).where(Record.entity_id == op.entity_id)
        ).one()
        assert row.data["status"] == "dijawab" and not row.needs_review


def test_disjoint_changes_merge_and_are_logged(enroll: Enroller, engine: Engine) -> None:
    desk, city = enroll("3673.01"), enroll("3673")
    base = {"office_code": "3673.01", "status": "verifikasi", "information": "APBD", "purpose": "riset"}
    op = make_op(record=base)
    desk.push([op])
    city.push([make_op(op.entity_id, base=1, record={**base, "status": "diproses"}, action="complete")])
    res = desk.push(
        [make_op(op.entity_id, base=1, record={**base, "purpose": "skripsi"}, action="correct")]
    ).results[0]
    assert res.status == "merged" and res.version == 3
    assert (
        res.record is not None and res.record["status"] == "diproses" and res.record["purpose"] == "skripsi"
    )
    with engine.connect() as conn:
        merged = conn.execute(select(ChangeLog.merged).where(ChangeLog.version == 3)).scalar_one()
    assert merged["server_kept"] == ["status"]


def test_chained_ops_from_one_desk_map_onto_server_versions(enroll: Enroller) -> None:
    desk, city = enroll("3673.01"), enroll("3673")
    base = {"office_code": "3673.01", "status": "verifikasi", "information": "APBD", "purpose": "riset"}
    op = make_op(record=base)
    desk.push([op])
    city.push([make_op(op.entity_id, base=1, record={**base, "information": "APBD 2025"}, action="correct")])
    # offline, the desk made two intents: versions 1→2 and 2→3 on its own copy
    a = make_op(op.entity_id, base=1, record={**base, "status": "diproses"}, action="complete")
    b = make_op(op.entity_id, base=2, record={**base, "status": "dijawab"}, action="respond")
    res = desk.push([a, b]).results
    assert [r.status for r in res] == ["merged", "applied"]
    assert res[1].version == 4


def test_stale_base_ahead_and_unknown_records_are_rejected(enroll: Enroller) -> None:
    desk = enroll("3673.01")
    res = desk.push([make_op(base=3)]).results[0]
    assert res.status == "rejected" and res.code == "unknown_record"
    op = make_op()
    desk.push([op])
    res = desk.push([make_op(op.entity_id, base=7)]).results[0]
    assert res.status == "rejected" and res.code == "base_ahead"


@pytest.mark.postgres
def test_the_duplicate_check_reads_the_batchs_own_ops_not_the_desks_history(pg_url: str) -> None:
    """A push reads the (device, op id) rows of its ops to find re-sends. Asked as ``op_id = ANY(ids)`` (and
    once prepared, from a generic plan) PostgreSQL read every op the desk had ever sent: two thirds of the
    database's CPU for a push, growing with the desk's age. Now each op is one primary-key probe."""
    from datetime import UTC, datetime

    from server.context import DeviceCtx
    from server.db import make_engine
    from server.push import Batch, PushService

    engine = make_engine(pg_url)
    device = DeviceCtx("dev-history", 1, "3673", "PPID Utama", True, "A")
    ops = [make_op() for _ in range(50)]
    try:
        history = (
            "INSERT INTO applied_ops (device_id, op_id, seq, entity_id, base_version, fingerprint, status, "
            "result_version, result, applied_at) SELECT %(dev)s, 'old-' || g, g, 'e-' || g, 0, 'f', 'applied', 1, "
            "'{}'::jsonb, now() FROM generate_series(%(first)s::int, %(last)s::int) AS g"
        )
        with engine.begin() as conn:  # no statistics yet: a new server's first busy hours, before autovacuum
            conn.exec_driver_sql(history, {"dev": device.id, "first": 1, "last": 5000})
        pusher = PushService(engine)
        for analyze in (False, True):  # without statistics yet, then with them (one desk: all rows are its)
            with engine.begin() as conn:
                if analyze:
                    conn.exec_driver_sql("ANALYZE applied_ops")
                for _ in range(
                    12
                ):  # past psycopg's prepare threshold and PostgreSQL's switch to a generic plan
                    done = pusher._replay_duplicates(conn, device, ops, Batch(device, datetime.now(UTC), {}))
                    assert done == set()
                conn.exec_driver_sql("SELECT pg_stat_force_next_flush()")
        with engine.connect() as conn:
            read = conn.exec_driver_sql(
                "SELECT indexrelname, idx_tup_read FROM pg_stat_user_indexes "
                "WHERE schemaname = current_schema() AND relname = 'applied_ops'"
            ).all()
    finally:
        engine.dispose()
    assert sum(n for _name, n in read) <= 2 * 12 * len(ops), read  # before: 12 × 5,000 index entries

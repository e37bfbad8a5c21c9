"""Pull: commit-ordered cursor (a late-committing transaction is never skipped), paging by count and bytes,
resumable cursors, routing between offices, and the bucketed checksum used for targeted repair."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import Engine

from app.sync.client import SyncClient, SyncError
from ppid_protocol.hashing import bucket_of, item_hash, xor_hex
from ppid_protocol.wire import Op, PullItem
from server.app import ServerConfig
from server.testing import live_server
from tests.server.conftest import Enroller, make_op


def pull_all(client: SyncClient, cursor: str = "", **kw: Any) -> tuple[list[PullItem], str, int]:
    items: list[PullItem] = []
    pages = 0
    while True:
        page = client.pull(cursor, **kw)
        items.extend(page.items)
        cursor = page.next_cursor
        pages += 1
        if not page.more:
            return items, cursor, pages


def test_pull_pages_by_count_and_resumes(enroll: Enroller) -> None:
    desk = enroll("3673.01")
    ops = [make_op() for _ in range(25)]
    desk.push(ops)
    items, cursor, pages = pull_all(desk, limit=10)
    assert pages == 3
    assert [i.entity_id for i in items] == [op.entity_id for op in ops]
    assert all(i.version == 1 and i.events and i.record for i in items)
    seqs = [i.seq for i in items]
    assert seqs == sorted(seqs) and len(set(seqs)) == 25
    # resuming from the stored cursor returns only what changed since
    assert desk.pull(cursor).items == []
    changed = make_op(
        ops[3].entity_id, base=1, record={"office_code": "3673.01", "status": "diproses"}, action="complete"
    )
    desk.push([changed])
    again = desk.pull(cursor).items
    assert [(i.entity_id, i.version) for i in again] == [(ops[3].entity_id, 2)]
    assert [e["kind"] for e in again[0].events] == ["receive", "complete"]


def test_pull_pages_by_bytes(enroll: Enroller) -> None:
    desk = enroll("3673.01")
    big = {"office_code": "3673.01", "status": "verifikasi", "information": "x" * 3000}
    desk.push([make_op(record=big) for _ in range(6)])
    items, _cursor, pages = pull_all(desk, limit=100, max_bytes=8000)
    assert len(items) == 6 and pages == 3


def test_cursor_of_another_scope_asks_for_resync(enroll: Enroller) -> None:
    desk, other = enroll("3673.01"), enroll("3673.02")
    desk.push([make_op()])
    cursor = desk.pull().next_cursor
    with pytest.raises(SyncError) as info:
        other.pull(cursor)
    assert info.value.status == 409 and info.value.code == "resync_scope"
    with pytest.raises(SyncError) as info:
        other.pull("garbage!")
    assert info.value.code == "bad_cursor"


@pytest.mark.timeout(120)
def test_late_committing_transaction_is_never_skipped(engine: Engine) -> None:
    """Txn A stamps first but commits late; txn B starts later. A puller polling in between must, once both
    are committed, have seen both: with a seq taken before commit (a naive bigserial) it would skip A."""
    release = threading.Event()
    holding = threading.Event()
    slow_id: list[str] = []

    def before_commit(ops: list[Op]) -> None:
        if any(op.entity_id in slow_id for op in ops):
            holding.set()
            release.wait(timeout=60)

    from server import admin

    with live_server(engine, ServerConfig(before_commit=before_commit)) as srv:
        clients = []
        for office in ("3673.01", "3673.02"):
            code, _ = admin.new_enroll_code(engine, office)
            c = SyncClient(srv.url)
            done = c.enroll(code)
            c.token, c.device_id = done.token, done.device_id
            clients.append(c)
        city_code, _ = admin.new_enroll_code(engine, "3673")
        city = SyncClient(srv.url)
        done = city.enroll(city_code)
        city.token, city.device_id = done.token, done.device_id
        desk_a, desk_b = clients
        desk_a.push([make_op()])
        seen, cursor, _ = pull_all(city)
        slow = make_op()
        slow_id.append(slow.entity_id)
        fast = make_op(record={"office_code": "3673.02", "status": "verifikasi"})
        ta = threading.Thread(target=desk_a.push, args=([slow],))
        ta.start()
        assert holding.wait(timeout=30)
        tb = threading.Thread(target=desk_b.push, args=([fast],))
        tb.start()
        tb.join(timeout=1.0)  # B may finish (a broken server) or wait for A's stamp lock (ours)
        polled, cursor, _ = pull_all(city, cursor)
        seen += polled
        release.set()
        ta.join(timeout=30)
        tb.join(timeout=30)
        polled, cursor, _ = pull_all(city, cursor)
        seen += polled
        ids = {i.entity_id for i in seen}
        assert slow.entity_id in ids and fast.entity_id in ids
        for c in (*clients, city):
            c.close()


def test_routing_moves_a_record_between_office_scopes(enroll: Enroller) -> None:
    a, b, city = enroll("3673.01"), enroll("3673.02"), enroll("3673")
    op = make_op()
    a.push([op])
    _, cur_a, _ = pull_all(a)
    _, cur_b, _ = pull_all(b)
    routed = {"office_code": "3673.02", "status": "verifikasi", "information": "APBD 2025"}
    res = city.push([make_op(op.entity_id, base=1, record=routed, action="route")]).results[0]
    assert res.status == "applied" and res.version == 2
    gone, cur_a, _ = pull_all(a, cur_a)
    assert [(i.entity_id, i.removed) for i in gone] == [(op.entity_id, True)]
    came, cur_b, _ = pull_all(b, cur_b)
    assert [(i.entity_id, i.removed, i.office_code) for i in came] == [(op.entity_id, False, "3673.02")]
    assert [e["kind"] for e in came[0].events] == ["receive", "route"]  # the whole timeline travels with it
    # office B can now work on it; office A's stale edit is held for a supervisor, not applied and not a 403
    assert (
        b.push([make_op(op.entity_id, base=2, record={**routed, "status": "diproses"})]).results[0].status
        == "applied"
    )
    late = a.push(
        [make_op(op.entity_id, base=1, record={"office_code": "3673.01", "status": "dijawab"})]
    ).results[0]
    assert late.status == "conflict" and late.code == "moved_out_of_scope"
    # an office desk may not route
    res = b.push([make_op(op.entity_id, base=3, record={**routed, "office_code": "3673.01"}, action="route")])
    assert res.results[0].status == "rejected" and res.results[0].code == "route_forbidden"


def test_checksum_buckets_find_the_differing_records(enroll: Enroller) -> None:
    desk = enroll("3673.01")
    ops = [make_op() for _ in range(40)]
    desk.push(ops)
    summary = desk.checksum(buckets=16)
    assert summary.count == 40
    local = {op.entity_id: 1 for op in ops}
    total = 0
    for eid, ver in local.items():
        total ^= item_hash(eid, ver)
    assert summary.xor == xor_hex(total)
    # the desk lost one record and has a stale version of another: only their buckets differ
    lost, stale = ops[0].entity_id, ops[1].entity_id
    desk.push([make_op(stale, base=1, record={"office_code": "3673.01", "status": "diproses"})])
    del local[lost]
    summary = desk.checksum(buckets=16)
    mine: dict[int, int] = {}
    for eid, ver in local.items():
        mine[bucket_of(eid, 16)] = mine.get(bucket_of(eid, 16), 0) ^ item_hash(eid, ver)
    differing = {b.bucket for b in summary.buckets if xor_hex(mine.get(b.bucket, 0)) != b.xor}
    assert differing == {bucket_of(lost, 16), bucket_of(stale, 16)}
    wanted: list[str] = []
    for bucket in sorted(differing):
        for entry in desk.bucket(bucket, buckets=16).entries:
            if local.get(entry.entity_id) != entry.version:
                wanted.append(entry.entity_id)
    assert sorted(wanted) == sorted([lost, stale])
    fetched = desk.fetch(wanted).items
    assert {(i.entity_id, i.version) for i in fetched} == {(lost, 1), (stale, 2)}


def test_empty_pull_is_signed_and_keeps_the_cursor(enroll: Enroller) -> None:
    desk = enroll("3673.01")
    resp = desk._http.get(desk.base + "/api/sync/v1/pull", headers=desk._headers())
    assert resp.status_code == 200 and resp.headers["X-PPID-Sync"] == "1"
    body = resp.json()
    assert body["items"] == [] and body["more"] is False
    assert desk.pull(body["next_cursor"]).next_cursor == body["next_cursor"]


def test_skip_own_leaves_out_the_versions_this_device_pushed_and_the_cursor_still_advances(
    enroll: Enroller,
) -> None:
    """Issue 15 item 6: a desk pulled back every record it had just pushed. With ``skip_own`` a record whose
    current version is this device's push is left out; another desk's later change, or a merge of the desk's
    change with it, is a version the desk does not hold, and comes."""
    a, b = enroll("3673.01"), enroll("3673.01")
    mine = [make_op() for _ in range(5)]
    assert {r.version for r in a.push(mine).results} == {1}
    items, cursor, _ = pull_all(a, skip_own=True)
    assert items == []  # before: all five came back
    assert len(pull_all(b, skip_own=True)[0]) == 5  # another desk of the office gets them all
    assert len(pull_all(a)[0]) == 5  # a desk that does not ask (older app) too

    rec = {"office_code": "3673.01", "status": "verifikasi", "information": "APBD 2025"}
    theirs = [make_op() for _ in range(3)]
    b.push(theirs[:1])
    b.push([make_op(mine[0].entity_id, base=1, record={**rec, "status": "diproses"}, action="process")])
    a.push([make_op() for _ in range(4)])  # more of its own after theirs: never in a page
    b.push(theirs[1:])
    pages = []
    while True:  # two items a page: the cursor moves past a's own records, never stops on them
        page = a.pull(cursor, limit=2, skip_own=True)
        pages.append([i.entity_id for i in page.items])
        cursor = page.next_cursor
        if not page.more:
            break
    got = [eid for page in pages for eid in page]
    assert got == [theirs[0].entity_id, mine[0].entity_id, theirs[1].entity_id, theirs[2].entity_id]
    assert pull_all(a, cursor, skip_own=True)[0] == []

    # a's change made on top of b's version: applied as sent, so not back to a, but to b
    done = a.push(
        [make_op(mine[0].entity_id, base=2, record={**rec, "status": "diproses", "purpose": "riset"})]
    )
    assert done.results[0].status == "applied" and done.results[0].version == 3
    items, cursor, _ = pull_all(a, cursor, skip_own=True)
    assert items == []
    # a's change on an old base, merged with b's later one: the merged version is news to a
    b.push([make_op(mine[1].entity_id, base=1, record={**rec, "status": "diproses"}, action="process")])
    merged = a.push([make_op(mine[1].entity_id, base=1, record={**rec, "information": "APBD 2026"})])
    assert merged.results[0].status == "merged"
    items, cursor, _ = pull_all(a, cursor, skip_own=True)
    assert [(i.entity_id, i.version) for i in items] == [(mine[1].entity_id, 3)]
    assert items[0].record is not None and items[0].record["status"] == "diproses"


def test_a_page_names_its_starting_cursor_and_resumes_after_a_seq(enroll: Enroller) -> None:
    """Feature ``pull_resume``: a desk whose page was cut keeps the complete items and asks again after the
    last of them, with the cursor the page started from (a header, which arrives before the body)."""
    desk, other = enroll("3673.01"), enroll("3673.02")
    ops = [make_op() for _ in range(6)]
    desk.push(ops)
    hello, _ = desk.hello()
    assert "pull_resume" in hello.features
    resp = desk._http.get(desk.base + "/api/sync/v1/pull", headers=desk._headers())
    start = resp.headers["X-PPID-Page-Cursor"]
    seqs = [i["seq"] for i in resp.json()["items"]]
    assert len(seqs) == 6
    rest = desk.pull(start, after_seq=seqs[2]).items
    assert [i.entity_id for i in rest] == [op.entity_id for op in ops[3:]]
    # the cursor still carries the scope: another office's desk cannot resume with it
    with pytest.raises(SyncError) as info:
        other.pull(start, after_seq=seqs[2])
    assert info.value.status == 409 and info.value.code == "resync_scope"
    # a later cursor wins over an earlier seq: after_seq never moves a pull backwards
    last = desk.pull(start).next_cursor
    assert desk.pull(last, after_seq=0).items == []


@pytest.mark.parametrize("after_seq", ["-1", str(2**63), "1e999", "x"])
def test_a_bad_after_seq_is_a_signed_422(enroll: Enroller, after_seq: str) -> None:
    desk = enroll("3673.01")
    resp = desk._http.get(
        desk.base + "/api/sync/v1/pull", params={"after_seq": after_seq}, headers=desk._headers()
    )
    assert resp.status_code == 422 and resp.headers["X-PPID-Sync"] == "1"


def test_the_next_page_is_named_before_the_page_is_parsed(enroll: Enroller) -> None:
    """The server writes a page's head after its items: the client still hands the next cursor to ``on_head``
    as soon as the body is in, before parsing it, so the engine asks for the next page with the link idle
    only for the round trip (parsing a large page took seconds on a loaded desk)."""
    desk = enroll("3673.01")
    desk.push([make_op() for _ in range(5)])
    heads: list[tuple[str, bool]] = []
    page = desk.pull("", limit=2, on_head=lambda c, more: heads.append((c, more)))
    assert heads == [(page.next_cursor, True)]
    last = desk.pull(page.next_cursor, limit=10, on_head=lambda c, more: heads.append((c, more)))
    assert heads[1:] == [(last.next_cursor, False)]


def test_a_query_parameter_given_twice_is_refused_by_name(enroll: Enroller) -> None:
    """Found by the OpenAPI fuzzer: ``?after_seq={}&after_seq=0.0`` was answered 200, the first value unread."""
    desk = enroll("3673.01")
    resp = desk._http.get(
        desk.base + "/api/sync/v1/pull?after_seq=%7B%7D&after_seq=0", headers=desk._headers()
    )
    assert resp.status_code == 422 and resp.headers["X-PPID-Sync"] == "1"
    error = resp.json()["error"]
    assert error["code"] == "invalid_query" and "after_seq" in error["message"]
    assert error["detail"] == {"name": "after_seq"}
    assert desk.pull("", limit=1).items == []  # one value each is as before

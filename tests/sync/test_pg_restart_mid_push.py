"""The city's PostgreSQL restarts while a desk is pushing: the push fails retryably, the desk keeps retrying
while the database is down, succeeds once it is back, and nothing is lost or applied twice.

The restart is real (``pg_ctl stop`` / ``start``) on a PRIVATE cluster made for this test, never on the shared
one at 127.0.0.1:5432. To land it inside a push for certain, the server's ``before_commit`` hook holds the
second push transaction open (its rows written, not yet committed) until PostgreSQL has been stopped under it.
``fast`` rolls the open transaction back and cuts the server's connections; ``immediate`` is a crash, and the
next start replays the WAL (every push committed before it must still be there).

A second test restarts PostgreSQL while a push is still uploading over a slow link (no hook): the server's
pooled connections are dead afterwards and the following transactions must not fail because of them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from faultproxy import Link, ProxyThread
from sqlalchemy import Engine, func, select

from app.services.desk import DeskServices
from app.sync import state
from app.sync.client import SyncClient
from app.sync.engine import SyncEngine, SyncReport
from app.sync.secrets import MemoryKeyring, TokenStore
from ppid_protocol.wire import Op
from server import admin
from server.app import ServerConfig
from server.models import AppliedOp
from server.testing import init_db, live_server, postgres_required
from tests.private_postgres import PrivatePostgres, PrivatePostgresUnavailable, private_postgres
from tests.sync.sync_checks import assert_server_consistent, desk_pending, desk_request_ids, sync_failures

N_REQUESTS = 40
WAIT = 60.0  # generous: only a broken system waits this long


@pytest.fixture
def pg() -> Iterator[PrivatePostgres]:
    try:
        with private_postgres() as cluster:
            yield cluster
    except PrivatePostgresUnavailable as exc:
        if postgres_required():
            pytest.fail(f"private PostgreSQL cluster could not be started and PPID_REQUIRE_POSTGRES=1: {exc}")
        pytest.skip(f"private PostgreSQL cluster could not be started ({exc}); PPID_REQUIRE_POSTGRES=1 fails")


def _applied(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(AppliedOp)).scalar_one())


@pytest.mark.postgres
@pytest.mark.timeout(180)
@pytest.mark.parametrize("mode", ["fast", "immediate"])
def test_postgres_restart_mid_push_loses_and_duplicates_nothing(
    pg: PrivatePostgres, desk: DeskServices, officer: Any, walk_in: Any, mode: str
) -> None:
    engine = init_db(pg.create_database())
    admin.add_office(engine, "CPJ", "Kecamatan Cipocok Jaya")
    for _ in range(N_REQUESTS):
        desk.register.receive(officer, walk_in())

    calls, holding, release = [0], threading.Event(), threading.Event()
    lock = threading.Lock()
    held_ops: list[str] = []

    def before_commit(ops: list[Op]) -> None:
        with lock:
            calls[0] += 1
            hold = calls[0] == 2
        if hold:
            held_ops.extend(op.op_id for op in ops)
            holding.set()
            release.wait(WAIT)

    try:
        with live_server(engine, ServerConfig(before_commit=before_commit)) as srv:
            eng = SyncEngine(desk.ctx.db, TokenStore(MemoryKeyring()), clock=desk.ctx.clock)
            code, _ = admin.new_enroll_code(engine, "CPJ")
            enr = eng.enroll(srv.url, code)
            eng.batch_cap, eng.batch = 10, 10  # four batches: the restart lands in the second

            naps: list[float] = []
            restarted = threading.Event()

            def nap(_seconds: float) -> None:
                """The back-off between attempts. The database comes back only after the desk has failed at
                least once more while it was down, so a retry against a dead database is exercised too."""
                naps.append(_seconds)
                if len(naps) == 2:
                    pg.start()
                    restarted.set()

            result: list[SyncReport] = []
            with sync_failures() as failures:
                worker = threading.Thread(
                    target=lambda: result.append(eng.sync(max_attempts=10, base_delay=0.01, sleep=nap))
                )
                worker.start()
                assert holding.wait(WAIT), "the second push never reached its commit"
                before = _applied(engine)
                assert 0 < before < N_REQUESTS  # the first batch is committed, the held one is not
                pg.stop(mode)
                release.set()
                worker.join(WAIT * 2)
                assert not worker.is_alive()
            report = result[0]

            assert restarted.is_set(), "the desk stopped retrying before PostgreSQL came back"
            assert report.ok, report.error
            assert len(failures) >= 2 and report.attempts == len(failures) + 1
            assert desk_pending(desk) == 0
            assert_server_consistent(engine, desk, enr.device_id)
            with engine.connect() as conn:
                held = set(
                    conn.execute(select(AppliedOp.op_id).where(AppliedOp.op_id.in_(held_ops))).scalars()
                )
            assert held == set(held_ops)  # the rolled-back batch was sent again and applied once

            # a second desk of the office pulls the whole register from the restarted database
            code2, _ = admin.new_enroll_code(engine, "CPJ")
            with SyncClient(srv.url) as other:
                done = other.enroll(code2)
                other.token, other.device_id = done.token, done.device_id
                seen: set[str] = set()
                cursor, more = "", True
                while more:
                    page = other.pull(cursor, limit=7)
                    seen |= {i.entity_id for i in page.items}
                    cursor, more = page.next_cursor, page.more
            assert seen == desk_request_ids(desk) and len(seen) == N_REQUESTS
    finally:
        release.set()
        engine.dispose()


@pytest.mark.postgres
@pytest.mark.timeout(180)
def test_postgres_restart_while_a_slow_push_uploads(
    pg: PrivatePostgres, desk: DeskServices, officer: Any, walk_in: Any
) -> None:
    engine = init_db(pg.create_database())
    admin.add_office(engine, "CPJ", "Kecamatan Cipocok Jaya")
    n = 60
    for _ in range(n):
        desk.register.receive(officer, walk_in())
    try:
        with live_server(engine) as srv, ProxyThread(srv.port, link=Link(rate_bps=64_000)) as px:
            eng = SyncEngine(desk.ctx.db, TokenStore(MemoryKeyring()), clock=desk.ctx.clock)
            enr = eng.enroll(srv.url, admin.new_enroll_code(engine, "CPJ")[0])
            with desk.ctx.db.transaction() as s:
                state.put(s, "enrollment", {**enr.__dict__, "server_url": px.url})
            eng.batch_cap, eng.batch = 10, 10
            restarted: list[int] = []

            def restart_when_under_way() -> None:
                deadline = time.monotonic() + WAIT
                while time.monotonic() < deadline:
                    if 0 < n - desk_pending(desk) < n:
                        pg.restart("fast")  # every pooled server connection is now dead
                        restarted.append(n - desk_pending(desk))
                        return
                    time.sleep(0.01)

            watcher = threading.Thread(target=restart_when_under_way, daemon=True)
            watcher.start()
            report = SyncReport()
            for _round in range(5):
                report = eng.sync(max_attempts=10, base_delay=0.05, sleep=time.sleep)
                if report.ok and not watcher.is_alive():
                    break
            watcher.join(WAIT)
        assert restarted and restarted[0] < n, "the restart did not land while the push was under way"
        assert report.ok, report.error
        assert_server_consistent(engine, desk, enr.device_id)
    finally:
        engine.dispose()


@pytest.mark.postgres
@pytest.mark.timeout(120)
def test_database_down_is_a_signed_retryable_503(pg: PrivatePostgres) -> None:
    engine = init_db(pg.create_database())
    admin.add_office(engine, "CPJ", "Kecamatan Cipocok Jaya")
    code, _ = admin.new_enroll_code(engine, "CPJ")
    try:
        with live_server(engine) as srv, SyncClient(srv.url) as desk:
            done = desk.enroll(code)
            desk.token, desk.device_id = done.token, done.device_id
            pg.stop("fast")
            from app.sync.client import SyncError

            with pytest.raises(SyncError) as info:
                desk.hello()
            pg.start()
            assert info.value.retryable
            assert info.value.status == 503 and info.value.code != "not_ppid_server"
            desk.hello()  # and it recovers once the database is back
    finally:
        engine.dispose()

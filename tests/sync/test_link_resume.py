"""Resumption inside one sync attempt over a faulty link (bench/faultproxy.py on 127.0.0.1, real server, real
desk registers): a push batch cut mid-upload, an upload swallowed by a silent stall, a pull page that stalls
half-way are re-sent at once on a new connection; nothing is lost or applied twice. An aborted client wakes a
request blocked on a silent link. No timed assertions: only outcomes and counts are checked."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from faultproxy import ConnPlan, Planner, ProxyThread
from sqlalchemy import func, select

from app.services.desk import DeskServices
from app.sync import state
from app.sync.client import SyncClient, SyncError
from app.sync.engine import SyncEngine, SyncReport
from app.sync.secrets import MemoryKeyring, TokenStore
from db.models import Request
from server import admin as server_admin
from server.testing import LiveServer
from tests.sync.conftest import SILENT_LINK
from tests.sync.sync_checks import assert_server_consistent, desk_pending

pytestmark = SILENT_LINK

READ_TIMEOUT = 6.0  # seconds without progress before a request is given up (only stalls should hit it; 3 s
# proved too tight for a loopback exchange on a loaded CI machine)


@pytest.fixture
def hub(server: LiveServer) -> LiveServer:
    server_admin.add_office(server.engine, "CPJ", "Kecamatan Cipocok Jaya")
    return server


def through_proxy(services: DeskServices, hub: LiveServer, proxy: ProxyThread) -> tuple[SyncEngine, str]:
    """An enrolled engine whose traffic goes through ``proxy``, with short progress timeouts."""
    eng = SyncEngine(services.ctx.db, TokenStore(MemoryKeyring()), clock=services.ctx.clock)
    code, _ = server_admin.new_enroll_code(hub.engine, "CPJ")
    enr = eng.enroll(hub.url, code)
    with services.ctx.db.transaction() as s:
        state.put(s, "enrollment", {**enr.__dict__, "server_url": proxy.url})
    eng.client_factory = lambda e, t: SyncClient(
        e.server_url, token=t, device_id=e.device_id, base_read_timeout=READ_TIMEOUT
    )
    return eng, enr.device_id


def first_connection(plan: ConnPlan) -> Planner:
    return lambda i: plan if i == 0 else ConnPlan()


def one_attempt(eng: SyncEngine) -> SyncReport:
    """A single ``run_once`` with the retry budget of ``sync``: success here means the engine resumed by itself."""
    report = eng.sync(max_attempts=1, sleep=lambda _d: None)
    assert report.ok, (report.error_code, report.error)
    return report


def attempt_in_time(eng: SyncEngine, failure: str) -> SyncReport:
    """``one_attempt`` on a thread, given 120 s: an engine that waited for its 900 s read timeout on a stalled
    link (instead of giving the request up) is aborted and the test fails with ``failure``."""
    result: list[SyncReport] = []
    worker = threading.Thread(target=lambda: result.append(one_attempt(eng)), daemon=True)
    worker.start()
    worker.join(120)
    if worker.is_alive():
        eng.abort()
        worker.join(30)
    assert result, failure
    return result[0]


def intake(desk: DeskServices, officer: Any, walk_in: Callable[[], dict[str, Any]], n: int) -> None:
    for _ in range(n):
        desk.register.receive(officer, walk_in())


@pytest.mark.parametrize("stall", [False, True], ids=["cut", "stall"])
def test_push_batch_lost_mid_upload_is_resent_in_the_same_attempt(
    desk: DeskServices, officer: Any, walk_in: Any, hub: LiveServer, stall: bool
) -> None:
    intake(desk, officer, walk_in, 12)
    # hello is ~300 bytes up; the first push's headers + gzip body run well past 1,200 bytes
    with ProxyThread(hub.port, planner=first_connection(ConnPlan(cut_up_after=1200, stall=stall))) as px:
        eng, device_id = through_proxy(desk, hub, px)
        report = one_attempt(eng)
        assert (px.stats.stalls, px.stats.cuts) == ((1, 0) if stall else (0, 1))
    assert report.attempts == 1 and report.pushed == 12 and report.duplicates == 0
    assert desk_pending(desk) == 0
    assert_server_consistent(hub.engine, desk, device_id)


def test_push_answer_stalled_after_commit_is_resent_as_duplicates(
    desk: DeskServices, officer: Any, walk_in: Any, hub: LiveServer
) -> None:
    intake(desk, officer, walk_in, 6)
    with ProxyThread(hub.port) as px:
        eng, device_id = through_proxy(desk, hub, px)
        enr = eng.enrollment()
        assert enr is not None
        with eng.client_factory(enr, eng.tokens.load(enr.device_id)) as probe:
            probe.hello()
        hello_down = px.stats.bytes_down

        # the next connection carries hello whole, then the push's answer stops after its first bytes (the
        # server has committed) and the link stays open and silent
        def stall_next(i: int) -> ConnPlan:
            return ConnPlan(cut_down_after=hello_down + 40, stall=True) if i == 1 else ConnPlan()

        px.set_planner(stall_next)
        report = one_attempt(eng)
        assert px.stats.stalls == 1
    assert report.attempts == 1 and report.pushed == 6 and report.duplicates == 6
    assert_server_consistent(hub.engine, desk, device_id)


def test_push_answer_stalled_while_later_batches_are_answered_is_resent_without_waiting_its_timeout(
    desk: DeskServices, officer: Any, walk_in: Any, hub: LiveServer
) -> None:
    """A half-open link swallows one batch mid-upload (the desk's writes still succeed, nothing comes back,
    the server waits for the rest of the body); later batches on other connections are answered. The engine
    fails that batch alone once a later batch's answer is ``answer_lag`` old and re-sends it. Before, it
    waited for its header timeout (here 900 s; 80 s on the bench's link, 22 s of it with the link idle)."""
    intake(desk, officer, walk_in, 30)
    # connection 0 carries hello and the first batch; the second batch (opened with it) goes on connection 1,
    # which goes silent after 200 bytes up; every later connection is clean
    planner = lambda i: ConnPlan(cut_up_after=200, stall=True) if i == 1 else ConnPlan()  # noqa: E731
    with ProxyThread(hub.port, planner=planner) as px:
        eng, device_id = through_proxy(desk, hub, px)
        eng.client_factory = lambda e, t: SyncClient(
            e.server_url, token=t, device_id=e.device_id, base_read_timeout=900.0
        )
        eng.batch_cap = eng.batch = 5
        eng.answer_lag = 1.0
        report = attempt_in_time(eng, "the stalled batch was not re-sent before its timeout")
        assert px.stats.stalls == 1
    assert report.attempts == 1 and report.pushed == 30 and report.duplicates == 0
    assert_server_consistent(hub.engine, desk, device_id)


def pushed_by_another_desk(hub: LiveServer, second: DeskServices, officer: Any, walk_in: Any, n: int) -> None:
    intake(second, officer, walk_in, n)
    eng = SyncEngine(second.ctx.db, TokenStore(MemoryKeyring()), clock=second.ctx.clock)
    code, _ = server_admin.new_enroll_code(hub.engine, "CPJ")
    eng.enroll(hub.url, code)
    assert eng.sync(max_attempts=1, sleep=lambda _d: None).ok


@pytest.fixture
def other_desk(tmp_path: Path, clock: Any, _desk_template: Any) -> Iterator[DeskServices]:
    import shutil

    folder = tmp_path / "desk-2"
    shutil.copytree(_desk_template.folder, folder)
    services = DeskServices.open(folder, clock=clock)
    yield services
    services.close()


@pytest.mark.parametrize("stall", [False, True], ids=["cut", "stall"])
def test_pull_page_lost_half_way_is_asked_again_from_the_committed_cursor(
    desk: DeskServices, other_desk: DeskServices, officer: Any, walk_in: Any, hub: LiveServer, stall: bool
) -> None:
    pushed_by_another_desk(hub, other_desk, officer, walk_in, 40)
    # hello (~700 bytes down) passes; the link dies in the middle of the pulled pages
    with ProxyThread(hub.port, planner=first_connection(ConnPlan(cut_down_after=4000, stall=stall))) as px:
        eng, _device = through_proxy(desk, hub, px)
        eng.page_bytes = 8 * 1024  # several pages
        report = one_attempt(eng)
        assert (px.stats.stalls, px.stats.cuts) == ((1, 0) if stall else (0, 1))
    assert report.attempts == 1 and report.pulled >= 40
    with desk.ctx.db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Request)) == 40
        assert s.scalar(select(func.count(func.distinct(Request.number)))) == 40


@pytest.mark.parametrize("stall", [False, True], ids=["cut", "stall"])
def test_pull_page_cut_mid_body_keeps_its_complete_items_and_resumes_after_them(
    desk: DeskServices, other_desk: DeskServices, officer: Any, walk_in: Any, hub: LiveServer, stall: bool
) -> None:
    """Feature ``pull_resume``: the items of a cut page that arrived whole are stored with the position after
    them; the next pull brings only the rest (before, the whole page was thrown away and downloaded again)."""
    pushed_by_another_desk(hub, other_desk, officer, walk_in, 40)
    dead = ConnPlan(cut_total_after=1)  # after the cut every connection dies: the sync gives up, as a desk
    # switched off would; hello (~700 bytes down) passes and the one page of 40 (~4 KB of gzip) is cut
    planner = lambda i: ConnPlan(cut_down_after=2500, stall=stall) if i == 0 else dead  # noqa: E731
    with ProxyThread(hub.port, planner=planner) as px:
        eng, _device = through_proxy(desk, hub, px)
        first = eng.sync(max_attempts=1, sleep=lambda _d: None)
        assert not first.ok and (px.stats.stalls, px.stats.cuts) >= ((1, 0) if stall else (0, 1))
        with desk.ctx.db.reader() as s:
            kept = s.scalar(select(func.count()).select_from(Request)) or 0
            after = state.get(s, state.CURSOR_AFTER_KEY)
        assert 0 < kept < 40 and first.pulled == kept
        assert after is not None
        px.set_planner(lambda _i: ConnPlan())
        second = one_attempt(eng)
    assert second.pulled == 40 - kept  # nothing kept came again
    with desk.ctx.db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Request)) == 40
        assert s.scalar(select(func.count(func.distinct(Request.number)))) == 40
        assert state.get(s, state.CURSOR_AFTER_KEY) is None  # a whole page was stored after it


def test_pull_page_stalled_mid_body_is_given_up_by_the_desk_not_the_server(
    desk: DeskServices, other_desk: DeskServices, officer: Any, walk_in: Any, hub: LiveServer, caplog: Any
) -> None:
    """Feature ``pull_resume``: a page whose bytes stop flowing is given up by the desk after
    ``resumable_stall`` seconds (the items that arrived are kept, so an early cut costs a round trip), not after
    the base read timeout (here 900 s; 4 s on the bench's link, with the link idle). Before, the stall here
    lasted until the server closed the idle connection itself (a ``network`` failure, ~30 s later)."""
    pushed_by_another_desk(hub, other_desk, officer, walk_in, 40)
    # hello (~700 bytes down) and the page's headers pass; the page goes silent in its body
    with ProxyThread(hub.port, planner=first_connection(ConnPlan(cut_down_after=2500, stall=True))) as px:
        eng, _device = through_proxy(desk, hub, px)
        eng.client_factory = lambda e, t: SyncClient(
            e.server_url, token=t, device_id=e.device_id, base_read_timeout=900.0
        )
        with caplog.at_level(logging.INFO, logger="ppid.sync"):
            report = one_attempt(eng)
        assert px.stats.stalls == 1
    failed = [r for r in caplog.records if r.getMessage() == "pull page failed, asking again"]
    assert [getattr(r, "code", None) for r in failed] == ["timeout"]
    assert report.attempts == 1 and report.pulled == 40
    with desk.ctx.db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Request)) == 40
        assert s.scalar(select(func.count(func.distinct(Request.number)))) == 40


def test_abort_wakes_a_request_blocked_on_a_silent_link(hub: LiveServer) -> None:
    # the request's bytes vanish and nothing ever comes back; the client alone would wait 900 s
    with ProxyThread(hub.port, planner=first_connection(ConnPlan(cut_up_after=10, stall=True))) as px:
        client = SyncClient(px.url, token="t", device_id="d", base_read_timeout=900.0)
        failure: list[BaseException] = []
        started = threading.Event()

        def call() -> None:
            started.set()
            try:
                client.hello()
            except BaseException as exc:  # noqa: BLE001 - handed to the test thread
                failure.append(exc)

        worker = threading.Thread(target=call, daemon=True)
        worker.start()
        started.wait(10)
        while px.stats.stalls == 0 and worker.is_alive():
            worker.join(0.05)
        client.abort()
        worker.join(60)  # generous: only a client that ignores the abort needs this long
        assert not worker.is_alive()
    assert len(failure) == 1 and isinstance(failure[0], SyncError) and failure[0].retryable


def test_backoff_restarts_after_an_attempt_that_made_progress(desk: DeskServices) -> None:
    """Attempts cut after progress do not use up the budget: only failures in a row without progress do."""
    eng = SyncEngine(desk.ctx.db, TokenStore(MemoryKeyring()), clock=desk.ctx.clock)
    outcomes = iter(["progress", "progress", "progress", "nothing", "progress", "ok"])
    delays: list[float] = []

    def run_once(report: SyncReport | None = None) -> SyncReport:
        assert report is not None
        outcome = next(outcomes)
        if outcome == "ok":
            return report
        if outcome == "progress":
            report.pushed += 10
        raise SyncError("network", "Sambungan ke server terputus.")

    eng.run_once = run_once  # type: ignore[method-assign]
    report = eng.sync(max_attempts=2, base_delay=4, max_delay=100, sleep=delays.append)
    assert report.attempts == 6 and report.pushed == 40
    assert len(delays) == 5
    assert all(d <= 4 for d in delays)  # never beyond base: no two failures in a row without progress

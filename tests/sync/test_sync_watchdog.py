"""SyncWorker's watchdog: a sync wedged on a silent stall (a half-open connection that the client would wait
on for ten minutes) is aborted after ``stuck_after`` seconds without progress, and the retry completes.

No timed assertions: the test waits on conditions with generous limits, and the client's read timeout is far
longer than those limits, so only the watchdog can unwedge the sync in time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from faultproxy import ConnPlan, ProxyThread
from sqlalchemy import Engine

from app.services.desk import DeskServices
from app.sync import state
from app.sync.client import SyncClient
from app.sync.engine import Enrollment, SyncEngine, SyncReport, SyncWorker
from app.sync.secrets import MemoryKeyring, TokenStore
from server import admin
from server.testing import LiveServer, init_db, live_server
from tests.sync.sync_checks import assert_server_consistent, desk_pending

WEDGE_READ_TIMEOUT = 900.0  # the client alone would wait this long on the stalled exchange
STUCK_AFTER = 3.0  # longer than the first back-off nap (at most 2 s), so a nap never counts as a wedge
WAIT = 30.0  # ten times STUCK_AFTER: only a broken watchdog needs longer


@pytest.fixture
def city(tmp_path: Path) -> Iterator[tuple[Engine, LiveServer]]:
    engine = init_db(f"sqlite:///{tmp_path}/server.sqlite3")
    admin.add_office(engine, "CPJ", "Kecamatan Cipocok Jaya")
    with live_server(engine) as srv:
        yield engine, srv
    engine.dispose()


def _stall_first(index: int) -> ConnPlan:
    """The first connection goes silent after 20 bytes of the desk's request: the server waits for the rest
    of the request forever (no keep-alive timer runs mid-request), the desk waits for an answer."""
    return ConnPlan(cut_up_after=20, stall=True) if index == 0 else ConnPlan()


@dataclass
class Wedge:
    engine: Engine
    device_id: str
    proxy: ProxyThread | None = None
    worker: SyncWorker | None = None
    reports: list[SyncReport] = field(default_factory=list)
    done: threading.Event = field(default_factory=threading.Event)

    def on_report(self, report: SyncReport) -> None:
        self.reports.append(report)
        self.done.set()


@contextmanager
def wedged_worker(
    desk: DeskServices, officer: Any, walk_in: Callable[[], dict[str, Any]], city: tuple[Engine, LiveServer]
) -> Iterator[Wedge]:
    """A worker with three unsent requests whose first exchange wedges on a silent link."""
    engine, srv = city
    for _ in range(3):
        desk.register.receive(officer, walk_in())
    eng = SyncEngine(desk.ctx.db, TokenStore(MemoryKeyring()), clock=desk.ctx.clock)
    code, _ = admin.new_enroll_code(engine, "CPJ")
    enr = eng.enroll(srv.url, code)
    wedge = Wedge(engine=engine, device_id=enr.device_id)
    with ProxyThread(srv.port, planner=_stall_first) as px:
        wedge.proxy = px
        with desk.ctx.db.transaction() as s:
            state.put(s, "enrollment", {**enr.__dict__, "server_url": px.url})

        def slow_reader(e: Enrollment, token: str | None) -> SyncClient:
            return SyncClient(e.server_url, token=token, device_id=e.device_id,
                              base_read_timeout=WEDGE_READ_TIMEOUT)  # fmt: skip

        eng.client_factory = slow_reader
        worker = SyncWorker(eng, interval=3600, stuck_after=STUCK_AFTER, on_report=wedge.on_report)
        wedge.worker = worker
        worker.start()
        try:
            yield wedge
        finally:
            worker.stop()
    wedge.done.wait(WAIT)  # the proxy is gone: whatever was still stuck has failed; let the round end


@pytest.mark.timeout(180)
def test_watchdog_aborts_a_wedged_sync_and_the_next_attempt_completes(
    desk: DeskServices, officer: Any, walk_in: Any, city: tuple[Engine, LiveServer]
) -> None:
    with wedged_worker(desk, officer, walk_in, city) as wedge:
        assert wedge.done.wait(WAIT), "the wedged sync was not aborted within ten times stuck_after"
        assert wedge.worker is not None and wedge.proxy is not None
        restarts = wedge.worker.restarts
        assert wedge.proxy.stats.stalls == 1
    report = wedge.reports[0]
    assert restarts == 1
    assert report.ok and report.attempts == 2, (report.error_code, report.error)
    assert report.pushed == 3 and desk_pending(desk) == 0
    assert_server_consistent(wedge.engine, desk, wedge.device_id)

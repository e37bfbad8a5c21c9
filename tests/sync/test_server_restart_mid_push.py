"""The city server process dies (SIGKILL) twice while a desk is pushing over a slow link, and is started again:
the desk's push fails retryably, it resumes once the server is back, and nothing is lost or applied twice.

The server is the real ``ppid-server serve`` in its own process (on SQLite, and on PostgreSQL where reachable);
a fault proxy slows the link to a 2G-like rate so each batch is still on its way when the process is killed
(the kill is triggered by the desk's own progress: some batches acknowledged, some still pending).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from faultproxy import Link, ProxyThread
from sqlalchemy import Engine

from app.services.desk import DeskServices
from app.sync import state
from app.sync.client import SyncClient
from app.sync.engine import SyncEngine, SyncReport
from app.sync.secrets import MemoryKeyring, TokenStore
from server import admin
from server.db import make_engine
from server.testing import free_port
from tests.sync.conftest import ALSO_ON_SQLITE
from tests.sync.sync_checks import assert_server_consistent, desk_pending, desk_request_ids, sync_failures

N_REQUESTS = 60
KILL_AT = (10, 30)  # acknowledged ops after which the server is killed (while later batches are in flight)
WAIT = 60.0


class ServerProcess:
    """``python -m server.cli --db URL serve --port P``, killed and started again on the same port."""

    def __init__(self, db_url: str, log: Path) -> None:
        self.db_url, self.log, self.port = db_url, log, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.up = threading.Event()

    def start(self) -> None:
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "server.cli", "--db", self.db_url, "serve", "--port", str(self.port)],
                stdout=out, stderr=out, env={**os.environ},
            )  # fmt: skip
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.log.read_text()[-2000:]
            try:
                if httpx.get(self.url + "/docs", timeout=2).status_code == 200:
                    self.up.set()
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        raise AssertionError("ppid-server serve did not start: " + self.log.read_text()[-2000:])

    def kill(self) -> None:
        self.up.clear()
        assert self.proc is not None
        self.proc.kill()  # SIGKILL: no graceful shutdown, no finishing the request
        self.proc.wait(WAIT)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(WAIT)


@pytest.fixture
def city(db_url: str, tmp_path: Path) -> Iterator[tuple[Engine, ServerProcess]]:
    engine = make_engine(db_url)
    admin.add_office(engine, "CPJ", "Kecamatan Cipocok Jaya")
    proc = ServerProcess(db_url, tmp_path / "serve.log")
    proc.start()
    try:
        yield engine, proc
    finally:
        proc.stop()
        engine.dispose()


@ALSO_ON_SQLITE  # a killed process leaves a SQLite file and a PostgreSQL session behind in different ways
@pytest.mark.timeout(240)
def test_server_killed_mid_push_twice_loses_and_duplicates_nothing(
    desk: DeskServices, officer: Any, walk_in: Any, city: tuple[Engine, ServerProcess]
) -> None:
    engine, proc = city
    for _ in range(N_REQUESTS):
        desk.register.receive(officer, walk_in())
    eng = SyncEngine(desk.ctx.db, TokenStore(MemoryKeyring()), clock=desk.ctx.clock)
    code, _ = admin.new_enroll_code(engine, "CPJ")
    enr = eng.enroll(proc.url, code)
    eng.batch_cap, eng.batch = 10, 10

    kills: list[int] = []
    stop_watch = threading.Event()

    def killer() -> None:
        """Kill the server when the desk has acknowledged KILL_AT[k] ops and still has some to send."""
        for threshold in KILL_AT:
            while not stop_watch.is_set():
                acked = N_REQUESTS - desk_pending(desk)
                if acked >= threshold:
                    break
                time.sleep(0.02)
            if stop_watch.is_set() or desk_pending(desk) == 0:
                return
            proc.kill()
            kills.append(N_REQUESTS - desk_pending(desk))
            proc.start()

    def nap(_seconds: float) -> None:
        proc.up.wait(WAIT)  # back off until the server answers again

    with ProxyThread(proc.port, link=Link(rate_bps=96_000)) as px:
        with desk.ctx.db.transaction() as s:
            state.put(s, "enrollment", {**enr.__dict__, "server_url": px.url})
        eng.client_factory = lambda e, t: SyncClient(e.server_url, token=t, device_id=e.device_id,
                                                     base_read_timeout=15.0)  # fmt: skip
        watcher = threading.Thread(target=killer, daemon=True)
        watcher.start()
        report = SyncReport()
        with sync_failures() as failures:
            for _round in range(5):
                report = eng.sync(max_attempts=10, sleep=nap)
                if report.ok and len(kills) == len(KILL_AT):
                    break
        stop_watch.set()
        watcher.join(WAIT)

    assert len(kills) == len(KILL_AT), "the desk finished before the server could be killed twice"
    assert all(0 < k < N_REQUESTS for k in kills)
    assert report.ok, report.error
    # the engine re-sends a batch lost to the kill at once, so a restart may be absorbed inside one attempt:
    # failed attempts can be fewer than kills, but any that failed failed on the link
    assert all(code in {"network", "timeout"} for code in failures), failures
    assert desk_pending(desk) == 0
    assert_server_consistent(engine, desk, enr.device_id)

    # the restarted server serves the whole register to another desk of the office
    code2, _ = admin.new_enroll_code(engine, "CPJ")
    with SyncClient(proc.url) as other:
        done = other.enroll(code2)
        other.token, other.device_id = done.token, done.device_id
        seen: set[str] = set()
        cursor, more = "", True
        while more:
            page = other.pull(cursor, limit=25)
            seen |= {i.entity_id for i in page.items}
            cursor, more = page.next_cursor, page.more
    assert seen == desk_request_ids(desk)

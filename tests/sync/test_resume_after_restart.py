"""Resumption after an app restart, against a live server: nothing in memory survives, only the register.

* Push: ``ppid-desk sync`` (a real process) is SIGKILLed in the middle of a push over a slow link, once its
  first batch is acknowledged and while the next ones are on the wire (the bytes already in the network may
  still reach the server, whose answers then die with the process). The next ``ppid-desk sync`` sends only
  what was not acknowledged; what the server had already applied comes back as duplicates, and the server
  holds every op exactly once.
* Pull: a fresh desk's first pull loses its link after some pages; the app is closed and opened again, and the
  next sync continues from the stored cursor instead of pulling everything again.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from faultproxy import Link, ProxyThread
from sqlalchemy import Engine, func, select

from app.paths import db_path
from app.services.desk import DeskServices
from app.sync import state
from app.sync.engine import SyncEngine, SyncReport
from app.sync.secrets import MemoryKeyring, TokenStore
from db.models import Request
from server import admin
from server.testing import LiveServer, init_db, live_server
from tests.conftest import FakeClock
from tests.sync.sync_checks import assert_server_consistent, desk_pending, desk_request_ids

WAIT = 60.0


@pytest.fixture
def city(tmp_path: Path) -> Iterator[tuple[Engine, LiveServer]]:
    engine = init_db(f"sqlite:///{tmp_path}/server.sqlite3")
    admin.add_office(engine, "CPJ", "Kecamatan Cipocok Jaya")
    with live_server(engine) as srv:
        yield engine, srv
    engine.dispose()


def _ppid_desk(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args]


def _acked(register: Path) -> tuple[int, int]:
    """(acknowledged, total) outbox ops, read straight from the file the other process is writing."""
    with sqlite3.connect(f"file:{register}?mode=ro", uri=True, timeout=10) as conn:
        row = conn.execute("SELECT count(acked_at), count(*) FROM outbox_ops").fetchone()
    return int(row[0]), int(row[1])


def _repoint(data_dir: Path, clock: FakeClock, url: str) -> str:
    """Send the enrolled desk's traffic to ``url`` (a proxy); returns the device id."""
    services = DeskServices.open(data_dir, clock=clock)
    try:
        with services.ctx.db.transaction() as s:
            enr = state.get(s, "enrollment")
            state.put(s, "enrollment", {**enr, "server_url": url})
        return str(enr["device_id"])
    finally:
        services.close()


@pytest.mark.timeout(300)
def test_ppid_desk_sync_killed_mid_push_resumes_where_it_stopped(
    desk: DeskServices, officer: Any, walk_in: Any, clock: FakeClock, city: tuple[Engine, LiveServer],
    tmp_path: Path,
) -> None:  # fmt: skip
    engine, srv = city
    # more than one batch of the CLI's engine (``batch_cap`` 200 ops; with ``push_resume`` a batch is bounded only
    # by its seconds on the wire, so 200 intakes fit in one): the kill lands after the first is acknowledged
    n = 450
    for _ in range(n):
        desk.register.receive(officer, walk_in())
    data_dir = desk.ctx.data_dir
    desk.close()
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
           "XDG_DATA_HOME": str(tmp_path / "xdg")}  # fmt: skip
    code, _ = admin.new_enroll_code(engine, "CPJ")
    out = subprocess.run(_ppid_desk(data_dir, "enroll", "--server", srv.url, "--code", code),
                         capture_output=True, text=True, timeout=180, env=env, check=False)  # fmt: skip
    assert out.returncode == 0, out.stderr

    register = db_path(data_dir)
    with ProxyThread(srv.port, link=Link(rate_bps=48_000)) as px:
        device_id = _repoint(data_dir, clock, px.url)
        first = subprocess.Popen(_ppid_desk(data_dir, "sync", "--json"), env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            deadline = time.monotonic() + WAIT * 2
            acked = 0
            while time.monotonic() < deadline and first.poll() is None:
                acked, total = _acked(register)
                if acked > 0:
                    break
                time.sleep(0.02)
            first.kill()  # the app dies: power cut, task manager, crash
            first.wait(WAIT)
        finally:
            if first.poll() is None:
                first.kill()
        acked, total = _acked(register)
        assert total == n and 0 < acked < n, f"the kill did not land mid-push ({acked}/{total})"
        assert px.proxy is not None
        px.proxy.link.rate_bps = None  # the link recovers

        again = subprocess.run(_ppid_desk(data_dir, "sync", "--json", "--attempts", "5"),
                               capture_output=True, text=True, timeout=180, env=env, check=False)  # fmt: skip
    assert again.returncode == 0, again.stderr
    report = json.loads(again.stdout)
    assert report["ok"] and report["pending"] == 0
    # only the unacknowledged ops went again; of those, at most the batches in flight at the kill were
    # already applied (they are duplicates now)
    assert report["pushed"] == n - acked
    assert report["duplicates"] <= 2 * 200  # at most the two batches in flight

    reopened = DeskServices.open(data_dir, clock=clock)
    try:
        assert_server_consistent(engine, reopened, device_id)
    finally:
        reopened.close()


@pytest.fixture
def fresh_desk(tmp_path: Path, _desk_template: Any) -> Path:
    folder = tmp_path / "desk-b"
    shutil.copytree(_desk_template.folder, folder)
    return folder


def _requests(services: DeskServices) -> int:
    with services.ctx.db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(Request)) or 0)


@pytest.mark.timeout(240)
def test_pull_interrupted_then_app_restarted_continues_from_the_stored_cursor(
    desk: DeskServices, officer: Any, walk_in: Any, clock: FakeClock, city: tuple[Engine, LiveServer],
    fresh_desk: Path,
) -> None:  # fmt: skip
    engine, srv = city
    n = 40
    for _ in range(n):
        desk.register.receive(officer, walk_in())
    kr = MemoryKeyring()  # the OS keyring outlives the app
    eng_a = SyncEngine(desk.ctx.db, TokenStore(kr), clock=clock)
    eng_a.enroll(srv.url, admin.new_enroll_code(engine, "CPJ")[0])
    assert eng_a.sync(sleep=lambda _d: None).ok

    b = DeskServices.open(fresh_desk, clock=clock)
    eng_b = SyncEngine(b.ctx.db, TokenStore(kr), clock=clock, page_limit=4)
    enr_b = eng_b.enroll(srv.url, admin.new_enroll_code(engine, "CPJ")[0])
    px = ProxyThread(srv.port, link=Link(rate_bps=32_000)).start()
    try:
        with b.ctx.db.transaction() as s:
            state.put(s, "enrollment", {**enr_b.__dict__, "server_url": px.url})
        result: list[SyncReport] = []
        worker = threading.Thread(target=lambda: result.append(eng_b.sync(max_attempts=1)))
        worker.start()
        deadline = time.monotonic() + WAIT * 2
        while _requests(b) < 12 and worker.is_alive() and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        px.stop()  # the link dies in the middle of the pull
    worker.join(WAIT)
    assert result and not result[0].ok and result[0].error_code in {"network", "timeout"}
    b.close()  # the app is closed...

    b = DeskServices.open(fresh_desk, clock=clock)  # ...and opened again: only the register survived
    try:
        before = _requests(b)
        with b.ctx.db.reader() as s:
            cursor = state.get(s, "cursor")
        assert 0 < before < n and cursor, (before, cursor)
        with b.ctx.db.transaction() as s:
            state.put(s, "enrollment", {**enr_b.__dict__, "server_url": srv.url})
        report = SyncEngine(b.ctx.db, TokenStore(kr), clock=clock, page_limit=4).sync(sleep=lambda _d: None)
        assert report.ok, report.error
        assert report.pulled == n - before  # continued from the cursor, nothing pulled twice
        assert report.repaired == 0  # and the checksum found nothing to repair
        assert desk_request_ids(b) == desk_request_ids(desk) and desk_pending(b) == 0
    finally:
        b.close()

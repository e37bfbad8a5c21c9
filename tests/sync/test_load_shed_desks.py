"""Real desks against a city server whose queue is tiny (issue 15 item 9): the server refuses what it cannot
take at once with ``503 server_busy`` + ``Retry-After``; each desk waits as asked, sends the same ops again, and
in the end everything arrives exactly once and each desk has the other's records."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from sqlalchemy import Engine

from app.services.desk import DeskServices
from app.sync.client import SyncClient
from app.sync.engine import SyncReport
from app.sync.secrets import MemoryKeyring
from ppid_protocol.wire import Op
from server import admin
from server.app import ServerConfig
from server.testing import LiveServer, live_server
from tests.server.conftest import make_op
from tests.sync.sync_checks import assert_server_consistent, desk_request_ids
from tests.sync.test_engine import enroll, keyring_backend, second_desk  # noqa: F401


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_desks_refused_as_busy_wait_send_again_and_lose_nothing(
    desk: DeskServices,
    officer: Any,
    walk_in: Any,
    engine: Engine,
    keyring_backend: MemoryKeyring,  # noqa: F811
    second_desk: Any,  # noqa: F811
) -> None:
    def slow_commit(_ops: list[Op]) -> None:
        time.sleep(
            0.15
        )  # every push holds the one admitted slot a while: the other requests meet a full queue

    admin.add_office(engine, "CPJ", "Kecamatan Cipocok Jaya")
    config = ServerConfig(max_inflight=1, busy_retry_after=1, before_commit=slow_commit)
    with live_server(engine, config) as hub:
        other = second_desk()
        engines = [enroll(services, hub, keyring_backend) for services in (desk, other)]  # letters A and B
        for services in (desk, other):
            for _ in range(25):
                services.register.receive(officer, walk_in())
        for eng in engines:
            eng.batch_cap = eng.batch = 5  # five batches per desk, two of them in flight at once
        reports: list[SyncReport] = []
        threads = [
            threading.Thread(target=lambda e=eng: reports.append(e.sync(sleep=lambda _d: None)))
            for eng in engines
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=150)
        assert len(reports) == 2 and all(r.ok for r in reports), [r.error for r in reports]
        assert sum(r.busy for r in reports) > 0  # the queue was full, and the desks were told so
        assert sum(r.pushed - r.duplicates for r in reports) == 50
        for services, eng in zip((desk, other), engines, strict=True):
            enr = eng.enrollment()
            assert enr is not None
            assert_server_consistent(engine, services, enr.device_id)
        for eng in engines:  # a last round: each desk pulls what the other pushed while it was refused
            assert eng.sync(sleep=lambda _d: None).ok
        assert desk_request_ids(desk) == desk_request_ids(other) and len(desk_request_ids(desk)) == 50


class _Hold:
    """Keeps one push of another desk inside its transaction (the one admitted slot) until released."""

    def __init__(self) -> None:
        self.inside, self.release = threading.Event(), threading.Event()

    def __call__(self, ops: list[Op]) -> None:
        if ops and ops[0].payload.get("hold"):
            self.inside.set()
            self.release.wait(timeout=30)


def _holding_push(hub: LiveServer, hold: _Hold) -> threading.Thread:
    code, _ = admin.new_enroll_code(hub.engine, "CPJ")
    client = SyncClient(hub.url)
    done = client.enroll(code)
    client.token, client.device_id = done.token, done.device_id
    op = make_op(record={"office_code": "CPJ", "status": "verifikasi", "information": "APBD 2025"}, hold=True)
    thread = threading.Thread(target=lambda: (client.push([op]), client.close()))
    thread.start()
    assert hold.inside.wait(timeout=30)
    threading.Timer(0.3, hold.release.set).start()  # free long before the Retry-After (1 s) is over
    return thread


@pytest.mark.slow
@pytest.mark.parametrize("step", ["push", "pull"])
def test_a_refused_desk_waits_the_retry_after_before_asking_again(
    step: str,
    desk: DeskServices,
    officer: Any,
    walk_in: Any,
    engine: Engine,
    keyring_backend: MemoryKeyring,  # noqa: F811
) -> None:
    """Before, a 503 was re-sent at once (four times in a row, then the attempt ended): every refusal came
    back within milliseconds and met the same full queue. Now one refusal, one wait of Retry-After, done."""
    admin.add_office(engine, "CPJ", "Kecamatan Cipocok Jaya")
    hold = _Hold()
    with live_server(engine, ServerConfig(max_inflight=1, busy_retry_after=1, before_commit=hold)) as hub:
        eng = enroll(desk, hub, keyring_backend)
        if step == "push":
            desk.register.receive(officer, walk_in())
        holder = _holding_push(hub, hold)
        started = time.monotonic()
        report = eng.sync(sleep=lambda _d: None)
        elapsed = time.monotonic() - started
        holder.join(timeout=30)
        gate = hub._server.config.app.state.admission  # type: ignore[attr-defined]
        assert gate.shed_full == 1  # one refusal: the desk did not knock again before the Retry-After
        assert elapsed >= 1.0  # it waited as asked
        assert report.ok and report.busy == 1
        assert report.pushed == (1 if step == "push" else 0)

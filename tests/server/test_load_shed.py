"""Load shedding (issue 15 item 9): a push or pull beyond the bounded queue, or one that waited too long for a
thread, is answered at once with a signed ``503 server_busy`` and ``Retry-After``, and nothing of it is applied.
The limits are set tiny so that two concurrent pushes meet them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from app.sync.client import SyncClient, SyncError
from ppid_protocol.wire import Op
from server import admin
from server.app import ServerConfig
from server.models import AppliedOp, Record
from server.testing import LiveServer, live_server
from tests.server.conftest import make_op


def _count(engine: Engine, model: type) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(model)).scalar_one())


class Holder:
    """``before_commit`` hook that keeps the first push inside its transaction until released."""

    def __init__(self) -> None:
        self.inside, self.release = threading.Event(), threading.Event()

    def __call__(self, _ops: list[Op]) -> None:
        if not self.inside.is_set():
            self.inside.set()
            self.release.wait(timeout=30)


@pytest.fixture
def held() -> Holder:
    return Holder()


def _client(srv: LiveServer, office: str = "3673.01") -> SyncClient:
    code, _ = admin.new_enroll_code(srv.engine, office)
    client = SyncClient(srv.url)
    done = client.enroll(code)
    client.token, client.device_id = done.token, done.device_id
    return client


@pytest.fixture
def tiny(engine: Engine, held: Holder, request: pytest.FixtureRequest) -> Iterator[LiveServer]:
    options: dict[str, Any] = getattr(request, "param", {})
    config = ServerConfig(before_commit=held, busy_retry_after=1, **options)
    with live_server(engine, config) as srv:
        yield srv


def _push_in_background(client: SyncClient, ops: list[Op]) -> tuple[threading.Thread, list[Any]]:
    out: list[Any] = []
    thread = threading.Thread(target=lambda: out.append(client.push(ops)))
    thread.start()
    return thread, out


@pytest.mark.parametrize("tiny", [{"max_inflight": 1}], indirect=True)
def test_a_push_beyond_the_queue_is_refused_at_once_signed_with_retry_after(
    tiny: LiveServer, engine: Engine, held: Holder
) -> None:
    a, b = _client(tiny), _client(tiny)
    first = [make_op()]
    thread, answers = _push_in_background(a, first)
    assert held.inside.wait(timeout=30)
    with pytest.raises(SyncError) as info:  # SyncClient checks the X-PPID-Sync signature before the status
        b.push([make_op(), make_op()])
    err = info.value
    assert err.status == 503 and err.code == "server_busy" and err.retry_after == 1
    assert err.detail["reason"] == "queue_full"
    with pytest.raises(SyncError) as info:  # a pull waits its turn the same way
        b.pull()
    assert info.value.code == "server_busy"
    held.release.set()
    thread.join(timeout=30)
    assert answers[0].results[0].status == "applied"
    assert _count(engine, Record) == 1 and _count(engine, AppliedOp) == 1  # nothing of the refused batch
    again = b.push([make_op()])  # the queue has room again
    assert again.results[0].status == "applied"
    for c in (a, b):
        c.close()


@pytest.mark.parametrize(
    "tiny", [{"max_inflight": 10, "db_threads": 1, "max_queue_wait": 0.2}], indirect=True
)
def test_a_push_that_waited_too_long_for_a_thread_is_refused_before_any_work(
    tiny: LiveServer, engine: Engine, held: Holder
) -> None:
    a, b = _client(tiny), _client(tiny)
    thread, answers = _push_in_background(a, [make_op()])
    assert held.inside.wait(timeout=30)  # the first push holds the one thread
    timer = threading.Timer(1.0, held.release.set)
    timer.start()
    with pytest.raises(SyncError) as info:  # admitted, then 1 s in the queue: refused when its turn comes
        b.push([make_op()])
    assert info.value.status == 503 and info.value.code == "server_busy"
    assert info.value.detail["reason"] == "queue_wait" and info.value.retry_after == 1
    thread.join(timeout=30)
    assert answers[0].results[0].status == "applied"
    assert _count(engine, Record) == 1 and _count(engine, AppliedOp) == 1
    assert b.push([make_op()]).results[0].status == "applied"  # a prompt one goes through
    for c in (a, b):
        c.close()

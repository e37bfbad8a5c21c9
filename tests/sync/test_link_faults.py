"""The protocol over a faulty link (the project's proxy between a desk client and a live server): an answer
lost after commit, a duplicated request, a cut upload and a silent stall never lose or duplicate an effect."""

from __future__ import annotations

import pytest
from faultproxy import ConnPlan, ProxyThread
from sqlalchemy import Engine, func, select

from app.sync.client import SyncClient, SyncError
from server.models import AppliedOp, ChangeLog, Record
from server.testing import LiveServer
from tests.server.conftest import Enroller, make_op
from tests.sync.conftest import SILENT_LINK

pytestmark = SILENT_LINK


def counts(engine: Engine) -> tuple[int, int, int]:
    with engine.connect() as conn:
        return tuple(  # type: ignore[return-value]
            int(conn.execute(select(func.count()).select_from(m)).scalar_one())
            for m in (Record, AppliedOp, ChangeLog)
        )


def through(proxy: ProxyThread, desk: SyncClient, read_timeout: float = 10.0) -> SyncClient:
    return SyncClient(proxy.url, token=desk.token, device_id=desk.device_id, base_read_timeout=read_timeout)


def test_answer_lost_after_commit_then_resend_is_a_duplicate(
    enroll: Enroller, engine: Engine, server: LiveServer
) -> None:
    desk = enroll("3673.01")
    ops = [make_op() for _ in range(10)]
    with ProxyThread(server.port, planner=lambda i: ConnPlan(drop_response=(i == 0))) as proxy:
        with through(proxy, desk) as link:
            with pytest.raises(SyncError) as info:
                link.push(ops)
            assert info.value.retryable
            assert counts(engine) == (10, 10, 10)  # the server committed although the desk heard nothing
            again = link.push(ops)
        assert all(r.duplicate and r.status == "applied" for r in again.results)
        assert proxy.stats.dropped_responses == 1
    assert counts(engine) == (10, 10, 10)


def test_duplicated_request_has_one_effect(enroll: Enroller, engine: Engine, server: LiveServer) -> None:
    desk = enroll("3673.01")
    ops = [make_op() for _ in range(10)]
    with ProxyThread(server.port, planner=lambda i: ConnPlan(duplicate=(i == 0))) as proxy:
        with through(proxy, desk) as link:
            res = link.push(ops)
        assert proxy.stats.duplicates == 1
    assert len(res.results) == 10
    # wait for the twin request to finish: a later push serialises behind it
    desk.push([make_op()])
    assert counts(engine) == (11, 11, 11)


@pytest.mark.parametrize("cut", [10, 200, 600])
def test_upload_cut_midway_applies_nothing(
    enroll: Enroller, engine: Engine, server: LiveServer, cut: int
) -> None:
    desk = enroll("3673.01")
    ops = [make_op() for _ in range(20)]
    plan = lambda i: ConnPlan(cut_up_after=cut if i == 0 else None)  # noqa: E731
    with ProxyThread(server.port, planner=plan) as proxy, through(proxy, desk) as link:
        with pytest.raises(SyncError) as info:
            link.push(ops)
        assert info.value.code == "network" and info.value.retryable
        assert counts(engine) == (0, 0, 0)
        assert [r.status for r in link.push(ops).results] == ["applied"] * 20
    assert counts(engine) == (20, 20, 20)


def test_silent_stall_becomes_a_timeout_and_a_retry_succeeds(
    enroll: Enroller, engine: Engine, server: LiveServer
) -> None:
    desk = enroll("3673.01")
    ops = [make_op() for _ in range(5)]
    plan = lambda i: ConnPlan(cut_down_after=20 if i == 0 else None, stall=True)  # noqa: E731
    with ProxyThread(server.port, planner=plan) as proxy, through(proxy, desk, read_timeout=1.0) as link:
        with pytest.raises(SyncError) as info:
            link.push(ops)
        assert info.value.code in {"timeout", "network"} and info.value.retryable
        assert proxy.stats.stalls == 1
        res = link.push(ops)
    assert all(r.duplicate for r in res.results)  # the stalled request had been applied
    assert counts(engine) == (5, 5, 5)


def test_captive_portal_answer_is_not_mistaken_for_success(server: LiveServer) -> None:
    import http.server
    import threading

    class Portal(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server API
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"<html>login wifi</html>")

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Portal)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        portal = SyncClient(f"http://127.0.0.1:{httpd.server_address[1]}", token="t", device_id="d")
        with portal, pytest.raises(SyncError) as info:
            portal.pull()
        assert info.value.code == "not_ppid_server"
    finally:
        httpd.shutdown()

"""A push cut on the way goes on from what the server holds (feature ``push_resume``), over a real link: the
desk's engine, the live server on PostgreSQL, bench/faultproxy.py on 127.0.0.1 counting every byte it carries.
Before, a cut batch was sent again whole and a batch whose answer was lost was sent again whole too (its ops
then came back as duplicates). No timed assertions: outcomes and the proxy's byte counts."""

from __future__ import annotations

from typing import Any

import pytest
from faultproxy import ConnPlan, ProxyThread
from sqlalchemy import func, select

from app.services.desk import DeskServices
from app.sync import outbox
from app.sync.client import SyncClient
from ppid_protocol.wire import FEATURE_PUSH_RESUME
from server import admin as server_admin
from server.models import PushUpload
from server.testing import LiveServer
from tests.sync.conftest import SILENT_LINK
from tests.sync.sync_checks import assert_server_consistent
from tests.sync.test_link_resume import attempt_in_time, intake, one_attempt, through_proxy

pytestmark = SILENT_LINK


@pytest.fixture
def hub(server: LiveServer) -> LiveServer:
    server_admin.add_office(server.engine, "CPJ", "Kecamatan Cipocok Jaya")
    return server


N = 150  # enough that half a body is far more than a round trip's headers
SLACK = 4000  # bytes up besides the bodies: the hello, the offset query, the anchor, the pull's requests


def body_size(desk: DeskServices, device_id: str) -> int:
    """The gzip push body of the whole outbox in one batch, as the engine makes it for this server."""
    with desk.ctx.db.reader() as s:
        ops = outbox.pending(s, 10_000)
    assert len(ops) == N
    return len(SyncClient.encode_push(device_id, ops, delta=True, compact=True))


def probed(eng: Any, px: ProxyThread) -> int:
    """Bytes up of one hello on connection 0 (the next connection then carries the engine's hello + push)."""
    enr = eng.enrollment()
    with eng.client_factory(enr, eng.tokens.load(enr.device_id)) as probe:
        probe.hello()
    return px.stats.bytes_up


def one_batch(eng: Any) -> None:
    """The whole outbox in one batch, whatever the engine's sizing for the link."""
    eng.batch_cap = eng.batch = 500
    eng.min_batch_bytes = 10**7


def test_push_cut_mid_upload_goes_on_from_what_the_server_holds(
    desk: DeskServices,
    officer: Any,
    walk_in: Any,
    hub: LiveServer,
) -> None:
    intake(desk, officer, walk_in, N)
    with ProxyThread(hub.port) as px:
        eng, device_id = through_proxy(desk, hub, px)
        one_batch(eng)
        size = body_size(desk, device_id)
        assert size > 3 * SLACK
        hello_up = probed(eng, px)
        cut_at = hello_up + 600 + size // 2  # connection 1: hello, the push's headers, half its body
        px.set_planner(lambda i: ConnPlan(cut_up_after=cut_at) if i == 1 else ConnPlan())
        report = one_attempt(eng)
        assert px.stats.cuts == 1
        sent_after_probe = px.stats.bytes_up - hello_up
    assert report.attempts == 1 and report.pushed == N and report.duplicates == 0
    # re-sent whole, the body alone would add ``size`` after the cut; continued, only the half not delivered
    assert sent_after_probe < cut_at + size // 2 + SLACK, (sent_after_probe, cut_at, size)
    assert_server_consistent(hub.engine, desk, device_id)


def test_push_whose_answer_was_lost_is_answered_without_sending_the_body_again(
    desk: DeskServices,
    officer: Any,
    walk_in: Any,
    hub: LiveServer,
) -> None:
    intake(desk, officer, walk_in, N)
    with ProxyThread(hub.port) as px:
        eng, device_id = through_proxy(desk, hub, px)
        one_batch(eng)
        size = body_size(desk, device_id)
        hello_up = probed(eng, px)
        hello_down = px.stats.bytes_down

        # connection 1 carries hello whole and the push whole; its answer stops after its first bytes (the
        # server has applied the batch) and the link stays open and silent
        px.set_planner(
            lambda i: ConnPlan(cut_down_after=hello_down + 40, stall=True) if i == 1 else ConnPlan()
        )
        report = one_attempt(eng)
        assert px.stats.stalls == 1
        sent_after_probe = px.stats.bytes_up - hello_up
    assert report.attempts == 1 and report.pushed == N and report.duplicates == N
    assert sent_after_probe < hello_up + size + SLACK, (sent_after_probe, size)  # the body crossed once
    assert_server_consistent(hub.engine, desk, device_id)


def test_a_server_without_push_resume_gets_the_cut_body_again_whole(
    desk: DeskServices,
    officer: Any,
    walk_in: Any,
    hub: LiveServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An older server lists no ``push_resume``: the desk sends no upload headers, asks no offset, and sends a
    cut batch again whole as before; the server keeps nothing."""
    real = SyncClient.hello

    def older_server(self: SyncClient) -> Any:
        hello, clock = real(self)
        hello.features = [f for f in hello.features if f != FEATURE_PUSH_RESUME]
        self.push_resume = False
        return hello, clock

    monkeypatch.setattr(SyncClient, "hello", older_server)
    intake(desk, officer, walk_in, N)
    with ProxyThread(hub.port) as px:
        eng, device_id = through_proxy(desk, hub, px)
        one_batch(eng)
        size = body_size(desk, device_id)
        hello_up = probed(eng, px)
        cut_at = hello_up + 600 + size // 2
        px.set_planner(lambda i: ConnPlan(cut_up_after=cut_at) if i == 1 else ConnPlan())
        report = one_attempt(eng)
        assert px.stats.cuts == 1
        sent_after_probe = px.stats.bytes_up - hello_up
    assert report.attempts == 1 and report.pushed == N and report.duplicates == 0
    assert sent_after_probe > cut_at + size, (sent_after_probe, cut_at, size)
    with hub.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(PushUpload)) == 0
    assert_server_consistent(hub.engine, desk, device_id)


def test_a_lone_upload_stalled_mid_body_is_told_by_the_server_and_continued(
    desk: DeskServices, officer: Any, walk_in: Any, hub: LiveServer
) -> None:
    """The only batch open goes silent half-way (a half-open link swallows the rest of its body; the desk's
    writes succeed). Nothing later is answered to show it is overdue, and its header timeout is 900 s here;
    the server, asked how far the body got, names the same position twice ``resumable_stall`` apart, so the
    desk fails the batch and continues it from that position. Before, it waited for the timeout."""
    intake(desk, officer, walk_in, N)
    with ProxyThread(hub.port) as px:
        eng, device_id = through_proxy(desk, hub, px)
        eng.client_factory = lambda e, t: SyncClient(
            e.server_url, token=t, device_id=e.device_id, base_read_timeout=900.0
        )
        one_batch(eng)
        size = body_size(desk, device_id)
        hello_up = probed(eng, px)
        cut_at = hello_up + 600 + size // 2
        px.set_planner(lambda i: ConnPlan(cut_up_after=cut_at, stall=True) if i == 1 else ConnPlan())
        report = attempt_in_time(eng, "the stalled upload was not given up before its timeout")
        assert px.stats.stalls == 1
        sent_after_probe = px.stats.bytes_up - hello_up
    assert report.attempts == 1 and report.pushed == N and report.duplicates == 0
    assert sent_after_probe < cut_at + size // 2 + 2 * SLACK, (sent_after_probe, cut_at, size)
    assert_server_consistent(hub.engine, desk, device_id)

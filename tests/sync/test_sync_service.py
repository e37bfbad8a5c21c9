"""``desk.sync``, the one door the workstation and ``ppid-desk`` use: enrolment, a round, the status read
without the network, and a window's session that stops at once (a real desk register and a live city server
on 127.0.0.1)."""

from __future__ import annotations

from typing import Any

import keyring
import pytest

from app.services.desk import DeskServices
from app.services.sync import SyncService
from app.sync import state
from app.sync.secrets import MemoryKeyring
from server import admin
from server.testing import LiveServer


@pytest.fixture
def hub(server: LiveServer) -> LiveServer:
    admin.add_office(server.engine, "CPJ", "Kecamatan Cipocok Jaya")
    return server


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    return backend


def enroll(desk: DeskServices, hub: LiveServer) -> None:
    code, _ = admin.new_enroll_code(hub.engine, "CPJ")
    desk.sync.enroll(hub.url, code, label="meja depan")


def test_enrol_run_and_status_through_desk_sync(
    desk: DeskServices, officer: Any, walk_in: Any, hub: LiveServer, memory_keyring: MemoryKeyring
) -> None:
    assert isinstance(desk.sync, SyncService) and desk.sync is desk.sync  # one service per desk
    assert desk.sync.status()["enrolled"] is False and not desk.sync.snapshot().enrolled
    enroll(desk, hub)
    enr = desk.sync.enrollment()
    assert (
        enr is not None
        and enr.office_code == "CPJ"
        and memory_keyring.get_password("ppid-desk", enr.device_id)
    )
    desk.register.receive(officer, walk_in())
    assert desk.sync.status()["pending"] == 1 and desk.sync.snapshot().pending == 1

    report = desk.sync.run(attempts=1)

    assert report.ok and report.pushed == 1 and report.pending == 0
    status, snap = desk.sync.status(), desk.sync.snapshot()
    assert status["pending"] == 0 and status["last_success"] == report.last_success == snap.last_success
    assert snap.enrolled and snap.desk_letter == "A" and snap.error_code is None
    assert snap.clock is not None and not snap.clock_suspicious  # the round compared the clocks


def test_a_session_announces_each_round_and_a_stopped_one_runs_none(
    desk: DeskServices, hub: LiveServer, memory_keyring: MemoryKeyring
) -> None:
    enroll(desk, hub)
    starts: list[int] = []
    session = desk.sync.session(attempts=1, on_start=lambda: starts.append(1))
    assert session.sync().ok and starts == [1]
    session.stop()
    report = session.sync()
    assert report.error_code == "stopped" and starts == [1]  # not announced, not run


def test_stopping_during_the_back_off_ends_the_round_without_recording_an_error(
    desk: DeskServices, hub: LiveServer, memory_keyring: MemoryKeyring
) -> None:
    enroll(desk, hub)
    with desk.ctx.db.transaction() as s:  # the server has gone away: every attempt fails and backs off
        state.put(s, "enrollment", {**state.get(s, "enrollment"), "server_url": "http://127.0.0.1:9"})
    session = desk.sync.session(attempts=3)
    naps: list[float] = []

    def nap(seconds: float) -> None:
        naps.append(seconds)
        session.stop()  # the window closes while the round waits to try again

    report = session.sync(sleep=nap)

    assert report.error_code == "stopped" and len(naps) == 1
    assert desk.sync.status()["last_error"] is None  # a stop is not a failure of the link
    failed = desk.sync.run(attempts=1)  # while the service itself, asked directly, reports the failure
    assert not failed.ok and failed.error_code == "network"
    assert desk.sync.status()["last_error"]["code"] == "network"

"""The desk's sync engine end to end: real desk registers (the desk's own services) ⇄ a live city server, directly
and through the fault proxy."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from faultproxy import ProxyThread, random_cuts
from sqlalchemy import func, select

from app.services.desk import DeskServices
from app.sync import state
from app.sync.client import SyncClient
from app.sync.engine import Enrollment, SyncEngine
from app.sync.secrets import MemoryKeyring, SecretStoreUnavailable, TokenStore
from db.models import Event, OutboxOp, Request
from server import admin
from server.models import AppliedOp, Record
from server.testing import LiveServer
from tests.conftest import FakeClock
from tests.server.conftest import make_op
from tests.sync.conftest import ALSO_ON_SQLITE

RESPOND = {"decision": "diterima", "info_form": "softcopy"}
REJECT = {"article": "h", "consequence_test": "Membuka informasi ini mengungkap rahasia pribadi warga."}


@pytest.fixture
def hub(server: LiveServer) -> LiveServer:
    admin.add_office(server.engine, "CPJ", "Kecamatan Cipocok Jaya")
    return server


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


def enroll(services: DeskServices, hub: LiveServer, kr: MemoryKeyring, url: str | None = None) -> SyncEngine:
    eng = SyncEngine(services.ctx.db, TokenStore(kr), clock=services.ctx.clock)
    code, _ = admin.new_enroll_code(hub.engine, services.office.profile().code)
    enr = eng.enroll(hub.url, code)
    if url is not None:  # later traffic through a proxy
        with services.ctx.db.transaction() as s:
            state.put(s, "enrollment", {**enr.__dict__, "server_url": url})
    return eng


@pytest.fixture
def second_desk(
    tmp_path: Path, clock: FakeClock, _desk_template: Any
) -> Iterator[Callable[[], DeskServices]]:
    opened: list[DeskServices] = []

    def make() -> DeskServices:
        folder = tmp_path / f"desk-{len(opened) + 2}"
        shutil.copytree(_desk_template.folder, folder)
        services = DeskServices.open(folder, clock=clock)
        opened.append(services)
        return services

    yield make
    for s in opened:
        s.close()


def server_count(hub: LiveServer, model: type) -> int:
    with hub.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(model)).scalar_one())


def pending(services: DeskServices) -> int:
    with services.ctx.db.reader() as s:
        return int(s.scalar(select(func.count()).where(OutboxOp.acked_at.is_(None))) or 0)


def test_enroll_assigns_letter_and_keeps_token_only_in_keyring(desk: DeskServices, hub: LiveServer,
                                                                keyring_backend: MemoryKeyring) -> None:  # fmt: skip
    eng = enroll(desk, hub, keyring_backend)
    enr = eng.enrollment()
    assert isinstance(enr, Enrollment) and enr.office_code == "CPJ" and enr.desk_letter == "A"
    token = keyring_backend.get_password("ppid-desk", enr.device_id)
    assert token and token.startswith("ppid_")
    raw = Path(desk.ctx.db.path).read_bytes()
    assert token.encode() not in raw


@ALSO_ON_SQLITE
def test_push_then_fresh_desk_pulls_the_same_register(desk: DeskServices, officer: Any, walk_in: Any, hub: LiveServer,
                                                      keyring_backend: MemoryKeyring, second_desk: Any) -> None:  # fmt: skip
    numbers = [desk.register.receive(officer, walk_in()).number for _ in range(3)]
    desk.actions.act(officer, numbers[0], "respond", RESPOND)
    eng = enroll(desk, hub, keyring_backend)
    report = eng.sync(sleep=lambda _d: None)
    assert report.ok and report.pushed == 4 and report.conflicts == 0 and pending(desk) == 0
    assert server_count(hub, Record) == 3 and server_count(hub, AppliedOp) == 4
    assert eng.sync(sleep=lambda _d: None).pushed == 0

    fresh = second_desk()
    eng2 = enroll(fresh, hub, keyring_backend)
    report2 = eng2.sync(sleep=lambda _d: None)
    assert report2.ok and report2.pulled == 3
    with fresh.ctx.db.reader() as s:
        rows = {r.number: r.status for r in s.scalars(select(Request))}
        events = s.scalar(select(func.count()).select_from(Event))
    assert set(rows) == set(numbers) and rows[numbers[0]] == "dijawab"
    assert events == 4
    assert fresh.query.search(numbers[1]) if hasattr(fresh.query, "search") else True


def test_pull_never_overwrites_an_unsent_local_change(desk: DeskServices, officer: Any, supervisor: Any, walk_in: Any,
                                                      hub: LiveServer, keyring_backend: MemoryKeyring) -> None:  # fmt: skip
    number = desk.register.receive(officer, walk_in()).number
    eng = enroll(desk, hub, keyring_backend)
    eng.sync(sleep=lambda _d: None)
    with desk.ctx.db.reader() as s:
        row = s.scalars(select(Request).where(Request.number == number)).one()
        rid, state_now = row.id, dict(row.__dict__)
    # the city changes a soft field on the server meanwhile
    city = hub_client(hub, "3673")
    server_state = {k: v for k, v in _server_record(hub, rid).items()}
    city.push([make_op(rid, base=1, record={**server_state, "response_note": "catatan kota"}, action="note")])
    # the desk answers locally and, before pushing, pulls: its row must not be overwritten
    desk.actions.act(officer, number, "respond", RESPOND)
    enr = eng.enrollment()
    assert enr is not None
    with SyncClient(hub.url, token=keyring_backend.get_password("ppid-desk", enr.device_id),
                    device_id=enr.device_id) as client:  # fmt: skip
        from app.sync.engine import SyncReport

        eng._pull(client, enr, SyncReport())
    with desk.ctx.db.reader() as s:
        row = s.scalars(select(Request).where(Request.number == number)).one()
        assert row.status == "dijawab" and row.response_note != "catatan kota"
    assert state_now["status"] != "dijawab"
    # a full sync pushes first (merged on the server), then re-fetches: both changes are on the desk
    report = eng.sync(sleep=lambda _d: None)
    assert report.ok and report.merged == 1
    with desk.ctx.db.reader() as s:
        row = s.scalars(select(Request).where(Request.number == number)).one()
        assert row.status == "dijawab" and row.response_note == "catatan kota"
    city.close()


def hub_client(hub: LiveServer, office: str) -> SyncClient:
    code, _ = admin.new_enroll_code(hub.engine, office)
    c = SyncClient(hub.url)
    done = c.enroll(code)
    c.token, c.device_id = done.token, done.device_id
    return c


def _server_record(hub: LiveServer, rid: str) -> dict[str, Any]:
    with hub.engine.connect() as conn:
        return dict(conn.execute(select(Record.data).where(Record.entity_id == rid)).scalar_one())


def test_concurrent_decision_is_held_for_a_supervisor(desk: DeskServices, officer: Any, walk_in: Any, hub: LiveServer,
                                                      keyring_backend: MemoryKeyring) -> None:  # fmt: skip
    number = desk.register.receive(officer, walk_in()).number
    eng = enroll(desk, hub, keyring_backend)
    eng.sync(sleep=lambda _d: None)
    with desk.ctx.db.reader() as s:
        rid = s.scalars(select(Request.id).where(Request.number == number)).one()
    city = hub_client(hub, "3673")
    city.push(
        [make_op(rid, base=1, record={**_server_record(hub, rid), "status": "ditolak"}, action="reject")]
    )
    desk.actions.act(officer, number, "respond", RESPOND)
    report = eng.sync(sleep=lambda _d: None)
    assert report.ok and report.conflicts == 1 and report.open_conflicts == 1 and pending(desk) == 0
    with desk.ctx.db.reader() as s:
        held = s.execute(select(state.sync_conflicts)).one()
        rec = s.execute(select(state.sync_records).where(state.sync_records.c.entity_id == rid)).one()
    assert held.entity_id == rid and held.fields["status"] == {
        "server": "ditolak",
        "desk": "dijawab",
        "base": "diproses",
    }
    assert rec.needs_review
    assert _server_record(hub, rid)["status"] == "ditolak"  # nothing silently overwritten
    city.close()


def test_revoked_device_and_old_app_keep_the_outbox(desk: DeskServices, officer: Any, walk_in: Any, hub: LiveServer,
                                                    keyring_backend: MemoryKeyring) -> None:  # fmt: skip
    eng = enroll(desk, hub, keyring_backend)
    desk.register.receive(officer, walk_in())
    enr = eng.enrollment()
    assert enr is not None
    old = SyncEngine(desk.ctx.db, TokenStore(keyring_backend),
                     client_factory=lambda e, t: SyncClient(e.server_url, token=t, device_id=e.device_id,
                                                            app_version="0.0.1"))  # fmt: skip
    report = old.sync(sleep=lambda _d: None)
    assert not report.ok and report.error_code == "client_too_old" and report.attempts == 1
    assert "Perbarui" in (report.error or "") and report.pending == 1
    admin.revoke_device(hub.engine, enr.device_id)
    report = eng.sync(sleep=lambda _d: None)
    assert report.error_code == "device_revoked" and report.pending == 1 and report.attempts == 1


def test_backoff_is_exponential_with_full_jitter(desk: DeskServices, hub: LiveServer,
                                                 keyring_backend: MemoryKeyring) -> None:  # fmt: skip
    import random

    eng = enroll(desk, hub, keyring_backend, url="http://127.0.0.1:9")  # nothing listens on port 9
    delays: list[float] = []
    report = eng.sync(max_attempts=6, base_delay=2, max_delay=20, sleep=delays.append, rng=random.Random(1))
    assert not report.ok and report.error_code == "network" and report.attempts == 6
    assert len(delays) == 5
    assert all(0 <= d <= min(20, 2 * 2**i) for i, d in enumerate(delays))


@ALSO_ON_SQLITE
def test_cutting_link_loses_and_duplicates_nothing(desk: DeskServices, officer: Any, walk_in: Any, hub: LiveServer,
                                                   keyring_backend: MemoryKeyring, second_desk: Any) -> None:  # fmt: skip
    for _ in range(25):
        desk.register.receive(officer, walk_in())
    with ProxyThread(
        hub.port, planner=random_cuts(seed=5, mean_bytes=6000, stall_ratio=0.2, drop_ratio=0.2)
    ) as px:
        eng = enroll(desk, hub, keyring_backend, url=px.url)
        eng.client_factory = lambda e, t: SyncClient(
            e.server_url, token=t, device_id=e.device_id, base_read_timeout=1.0
        )
        eng.batch_cap = 8
        for _round in range(40):
            if eng.sync(max_attempts=5, sleep=lambda _d: None).ok:
                break
        assert pending(desk) == 0
        assert px.stats.cuts + px.stats.stalls + px.stats.dropped_responses > 0
        fresh = second_desk()
        eng2 = enroll(fresh, hub, keyring_backend, url=px.url)
        eng2.client_factory = eng.client_factory
        eng2.page_bytes = 4096
        for _round in range(40):
            if eng2.sync(max_attempts=5, sleep=lambda _d: None).ok:
                break
    assert server_count(hub, Record) == 25 and server_count(hub, AppliedOp) == 25
    with fresh.ctx.db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Request)) == 25


def test_desk_restored_from_old_backup_resyncs_and_never_reissues_a_number(
    desk: DeskServices, officer: Any, walk_in: Any, hub: LiveServer, keyring_backend: MemoryKeyring, tmp_path: Path,
) -> None:  # fmt: skip
    eng = enroll(desk, hub, keyring_backend)
    desk.register.receive(officer, walk_in())
    eng.sync(sleep=lambda _d: None)
    backup = tmp_path / "backup.sqlite3"
    import sqlite3

    with sqlite3.connect(desk.ctx.db.path) as src, sqlite3.connect(backup) as dst:
        src.backup(dst)  # an online backup taken "a week ago"

    later = [desk.register.receive(officer, walk_in()).number for _ in range(2)]
    eng.sync(sleep=lambda _d: None)
    desk.ctx.db.dispose()
    with sqlite3.connect(backup) as src, sqlite3.connect(desk.ctx.db.path) as dst:
        src.backup(dst)  # the register is restored from that old backup
    report = eng.sync(sleep=lambda _d: None)
    assert report.ok and report.pushed == 0
    assert server_count(hub, Record) == 3 and server_count(hub, AppliedOp) == 3
    with desk.ctx.db.reader() as s:
        assert set(later) <= set(s.scalars(select(Request.number)))
    fresh_number = desk.register.receive(officer, walk_in()).number
    assert fresh_number not in later
    assert eng.sync(sleep=lambda _d: None).ok and server_count(hub, Record) == 4


def test_no_keyring_backend_is_a_clear_refusal(desk: DeskServices, hub: LiveServer, monkeypatch: Any) -> None:
    from keyring.backends import fail

    store = TokenStore(fail.Keyring())
    with pytest.raises(SecretStoreUnavailable, match="PYTHON_KEYRING_BACKEND"):
        store.save("dev", "tok")
    eng = SyncEngine(desk.ctx.db, store)
    code, _ = admin.new_enroll_code(hub.engine, "CPJ")
    with pytest.raises(SecretStoreUnavailable):
        eng.enroll(hub.url, code)
    assert eng.enrollment() is None
    # the one-time code was not spent: a desk with a working keyring can still use it
    assert SyncEngine(desk.ctx.db, TokenStore(MemoryKeyring())).enroll(hub.url, code).office_code == "CPJ"


def test_calendar_closure_reaches_a_fresh_desk(desk: DeskServices, admin: Any, hub: LiveServer,
                                               keyring_backend: MemoryKeyring, second_desk: Any) -> None:  # fmt: skip
    """A calendar op carries only some columns: the new row is completed with bookkeeping values, not refused."""
    from datetime import date

    from db.models import CalendarEntry

    desk.calendar.add(admin, day=date(2026, 3, 20), name="Banjir, kantor tutup")
    eng = enroll(desk, hub, keyring_backend)
    assert eng.sync(sleep=lambda _d: None).ok
    fresh = second_desk()
    assert enroll(fresh, hub, keyring_backend).sync(sleep=lambda _d: None).ok
    with fresh.ctx.db.reader() as s:
        names = [e.name for e in s.scalars(select(CalendarEntry))]
    assert names == ["Banjir, kantor tutup"]


def test_calendar_removal_reaches_a_fresh_desk(desk: DeskServices, admin: Any, hub: LiveServer,
                                               keyring_backend: MemoryKeyring, second_desk: Any) -> None:  # fmt: skip
    """Calendar ops carry the whole entry, so a removal travels too and desks end with the same calendar."""
    from datetime import date

    eng = enroll(desk, hub, keyring_backend)
    desk.calendar.add(admin, day=date(2026, 3, 20), name="Banjir, kantor tutup")
    desk.calendar.add(admin, day=date(2026, 3, 26), name="Kerja bakti")
    assert eng.sync(sleep=lambda _d: None).ok
    desk.calendar.remove(admin, date(2026, 3, 20))
    assert eng.sync(sleep=lambda _d: None).ok
    fresh = second_desk()
    assert enroll(fresh, hub, keyring_backend).sync(sleep=lambda _d: None).ok
    assert [e.name for e in fresh.calendar.entries()] == ["Kerja bakti"]
    assert not fresh.calendar.calendar().is_working_day(date(2026, 3, 26))

"""A desk whose register is lost and restored (the app's own restore) from a backup made a week earlier.

Harder than a backup taken right after a sync (tests/sync/test_engine.py): the backup holds an op that was
not yet sent when it was made (sent later from the old register), and during the week the desk issued new
numbers and answered a request, while the office's second desk answered another. After the restore the desk
must: send that old op again without a second effect (a duplicate), pull the week's changes from its old
cursor, never issue again a number it issued during the week (its counter in the backup is behind and the
lost register's counters cannot be carried over), and work on top of the pulled versions without conflicts.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from app.paths import db_path
from app.services.desk import DeskServices
from app.services.restore import restore_register
from app.sync.engine import SyncEngine
from app.sync.secrets import MemoryKeyring, TokenStore
from db.models import Request
from server import admin as city_admin
from server.models import AppliedOp, Record
from server.testing import LiveServer, init_db, live_server
from tests.conftest import FakeClock
from tests.sync.sync_checks import assert_server_tables_agree, desk_pending

RESPOND = {"decision": "diterima", "info_form": "softcopy"}


@pytest.fixture
def city(tmp_path: Path) -> Iterator[tuple[Engine, LiveServer]]:
    engine = init_db(f"sqlite:///{tmp_path}/server.sqlite3")
    city_admin.add_office(engine, "CPJ", "Kecamatan Cipocok Jaya")
    with live_server(engine) as srv:
        yield engine, srv
    engine.dispose()


def _count(engine: Engine, model: type) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(model)).scalar_one())


def _statuses(services: DeskServices) -> dict[str, str]:
    with services.ctx.db.reader() as s:
        return {n: st for n, st in s.execute(select(Request.number, Request.status))}


@pytest.mark.timeout(240)
def test_week_old_backup_restored_on_a_lost_register(
    desk: DeskServices, officer: Any, admin: Any, walk_in: Any, clock: FakeClock,
    city: tuple[Engine, LiveServer], tmp_path: Path, _desk_template: Any,
) -> None:  # fmt: skip
    engine, srv = city
    kr = MemoryKeyring()  # the OS keyring survives; the register file does not
    eng = SyncEngine(desk.ctx.db, TokenStore(kr), clock=clock)
    eng.enroll(srv.url, _code(engine))
    r1, r2 = (desk.register.receive(officer, walk_in()).number for _ in range(2))
    assert eng.sync(sleep=lambda _d: None).ok
    r3 = desk.register.receive(officer, walk_in()).number  # not yet sent when the backup is made
    backup = tmp_path / "cadangan-senin.sqlite3"
    desk.backup.backup(admin, backup)
    assert desk_pending(desk) == 1

    # the week: the desk sends r3, issues r4 and r5, answers r1; the second desk answers r2
    clock.now += timedelta(days=7)
    assert eng.sync(sleep=lambda _d: None).ok
    r4, r5 = (desk.register.receive(officer, walk_in()).number for _ in range(2))
    desk.actions.act(officer, r1, "respond", RESPOND)
    assert eng.sync(sleep=lambda _d: None).ok
    other_dir = tmp_path / "desk-2"
    shutil.copytree(_desk_template.folder, other_dir)
    other = DeskServices.open(other_dir, clock=clock)
    try:
        eng2 = SyncEngine(other.ctx.db, TokenStore(kr), clock=clock)
        eng2.enroll(srv.url, _code(engine))
        assert eng2.sync(sleep=lambda _d: None).ok
        other.actions.act(officer, r2, "respond", RESPOND)
        assert eng2.sync(sleep=lambda _d: None).ok
    finally:
        other.close()
    ops_before = _count(engine, AppliedOp)

    # the register is lost (disk failure) and restored from the week-old backup with the app's restore
    data_dir = desk.ctx.data_dir
    desk.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(db_path(data_dir)) + suffix).unlink(missing_ok=True)
    result = restore_register(data_dir, backup, authorize=lambda _staged: "admin", now=clock.now)
    assert result.counters_kept == {}  # nothing left to carry the week's counters over from
    restored = DeskServices.open(data_dir, clock=clock)
    try:
        assert set(_statuses(restored)) == {r1, r2, r3} and desk_pending(restored) == 1
        eng = SyncEngine(restored.ctx.db, TokenStore(kr), clock=clock)
        report = eng.sync(sleep=lambda _d: None)
        assert report.ok, report.error
        assert report.pushed == 1 and report.duplicates == 1 and report.conflicts == 0  # r3 again: no effect
        assert _count(engine, AppliedOp) == ops_before
        statuses = _statuses(restored)
        assert set(statuses) == {r1, r2, r3, r4, r5}  # the week came back from the server
        assert statuses[r1] == "dijawab" and statuses[r2] == "dijawab"

        r6 = restored.register.receive(officer, walk_in()).number
        assert r6 not in {r1, r2, r3, r4, r5}  # no number issued twice
        restored.actions.act(officer, r4, "respond", RESPOND)  # on top of the pulled version
        report = eng.sync(sleep=lambda _d: None)
        assert report.ok and report.pushed == 2
        assert report.conflicts == 0 and report.rejected == 0 and report.merged == 0
        assert desk_pending(restored) == 0
    finally:
        restored.close()
    assert _count(engine, Record) == 6
    with engine.connect() as conn:
        numbers = [d["number"] for d in conn.execute(select(Record.data)).scalars()]
    assert len(numbers) == len(set(numbers)) == 6
    assert_server_tables_agree(engine)


def _code(engine: Engine) -> str:
    code, _ = city_admin.new_enroll_code(engine, "CPJ")
    return code

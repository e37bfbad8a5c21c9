"""``ppid-server device list --stale-days N``: the active desks that have not reached the server for N days,
including desks enrolled long ago that never synced; revoked desks and recent ones are left out."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta

from sqlalchemy import Engine, update

from server import admin
from server.models import Device
from server.testing import LiveServer
from tests.server.conftest import Enroller


def _enrolled(engine: Engine, office: str, label: str) -> str:
    code, _ = admin.new_enroll_code(engine, office)
    return admin.enroll(engine, code, request_id=f"req-{label}", label=label).device_id


def _set(engine: Engine, device_id: str, **values: object) -> None:
    with engine.begin() as conn:
        conn.execute(update(Device).where(Device.id == device_id).values(**values))


def _cli(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server.cli", "--db", db_url, *args],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_stale_desks_are_the_silent_active_ones(engine: Engine, db_url: str) -> None:
    now = admin.utcnow()
    long_ago, recently = now - timedelta(days=10), now - timedelta(hours=1)
    fresh = _enrolled(engine, "3673.01", "seen-recently")
    silent = _enrolled(engine, "3673.01", "silent")
    never = _enrolled(engine, "3673.02", "never-synced")
    new = _enrolled(engine, "3673.02", "just-enrolled")
    gone = _enrolled(engine, "3673.02", "revoked")
    for device in (fresh, silent, never, gone):
        _set(engine, device, enrolled_at=now - timedelta(days=30))
    _set(engine, fresh, last_seen=recently)
    _set(engine, silent, last_seen=long_ago)
    _set(engine, gone, last_seen=long_ago)
    admin.revoke_device(engine, gone)

    stale = admin.list_devices(engine, silent_since=now - timedelta(days=7))
    assert sorted(d.label for d in stale) == ["never-synced", "silent"]
    assert [d.label for d in admin.list_devices(engine, "3673.01", silent_since=now - timedelta(days=7))] == [
        "silent"
    ]
    assert len(admin.list_devices(engine)) == 5  # without the filter: everything, revoked included
    everyone_silent_since = admin.utcnow() + timedelta(seconds=1)
    assert {d.id for d in admin.list_devices(engine, silent_since=everyone_silent_since)} == {
        fresh,
        silent,
        never,
        new,
    }

    listed = json.loads(_cli(db_url, "--json", "device", "list", "--stale-days", "7").stdout)
    assert sorted((d["id"], d["last_seen"] is None) for d in listed) == sorted(
        [(silent, False), (never, True)]
    )
    text = _cli(db_url, "device", "list", "--stale-days", "7", "--office", "3673.01")
    assert text.returncode == 0 and silent in text.stdout and never not in text.stdout


def test_none_stale_is_said_plainly_and_bad_days_are_a_usage_error(engine: Engine, db_url: str) -> None:
    _enrolled(engine, "3673.01", "new desk")  # enrolled just now: not stale however long it stays silent yet
    quiet = _cli(db_url, "device", "list", "--stale-days", "7")
    assert quiet.returncode == 0 and "Semua perangkat aktif tersambung dalam 7 hari terakhir" in quiet.stdout
    assert json.loads(_cli(db_url, "--json", "device", "list", "--stale-days", "0.5").stdout) == []
    for bad in ("-1", "nan", "inf", "seminggu"):
        refused = _cli(db_url, "device", "list", "--stale-days", bad)
        assert refused.returncode == 2 and "jumlah hari" in refused.stderr, bad


def test_a_desk_that_syncs_leaves_the_stale_list(server: LiveServer, enroll: Enroller) -> None:
    desk = enroll("3673.01")
    assert desk.device_id is not None
    _set(server.engine, desk.device_id, last_seen=admin.utcnow() - timedelta(days=3))
    since = admin.utcnow() - timedelta(days=2)
    assert [d.id for d in admin.list_devices(server.engine, silent_since=since)] == [desk.device_id]
    desk.hello()  # a real authenticated request over HTTP records the contact
    assert admin.list_devices(server.engine, silent_since=since) == []

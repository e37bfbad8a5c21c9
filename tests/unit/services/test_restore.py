"""Restore: verified before anything changes, current register and key kept, issued numbers never reused."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.errors import AuthenticationFailed, NotFound, PermissionDenied, ValidationError
from app.paths import db_path
from app.services.backup import BackupService
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.restore import authenticate_in, current_register_sound, restore_register

ADMIN_PASSWORD = "rahasia123"  # the shared desk fixture's admin password


@pytest.fixture
def backup_file(
    desk: DeskServices, admin: Actor, walk_in: Callable[..., dict[str, Any]], tmp_path: Path
) -> Path:
    desk.register.receive(admin, walk_in())
    target = tmp_path / "cadangan.sqlite3"
    BackupService(desk.ctx).backup(admin, target)
    return target


def _numbers(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [n for (n,) in connection.execute("SELECT number FROM requests ORDER BY seq")]
    finally:
        connection.close()


def _allow(staged: Path) -> str:
    return "admin"


def test_restore_replaces_the_register_and_keeps_the_current_one(
    desk: DeskServices, admin: Actor, walk_in: Callable[..., dict[str, Any]], backup_file: Path
) -> None:
    desk.register.receive(admin, walk_in())
    data_dir = desk.ctx.data_dir
    desk.close()
    result = restore_register(data_dir, backup_file, authorize=_allow)
    assert _numbers(db_path(data_dir)) == ["CPJ/2026/A-0001"]
    assert result.saved_current is not None and result.saved_current.parent == data_dir / "backups"
    assert _numbers(result.saved_current) == ["CPJ/2026/A-0001", "CPJ/2026/A-0002"]
    assert result.counters_kept == {"request:2026": 2}
    assert result.key_restored and result.saved_key is None  # same key: nothing to keep aside
    assert not (data_dir / "register.sqlite3.restore-part").exists()

    reopened = DeskServices.open(data_dir, clock=desk.ctx.clock)
    try:
        again = reopened.register.receive(reopened.users.authenticate("admin", ADMIN_PASSWORD), walk_in())
        assert again.number == "CPJ/2026/A-0003"  # A-0002 may be on a receipt already
    finally:
        reopened.close()


def test_restore_is_visible_to_a_connection_that_stays_open(
    desk: DeskServices, admin: Actor, walk_in: Callable[..., dict[str, Any]], backup_file: Path
) -> None:
    desk.register.receive(admin, walk_in())
    restore_register(desk.ctx.data_dir, backup_file, authorize=_allow)
    assert [r.number for r in desk.query.rows(admin)] == ["CPJ/2026/A-0001"]


def test_refused_authorisation_changes_nothing(desk: DeskServices, backup_file: Path) -> None:
    data_dir = desk.ctx.data_dir
    desk.close()
    before = db_path(data_dir).read_bytes()

    def refuse(staged: Path) -> str:
        assert staged.exists()
        raise PermissionDenied("tidak boleh")

    with pytest.raises(PermissionDenied):
        restore_register(data_dir, backup_file, authorize=refuse)
    assert db_path(data_dir).read_bytes() == before
    assert not (data_dir / "register.sqlite3.restore-part").exists()
    assert not (data_dir / "backups").exists() or not any((data_dir / "backups").glob("sebelum-pulih-*"))


def test_unknown_schema_revision_is_refused(desk: DeskServices, backup_file: Path) -> None:
    connection = sqlite3.connect(backup_file)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(ValidationError, match="versi PPID Desk"):
        restore_register(desk.ctx.data_dir, backup_file, authorize=_allow)


def test_missing_or_empty_file_is_refused(desk: DeskServices, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        restore_register(desk.ctx.data_dir, tmp_path / "tidak-ada.sqlite3", authorize=_allow)
    empty = tmp_path / "kosong.sqlite3"
    empty.touch()
    with pytest.raises(NotFound):
        restore_register(desk.ctx.data_dir, empty, authorize=_allow)


def test_restore_into_an_empty_folder_installs_register_and_key(backup_file: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "komputer-baru"
    result = restore_register(fresh, backup_file, authorize=_allow)
    assert result.saved_current is None
    assert _numbers(db_path(fresh)) == ["CPJ/2026/A-0001"]
    assert (fresh / "keys" / "pii.key").read_bytes() == Path(str(backup_file) + ".key").read_bytes()


def test_a_different_key_replaces_the_current_one_which_is_kept(
    desk: DeskServices, backup_file: Path
) -> None:
    from cryptography.fernet import Fernet

    key_file = desk.ctx.data_dir / "keys" / "pii.key"
    other = Fernet.generate_key()
    key_file.write_bytes(other)
    result = restore_register(desk.ctx.data_dir, backup_file, authorize=_allow)
    assert result.saved_key is not None and result.saved_key.read_bytes() == other
    assert key_file.read_bytes() == Path(str(backup_file) + ".key").read_bytes()


def test_a_damaged_current_register_is_kept_raw_and_replaced(desk: DeskServices, backup_file: Path) -> None:
    data_dir = desk.ctx.data_dir
    desk.close()
    live = db_path(data_dir)
    for suffix in ("-wal", "-shm"):
        Path(str(live) + suffix).unlink(missing_ok=True)
    live.write_bytes(b"rusak total " * 1000)
    assert not current_register_sound(data_dir)
    result = restore_register(data_dir, backup_file, authorize=_allow)
    assert result.saved_current is not None and result.saved_current.read_bytes().startswith(b"rusak total")
    assert _numbers(live) == ["CPJ/2026/A-0001"]
    assert current_register_sound(data_dir)


def test_authenticate_in_reads_the_users_of_a_file(backup_file: Path) -> None:
    actor = authenticate_in(backup_file, "admin", ADMIN_PASSWORD)
    assert actor.username == "admin" and actor.role.value == "admin"
    with pytest.raises(AuthenticationFailed):
        authenticate_in(backup_file, "admin", "salah-sekali")
    with pytest.raises(AuthenticationFailed):
        authenticate_in(backup_file, "tidak-ada", ADMIN_PASSWORD)


def test_two_restores_in_one_second_keep_both_registers_they_replaced(
    desk: DeskServices, backup_file: Path
) -> None:
    from datetime import datetime

    moment = datetime(2026, 3, 16, 10, 0, 0)
    first = restore_register(desk.ctx.data_dir, backup_file, authorize=_allow, now=moment)
    second = restore_register(desk.ctx.data_dir, backup_file, authorize=_allow, now=moment)
    assert first.saved_current and second.saved_current and first.saved_current != second.saved_current
    assert first.saved_current.exists() and second.saved_current.exists()

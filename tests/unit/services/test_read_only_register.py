"""A register that cannot be written (issue 13.5) opens read-only instead of failing: sign-in, lists and backups
work and say what was not recorded; a write is refused with a message for the officer.

Here the read-only folder is reported by ``os.access`` being told no (root ignores file modes, and a mount needs
privileges): the register is then really opened by SQLite read-only (``immutable``), so every write below is
refused by SQLite itself. tests/cli/test_cli_unwritable_disk.py does the same on a real read-only mount and a
real full disk where this machine allows mounting."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from app.paths import db_path
from app.services.backup import BackupService
from app.services.desk import DeskServices
from app.services.register_query import RegisterFilter
from db import engine
from db.engine import READ_ONLY_MESSAGE, RegisterUnwritable, read_only_reason, unwritable
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD


@pytest.fixture
def read_only_folder(
    desk: DeskServices, walk_in: Callable[..., dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> Path:
    admin = desk.users.authenticate("admin", ADMIN_PASSWORD)
    desk.register.receive(admin, walk_in())
    desk.close()
    folder = desk.ctx.data_dir
    monkeypatch.setattr(engine, "folder_writable", lambda path: Path(path) != folder)
    return folder


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_read_only_register_signs_in_lists_and_backs_up_without_writing(
    read_only_folder: Path, walk_in: Callable[..., dict[str, Any]], tmp_path: Path
) -> None:
    before = _sha(db_path(read_only_folder))
    assert read_only_reason(db_path(read_only_folder)) == READ_ONLY_MESSAGE
    desk = DeskServices.open(read_only_folder, writer="aplikasi PPID Desk")
    try:
        assert desk.read_only == READ_ONLY_MESSAGE and not desk.holds_lock  # nobody can write: no lock taken
        supervisor = desk.users.authenticate("spv", USER_PASSWORD)
        assert any("waktu masuk dan jejak audit tidak dicatat" in n for n in desk.ctx.notices)
        rows = desk.query.rows(supervisor, RegisterFilter())
        assert len(rows) == 1 and "3456-7890" not in rows[0].contact  # a view that cannot be recorded: masked
        assert any("disamarkan" in n for n in desk.ctx.notices)
        shown = desk.register.get(supervisor, rows[0].number)  # a full view cannot be recorded: shown masked
        assert shown.requester.nik == shown.requester.nik_masked and "•" in str(shown.requester.nik)
        assert any("NIK, telepon dan email disamarkan" in n for n in desk.ctx.notices)
        result = BackupService(desk.ctx).backup(supervisor, tmp_path / "cadangan.sqlite3")
        assert result.counts["requests"] == 1
        with sqlite3.connect(result.path) as copy:
            assert copy.execute("SELECT count(*) FROM requests").fetchone() == (1,)
        with pytest.raises(RegisterUnwritable, match="tidak dapat ditulis"):
            desk.register.receive(supervisor, walk_in())
        with pytest.raises(Exception, match="kata sandi salah"):
            desk.users.authenticate("spv", "salah-sekali")  # refused all the same, just not counted
    finally:
        desk.close()
    assert _sha(db_path(read_only_folder)) == before
    assert not (read_only_folder / "register.lock").exists()  # nothing written in the folder either


def test_what_counts_as_a_disk_that_refuses_writes() -> None:
    def failure(text: str) -> OperationalError:
        return OperationalError("UPDATE users", {}, sqlite3.OperationalError(text))

    for text in ("attempt to write a readonly database", "database or disk is full", "disk I/O error"):
        assert unwritable(failure(text)) and unwritable(sqlite3.OperationalError(text))
    assert not unwritable(failure("database is locked"))  # busy, not broken: the usual retry handles it
    assert not unwritable(failure("no such table: users"))
    assert "penuh" in engine.unwritable_message(failure("database or disk is full"))

"""Accounts and files: ``user unlock`` lifts a sign-in lock-out; the register, its key, its folder and its
backups are created owner-only (they were 0644: readable by every account on the PC). POSIX modes only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from cli_helpers import init_args, run_in_process


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_user_unlock_lifts_the_lock_out(desk_dir: Path) -> None:
    base = ("--data-dir", desk_dir)
    os.environ["PPID_DESK_NEW_PASSWORD"] = "sandi-siti-123"
    try:
        added = run_in_process(
            *base, "--user", "admin", "user", "add", "siti", "--name", "Siti", "--role", "petugas"
        )
    finally:
        os.environ.pop("PPID_DESK_NEW_PASSWORD")
    assert added.code == 0, added.err
    for _ in range(6):
        wrong = run_in_process(
            *base, "--user", "siti", "request", "list", env={"PPID_DESK_PASSWORD": "salah-123"}
        )
        assert wrong.code == 2
    assert "dikunci" in wrong.err
    locked = run_in_process(
        *base, "--user", "siti", "request", "list", env={"PPID_DESK_PASSWORD": "sandi-siti-123"}
    )
    assert locked.code == 2 and "user unlock" in locked.err
    unlocked = run_in_process(*base, "--user", "admin", "user", "unlock", "siti")
    assert unlocked.code == 0, unlocked.err
    ok = run_in_process(
        *base, "--user", "siti", "request", "list", env={"PPID_DESK_PASSWORD": "sandi-siti-123"}
    )
    assert ok.code == 0, ok.err


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes; Windows relies on the profile folder's ACL")
def test_register_key_and_backups_are_owner_only(tmp_path: Path) -> None:
    data_dir = tmp_path / "meja"
    assert run_in_process(*init_args(data_dir)).code == 0
    backup = run_in_process("--data-dir", data_dir, "--user", "admin", "--json", "backup")
    assert backup.code == 0, backup.err
    copy = Path(backup.json()["path"])
    assert _mode(data_dir) == 0o700 and _mode(data_dir / "keys") == 0o700
    assert _mode(data_dir / "backups") == 0o700
    for path in (data_dir / "register.sqlite3", data_dir / "keys" / "pii.key", copy, Path(f"{copy}.key")):
        assert _mode(path) == 0o600, path


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_register_made_before_is_tightened_when_opened(desk_dir: Path) -> None:
    register = desk_dir / "register.sqlite3"
    os.chmod(register, 0o644)
    os.chmod(desk_dir, 0o755)
    assert run_in_process("--data-dir", desk_dir, "--user", "admin", "request", "list").code == 0
    assert _mode(register) == 0o600 and _mode(desk_dir) == 0o700

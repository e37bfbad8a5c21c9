"""A register written by a newer PPID Desk: every command refuses it with exit status 2 and leaves it as it was."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from cli_helpers import run_subprocess

from db.migrate import HEAD_REVISION


@pytest.mark.slow  # real ppid-desk child processes, one per command
def test_a_register_from_a_newer_release_is_refused_with_status_2(desk_dir: Path) -> None:
    register = desk_dir / "register.sqlite3"
    with sqlite3.connect(register) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9001_from_the_future'")
    before = hashlib.sha256(register.read_bytes()).hexdigest()

    for argv in (["request", "list"], ["user", "list"]):
        result = run_subprocess("--data-dir", desk_dir, "--user", "admin", *argv)
        assert result.code == 2, (argv, result.err)
        assert "dibuat oleh versi PPID Desk yang lebih baru" in result.err
        assert "9001_from_the_future" in result.err and HEAD_REVISION in result.err
        assert "Traceback" not in result.err and result.out == ""

    assert hashlib.sha256(register.read_bytes()).hexdigest() == before
    assert not (desk_dir / "backups").exists() or not any((desk_dir / "backups").iterdir())

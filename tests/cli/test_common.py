"""What every command shares (app/cli/common.py): reading a body file and asking for secrets, in Indonesian.

Seen: ``request add tidak-ada.json`` said ``Berkas 'tidak-ada.json' tidak dapat dibaca: No such file or
directory.`` (Python's English); ``user add`` without ``PPID_DESK_NEW_PASSWORD`` and without a terminal said
"Isi variabel PPID_DESK_PASSWORD" (already set: it is the signing-in user's), and ``key passphrase`` said the
same instead of naming ``PPID_DESK_RECOVERY_PASSPHRASE``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run_in_process


def _run(desk_dir: Path, *argv: str | Path, env: dict[str, str | None] | None = None):  # type: ignore[no-untyped-def]
    return run_in_process("--data-dir", desk_dir, "--user", "admin", *argv, env=env)


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_a_body_file_that_cannot_be_read_is_said_in_indonesian(
    desk_dir: Path, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / ("tidak-ada.json" if kind == "missing" else "folder")
    if kind == "folder":
        path.mkdir()
    result = _run(desk_dir, "request", "add", path)
    assert result.code == 2
    assert "No such file" not in result.err and "Is a directory" not in result.err
    assert ("tidak ada" if kind == "missing" else "folder") in result.err


def test_a_new_password_without_a_terminal_names_its_own_variable(desk_dir: Path) -> None:
    env: dict[str, str | None] = {"PPID_DESK_NEW_PASSWORD": None}
    result = _run(desk_dir, "user", "add", "joko", "--name", "Joko", "--role", "petugas", env=env)
    assert result.code == 2
    assert "PPID_DESK_NEW_PASSWORD" in result.err


def test_a_recovery_passphrase_without_a_terminal_names_its_own_variable(desk_dir: Path) -> None:
    result = _run(desk_dir, "key", "passphrase", env={"PPID_DESK_RECOVERY_PASSPHRASE": None})
    assert result.code == 2
    assert "PPID_DESK_RECOVERY_PASSPHRASE" in result.err and "PPID_DESK_PASSWORD" not in result.err

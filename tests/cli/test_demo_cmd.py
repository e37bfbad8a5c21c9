"""``ppid-desk demo`` refuses what it cannot seed in Indonesian, before making anything.

Seen: ``demo --no-gui --days 0`` ended with ``Kesalahan tak terduga: IndexError: Cannot choose from an empty
sequence`` (exit 1) after creating the folder; ``demo --no-gui --dir berkas`` (a file) with
``FileExistsError: [Errno 17]``.
"""

from __future__ import annotations

from pathlib import Path

from cli_helpers import run_in_process


def test_days_below_one_is_refused_before_anything(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    result = run_in_process("demo", "--no-gui", "--count", "2", "--days", "0", "--dir", folder)
    assert result.code == 2
    assert "--days minimal 1" in result.err and "Error" not in result.err
    assert not folder.exists()


def test_a_file_as_the_demo_folder_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("x")
    result = run_in_process("demo", "--no-gui", "--count", "2", "--dir", blocker)
    assert result.code == 2
    assert "bukan folder" in result.err and "Errno" not in result.err
    assert blocker.read_text() == "x"

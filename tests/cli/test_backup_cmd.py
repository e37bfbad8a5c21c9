"""``ppid-desk check`` marks a failing check as docs/cli.md and ``--self-check`` do: ``[GAGAL]``.

Seen: ``check`` printed ``[MASALAH] berkas: …`` while docs/cli.md promises ``[GAGAL] segel_catatan: …`` and
``--self-check`` prints ``[GAGAL]``: two words for one thing on the same command line.
"""

from __future__ import annotations

from pathlib import Path

from cli_helpers import run_in_process


def test_a_failing_check_is_marked_gagal(tmp_path: Path) -> None:
    result = run_in_process("check", "--data-dir", tmp_path / "kosong")
    assert result.code == 1
    assert "  [GAGAL] berkas: " in result.out and "MASALAH" not in result.out


def test_a_healthy_register_reads_ok(desk_dir: Path) -> None:
    result = run_in_process("check", "--data-dir", desk_dir)
    assert result.code == 0, result.out
    assert "[OK] integrity_check: ok" in result.out and "Register sehat." in result.out

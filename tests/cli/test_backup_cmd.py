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


def test_backup_names_what_is_wrong_with_out(desk_dir: Path, tmp_path: Path) -> None:
    """Seen: ``backup --out berkas/b.sqlite3`` (``berkas`` a file) said "Folder berkas tidak ada"; ``--out``
    naming a folder said "Berkas … sudah ada"; a second folder that could not be written gave Python's
    ``[Errno 2] No such file or directory`` inside the message."""
    place = tmp_path / "keluar"
    place.mkdir()
    blocker = place / "berkas"
    blocker.write_text("x")
    base = ("--data-dir", desk_dir, "--user", "admin", "backup")
    under_file = run_in_process(*base, "--out", blocker / "b.sqlite3")
    assert under_file.code == 2 and f"{blocker} adalah berkas, bukan folder" in under_file.err
    folder = run_in_process(*base, "--out", place)
    assert folder.code == 2 and f"{place} adalah folder" in folder.err
    mirror = run_in_process(*base, "--mirror", blocker)
    assert mirror.code == 2 and "Errno" not in mirror.err and "Cadangan kedua gagal" in mirror.err
    assert sorted(place.iterdir()) == [blocker]

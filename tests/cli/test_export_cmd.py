"""Every command that writes a file where it is told (``--out``) says in Indonesian what is wrong with the place.

Seen: ``export --out berkas/x.csv`` (``berkas`` a file) said "Folder berkas tidak ada" (it exists: it is a
file); ``export --out FOLDER`` said the export format was wrong; ``dik list --format pdf --out berkas/x.pdf``
ended with ``NotADirectoryError: [Errno 20]`` (exit 1).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import intake, run_in_process


def _run(desk_dir: Path, *argv: str | Path, stdin: str = ""):  # type: ignore[no-untyped-def]
    return run_in_process("--data-dir", desk_dir, "--user", "admin", *argv, stdin=stdin)


COMMANDS = {
    "export": ("export", "--out", "{out}.csv"),
    "agenda": ("letter", "agenda", "--year", "2026", "--out", "{out}.csv"),
    "report": ("report", "--period", "2026", "--format", "pdf", "--out", "{out}.pdf"),
    "dik": ("dik", "list", "--format", "pdf", "--out", "{out}.pdf"),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_file_in_the_way_is_named_as_a_file(desk_dir: Path, tmp_path: Path, command: str) -> None:
    assert _run(desk_dir, "request", "add", stdin=json.dumps(intake())).code == 0
    place = tmp_path / "keluar"
    place.mkdir()
    blocker = place / "berkas"
    blocker.write_text("x")
    argv = [a.format(out=blocker / "hasil") for a in COMMANDS[command]]
    result = _run(desk_dir, *argv)
    assert result.code == 2, result.err
    assert f"{blocker} adalah berkas, bukan folder" in result.err
    assert "Errno" not in result.err and "tidak ada" not in result.err
    assert blocker.read_text() == "x" and sorted(place.iterdir()) == [blocker]


@pytest.mark.parametrize("command", ["export", "agenda"])
def test_a_folder_as_out_is_named_as_a_folder(desk_dir: Path, tmp_path: Path, command: str) -> None:
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    argv = [a.replace("{out}.csv", str(folder)) for a in COMMANDS[command]]
    result = _run(desk_dir, *argv)
    assert result.code == 2, result.err
    assert f"{folder} adalah folder" in result.err and "Format" not in result.err
    assert list(folder.iterdir()) == []


def test_a_missing_folder_says_what_to_do(desk_dir: Path, tmp_path: Path) -> None:
    result = _run(desk_dir, "export", "--out", tmp_path / "tidak-ada" / "x.csv")
    assert result.code == 2
    assert "tidak ada" in result.err and "Buat dulu foldernya atau pilih folder lain" in result.err

"""``ppid-desk init`` on a folder that cannot be one: refused in Indonesian, exit 2, nothing left behind.

Seen: ``init --data-dir berkas/meja`` (``berkas`` a file) ended with ``Kesalahan tak terduga: NotADirectoryError:
[Errno 20] Not a directory`` and exit 1, as if the program had failed rather than the folder been mistyped.
"""

from __future__ import annotations

from pathlib import Path

from cli_helpers import init_args, run_in_process


def test_a_data_dir_under_a_file_is_refused_in_indonesian(tmp_path: Path) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    result = run_in_process(*init_args(blocker / "meja"))
    assert result.code == 2, result.err
    assert "bukan folder" in result.err and "--data-dir" in result.err
    assert "Errno" not in result.err and "Error" not in result.err
    assert blocker.read_text() == "bukan folder" and sorted(tmp_path.iterdir()) == [blocker]


def test_a_data_dir_that_is_a_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    result = run_in_process(*init_args(blocker))
    assert result.code == 2, result.err
    assert "bukan folder" in result.err and "Errno" not in result.err
    assert blocker.read_text() == "bukan folder"

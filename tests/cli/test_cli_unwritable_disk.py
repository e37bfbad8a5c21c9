"""A full or read-only data disk keeps the desk readable (issue 13.5): listing, checking, exporting and backing up
to another disk work; sign-in and the backup's audit line are skipped with a warning; writes are refused with a
clear message. The real disks are a read-only bind mount and a tiny tmpfs; where this machine cannot mount
(not root, no mount namespace), those tests skip and the read-only opening is still tested without a mount."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_helpers import intake, run_in_process

from app.paths import db_path


def _admin(desk_dir: Path, *argv: str | Path, stdin: str = ""):  # type: ignore[no-untyped-def]
    return run_in_process("--data-dir", desk_dir, "--user", "admin", *argv, stdin=stdin)


def _mount(*argv: str) -> bool:
    return subprocess.run(["mount", *argv], capture_output=True, check=False).returncode == 0


@pytest.fixture
def read_only_copy(desk_dir: Path, tmp_path: Path) -> Iterator[Path]:
    """The desk's data folder, with one request, seen through a read-only bind mount."""
    assert _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake())).code == 0
    target = tmp_path / "ro"
    target.mkdir()
    if shutil.which("mount") is None or not _mount("--bind", str(desk_dir), str(target)):
        pytest.skip("no bind mount on this machine (needs root or a mount namespace)")
    try:
        if not _mount("-o", "remount,ro,bind", str(target)):
            pytest.skip("cannot remount read-only here")
        yield target
    finally:
        subprocess.run(["umount", str(target)], check=False)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow  # mounts a file system
def test_a_read_only_data_disk_can_be_listed_checked_exported_and_backed_up(
    read_only_copy: Path, tmp_path: Path
) -> None:
    before = _sha(db_path(read_only_copy))
    listed = _admin(read_only_copy, "request", "list", "--json")
    assert listed.code == 0, listed.err
    assert [r["number"] for r in listed.json()] == ["KEC-SRG/2026/A-0001"]
    assert "waktu masuk dan jejak audit tidak dicatat" in listed.err
    checked = _admin(read_only_copy, "check")
    assert checked.code == 0, checked.out + checked.err
    exported = _admin(read_only_copy, "export", "--format", "json", "--out", tmp_path / "r.json")
    assert exported.code == 0, exported.err
    backup = tmp_path / "cadangan.sqlite3"
    backed = _admin(read_only_copy, "backup", "--out", backup)
    assert backed.code == 0, backed.err
    assert "tidak tercatat di jejak audit" in backed.err
    with sqlite3.connect(backup) as connection:
        assert connection.execute("SELECT number FROM requests").fetchall() == [("KEC-SRG/2026/A-0001",)]
    refused = _admin(read_only_copy, "request", "add", "--meski-duplikat", stdin=json.dumps(intake()))
    assert refused.code == 1 and "Register tidak dapat ditulis" in refused.err, refused.err
    assert _sha(db_path(read_only_copy)) == before


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A data folder on an 8 MB tmpfs, set up with one request, then filled to the last byte."""
    mount = tmp_path / "small"
    mount.mkdir()
    if shutil.which("mount") is None or not _mount("-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)):
        pytest.skip("cannot mount a tmpfs on this machine (needs root or a mount namespace)")
    try:
        desk_dir = mount / "meja"
        from cli_helpers import init_args

        assert run_in_process(*init_args(desk_dir)).code == 0
        assert _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake())).code == 0
        with open(
            mount / "pengisi", "wb", buffering=0
        ) as filler:  # unbuffered: closing has nothing left to write
            try:
                while True:
                    filler.write(b"\0" * 65536)
                    filler.flush()
            except OSError:
                pass
        yield desk_dir
    finally:
        subprocess.run(["umount", str(mount)], check=False)


@pytest.mark.slow  # mounts a file system
def test_a_full_data_disk_keeps_the_register_readable_and_refuses_writes_clearly(
    full_disk: Path, tmp_path: Path
) -> None:
    listed = _admin(full_disk, "request", "list", "--json")
    assert listed.code == 0, listed.err
    assert [r["number"] for r in listed.json()] == ["KEC-SRG/2026/A-0001"]
    assert _admin(full_disk, "check").code == 0
    assert _admin(full_disk, "export", "--format", "json", "--out", tmp_path / "r.json").code == 0
    backed = _admin(full_disk, "backup", "--out", tmp_path / "cadangan.sqlite3")
    assert backed.code == 0, backed.err
    refused = _admin(full_disk, "request", "add", "--meski-duplikat", stdin=json.dumps(intake()))
    assert refused.code == 1 and "tidak ada yang disimpan" in refused.err, refused.err
    assert "Traceback" not in refused.err

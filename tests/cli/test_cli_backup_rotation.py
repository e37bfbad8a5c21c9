"""``ppid-desk backup`` keeps ``backups/`` bounded (issue 13 item 6): a backup into the default folder prunes the
older copies by the policy, and ``--mirror DIR`` writes a verified second copy (with its key) and prunes there."""

from __future__ import annotations

import shutil
import time
from datetime import datetime, timedelta
from pathlib import Path

from cli_helpers import run_in_process


def _admin(desk_dir: Path, *argv: str | Path):  # type: ignore[no-untyped-def]
    return run_in_process("--data-dir", desk_dir, "--user", "admin", *argv)


def test_backup_rotates_the_folder_and_mirrors_a_verified_copy(desk_dir: Path, tmp_path: Path) -> None:
    first = _admin(desk_dir, "--json", "backup")
    assert first.code == 0, first.err
    folder = Path(first.json()["path"]).parent
    made = folder / "ppid-desk-20260131-170000.sqlite3"  # made earlier (one backup per second at most)
    Path(first.json()["path"]).rename(made)
    Path(first.json()["path"] + ".key").rename(f"{made}.key")
    old = []
    for days in range(1, 31):  # a month of older daily copies (same file, older stamps)
        stamp = (datetime(2026, 1, 31, 17) - timedelta(days=days)).strftime("%Y%m%d-%H%M%S")
        copy = folder / f"ppid-desk-{stamp}.sqlite3"
        shutil.copyfile(made, copy)
        shutil.copyfile(f"{made}.key", f"{copy}.key")
        old.append(copy)
    usb = tmp_path / "usb"
    usb.mkdir()
    second = _admin(desk_dir, "--json", "backup", "--keep-daily", "3", "--keep-weekly", "1",
                    "--keep-monthly", "1", "--mirror", usb)  # fmt: skip
    assert second.code == 0, second.err
    out = second.json()
    removed = {Path(p) for p in out["rotation"]["removed"]}
    kept = {Path(p) for p in out["rotation"]["kept"]}
    assert Path(out["path"]) in kept and removed and removed < set(old)
    assert len(kept) <= 3 + 1 + 1
    assert all(not p.exists() and not Path(f"{p}.key").exists() for p in removed)
    assert all(p.exists() for p in kept)
    mirrored = Path(out["mirror"])
    assert mirrored.parent == usb and mirrored.read_bytes() == Path(out["path"]).read_bytes()
    assert Path(f"{mirrored}.key").exists()

    time.sleep(1.1)  # the next backup gets its own time stamp
    human = _admin(desk_dir, "backup", "--no-rotate")
    assert human.code == 0 and "Rotasi" not in human.out
    time.sleep(1.1)
    missing = _admin(desk_dir, "backup", "--mirror", tmp_path / "tidak-ada")
    assert missing.code == 2 and "Cadangan kedua gagal" in missing.err
    refused = _admin(desk_dir, "backup", "--keep-daily", "-1")
    assert refused.code == 2

"""Backup rotation (issue 13 item 6): which copies a policy keeps is a pure function of their time stamps;
pruning removes a copy with its key files and nothing else; the second copy is verified where it lands."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.services import backup_rotation
from app.services.backup import REGISTER_TABLES
from app.services.backup_rotation import RotationPolicy, kept, mirror, rotate

START = datetime(2025, 1, 1, 17, 0)


def daily(days: int, start: datetime = START) -> list[datetime]:
    return [start + timedelta(days=i) for i in range(days)]


def test_a_year_of_daily_backups_keeps_7_days_4_weeks_12_months() -> None:
    stamps = daily(400)  # 2025-01-01 .. 2026-02-04, one a day at 17:00
    keep = kept(stamps, RotationPolicy())
    newest = stamps[-1]
    days = {newest - timedelta(days=i) for i in range(7)}
    sundays = {
        datetime(2026, 2, 1, 17),
        datetime(2026, 1, 25, 17),
        datetime(2026, 1, 18, 17),
    }  # ends of weeks
    month_ends = {datetime(2026, 1, 31, 17)} | {
        datetime(2025, m + 1, 1, 17) - timedelta(days=1) for m in range(3, 12)
    }  # Mar..Nov 2025 (their last day) and Jan 2026
    month_ends.add(datetime(2025, 12, 31, 17))
    assert keep == days | sundays | month_ends
    # the last 7 days hold this week's and last week's ends (Feb 1) and January's (Jan 31): 2 more weeks and
    # 10 more months (Mar..Dec 2025; Feb 2026 is the newest copy's own month)
    assert len(keep) == 7 + 2 + 10


def test_the_policy_counts_buckets_that_have_a_copy_not_calendar_slots() -> None:
    stamps = [
        datetime(2026, 3, 2, 8),
        datetime(2026, 3, 2, 17),
        datetime(2025, 6, 1, 9),
        datetime(2024, 1, 5, 9),
    ]
    assert kept(stamps, RotationPolicy(daily=2, weekly=0, monthly=0)) == {
        datetime(2026, 3, 2, 17), datetime(2025, 6, 1, 9),
    }  # fmt: skip
    assert kept(stamps, RotationPolicy(daily=0, weekly=0, monthly=0)) == {datetime(2026, 3, 2, 17)}
    assert kept([], RotationPolicy()) == set()
    with pytest.raises(ValueError):
        RotationPolicy(daily=-1)


def _copy(folder: Path, name: str, keys: bool = True) -> Path:
    path = folder / name
    with sqlite3.connect(path) as conn:  # the tables that make a file a register, enough for the check
        for table in REGISTER_TABLES:
            conn.execute(f"CREATE TABLE {table} (x, version_num)")
    if keys:
        Path(f"{path}.key").write_bytes(b"k")
        Path(f"{path}.key.recovery").write_bytes(b"r")
    return path


def test_rotate_prunes_each_series_with_its_key_files_and_nothing_else(tmp_path: Path) -> None:
    names = [f"ppid-desk-{d:%Y%m%d-%H%M%S}.sqlite3" for d in daily(10)]
    for name in names:
        _copy(tmp_path, name)
    restore = _copy(tmp_path, "sebelum-pulih-20250103-090000.sqlite3", keys=False)
    migration = _copy(tmp_path, "sebelum-migrasi-0007_letters-20240101-090000.sqlite3", keys=False)
    other = _copy(tmp_path, "cadangan-manual.sqlite3")
    (tmp_path / "catatan.txt").write_text("x")
    result = rotate(tmp_path, RotationPolicy(daily=3, weekly=0, monthly=0))
    assert sorted(p.name for p in result.removed) == sorted(names[:7])
    for name in names[:7]:
        assert not (tmp_path / name).exists() and not (tmp_path / f"{name}.key").exists()
        assert not (tmp_path / f"{name}.key.recovery").exists()
    for name in names[7:]:
        assert (tmp_path / name).exists() and (tmp_path / f"{name}.key").exists()
    assert restore.exists() and migration.exists() and other.exists() and (tmp_path / "catatan.txt").exists()


def test_mirror_writes_a_verified_copy_with_its_key(tmp_path: Path) -> None:
    source = _copy(tmp_path, "ppid-desk-20260301-170000.sqlite3")
    usb = tmp_path / "usb"
    usb.mkdir()
    copy = mirror(source, usb)
    assert copy == usb / source.name and copy.read_bytes() == source.read_bytes()
    assert Path(f"{copy}.key").read_bytes() == b"k" and Path(f"{copy}.key.recovery").read_bytes() == b"r"
    with pytest.raises(FileNotFoundError, match="drive USB"):
        mirror(source, tmp_path / "tidak-terpasang")


def test_a_mirror_copy_that_does_not_verify_is_refused_and_left_nowhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _copy(tmp_path, "ppid-desk-20260301-170000.sqlite3")
    usb = tmp_path / "usb"
    usb.mkdir()

    real = shutil.copyfile

    def bad_copy(src: Path, dst: Path) -> None:  # the drive wrote the copy wrong (a failing USB stick)
        real(src, dst)
        with sqlite3.connect(dst) as conn:
            conn.execute("INSERT INTO requests VALUES (1, 1)")

    monkeypatch.setattr(backup_rotation.shutil, "copyfile", bad_copy)
    with pytest.raises(RuntimeError, match="gagal diperiksa"):
        mirror(source, usb)
    assert list(usb.iterdir()) == []

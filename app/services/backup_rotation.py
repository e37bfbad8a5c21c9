"""Keeping ``backups/`` bounded: which copies to keep (7 daily, 4 weekly, 12 monthly by default), pruning the
rest, and a verified second copy in another folder (a USB drive, a network share).

Without it the folder only grew: every backup, every restore (``sebelum-pulih-…``) and every migration
(``sebelum-migrasi-…``) adds a whole copy of the register. The policy is the usual grandfather-father-son one:
of each series (the file name before its time stamp), the newest copy of each of the last ``daily`` days that
have one, of the last ``weekly`` ISO weeks and of the last ``monthly`` months, and always the newest copy. The
choice is a pure function of the time stamps (``kept``), so it is tested without files.

A copy is removed with the key files that belong to it (``FILE.key``, ``FILE.key.recovery``); other files in
the folder are never touched. This module only reads what ``backup.py`` writes, so the backup writer itself
stays as it is.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from app.services.backup import KEY_SUFFIX, inspect_register, write_private

STAMPED = re.compile(r"^(?P<series>.+)-(?P<stamp>\d{8}-\d{6})\.sqlite3$")
"""``ppid-desk-20261207-013000.sqlite3``, ``sebelum-pulih-…``, ``sebelum-migrasi-<revision>-…``."""
KEY_FILES = (KEY_SUFFIX, KEY_SUFFIX + ".recovery")


@dataclass(frozen=True)
class RotationPolicy:
    """How many copies to keep; 0 turns that tier off. The newest copy of a series is always kept."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12

    def __post_init__(self) -> None:
        if min(self.daily, self.weekly, self.monthly) < 0:
            raise ValueError("jumlah cadangan yang disimpan tidak boleh negatif")


@dataclass
class RotationResult:
    kept: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)

    def to_dict(self) -> dict[str, list[str]]:
        return {"kept": [str(p) for p in self.kept], "removed": [str(p) for p in self.removed]}


def kept(stamps: Iterable[datetime], policy: RotationPolicy) -> set[datetime]:
    """The time stamps to keep: the newest of each of the last ``daily`` days, ``weekly`` ISO weeks and
    ``monthly`` months that have a copy, and the newest overall."""
    ordered = sorted(set(stamps), reverse=True)
    keep = set(ordered[:1])

    def tier(count: int, bucket: object) -> None:
        seen: list[object] = []
        for moment in ordered:
            key = bucket(moment)  # type: ignore[operator]
            if key in seen:
                continue
            if len(seen) >= count:
                return
            seen.append(key)
            keep.add(moment)

    tier(policy.daily, lambda m: m.date())
    tier(policy.weekly, lambda m: date.isocalendar(m.date())[:2])
    tier(policy.monthly, lambda m: (m.year, m.month))
    return keep


def stamped_copies(folder: Path) -> dict[str, dict[datetime, Path]]:
    """The register copies in ``folder`` by series and time stamp (files not named by the desk are ignored)."""
    series: dict[str, dict[datetime, Path]] = {}
    for path in sorted(folder.glob("*.sqlite3")) if folder.is_dir() else []:
        match = STAMPED.match(path.name)
        if match is None:
            continue
        try:
            moment = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        except ValueError:
            continue
        name = match["series"]
        name = "sebelum-migrasi" if name.startswith("sebelum-migrasi") else name
        series.setdefault(name, {})[moment] = path
    return series


def rotate(folder: Path, policy: RotationPolicy) -> RotationResult:
    """Remove the copies (and their key files) the policy does not keep, series by series."""
    result = RotationResult()
    for copies in stamped_copies(folder).values():
        keep = kept(copies, policy)
        for moment, path in sorted(copies.items()):
            if moment in keep:
                result.kept.append(path)
                continue
            for sibling in (path, *(Path(str(path) + suffix) for suffix in KEY_FILES)):
                sibling.unlink(missing_ok=True)
            result.removed.append(path)
    return result


def mirror(backup: Path, folder: Path) -> Path:
    """Copy a verified backup (and its key file) into ``folder`` and verify the copy there: integrity check
    and the same row count in every table as the backup. A copy that fails is removed and the error raised;
    a half-written copy is never left under the final name."""
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(
            f"{folder} adalah berkas, bukan folder; sebutkan folder untuk cadangan kedua."
        )
    if not folder.is_dir():
        raise FileNotFoundError(f"Folder cadangan kedua {folder} tidak ada (drive USB belum terpasang?).")
    expected = inspect_register(backup)
    target = folder / backup.name
    part = target.with_name(target.name + ".part")
    try:
        shutil.copyfile(backup, part)
        with open(part, "rb+") as handle:
            os.fsync(handle.fileno())
        copy = inspect_register(part)
        if copy.integrity != "ok" or copy.counts != expected.counts:
            raise RuntimeError(f"Salinan di {folder} gagal diperiksa; cadangan kedua tidak dibuat.")
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    for suffix in KEY_FILES:
        key = Path(str(backup) + suffix)
        if key.exists():
            write_private(Path(str(target) + suffix), key.read_bytes())
    return target

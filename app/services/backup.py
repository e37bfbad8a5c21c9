"""Backup of the register file, verified, with the PII key that belongs to it.

A desk's register is often the office's only copy, so a backup is not trusted until checked: the live file is
copied with SQLite's online backup API inside one read snapshot, then the copy is checked (``PRAGMA
integrity_check`` and the row count of every table equal to the source at that snapshot). The NIKs are
encrypted with ``keys/pii.key``, which is not inside the database, so the key is copied next to the backup as
``FILE.key`` (owner-only permissions): a backup without its key cannot show a single NIK.

The low-level helpers here (inspect, copy) are shared with ``app/services/restore.py``; the integrity check of
a data folder (``ppid-desk check``) lives in ``app/services/integrity.py``.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from app.domain.permissions import Permission, Role
from app.errors import ValidationError
from app.paths import backups_dir, db_path
from app.services.context import Actor, DeskContext
from app.services.journal import audit, audit_if_writable
from app.services.out_files import check_out, reason
from app.services.pii import KEY_FILE_NAME
from db.engine import read_only_reason, read_only_uri
from db.private import private_dir, private_file

#: Tables every PPID Desk register has; a file without them is refused by restore.
REGISTER_TABLES = ("alembic_version", "office", "users", "requesters", "requests", "events", "counters")
KEY_SUFFIX = ".key"


@dataclass(frozen=True)
class RegisterInfo:
    """What a file holds, read without changing it."""

    path: Path
    integrity: str
    revision: str | None
    counts: dict[str, int]
    missing_tables: list[str] = field(default_factory=list)

    @property
    def is_register(self) -> bool:
        return not self.missing_tables

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "integrity": self.integrity,
            "revision": self.revision,
            "counts": self.counts,
            "is_register": self.is_register,
        }


@dataclass(frozen=True)
class BackupResult:
    path: Path
    key_path: Path | None
    size_bytes: int
    integrity: str
    counts: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "key_path": str(self.key_path) if self.key_path else None,
            "size_bytes": self.size_bytes,
            "integrity": self.integrity,
            "counts": self.counts,
        }


# --- low-level helpers on plain sqlite3 connections ------------------------------------------------------------


def connect(path: Path) -> sqlite3.Connection:
    """A plain connection; on a read-only disk a read-only one (a backup to another disk must still work)."""
    if read_only_reason(path):
        connection = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
    else:
        connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA busy_timeout=10000")
    return connection


def table_counts(connection: sqlite3.Connection) -> dict[str, int]:
    """Row count of every ordinary table (FTS shadow tables included: they are part of the file)."""
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        )
    ]
    return {name: int(connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]) for name in names}


def integrity(connection: sqlite3.Connection) -> str:
    rows = [str(r[0]) for r in connection.execute("PRAGMA integrity_check")]
    return "ok" if rows == ["ok"] else "; ".join(rows[:20])


def inspect_register(path: Path) -> RegisterInfo:
    """Integrity, schema revision and row counts of a register file (opened, never written)."""
    connection = connect(path)
    try:
        try:
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError:
            raise ValidationError(
                f"Berkas {path} bukan basis data SQLite (bukan register PPID Desk)."
            ) from None
        missing = [t for t in REGISTER_TABLES if t not in tables]
        if missing:
            return RegisterInfo(path, integrity(connection), None, {}, missing)
        revision_row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return RegisterInfo(
            path, integrity(connection), revision_row[0] if revision_row else None, table_counts(connection)
        )
    finally:
        connection.close()


def copy_database(source: Path, target: Path) -> dict[str, int]:
    """Online-backup ``source`` into a new single file ``target``; returns the source's row counts at the
    snapshot that was copied (read in the same read transaction as the copy)."""
    private_dir(target.parent)
    src = connect(source)
    dst = sqlite3.connect(private_file(target), isolation_level=None)
    try:
        src.execute("BEGIN")
        counts = table_counts(src)
        src.backup(dst)
        src.execute("COMMIT")
        dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file, no -wal beside it
    finally:
        dst.close()
        src.close()
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())
    return counts


PART = ".part"


def part_of(target: Path) -> Path:
    """Where ``target`` is written before it is renamed into place: named with this process's PID, so a copy
    left by a killed process is told from one being written now (``clear_stale_parts``)."""
    return target.with_name(f"{target.name}.{os.getpid()}{PART}")


def clear_stale_parts(folder: Path) -> list[Path]:
    """Remove the half-written copies (``NAME.PID.part``) that a killed backup or restore left in ``folder``:
    those whose PID is no longer running (on this PC; a data folder is local to it)."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for part in folder.glob(f"*{PART}"):
        pid = part.name.removesuffix(PART).rpartition(".")[2]
        if pid.isdigit() and _running(int(pid)):
            continue
        try:
            part.unlink()
            removed.append(part)
        except OSError:
            pass
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # another account's process, or no way to ask (Windows): leave its file alone
    return True


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_copy(source: Path, target: Path) -> dict[str, int]:
    """``copy_database`` into a PID-named part file, then renamed over ``target``: a kill leaves the old file
    or the complete new one, never half a copy under the final name."""
    part = part_of(target)
    part.unlink(missing_ok=True)
    try:
        counts = copy_database(source, part)
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    fsync_dir(target.parent)
    return counts


def write_private(path: Path, data: bytes) -> None:
    """Write a key file readable by the owner only (0600), durably."""
    private_dir(path.parent)
    tmp = part_of(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def _verified_copy(source: Path, target: Path) -> tuple[dict[str, int], RegisterInfo]:
    """Copy, check, and only then rename into place: a failed check or a kill leaves no file named ``target``."""
    part = part_of(target)
    part.unlink(missing_ok=True)
    try:
        counts = copy_database(source, part)
        info = inspect_register(part)
        if info.integrity != "ok":
            raise RuntimeError(f"Salinan {target} gagal diperiksa (integrity_check: {info.integrity}).")
        if info.counts != counts:
            raise RuntimeError(f"Salinan {target} tidak sama dengan sumbernya (jumlah baris berbeda).")
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    fsync_dir(target.parent)
    return counts, RegisterInfo(target, info.integrity, info.revision, info.counts, info.missing_tables)


def _probe(target: Path) -> None:
    """Refuse a place that cannot take the copy before anything is recorded (the backup's audit line comes
    first), in Indonesian rather than Python's ``[Errno …]``."""
    part = part_of(target)
    try:
        part.open("xb").close()
    except FileExistsError:
        return  # a stale part of this PID: the copy replaces it
    except OSError as exc:
        raise ValidationError(
            {"out": f"Berkas {target} tidak dapat ditulis: {reason(exc)}. Pilih "
             "folder lain; tidak ada yang disimpan."}
        ) from None  # fmt: skip
    part.unlink(missing_ok=True)


def _copy_key(key_dir: Path, target: Path) -> Path | None:
    """The key that opens the backup's NIKs, beside it: sealed under the recovery passphrase when the admin
    set one (``FILE.key.recovery``, app/services/pii_recovery.py), else in the clear (``FILE.key``)."""
    from app.services.pii_recovery import RECOVERY_SUFFIX, recovery_path

    sealed = recovery_path(key_dir)
    if sealed.exists():
        key_target = Path(str(target) + RECOVERY_SUFFIX)
        write_private(key_target, sealed.read_bytes())
        return key_target
    key_source = key_dir / KEY_FILE_NAME
    if not key_source.exists():
        return None
    key_target = Path(str(target) + KEY_SUFFIX)
    write_private(key_target, key_source.read_bytes())
    return key_target


def stamp(now: datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


# --- backup ------------------------------------------------------------------------------------------------------


class BackupService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def default_target(self) -> Path:
        return backups_dir(self.ctx.data_dir) / f"ppid-desk-{stamp(self.ctx.clock())}.sqlite3"

    def backup(self, actor: Actor, target: Path) -> BackupResult:
        """Copy the register to ``target`` (must not exist) and its PII key to ``target.key``; both verified."""
        actor.require(Permission.BACKUP)
        source = db_path(self.ctx.data_dir)
        target = check_out(Path(target))  # a folder, or a file where a folder should be, is said so
        if target.exists() or Path(str(target) + KEY_SUFFIX).exists():
            raise ValidationError({"out": f"Berkas {target} sudah ada; pilih nama lain agar tidak tertimpa."})
        if target.resolve() == source.resolve():
            raise ValidationError({"out": "Cadangan tidak boleh menimpa register itu sendiri."})
        _probe(target)
        clear_stale_parts(target.parent)
        # Recorded first, so the copy holds its own audit line; but only if the disk allows: a backup to
        # another disk is what is needed most when the data disk is full or read-only (then the person is told).
        audit_if_writable(
            self.ctx, actor, action="backup", entity="register", entity_id=None, details={"target": str(target)},
            notice="Perhatian: cadangan dibuat, tetapi tidak tercatat di jejak audit register "
            "(register tidak dapat ditulis: disk penuh atau hanya-baca).",
        )  # fmt: skip
        counts, info = _verified_copy(source, target)
        key_target = _copy_key(self.ctx.data_dir / "keys", target)
        return BackupResult(target, key_target, target.stat().st_size, info.integrity, counts)

    def record_restore(self, username: str, details: dict[str, Any]) -> None:
        """Write the restore into the restored register's audit log (its users table is the one now in force)."""
        from sqlalchemy import select

        from app.services.users import actor_of
        from db.models import User

        with self.ctx.db.transaction() as session:
            user = session.scalar(select(User).where(User.username == username))
            # The audit line only needs the name; a user missing from the restored file is still named.
            actor = actor_of(user) if user else Actor("", username, username, Role.ADMIN)
            audit(
                session,
                actor,
                self.ctx.clock(),
                action="restore",
                entity="register",
                entity_id=None,
                details=details,
            )

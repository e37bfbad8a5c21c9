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
from app.services.journal import audit
from app.services.pii import KEY_FILE_NAME
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


def write_private(path: Path, data: bytes) -> None:
    """Write a key file readable by the owner only (0600), durably."""
    private_dir(path.parent)
    tmp = path.with_name(path.name + ".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def _verified_copy(source: Path, target: Path) -> tuple[dict[str, int], RegisterInfo]:
    counts = copy_database(source, target)
    info = inspect_register(target)
    if info.integrity != "ok":
        raise RuntimeError(f"Salinan {target} gagal diperiksa (integrity_check: {info.integrity}).")
    if info.counts != counts:
        raise RuntimeError(f"Salinan {target} tidak sama dengan sumbernya (jumlah baris berbeda).")
    return counts, info


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
        target = Path(target)
        if target.exists() or Path(str(target) + KEY_SUFFIX).exists():
            raise ValidationError({"out": f"Berkas {target} sudah ada; pilih nama lain agar tidak tertimpa."})
        if target.resolve() == source.resolve():
            raise ValidationError({"out": "Cadangan tidak boleh menimpa register itu sendiri."})
        if not target.parent.is_dir():
            raise ValidationError({"out": f"Folder {target.parent} tidak ada."})
        with self.ctx.db.transaction() as session:
            audit(
                session,
                actor,
                self.ctx.clock(),
                action="backup",
                entity="register",
                entity_id=None,
                details={"target": str(target)},
            )
        part = target.with_name(target.name + ".part")
        part.unlink(missing_ok=True)
        try:
            counts, info = _verified_copy(source, part)
            os.replace(part, target)
        finally:
            part.unlink(missing_ok=True)
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

"""Restore of a register from a backup: verified first, the current register kept, numbers never reused.

The backup file is first copied next to the register and checked (a PPID Desk register, ``integrity_check``
ok, a schema revision this version knows); only then is the person authorised, the current register saved
(verified) into ``backups/``, and the backup written into the live file through SQLite's backup API, so the
WAL is handled by SQLite rather than by moving files under a possible reader. The counters of the current
register are carried over where they are ahead: numbers issued after the backup are already on receipts.
The PII key saved beside the backup (``FILE.key``) replaces the current one, which is kept in ``backups/``.

Restore holds the data folder's writer lock (app/services/writer_lock.py) from before the staging to after the
write: it is refused while the workstation or a writing command has the register open, and nothing can issue a
number between the moment the counters are carried and the moment the backup is in place. What the backup
lacks (requests, keberatan and letters registered after it) is listed in the result and in the restore's
audit line; their numbers stay reserved (the counters continue after the highest number ever issued, read from
the pre-restore copy: its counters and its highest sequences), and the entries are re-entered by hand from
the pre-restore copy ``backups/sebelum-pulih-*.sqlite3`` (never merged silently: the backup was chosen
because the later state was wrong). ``ppid-desk check`` compares the register with every pre-restore copy.
Every file is written under a PID-named part name and renamed into place, so a killed restore leaves none
half-written; leftovers of killed runs are removed at the next restore.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from app.domain.permissions import Role
from app.errors import AuthenticationFailed, NotFound, ValidationError
from app.paths import backups_dir, db_path
from app.services import writer_lock
from app.services.backup import (
    KEY_SUFFIX,
    RegisterInfo,
    atomic_copy,
    clear_stale_parts,
    connect,
    copy_database,
    fsync_dir,
    inspect_register,
    part_of,
    stamp,
    write_private,
)
from app.services.context import Actor
from app.services.integrity_restores import PRE_RESTORE
from app.services.pii import KEY_FILE_NAME
from app.services.pii_recovery import RECOVERY_SUFFIX, recovery_path, unseal
from app.services.restore_ledger import high_water, lacking_in
from app.sync.state import PULL_OWN_KEY
from db.migrate import known_revisions
from db.private import private_dir, tighten

FAILED_SIGN_IN = "Nama pengguna atau kata sandi salah, atau akun dinonaktifkan."  # as UserService says it


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    saved_current: Path | None
    key_restored: bool
    saved_key: Path | None
    revision: str | None
    counts: dict[str, int]
    restored_by: str
    counters_kept: dict[str, int] = field(default_factory=dict)
    #: What the backup lacks, by kind (``requests``, ``objections``, ``letters``): numbers reserved, to re-enter.
    lacking: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": str(self.source),
            "restored_by": self.restored_by,
            "counters_kept": self.counters_kept,
            "lacking": self.lacking,
            "saved_current": str(self.saved_current) if self.saved_current else None,
            "key_restored": self.key_restored,
            "saved_key": str(self.saved_key) if self.saved_key else None,
            "revision": self.revision,
            "counts": self.counts,
        }


def current_register_sound(data_dir: Path) -> bool:
    """True when the data folder's register exists, is a register and passes integrity_check."""
    live = db_path(data_dir)
    if not live.exists():
        return False
    try:
        info = inspect_register(live)
    except (ValidationError, sqlite3.DatabaseError):
        return False
    return info.is_register and info.integrity == "ok"


def authenticate_in(path: Path, username: str, password: str) -> Actor:
    """Sign in against the users table of a (verified, staged) register file, without the services."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    connection = connect(path)
    try:
        row = connection.execute(
            "SELECT id, username, full_name, role, active, password_hash FROM users WHERE username = ?",
            (username.strip().lower(),),
        ).fetchone()
    finally:
        connection.close()
    if row is None or not row[4]:
        raise AuthenticationFailed(FAILED_SIGN_IN)
    try:
        PasswordHasher().verify(row[5], password)
    except (VerificationError, InvalidHashError):
        raise AuthenticationFailed(FAILED_SIGN_IN) from None
    return Actor(user_id=row[0], username=row[1], full_name=row[2], role=Role(row[3]))


def stage_backup(data_dir: Path, source: Path) -> tuple[Path, RegisterInfo]:
    """Copy ``source`` next to the register and verify it; refuse anything that is not a sound register."""
    if not source.is_file() or source.stat().st_size == 0:
        raise NotFound(f"Berkas cadangan {source} tidak ditemukan atau kosong.")
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "register.sqlite3.restore-part").unlink(missing_ok=True)  # left by a version before PID names
    staged = part_of(data_dir / "register.sqlite3.restore")
    staged.unlink(missing_ok=True)
    try:
        try:
            copy_database(source, staged)
        except sqlite3.DatabaseError:
            raise ValidationError(
                f"Berkas {source} bukan basis data SQLite (bukan register PPID Desk)."
            ) from None
        info = inspect_register(staged)
        if not info.is_register:
            raise ValidationError(
                f"Berkas {source} bukan register PPID Desk (tabel tidak ada: {', '.join(info.missing_tables)})."
            )
        if info.integrity != "ok":
            raise ValidationError(
                f"Berkas {source} rusak (integrity_check: {info.integrity}); tidak dipulihkan."
            )
        if info.revision not in known_revisions():
            raise ValidationError(
                f"Berkas {source} dibuat oleh versi PPID Desk yang lebih baru atau tidak dikenal "
                f"(revisi skema {info.revision}); perbarui aplikasi dahulu."
            )
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    return staged, info


def restore_register(
    data_dir: Path,
    source: Path,
    *,
    authorize: Callable[[Path], str],
    now: datetime | None = None,
    passphrase: Callable[[], str] | None = None,
) -> RestoreResult:
    """Replace the data folder's register with the verified backup ``source``.

    ``authorize(staged_copy)`` must check that the person may restore (against the current register, or the
    backup itself when the current one cannot be opened) and return their user name; it raises to refuse.
    """
    moment = now or datetime.now()
    source = Path(source)
    sealed = Path(str(source) + RECOVERY_SUFFIX)
    typed: str | None = None
    if passphrase is not None and sealed.exists() and not Path(str(source) + KEY_SUFFIX).exists():
        typed = passphrase()
        unseal(sealed.read_bytes(), typed)  # a wrong passphrase is refused before anything is replaced
    private_dir(data_dir)
    writer_lock.acquire(data_dir, RESTORING, wait=writer_lock.WAIT_SECONDS)
    try:
        clear_stale_parts(data_dir)
        clear_stale_parts(backups_dir(data_dir))
        staged, info = stage_backup(data_dir, source)
        try:
            username = authorize(staged)
            live = db_path(data_dir)
            lacking = lacking_in(staged, live)
            carried = _carry_counters(live, staged)
            _pull_own_records(staged)
            expected = inspect_register(staged).counts
            saved = _save_current(data_dir, live, moment)
            _write_into(staged, live)
            after = inspect_register(live)
            if after.integrity != "ok" or after.counts != expected:
                raise RuntimeError(f"Pemulihan gagal diverifikasi; register sebelumnya tersimpan di {saved}.")
        finally:
            staged.unlink(missing_ok=True)
        key_restored, saved_key = _restore_key(data_dir, source, moment, typed)
    finally:
        writer_lock.release(data_dir)
    return RestoreResult(
        source, saved, key_restored, saved_key, info.revision, info.counts, username, carried, lacking
    )


RESTORING = "pemulihan register (ppid-desk restore)"


def _pull_own_records(staged: Path) -> None:
    """The restored register's next sync pulls this desk's own records too: it pushed some after the backup was
    made, and its pulls otherwise leave out what the desk pushed (it is supposed to hold them)."""
    target = connect(staged)
    try:
        if target.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'"
        ).fetchone():
            target.execute(
                "INSERT INTO sync_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (PULL_OWN_KEY, json.dumps({"v": True})),
            )
            target.commit()
    finally:
        target.close()


def _carry_counters(live: Path, staged: Path) -> dict[str, int]:
    """Keep the highest numbers ever issued where they are ahead of the backup's counters.

    Numbers issued after the backup was made may already be on receipts in people's hands; restoring the older
    counters would issue them a second time. The marks are read from the current register and from every
    register an earlier restore replaced (``backups/sebelum-pulih-*``): when the current one is missing or
    unreadable, or was itself restored from an old backup, those still know what was issued. Returns the
    counters that were raised.
    """
    ahead: dict[str, int] = {}
    for path in [live, *sorted(backups_dir(live.parent).glob(PRE_RESTORE))]:
        if not path.is_file():
            continue
        try:
            current = connect(path)
            try:
                marks = high_water(current)
            finally:
                current.close()
        except sqlite3.DatabaseError:
            continue  # unreadable: nothing to carry from it (its raw copy is kept)
        for key, value in marks.items():
            ahead[key] = max(ahead.get(key, 0), value)
    target = connect(staged)
    raised: dict[str, int] = {}
    try:
        target.execute("BEGIN IMMEDIATE")
        restored = dict(target.execute("SELECT key, value FROM counters").fetchall())
        for key, value in ahead.items():
            if int(value) > int(restored.get(key, 0)):
                target.execute(
                    "INSERT INTO counters(key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, int(value)),
                )
                raised[str(key)] = int(value)
        target.execute("COMMIT")
    finally:
        target.close()
    return raised


def _save_current(data_dir: Path, live: Path, moment: datetime) -> Path | None:
    if not live.exists():
        return None
    target = backups_dir(data_dir) / f"sebelum-pulih-{stamp(moment)}.sqlite3"
    serial = 1
    while target.exists() or target.with_suffix(".rusak").exists():  # two restores in one second: keep both
        serial += 1
        target = backups_dir(data_dir) / f"sebelum-pulih-{stamp(moment)}-{serial}.sqlite3"
    private_dir(target.parent)
    try:
        atomic_copy(live, target)
    except sqlite3.DatabaseError:
        # The current file is damaged (that is often why one restores): keep its raw bytes instead.
        target = target.with_suffix(".rusak")
        shutil.copy2(live, target)
        wal = Path(str(live) + "-wal")
        if wal.exists():
            shutil.copy2(wal, Path(str(target) + "-wal"))
        tighten(target, Path(str(target) + "-wal"))
    return target


def _write_into(staged: Path, live: Path) -> None:
    """Overwrite the live register with the staged copy through the backup API (WAL-safe for other readers);
    fall back to replacing the file when the live one is too damaged to be written into."""
    if live.exists():
        try:
            src = connect(staged)
            dst = connect(live)
            try:
                src.backup(dst)
            finally:
                dst.close()
                src.close()
            return
        except sqlite3.DatabaseError:
            pass
    part = part_of(live)
    shutil.copy2(staged, part)
    with open(part, "rb+") as handle:
        os.fsync(handle.fileno())
    for suffix in ("-wal", "-shm"):
        Path(str(live) + suffix).unlink(missing_ok=True)
    os.replace(part, live)
    fsync_dir(live.parent)


def _restore_key(
    data_dir: Path, source: Path, moment: datetime, passphrase: str | None = None
) -> tuple[bool, Path | None]:
    """The backup's key becomes the live one: ``FILE.key`` as it is, or ``FILE.key.recovery`` unsealed with the
    recovery passphrase (the sealed file is kept too, so later backups stay sealed)."""
    key_file = Path(str(source) + KEY_SUFFIX)
    sealed_file = Path(str(source) + RECOVERY_SUFFIX)
    if key_file.exists():
        new_key = key_file.read_bytes()
    elif sealed_file.exists() and passphrase is not None:
        new_key = unseal(sealed_file.read_bytes(), passphrase)
        write_private(recovery_path(data_dir / "keys"), sealed_file.read_bytes())
    else:
        return False, None
    current = data_dir / "keys" / KEY_FILE_NAME
    saved: Path | None = None
    if current.exists():
        if current.read_bytes() == new_key:
            return True, None
        saved = backups_dir(data_dir) / f"pii-sebelum-pulih-{stamp(moment)}.key"
        write_private(saved, current.read_bytes())
    write_private(current, new_key)
    return True, saved

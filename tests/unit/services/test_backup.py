"""Backup of the register: a verified, self-contained copy plus the PII key beside it, refused when unsafe."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.errors import PermissionDenied, ValidationError
from app.paths import db_path
from app.services.backup import BackupService, copy_database, inspect_register, table_counts
from app.services.context import Actor
from app.services.desk import DeskServices
from db.models import AuditEntry


@pytest.fixture
def service(desk: DeskServices) -> BackupService:
    return BackupService(desk.ctx)


@pytest.fixture
def registered(desk: DeskServices, admin: Actor, walk_in: Callable[..., dict[str, Any]]) -> list[str]:
    return [
        desk.register.receive(admin, walk_in(information=f"Dokumen anggaran {i}")).number for i in range(3)
    ]


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "cadangan"
    folder.mkdir()
    return folder


def _counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        return table_counts(connection)
    finally:
        connection.close()


def test_backup_is_a_verified_single_file_with_the_key(
    service: BackupService, desk: DeskServices, supervisor: Actor, registered: list[str], out_dir: Path
) -> None:
    target = out_dir / "r.sqlite3"
    result = service.backup(supervisor, target)
    assert result.integrity == "ok"
    assert result.counts["requests"] == 3
    assert result.counts == _counts(target)
    assert result.counts == _counts(db_path(desk.ctx.data_dir))  # nothing written since
    assert sorted(p.name for p in out_dir.iterdir()) == ["r.sqlite3", "r.sqlite3.key"]  # no -wal, no .part
    connection = sqlite3.connect(target)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    connection.close()
    assert result.key_path is not None
    assert result.key_path.read_bytes() == (desk.ctx.data_dir / "keys" / "pii.key").read_bytes()
    assert stat.S_IMODE(result.key_path.stat().st_mode) == 0o600
    assert inspect_register(target).is_register


def test_backup_is_audited_and_the_copy_contains_that_entry(
    service: BackupService, desk: DeskServices, admin: Actor, out_dir: Path
) -> None:
    target = out_dir / "r.sqlite3"
    service.backup(admin, target)
    with desk.ctx.db.reader() as session:
        entries = [
            (a.username, dict(a.details))
            for a in session.scalars(select(AuditEntry).where(AuditEntry.action == "backup"))
        ]
    assert entries == [("admin", {"target": str(target)})]
    connection = sqlite3.connect(target)
    assert connection.execute("SELECT count(*) FROM audit_log WHERE action = 'backup'").fetchone()[0] == 1
    connection.close()


def test_officer_may_not_back_up(service: BackupService, officer: Actor, out_dir: Path) -> None:
    with pytest.raises(PermissionDenied):
        service.backup(officer, out_dir / "r.sqlite3")
    assert list(out_dir.iterdir()) == []


def test_backup_refuses_to_overwrite(
    service: BackupService, desk: DeskServices, admin: Actor, out_dir: Path
) -> None:
    existing = out_dir / "r.sqlite3"
    existing.write_bytes(b"penting")
    with pytest.raises(ValidationError):
        service.backup(admin, existing)
    assert existing.read_bytes() == b"penting"
    with pytest.raises(ValidationError):
        service.backup(admin, db_path(desk.ctx.data_dir))
    with pytest.raises(ValidationError):
        service.backup(admin, out_dir / "tidak-ada" / "r.sqlite3")


def test_default_target_is_in_the_backups_folder(service: BackupService, desk: DeskServices) -> None:
    assert service.default_target().parent == desk.ctx.data_dir / "backups"


def test_copy_database_counts_the_snapshot_it_copied(
    desk: DeskServices, registered: list[str], out_dir: Path
) -> None:
    counts = copy_database(db_path(desk.ctx.data_dir), out_dir / "c.sqlite3")
    assert counts == _counts(out_dir / "c.sqlite3")


def test_inspect_register_tells_registers_from_other_files(tmp_path: Path) -> None:
    other = tmp_path / "lain.sqlite3"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE catatan (x)")
    connection.commit()
    connection.close()
    info = inspect_register(other)
    assert not info.is_register and "requests" in info.missing_tables
    garbage = tmp_path / "sampah.bin"
    garbage.write_bytes(b"bukan sqlite" * 500)
    with pytest.raises(ValidationError):
        inspect_register(garbage)


def test_backup_while_the_desk_keeps_registering(
    service: BackupService,
    desk: DeskServices,
    admin: Actor,
    walk_in: Callable[..., dict[str, Any]],
    registered: list[str],
    out_dir: Path,
) -> None:
    """The online backup reads one snapshot; intakes committed meanwhile are simply not in it."""
    import threading

    failures: list[BaseException] = []

    def keep_registering() -> None:
        try:
            for i in range(15):
                desk.register.receive(admin, walk_in(information=f"Permohonan saat pencadangan {i}"))
        except BaseException as exc:  # surfaced below: a thread's exception would otherwise vanish
            failures.append(exc)

    writer = threading.Thread(target=keep_registering)
    writer.start()
    results = [service.backup(admin, out_dir / f"r{i}.sqlite3") for i in range(3)]
    writer.join()
    assert failures == []
    for result in results:
        assert result.integrity == "ok"
        assert result.counts == _counts(result.path)
        numbers = sqlite3.connect(result.path)
        seqs = [s for (s,) in numbers.execute("SELECT seq FROM requests ORDER BY seq")]
        counter = numbers.execute("SELECT value FROM counters WHERE key = 'request:2026'").fetchone()[0]
        numbers.close()
        assert seqs == list(range(1, len(seqs) + 1)) and counter == len(seqs) >= 3

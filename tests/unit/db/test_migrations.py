"""Alembic migrations: from an empty file, from the previous revision with data in it, and agreement between
the models and the migrated schema (a model change without a migration would fail here)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

from app.domain.permissions import Role
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.register_query import RegisterFilter
from db.engine import Database
from db.migrate import current_revision, head_revision, upgrade
from db.models import Base, Event, Office, Request, Requester

PREVIOUS = "0001"
NOW = datetime(2026, 3, 16, 10, 0)


def _database(folder: Path) -> tuple[Database, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "register.sqlite3"
    return Database(path), path


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _triggers(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}


def test_upgrade_from_empty_to_head(tmp_path: Path) -> None:
    db, path = _database(tmp_path)
    try:
        saved = upgrade(db.engine, path, backup_dir=tmp_path / "backups")
        assert saved is None  # nothing to save in a brand-new file
        assert current_revision(db.engine) == head_revision()
        assert set(Base.metadata.tables) <= _tables(path)
        assert "request_search" in _tables(path)
        assert {"events_no_update", "events_no_delete", "audit_log_no_update", "requests_no_delete"} <= (
            _triggers(path)
        )
        assert not (tmp_path / "backups").exists()
        assert upgrade(db.engine, path) is None  # already at head: a no-op, no backup
    finally:
        db.dispose()


def test_models_match_migrated_schema(tmp_path: Path) -> None:
    db, path = _database(tmp_path)
    try:
        upgrade(db.engine, path)
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn,
                opts={
                    "compare_type": True,
                    "include_name": lambda name, kind, parent: (
                        not (kind == "table" and name is not None and name.startswith("request_search"))
                    ),
                },
            )
            differences = compare_metadata(context, Base.metadata)
            conn.rollback()
        assert differences == []
    finally:
        db.dispose()


def _seed_previous_revision(path: Path) -> Database:
    """A register at revision 0001 holding an office, a requester, a request and its first event, with the PII
    key every desk of that revision wrote beside it (a set-up register without its key is refused)."""
    from app.services.pii import PiiVault

    PiiVault.open(path.parent / "keys", create=True)
    db = Database(path)
    upgrade(db.engine, path, revision=PREVIOUS)
    assert current_revision(db.engine) == PREVIOUS
    with Session(db.engine) as session, session.begin():
        session.add(
            Office(
                id=1,
                code="CPJ",
                name="Kecamatan Cipocok Jaya",
                parent_name="PEMERINTAH KOTA SERANG",
                city="Serang",
                address="",
                phone="",
                email="",
                website="",
                postal_code="",
                kop_lines=["PEMERINTAH KOTA SERANG"],
                desk_letter="A",
                request_template="{office}/{year}/{desk}-{seq:04d}",
                objection_template="KEB/{office}/{year}/{desk}-{seq:03d}",
                letter_template="{classification}/{seq}/{unit}/{month_roman}/{year}",
                letter_classification="000",
                letter_unit="KEC",
                created_at=NOW,
                updated_at=NOW,
            )
        )
        session.add(
            Requester(
                id="req-1",
                kind="perorangan",
                name="Siti Aminah Lama",
                address="Serang",
                phone="+6281234567890",
                version=1,
                created_at=NOW,
                updated_at=NOW,
            )
        )
        session.flush()
        session.add(
            Request(
                id="rq-1",
                number="CPJ/2026/A-0001",
                office_code="CPJ",
                desk_letter="A",
                year=2026,
                seq=1,
                received_at=NOW,
                channel="datang_langsung",
                requester_id="req-1",
                documents=[],
                information="Salinan anggaran pemeliharaan drainase",
                purpose="Pengawasan warga",
                obtain_method="salinan_softcopy",
                delivery_method="email",
                status="diproses",
                completed_at=NOW,
                missing_items=[],
                due_response=date(2026, 4, 7),
                due_current=date(2026, 4, 7),
                deadlines={},
                received_by="admin",
                version=1,
                created_at=NOW,
                updated_at=NOW,
            )
        )
        session.flush()
        session.add(
            Event(
                id="ev-1",
                request_id="rq-1",
                kind="receive",
                at=NOW,
                recorded_at=NOW,
                username="admin",
                summary="Permohonan diterima",
                data={},
            )
        )
    return db


def test_upgrade_from_previous_revision_keeps_data_and_saves_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    _seed_previous_revision(path).dispose()

    desk = DeskServices.open(tmp_path, clock=lambda: NOW)
    try:
        assert current_revision(desk.ctx.db.engine) == head_revision()
        saved = desk.migration_backup
        assert saved is not None and saved.exists()
        assert saved.parent == tmp_path / "backups"
        assert PREVIOUS in saved.name
        with sqlite3.connect(saved) as copy:
            assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (PREVIOUS,)
            assert copy.execute("SELECT number FROM requests").fetchall() == [("CPJ/2026/A-0001",)]
            assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        admin = Actor("u", "admin", "Admin", Role.ADMIN)
        view = desk.register.get(admin, "CPJ/2026/A-0001")
        assert view.requester.name == "Siti Aminah Lama"
        assert view.information == "Salinan anggaran pemeliharaan drainase"
        assert [e.summary for e in view.events] == ["Permohonan diterima"]
        assert desk.office.profile().code == "CPJ"
    finally:
        desk.close()


def test_requests_from_previous_revision_are_searchable_after_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    _seed_previous_revision(path).dispose()
    desk = DeskServices.open(tmp_path, clock=lambda: NOW)
    try:
        admin = Actor("u", "admin", "Admin", Role.ADMIN)
        assert desk.query.count(admin, RegisterFilter(text="drainase")) == 1
    finally:
        desk.close()


def test_indexes_exist_after_migration(tmp_path: Path) -> None:
    db, path = _database(tmp_path)
    try:
        upgrade(db.engine, path)
        indexes = {ix["name"] for ix in inspect(db.engine).get_indexes("requests")}
        assert {"ix_requests_status_due", "ix_requests_received_at", "ix_requests_due_current"} <= indexes
        with db.engine.connect() as conn:
            unique = conn.execute(text("PRAGMA index_list(requests)")).fetchall()
            conn.rollback()
        assert any(row[2] == 1 for row in unique)  # the number is unique
    finally:
        db.dispose()


def test_reopening_a_current_register_makes_no_backup(tmp_path: Path) -> None:
    first = DeskServices.open(tmp_path, clock=lambda: NOW)
    first.close()
    again = DeskServices.open(tmp_path, clock=lambda: NOW)
    try:
        assert again.migration_backup is None
        assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())
    finally:
        again.close()


def test_register_from_a_newer_version_is_refused_clearly(tmp_path: Path) -> None:
    from app.errors import DeskError

    DeskServices.open(tmp_path, clock=lambda: NOW).close()
    with sqlite3.connect(tmp_path / "register.sqlite3") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(DeskError) as refused:
        DeskServices.open(tmp_path, clock=lambda: NOW)
    assert "versi" in str(refused.value)


def test_head_revision_constant_matches_the_migration_scripts() -> None:
    """Start-up compares the stored revision with this constant to avoid loading Alembic on every start."""
    from db.migrate import HEAD_REVISION, head_revision

    assert head_revision() == HEAD_REVISION


@pytest.mark.slow  # a real Python child process
def test_opening_a_current_register_does_not_load_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    DeskServices.open(tmp_path, clock=lambda: NOW).close()
    code = (
        "import sys; from pathlib import Path; from app.services.desk import DeskServices;"
        f"DeskServices.open(Path({str(tmp_path)!r})).close();"
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_failed_pre_migration_copy_leaves_no_file_under_its_name(tmp_path: Path) -> None:
    """A copy that fails (here: the source is no database; in life, a kill or a full disk mid-copy) must not leave
    a half-written file named like a good safety copy."""
    import sqlite3 as sqlite

    from db.migrate import backup_file

    source = tmp_path / "register.sqlite3"
    source.write_bytes(b"bukan basis data " * 512)
    target = tmp_path / "backups" / "sebelum-migrasi-0007-20260316-100000.sqlite3"
    with pytest.raises(sqlite.DatabaseError):
        backup_file(source, target)
    assert not target.exists() and not list(target.parent.glob("*.part"))

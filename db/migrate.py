"""Bring a register file to the current schema, after saving a copy of it.

A migration that fails half-way on an office's only register would be a disaster, so before any upgrade the
file is copied with SQLite's online backup API into ``<data dir>/backups/`` and the copy is verified.

Every start of the app passes through here, so the common case (the file is already at ``HEAD_REVISION``) is
answered with one plain query; Alembic and its scripts are loaded only when a migration is due. A test keeps
``HEAD_REVISION`` equal to the scripts' head.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from app.errors import RegisterTooNew
from db.private import private_dir, private_file

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
HEAD_REVISION = "0011"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def known_revisions() -> set[str]:
    """Every schema revision this program's migrations know (loads Alembic)."""
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def refuse_newer(db_path: Path) -> None:
    """Raise ``RegisterTooNew`` if the register at ``db_path`` was written by a newer PPID Desk.

    Read through a read-only connection before the desk's own engine touches the file (that one switches it
    to WAL), so a refused register is left exactly as it was. Costs one small query on every start; Alembic
    is loaded only when the stored revision is not this program's head."""
    if not db_path.is_file():
        return
    try:
        with closing(sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True)) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:  # no revision table yet, or not a database: the normal opening reports it
        return
    if row is None or row[0] == HEAD_REVISION:
        return
    if str(row[0]) not in known_revisions():
        raise RegisterTooNew(too_new_message(db_path, str(row[0]), head_revision()))


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The stored schema revision (None for a new, empty file), read without loading Alembic."""
    with engine.connect() as connection:
        try:
            rev = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError:  # no alembic_version table yet
            rev = None
        connection.rollback()
        return str(rev) if rev is not None else None


def too_new_message(db_path: Path, revision: str, known_head: str) -> str:
    """What an officer reads when the register comes from a newer PPID Desk (GUI and CLI alike)."""
    from app import __version__

    return (
        f"Register {db_path} dibuat oleh versi PPID Desk yang lebih baru (revisi skema {revision}); "
        f"PPID Desk {__version__} di komputer ini hanya mengenal sampai revisi {known_head}. "
        "Register tidak dibuka dan tidak diubah. Pasang versi PPID Desk yang sama atau lebih baru "
        "dengan yang terakhir memakai register ini, lalu buka kembali."
    )


def backup_file(source: Path, target: Path) -> Path:
    """Copy a live SQLite file consistently (online backup API) and check the copy's integrity.

    Written as ``NAME.PID.part``, synced and renamed only once checked, so a migration killed mid-copy leaves
    no half-written copy under the real name (the part file is removed by the next backup or restore)."""
    private_dir(target.parent)
    part = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        src = sqlite3.connect(source)
        dst = sqlite3.connect(private_file(part))
        try:
            src.backup(dst)
            result = dst.execute("PRAGMA integrity_check").fetchone()
        finally:
            dst.close()
            src.close()
        if not result or result[0] != "ok":
            raise RuntimeError(f"Salinan cadangan {target} rusak: {result}")
        with open(part, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    return target


def upgrade(
    engine: Engine, db_path: Path, *, backup_dir: Path | None = None, revision: str = "head"
) -> Path | None:
    """Upgrade to ``revision``; returns the pre-migration backup path (None for a new, empty file)."""
    current = current_revision(engine)
    if revision == "head" and current == HEAD_REVISION:
        return None
    from alembic import command

    target = head_revision() if revision == "head" else revision
    if current == target:
        return None
    if current is not None and current not in known_revisions():
        raise RegisterTooNew(too_new_message(db_path, current, head_revision()))
    saved: Path | None = None
    if current is not None and db_path.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        folder = backup_dir or db_path.parent / "backups"
        saved = backup_file(db_path, folder / f"sebelum-migrasi-{current}-{stamp}.sqlite3")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return saved

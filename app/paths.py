"""Where a desk keeps its files. Everything lives in one data folder so backup and --data-dir are simple."""

from __future__ import annotations

import os
from pathlib import Path

from app.osenv import user_data_dir

DATA_FOLDER_NAME = "ppid-desk"  # also named by the Windows installer, which must never touch it
DB_FILE_NAME = "register.sqlite3"


def default_data_dir() -> Path:
    """``PPID_DESK_DATA_DIR`` if set, else the platform's per-user data folder."""
    override = os.environ.get("PPID_DESK_DATA_DIR")
    return Path(override) if override else user_data_dir(DATA_FOLDER_NAME)


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_FILE_NAME


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def logs_dir(data_dir: Path) -> Path:
    return data_dir / "logs"

"""Writing to a closed register with plain SQL, as a damaged disk or someone with a SQLite editor would: what
the integrity check, the audit chain and the tamper tests must catch."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.paths import db_path


def run_sql(data_dir: Path, *statements: str) -> None:
    connection = sqlite3.connect(db_path(data_dir))
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()

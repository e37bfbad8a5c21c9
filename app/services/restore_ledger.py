"""What a restore loses and what it must keep: the entries a backup lacks, and the highest numbers ever issued.

Shared by ``restore`` (app/services/restore.py: listed, numbers reserved) and ``check``
(app/services/integrity_restores.py: the register compared with every register a restore replaced).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.services.backup import connect


def high_water(connection: sqlite3.Connection) -> dict[str, int]:
    """The highest number ever issued per counter: the counter, or a higher sequence stored (a counter can be
    behind its register only by damage, and then the register's own numbers are what people hold)."""
    marks = {str(k): int(v) for k, v in connection.execute("SELECT key, value FROM counters")}
    for kind, table in (("request", "requests"), ("objection", "objections")):
        for year, top in connection.execute(f"SELECT year, max(seq) FROM {table} GROUP BY year"):
            key = f"{kind}:{year}"
            marks[key] = max(marks.get(key, 0), int(top))
    return marks


#: What a backup can lack, by kind: the query of each entry's id and its number (a letter without one: its id).
_KINDS = {
    "requests": "SELECT id, number FROM requests",
    "objections": "SELECT id, number FROM objections",
    "letters": "SELECT id, coalesce(number, kind || ' ' || id) FROM issued_letters",
}


def entries(path: Path) -> dict[str, dict[str, str]]:
    connection = connect(path)
    try:
        found: dict[str, dict[str, str]] = {}
        for kind, query in _KINDS.items():
            try:
                found[kind] = {str(i): str(n) for i, n in connection.execute(query)}
            except sqlite3.DatabaseError:
                found[kind] = {}
        return found
    finally:
        connection.close()


def lacking_in(staged: Path, live: Path) -> dict[str, list[str]]:
    """The entries of the current register ``live`` that the backup ``staged`` does not have (by id), by kind,
    as numbers."""
    if not live.exists():
        return {}
    try:
        current = entries(live)
    except sqlite3.DatabaseError:
        return {}  # unreadable: its raw copy is kept; nothing can be listed
    restored = entries(staged)
    lacking = {
        kind: sorted(number for id_, number in rows.items() if id_ not in restored[kind])
        for kind, rows in current.items()
    }
    return {kind: numbers for kind, numbers in lacking.items() if numbers}

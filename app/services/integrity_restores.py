"""``ppid-desk check`` after a restore: no number issued twice, none about to be.

Why: a restore under a running intake once let the desk issue 5–15 numbers a second time, to other people,
while ``check`` said the register was sound (it only looked at the register itself). Every restore leaves the
register it replaced in ``backups/sebelum-pulih-*.sqlite3``; those copies are the record of what was issued.
Against each, this check reports a number that now belongs to another entry (issued twice), a counter below
the highest number the copy had issued (the next intake would issue it again), and, for information, the
numbers that were lost with the restore and stay reserved (to be re-entered by hand from that copy).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.paths import backups_dir

PRE_RESTORE = "sebelum-pulih-*.sqlite3"
_TABLES = {"requests": "permohonan", "objections": "keberatan"}


def _ids(connection: sqlite3.Connection, table: str) -> dict[str, str]:
    return {str(n): str(i) for i, n in connection.execute(f"SELECT id, number FROM {table}")}


def restore_findings(connection: sqlite3.Connection, data_dir: Path) -> tuple[list[str], list[str]]:
    """(problems, reserved numbers) of the register on ``connection`` against every pre-restore copy."""
    from app.services.backup import connect
    from app.services.restore_ledger import high_water

    problems: list[str] = []
    reserved: list[str] = []
    marks = high_water(connection)
    current = {table: _ids(connection, table) for table in _TABLES}
    for copy in sorted(backups_dir(data_dir).glob(PRE_RESTORE)):
        try:
            before = connect(copy)
            try:
                old_marks = high_water(before)
                old = {table: _ids(before, table) for table in _TABLES}
            finally:
                before.close()
        except sqlite3.DatabaseError:
            continue  # a damaged copy (kept raw as .rusak anyway): nothing to compare
        for key, value in sorted(old_marks.items()):
            if marks.get(key, 0) < value:
                problems.append(
                    f"penghitung {key} = {marks.get(key, 0)} di bawah nomor tertinggi yang pernah terbit "
                    f"{value} ({copy.name}): nomor berikutnya akan terbit dua kali"
                )
        for table, label in _TABLES.items():
            for number, id_ in sorted(old[table].items()):
                now = current[table].get(number)
                if now is None:
                    reserved.append(number)
                elif now != id_:
                    problems.append(f"nomor {label} {number} terbit dua kali (lihat {copy.name})")
    return problems, sorted(set(reserved))

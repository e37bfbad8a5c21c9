"""The audit log as a hash chain, and the seals that tie each register record to it.

Why: the register file is an ordinary SQLite file; anyone with ``sqlite3`` can drop the append-only triggers and
edit a request, delete an audit row, an event or a whole request. The chain makes such edits *evident*:

* every audit entry gets one link in ``audit_chain`` (``seq`` 1, 2, 3 … without gaps) holding the SHA-256 of the
  audit row's canonical JSON, the digest of the seals it carries and the hash of the previous link; the link's
  own hash covers all of these, so removing or changing any entry breaks every link after it;
* each commit that touched a register record (request, keberatan, requester, issued letter, or a timeline
  event, which seals its parent record) writes a *seal* per record into ``audit_seals`` on the commit's last
  link: the hash of the record's row as it stands at commit, and for requests and keberatan the digest and count
  of their timeline events. ``ppid-desk check`` compares the latest seal with the row as it is now.

Which records a commit touched is learnt from TEMP triggers on the writer's connection (``install``), so every
write path is covered, ORM or Core, single intent or ``WriteBatch``, sync apply included; the chain is extended
just before the connection commits (``seal_commit``, called from ``db/engine.py``). Hashes are computed from raw
SQLite values on the raw ``sqlite3`` connection, the same way ``verify`` reads them, so a value means the same
bytes on both sides. The head of the chain is sent to the city server at every sync (``/anchor``) so a register
rewritten from the start (or cut at the end) no longer matches the copy the city holds.

Canonical JSON: keys sorted, no spaces, UTF-8; bytes as hex. Hashes are stored as 32-byte BLOBs.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

GENESIS = "0" * 64
SYSTEM_USER = "sistem"
SEAL_ACTION = "record_seal"
START_ACTION = "audit_chain_start"

#: record kind → (table, column on ``events`` pointing to it, or None when the record has no timeline)
RECORDS: dict[str, tuple[str, str | None]] = {
    "request": ("requests", "request_id"),
    "objection": ("objections", "objection_id"),
    "requester": ("requesters", None),
    "letter": ("issued_letters", None),
}
TABLE_KIND = {table: kind for kind, (table, _) in RECORDS.items()}

SCHEMA = (
    "CREATE TABLE audit_chain (seq INTEGER NOT NULL PRIMARY KEY, audit_id INTEGER NOT NULL, "
    "entry_hash BLOB NOT NULL, seals_hash BLOB NOT NULL, prev_hash BLOB NOT NULL, hash BLOB NOT NULL)",
    "CREATE TABLE audit_seals (chain_seq INTEGER NOT NULL, record TEXT NOT NULL, record_id TEXT NOT NULL, "
    "row_hash BLOB NOT NULL, events_hash BLOB, events_count INTEGER, "
    "PRIMARY KEY (record, record_id, chain_seq)) WITHOUT ROWID",
    "CREATE UNIQUE INDEX ix_audit_chain_audit_id ON audit_chain (audit_id)",
    "CREATE INDEX ix_audit_seals_chain_seq ON audit_seals (chain_seq)",
    # the heads the city server has acknowledged (what ``check`` holds the local chain to)
    "CREATE TABLE audit_anchors (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, seq INTEGER NOT NULL, "
    "hash TEXT NOT NULL, anchored_at TEXT NOT NULL, server TEXT NOT NULL DEFAULT '')",
)
GUARDED = ("audit_chain", "audit_seals", "audit_anchors")


def guard_statements() -> Iterator[str]:
    for table in GUARDED:
        for operation in ("UPDATE", "DELETE"):
            yield (
                f"CREATE TRIGGER {table}_no_{operation.lower()} BEFORE {operation} ON {table} BEGIN SELECT "
                f"RAISE(ABORT, '{table}: {operation} tidak diizinkan (catatan tidak boleh dihapus/diubah)'); END"
            )


def canonical(value: Any) -> bytes:
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_plain
    ).encode()


def _plain(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    raise TypeError(f"not canonical: {type(value).__name__}")


def digest(value: Any) -> str:
    return hashlib.sha256(canonical(value)).hexdigest()


def _row(conn: sqlite3.Connection, table: str, column: str, value: Any) -> dict[str, Any] | None:
    cursor = conn.execute(f"SELECT * FROM {table} WHERE {column} = ?", (value,))
    found = cursor.fetchone()
    if found is None:
        return None
    return {d[0]: v for d, v in zip(cursor.description, found, strict=True)}


def audit_hash(conn: sqlite3.Connection, audit_id: int) -> str | None:
    """The hash of audit entry ``audit_id`` as stored now (None when the row is gone)."""
    row = _row(conn, "audit_log", "id", audit_id)
    return None if row is None else digest(row)


def record_state(
    conn: sqlite3.Connection, kind: str, record_id: str
) -> tuple[str, str | None, int | None] | None:
    """(row hash, events digest, event count) of a record now; None when its row is gone."""
    table, event_column = RECORDS[kind]
    row = _row(conn, table, "id", record_id)
    if row is None:
        return None
    if event_column is None:
        return digest(row), None, None
    cursor = conn.execute(f"SELECT * FROM events WHERE {event_column} = ? ORDER BY id", (record_id,))
    names = [d[0] for d in cursor.description]
    events = [digest(dict(zip(names, values, strict=True))) for values in cursor]
    return digest(row), digest(events), len(events)


def seals_digest(seals: Iterable[tuple[str, str, str, str | None, int | None]]) -> str:
    return digest(sorted([list(seal) for seal in seals]))


def link_hash(seq: int, audit_id: int, entry_hash: str, seals_hash: str, prev_hash: str) -> str:
    return digest(
        {"seq": seq, "audit_id": audit_id, "entry": entry_hash, "seals": seals_hash, "prev": prev_hash}
    )


def head(conn: sqlite3.Connection) -> tuple[int, int, str]:
    """(seq, audit id, hash) of the chain's last link; (0, 0, GENESIS) for an empty chain."""
    found = conn.execute("SELECT seq, audit_id, hash FROM audit_chain ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, 0, GENESIS) if found is None else (int(found[0]), int(found[1]), bytes(found[2]).hex())


# ------------------------------------------------------------------ writing


TOUCH_TABLE = "chain_touched"


def install(conn: sqlite3.Connection) -> bool:
    """Create this connection's TEMP record of touched rows and its triggers (once per connection).
    False while the register has no chain yet (before migration 0009)."""
    if conn.execute(f"SELECT 1 FROM sqlite_temp_master WHERE name = '{TOUCH_TABLE}'").fetchone():
        return True
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit_chain'").fetchone():
        return False
    conn.execute(
        f"CREATE TEMP TABLE {TOUCH_TABLE} (record TEXT, record_id TEXT, PRIMARY KEY (record, record_id))"
    )
    sources = [(table, kind, "NEW.id") for kind, (table, _) in RECORDS.items()]
    sources += [("events", "request", "NEW.request_id"), ("events", "objection", "NEW.objection_id")]
    for index, (table, kind, value) in enumerate(sources):
        for operation in ("INSERT", "UPDATE"):
            conn.execute(
                f"CREATE TEMP TRIGGER chain_touch_{index}_{operation.lower()} AFTER {operation} ON main.{table} "
                f"WHEN {value} IS NOT NULL BEGIN INSERT OR IGNORE INTO {TOUCH_TABLE} VALUES ('{kind}', {value}); END"
            )
    return True


def _now() -> str:
    return datetime.now().strftime("%Y-%m-%d %H:%M:%S.%f")


def seal_commit(conn: sqlite3.Connection) -> None:
    """Extend the chain over every audit entry not yet in it and seal the records this transaction touched.
    Runs inside the committing transaction, so the links and seals commit with the change or not at all."""
    if not conn.execute(f"SELECT 1 FROM sqlite_temp_master WHERE name = '{TOUCH_TABLE}'").fetchone():
        return
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit_chain'").fetchone():
        return  # downgraded below the chain on this connection
    touched = conn.execute(
        f"SELECT record, record_id FROM {TOUCH_TABLE} ORDER BY record, record_id"
    ).fetchall()
    seq, last_audit, prev = head(conn)
    pending = [
        int(r[0]) for r in conn.execute("SELECT id FROM audit_log WHERE id > ? ORDER BY id", (last_audit,))
    ]
    if not pending and not touched:
        return
    if touched and not pending:
        # a change without an audit entry of its own (e.g. records pulled from the city): recorded as such
        cursor = conn.execute(
            "INSERT INTO audit_log (at, username, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)",
            (_now(), SYSTEM_USER, SEAL_ACTION, "register", None, json.dumps({"records": len(touched)})),
        )
        pending = [int(cursor.lastrowid or 0)]
    extend(conn, pending, [(str(k), str(i)) for k, i in touched], seq, prev)
    conn.execute(f"DELETE FROM {TOUCH_TABLE}")


def extend(
    conn: sqlite3.Connection, audit_ids: list[int], records: list[tuple[str, str]], seq: int, prev: str
) -> tuple[int, str]:
    """Append one link per audit id; the records' seals ride on the last link. Returns the new head."""
    for position, audit_id in enumerate(audit_ids):
        seq += 1
        seals: list[tuple[str, str, str, str | None, int | None]] = []
        if position == len(audit_ids) - 1:
            for kind, record_id in records:
                state = record_state(conn, kind, record_id)
                if state is not None:
                    seals.append((kind, record_id, *state))
        conn.executemany(
            "INSERT INTO audit_seals (chain_seq, record, record_id, row_hash, events_hash, events_count) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (seq, kind, rid, bytes.fromhex(row), bytes.fromhex(events) if events else None, count)
                for kind, rid, row, events, count in seals
            ],
        )
        entry = audit_hash(conn, audit_id) or GENESIS
        sealed = seals_digest(seals)
        current = link_hash(seq, audit_id, entry, sealed, prev)
        conn.execute(
            "INSERT INTO audit_chain (seq, audit_id, entry_hash, seals_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)",
            (
                seq,
                audit_id,
                bytes.fromhex(entry),
                bytes.fromhex(sealed),
                bytes.fromhex(prev),
                bytes.fromhex(current),
            ),
        )
        prev = current
    return seq, prev


def start(conn: sqlite3.Connection) -> None:
    """Start the chain on an existing register (migration 0009): link every audit entry in id order, then one
    start entry sealing every record as it stands (what the register held when the chain began)."""
    ids = [int(r[0]) for r in conn.execute("SELECT id FROM audit_log ORDER BY id")]
    records = [
        (kind, str(r[0]))
        for kind, (table, _) in RECORDS.items()
        for r in conn.execute(f"SELECT id FROM {table} ORDER BY id")
    ]
    if not ids and not records:
        return  # a new, empty register: its chain starts with its first entry
    cursor = conn.execute(
        "INSERT INTO audit_log (at, username, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)",
        (_now(), SYSTEM_USER, START_ACTION, "register", None, json.dumps({"entries": len(ids)})),
    )
    extend(conn, [*ids, int(cursor.lastrowid or 0)], records, 0, GENESIS)

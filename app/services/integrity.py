"""``ppid-desk check``: is this data folder's register sound?

Read-only by design (it never migrates or writes), so it can be run on a register that something is wrong
with. Each check says what it looked at; any failure makes the command exit 1.

Checks: SQLite ``integrity_check`` and ``foreign_key_check``; the schema revision equals this version's Alembic
head; every yearly counter is at least the highest sequence issued that year (else the next intake would reuse
a number); every request has its ``receive`` timeline event; the PII key file opens EVERY stored NIK (and its lookup
hash matches), with the count of those it cannot; against every register a restore replaced, no number issued
twice and no counter below a number already issued (app/services/integrity_restores.py); the audit chain
(``db/chain.py``): its links, the audit entries they cover, the seal of every register record against the record as it is now (edits, deleted requests
and timeline events, records added behind the desk's back), gaps in the desk's number sequences, and the chain
head last anchored at the city server. Each of these names the first bad entry.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.paths import db_path
from app.services.pii import KEY_FILE_NAME

SAMPLE = 10  # how many offending records a check names before summarising


@dataclass(frozen=True)
class CheckItem:
    name: str
    ok: bool
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "ok": self.ok, "detail": self.detail}


@dataclass(frozen=True)
class CheckReport:
    path: Path
    items: list[CheckItem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(item.ok for item in self.items)

    @property
    def problems(self) -> list[CheckItem]:
        return [item for item in self.items if not item.ok]

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "ok": self.ok, "checks": [item.to_dict() for item in self.items]}


def _names(values: list[str], total: int) -> str:
    shown = ", ".join(values[:SAMPLE])
    return shown + (f" (dan {total - SAMPLE} lainnya)" if total > SAMPLE else "")


def _integrity(connection: sqlite3.Connection) -> CheckItem:
    rows = [str(r[0]) for r in connection.execute("PRAGMA integrity_check")]
    ok = rows == ["ok"]
    return CheckItem("integrity_check", ok, "ok" if ok else "; ".join(rows[:SAMPLE]))


def _foreign_keys(connection: sqlite3.Connection) -> CheckItem:
    rows = connection.execute("PRAGMA foreign_key_check").fetchall()
    if not rows:
        return CheckItem("foreign_key_check", True, "semua rujukan antar-tabel utuh")
    shown = [f"{table} baris {rowid} → {parent}" for table, rowid, parent, _ in rows]
    return CheckItem("foreign_key_check", False, "rujukan putus: " + _names(shown, len(rows)))


def _revision(connection: sqlite3.Connection) -> CheckItem:
    from db.migrate import head_revision

    head = head_revision()
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    current = row[0] if row else None
    if current == head:
        return CheckItem("revisi_skema", True, f"revisi {current} (terbaru)")
    return CheckItem(
        "revisi_skema",
        False,
        f"revisi {current}, seharusnya {head}; buka aplikasi sekali agar migrasi berjalan",
    )


def _counters(connection: sqlite3.Connection) -> CheckItem:
    """This desk's yearly counters against the numbers it issued itself (``chain_verify.own_sequences``):
    records pulled from other desks carry their own desk's sequence, which this desk's counter never issued."""
    from db.chain_verify import own_sequences

    counters = dict(connection.execute("SELECT key, value FROM counters").fetchall())
    behind: list[str] = []
    for kind in ("request", "objection"):
        for year, seqs in sorted(own_sequences(connection, kind).items()):
            value, top = int(counters.get(f"{kind}:{year}", 0)), max(seqs)
            if value < top:
                behind.append(f"{kind}:{year} = {value} < nomor urut tertinggi {top}")
    if behind:
        return CheckItem("penghitung_nomor", False, "penghitung tertinggal: " + _names(behind, len(behind)))
    return CheckItem("penghitung_nomor", True, f"{len(counters)} penghitung, tidak ada yang tertinggal")


def _receive_events(connection: sqlite3.Connection) -> CheckItem:
    missing = [
        str(r[0])
        for r in connection.execute(
            "SELECT number FROM requests r WHERE NOT EXISTS "
            "(SELECT 1 FROM events e WHERE e.request_id = r.id AND e.kind = 'receive') ORDER BY number"
        )
    ]
    total = int(connection.execute("SELECT count(*) FROM requests").fetchone()[0])
    if missing:
        return CheckItem(
            "peristiwa_penerimaan",
            False,
            "permohonan tanpa catatan penerimaan: " + _names(missing, len(missing)),
        )
    return CheckItem("peristiwa_penerimaan", True, f"{total} permohonan, semuanya punya catatan penerimaan")


def _restores(connection: sqlite3.Connection, data_dir: Path) -> CheckItem:
    """Against the registers replaced by restores (app/services/integrity_restores.py)."""
    from app.services.integrity_restores import restore_findings

    problems, reserved = restore_findings(connection, data_dir)
    if problems:
        return CheckItem("pemulihan", False, _names(problems, len(problems)))
    if reserved:
        return CheckItem(
            "pemulihan",
            True,
            f"{len(reserved)} nomor hilang karena pemulihan, tetap dicadangkan (catat ulang dari salinan "
            f"sebelum-pulih di backups/): " + _names(reserved, len(reserved)),
        )
    return CheckItem("pemulihan", True, "tidak ada nomor yang terbit dua kali")


def _pii_key(connection: sqlite3.Connection, key_file: Path) -> CheckItem:
    """Every encrypted NIK is opened (not a sample): a key replaced for a while leaves the NIKs taken in
    between unreadable under the original key, and only a full pass finds them."""
    from app.errors import KeyUnavailable
    from app.services.pii import PiiVault, unreadable_tokens

    rows = connection.execute(
        "SELECT r.id, r.nik_encrypted, r.nik_hash FROM requesters r WHERE r.nik_encrypted IS NOT NULL "
        "ORDER BY r.rowid"
    ).fetchall()
    if not rows:
        return CheckItem("kunci_data_pribadi", True, "belum ada NIK tersimpan")
    if not key_file.exists():
        return CheckItem(
            "kunci_data_pribadi", False, f"{key_file} tidak ada: {len(rows)} NIK tidak dapat dibuka"
        )
    try:
        vault = PiiVault.open(key_file.parent)
    except KeyUnavailable:
        return CheckItem("kunci_data_pribadi", False, f"{key_file} bukan kunci yang sah")
    bad = unreadable_tokens(rows, vault)
    if bad:
        names = [f"{number or '(tanpa permohonan)'}" for number in _numbers_of(connection, bad[:SAMPLE])]
        return CheckItem(
            "kunci_data_pribadi",
            False,
            f"kunci tidak cocok: {len(bad)} dari {len(rows)} NIK tidak dapat dibuka dengan {key_file}; "
            "pemohon pada " + _names(names, len(bad)),
        )
    return CheckItem("kunci_data_pribadi", True, f"kunci membuka semua {len(rows)} NIK tersimpan")


def _numbers_of(connection: sqlite3.Connection, requester_ids: list[str]) -> list[str]:
    """The first registration number of each requester (how an officer finds the record)."""
    found = []
    for requester_id in requester_ids:
        row = connection.execute(
            "SELECT min(number) FROM requests WHERE requester_id = ?", (requester_id,)
        ).fetchone()
        found.append(str(row[0]) if row and row[0] else requester_id)
    return found


def _chain_items(connection: sqlite3.Connection) -> list[CheckItem]:
    from db import chain_verify

    if not connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit_chain'").fetchone():
        return [CheckItem("rantai_audit", False, "register belum memiliki rantai audit (jalankan migrasi)")]
    links_found, links = chain_verify.verify_links(connection)
    items = [
        _finding(
            "rantai_audit", links_found, f"{links} mata rantai utuh, semua entri audit ada dan tidak berubah"
        ),
        _finding(
            "segel_catatan", chain_verify.verify_seals(connection), "semua catatan cocok dengan segelnya"
        ),
        _finding("urutan_nomor", chain_verify.verify_numbers(connection), "tidak ada nomor urut yang hilang"),
    ]
    anchor = chain_verify.verify_anchor(connection, links)
    items.append(_finding("jangkar_server", anchor, "rantai memuat kepala terakhir yang dicatat server kota"))
    return items


def _finding(name: str, found: Any, healthy: str) -> CheckItem:
    if not found.count:
        return CheckItem(name, True, healthy)
    more = f" (dan {found.count - len(found.problems)} lainnya)" if found.count > len(found.problems) else ""
    return CheckItem(name, False, "pertama: " + "; ".join(found.problems) + more)


def check_register(data_dir: Path) -> CheckReport:
    """Run every check on ``data_dir``'s register without writing to it."""
    path = db_path(data_dir)
    if not path.exists():
        return CheckReport(path, [CheckItem("berkas", False, f"register {path} tidak ada")])
    from db.engine import read_only_reason, read_only_uri

    # A read-only or full disk needs the immutable form to open a WAL register at all (db/engine.py).
    uri = read_only_uri(path) if read_only_reason(path) else f"file:{path}?mode=ro"
    connection = sqlite3.connect(uri, uri=True, isolation_level=None)
    try:
        try:
            first = _integrity(connection)
        except sqlite3.DatabaseError as exc:
            return CheckReport(
                path, [CheckItem("integrity_check", False, f"berkas tidak dapat dibaca: {exc}")]
            )
        items = [first]
        for check in (_foreign_keys, _revision, _counters, _receive_events):
            try:
                items.append(check(connection))
            except sqlite3.DatabaseError as exc:
                items.append(CheckItem(check.__name__.strip("_"), False, f"tidak dapat diperiksa: {exc}"))
        try:
            items.append(_restores(connection, data_dir))
        except sqlite3.DatabaseError as exc:
            items.append(CheckItem("pemulihan", False, f"tidak dapat diperiksa: {exc}"))
        try:
            items.append(_pii_key(connection, data_dir / "keys" / KEY_FILE_NAME))
        except sqlite3.DatabaseError as exc:
            items.append(CheckItem("kunci_data_pribadi", False, f"tidak dapat diperiksa: {exc}"))
        try:
            items.extend(_chain_items(connection))
        except sqlite3.DatabaseError as exc:
            items.append(CheckItem("rantai_audit", False, f"tidak dapat diperiksa: {exc}"))
        return CheckReport(path, items)
    finally:
        connection.close()

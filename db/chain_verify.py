"""Reading the audit chain back (``ppid-desk check``): every way a register can be changed behind the desk's
back that the chain and its seals make visible, each finding naming the first bad entry.

Read-only: works on a plain ``sqlite3`` connection opened ``mode=ro``. See ``db/chain.py`` for what is chained.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from db.chain import GENESIS, RECORDS, audit_hash, link_hash, record_state, seals_digest

KIND_LABEL = {"request": "permohonan", "objection": "keberatan", "requester": "pemohon", "letter": "surat"}


@dataclass
class Findings:
    """What one part of the check found: how many, and the first few in register order."""

    problems: list[str] = field(default_factory=list)
    count: int = 0

    def add(self, message: str, limit: int = 10) -> None:
        self.count += 1
        if len(self.problems) < limit:
            self.problems.append(message)


def _hex(value: bytes | None) -> str | None:
    return None if value is None else bytes(value).hex()


def verify_links(conn: sqlite3.Connection) -> tuple[Findings, int]:
    """Walk the chain from the first link: sequence without gaps, each link's previous hash, the link's own hash,
    its seals and the audit entry it covers. Returns the findings and the number of links."""
    found = Findings()
    expected, prev = 1, GENESIS
    links = conn.execute(
        "SELECT seq, audit_id, entry_hash, seals_hash, prev_hash, hash FROM audit_chain ORDER BY seq"
    )
    for seq, audit_id, entry, sealed, prev_hash, own in links:
        entry, sealed, prev_hash, own = (bytes(v).hex() for v in (entry, sealed, prev_hash, own))
        if seq != expected:
            gap = f"#{expected}" if seq - 1 == expected else f"#{expected}–#{seq - 1}"
            found.add(f"rantai putus: mata rantai {gap} hilang (dihapus)")
        elif prev_hash != prev:
            found.add(
                f"rantai putus di mata rantai #{seq} (entri audit #{audit_id}): hash sebelumnya tidak cocok"
            )
        if link_hash(seq, audit_id, entry, sealed, prev_hash) != own:
            found.add(f"mata rantai #{seq} (entri audit #{audit_id}) diubah")
        seals = [
            (str(k), str(i), bytes(r).hex(), _hex(e), c)
            for k, i, r, e, c in conn.execute(
                "SELECT record, record_id, row_hash, events_hash, events_count FROM audit_seals WHERE chain_seq = ?",
                (seq,),
            )
        ]
        if seals_digest(seals) != sealed:
            found.add(f"segel pada mata rantai #{seq} (entri audit #{audit_id}) diubah atau dihapus")
        current = audit_hash(conn, audit_id)
        if current is None:
            found.add(f"entri audit #{audit_id} dihapus (mata rantai #{seq})")
        elif current != entry:
            found.add(f"entri audit #{audit_id} diubah (mata rantai #{seq})")
        expected, prev = seq + 1, own
    outside = conn.execute(
        "SELECT id FROM audit_log WHERE id NOT IN (SELECT audit_id FROM audit_chain) ORDER BY id"
    ).fetchall()
    for (audit_id,) in outside:
        found.add(f"entri audit #{audit_id} di luar rantai (ditambahkan tanpa aplikasi)")
    return found, expected - 1


def _label(conn: sqlite3.Connection, kind: str, record_id: str) -> str:
    if kind in ("request", "objection"):
        row = conn.execute(f"SELECT number FROM {RECORDS[kind][0]} WHERE id = ?", (record_id,)).fetchone()
        if row is not None:
            return f"{KIND_LABEL[kind]} {row[0]}"
    return f"{KIND_LABEL[kind]} {record_id}"


def verify_seals(conn: sqlite3.Connection) -> Findings:
    """Each record as it is now against its latest seal: edited rows, deleted rows, deleted or edited timeline
    events, and records that no seal knows (inserted behind the desk's back)."""
    found = Findings()
    for kind, (table, _) in RECORDS.items():
        latest = conn.execute(
            "SELECT record_id, row_hash, events_hash, events_count, max(chain_seq) FROM audit_seals "
            "WHERE record = ? GROUP BY record_id ORDER BY max(chain_seq)",
            (kind,),
        )
        for record_id, row_hash, events_hash, events_count, seq in latest.fetchall():
            state = record_state(conn, kind, record_id)
            label = _label(conn, kind, record_id)
            if state is None:
                found.add(f"{label} dihapus (terakhir disegel pada mata rantai #{seq})")
                continue
            row_now, events_now, count_now = state
            if row_now != bytes(row_hash).hex():
                found.add(f"{label} diubah di luar aplikasi (tidak cocok dengan segel mata rantai #{seq})")
            if events_now != _hex(events_hash):
                if count_now is not None and events_count is not None and count_now < events_count:
                    found.add(
                        f"{label}: {events_count - count_now} peristiwa dihapus "
                        f"(tersegel {events_count} pada mata rantai #{seq}, kini {count_now})"
                    )
                else:
                    found.add(f"{label}: peristiwa diubah di luar aplikasi (mata rantai #{seq})")
        unsealed = conn.execute(
            f"SELECT id FROM {table} WHERE id NOT IN (SELECT record_id FROM audit_seals WHERE record = ?) "
            "ORDER BY rowid",
            (kind,),
        )
        for (record_id,) in unsealed.fetchall():
            found.add(f"{_label(conn, kind, record_id)} tidak tersegel (ditambahkan di luar aplikasi)")
    return found


#: record kind → (table, the audit action that registers one at this desk)
REGISTERED = {"request": ("requests", "request_receive"), "objection": ("objections", "objection_add")}


def _own(conn: sqlite3.Connection, kind: str) -> list[tuple[int, int, int]]:
    """(year, seq, audit id of the registration) of every record this desk registered itself: with its desk
    letter and an audit entry of its registration here. Records pulled from other desks carry their own desk's
    sequence, and a request routed away keeps this desk's number under another office's code, so neither the
    office code nor the desk letter alone tells."""
    table, action = REGISTERED[kind]
    office = conn.execute("SELECT desk_letter FROM office LIMIT 1").fetchone()
    if office is None:
        return []
    here = {
        str(r[1]): int(r[0])
        for r in conn.execute("SELECT id, entity_id FROM audit_log WHERE action = ?", (action,))
    }
    rows = conn.execute(f"SELECT id, year, seq FROM {table} WHERE desk_letter = ?", office)
    return [(int(year), int(seq), here[str(rid)]) for rid, year, seq in rows if str(rid) in here]


def own_sequences(conn: sqlite3.Connection, kind: str) -> dict[int, set[int]]:
    """Year → the sequence numbers this desk issued itself and still holds (``_own``)."""
    years: dict[int, set[int]] = {}
    for year, seq, _ in _own(conn, kind):
        years.setdefault(year, set()).add(seq)
    return years


def _reserved(conn: sqlite3.Connection, kind: str, own: list[tuple[int, int, int]]) -> dict[int, set[int]]:
    """Numbers a restore left unused on purpose: issued after the backup was made, so kept by the counter and
    never issued again (``restore``'s audit entry names the counters it kept, ``counters_kept``)."""
    reserved: dict[int, set[int]] = {}
    for audit_id, details in conn.execute(
        "SELECT id, details FROM audit_log WHERE action = 'restore' ORDER BY id"
    ):
        try:
            kept = dict(json.loads(details or "{}").get("counters_kept") or {})
        except (ValueError, TypeError, AttributeError):
            continue
        for key, value in kept.items():
            name, _, year = str(key).partition(":")
            if name != kind or not year.isdigit():
                continue
            before = max((seq for y, seq, at in own if y == int(year) and at < int(audit_id)), default=0)
            reserved.setdefault(int(year), set()).update(range(before + 1, int(value) + 1))
    return reserved


def verify_numbers(conn: sqlite3.Connection) -> Findings:
    """The desk's own registration and keberatan numbers run 1, 2, 3 … up to the counter: a number missing in
    between, or below the counter at the end, was issued and is gone (unless a restore reserved it)."""
    found = Findings()
    counters = dict(conn.execute("SELECT key, value FROM counters").fetchall())
    for kind in REGISTERED:
        own = _own(conn, kind)
        years = own_sequences(conn, kind)
        reserved = _reserved(conn, kind, own)
        for key, value in counters.items():
            name, _, counter_year = str(key).partition(":")
            if name == kind and counter_year.isdigit() and int(value) > 0:
                years.setdefault(int(counter_year), set())
        for year, seqs in sorted(years.items()):
            top = max(max(seqs, default=0), int(counters.get(f"{kind}:{year}", 0)))
            missing = sorted(set(range(1, top + 1)) - seqs - reserved.get(year, set()))
            if missing:
                shown = ", ".join(str(n) for n in missing[:10]) + (" …" if len(missing) > 10 else "")
                found.add(f"{KIND_LABEL[kind]} {year}: nomor urut {shown} hilang dari register")
    return found


def verify_anchor(conn: sqlite3.Connection, links: int) -> Findings:
    """The last head the city server acknowledged must still be in the chain, unchanged: a chain rebuilt from
    scratch, or cut after an edit, no longer reaches it."""
    found = Findings()
    row = conn.execute("SELECT seq, hash, anchored_at FROM audit_anchors ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return found
    seq, anchored, at = int(row[0]), str(row[1]), str(row[2])
    link = conn.execute("SELECT hash FROM audit_chain WHERE seq = ?", (seq,)).fetchone()
    if link is None or bytes(link[0]).hex() != anchored or links < seq:
        found.add(f"rantai tidak lagi memuat mata rantai #{seq} yang dicatat server kota pada {at}")
    return found

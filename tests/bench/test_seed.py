"""bench/seed.py must produce a register the desk itself could have written: valid identities, unique numbers,
every status and decision, a complete search index, an intact SQLite file; and its fast bulk path must write
the same register as the public services for the same plan."""

from __future__ import annotations

import json
import sqlite3
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.domain.identity import parse_nik  # noqa: E402
from app.domain.lifecycle import Decision, ObjectionStatus, Status  # noqa: E402
from app.services.pii import PiiVault  # noqa: E402
from bench.fake_people import KECAMATAN  # noqa: E402
from bench.seed import parse_years, seed  # noqa: E402

pytestmark = pytest.mark.slow  # seeds whole registers, three ways

# One busy quarter, ending while some requests are still open, so every status occurs in a small register.
YEARS = parse_years("2026")
UNTIL = datetime(2026, 3, 27, 16, 0)


def _db(data_dir: Path) -> sqlite3.Connection:
    con = sqlite3.connect(data_dir / "register.sqlite3")
    con.row_factory = sqlite3.Row
    return con


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    data_dir = tmp_path_factory.mktemp("seed") / "desk"
    info = seed(data_dir, 300, years=YEARS, until=UNTIL, seed_value=7, mode="fast", progress=10**9)
    return data_dir, info


def test_seed_writes_the_requested_number_of_requests_without_refusals(
    register: tuple[Path, dict[str, Any]],
) -> None:
    data_dir, info = register
    assert info["failed"] == 0, info["errors"]
    con = _db(data_dir)
    numbers = [r[0] for r in con.execute("SELECT number FROM requests")]
    assert len(numbers) == 300
    assert len(set(numbers)) == len(numbers)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    marker = json.loads((data_dir / "bench-seed.json").read_text())
    assert marker["count"] == 300 and marker["complete"] is True


def test_every_status_decision_and_keberatan_state_occurs(register: tuple[Path, dict[str, Any]]) -> None:
    con = _db(register[0])
    statuses = {r[0] for r in con.execute("SELECT DISTINCT status FROM requests")}
    assert statuses == {s.value for s in Status}
    decisions = {
        r[0] for r in con.execute("SELECT DISTINCT decision FROM requests WHERE decision IS NOT NULL")
    }
    assert decisions == {d.value for d in Decision}
    objection_states = {r[0] for r in con.execute("SELECT DISTINCT status FROM objections")}
    assert objection_states >= {ObjectionStatus.REGISTERED.value, ObjectionStatus.DECIDED.value}


def test_counters_numbers_search_index_and_timeline_agree(register: tuple[Path, dict[str, Any]]) -> None:
    con = _db(register[0])
    seqs = [r[0] for r in con.execute("SELECT seq FROM requests WHERE year = 2026 ORDER BY received_at, seq")]
    assert seqs == list(range(1, len(seqs) + 1))  # numbered in order of receipt, no gaps
    counter = con.execute("SELECT value FROM counters WHERE key = 'request:2026'").fetchone()[0]
    assert counter == len(seqs)
    indexed = con.execute(
        "SELECT count(*) FROM requests r JOIN request_search s ON s.rowid = r.rowid AND s.number = r.number"
    ).fetchone()[0]
    assert indexed == 300
    without_receipt = con.execute(
        "SELECT count(*) FROM requests r WHERE NOT EXISTS "
        "(SELECT 1 FROM events e WHERE e.request_id = r.id AND e.kind = 'receive')"
    ).fetchone()[0]
    assert without_receipt == 0


def test_requesters_have_valid_serang_identities(register: tuple[Path, dict[str, Any]]) -> None:
    data_dir, _ = register
    con = _db(data_dir)
    vault = PiiVault.open(data_dir / "keys")
    rows = con.execute("SELECT kind, nik_encrypted, address, phone FROM requesters").fetchall()
    assert {r["kind"] for r in rows} == {"perorangan", "badan_hukum", "kelompok"}
    for row in rows:
        if row["nik_encrypted"]:
            info = parse_nik(vault.decrypt(row["nik_encrypted"]), today=date(2026, 1, 1))
            assert info.warnings == ()
            assert info.province_code == "36"
        assert "Kota Serang" in row["address"]
        assert row["phone"] is None or row["phone"].startswith("+62")
    seen = {name for name, _ in KECAMATAN.values() if any(f"Kec. {name}," in r["address"] for r in rows)}
    assert seen == {name for name, _ in KECAMATAN.values()}


def _snapshot(data_dir: Path) -> dict[str, Any]:
    """What must not depend on the path the seeder took (ids, NIK hashes and wall-clock ids aside)."""
    con = _db(data_dir)
    skip = {"id", "requester_id", "created_at", "updated_at"}
    requests = {}
    for row in con.execute("SELECT * FROM requests"):
        events = con.execute(
            "SELECT kind, at, recorded_at, username, summary, data FROM events WHERE request_id = ? "
            "ORDER BY recorded_at, id",
            (row["id"],),
        ).fetchall()
        who = con.execute(
            "SELECT kind, name, nik_masked, address, phone, email FROM requesters WHERE id = ?",
            (row["requester_id"],),
        ).fetchone()
        requests[row["number"]] = (
            {k: row[k] for k in row.keys() if k not in skip},  # noqa: SIM118 (sqlite3.Row iterates values)
            [tuple(e) for e in events],
            tuple(who),
        )
    objections = {
        r["number"]: {k: r[k] for k in r.keys() if k not in skip | {"request_id"}}  # noqa: SIM118
        for r in con.execute("SELECT * FROM objections")
    }
    search = dict(con.execute("SELECT number, body FROM request_search").fetchall())
    outbox = Counter(
        (entity, action, base, tuple(sorted(json.loads(payload))))  # what each op carries, not only its kind
        for entity, action, base, payload in con.execute(
            "SELECT entity, action, base_version, payload FROM outbox_ops"
        )
    )
    audits = Counter(tuple(r) for r in con.execute("SELECT username, action, entity FROM audit_log"))
    counters = dict(con.execute("SELECT key, value FROM counters").fetchall())
    return {
        "requests": requests,
        "objections": objections,
        "search": search,
        "outbox": outbox,
        "audit": audits,
        "counters": counters,
    }


@pytest.mark.parametrize("mode", ["fast", "bulk"])
def test_batched_paths_write_the_same_register_as_the_services(tmp_path: Path, mode: str) -> None:
    kwargs: dict[str, Any] = {"years": YEARS, "until": UNTIL, "seed_value": 11, "progress": 10**9}
    reference = seed(tmp_path / "services", 60, mode="services", **kwargs)
    batched = seed(tmp_path / mode, 60, mode=mode, batch=25, **kwargs)
    assert reference["failed"] == batched["failed"] == 0
    assert reference["intents"] == batched["intents"]
    assert reference["intents"].get("objection.add", 0) > 0
    expected, actual = _snapshot(tmp_path / "services"), _snapshot(tmp_path / mode)
    for key in expected:
        assert actual[key] == expected[key], key

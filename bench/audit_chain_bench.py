"""What the audit chain costs: bytes per request in the register file and the time ``check`` takes on it.

    python bench/audit_chain_bench.py --data-dir D [--count 2000] [--mode fast|services] [--json]

Seeds ``--count`` requests with their whole lifecycle through ``bench/seed.py`` (``fast``: the services' bulk
path, one transaction per 1,000 requests, so a record is sealed once per batch; ``services``: one transaction
per intent as at the desk, one seal per intent and record touched) into an empty ``D`` (or reuses a register already there), then reports the on-disk bytes of
``audit_chain`` and ``audit_seals`` (SQLite ``dbstat``: pages of the table and its indexes) per request and in
total, the links and seals per request, and the wall and CPU time of ``check``'s chain items (links, seals,
numbers) on the file.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.paths import db_path  # noqa: E402
from bench.common import machine  # noqa: E402
from db import chain_verify  # noqa: E402

TABLES = ("audit_chain", "audit_seals")


def _bytes(conn: sqlite3.Connection, table: str) -> int:
    rows = conn.execute(
        "SELECT sum(pgsize) FROM dbstat WHERE name = ? OR name IN "
        "(SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?)",
        (table, table),
    ).fetchone()
    return int(rows[0] or 0)


def main() -> int:
    parser = argparse.ArgumentParser(description="Biaya rantai audit: byte per permohonan dan waktu check.")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--mode", choices=("fast", "services"), default="fast")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not db_path(args.data_dir).exists():
        seed = Path(__file__).with_name("seed.py")
        subprocess.run(
            [
                sys.executable,
                str(seed),
                "--data-dir",
                str(args.data_dir),
                "--count",
                str(args.count),
                "--mode",
                args.mode,
            ],
            check=True,
        )
    path = db_path(args.data_dir)
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        requests = int(conn.execute("SELECT count(*) FROM requests").fetchone()[0])
        sizes = {table: _bytes(conn, table) for table in TABLES}
        links = int(conn.execute("SELECT count(*) FROM audit_chain").fetchone()[0])
        seals = int(conn.execute("SELECT count(*) FROM audit_seals").fetchone()[0])
        file_bytes = path.stat().st_size
        wall, cpu = time.perf_counter(), time.process_time()
        found, _ = chain_verify.verify_links(conn)
        sealed = chain_verify.verify_seals(conn)
        numbers = chain_verify.verify_numbers(conn)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    result = {
        "requests": requests,
        "links": links,
        "seals": seals,
        "bytes": sizes,
        "chain_bytes_per_request": round(sum(sizes.values()) / max(requests, 1)),
        "file_bytes_per_request": round(file_bytes / max(requests, 1)),
        "check_chain_wall_s": round(wall, 2),
        "check_chain_cpu_s": round(cpu, 2),
        "problems": found.count + sealed.count + numbers.count,
        "machine": machine(),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")
    return 0 if result["problems"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())

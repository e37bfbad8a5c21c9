"""Benchmark: register bytes per request over a full lifecycle (issue 13 item 6, target ≤ 8 kB).

Seeds N varied requests with their lifecycles (``bench/seed.py``), measures the register file (after VACUUM),
pushes the whole outbox to a real city server (the real engine over loopback, no shaping) so every op is
acknowledged and compacted, VACUUMs again and reports bytes per request, with the share of each table (SQLite's
``dbstat``) before and after.

    .venv/bin/python bench/storage_bench.py [--count 2000] [--seed 42] [--sqlite] [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import sqlite3
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.services.desk import DeskServices  # noqa: E402
from app.sync.engine import SyncEngine  # noqa: E402
from app.sync.secrets import MemoryKeyring, TokenStore  # noqa: E402
from bench.common import OFFICE_CODE, OFFICE_NAME  # noqa: E402
from bench.seed import seed  # noqa: E402
from server import admin  # noqa: E402
from server.testing import init_db, live_server, postgres_database  # noqa: E402

TARGET_BYTES = 8_000
UNTIL = datetime(2026, 11, 30, 16, 0)


def measure(path: Path, count: int) -> dict[str, Any]:
    """VACUUM, then the file's bytes per request and each table's (with its indexes) share."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # in WAL mode the VACUUMed pages reach the file here
        size = path.stat().st_size
        tables: dict[str, int] = {}
        try:
            rows = conn.execute(
                "SELECT coalesce(m.tbl_name, d.name), sum(d.pgsize) FROM dbstat d "
                "LEFT JOIN sqlite_master m ON m.name = d.name GROUP BY 1 ORDER BY 2 DESC"
            ).fetchall()
            tables = {str(name): int(b) for name, b in rows}
        except sqlite3.OperationalError:  # SQLite built without dbstat
            pass
    top = dict(list(tables.items())[:8])
    return {
        "file_bytes": size,
        "bytes_per_request": round(size / count),
        "per_request_by_table": {k: round(v / count) for k, v in top.items()},
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--sqlite", action="store_true", help="city server on SQLite instead of PostgreSQL")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ppid-storage-"))
    result: dict[str, Any] = {"count": args.count, "seed": args.seed}
    try:
        info = seed(work / "desk", args.count, years=range(2026, 2027), seed_value=args.seed, until=UNTIL,
                    progress=10**9)  # fmt: skip
        result["intents"] = sum(info["intents"].values())
        register = work / "desk" / "register.sqlite3"
        result["before_sync"] = measure(register, args.count)
        with contextlib.ExitStack() as stack:
            url = (
                f"sqlite:///{work / 'server.sqlite3'}"
                if args.sqlite
                else stack.enter_context(postgres_database())
            )
            engine = init_db(url)
            admin.add_office(engine, OFFICE_CODE, OFFICE_NAME)
            srv = stack.enter_context(live_server(engine))
            desk = DeskServices.open(work / "desk", clock=lambda: datetime(2026, 12, 1, 10))
            sync = SyncEngine(desk.ctx.db, TokenStore(MemoryKeyring()))
            code, _ = admin.new_enroll_code(engine, OFFICE_CODE)
            sync.enroll(srv.url, code)
            report = sync.sync(max_attempts=5, base_delay=0.1)
            result["sync"] = {"ok": report.ok, "pushed": report.pushed, "pending": report.pending}
            desk.close()
            engine.dispose()
        result["after_sync"] = measure(register, args.count)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    after = result["after_sync"]["bytes_per_request"]
    result["target_bytes_per_request"] = TARGET_BYTES
    result["pass"] = after <= TARGET_BYTES and result["sync"]["ok"] and result["sync"]["pending"] == 0
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        b = result["before_sync"]
        print(f"{args.count} permohonan, {result['intents']} tindakan")
        print(f"sebelum sinkron: {b['bytes_per_request']} B/permohonan {b['per_request_by_table']}")
        print(
            f"sesudah sinkron + pemadatan + VACUUM: {after} B/permohonan {result['after_sync']['per_request_by_table']}"
        )
        print(f"target ≤ {TARGET_BYTES} B: {'PASS' if result['pass'] else 'FAIL'}")
    return 0 if result["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())

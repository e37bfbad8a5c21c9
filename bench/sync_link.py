"""Benchmark: N requests with their lifecycles pushed from a desk, then pulled by a fresh desk, through a shaped
loopback link.

Link (bench/faultproxy.py): 64 kbit/s each way, 150 ms one-way delay (300 ms RTT), every connection cut after
256 KB ± 50 % (both directions counted), one cut in five a silent stall instead of a close. The desks are real
registers (the desk's own schema and services) and use the real sync engine; the server is the real FastAPI app on
a throwaway PostgreSQL database (or SQLite with --sqlite).

The register is seeded by ``bench/seed.py``: N varied requests (people, topics, channels) received through
the desk services and lived through their planned lifecycles (completeness, extension, answer, delivery,
closing, keberatan), so the outbox holds what a real desk sends: intakes as whole states, later steps as field
changes. ``--intake-only`` keeps only the intakes in the outbox (bytes per new request).

Reports: lost and duplicated records (target 0/0), wire bytes per request (TCP payload through the proxy, both
directions, HTTP headers included, IP/TCP headers not; target ≤ 600 B with its lifecycle, ≤ 260 B for an
intake alone), and wall time against the bandwidth floor: the payload that has to cross the link in the
dominant direction ÷ 8,000 B/s (target ≤ 1.2×). The payload is counted
at its smallest, whatever the engine does: push = the gzip bodies of the whole outbox in batches of the
server's maximum (500 ops; the best compression), pull = the gzip pages the server sends for the whole scope
in its largest pages (2,000 items, 8 MiB), no HTTP headers, no answers to pushes, nothing lost to faults.
Also reported: the seconds the shaped link was busy in that direction and idle (wall time minus busy).

    .venv/bin/python bench/sync_link.py [--records 10000] [--intake-only] [--sqlite] [--seed 1] [--cut-kb 256]

``--cut-kb`` sets the mean of the cut budget (the link model is unchanged otherwise): an intake-only push of
2,000 requests carries ~520 KB over ~5 connections, so with the default 256 KB most seeds cut none of them;
a smaller mean puts cuts inside the push.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from faultproxy import ConnPlan, Link, ProxyThread, random_cuts  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from app.services.desk import DeskServices  # noqa: E402
from app.sync import state  # noqa: E402
from app.sync.client import SyncClient  # noqa: E402
from app.sync.engine import SyncEngine, SyncReport  # noqa: E402
from app.sync.secrets import MemoryKeyring, TokenStore  # noqa: E402
from bench.common import OFFICE_CODE, OFFICE_NAME  # noqa: E402
from db.models import Request  # noqa: E402
from server import admin  # noqa: E402
from server.models import AppliedOp, Record  # noqa: E402
from server.testing import init_db, live_server, postgres_database  # noqa: E402

RATE_BPS = 64_000
SEED_UNTIL = datetime(2026, 11, 30, 16, 0)


class PushOnly(SyncEngine):
    """The pushing desk measures the upload alone."""

    def _pull(self, *a: Any) -> None:
        pass

    def _repair_stale(self, *a: Any, **k: Any) -> None:
        pass

    def _verify(self, *a: Any) -> None:
        pass


def new_desk(folder: Path, now: datetime) -> DeskServices:
    desk = DeskServices.open(folder, clock=lambda: now)
    if not desk.office.is_initialized():
        desk.office.setup(office_code=OFFICE_CODE, office_name=OFFICE_NAME, admin_username="admin",
                          admin_password="rahasia-bench-1")  # fmt: skip
    return desk


def seed_register(folder: Path, n: int, seed_value: int, intake_only: bool) -> dict[str, int]:
    """``n`` varied requests with their whole lifecycles (``bench/seed.py``: people, topics, channels, answers,
    extensions, keberatan) in a new register at ``folder``; with ``intake_only`` the outbox keeps only the
    intakes (what a desk sends for new requests). Returns the outbox ops by action."""
    from bench.seed import seed

    info = seed(folder, n, years=range(2026, 2027), seed_value=seed_value, until=SEED_UNTIL, progress=10**9)
    if not info["complete"]:
        raise SystemExit(f"seeding failed: {info['errors']}")
    with sqlite3.connect(folder / "register.sqlite3") as conn:
        if intake_only:
            conn.execute("DELETE FROM outbox_ops WHERE action <> 'receive' OR entity <> 'request'")
        return dict(conn.execute("SELECT action, count(*) FROM outbox_ops GROUP BY action").fetchall())


def run_until_done(engine: SyncEngine, budget_s: float) -> tuple[float, int]:
    start, rounds = time.monotonic(), 0
    while time.monotonic() - start < budget_s:
        rounds += 1
        report: SyncReport = engine.sync(max_attempts=50, base_delay=0.25, max_delay=2.0)
        if report.ok:
            break
    return time.monotonic() - start, rounds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=10_000, help="requests seeded (each with its lifecycle)")
    ap.add_argument(
        "--intake-only", action="store_true", help="push only the intakes (bytes per new request)"
    )
    ap.add_argument("--sqlite", action="store_true", help="server on SQLite instead of PostgreSQL")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--read-timeout", type=float, default=4.0)
    ap.add_argument(
        "--page-bytes",
        type=int,
        default=4 * 1024 * 1024,
        help="largest pull page the desk may ask for (JSON before gzip; the engine sizes pages below it)",
    )
    ap.add_argument("--no-faults", action="store_true", help="shaped link without cuts or stalls")
    ap.add_argument(
        "--cut-kb",
        type=int,
        default=256,
        help="mean bytes (KB, both directions) a connection carries before its cut (± 50 %%; one in five a stall)",
    )
    ap.add_argument("--window", type=int, default=None, help="push requests open at once (engine default)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--pull-own", action="store_true",
                    help="the pushing desk pulls its own pushes back (as before issue 15 item 6)")  # fmt: skip
    ap.add_argument(
        "--trace", metavar="FILE", help="write every exchange's timeline (client debug log) to FILE"
    )
    args = ap.parse_args()
    if args.trace:
        import logging

        handler = logging.FileHandler(args.trace, mode="w")
        handler.setFormatter(logging.Formatter("%(threadName)s %(message)s"))
        client_log = logging.getLogger("ppid.sync.client")
        client_log.addHandler(handler)
        client_log.setLevel(logging.DEBUG)
    now = datetime(2026, 12, 1, 10, 0)
    work = Path(tempfile.mkdtemp(prefix="ppid-bench-"))
    results: dict[str, Any] = {"records": args.records}
    try:
        import contextlib

        with contextlib.ExitStack() as stack:
            url = (
                f"sqlite:///{work / 'server.sqlite3'}"
                if args.sqlite
                else stack.enter_context(postgres_database())
            )
            engine = init_db(url)
            admin.add_office(engine, OFFICE_CODE, OFFICE_NAME)
            srv = stack.enter_context(live_server(engine))
            keyring = MemoryKeyring()

            def factory(e: Any, t: str | None) -> SyncClient:
                return SyncClient(
                    e.server_url, token=t, device_id=e.device_id, base_read_timeout=args.read_timeout
                )

            # ---------------- push
            results["outbox_ops"] = seed_register(work / "a", args.records, args.seed, args.intake_only)
            desk_a = new_desk(work / "a", now)
            push = PushOnly(desk_a.ctx.db, TokenStore(keyring), client_factory=factory, batch_cap=200)
            push.push_window = args.window or push.push_window
            code, _ = admin.new_enroll_code(engine, OFFICE_CODE)
            enr = push.enroll(srv.url, code)
            clean_up = clean_push_bytes(desk_a)
            link = Link(rate_bps=RATE_BPS, delay_s=0.15)
            with ProxyThread(srv.port, link=link, planner=planner(args, 0)) as px:
                _repoint(desk_a, enr, px.url)
                t_push, rounds = run_until_done(push, 3 * 3600)
                up = px.stats
            with engine.connect() as conn:
                n_records = conn.execute(
                    select(func.count()).select_from(Record).where(Record.entity == "request")
                ).scalar_one()
                n_applied = conn.execute(select(func.count()).select_from(AppliedOp)).scalar_one()
            results["push"] = {
                "seconds": round(t_push, 1), "rounds": rounds, "bytes_up": up.bytes_up, "bytes_down": up.bytes_down,
                "wire_bytes_per_record": round((up.bytes_up + up.bytes_down) / args.records, 1),
                "up_bytes_per_record": round(up.bytes_up / args.records, 1),
                "clean_payload_bytes": clean_up, "floor_seconds": round(clean_up / (RATE_BPS / 8), 1),
                "ratio_to_floor": round(t_push / (clean_up / (RATE_BPS / 8)), 2),
                "cuts": up.cuts, "stalls": up.stalls, "connections": up.connections,
                "link_busy_seconds": round(up.busy_up, 1), "link_idle_seconds": round(t_push - up.busy_up, 1),
            }  # fmt: skip
            results["server_records"], results["server_applied_ops"] = n_records, n_applied

            # ---------------- the pushing desk's own pull: none of what it pushed comes back (issue 15 item 6)
            own = SyncEngine(
                desk_a.ctx.db, TokenStore(keyring), client_factory=factory, page_bytes=256 * 1024
            )
            if args.pull_own:  # as before: the desk's pull brings its own pushes back
                with desk_a.ctx.db.transaction() as s:
                    state.put(s, state.PULL_OWN_KEY, True)
            with ProxyThread(
                srv.port, link=Link(rate_bps=RATE_BPS, delay_s=0.15), planner=planner(args, 2)
            ) as px:
                _repoint(desk_a, enr, px.url)
                t_own, _rounds = run_until_done(own, 3 * 3600)
                mine = px.stats
            results["own_pull"] = {"seconds": round(t_own, 1), "bytes_up": mine.bytes_up,
                                   "bytes_down": mine.bytes_down, "pull_own": args.pull_own}  # fmt: skip

            # ---------------- pull by a fresh desk
            desk_b = new_desk(work / "b", now)
            pull = SyncEngine(
                desk_b.ctx.db, TokenStore(keyring), client_factory=factory, page_bytes=256 * 1024
            )
            code, _ = admin.new_enroll_code(engine, OFFICE_CODE)
            enr_b = pull.enroll(srv.url, code)
            clean_down = clean_pull_bytes(srv.url, keyring, enr_b)
            link = Link(rate_bps=RATE_BPS, delay_s=0.15)
            with ProxyThread(srv.port, link=link, planner=planner(args, 1)) as px:
                _repoint(desk_b, enr_b, px.url)
                pull.page_bytes = args.page_bytes
                t_pull, rounds = run_until_done(pull, 3 * 3600)
                down = px.stats
            with desk_b.ctx.db.reader() as s:
                got = s.scalar(select(func.count()).select_from(Request)) or 0
                distinct = s.scalar(select(func.count(func.distinct(Request.number)))) or 0
            results["pull"] = {
                "seconds": round(t_pull, 1), "rounds": rounds, "bytes_up": down.bytes_up,
                "bytes_down": down.bytes_down,
                "wire_bytes_per_record": round((down.bytes_up + down.bytes_down) / args.records, 1),
                "down_bytes_per_record": round(down.bytes_down / args.records, 1),
                "clean_payload_bytes": clean_down, "floor_seconds": round(clean_down / (RATE_BPS / 8), 1),
                "ratio_to_floor": round(t_pull / (clean_down / (RATE_BPS / 8)), 2),
                "cuts": down.cuts, "stalls": down.stalls, "connections": down.connections,
                "link_busy_seconds": round(down.busy_down, 1),
                "link_idle_seconds": round(t_pull - down.busy_down, 1),
            }  # fmt: skip
            results["lost"] = args.records - min(n_records, got)
            results["duplicated"] = (n_applied - sum(results["outbox_ops"].values())) + (got - distinct)
            desk_a.close()
            desk_b.close()
            engine.dispose()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        p, q = results["push"], results["pull"]
        print(
            f"records {args.records}: lost {results['lost']}, duplicated {results['duplicated']} (target 0 and 0)"
        )
        o = results["own_pull"]
        print(f"the pushing desk's next sync ({'own pushes pulled back' if o['pull_own'] else 'skip_own'}): "
              f"{o['seconds']} s, {o['bytes_down']} B down, {o['bytes_up']} B up")  # fmt: skip
        for name, r in (("push", p), ("pull", q)):
            print(f"{name}: {r['seconds']} s, floor {r['floor_seconds']} s, ratio {r['ratio_to_floor']}x (≤ 1.2); "
                  f"{r['wire_bytes_per_record']} B/request on the wire (≤ {260 if args.intake_only else 600}); "
                  f"cuts {r['cuts']}, stalls {r['stalls']}; "
                  f"link busy {r['link_busy_seconds']} s, idle {r['link_idle_seconds']} s")  # fmt: skip
    return 0


def planner(args: argparse.Namespace, phase: int) -> Any:
    if args.no_faults:
        return lambda _i: ConnPlan()
    return random_cuts(args.seed + phase, args.cut_kb * 1024, 0.5, 0.2)


def _repoint(desk: DeskServices, enr: Any, url: str) -> None:
    from app.sync import state

    with desk.ctx.db.transaction() as s:
        state.put(s, "enrollment", {**enr.__dict__, "server_url": url})


FLOOR_BATCH_OPS = 500  # the server's max_batch_ops: the largest batch compresses best
FLOOR_PAGE_ITEMS, FLOOR_PAGE_BYTES = 2000, 8 * 1024 * 1024  # the server's largest pull page


def clean_push_bytes(desk: DeskServices) -> int:
    """Bytes of the push bodies of the whole outbox in the largest batches the server takes: the least any
    batching can send (the engine's batches are smaller; what that costs counts against it)."""
    from app.sync import outbox

    with desk.ctx.db.reader() as s:
        ops = outbox.pending(s, 10**9)
    n = FLOOR_BATCH_OPS
    return sum(
        len(SyncClient.encode_push("x" * 36, ops[i : i + n], delta=True, compact=True))
        for i in range(0, len(ops), n)
    )


def clean_pull_bytes(url: str, keyring: MemoryKeyring, enr: Any) -> int:
    """Compressed bytes of the whole scope fetched straight from the server (no link, no faults) in its largest
    pages: the least any paging can receive (what smaller pages cost counts against the engine)."""
    token = keyring.get_password("ppid-desk", enr.device_id)
    total, cursor = 0, ""
    with SyncClient(url, token=token, device_id=enr.device_id) as c:
        while True:
            before = c.bytes_received
            page = c.pull(cursor, limit=FLOOR_PAGE_ITEMS, max_bytes=FLOOR_PAGE_BYTES)
            total += c.bytes_received - before
            cursor = page.next_cursor
            if not page.more:
                return total


if __name__ == "__main__":
    sys.exit(main())

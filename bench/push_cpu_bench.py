"""CPU per pushed op on the server's push path, without HTTP and without concurrency: the figure behind
``bench/server_load.py``'s "server CPU per 1,000 ops", measured so that neighbours on a shared machine change
it little (one thread, one desk, pushes one after another).

A throwaway PostgreSQL database, one enrolled desk, and ``--rounds`` rounds of ``--batches`` push bodies of
``--size`` new requests (``bench/server_load.py``'s bodies: gzip, request state + requester + timeline line),
each checked, parsed and applied through ``PushService.push_request`` as the endpoint does (token read on the
push's own connection). Prints per round the CPU seconds per 1,000 ops of this process (the server's work)
and of the PostgreSQL backends serving it, and the median over the rounds.

    .venv/bin/python bench/push_cpu_bench.py [--rounds 5] [--batches 40] [--size 50] [--gc-threshold N] [--json]

``--gc-threshold``: the garbage collector as in a served worker (``server/collector.py``: what exists after
the warm-up frozen, young collections every N allocations; default the server's ``GC_THRESHOLD``), 0 for the
interpreter's settings (the figures before the served worker tuned its collector).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, text  # noqa: E402

from bench.server_load import batch_body, proc_cpu  # noqa: E402
from server import admin, collector, push_body  # noqa: E402
from server.app import GC_THRESHOLD  # noqa: E402
from server.auth import authenticate_on, bearer_hash  # noqa: E402
from server.push import PushService  # noqa: E402
from server.testing import init_db, postgres_database  # noqa: E402

OFFICE = "3673.01"


def backends_cpu(engine: Engine) -> dict[int, float]:
    """CPU seconds so far of each PostgreSQL backend connected to this database (the engine's pool)."""
    with engine.connect() as conn:
        pids = conn.execute(text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"))
        return {pid: proc_cpu([pid]) for pid in pids.scalars()}


def spent(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU the backends spent in between (one opened meanwhile counts from its start)."""
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in after.items())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--batches", type=int, default=40, help="pushes per round")
    ap.add_argument("--size", type=int, default=50, help="new requests per push")
    ap.add_argument("--gc-threshold", type=int, default=GC_THRESHOLD, help="0: the interpreter's collector")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with postgres_database() as url:
        engine = init_db(url)
        admin.add_office(engine, OFFICE, "Kecamatan Serang")
        code, _ = admin.new_enroll_code(engine, OFFICE)
        desk = admin.enroll(engine, code, request_id="bench-push-cpu")
        pusher = PushService(engine)
        token_hash = bearer_hash(f"Bearer {desk.token}")
        seq = 0

        def bodies(count: int) -> list[bytes]:
            nonlocal seq
            out = [
                batch_body(desk.device_id, OFFICE, "A", seq + i * args.size, args.size) for i in range(count)
            ]
            seq += count * args.size
            return out

        def push(body: bytes) -> None:
            received = push_body.Received(body=body, sha256=hashlib.sha256(body).hexdigest(), gzipped=True)
            _dev, _ops, results = pusher.push_request(
                lambda conn: authenticate_on(conn, engine, token_hash, desk.device_id, "0.1.0"),
                lambda dev: push_body.parse(received, dev, 64 << 20, 500),
            )
            assert all(r.status == "applied" for r in results)

        for body in bodies(5):  # warm-up: imports, validators built, statements prepared
            push(body)
        collector.tune(args.gc_threshold)
        collecting = [0.0, 0.0]  # CPU seconds in the garbage collector, start of the running collection

        def timed(phase: str, _info: dict[str, int]) -> None:
            if phase == "start":
                collecting[1] = time.process_time()
            else:
                collecting[0] += time.process_time() - collecting[1]

        gc.callbacks.append(timed)
        rounds = []
        for number in range(args.rounds):
            work = bodies(args.batches)
            pg0, cpu0, wall0, gc0 = (
                backends_cpu(engine),
                time.process_time(),
                time.perf_counter(),
                collecting[0],
            )
            for body in work:
                push(body)
            cpu1, wall1, pg1 = time.process_time(), time.perf_counter(), backends_cpu(engine)
            ops = args.batches * args.size
            rounds.append({"server": 1000 * (cpu1 - cpu0) / ops, "postgres": 1000 * spent(pg0, pg1) / ops,
                           "wall": 1000 * (wall1 - wall0) / ops, "gc": 1000 * (collecting[0] - gc0) / ops})  # fmt: skip
            if not args.json:
                r = rounds[-1]
                print(f"round {number}: CPU s per 1,000 ops: server {r['server']:.3f}, PostgreSQL "
                      f"{r['postgres']:.3f} (wall {r['wall']:.3f} s; garbage collector {r['gc']:.3f} s)")  # fmt: skip
        engine.dispose()
    median = {k: statistics.median(r[k] for r in rounds) for k in ("server", "postgres", "wall", "gc")}
    load = Path("/proc/loadavg").read_text().split()[:3]
    if args.json:
        print(
            json.dumps(
                {"rounds": rounds, "median": median, "load_average": load, "gc_threshold": args.gc_threshold}
            )
        )
    else:
        print(f"median CPU s per 1,000 ops: server {median['server']:.3f} (garbage collector {median['gc']:.3f}), "
              f"PostgreSQL {median['postgres']:.3f}; "
              f"{args.size} ops per push; gc threshold {args.gc_threshold or 'default'}; load average {' '.join(load)}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

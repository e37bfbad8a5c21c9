"""Benchmark: 100 concurrent desks pushing and pulling against the city server on PostgreSQL.

A throwaway PostgreSQL database (or --db URL) gets 10 kecamatan offices and 100 enrolled desks; the server runs
as ``ppid-server serve --workers N`` in its own processes. Two phases, each on its own fresh records:

* **open loop** (the target): the desks together *offer* --rate (3,100) new-request operations per second. Every desk
  syncs on its own jittered schedule and pushes what accumulated since its last sync (sizes uniform in
  --batch-min..--batch-max, under the desk engine's cap of 200), and pulls one page (≤ 500 items) of its office's
  records after every fifth push (--pull-every). Pushes are sent at their scheduled time whether or not the desk's previous one
  has been answered, and latency is measured from the scheduled time, so a slow server cannot hide its queue
  (no coordinated omission). The applied rate counts until the last answer (send window + drain), so a server
  that falls behind pays for its backlog. PASS: applied ≥ 3,000 ops/s, push p99 ≤ 250 ms, no errors, every op
  applied.
* **closed loop** (saturation): every desk keeps one --closed-batch push in flight (next push when the answer
  comes), same pull mix. Reports the highest applied rate the server sustains; its latency is queueing by
  construction (Little's law: latency ≈ desks × batch ÷ throughput) and is not judged.

Also reported: CPU seconds per 1,000 applied ops of the server workers, of the PostgreSQL backends serving them
and of this load generator (load-independent figures; the machine's load average is printed too). The load
generator speaks minimal HTTP/1.1 over asyncio streams (keep-alive, Content-Length) so that it costs the shared
cores as little as possible; bodies are prepared (gzip, SHA-256) before the clock starts. Pushes name their
whole body's length (``X-PPID-Upload-Length``) as a desk does on a server with ``push_resume``, so the server
keeps every body it takes (``server/uploads.py``); ``--no-resume`` pushes as a desk before that feature.

    .venv/bin/python bench/server_load.py [--rate 3100] [--seconds 20] [--closed-seconds 15] [--workers 2]
        [--desks 100] [--mode both|open|closed] [--no-resume] [--db URL] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import hashlib
import json
import os
import random
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from app.ids import new_id  # noqa: E402
from ppid_protocol.wire import HEADER_UPLOAD_LENGTH  # noqa: E402
from server import admin  # noqa: E402
from server.testing import free_port, init_db, postgres_database  # noqa: E402

RECORD = {
    "office_code": "", "desk_letter": "", "year": 2026, "seq": 0, "number": "", "status": "diproses",
    "channel": "datang_langsung", "received_at": "2026-03-16T10:00:00", "information":
    "Salinan DPA Kecamatan tahun anggaran 2025 beserta rinciannya", "purpose": "Penelitian skripsi",
    "obtain_method": "salinan_softcopy", "delivery_method": "email", "due_response": "2026-03-30",
    "requester": {"id": "", "kind": "perorangan", "name": "Siti Aminah", "nik_masked": "3673********0012",
                  "address": "Jl. Bhayangkara No. 5, Kota Serang", "phone": "+6281234567890"},
}  # fmt: skip
TICK = os.sysconf("SC_CLK_TCK")


def batch_body(device_id: str, office: str, letter: str, start: int, size: int) -> bytes:
    """A gzip push body of ``size`` new-request ops (request state + requester + timeline event each)."""
    ops = []
    for i in range(start, start + size):
        rec = json.loads(json.dumps(RECORD))
        rid = new_id()
        rec.update(
            id=rid, office_code=office, desk_letter=letter, seq=i, number=f"{office}/2026/{letter}{i:06d}"
        )
        rec["requester"]["id"] = new_id()
        ops.append({"seq": i, "op_id": new_id(), "entity": "request", "entity_id": rid, "action": "receive",
                    "base_version": 0, "created_at": "2026-03-16T10:00:00",
                    "payload": {"state": rec, "event": {"id": new_id(), "kind": "receive"}}})  # fmt: skip
    raw = json.dumps({"device_id": device_id, "ops": ops}, separators=(",", ":")).encode()
    return gzip.compress(raw, 6, mtime=0)


class Conn:
    """One keep-alive HTTP/1.1 connection (what a desk's client keeps open); answers must carry Content-Length."""

    def __init__(self, port: int, headers: dict[str, str]) -> None:
        self.port, self.base = port, "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.rw: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def request(
        self, method: str, path: str, body: bytes = b"", extra: str = ""
    ) -> tuple[int, bytes, float]:
        """(status, body, Retry-After seconds or 0)."""
        if self.rw is None:
            self.rw = await asyncio.open_connection("127.0.0.1", self.port)
        reader, writer = self.rw
        writer.write(f"{method} {path} HTTP/1.1\r\nHost: bench\r\n{self.base}{extra}"
                     f"Content-Length: {len(body)}\r\n\r\n".encode() + body)  # fmt: skip
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
        hdrs = {k.lower(): v.strip() for k, _, v in (h.partition(":") for h in head[1:] if h)}
        data = await reader.readexactly(int(hdrs.get("content-length", "0")))
        if hdrs.get("content-encoding") == "gzip":
            data = gzip.decompress(data)
        retry = hdrs.get("retry-after", "0")
        return status, data, float(retry) if retry.isdigit() else 0.0


@dataclass
class Stats:
    applied: int = 0
    offered: int = 0
    unapplied: int = 0
    errors: int = 0
    pulled: int = 0
    shed: int = 0  # answers 503 server_busy (sent again after Retry-After, as a desk does)
    pull_shed: int = 0
    first_error: str | None = None
    push_ms: list[float] = field(default_factory=list)  # every answer, a 503 too, from when it was sent
    deliver_ms: list[float] = field(default_factory=list)  # scheduled → applied, waits and re-sends included
    pull_ms: list[float] = field(default_factory=list)
    last_answer: float = 0.0


@dataclass
class Desk:
    dev: Any
    bodies: list[tuple[int, bytes, str]]  # (ops, gzip body, sha256)
    cursor: str = ""
    pushes: int = 0
    conns: list[Conn] = field(default_factory=list)
    resumable: bool = True  # names the whole body's length, as a desk does on a push_resume server

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.dev.token}", "X-Device-Id": self.dev.device_id,
                "X-App-Version": "0.1.0", "X-PPID-Protocol": "1", "Accept-Encoding": "gzip"}  # fmt: skip


async def push_and_maybe_pull(port: int, desk: Desk, n: int, t_sched: float, stats: Stats) -> None:
    ops, body, sha = desk.bodies[n]
    conn = desk.conns.pop() if desk.conns else Conn(port, desk.headers())
    try:
        sent = t_sched
        while True:
            status, data, retry_after = await conn.request(
                "POST", "/api/sync/v1/push", body,
                f"Content-Type: application/json\r\nContent-Encoding: gzip\r\nX-Body-SHA256: {sha}\r\n"
                + (f"{HEADER_UPLOAD_LENGTH}: {len(body)}\r\n" if desk.resumable else ""),
            )  # fmt: skip
            now = time.monotonic()
            stats.last_answer = max(stats.last_answer, now)
            stats.push_ms.append((now - sent) * 1000)
            if status != 503 or not retry_after:
                break
            stats.shed += 1  # refused before any work: wait as asked (with the desk's jitter), send again
            await asyncio.sleep(retry_after * random.uniform(1.0, 1.5))
            sent = time.monotonic()
        if status != 200:
            stats.errors += 1
            stats.first_error = stats.first_error or f"push {status}: {data[:300]!r}"
            stats.unapplied += ops
            return
        stats.deliver_ms.append((now - t_sched) * 1000)
        done = sum(
            1 for r in json.loads(data)["results"] if r["status"] == "applied" and not r.get("duplicate")
        )
        stats.applied += done
        stats.unapplied += ops - done
        desk.pushes += 1
        if ARGS.pull_every and desk.pushes % ARGS.pull_every == 0:
            t0 = time.monotonic()
            status, data, _retry = await conn.request(
                "GET", f"/api/sync/v1/pull?cursor={desk.cursor}&limit=500&skip_own=true"
            )
            stats.pull_ms.append((time.monotonic() - t0) * 1000)
            if status == 503:
                stats.pull_shed += 1  # the desk asks again at its next sync
            elif status == 200:
                page = json.loads(data)
                desk.cursor, stats.pulled = page["next_cursor"], stats.pulled + len(page["items"])
            else:
                stats.errors += 1
                stats.first_error = stats.first_error or f"pull {status}: {data[:300]!r}"
    except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
        stats.errors += 1
        stats.first_error = stats.first_error or f"{type(exc).__name__}: {exc}"
        conn.rw = None
    desk.conns.append(conn)


async def open_loop(port: int, desks: list[Desk], seconds: float, stats: Stats) -> float:
    """Every desk's pushes evenly spread over the window, each at a random point of its slot (desks never push in
    lock-step); returns the window's start."""
    start = time.monotonic() + 0.5
    schedule: list[tuple[float, Desk, int]] = []
    for desk in desks:
        slot = seconds / len(desk.bodies)
        schedule += [(start + (n + random.random()) * slot, desk, n) for n in range(len(desk.bodies))]
    schedule.sort(key=lambda x: x[0])
    tasks = []
    for t_sched, desk, n in schedule:
        await asyncio.sleep(max(0.0, t_sched - time.monotonic()))
        stats.offered += desk.bodies[n][0]
        tasks.append(asyncio.create_task(push_and_maybe_pull(port, desk, n, t_sched, stats)))
    await asyncio.gather(*tasks)
    return start


async def closed_loop(port: int, desks: list[Desk], seconds: float, stats: Stats) -> float:
    start = time.monotonic()

    async def run(desk: Desk) -> None:
        for n in range(len(desk.bodies)):
            if time.monotonic() - start >= seconds:
                return
            stats.offered += desk.bodies[n][0]
            await push_and_maybe_pull(port, desk, n, time.monotonic(), stats)

    await asyncio.gather(*(run(d) for d in desks))
    return start


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else -1.0


def proc_cpu(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / TICK
    return total


def server_pids(root: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(root)], capture_output=True, text=True).stdout
    return [root, *(int(p) for p in out.split())]


def pg_pids(url: str) -> list[int]:
    import psycopg

    dbname = url.rsplit("/", 1)[1].split("?")[0]
    with psycopg.connect(f"host=127.0.0.1 port=5432 dbname={dbname}") as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", (dbname,)
        ).fetchall()
    return [r[0] for r in rows]


def run_phase(
    name: str, port: int, root_pid: int, url: str, desks: list[Desk], seconds: float
) -> dict[str, Any]:
    stats = Stats()
    pg_before = {p: proc_cpu([p]) for p in pg_pids(url)}
    srv_before, gen_before = proc_cpu(server_pids(root_pid)), time.process_time()
    coro = open_loop if name == "open" else closed_loop
    load_before = loadavg()
    load_samples: list[float] = []

    async def measured() -> float:
        async def sample() -> None:
            while True:
                load_samples.append(loadavg())
                await asyncio.sleep(1.0)

        sampler = asyncio.create_task(sample())
        try:
            return await coro(port, desks, seconds, stats)
        finally:
            sampler.cancel()

    start = asyncio.run(measured())
    # open loop: offered = ops sent ÷ send window; applied = ops applied ÷ (send window + drain), the drain being
    # the time after the window until the last answer (a server that falls behind pays for its backlog here);
    # closed loop: both until the last answer
    drain = max(0.0, stats.last_answer - start - seconds)
    window = max(1e-6, stats.last_answer - start)
    offered_window = seconds if name == "open" else window
    srv = proc_cpu(server_pids(root_pid)) - srv_before
    pg = sum(proc_cpu([p]) - pg_before.get(p, 0.0) for p in pg_pids(url))
    gen = time.process_time() - gen_before
    per_k = 1000 / max(1, stats.applied)
    return {
        "mode": name, "seconds": round(offered_window, 1), "drain_s": round(drain, 2) if name == "open" else None, "offered_ops_per_s": round(stats.offered / offered_window),
        "applied_ops_per_s": round(stats.applied / window), "applied_ops": stats.applied,
        "unapplied_ops": stats.unapplied, "pushes": len(stats.push_ms),
        "push_p50_ms": round(pct(stats.push_ms, 0.5)), "push_p99_ms": round(pct(stats.push_ms, 0.99)),
        "shed_503": stats.shed, "pull_shed_503": stats.pull_shed,
        "deliver_p50_ms": round(pct(stats.deliver_ms, 0.5)), "deliver_p99_ms": round(pct(stats.deliver_ms, 0.99)),
        "loadavg_1min": {"before": load_before, "during_mean": round(sum(load_samples) / max(1, len(load_samples)), 2),
                         "during_max": max(load_samples, default=load_before)},
        "push_max_ms": round(max(stats.push_ms, default=-1)), "pulls": len(stats.pull_ms),
        "pull_p50_ms": round(pct(stats.pull_ms, 0.5)), "pull_p99_ms": round(pct(stats.pull_ms, 0.99)),
        "pulled_items_per_s": round(stats.pulled / window), "errors": stats.errors, "first_error": stats.first_error,
        "cpu_s_per_1000_ops": {"server": round(srv * per_k, 3), "postgres": round(pg * per_k, 3),
                               "load_generator": round(gen * per_k, 3)},
        "loadavg_after": Path("/proc/loadavg").read_text().split()[:3],
    }  # fmt: skip


def loadavg() -> float:
    """The machine's 1-minute load average: on a shared 2-core machine the p99 means little without it."""
    return float(Path("/proc/loadavg").read_text().split()[0])


def admission_stats(log_path: Path) -> dict[str, Any]:
    """What the server's admission logged (server/admission.py, one line per 10 s window under load): how long
    requests waited for a thread versus how long their database work ran."""
    rows = []
    for line in log_path.read_text(errors="replace").splitlines():
        with contextlib.suppress(ValueError):
            row = json.loads(line)
            if row.get("msg") == "admission":
                rows.append(row)
    if not rows:
        return {}
    n = sum(r["requests"] for r in rows)
    return {
        "windows": len(rows), "requests": n,
        "wait_ms_mean": round(sum(r["wait_ms_mean"] * r["requests"] for r in rows) / n, 1),
        "wait_ms_max": max(r["wait_ms_max"] for r in rows),
        "run_ms_mean": round(sum(r["run_ms_mean"] * r["requests"] for r in rows) / n, 1),
        "run_ms_max": max(r["run_ms_max"] for r in rows), "inflight_max": max(r["inflight_max"] for r in rows),
    }  # fmt: skip


def neighbour() -> None:
    """A busy loop: another session's job taking one of the shared cores."""
    while True:
        pass


def prepare(devices: list[Any], rng: random.Random, sizes: list[int], total: int = 0) -> list[Desk]:
    """Every desk's bodies, made before the clock starts: the given sizes, or (``total`` > 0) sizes drawn from
    --batch-min..--batch-max until the desk has ``total`` ops (the last batch trimmed), so the open loop offers
    exactly --rate × --seconds ops."""
    out = []
    for d in devices:
        if total:
            sizes = []
            while sum(sizes) < total:
                sizes.append(min(rng.randint(ARGS.batch_min, ARGS.batch_max), total - sum(sizes)))
        bodies, seq = [], 1
        for size in sizes:
            body = batch_body(d.device_id, d.office.code, d.desk_letter, seq, size)
            bodies.append((size, body, hashlib.sha256(body).hexdigest()))
            seq += size
        out.append(Desk(d, bodies, resumable=not ARGS.no_resume))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--desks", type=int, default=100)
    ap.add_argument("--rate", type=float, default=3100,
                    help="offered ops/s of the open loop, all desks (3,100: applied ≥ 3,000/s then means the last "
                         "answer came within 0.6 s of the end of the send window)")  # fmt: skip
    ap.add_argument("--batch-min", type=int, default=10)
    ap.add_argument("--batch-max", type=int, default=110)
    ap.add_argument("--seconds", type=float, default=20, help="open-loop send window")
    ap.add_argument(
        "--pull-every", type=int, default=5, help="a desk pulls one page after every N-th push (0: never)"
    )
    ap.add_argument("--closed-batch", type=int, default=50)
    ap.add_argument("--closed-seconds", type=float, default=15)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--mode", choices=("both", "open", "closed"), default="both")
    ap.add_argument("--db", help="server database URL (default: a throwaway PostgreSQL database)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--neighbours", type=int, default=0,
                    help="busy-loop processes started for the run: a neighbour taking a core")  # fmt: skip
    ap.add_argument("--max-inflight", type=int, help="server's PPID_MAX_INFLIGHT (default: the server's)")
    ap.add_argument("--max-queue-wait", type=float, help="server's PPID_MAX_QUEUE_WAIT in seconds")
    ap.add_argument(
        "--no-resume",
        action="store_true",
        help="pushes without X-PPID-Upload-Length: the server keeps no body (a desk before push_resume)",
    )
    ap.add_argument("--no-shed", action="store_true",
                    help="no load shedding (limits out of reach): the server as before issue 15 item 9")  # fmt: skip
    global ARGS
    ARGS = args = ap.parse_args()
    rng = random.Random(1)
    with contextlib.ExitStack() as stack:
        url = args.db or stack.enter_context(postgres_database())
        engine = init_db(url)
        offices = [f"3673.{i:02d}" for i in range(1, 11)]
        for code in offices:
            admin.add_office(engine, code, f"Kecamatan {code}")
        devices = []
        for i in range(args.desks):
            code, _ = admin.new_enroll_code(engine, offices[i % len(offices)])
            devices.append(admin.enroll(engine, code, request_id=f"bench-{i:04d}"))
        engine.dispose()
        per_desk = round(args.rate * args.seconds / args.desks)
        port = free_port()
        env = {**os.environ}
        if args.no_shed:
            env.update(PPID_MAX_INFLIGHT="1000000", PPID_MAX_QUEUE_WAIT="1000000")
        if args.max_inflight:
            env["PPID_MAX_INFLIGHT"] = str(args.max_inflight)
        if args.max_queue_wait:
            env["PPID_MAX_QUEUE_WAIT"] = str(args.max_queue_wait)
        (ROOT / "bench" / "out").mkdir(parents=True, exist_ok=True)
        log_path = ROOT / "bench" / "out" / "server_load.server.log"
        server_log = stack.enter_context(log_path.open("w"))
        proc = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "--db", url, "serve", "--port", str(port), "--log-level", "warning",
             "--workers", str(args.workers)],
            stdout=subprocess.DEVNULL, stderr=server_log, env=env,
        )  # fmt: skip
        stack.callback(proc.wait, 30)
        stack.callback(proc.terminate)
        for _ in range(600):
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"http://127.0.0.1:{port}/docs", timeout=2).status_code == 200:
                    break
            time.sleep(0.1)
        results = []
        import multiprocessing

        burners = [multiprocessing.Process(target=neighbour, daemon=True) for _ in range(args.neighbours)]
        for b in burners:
            b.start()
        for burner in burners:
            stack.callback(burner.terminate)
        for name in ("open", "closed"):
            if args.mode in (name, "both"):
                desks = (prepare(devices, rng, [], per_desk) if name == "open"
                         else prepare(devices, rng, [args.closed_batch] * int(args.closed_seconds * 2.5)))  # fmt: skip
                seconds = args.seconds if name == "open" else args.closed_seconds
                results.append(run_phase(name, port, proc.pid, url, desks, seconds))
    out = {"desks": args.desks, "workers": args.workers, "rate": args.rate, "neighbours": args.neighbours,
           "resumable_pushes": not args.no_resume,
           "shedding": "off" if args.no_shed else {"max_inflight": args.max_inflight or "default",
                                                   "max_queue_wait": args.max_queue_wait or "default"},
           "admission": admission_stats(log_path),
           "batch": [args.batch_min, args.batch_max], "closed_batch": args.closed_batch, "phases": results}  # fmt: skip
    checks: dict[str, bool] = {}
    for ph in results:
        if ph["mode"] == "open":
            checks["open loop: applied ops/s >= 3000"] = ph["applied_ops_per_s"] >= 3000
            checks["open loop: push p99 <= 250 ms"] = 0 <= ph["push_p99_ms"] <= 250
        checks[f"{ph['mode']} loop: no errors, every op applied"] = (
            ph["errors"] == 0 and ph["unapplied_ops"] == 0
        )
    out["checks"] = checks
    (ROOT / "bench" / "out").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "out" / "server_load.json").write_text(json.dumps(out, indent=2))
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(
            f"{args.desks} desks, {args.workers} server workers, load average {results[-1]['loadavg_after']}"
        )
        for ph in results:
            cpu = ph["cpu_s_per_1000_ops"]
            drain = "" if ph["drain_s"] is None else f" send window + {ph['drain_s']} s drain"
            load = ph["loadavg_1min"]
            print(f"{ph['mode']:>6} loop: push p99 {ph['push_p99_ms']} ms at load average {load['before']} before, "
                  f"{load['during_mean']} mean / {load['during_max']} max during (1 min); {ph['shed_503']} pushes and "
                  f"{ph['pull_shed_503']} pulls refused busy (503), delivered p50 {ph['deliver_p50_ms']} / p99 "
                  f"{ph['deliver_p99_ms']} ms with their waits and re-sends")  # fmt: skip
            print(f"{ph['mode']:>6} loop: offered {ph['offered_ops_per_s']} ops/s, applied {ph['applied_ops_per_s']} "
                  f"ops/s over {ph['seconds']} s{drain}; push p50 {ph['push_p50_ms']} ms, p99 {ph['push_p99_ms']} ms, "
                  f"max {ph['push_max_ms']} ms ({ph['pushes']} pushes); pull p50 {ph['pull_p50_ms']} ms, p99 "
                  f"{ph['pull_p99_ms']} ms ({ph['pulls']} pulls, {ph['pulled_items_per_s']} items/s); errors "
                  f"{ph['errors']}, unapplied {ph['unapplied_ops']}; CPU s/1000 ops: server {cpu['server']}, "
                  f"PostgreSQL {cpu['postgres']}, load generator {cpu['load_generator']}")  # fmt: skip
            if ph["first_error"]:
                print(f"        first error: {ph['first_error']}")
        if out["admission"]:
            adm = out["admission"]
            print(f"server admission (both phases): wait for a thread mean {adm['wait_ms_mean']} / max "
                  f"{adm['wait_ms_max']} ms, database work mean {adm['run_ms_mean']} / max {adm['run_ms_max']} ms, "
                  f"at most {adm['inflight_max']} admitted at once per worker")  # fmt: skip
        for name, ok in checks.items():
            print(f"{'PASS' if ok else 'FAIL'}  {name}")
    return 0 if all(checks.values()) else 1


ARGS: argparse.Namespace

if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: 100 concurrent desks pushing and pulling against the city server on PostgreSQL.

A throwaway PostgreSQL database (or --db URL) gets 10 kecamatan offices and 100 enrolled desks. The server runs
as ``ppid-server serve`` in its own process(es) (--workers, default 2 on this 2-core machine); the load
generator (asyncio + httpx, one keep-alive connection per desk) has every desk push batches of new-request
operations as fast as answers come (closed loop: the throughput figure), or one batch every --interval seconds
(open loop: the latency figure at a given offered load), and pull its scope after every fifth push. Push bodies are prepared before
the clock starts, so the generator's own gzip work does not count.

Reports applied operations per second (target ≥ 3,000) and push latency p50/p99 (target p99 ≤ 250 ms).

    .venv/bin/python bench/server_load.py [--desks 100] [--batch 50] [--seconds 30] [--workers 2] [--db URL]
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
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from app.ids import new_id  # noqa: E402
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


def batch_body(device_id: str, office: str, letter: str, start: int, size: int) -> bytes:
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


async def desk(url: str, dev: Any, bodies: list[bytes], deadline: float, stats: dict[str, Any],
               interval: float) -> None:  # fmt: skip
    headers = {"Authorization": f"Bearer {dev.token}", "X-Device-Id": dev.device_id, "X-App-Version": "0.1.0",
               "X-PPID-Protocol": "1", "Content-Type": "application/json", "Content-Encoding": "gzip",
               "Accept-Encoding": "gzip"}  # fmt: skip
    cursor = ""
    async with httpx.AsyncClient(base_url=url, timeout=60, headers=headers) as client:
        if interval:
            await asyncio.sleep(random.uniform(0, interval))  # desks do not push in lock-step
        for n, body in enumerate(bodies):
            if time.monotonic() >= deadline:
                return
            t0 = time.monotonic()
            next_at = t0 + interval
            resp = await client.post("/api/sync/v1/push", content=body,
                                     headers={"X-Body-SHA256": hashlib.sha256(body).hexdigest()})  # fmt: skip
            elapsed = time.monotonic() - t0
            if resp.status_code != 200:
                stats["errors"] += 1
                stats.setdefault("first_error", resp.text[:300])
                continue
            results = resp.json()["results"]
            stats["push_ms"].append(elapsed * 1000)
            stats["applied"] += sum(1 for r in results if r["status"] == "applied" and not r.get("duplicate"))
            if n % 5 == 4:
                t0 = time.monotonic()
                page = await client.get("/api/sync/v1/pull", params={"cursor": cursor, "limit": 500})
                stats["pull_ms"].append((time.monotonic() - t0) * 1000)
                if page.status_code == 200:
                    cursor = page.json()["next_cursor"]
            if interval:
                await asyncio.sleep(max(0.0, next_at - time.monotonic()))


def pct(values: list[float], q: float) -> float:
    if not values:
        return -1.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def run(url: str, devices: list[Any], bodies: dict[str, list[bytes]], seconds: float,
              interval: float) -> dict[str, Any]:  # fmt: skip
    stats: dict[str, Any] = {"applied": 0, "errors": 0, "push_ms": [], "pull_ms": []}
    start = time.monotonic()
    await asyncio.gather(
        *(desk(url, d, bodies[d.device_id], start + seconds, stats, interval) for d in devices)
    )
    stats["elapsed"] = time.monotonic() - start
    return stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--desks", type=int, default=100)
    ap.add_argument("--batch", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument(
        "--interval",
        type=float,
        default=0.0,
        help="seconds between one desk's pushes (0 = closed loop, as fast as answers come)",
    )
    ap.add_argument("--db", help="server database URL (default: a throwaway PostgreSQL database)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
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
        per_desk = max(4, int(args.seconds * 3))  # more batches than a desk can send in the time
        bodies = {d.device_id: [batch_body(d.device_id, d.office.code, d.desk_letter, 1 + k * args.batch, args.batch)
                                for k in range(per_desk)] for d in devices}  # fmt: skip
        port = free_port()
        proc = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "--db", url, "serve", "--port", str(port), "--log-level", "warning",
             "--workers", str(args.workers)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ},
        )  # fmt: skip
        stack.callback(proc.wait, 30)
        stack.callback(proc.terminate)
        base = f"http://127.0.0.1:{port}"
        for _ in range(600):
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(base + "/docs", timeout=2).status_code == 200:
                    break
            time.sleep(0.1)
        stats = asyncio.run(run(base, devices, bodies, args.seconds, args.interval))
    out = {
        "desks": args.desks, "batch_ops": args.batch, "interval_s": args.interval, "workers": args.workers, "seconds": round(stats["elapsed"], 1),
        "applied_ops": stats["applied"], "applied_ops_per_s": round(stats["applied"] / stats["elapsed"]),
        "push_requests": len(stats["push_ms"]), "push_p50_ms": round(pct(stats["push_ms"], 0.5)),
        "push_p99_ms": round(pct(stats["push_ms"], 0.99)), "pull_p99_ms": round(pct(stats["pull_ms"], 0.99)),
        "errors": stats["errors"], "first_error": stats.get("first_error"),
    }  # fmt: skip
    checks = {"applied ops/s >= 3000": out["applied_ops_per_s"] >= 3000, "push p99 <= 250 ms": 0 <= out["push_p99_ms"] <= 250,
              "no errors": out["errors"] == 0}  # fmt: skip
    out["checks"] = checks
    (ROOT / "bench" / "out").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "out" / "server_load.json").write_text(json.dumps(out, indent=2))
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(f"{out['desks']} desks, {out['batch_ops']} ops/push, {out['workers']} server workers, {out['seconds']} s: "
              f"{out['applied_ops_per_s']} applied ops/s (target ≥ 3000); push p50 {out['push_p50_ms']} ms, "
              f"p99 {out['push_p99_ms']} ms (target ≤ 250); pull p99 {out['pull_p99_ms']} ms; errors {out['errors']}")  # fmt: skip
        for name, ok in checks.items():
            print(f"{'PASS' if ok else 'FAIL'}  {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())

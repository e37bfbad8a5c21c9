"""Intake commit latency on a large register: how long the officer waits for the number after pressing Simpan.

    python bench/intake_bench.py [--count 100000] [--intakes 200] [--data-dir D] [--in-place]

Times ``register.receive`` for walk-in requests (validation, the ``BEGIN IMMEDIATE`` transaction with counter,
requester, request, timeline, audit, outbox and search index, the fsync'd commit in WAL mode with
``synchronous=FULL``, and the view returned to the screen). About a third of the walk-ins are returning
requesters (same NIK), which takes the "reuse requester" branch. The register is seeded once into bench/out
and copied before every run so the cached one stays at exactly ``--count`` requests.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.services.clock import system_now  # noqa: E402
from app.services.pii import PiiVault  # noqa: E402
from bench.common import CACHE_DIR, ensure_seeded, git_revision, machine, open_desk, summarize  # noqa: E402
from bench.fake_people import PeopleFactory  # noqa: E402
from bench.fake_topics import PURPOSES, pick_topic, request_text  # noqa: E402

TARGET_MEDIAN_MS = 30.0


def copy_register(source: Path, target: Path) -> Path:
    """A private copy (database + PII key) so the timed intakes do not grow the cached register."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    with (
        sqlite3.connect(source / "register.sqlite3") as src,
        sqlite3.connect(target / "register.sqlite3") as dst,
    ):
        src.backup(dst)
    shutil.copytree(source / "keys", target / "keys")
    return target


def returning_requesters(data_dir: Path, rng: random.Random, n: int) -> list[dict[str, Any]]:
    """``n`` requesters already in the register, as the officer would re-type them (same NIK)."""
    vault = PiiVault.open(data_dir / "keys")
    con = sqlite3.connect(data_dir / "register.sqlite3")
    rows = con.execute(
        "SELECT name, nik_encrypted, address, phone, email, occupation FROM requesters "
        "WHERE kind = 'perorangan' ORDER BY random() LIMIT ?",
        (n,),
    ).fetchall()
    con.close()
    return [
        {
            "kind": "perorangan",
            "name": name,
            "nik": vault.decrypt(nik),
            "address": address,
            "phone": phone,
            "email": email,
            "occupation": occupation,
        }
        for name, nik, address, phone, email, occupation in rows
    ]


def walk_ins(data_dir: Path, count: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    people = PeopleFactory(rng)
    regulars = returning_requesters(data_dir, rng, count // 3)
    out = []
    for i in range(count):
        if i % 3 == 0 and regulars:
            requester, documents, kec, kel = regulars.pop(), ["ktp"], "Cipocok Jaya", "Gelam"
        else:
            person = people.individual(date(2023, 1, 1))
            requester, documents, kec, kel = person.data, person.documents, person.kecamatan, person.kelurahan
        out.append(
            {
                "channel": "datang_langsung",
                "complete": rng.random() < 0.8,
                "requester": requester,
                "documents": documents,
                "information": request_text(rng, pick_topic(rng), kec, kel, 2026),
                "purpose": rng.choice(PURPOSES),
                "obtain_method": "salinan_hardcopy",
                "delivery_method": "mengambil_langsung",
            }
        )
    return out


def run(data_dir: Path, intakes: int, seed: int, warmup: int = 5) -> dict[str, Any]:
    payloads = walk_ins(data_dir, intakes + warmup, seed)
    desk, actors = open_desk(data_dir, system_now)
    officer = actors.officers[0]
    wall: list[float] = []
    cpu: list[float] = []
    for i, payload in enumerate(payloads):
        started, cpu_started = time.perf_counter(), time.process_time()
        desk.register.receive(officer, payload)
        if i >= warmup:
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
    desk.close()
    return {"wall": summarize(wall), "cpu": summarize(cpu)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Ukur latensi simpan permohonan (intake) pada register besar."
    )
    parser.add_argument("--count", type=int, default=100_000, help="ukuran register (permohonan)")
    parser.add_argument("--intakes", type=int, default=200)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="register yang sudah diisi (default: cache)"
    )
    parser.add_argument("--in-place", action="store_true", help="tulis langsung ke register, tanpa salinan")
    args = parser.parse_args(argv)
    source = args.data_dir or ensure_seeded(args.count, seed=args.seed)
    data_dir = source if args.in_place else copy_register(source, CACHE_DIR / "intake-run")
    stats = run(data_dir, args.intakes, args.seed)
    wall, cpu = stats["wall"], stats["cpu"]
    verdict = "PASS" if wall["median"] <= TARGET_MEDIAN_MS else "FAIL"
    print(
        f"intake (register.receive, walk-in) pada {args.count} permohonan, n={wall['n']}: "
        f"median {wall['median']:.1f} ms, p95 {wall['p95']:.1f} ms, min {wall['min']:.1f}, "
        f"maks {wall['max']:.1f}  (target median <= {TARGET_MEDIAN_MS:.0f} ms)  {verdict}\n"
        f"  waktu CPU proses: median {cpu['median']:.1f} ms, p95 {cpu['p95']:.1f} ms "
        f"(beban mesin: {machine()['loadavg']})"
    )
    result = {
        "bench": "intake",
        "count": args.count,
        "stats": stats,
        "target_median_ms": TARGET_MEDIAN_MS,
        "verdict": verdict,
        "machine": machine(),
        "revision": git_revision(),
    }
    (CACHE_DIR / "intake-result.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    raise SystemExit(main())

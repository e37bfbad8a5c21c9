"""Register search on a large register: what the officer waits for while typing in the search box.

    python bench/search_bench.py [--count 100000] [--repeat 3] [--data-dir D]

Four kinds of needle, 20 of each, taken from the register itself: a requester's name ("Siti Nurhaliza"), a
full NIK (16 digits), a full registration number, and free text from request texts ("jalan rusak",
"Musrenbang"). One search is what the register view does on every change of the filter:
``RegisterQuery.count`` plus the first page, ``RegisterQuery.rows(..., limit=200)``. Every needle is searched
once to warm the page cache (the desk has been open for a while), then ``--repeat`` times for the timings.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.services.clock import system_now  # noqa: E402
from app.services.pii import PiiVault  # noqa: E402
from app.services.register_query import RegisterFilter  # noqa: E402
from bench.common import CACHE_DIR, ensure_seeded, git_revision, machine, open_desk, summarize  # noqa: E402

TARGET_MEDIAN_MS = 50.0
FREE_TEXT = (
    "jalan rusak", "Musrenbang", "bantuan sosial", "izin usaha", "stunting", "APBD", "data penduduk",
    "drainase", "laporan kegiatan", "bank sampah", "Renja", "rutilahu", "Kecamatan Kasemen", "posyandu",
    "Kelurahan Cipare", "BPNT", "Dokumen Pelaksanaan Anggaran", "demam berdarah", "PBG", "UKL-UPL",
)  # fmt: skip


def needles(data_dir: Path, per_kind: int, seed: int) -> dict[str, list[str]]:
    """Search terms that exist in the register (names, NIKs and numbers are sampled from it)."""
    rng = random.Random(seed)
    con = sqlite3.connect(data_dir / "register.sqlite3")
    names = [r[0] for r in con.execute("SELECT DISTINCT name FROM requesters WHERE kind = 'perorangan'")]
    niks = [r[0] for r in con.execute("SELECT nik_encrypted FROM requesters WHERE nik_encrypted IS NOT NULL")]
    numbers = [r[0] for r in con.execute("SELECT number FROM requests")]
    con.close()
    vault = PiiVault.open(data_dir / "keys")
    return {
        "nama": ["Siti Nurhaliza", "Ahmad Fauzi", "Ujang Suherman"] + rng.sample(names, per_kind - 3),
        "NIK": [vault.decrypt(t) for t in rng.sample(niks, per_kind)],
        "nomor": rng.sample(numbers, per_kind),
        "teks bebas": list(FREE_TEXT[:per_kind]),
    }


def run(data_dir: Path, per_kind: int, repeat: int, seed: int) -> dict[str, Any]:
    terms = needles(data_dir, per_kind, seed)
    desk, actors = open_desk(data_dir, system_now)
    officer = actors.officers[0]
    query = desk.query

    def search(text: str) -> tuple[float, float, float, int]:
        flt = RegisterFilter(text=text)
        c0, t0 = time.process_time(), time.perf_counter()
        total = query.count(officer, flt)
        t1 = time.perf_counter()
        query.rows(officer, flt, limit=200)
        t2, c2 = time.perf_counter(), time.process_time()
        return (t1 - t0) * 1000, (t2 - t1) * 1000, (c2 - c0) * 1000, total

    cold = search(terms["nama"][0])
    for kind_terms in terms.values():
        for text in kind_terms:
            search(text)
    results: dict[str, Any] = {"cold_first_search_ms": round(cold[0] + cold[1], 1)}
    for kind, kind_terms in terms.items():
        both, counts, rows, cpu, hits = [], [], [], [], []
        for _ in range(repeat):
            for text in kind_terms:
                c_ms, r_ms, cpu_ms, total = search(text)
                both.append(c_ms + r_ms)
                counts.append(c_ms)
                rows.append(r_ms)
                cpu.append(cpu_ms)
                hits.append(total)
        results[kind] = {
            "count+rows": summarize(both),
            "cpu": summarize(cpu),
            "count": summarize(counts),
            "rows": summarize(rows),
            "hits_median": sorted(hits)[len(hits) // 2],
            "zero_hit_needles": sum(1 for h in hits if h == 0) // repeat,
        }
    desk.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Ukur kecepatan pencarian register pada register besar.")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--per-kind", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="register yang sudah diisi (default: cache)"
    )
    args = parser.parse_args(argv)
    data_dir = args.data_dir or ensure_seeded(args.count, seed=args.seed)
    results = run(data_dir, args.per_kind, args.repeat, args.seed)
    print(f"pencarian register pada {args.count} permohonan (count + rows limit 200), median per jenis:")
    passed = True
    for kind in ("nama", "NIK", "nomor", "teks bebas"):
        r = results[kind]
        ok = r["count+rows"]["median"] <= TARGET_MEDIAN_MS
        passed &= ok
        print(
            f"  {kind:<11} median {r['count+rows']['median']:7.1f} ms (count {r['count']['median']:.1f} + "
            f"rows {r['rows']['median']:.1f}), p95 {r['count+rows']['p95']:.1f} ms, "
            f"CPU {r['cpu']['median']:.1f} ms, median hasil {r['hits_median']}  {'PASS' if ok else 'FAIL'}"
        )
    print(
        f"  pencarian pertama (cache dingin): {results['cold_first_search_ms']} ms; beban mesin {machine()['loadavg']}"
    )
    verdict = "PASS" if passed else "FAIL"
    print(f"target median <= {TARGET_MEDIAN_MS:.0f} ms per jenis: {verdict}")
    out = {
        "bench": "search",
        "count": args.count,
        "results": results,
        "target_median_ms": TARGET_MEDIAN_MS,
        "verdict": verdict,
        "machine": machine(),
        "revision": git_revision(),
    }
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    (CACHE_DIR / "search-result.json").write_text(json.dumps(out, indent=2), encoding="utf-8")
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())

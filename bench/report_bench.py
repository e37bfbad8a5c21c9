"""Laporan Layanan Informasi Publik benchmark (issue 11): the yearly report of a large register.

Targets (on the seeded 100,000-request register, 2023–2026):
* the yearly figures (``ReportService.figures``, what ``ppid-desk report --format json`` prints): median <= 2 s;
* the yearly PDF (figures + narrative + charts, ``ReportService.pdf``): median <= 5 s.

Also measured, for scale: the figures over the whole register (every one of its requests in one period).

Run: ``.venv/bin/python bench/report_bench.py [--count 100000] [--repeats 5] [--data-dir D] [--json]``
(the register comes from ``bench.common.ensure_seeded``: seeded once under bench/out, then reused). Wall-clock
medians and process CPU time are printed, with the machine's load. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select  # noqa: E402

from bench.common import MutableClock, ensure_seeded, git_revision, machine, open_desk, summarize  # noqa: E402
from db.models import Request  # noqa: E402

TARGETS_MS = {"figures_year": 2000.0, "pdf_year": 5000.0}


def _time(fn: Callable[[], Any], repeats: int) -> tuple[dict[str, float], float, Any]:
    walls, cpu0, result = [], time.process_time(), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        walls.append((time.perf_counter() - start) * 1000)
    return summarize(walls), (time.process_time() - cpu0) * 1000 / repeats, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--data-dir", type=Path, help="a register seeded elsewhere (default: bench/out)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or ensure_seeded(args.count)
    desk, actors = open_desk(data_dir, MutableClock(datetime.now()))
    try:
        with desk.ctx.db.reader() as session:
            years = session.execute(
                select(func.strftime("%Y", Request.received_at), func.count()).group_by(1).order_by(2)
            ).all()
            total = int(session.scalar(select(func.count()).select_from(Request)) or 0)
        year = str(years[-1][0])  # the busiest year
        spv, reports = actors.supervisor, desk.reports
        first, last = min(str(y) for y, _ in years), max(str(y) for y, _ in years)
        results: dict[str, Any] = {}
        fig, cpu, figures = _time(lambda: reports.figures(spv, year), args.repeats)
        results["figures_year"] = {**fig, "cpu_ms": cpu, "requests": figures.requests["total"]}
        pdf, cpu, data = _time(lambda: reports.pdf(spv, year, kind="tahunan"), args.repeats)
        results["pdf_year"] = {**pdf, "cpu_ms": cpu, "bytes": len(data)}
        whole = f"{first}-01-01..{last}-12-31"
        fig_all, cpu, figures_all = _time(lambda: reports.figures(spv, whole), args.repeats)
        results["figures_all"] = {**fig_all, "cpu_ms": cpu, "requests": figures_all.requests["total"]}
    finally:
        desk.close()
    report = {
        "register_requests": total,
        "year": year,
        "results": results,
        "targets_ms": TARGETS_MS,
        "revision": git_revision(),
        "machine": machine(),
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"Register: {total} permohonan; tahun tersibuk {year}; {machine()}")
        for name, r in results.items():
            target = TARGETS_MS.get(name)
            mark = "" if target is None else (" OK" if r["median"] <= target else f" MELEBIHI {target:.0f} ms")
            extra = {k: v for k, v in r.items() if k in ("requests", "bytes")}
            print(
                f"{name:14s} median {r['median']:8.1f} ms  p95 {r['p95']:8.1f} ms  "
                f"CPU {r['cpu_ms']:8.1f} ms {extra}{mark}"
            )
    missed = [n for n, t in TARGETS_MS.items() if results[n]["median"] > t]
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())

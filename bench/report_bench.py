"""Laporan Layanan Informasi Publik benchmark (issue 11): the yearly report of a large register.

Targets (on the seeded 100,000-request register, 2023–2026):
* the yearly figures (``ReportService.figures``, what ``ppid-desk report --format json`` prints): median <= 2 s;
* the yearly PDF (figures + narrative + charts, ``ReportService.pdf``): median <= 5 s.

* ``--laporan``: the workstation's Laporan page (``ui/reports/page.py``) opening on the busiest year until its
  figures and the narrative are on screen (offscreen Qt): median <= 500 ms; and ``laporan_shown``, the time until
  the page itself is on screen as in the window (its read on a worker thread), for comparison.

Also measured, for scale: the figures over the whole register (every one of its requests in one period).

Run: ``.venv/bin/python bench/report_bench.py [--count 100000] [--repeats 5] [--data-dir D] [--laporan] [--json]``
(the register comes from ``bench.common.ensure_seeded``: seeded once under bench/out, then reused). Wall-clock
medians and process CPU time are printed, with the machine's load. Exit status 1 when a target is missed.

``--replicate K``: where seeding 100,000 requests through the services takes too long (about an hour on a
shared machine), measure on a register of K copies of the seeded one instead: every request, keberatan and
keberatan filing event is copied K-1 times in SQL with a suffixed id and number (same dates, channels,
outcomes and working-day pairs, so the same distribution at K times the volume). The copy lives in
``bench/out/report-<count>x<K>``; the seeded register is not touched.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select  # noqa: E402

from app.paths import db_path  # noqa: E402
from bench.common import CACHE_DIR, MutableClock, ensure_seeded, git_revision, machine, open_desk, summarize  # noqa: E402
from db.models import Request  # noqa: E402

TARGETS_MS = {"figures_year": 2000.0, "pdf_year": 5000.0}
LAPORAN_TARGET_MS = 500.0


def laporan_page(desk: Any, actor: Any, period: str) -> Callable[[], Any]:
    """One opening of the Laporan page on ``period``: built, shown, its figures and narrative read and drawn
    (offscreen Qt; the requests behind the figures are read when a figure is first chosen).

    Inline service calls (``background=False``): the measure is the time until the figures are on screen; in
    the window the same read runs on a worker thread while the page is already shown."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.reports.page import ReportsPage
    from ui.shell import wiring

    app = QApplication.instance() or QApplication(["report-bench"])

    def open_once() -> int:
        page = ReportsPage(wiring.reports(desk), actor, background=False, period=period)
        page.resize(1366, 720)
        page.show()
        app.processEvents()
        assert page.report is not None
        shown = int(page.report.figures.requests["total"])
        page.close()
        page.deleteLater()
        app.processEvents()
        return shown

    return open_once


def laporan_shown(desk: Any, actor: Any, period: str, repeats: int) -> dict[str, float]:
    """As in the window (``background=True``): the time until the page is on screen, saying *Memuat…*; its
    figures follow from the worker thread (waited for, untimed, before the next opening)."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.reports.page import ReportsPage
    from ui.shell import wiring

    app = QApplication.instance()
    assert app is not None
    walls = []
    for _ in range(repeats):
        start = time.perf_counter()
        page = ReportsPage(wiring.reports(desk), actor, period=period)
        page.resize(1366, 720)
        page.show()
        app.processEvents()
        walls.append((time.perf_counter() - start) * 1000)
        if page.report is None:
            loop = QEventLoop()
            page.loaded.connect(loop.quit)
            QTimer.singleShot(60_000, loop.quit)
            loop.exec()
        page.close()
        page.deleteLater()
        app.processEvents()
    return summarize(walls)


def _time(fn: Callable[[], Any], repeats: int) -> tuple[dict[str, float], float, Any]:
    walls, cpu0, result = [], time.process_time(), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        walls.append((time.perf_counter() - start) * 1000)
    return summarize(walls), (time.process_time() - cpu0) * 1000 / repeats, result


def replicate(source: Path, times: int) -> Path:
    """A copy of the register at ``source`` holding ``times`` copies of each request (see the docstring)."""
    target = CACHE_DIR / f"report-{source.name}x{times}"
    if (target / "replicated").exists():
        return target
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    conn = sqlite3.connect(db_path(target))
    try:
        for table, keys in (
            ("requests", {"id", "number"}),
            ("objections", {"id", "number", "request_id"}),
            ("events", {"id", "request_id", "objection_id"}),
        ):
            cols = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            where = " WHERE objection_id IS NOT NULL AND kind = 'filed'" if table == "events" else ""
            conn.execute(f"CREATE TEMP TABLE orig_{table} AS SELECT * FROM {table}{where}")
            for k in range(1, times):
                chosen = ", ".join(f"{c} || '~{k}'" if c in keys else c for c in cols)
                conn.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {chosen} FROM orig_{table}")
        conn.commit()
    finally:
        conn.close()
    (target / "replicated").write_text(f"{source} x {times}\n", encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--data-dir", type=Path, help="a register seeded elsewhere (default: bench/out)")
    parser.add_argument(
        "--replicate", type=int, default=1, metavar="K", help="measure on K copies (see above)"
    )
    parser.add_argument("--laporan", action="store_true", help="also the Laporan page opening (Qt)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or ensure_seeded(args.count)
    if args.replicate > 1:
        data_dir = replicate(data_dir, args.replicate)
    desk, actors = open_desk(data_dir, MutableClock(datetime.now()))
    try:
        with desk.ctx.db.reader() as session:
            year_of = func.strftime("%Y", Request.received_at)
            years = session.execute(
                select(year_of, func.count()).group_by(year_of).order_by(func.count())
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
        if args.laporan:
            page, cpu, rows = _time(laporan_page(desk, spv, year), args.repeats)
            results["laporan_page"] = {**page, "cpu_ms": cpu, "requests": rows}
            TARGETS_MS["laporan_page"] = LAPORAN_TARGET_MS
            results["laporan_shown"] = laporan_shown(desk, spv, year, args.repeats)
    finally:
        desk.close()
    report = {
        "register_requests": total,
        "replicated": args.replicate,
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
            mark = (
                "" if target is None else (" OK" if r["median"] <= target else f" MELEBIHI {target:.0f} ms")
            )
            extra = {k: v for k, v in r.items() if k in ("requests", "bytes")}
            cpu_text = f"CPU {r['cpu_ms']:8.1f} ms" if "cpu_ms" in r else " " * 15
            print(
                f"{name:14s} median {r['median']:8.1f} ms  p95 {r['p95']:8.1f} ms  {cpu_text} {extra}{mark}"
            )
    missed = [n for n, t in TARGETS_MS.items() if results[n]["median"] > t]
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())

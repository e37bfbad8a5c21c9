"""Printed registers on the seeded register (issue 12, item 9): rows per page and time, per year.

Target: at least 12 rows per page on landscape A4 for the Register Permohonan of every year of the seeded
register (``bench/seed.py``, varied people, addresses and requests), with column widths fitted to the rows
(``app/documents/column_fit.py``). The Register Keberatan is reported beside it. Linearity (10,000 rows in no more
than 12x the time of 1,000) is ``bench/documents_bench.py``'s.

Run: ``.venv/bin/python bench/register_print_bench.py [--count 10000] [--paper A4|F4] [--json]``
(seeds ``bench/out/register-<count>`` on first use; prints on a private copy). Exit status 1 below target.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pypdf  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from bench.common import MutableClock, ensure_seeded, git_revision, machine, open_desk  # noqa: E402
from db.models import Objection, Request  # noqa: E402

TARGET_ROWS_PER_PAGE = 12.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--paper", choices=("A4", "F4"), default="A4")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    source = ensure_seeded(args.count)
    work = Path(tempfile.mkdtemp(prefix="ppid-register-print-")) / "desk"
    shutil.copytree(source, work)
    desk, actors = open_desk(work, MutableClock(dt.datetime(2026, 12, 1, 9, 0)))
    results: list[dict[str, object]] = []
    try:
        with desk.ctx.db.reader() as s:
            years = sorted(
                {int(y) for y in s.scalars(select(func.strftime("%Y", Request.received_at)).distinct())}
            )
        for year in years:
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
            lo, hi = dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1)
            with desk.ctx.db.reader() as s:
                counts = {
                    False: s.scalar(
                        select(func.count()).where(Request.received_at >= lo, Request.received_at < hi)
                    ),
                    True: s.scalar(
                        select(func.count()).where(Objection.filed_at >= lo, Objection.filed_at < hi)
                    ),
                }
            for objections in (False, True):
                began = time.perf_counter()
                pdf, _ = desk.letters.register_pdf(
                    actors.supervisor, start, end, objections=objections, paper=args.paper
                )
                seconds = time.perf_counter() - began
                pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
                rows = int(counts[objections] or 0)
                results.append({
                    "year": year, "register": "keberatan" if objections else "permohonan", "rows": rows,
                    "pages": pages, "rows_per_page": round(rows / pages, 2), "seconds": round(seconds, 2),
                    "mb": round(len(pdf) / 1e6, 2),
                })  # fmt: skip
    finally:
        desk.close()
        shutil.rmtree(work.parent, ignore_errors=True)
    requests = [r for r in results if r["register"] == "permohonan"]
    ok = all(float(r["rows_per_page"]) >= TARGET_ROWS_PER_PAGE for r in requests)  # type: ignore[arg-type]
    report = {"revision": git_revision(), "machine": machine(), "paper": args.paper, "results": results,
              "target_rows_per_page": TARGET_ROWS_PER_PAGE, "ok": ok}  # fmt: skip
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for r in results:
            print(f"{r['year']} {r['register']:<10} {r['rows']:>5} baris  {r['pages']:>4} halaman  "
                  f"{r['rows_per_page']:>5} baris/halaman  {r['seconds']:>5} s  {r['mb']} MB")  # fmt: skip
        print("target >= 12 baris/halaman (permohonan):", "tercapai" if ok else "TIDAK tercapai")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

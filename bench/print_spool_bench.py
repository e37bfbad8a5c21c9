"""A long register sent to a real CUPS printer (issue 12, item 10): time until it is in the queue, spool size.

Target: a register of about 184 pages reaches the queue in at most 15 s with a spool file of at most 20 MB.
Before, every page went to the printer as a 300-dpi picture painted through ``QPrinter``: 115.6 MB and 78 s.

The register is the Register Permohonan of the seeded register (``bench/out/register-<count>``, ``bench/seed.py``)
for the period from the first request that gives about ``--pages`` pages (found from one month's rows per page).
It is sent through ``ui.printing.print_service.PrintService`` as the preview's Cetak button sends it:

* ``--path queue`` (default): the PDF itself into the CUPS queue (``lp``), the path every Linux desk takes;
* ``--path raster``: the pages painted through ``QPrinter`` (the Windows path) at ``--dpi`` (default 200; 300 is
  the old behaviour), to the same CUPS queue, for comparison.

"Time to queue" runs from the Cetak call until the job is listed by ``lpstat`` (the document is then the
queue's; the printer works through it afterwards). The spool size is the job's document file ``/var/spool/cups/d<id>-001`` (kept after
the job by CUPS' ``PreserveJobFiles``; reading it needs root, as the spool is ``root:lp 0710``).

Set up CUPS first (Debian)::

    apt-get install -y cups printer-driver-cups-pdf poppler-utils && /usr/sbin/cupsd
    lpadmin -p PDF -v cups-pdf:/ -E -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd && lpadmin -d PDF

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/print_spool_bench.py [--queue PDF] [--pages 184]
[--path queue|raster] [--dpi 200] [--json]``. Exit status 1 below target, 2 without CUPS or the queue.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pypdf  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import select  # noqa: E402

from bench.common import MutableClock, ensure_seeded, git_revision, machine, open_desk  # noqa: E402
from db.models import Request  # noqa: E402
from ui.printing import raster  # noqa: E402
from ui.printing.print_service import PrintResult, PrintService  # noqa: E402
from ui.printing.printer_settings import PrintingSettings  # noqa: E402
from ui.printing.spool import cups_queue  # noqa: E402

TARGET_SECONDS = 15.0
TARGET_MB = 20.0
SPOOL = Path("/var/spool/cups")


def _jobs(queue: str) -> set[str]:
    """Ids of every job (pending and completed) of ``queue``."""
    out = subprocess.run(
        ["lpstat", "-W", "all", "-o", queue],
        capture_output=True,
        text=True,
        env={**os.environ, "LC_ALL": "C"},
    ).stdout
    return {line.split()[0] for line in out.splitlines() if line.strip()}


def _job_titled(jobs: set[str], title: str) -> str | None:
    """The job among ``jobs`` whose control file names ``title`` (other jobs may reach the queue meanwhile)."""
    for job in sorted(jobs, key=lambda j: int(j.rsplit("-", 1)[1])):
        control = SPOOL / f"c{int(job.rsplit('-', 1)[1]):05d}"
        try:
            if title.encode() in control.read_bytes():
                return job
        except OSError:
            continue
    return None


def _spool_bytes(job: str) -> int | None:
    number = int(job.rsplit("-", 1)[1])
    files = sorted(SPOOL.glob(f"d{number:05d}-*"))
    return sum(f.stat().st_size for f in files) if files else None


def _register(desk: object, actor: object, pages: int) -> tuple[bytes, dt.date, dt.date, int]:
    """The Register Permohonan from the first request over a period of about ``pages`` pages (the period's
    length estimated from one month's rows per page, then corrected once from the register it gave)."""
    with desk.ctx.db.reader() as s:  # type: ignore[attr-defined]
        received = [r.date() for r in s.scalars(select(Request.received_at).order_by(Request.received_at))]
    start, rows = received[0], sum(1 for r in received if r <= received[0] + dt.timedelta(days=30))
    pdf = b""
    for _attempt in range(3):
        end = received[min(len(received), max(1, rows)) - 1]
        pdf, _ = desk.letters.register_pdf(actor, start, end)  # type: ignore[attr-defined]
        rows = sum(1 for r in received if start <= r <= end)
        got = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
        if abs(got - pages) <= 2:
            break
        rows = round(rows * pages / got)
    return pdf, start, end, sum(1 for r in received if start <= r <= end)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--pages", type=int, default=184)
    parser.add_argument("--queue", default="PDF")
    parser.add_argument("--path", choices=("queue", "raster"), default="queue")
    parser.add_argument("--dpi", type=int, default=raster.RASTER_DPI)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    cups = cups_queue()
    if cups is None or not cups.accepts(args.queue):
        print(
            f"CUPS atau antrean '{args.queue}' tidak ada; lihat petunjuk di awal berkas ini.", file=sys.stderr
        )
        return 2
    app = QApplication.instance() or QApplication([])
    source = ensure_seeded(args.count)
    work = Path(tempfile.mkdtemp(prefix="ppid-print-spool-")) / "desk"
    shutil.copytree(source, work)
    desk, actors = open_desk(work, MutableClock(dt.datetime(2026, 12, 1, 9, 0)))
    try:
        began = time.perf_counter()
        pdf, start, end, rows = _register(desk, actors.supervisor, args.pages)
        render_s = time.perf_counter() - began
    finally:
        desk.close()
        shutil.rmtree(work.parent, ignore_errors=True)
    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    raster.RASTER_DPI = args.dpi
    service = PrintService(
        work, PrintingSettings, background=False, queue=cups if args.path == "queue" else None
    )
    before = _jobs(args.queue)
    results: list[PrintResult] = []
    errors: list[BaseException] = []
    began = time.perf_counter()
    service.print_pdf(
        pdf, "register", f"{start}_{end}", results.append, errors.append, printer_name=args.queue
    )
    if errors:
        print(f"Gagal: {errors[0]}", file=sys.stderr)
        return 1
    job = results[0].queue_job
    while job is None and time.perf_counter() - began < 600:  # Qt hands its file to CUPS after painting
        job = _job_titled(_jobs(args.queue) - before, f"register {start}_{end}")
        time.sleep(0.05 if job is None else 0)
    queue_s = time.perf_counter() - began
    spool = _spool_bytes(job) if job else None
    del app
    spool_mb = round(spool / 1e6, 2) if spool is not None else None
    ok = queue_s <= TARGET_SECONDS and spool_mb is not None and spool_mb <= TARGET_MB
    report = {
        "revision": git_revision(), "machine": machine(), "path": args.path,
        "dpi": args.dpi if args.path == "raster" else None, "queue": args.queue, "job": job,
        "period": f"{start}..{end}", "rows": rows, "pages": pages, "pdf_mb": round(len(pdf) / 1e6, 2),
        "render_s": round(render_s, 1), "queue_s": round(queue_s, 2), "spool_mb": spool_mb,
        "target": {"seconds": TARGET_SECONDS, "mb": TARGET_MB}, "ok": ok,
    }  # fmt: skip
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        how = "PDF ke antrean (lp)" if args.path == "queue" else f"gambar {args.dpi} dpi lewat QPrinter"
        print(f"Register {start}..{end}: {rows} baris, {pages} halaman, PDF {report['pdf_mb']} MB "
              f"(dibuat {report['render_s']} s)")  # fmt: skip
        print(
            f"{how}: masuk antrean {args.queue} dalam {report['queue_s']} s, job {job}, spool {spool_mb} MB"
        )
        print(
            f"target <= {TARGET_SECONDS:.0f} s dan <= {TARGET_MB:.0f} MB:",
            "tercapai" if ok else "TIDAK tercapai",
        )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

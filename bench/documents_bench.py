"""Document rendering benchmarks (issue 4): receipt latency and register linearity.

Targets:
* tanda bukti (receipt) PDF: median <= 50 ms (A4 and the 80 mm roll), rendered from its snapshot;
* Register Permohonan printout: linear in rows, 10,000 rows in no more than 12x the time of 1,000 rows,
  both measured in the same run (a ratio, so the machine's speed and load cancel out).

* with ``--desk``: a walk-in saved *and* its receipt issued (``register.receive`` + ``LetterService.issue``,
  snapshot, letter record, timeline event, PDF) on a copy of the seeded 100,000-request register: median
  <= 150 ms (the workstation target "save a walk-in request and have the receipt PDF ready").

Run: ``.venv/bin/python bench/documents_bench.py [--receipts 40] [--small 1000] [--large 10000] [--json]``
or ``... --desk [--count 100000] [--intakes 60]``.
Exit status 1 when a target is missed. Results are described in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.documents import render  # noqa: E402
from app.documents import snapshot as s  # noqa: E402
from bench.common import CACHE_DIR, git_revision, machine, summarize  # noqa: E402

OFFICE = s.Office(
    kop_lines=("PEMERINTAH KOTA SERANG", "KECAMATAN CIPOCOK JAYA"),
    address="Jl. Raya Cipocok Jaya No. 1, Kota Serang, Banten 42121",
    ppid_name="PPID Pelaksana Kecamatan Cipocok Jaya",
    phone="(0254) 123456",
    email="ppid@cipocokjaya.serangkota.go.id",
)
PPID = s.Signatory(
    "PPID Pelaksana Kecamatan Cipocok Jaya",
    "Drs. H. Ahmad Fauzi, M.Si.",
    "196805071987121001",
    "Pembina (IV/a)",
)
TOPICS = (
    "Salinan RAB pembangunan jalan lingkungan RT 03 RW 05 tahun anggaran 2025",
    "Daftar penerima bantuan sosial tunai di Kelurahan Cipocok Jaya",
    "Dokumen DPA Kecamatan Cipocok Jaya tahun 2025 beserta realisasi triwulan III",
    "Notulen musrenbang kecamatan tahun 2026",
)


def receipt(i: int) -> s.ReceiptSnapshot:
    number = f"PPID-CPJ/2026/A-{i:04d}"
    return s.ReceiptSnapshot(
        office=OFFICE,
        letter=s.LetterMeta(number="", date=dt.date(2026, 3, 16)),
        request=s.RequestInfo(
            number,
            dt.datetime(2026, 3, 16, 9, 30),
            TOPICS[i % 4],
            "Penelitian",
            "Datang langsung",
            attachments=("Fotokopi KTP",),
        ),
        requester=s.Requester(
            name=f"Pemohon Nomor {i}", address="Jl. Mawar No. 5, Cipocok Jaya", phone="081234567890"
        ),
        signatory=s.Signatory("", "Siti Aminah, S.Sos."),
        complete=True,
        completed_on=dt.date(2026, 3, 16),
        response_deadline=s.Deadline(dt.date(2026, 4, 7), "10 hari kerja sejak lengkap"),
        contact="(0254) 123456",
    )


def register(rows: int) -> s.RegisterSnapshot:
    data = tuple(
        s.RequestRow(
            number=f"PPID-CPJ/2026/A-{i + 1:05d}",
            received_on=dt.date(2026, 1 + i % 6, 1 + i % 28),
            name=f"Pemohon Nomor {i + 1}",
            address="Jl. Mawar No. 5 RT 01 RW 02, Cipocok Jaya",
            contact="081234567890 / pemohon@example.id",
            occupation="Wiraswasta",
            information=TOPICS[i % 4],
            purpose="Penelitian",
            held=i % 5 != 0,
            holder="Disdukcapil" if i % 5 == 0 else "",
            softcopy=True,
            wants_copy=True,
            decision="Diterima",
            notice_on=dt.date(2026, 3, 20),
            cost=Decimal(5000 * (i % 3)),
            payment_method="Tunai",
        )
        for i in range(rows)
    )
    return s.RegisterSnapshot(
        office=OFFICE,
        period_from=dt.date(2026, 1, 1),
        period_to=dt.date(2026, 6, 30),
        printed_on=dt.date(2026, 7, 1),
        signatory=PPID,
        rows=data,
    )


def time_ms(fn: object, *args: object) -> float:
    start = time.perf_counter()
    fn(*args)  # type: ignore[operator]
    return (time.perf_counter() - start) * 1000


DESK_TARGET_MS = 150.0


def desk_run(count: int, intakes: int, seed: int = 42, warmup: int = 3) -> dict[str, object]:
    """Intake + receipt on a private copy of the seeded register (the cached one is never written)."""
    from app.services.clock import system_now
    from app.services.letters import LetterService
    from bench.common import CACHE_DIR, ensure_seeded, open_desk
    from bench.intake_bench import copy_register, walk_ins

    data_dir = copy_register(ensure_seeded(count, seed=seed), CACHE_DIR / "receipt-run")
    payloads = walk_ins(data_dir, intakes + warmup, seed)
    desk, actors = open_desk(data_dir, system_now)
    letters = LetterService(desk.ctx)
    officer = actors.officers[0]
    wall: list[float] = []
    cpu: list[float] = []
    try:
        for i, payload in enumerate(payloads):
            start, start_cpu = time.perf_counter(), time.process_time()
            number = desk.register.receive(officer, payload).number
            letters.issue(officer, "receipt", number, paper="thermal80")
            if i >= warmup:
                wall.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
    finally:
        desk.close()
    return {
        "count": count,
        "wall_ms": summarize(wall),
        "cpu_ms": summarize(cpu),
        "target_median_ms": DESK_TARGET_MS,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--receipts", type=int, default=40)
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument(
        "--repeats", type=int, default=2, help="interleaved register runs (best of each size)"
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--desk", action="store_true", help="intake + receipt on the seeded large register")
    parser.add_argument("--count", type=int, default=100_000, help="--desk: register size")
    parser.add_argument("--intakes", type=int, default=60, help="--desk: timed intakes")
    args = parser.parse_args()
    if args.desk:
        result = desk_run(args.count, args.intakes)
        busy = (os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0) > (os.cpu_count() or 1)
        basis = "cpu_ms" if busy else "wall_ms"
        median = result[basis]["median"]  # type: ignore[index]
        ok = median <= DESK_TARGET_MS
        result.update({"basis": basis, "pass": ok, "machine": machine(), "revision": git_revision()})
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        (CACHE_DIR / "documents_desk_bench.json").write_text(json.dumps(result, indent=2))
        w, c = result["wall_ms"], result["cpu_ms"]
        print(
            f"intake + receipt on {args.count} requests, n={w['n']}: median {w['median']:.1f} ms wall "  # type: ignore[index]
            f"(p95 {w['p95']:.1f}), {c['median']:.1f} ms CPU; target median <= {DESK_TARGET_MS:.0f} ms "  # type: ignore[index]
            f"on {basis[:-3]} time: {'PASS' if ok else 'FAIL'}"
        )
        return 0 if ok else 1

    render(receipt(0))  # warm-up: font registration, imports
    results: dict[str, object] = {"machine": machine()}
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    busy = load > (os.cpu_count() or 1)
    results["load_average_1min"] = load
    for paper in ("A4", "thermal80"):
        wall, cpu = [], []
        for i in range(1, args.receipts + 1):
            snap = receipt(i)
            start, start_cpu = time.perf_counter(), time.process_time()
            render(snap, paper)
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        results[f"receipt_{paper}_ms"] = summarize(wall)
        results[f"receipt_{paper}_cpu_ms"] = summarize(cpu)
    small, large = register(args.small), register(args.large)
    # Interleaved repeats, best of each: the machine is shared, and a ratio of two single samples taken a minute
    # apart measures the neighbours' load as much as the renderer. Both sizes are measured in this one run.
    runs: dict[str, list[tuple[float, float]]] = {"small": [], "large": []}  # (wall ms, CPU ms)

    def measure(name: str, snap: s.RegisterSnapshot) -> None:
        start, start_cpu = time.perf_counter(), time.process_time()
        render(snap)
        runs[name].append(((time.perf_counter() - start) * 1000, (time.process_time() - start_cpu) * 1000))

    for _ in range(args.repeats):
        measure("small", small)
        measure("large", large)
        measure("small", small)
    index = 1 if busy else 0  # judge on CPU time when the machine is busier than its cores
    small_ms = min(r[index] for r in runs["small"])
    large_ms = min(r[index] for r in runs["large"])
    ratio = large_ms / small_ms
    results["register"] = {
        "basis": "cpu" if busy else "wall",
        "small_rows": args.small,
        "small_ms": small_ms,
        "large_rows": args.large,
        "large_ms": large_ms,
        "ratio": ratio,
        "linear_ratio": args.large / args.small,
        "runs_wall_cpu_ms": runs,
    }
    # On a machine busier than its cores (shared CI/dev box) wall time measures the neighbours; the process's own
    # CPU time is then the honest figure for an idle desk PC. Both are printed and kept in the JSON.
    basis = "cpu" if busy else "wall"
    key = "receipt_{}_cpu_ms" if busy else "receipt_{}_ms"
    ok_receipt = all(results[key.format(p)]["median"] <= 50 for p in ("A4", "thermal80"))  # type: ignore[index]
    results["receipt_target_basis"] = basis
    ok_register = ratio <= 12 * (args.large / args.small) / 10
    results["targets"] = {"receipt_median_le_50ms": ok_receipt, "register_ratio_le_12": ok_register}
    results["revision"] = git_revision()
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    (CACHE_DIR / "documents_bench.json").write_text(json.dumps(results, indent=2))
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for paper in ("A4", "thermal80"):
            r, c = results[f"receipt_{paper}_ms"], results[f"receipt_{paper}_cpu_ms"]
            print(
                f"receipt {paper:9}: median {r['median']:.1f} ms wall, {c['median']:.1f} ms CPU; "  # type: ignore[index]
                f"p95 {r['p95']:.1f} ms wall (n={r['n']})"  # type: ignore[index]
            )
        print(f"load average {load:.1f} on {os.cpu_count()} CPUs: receipt target judged on {basis} time")
        print(
            f"register ({basis}) {args.small} rows: {small_ms / 1000:.2f} s; {args.large} rows: {large_ms / 1000:.2f} s; "
            f"ratio {ratio:.2f} (target <= 12 for 10x rows)"
        )
        verdict = {True: "PASS", False: "FAIL"}
        print(
            f"receipt median <= 50 ms: {verdict[ok_receipt]}; register 10x rows <= 12x time: {verdict[ok_register]}"
        )
        print(f"raw result: {CACHE_DIR / 'documents_bench.json'}")
    return 0 if ok_receipt and ok_register else 1


if __name__ == "__main__":
    raise SystemExit(main())

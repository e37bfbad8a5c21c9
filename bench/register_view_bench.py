"""How long the officer waits when filtering the register view of a 100,000-request register.

    python bench/register_view_bench.py [--count 100000] [--data-dir D] [--rounds 5] [--write-docs]

What is timed, per filter, is what happens between the officer's last keystroke (after the page's debounce)
and a painted table: ``RegisterTableModel.set_filter`` (count + first page through ``RegisterQuery``), the
cells of the visible rows, and a paint of the table viewport at 1366×768 — all on one thread, so the number
is the worst case for the GUI thread even though the page runs the fetch in the background. Filters mix
what the desk does all day: a name, a full NIK, a number prefix, words from the request text, status,
channel, requester kind, overdue, a month, and combinations. A second series times scrolling: jumping to a
random row deep in the list (one windowed page read). Target (issue 3 §13): median ≤ 50 ms for filtering.

The register is bench/seed.py's (``bench.common.ensure_seeded``), reused when it already exists.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import select  # noqa: E402

from app.services.register_query import RegisterFilter  # noqa: E402
from bench.common import (  # noqa: E402
    CACHE_DIR,
    MutableClock,
    ensure_seeded,
    git_revision,
    machine,
    open_desk,
    summarize,
)
from db.models import Requester  # noqa: E402
from ui.register.page import RegisterPage  # noqa: E402
from ui.shell import wiring  # noqa: E402

TARGET_MS = 50.0
DOC = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
START, END = "<!-- register-view-bench:start -->", "<!-- register-view-bench:end -->"


def _filters(desk, actor, today: date, rng: random.Random) -> list[tuple[str, RegisterFilter]]:  # type: ignore[no-untyped-def]
    """Realistic filters built from what is in the register (names, numbers, words, NIKs)."""
    total = desk.query.count(actor)
    sample = [desk.query.rows(actor, offset=rng.randrange(total), limit=1)[0] for _ in range(12)]
    with desk.ctx.db.reader() as session:
        encrypted = session.scalars(
            select(Requester.nik_encrypted).where(Requester.nik_encrypted.is_not(None)).limit(50)
        ).all()
    niks = [desk.ctx.vault.decrypt(value) for value in encrypted[:4]]
    words = []
    for row in sample:
        long_words = [w.strip(".,;:()") for w in row.information.split() if len(w) >= 6]
        if long_words:
            words.append(rng.choice(long_words))
    month_start = today.replace(day=1)
    out: list[tuple[str, RegisterFilter]] = []
    out += [("nama", RegisterFilter(text=row.name.split()[0])) for row in sample[:4]]
    out += [("nama lengkap", RegisterFilter(text=row.name)) for row in sample[4:6]]
    out += [("NIK", RegisterFilter(text=nik)) for nik in niks]
    out += [("nomor", RegisterFilter(text=row.number)) for row in sample[6:9]]
    out += [("awal nomor", RegisterFilter(text=row.number[: len(row.number) - 2])) for row in sample[9:11]]
    out += [("kata", RegisterFilter(text=word)) for word in words[:4]]
    out += [
        ("status", RegisterFilter(statuses=("diproses",))),
        ("status", RegisterFilter(statuses=("selesai",))),
        ("berjalan", RegisterFilter(statuses=("verifikasi", "tidak_lengkap", "diproses", "diperpanjang"))),
        ("saluran", RegisterFilter(channel="email")),
        ("saluran", RegisterFilter(channel="datang_langsung")),
        ("jenis pemohon", RegisterFilter(requester_kind="badan_hukum")),
        ("terlambat", RegisterFilter(overdue_only=True)),
        ("bulan ini", RegisterFilter(date_from=month_start, date_to=today)),
        (
            "tahun lalu",
            RegisterFilter(date_from=date(today.year - 1, 1, 1), date_to=date(today.year - 1, 12, 31)),
        ),
        ("gabungan", RegisterFilter(text=words[0] if words else "data", channel="email")),
        ("gabungan", RegisterFilter(statuses=("selesai",), date_from=date(today.year - 1, 1, 1))),
        ("semua", RegisterFilter()),
    ]
    return [(kind, replace(flt, today=today)) for kind, flt in out]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Waktu menyaring tampilan register (RegisterTableModel).")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="register yang sudah ada (default: bench/out)"
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--write-docs", action="store_true", help="tulis hasil ke docs/benchmarks.md")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or ensure_seeded(args.count)
    app = QApplication.instance() or QApplication(["register-view-bench"])
    clock = MutableClock(datetime.now())
    desk, actors = open_desk(data_dir, clock)
    actor = actors.officers[0]
    newest = desk.query.rows(actor, limit=1, order_by="received_at", descending=True)[0]
    clock.set(newest.received_at + timedelta(hours=1))  # "today" is the register's last working day
    today = clock.now.date()
    total = desk.query.count(actor)
    rng = random.Random(args.seed)
    filters = _filters(desk, actor, today, rng)

    page = RegisterPage(
        wiring.register(desk), actor, background=False
    )  # the real page: its columns, widths and model
    page.resize(1366 - 210, 768 - 60)  # the main window's content area at 1366×768 (sidebar, status bar)
    page.show()
    app.processEvents()
    model, view = page.model, page.table
    columns = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    visible_rows = max(1, view.viewport().height() // max(1, view.verticalHeader().defaultSectionSize()))

    def paint() -> None:
        for row in range(min(visible_rows, model.rowCount())):
            for column in columns:
                model.index(row, column).data()
        view.viewport().grab()

    model.set_filter(RegisterFilter())  # warm the caches once, as an open register page would have
    paint()
    samples: list[float] = []
    fetch_part: list[float] = []  # count + first page through RegisterQuery
    view_part: list[float] = []  # cell texts + paint
    cpu: list[float] = []  # CPU time of this process per sample (the machine may be shared and loaded)
    by_kind: dict[str, list[float]] = {}
    matches: dict[str, int] = {}
    for _ in range(args.rounds):
        order = filters[:]
        rng.shuffle(order)
        for kind, flt in order:
            started, cpu_started = time.perf_counter(), time.process_time()
            model.set_filter(flt)
            fetched = time.perf_counter()
            paint()
            elapsed = (time.perf_counter() - started) * 1000
            cpu.append((time.process_time() - cpu_started) * 1000)
            samples.append(elapsed)
            fetch_part.append((fetched - started) * 1000)
            view_part.append(elapsed - (fetched - started) * 1000)
            by_kind.setdefault(kind, []).append(elapsed)
            matches[kind] = model.rowCount()
    model.set_filter(RegisterFilter())
    scroll: list[float] = []
    for _ in range(40):
        row = rng.randrange(total)
        started = time.perf_counter()
        view.scrollTo(model.index(row, 0))
        for r in range(row, min(row + visible_rows, total)):
            model.index(r, 0).data()
        view.viewport().grab()
        scroll.append((time.perf_counter() - started) * 1000)

    result = {
        "bench": "register_view",
        "requests": total,
        "rounds": args.rounds,
        "filter_ms": summarize(samples),
        "scroll_ms": summarize(scroll),
        "fetch_part_ms": summarize(fetch_part),
        "view_part_ms": summarize(view_part),
        "by_kind_median_ms": {k: round(summarize(v)["median"], 1) for k, v in by_kind.items()},
        "filter_cpu_ms": summarize(cpu),
        "target_median_ms": TARGET_MS,
        # judged on wall time on an idle machine; on a loaded shared one (load > cores) on CPU time
        "judged_on": "cpu" if os.getloadavg()[0] > (os.cpu_count() or 1) else "wall",
        "machine": machine(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "revision": git_revision(),
        "measured_at": datetime.now().isoformat(timespec="seconds"),
    }
    judged = result["filter_cpu_ms"] if result["judged_on"] == "cpu" else result["filter_ms"]
    result["passed"] = judged["median"] <= TARGET_MS
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    (CACHE_DIR / "register_view_bench.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    section = render(result)
    print(section)
    if args.write_docs:
        write_docs(section)
    desk.close()
    return 0 if result["passed"] else 1


def render(result: dict) -> str:
    f, s, m = result["filter_ms"], result["scroll_ms"], result["machine"]
    fp, vp, c = result["fetch_part_ms"], result["view_part_ms"], result["filter_cpu_ms"]

    def verdict(kind: str) -> str:
        if result["judged_on"] != kind:
            return ""
        return " — **PASS**" if result["passed"] else " — **FAIL**"

    lines = [
        START,
        "### Register view: filtering 100,000 requests (`bench/register_view_bench.py`)",
        "",
        "Command: `.venv/bin/python bench/register_view_bench.py [--count 100000] [--data-dir D] [--rounds 5] "
        "[--write-docs]` (raw result in `bench/out/register_view_bench.json`).",
        "",
        f"Register of {result['requests']:,} requests seeded by `bench/seed.py`; officer role; table "
        "offscreen. One sample = `RegisterTableModel.set_filter` (count + first page) + the visible cells + a "
        "paint of the `RegisterPage` table (default columns, 1156×708), all on one thread; the page itself "
        "fetches in the background, so these are the officer's waits, not GUI-thread stalls.",
        "",
        "| series | n | median ms | p95 ms | max ms | target |",
        "|---|---|---|---|---|---|",
        f"| filter (all kinds), wall | {f['n']} | {f['median']:.1f} | {f['p95']:.1f} | {f['max']:.1f} | median ≤ "
        f"{TARGET_MS:.0f} ms{verdict('wall')} |",
        f"| filter (all kinds), CPU of the process | {c['n']} | {c['median']:.1f} | {c['p95']:.1f} | {c['max']:.1f} | "
        f"median ≤ {TARGET_MS:.0f} ms{verdict('cpu')} |",
        f"| of which count + first page (RegisterQuery) | {fp['n']} | {fp['median']:.1f} | {fp['p95']:.1f} | "
        f"{fp['max']:.1f} | – |",
        f"| of which cells + paint (model, view) | {vp['n']} | {vp['median']:.1f} | {vp['p95']:.1f} | "
        f"{vp['max']:.1f} | – |",
        f"| jump to a random row (one page read) | {s['n']} | {s['median']:.1f} | {s['p95']:.1f} | {s['max']:.1f} | – |",
        "",
        "Median per filter kind (ms): "
        + ", ".join(
            f"{k} {v}" for k, v in sorted(result["by_kind_median_ms"].items(), key=lambda kv: -kv[1])
        ),
        "",
        f"Machine: {m['cpu']}, {m['nproc']} CPU, Python {m['python']}, SQLite {m['sqlite']}; "
        f"load average {result['load_average']}; revision {result['revision']}, {result['measured_at']}.",
        END,
    ]
    return "\n".join(lines)


def write_docs(section: str) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    placeholder = "_Section for the workstation benchmarks (`bench/register_view_bench.py`)._"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + section + rest.split(END, 1)[1]
    elif placeholder in text:
        text = text.replace(placeholder, section, 1)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())

"""Generate a realistic Register Permohonan through the real desk services.

    python bench/seed.py --data-dir D --count 100000 [--years 2023-2026] [--seed 42] [--mode fast|bulk|services]

Every request is received with ``register.receive`` and then lives its planned history through
``actions.act``, ``objections.add`` and ``objections.act`` (see ``fake_lifecycle``), replayed in time order
with the desk clock set to each moment, so numbers, deadlines, timeline, audit, outbox and search index are
exactly what the desk would have written. Requests whose history would lie after ``--until`` stay open.

Modes:
* ``services``: the public service calls, one SQLite transaction (and fsync) per intent, as at the desk.
* ``bulk``: the same public service calls, but ``BatchDatabase`` groups the intents of ``--batch`` requests
  into one transaction, each intent in its own SAVEPOINT (a refused intent still rolls back alone).
* ``fast`` (default): ``app.services.batch.WriteBatch``, the services' bulk path: the same check and
  build-rows steps as each intent at the desk on in-memory rows, written in one transaction per ``--batch``
  requests; about 30x faster than ``services``. ``tests/bench/test_seed.py`` checks that it writes the same
  register as ``services`` for the same plan.
"""

from __future__ import annotations

import argparse
import heapq
import random
import sys
import time
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.calendar import WorkingCalendar  # noqa: E402
from app.errors import DeskError  # noqa: E402
from app.services.batch import WriteBatch  # noqa: E402
from bench.common import BatchDatabase, DeskActors, MutableClock, machine, open_desk, write_marker  # noqa: E402
from bench.fake_lifecycle import CHANNEL_WEIGHTS, ONLINE, LifecyclePlanner, Plan, Step  # noqa: E402
from bench.fake_people import PeopleFactory  # noqa: E402

# Relative request volume per month: quiet January and Lebaran, busy around Musrenbang (Feb-Mar) and the
# budget season (Aug-Nov).
MONTH_WEIGHTS = (0.6, 1.0, 1.2, 0.9, 1.0, 0.9, 1.0, 1.1, 1.2, 1.3, 1.2, 0.8)
YEAR_GROWTH = 1.15  # each year a bit busier than the last


def intake_times(
    rng: random.Random, count: int, years: range, until: datetime, cal: WorkingCalendar
) -> list[tuple[datetime, str]]:
    """``count`` (moment, channel) pairs, sorted: walk-ins on working days in office hours, online any time."""
    months = [(y, m) for y in years for m in range(1, 13) if date(y, m, 1) <= until.date()]
    weights = [MONTH_WEIGHTS[m - 1] * YEAR_GROWTH ** (y - years.start) for y, m in months]
    channels, channel_weights = list(CHANNEL_WEIGHTS), list(CHANNEL_WEIGHTS.values())
    out: list[tuple[datetime, str]] = []
    while len(out) < count:
        y, m = rng.choices(months, weights)[0]
        day = date(y, m, rng.randint(1, 28 if m == 2 else 30))
        channel = rng.choices(channels, channel_weights)[0]
        if channel in ONLINE:
            if not cal.is_working_day(day) and rng.random() < 0.7:
                continue
            minutes = rng.randint(6 * 60, 22 * 60)
        else:
            if not cal.is_working_day(day):
                continue
            minutes = int(rng.triangular(8 * 60, 15 * 60 + 30, 9 * 60 + 30))
        moment = datetime(y, m, day.day, minutes // 60, minutes % 60, rng.randint(0, 59))
        if moment <= until:
            out.append((moment, channel))
    out.sort()
    return out


class Seeder:
    """Replays plans through one of three paths (see the module docstring); the plan decides, the services
    (one intent at a time, or batched) check and write."""

    def __init__(self, data_dir: Path, *, mode: str, start: datetime) -> None:
        self.clock = MutableClock(start)
        self.desk, self.actors = open_desk(data_dir, self.clock)
        self.batchdb: BatchDatabase | None = None
        self.fast: WriteBatch | None = None
        if mode == "bulk":
            self.batchdb = BatchDatabase(self.desk.ctx.db)
            self.desk.ctx.db = self.batchdb  # type: ignore[assignment]
        elif mode == "fast":
            self.fast = WriteBatch(self.desk.ctx)
        self.numbers: dict[int, str] = {}
        self.objections: dict[int, str] = {}
        self.remaining: dict[int, int] = {}
        self.failed: set[int] = set()
        self.errors: list[str] = []
        self.intents = Counter[str]()

    def _actor(self, idx: int, step: Step | None = None) -> Any:
        actors: DeskActors = self.actors
        if step is not None and step.supervisor:
            return actors.supervisor
        return actors.officers[idx % len(actors.officers)]

    def receive(self, idx: int, plan: Plan, steps: int) -> None:
        self.clock.set(plan.received_at)
        try:
            if self.fast is not None:
                number = self.fast.receive(self._actor(idx), plan.intake)
            else:
                number = self.desk.register.receive(self._actor(idx), plan.intake).number
        except DeskError as exc:
            self._fail(idx, "receive", exc)
            return
        self.numbers[idx] = number
        self.remaining[idx] = steps
        self.intents["receive"] += 1
        self._done(idx, 0)

    def step(self, idx: int, step: Step) -> None:
        if idx in self.failed or idx not in self.numbers:
            return
        self.clock.set(step.at)
        try:
            self._run(idx, step, self._actor(idx, step), self.numbers[idx])
        except DeskError as exc:
            self._fail(idx, f"{step.target} {step.action}", exc)
            return
        self.intents[f"{step.target}.{step.action}"] += 1
        self._done(idx, 1)

    def _run(self, idx: int, step: Step, actor: Any, number: str) -> None:
        fast, body = self.fast, step.body
        if step.target == "request":
            if fast is not None:
                fast.act(actor, number, step.action, body, at=step.at)
            else:
                self.desk.actions.act(actor, number, step.action, body, at=step.at)
        elif step.action == "add":
            if fast is not None:
                self.objections[idx] = fast.add_objection(
                    actor, request_number=number, grounds=body["grounds"], filed_at=step.at, body=body["body"]
                )
            else:
                self.objections[idx] = self.desk.objections.add(
                    actor, request_number=number, grounds=body["grounds"], filed_at=step.at, body=body["body"]
                ).number
        elif fast is not None:
            fast.act_objection(actor, self.objections[idx], step.action, body, at=step.at)
        else:
            self.desk.objections.act(actor, self.objections[idx], step.action, body, at=step.at)

    def _done(self, idx: int, steps: int) -> None:
        self.remaining[idx] -= steps
        if self.remaining[idx] == 0:
            del self.remaining[idx]
            if self.fast is not None:
                self.fast.finish(self.numbers[idx])

    def _fail(self, idx: int, what: str, exc: DeskError) -> None:
        self.failed.add(idx)
        self.remaining.pop(idx, None)
        if self.fast is not None and idx in self.numbers:
            self.fast.finish(self.numbers[idx])
        if len(self.errors) < 20:
            self.errors.append(f"#{idx} {what}: {exc} {getattr(exc, 'fields', '')}")

    def commit(self) -> None:
        if self.batchdb is not None:
            self.batchdb.commit()
        if self.fast is not None:
            self.fast.commit()

    def close(self) -> None:
        if self.fast is not None:
            self.fast.close()
        else:
            self.commit()
        self.desk.close()


def seed(
    data_dir: Path,
    count: int,
    *,
    years: range,
    seed_value: int = 42,
    until: datetime | None = None,
    mode: str = "fast",
    batch: int = 1000,
    progress: int = 5000,
) -> dict[str, Any]:
    """Seed ``count`` requests into a new register at ``data_dir`` and return a summary (also saved as
    ``bench-seed.json`` in ``data_dir``)."""
    until = until or min(datetime.now().replace(microsecond=0), datetime(years.stop - 1, 12, 31, 23, 59))
    rng = random.Random(seed_value)
    cal = WorkingCalendar()
    times = intake_times(rng, count, years, until, cal)
    planner = LifecyclePlanner(rng, PeopleFactory(rng), cal, born_before=date(years.start, 1, 1))
    seeder = Seeder(data_dir, mode=mode, start=times[0][0] - timedelta(days=1))
    pending: list[tuple[datetime, int, int, Step]] = []
    order = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for idx, (moment, channel) in enumerate(times):
        while pending and pending[0][0] <= moment:
            _, _, req, step = heapq.heappop(pending)
            seeder.step(req, step)
        plan = planner.plan(moment, channel)
        steps = [step for step in plan.steps if step.at <= until]
        seeder.receive(idx, plan, len(steps))
        for step in steps:
            order += 1
            heapq.heappush(pending, (step.at, order, idx, step))
        done = idx + 1
        if done % batch == 0:
            seeder.commit()
        if done % progress == 0 or done == count:
            elapsed = time.perf_counter() - started
            eta = elapsed / done * (count - done)
            print(
                f"  {done:>7}/{count} permohonan  {elapsed:6.0f} s  (~{done / elapsed:5.0f}/s, sisa ~{eta:4.0f} s)",
                flush=True,
            )
    while pending:
        _, _, req, step = heapq.heappop(pending)
        seeder.step(req, step)
    seeder.close()
    elapsed = time.perf_counter() - started
    info = {
        "count": count,
        "seed": seed_value,
        "years": f"{years.start}-{years.stop - 1}",
        "until": until.isoformat(),
        "mode": mode,
        "batch": batch,
        "seconds": round(elapsed, 1),
        "cpu_seconds": round(time.process_time() - cpu_started, 1),
        "intents": dict(sorted(seeder.intents.items())),
        "failed": len(seeder.failed),
        "errors": seeder.errors,
        "machine": machine(),
        "complete": not seeder.failed,
    }
    write_marker(data_dir, info)
    return info


def parse_years(text: str) -> range:
    first, _, last = text.partition("-")
    return range(int(first), int(last or first) + 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Isi register uji yang realistis melalui layanan desk.")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--years", type=parse_years, default=parse_years("2023-2026"))
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--until",
        type=datetime.fromisoformat,
        default=None,
        help="akhir riwayat (default: sekarang atau akhir tahun terakhir)",
    )
    parser.add_argument("--mode", choices=("fast", "bulk", "services"), default="fast")
    parser.add_argument("--batch", type=int, default=1000, help="permohonan per transaksi (mode fast/bulk)")
    args = parser.parse_args(argv)
    if (args.data_dir / "register.sqlite3").exists():
        parser.error(f"{args.data_dir} sudah berisi register; pakai folder baru.")
    print(
        f"Mengisi {args.count} permohonan ({args.years.start}-{args.years.stop - 1}, mode {args.mode}) "
        f"ke {args.data_dir}",
        flush=True,
    )
    info = seed(
        args.data_dir,
        args.count,
        years=args.years,
        seed_value=args.seed,
        until=args.until,
        mode=args.mode,
        batch=args.batch,
    )
    print(f"Selesai dalam {info['seconds']} s (CPU {info['cpu_seconds']} s); tindakan: {info['intents']}")
    if info["failed"]:
        print(
            f"GAGAL: {info['failed']} permohonan ditolak layanan:",
            *info["errors"],
            sep="\n  ",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

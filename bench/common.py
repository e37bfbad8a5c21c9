"""Shared helpers for the bench scripts: a settable clock, batched transactions, the desk set-up, timing
statistics and a description of the machine the numbers were measured on.

The bench scripts import the real ``app`` package and call the real services; nothing here re-implements a
service. ``BatchDatabase`` only moves transaction *boundaries* (many intents per commit, one savepoint per
intent) so a 100,000-request register can be seeded in minutes while still going through the same code.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.domain.permissions import Role
from app.services.clock import Clock
from app.services.context import Actor
from app.services.desk import DeskServices
from db.engine import Database

ROOT = Path(__file__).resolve().parents[1]
CACHE_DIR = ROOT / "bench" / "out"
MARKER = "bench-seed.json"
OFFICE_CODE = "PPID-SRG"
OFFICE_NAME = "PPID Pelaksana Kecamatan Cipocok Jaya"
PASSWORD = "bench-password-123"


class MutableClock:
    """A desk clock the seeder moves forward (and back) as it replays a register's history."""

    def __init__(self, start: datetime) -> None:
        self.now = start.replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.now

    def set(self, moment: datetime) -> None:
        self.now = moment.replace(microsecond=0)


class BatchDatabase:
    """Stands in for ``Database`` during a bulk seed: every ``transaction()`` the services open becomes a
    SAVEPOINT inside one long write transaction, committed by ``commit()``.

    Each intent still runs exactly the service code (counter, row, timeline, audit, outbox, search index),
    and a refused intent still rolls back alone (its savepoint); only the fsync per intent is saved.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.path = db.path
        self.engine = db.engine
        self.read_engine = db.read_engine
        self._session: Session | None = None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        if self._session is None:
            self._session = Session(self.db.engine, expire_on_commit=False)
            self._session.begin()
        with self._session.begin_nested():
            yield self._session

    def reader(self) -> Any:
        return self.db.reader()

    def commit(self) -> None:
        if self._session is not None:
            self._session.commit()
            self._session.close()
            self._session = None

    def dispose(self) -> None:
        self.commit()
        self.db.dispose()


@dataclass
class DeskActors:
    admin: Actor
    officers: list[Actor]
    supervisor: Actor


def open_desk(data_dir: Path, clock: Clock) -> tuple[DeskServices, DeskActors]:
    """Open (and on first use set up) the bench office: admin, three petugas, a supervisor, both officials."""
    desk = DeskServices.open(data_dir, clock=clock)
    if not desk.office.is_initialized():
        admin = desk.office.setup(
            office_code=OFFICE_CODE,
            office_name=OFFICE_NAME,
            admin_username="admin",
            admin_password=PASSWORD,
            admin_full_name="Administrator PPID",
        )
        for username, name in (
            ("ujang", "Ujang Suherman"),
            ("siti", "Siti Nurhaliza"),
            ("fauzi", "Ahmad Fauzi"),
        ):
            desk.users.add(admin, username=username, full_name=name, role="petugas", password=PASSWORD)
        desk.users.add(
            admin, username="dewi", full_name="Dewi Rahayu, S.Sos.", role="supervisor", password=PASSWORD
        )
        desk.office.save_official(
            admin,
            role="ppid",
            name="H. Tb. Ahmad Syafei, S.IP.",
            jabatan="Sekretaris Kecamatan",
            nip="197503122005011003",
        )
        desk.office.save_official(
            admin,
            role="atasan_ppid",
            name="Drs. H. Rahmat Hidayat, M.Si.",
            jabatan="Camat Cipocok Jaya",
            nip="196808151994031007",
        )
    admin = desk.users.authenticate("admin", PASSWORD)
    # Actors straight from the user list: one password check is enough to prove the set-up is ours.
    users = {u.username: Actor(u.id, u.username, u.full_name, Role(u.role)) for u in desk.users.list(admin)}
    officers = [users[name] for name in ("ujang", "siti", "fauzi")]
    supervisor = users["dewi"]
    return desk, DeskActors(admin=admin, officers=officers, supervisor=supervisor)


def summarize(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "n": len(ordered),
        "median": statistics.median(ordered),
        "p95": p95,
        "min": ordered[0],
        "max": ordered[-1],
    }


def machine() -> dict[str, str]:
    """nproc, CPU model, load, Python and SQLite versions: what a reader needs to compare numbers (a busy shared
    machine inflates wall-clock latencies far more than CPU time)."""
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import sqlite3

    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "nproc": str(os.cpu_count()),
        "loadavg": " ".join(f"{x:.1f}" for x in load),
        "cpu": cpu,
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
    }


def git_revision() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def read_marker(data_dir: Path) -> dict[str, Any] | None:
    path = data_dir / MARKER
    if not path.exists():
        return None
    return dict(json.loads(path.read_text(encoding="utf-8")))


def write_marker(data_dir: Path, info: dict[str, Any]) -> None:
    (data_dir / MARKER).write_text(json.dumps(info, indent=2, default=str), encoding="utf-8")


def ensure_seeded(count: int, data_dir: Path | None = None, *, seed: int = 42) -> Path:
    """A cached register of ``count`` requests under bench/out (seeded once with bench/seed.py, then reused)."""
    data_dir = data_dir or CACHE_DIR / f"register-{count}"
    marker = read_marker(data_dir)
    finished = marker and marker.get("intents", {}).get("receive") == count
    if marker and finished and marker.get("count") == count and marker.get("seed") == seed:
        print(f"Memakai register tersimpan: {data_dir} ({count} permohonan)")
        if marker.get("failed"):
            print(
                f"  catatan: {marker['failed']} permohonan berhenti lebih awal (tindakan lanjutan ditolak layanan)"
            )
        return data_dir
    if data_dir.exists() and any(data_dir.iterdir()):
        raise SystemExit(f"{data_dir} berisi register yang tidak lengkap; hapus folder itu lalu ulangi.")
    cmd = [
        sys.executable,
        str(ROOT / "bench" / "seed.py"),
        "--data-dir",
        str(data_dir),
        "--count",
        str(count),
        "--seed",
        str(seed),
    ]
    print("Membuat register uji:", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)
    return data_dir

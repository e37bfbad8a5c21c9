"""Make the register a released PPID Desk leaves behind, for the upgrade test (tests/unit/db/test_upgrade_fixture.py).

    python tools/make_register_fixture.py [--out tests/fixtures/registers/<version>-<revision>] [--force]

Why a committed file: an office upgrading PPID Desk opens a register written by the *previous* release, with
that release's schema. A test that builds its register with the current code only ever sees the current
schema; a file made once by the release and kept in the repository is what the next release's migrations
must carry forward without losing a request, a letter or an audit entry.

Run it on the release being shipped (its schema revision goes in the folder name) and commit the folder:
``register.sqlite3`` (one self-contained file, no WAL), ``keys/pii.key`` (the key its NIKs are encrypted
with; synthetic data only) and ``manifest.json``, the facts the test expects to read back after migrating
(``register_facts``). Everything is made through the services on a fixed clock from the seeded demo
generator, so the same release makes the same register: requests in many states, a keberatan and its letter,
letters issued and one reprinted, users of every role (one disabled), and the audit entries all of that
wrote.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sqlite3
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app import __version__  # noqa: E402
from app.demo import DEMO_ADMIN, seed_demo  # noqa: E402
from app.documents.kinds import REQUEST_LETTERS  # noqa: E402
from app.errors import DeskError  # noqa: E402
from app.paths import db_path  # noqa: E402
from app.services.context import Actor  # noqa: E402
from app.services.desk import DeskServices  # noqa: E402
from app.services.register_query import RegisterFilter  # noqa: E402
from db.migrate import HEAD_REVISION  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 3, 16, 10, 0)
COUNT = 14
DAYS = 75
MANIFEST = "manifest.json"
#: Letters tried for every request; those its facts do not allow are refused by the service and skipped.
LETTERS = tuple(kind for kind in REQUEST_LETTERS if kind != "form")  # the form is printed with the receipt


class _Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _digest(text: str | None) -> str | None:
    return hashlib.sha256(text.encode()).hexdigest()[:16] if text else None


def register_facts(desk: DeskServices, admin: Actor) -> dict[str, Any]:
    """What must survive an upgrade, read through the services (so it also proves they work on the file).

    NIKs appear only as a short hash of the decrypted value: it proves the key and the ciphertext survived
    without writing a NIK into the repository in clear. The audit log is read first: reading a request's
    personal data is itself audited."""
    from sqlalchemy import select

    from db.models import AuditEntry

    with desk.ctx.db.reader() as session:
        audit = [
            [a.id, a.at.isoformat(), a.username, a.action, a.entity, a.entity_id]
            for a in session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        ]
    rows = desk.query.rows(admin, RegisterFilter(), limit=10_000)
    requests = []
    letters = []
    for number in sorted(row.number for row in rows):
        view = desk.register.get(admin, number)
        requests.append(
            {
                "number": view.number,
                "status": str(view.status),
                "received_at": view.received_at.isoformat(),
                "requester": view.requester.name,
                "nik_sha": _digest(view.requester.nik),
                "nik_masked": view.requester.nik_masked,
                "information": view.information,
                "due": [d.isoformat() if d else None for d in (view.due_response, view.due_extended)],
                "events": [[e.kind, e.at.isoformat(), e.username, e.summary] for e in view.events],
            }
        )
        letters += [
            [doc.id, doc.kind, doc.number, doc.request_number, doc.issued_at.isoformat(), doc.sha256]
            for doc in desk.letters.letters(admin, number)
        ]
    objections = [
        [o.number, o.request_number, str(o.status), o.filed_at.isoformat(), o.case_summary]
        for o in desk.objections.list(admin)
    ]
    users = [[u.username, u.full_name, u.role, u.active] for u in desk.users.list(admin)]
    office = desk.office.profile()
    return {
        "office": [office.code, office.name, office.desk_letter],
        "users": sorted(users),
        "requests": requests,
        "objections": sorted(objections),
        "letters": sorted(letters),
        "audit": audit,
    }


def _issue_letters(desk: DeskServices, admin: Actor) -> None:
    numbers = sorted(row.number for row in desk.query.rows(admin, RegisterFilter(), limit=10_000))
    for number in numbers:
        for kind in LETTERS:
            try:
                desk.letters.issue(admin, kind, number)
            except DeskError:
                continue  # the request's facts do not allow this letter
    for objection in desk.objections.list(admin):
        desk.letters.issue(admin, "objection", objection.number)
    first = desk.letters.letters(admin, numbers[0])[0]
    desk.letters.reprint(admin, first.id)  # a reprint is audited too


def _add_users(desk: DeskServices, admin: Actor) -> None:
    desk.users.add(
        admin, username="atasan", full_name="Hj. Dewi Lestari", role="supervisor", password="x" * 12
    )
    desk.users.add(admin, username="magang", full_name="Rudi Saputra", role="petugas", password="y" * 12)
    desk.users.set_active(admin, "magang", False)


def _single_file(path: Path) -> None:
    """Fold the WAL into the file and leave it in rollback-journal mode: one file to commit."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("VACUUM")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def read_facts(data_dir: Path, admin: tuple[str, str], now: datetime) -> dict[str, Any]:
    """``register_facts`` of the register in ``data_dir`` (opened, and migrated if it is older)."""
    desk = DeskServices.open(data_dir, clock=_Clock(now))
    try:
        return register_facts(desk, desk.users.authenticate(*admin))
    finally:
        desk.close()


def make(out: Path) -> dict[str, Any]:
    work = out.with_name(out.name + ".work")
    shutil.rmtree(work, ignore_errors=True)
    seed_demo(work, count=COUNT, days=DAYS, now=NOW)
    desk = DeskServices.open(work, clock=_Clock(NOW))
    try:
        admin = desk.users.authenticate(*DEMO_ADMIN)
        _add_users(desk, admin)
        _issue_letters(desk, admin)
    finally:
        desk.close()
    _single_file(db_path(work))
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    shutil.copy2(db_path(work), db_path(out))
    shutil.copytree(work / "keys", out / "keys")
    shutil.rmtree(work)
    # The facts are read from a throw-away copy: reading them writes audit entries the fixture must not hold.
    shutil.copytree(out, work)
    facts = read_facts(work, DEMO_ADMIN, NOW)
    manifest = {
        "made_by": f"PPID Desk {__version__}",
        "schema_revision": HEAD_REVISION,
        "admin": list(DEMO_ADMIN),
        "now": NOW.isoformat(),
        "facts": facts,
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    shutil.rmtree(work)
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = ROOT / "tests" / "fixtures" / "registers" / f"{__version__}-{HEAD_REVISION}"
    parser.add_argument("--out", type=Path, default=default)
    parser.add_argument("--force", action="store_true", help="replace an existing fixture")
    args = parser.parse_args(argv)
    if args.out.exists() and not args.force:
        print(f"{args.out} sudah ada (tambahkan --force untuk membuat ulang).", file=sys.stderr)
        return 2
    manifest = make(args.out)
    facts = manifest["facts"]
    print(
        f"{args.out}: {len(facts['requests'])} permohonan, {len(facts['objections'])} keberatan, "
        f"{len(facts['letters'])} surat, {len(facts['audit'])} entri audit, {len(facts['users'])} pengguna"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

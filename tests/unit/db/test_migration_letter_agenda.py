"""Revision 0008: a register whose letter kinds each had their own yearly counter (the 0.1.0 release's fixture,
where notice 1 and berita acara 1 are both ``000.5.9/1/PPID-A/I/2026``) keeps every number it issued, and its
next letter, of any kind, continues above the highest sequence any kind reached."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from app.services.desk import DeskServices
from app.services.letters import LetterService

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "registers" / "0.1.0-0005"


def _letters(path: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT id, kind, number FROM issued_letters ORDER BY id").fetchall()


def test_old_numbers_stay_and_the_next_letter_continues_above_every_kind(tmp_path: Path) -> None:
    folder = tmp_path / "kantor"
    shutil.copytree(FIXTURE, folder, ignore=shutil.ignore_patterns("manifest.json"))
    before = _letters(folder / "register.sqlite3")
    desk = DeskServices.open(folder, clock=lambda: datetime(2026, 3, 16, 10, 0))
    try:
        admin = desk.users.authenticate("admin", "demo-rahasia")
        with sqlite3.connect(folder / "register.sqlite3") as conn:
            assert conn.execute("SELECT value FROM counters WHERE key = 'letter:2026'").fetchone() == (7,)
            (rejected,) = conn.execute(
                "SELECT r.number FROM requests r JOIN issued_letters l ON l.request_id = r.id "
                "WHERE l.kind = 'rejection' ORDER BY l.issued_at LIMIT 1"
            ).fetchone()
        assert _letters(folder / "register.sqlite3") == before
        doc = LetterService(desk.ctx).issue(admin, "rejection", rejected, reissue=True)
        assert doc.number.split("/")[1] == "8"
        assert doc.number not in {number for _, _, number in before}
    finally:
        desk.close()

"""Revision 0011: every request of an existing register records its requester's identity (back-filled from the
requester as it stands), and the audit chain seals the changed rows so the register still checks clean."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from app.domain.requester import RECORDED_FIELDS
from app.services.desk import DeskServices
from db import chain_verify

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "registers" / "0.1.0-0005"


def test_requests_are_back_filled_and_the_chain_still_verifies(tmp_path: Path) -> None:
    folder = tmp_path / "kantor"
    shutil.copytree(FIXTURE, folder, ignore=shutil.ignore_patterns("manifest.json"))
    desk = DeskServices.open(folder, clock=lambda: datetime(2026, 3, 16, 10, 0))
    desk.close()
    with sqlite3.connect(folder / "register.sqlite3") as conn:
        rows = conn.execute(
            f"SELECT r.requester_recorded, {', '.join('q.' + f for f in RECORDED_FIELDS)} "
            "FROM requests r JOIN requesters q ON q.id = r.requester_id"
        ).fetchall()
        assert rows
        for recorded, *current in rows:
            assert json.loads(recorded) == dict(zip(RECORDED_FIELDS, current, strict=True))
        assert chain_verify.verify_seals(conn).problems == []
        assert chain_verify.verify_links(conn)[0].problems == []
        (entries,) = conn.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'requester_recorded_backfill'"
        ).fetchone()
        assert entries == 1

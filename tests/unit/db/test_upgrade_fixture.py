"""Upgrades keep data: registers left by earlier releases (tests/fixtures/registers/, made by
tools/make_register_fixture.py) are opened and migrated by this code, and everything they held is read back.

A register from a *newer* release (a schema revision this code does not know) is refused untouched.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from app.errors import RegisterTooNew
from app.services.desk import DeskServices
from app.services.integrity import check_register
from db.migrate import HEAD_REVISION, current_revision

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "registers").glob("*/manifest.json"))


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_register_fixture", ROOT / "tools" / "make_register_fixture.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _copy(manifest_path: Path, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path / "kantor"
    shutil.copytree(manifest_path.parent, folder, ignore=shutil.ignore_patterns("manifest.json"))
    return folder, json.loads(manifest_path.read_text(encoding="utf-8"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_there_is_a_register_from_a_release() -> None:
    assert FIXTURES, "tests/fixtures/registers/ holds no register: run tools/make_register_fixture.py"


@pytest.mark.parametrize("manifest_path", FIXTURES, ids=lambda p: p.parent.name)
def test_every_request_letter_and_audit_entry_survives_the_upgrade(
    manifest_path: Path, tmp_path: Path
) -> None:
    folder, manifest = _copy(manifest_path, tmp_path)
    register = folder / "register.sqlite3"
    with sqlite3.connect(register) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            manifest["schema_revision"],
        )
    now = datetime.fromisoformat(manifest["now"])

    facts = _tool().read_facts(folder, tuple(manifest["admin"]), now)  # opens, migrating as an office would

    expected = manifest["facts"]
    for key in ("office", "users", "objections", "letters"):
        assert facts[key] == expected[key], key
    # every entry kept as it was; after them only what the upgrade itself records (the audit chain's start,
    # the sealing of letters' personal data, the requests re-sealed with the identity they recorded), by the system
    assert facts["audit"][: len(expected["audit"])] == expected["audit"]
    assert {tuple(e[2:4]) for e in facts["audit"][len(expected["audit"]) :]} <= {
        ("sistem", "audit_chain_start"),
        ("sistem", "letters_pii_sealed"),
        ("sistem", "requester_recorded_backfill"),
    }
    assert [r["number"] for r in facts["requests"]] == [r["number"] for r in expected["requests"]]
    for got, want in zip(facts["requests"], expected["requests"], strict=True):
        assert got == want, want["number"]
    assert len(expected["requests"]) >= 10 and len(expected["letters"]) >= 10 and expected["objections"]

    desk = DeskServices.open(folder, clock=lambda: now)
    try:
        assert current_revision(desk.ctx.db.engine) == HEAD_REVISION
        backups = sorted((folder / "backups").glob("*.sqlite3")) if (folder / "backups").exists() else []
        if manifest["schema_revision"] != HEAD_REVISION:  # a real migration ran: the old file was kept first
            assert backups and manifest["schema_revision"] in backups[0].name
            with sqlite3.connect(backups[0]) as copy:
                assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (
                    manifest["schema_revision"],
                )
        else:  # the file is this release's own: opening it is no migration and makes no copy
            assert not backups
        admin = desk.users.authenticate(*manifest["admin"])
        for letter_id, kind, number, *_rest in expected["letters"]:
            again = desk.letters.reprint(admin, letter_id)  # rendered from the stored snapshot
            assert again.identical, f"{kind} {number} no longer matches its fingerprint"
        # The register goes on where it stopped: the next number follows the last one issued.
        last = max(int(r["number"].rsplit("-", 1)[1]) for r in expected["requests"])
        data = {
            "channel": "datang_langsung",
            "complete": True,
            "requester": {
                "kind": "perorangan",
                "name": "Warga Baru",
                "nik": "3673054512850012",
                "address": "Jl. Raya Serang No. 1, Cipocok Jaya",
                "phone": "0812-3456-7890",
            },
            "information": "Data APBDes 2026",
            "purpose": "Penelitian",
            "obtain_method": "salinan_softcopy",
            "delivery_method": "email",
        }
        new = desk.register.receive(admin, data, confirm_warnings=True)
        assert new.number.endswith(f"-{last + 1:04d}")
    finally:
        desk.close()
    # the chain started by the upgrade holds: every record sealed, nothing reported; no NIK left in letters
    report = check_register(folder)
    assert report.ok, report.to_dict()
    with sqlite3.connect(register) as conn:
        stored = "".join(str(r[0]) for r in conn.execute("SELECT snapshot FROM issued_letters"))
    assert '"pii"' in stored and not re.search(r"\b\d{16}\b", stored)


def _newer(tmp_path: Path) -> Path:
    folder, _manifest = _copy(FIXTURES[-1], tmp_path)
    with sqlite3.connect(folder / "register.sqlite3") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9001_from_the_future'")
    return folder


def test_a_register_from_a_newer_release_is_refused_untouched(tmp_path: Path) -> None:
    folder = _newer(tmp_path)
    register = folder / "register.sqlite3"
    before = _sha(register)
    with pytest.raises(RegisterTooNew) as refused:
        DeskServices.open(folder)
    message = str(refused.value)
    assert "versi PPID Desk yang lebih baru" in message and "9001_from_the_future" in message
    assert HEAD_REVISION in message and "tidak diubah" in message
    assert _sha(register) == before
    assert not (folder / "backups").exists()
    with sqlite3.connect(register) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("9001_from_the_future",)

"""``ppid-desk check`` on a register changed with ``sqlite3``: exit 1, the failing item naming the first bad
entry; untouched, exit 0 (docs/security.md, "A tampered register")."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from cli_helpers import intake, run_in_process

from app.paths import db_path


def _admin(desk_dir: Path, *argv: str | Path, stdin: str = ""):  # type: ignore[no-untyped-def]
    return run_in_process("--data-dir", desk_dir, "--user", "admin", *argv, stdin=stdin)


def test_check_exits_1_naming_the_edited_request(desk_dir: Path) -> None:
    for _ in range(3):
        assert _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake())).code == 0
    healthy = _admin(desk_dir, "check")
    assert healthy.code == 0 and "Register sehat" in healthy.out
    with sqlite3.connect(db_path(desk_dir)) as conn:
        conn.execute("UPDATE requests SET purpose = 'diubah' WHERE seq = 2")
    result = _admin(desk_dir, "check")
    assert result.code == 1
    assert "segel_catatan: pertama: permohonan KEC-SRG/2026/A-0002 diubah di luar aplikasi" in result.out
    report = _admin(desk_dir, "check", "--json").json()
    assert [c["name"] for c in report["checks"] if not c["ok"]] == ["segel_catatan"]

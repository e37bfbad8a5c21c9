"""``ppid-desk backup|restore|check`` in-process: verified copies, the key beside them, refusals, exit 1 on a
problem found."""

from __future__ import annotations

import json
import sqlite3
import stat
from pathlib import Path

from cli_helpers import intake, run_in_process

from app.paths import db_path


def _admin(desk_dir: Path, *argv: str | Path, stdin: str = ""):  # type: ignore[no-untyped-def]
    return run_in_process("--data-dir", desk_dir, "--user", "admin", *argv, stdin=stdin)


def _numbers(desk_dir: Path) -> list[str]:
    return [r["number"] for r in _admin(desk_dir, "request", "list", "--json").json()]


def test_backup_copies_the_register_and_its_key(desk_dir: Path, tmp_path: Path) -> None:
    assert _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake())).code == 0
    target = tmp_path / "cadangan.sqlite3"
    result = _admin(desk_dir, "backup", "--out", target)
    assert result.code == 0, result.err
    assert "tanpa berkas kunci ini NIK" in result.out
    key = Path(str(target) + ".key")
    assert key.read_bytes() == (desk_dir / "keys" / "pii.key").read_bytes()
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    with sqlite3.connect(target) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT number FROM requests").fetchall() == [("KEC-SRG/2026/A-0001",)]
    again = _admin(desk_dir, "backup", "--out", target)
    assert again.code == 2 and "sudah ada" in again.err
    default = _admin(desk_dir, "backup", "--json").json()
    assert Path(default["path"]).parent == desk_dir / "backups"


def test_restore_brings_back_the_backup_and_keeps_issued_numbers_unused(
    desk_dir: Path, tmp_path: Path
) -> None:
    assert _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake())).code == 0
    target = tmp_path / "cadangan.sqlite3"
    assert _admin(desk_dir, "backup", "--out", target).code == 0
    assert _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake())).code == 0
    assert len(_numbers(desk_dir)) == 2

    restored = _admin(desk_dir, "restore", target, "--json")
    assert restored.code == 0, restored.err
    info = restored.json()
    assert info["counters_kept"] == {"request:2026": 2}
    assert Path(info["saved_current"]).parent == desk_dir / "backups"
    assert _numbers(desk_dir) == ["KEC-SRG/2026/A-0001"]
    # A-0002 was issued after the backup: it must never be issued again.
    next_number = _admin(
        desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake())
    ).out.split("\t")[0]
    assert next_number == "KEC-SRG/2026/A-0003"
    assert _admin(desk_dir, "check").code == 0
    with sqlite3.connect(info["saved_current"]) as old:
        assert old.execute("SELECT count(*) FROM requests").fetchone()[0] == 2


def test_restore_refuses_what_is_not_a_sound_register(desk_dir: Path, tmp_path: Path) -> None:
    assert _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake())).code == 0
    before = db_path(desk_dir).read_bytes()
    text_file = tmp_path / "catatan.txt"
    text_file.write_text("bukan basis data " * 400, encoding="utf-8")
    other_db = tmp_path / "lain.sqlite3"
    with sqlite3.connect(other_db) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    for bad in (text_file, other_db, tmp_path / "tidak-ada.sqlite3"):
        result = _admin(desk_dir, "restore", bad)
        assert result.code == 2, (bad, result.err)
    assert db_path(desk_dir).read_bytes() == before
    assert _numbers(desk_dir) == ["KEC-SRG/2026/A-0001"]


def test_restore_refuses_a_damaged_backup(desk_dir: Path, tmp_path: Path) -> None:
    for i in range(30):
        body = intake(information=f"Dokumen anggaran kelurahan nomor {i} " * 20)
        assert _admin(desk_dir, "request", "add", stdin=json.dumps(body)).code == 0
    target = tmp_path / "cadangan.sqlite3"
    assert _admin(desk_dir, "backup", "--out", target).code == 0
    data = bytearray(target.read_bytes())
    page = 4096
    for offset in range(3 * page, len(data) - page, 2 * page):  # scribble over many pages, keep the header
        data[offset + 100 : offset + 400] = b"\xff" * 300
    target.write_bytes(bytes(data))
    result = _admin(desk_dir, "restore", target)
    assert result.code == 2, result.err
    assert "rusak" in result.err or "bukan basis data" in result.err
    assert len(_numbers(desk_dir)) == 30


def test_check_passes_on_a_sound_register_and_exits_1_on_a_problem(desk_dir: Path) -> None:
    assert _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake())).code == 0
    sound = run_in_process("check", "--data-dir", desk_dir, "--json")
    assert sound.code == 0, sound.out
    assert {c["name"] for c in sound.json()["checks"]} >= {
        "integrity_check",
        "foreign_key_check",
        "revisi_skema",
        "penghitung_nomor",
        "peristiwa_penerimaan",
    }
    with sqlite3.connect(db_path(desk_dir)) as connection:
        connection.execute("UPDATE counters SET value = 0 WHERE key = 'request:2026'")
    connection.close()
    broken = run_in_process("check", "--data-dir", desk_dir)
    assert broken.code == 1
    assert "[GAGAL]" in broken.out and "request:2026" in broken.out


def test_check_on_a_missing_register_exits_1(tmp_path: Path) -> None:
    result = run_in_process("check", "--data-dir", tmp_path / "kosong")
    assert result.code == 1 and "tidak ada" in result.out

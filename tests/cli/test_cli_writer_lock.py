"""A second ``ppid-desk`` on one data folder (issue 16.8) and a restore that loses nothing (issue 13.2): writing
commands and restore are refused while another process has the register open; reading commands are not;
a restore lists what the backup lacks, never reissues a number, and ``check`` notices when one was."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from cli_helpers import intake, run_in_process

from app.paths import db_path
from app.services import writer_lock
from app.services.writer_lock import WORKSTATION
from tests.lock_holder import dead_pid, holding

pytestmark = pytest.mark.slow  # a real second process holds the lock


def _admin(desk_dir: Path, *argv: str | Path, stdin: str = ""):  # type: ignore[no-untyped-def]
    return run_in_process("--data-dir", desk_dir, "--user", "admin", *argv, stdin=stdin)


def _numbers(desk_dir: Path) -> list[str]:
    with sqlite3.connect(db_path(desk_dir)) as connection:
        return [n for (n,) in connection.execute("SELECT number FROM requests ORDER BY seq")]


def test_a_writing_command_is_refused_while_the_workstation_is_open_and_reading_ones_run(
    desk_dir: Path, tmp_path: Path
) -> None:
    assert _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake())).code == 0
    with holding(desk_dir, WORKSTATION) as child:
        refused = _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake()))
        assert refused.code == 2, refused.err
        assert "sedang dibuka oleh aplikasi PPID Desk" in refused.err and f"PID {child.pid}" in refused.err
        assert _numbers(desk_dir) == ["KEC-SRG/2026/A-0001"]
        listed = _admin(desk_dir, "request", "list", "--json")
        assert listed.code == 0 and len(listed.json()) == 1
        assert _admin(desk_dir, "check").code == 0
        assert _admin(desk_dir, "export", "--format", "json", "--out", tmp_path / "r.json").code == 0
        assert _admin(desk_dir, "backup", "--out", tmp_path / "c.sqlite3").code == 0


def test_restore_is_refused_while_the_workstation_or_a_writing_command_has_the_register(
    desk_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake())).code == 0
    backup = tmp_path / "cadangan.sqlite3"
    assert _admin(desk_dir, "backup", "--out", backup).code == 0
    assert _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake())).code == 0
    before = db_path(desk_dir).read_bytes()
    with holding(desk_dir, WORKSTATION):
        refused = _admin(desk_dir, "restore", backup)
        assert refused.code == 2 and "sedang dibuka oleh aplikasi PPID Desk" in refused.err
    # A command that is writing (intake in a script): restore waits for it, then gives up and changes nothing.
    monkeypatch.setattr(writer_lock, "WAIT_SECONDS", 0.3)
    with holding(desk_dir, "perintah 'ppid-desk request add'"):
        refused = _admin(desk_dir, "restore", backup)
        assert refused.code == 2 and "perintah 'ppid-desk request add'" in refused.err
    assert db_path(desk_dir).read_bytes() == before
    assert _numbers(desk_dir) == ["KEC-SRG/2026/A-0001", "KEC-SRG/2026/A-0002"]


def test_restore_lists_what_the_backup_lacks_and_never_issues_those_numbers_again(
    desk_dir: Path, tmp_path: Path
) -> None:
    assert _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake())).code == 0
    backup = tmp_path / "cadangan.sqlite3"
    assert _admin(desk_dir, "backup", "--out", backup).code == 0
    for _ in range(2):
        assert _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake())).code == 0
    leftover = (
        desk_dir / "backups" / f"ppid-desk-20260101-000000.sqlite3.{dead_pid()}.part"
    )  # a killed backup's
    leftover.parent.mkdir(exist_ok=True)
    leftover.write_bytes(b"half a copy")

    restored = _admin(desk_dir, "restore", backup, "--json")
    assert restored.code == 0, restored.err
    assert restored.json()["lacking"] == {"requests": ["KEC-SRG/2026/A-0002", "KEC-SRG/2026/A-0003"]}
    assert not leftover.exists()
    assert not list(desk_dir.glob("*.part")) and not list((desk_dir / "backups").glob("*.part"))
    text = _admin(desk_dir, "check")
    assert text.code == 0, text.out
    assert "2 nomor hilang karena pemulihan" in text.out and "KEC-SRG/2026/A-0003" in text.out

    added = _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake()))
    assert added.out.split("\t")[0] == "KEC-SRG/2026/A-0004"
    assert _admin(desk_dir, "check").code == 0


def test_restore_says_in_words_what_the_backup_lacks(desk_dir: Path, tmp_path: Path) -> None:
    backup = tmp_path / "cadangan.sqlite3"
    assert _admin(desk_dir, "backup", "--out", backup).code == 0
    assert _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake())).code == 0
    restored = _admin(desk_dir, "restore", backup)
    assert restored.code == 0, restored.err
    assert "Tidak ada dalam cadangan (1 permohonan" in restored.out and "KEC-SRG/2026/A-0001" in restored.out
    assert "sebelum-pulih-" in restored.out


def test_check_notices_a_number_issued_twice_after_a_restore(desk_dir: Path, tmp_path: Path) -> None:
    """What a restore under a running intake did before the lock: the counter went back below numbers already
    issued, and the next intake gave one of them to someone else while ``check`` said the register was sound."""
    backup = tmp_path / "cadangan.sqlite3"
    assert _admin(desk_dir, "backup", "--out", backup).code == 0
    assert _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake())).code == 0
    assert _admin(desk_dir, "restore", backup).code == 0
    with sqlite3.connect(db_path(desk_dir)) as connection:  # the counter the race left behind
        connection.execute("UPDATE counters SET value = 0 WHERE key = 'request:2026'")
    behind = _admin(desk_dir, "check")
    assert behind.code == 1 and "di bawah nomor tertinggi yang pernah terbit" in behind.out
    assert (
        _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake())).code == 0
    )  # reissues A-0001
    twice = _admin(desk_dir, "check")
    assert twice.code == 1 and "KEC-SRG/2026/A-0001 terbit dua kali" in twice.out
    assert os.path.exists(db_path(desk_dir))


_WRITER = """
import io, json, sys
from app.cli.main import main
data_dir, body, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
for _ in range(count):
    out, err = io.StringIO(), io.StringIO()
    sys.stdin = io.TextIOWrapper(io.BytesIO(body.encode()))
    code = main(["--data-dir", data_dir, "--user", "admin", "request", "add", "--meski-duplikat", "-"],
                stdout=out, stderr=err)
    print(json.dumps({"code": code, "number": out.getvalue().split("\\t")[0].strip(), "err": err.getvalue()}),
          flush=True)
"""


def test_a_restore_racing_a_running_intake_never_lets_a_number_be_issued_twice(
    desk_dir: Path, tmp_path: Path
) -> None:
    """The race of issue 13.2: intake keeps running in another process while the register is restored. Before
    the lock, 5–15 numbers were issued a second time to other people. Now each side waits for the other."""
    import subprocess
    import sys

    from tests.lock_holder import ROOT

    assert _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake())).code == 0
    backup = tmp_path / "cadangan.sqlite3"
    assert _admin(desk_dir, "backup", "--out", backup).code == 0
    env = {**os.environ, "PPID_DESK_PASSWORD": "rahasia123"}
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(desk_dir), json.dumps(intake()), "12"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert writer.stdout is not None
    first = json.loads(writer.stdout.readline())  # intake is running
    assert first["code"] == 0, first["err"]
    restored = _admin(desk_dir, "restore", backup, "--json")
    rest = [json.loads(line) for line in writer.stdout]
    assert writer.wait(60) == 0
    assert restored.code == 0, restored.err
    issued = [first["number"]] + [r["number"] for r in rest if r["code"] == 0]
    assert all(r["code"] == 0 for r in rest), [r["err"] for r in rest if r["code"]]
    assert len(issued) == len(set(issued)) == 12, issued
    kept = set(_numbers(desk_dir))
    reserved = set(restored.json()["lacking"].get("requests", []))
    assert set(issued) <= kept | reserved  # every receipt handed out is in the register or listed to re-enter
    assert not kept & reserved
    checked = _admin(desk_dir, "check")
    assert checked.code == 0, checked.out


def test_numbers_stay_reserved_when_the_register_replaced_next_is_lost_too(
    desk_dir: Path, tmp_path: Path
) -> None:
    """The high-water mark does not live only in the register being replaced: after a first restore, a damaged
    register restored again from the same old backup still continues after the numbers already issued."""
    backup = tmp_path / "cadangan.sqlite3"
    assert _admin(desk_dir, "backup", "--out", backup).code == 0
    assert (
        _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake())).code == 0
    )  # A-0001, then lost
    assert _admin(desk_dir, "restore", backup).code == 0
    live = db_path(desk_dir)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{live}{suffix}").unlink(missing_ok=True)
    live.write_bytes(b"rusak" * 100)  # the register is damaged: its own counters are gone
    assert _admin(desk_dir, "restore", backup).code == 0
    added = _admin(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake()))
    assert added.out.split("\t")[0] == "KEC-SRG/2026/A-0002", added.err
    assert _admin(desk_dir, "check").code == 0

"""The CLI end to end in real subprocesses (``python -m app``, the console script's entry point) on a
temporary data folder: the public contract's command forms, stdin, exit codes, and that Qt is never imported."""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from pathlib import Path

import pytest
from cli_helpers import OFFICE_CODE, init_args, intake, run_in_process, run_subprocess, subprocess_env

pytestmark = pytest.mark.slow  # real `python -m app` child processes, one per command


def test_end_to_end(tmp_path: Path) -> None:
    data_dir = tmp_path / "meja"
    init = run_subprocess(*init_args(data_dir))
    assert init.code == 0, init.err
    assert (data_dir / "register.sqlite3").exists()

    added = run_subprocess(
        "request", "add", "-", "--data-dir", data_dir, "--user", "admin", "--json", stdin=json.dumps(intake())
    )
    assert added.code == 0, added.err
    request = added.json()
    number = request["number"]
    assert number == f"{OFFICE_CODE}/2026/A-0001"
    # Received Monday 16 March 2026 and complete at the desk: due Tuesday 7 April 2026 (the example).
    assert request["due"]["response"] == "2026-04-07"

    extended = run_subprocess(
        "--data-dir",
        data_dir,
        "--user",
        "admin",
        "request",
        "act",
        number,
        "extend",
        "--body",
        "-",
        "--at",
        "2026-03-25T14:00",
        "--json",
        stdin=json.dumps({"reason": "belum_didokumentasikan"}),
    )
    assert extended.code == 0, extended.err
    assert extended.json()["status"] == "diperpanjang"

    objection = run_subprocess(
        "--data-dir",
        data_dir,
        "--user",
        "admin",
        "objection",
        "add",
        "--request",
        number,
        "--ground",
        "g",
        "--filed-at",
        "2026-04-20T09:00",
        "--json",
    )
    assert objection.code == 0, objection.err
    assert objection.json()["request_number"] == number

    export = tmp_path / "register.csv"
    assert (
        run_subprocess(
            "export", "--format", "csv", "--out", export, "--data-dir", data_dir, "--user", "admin"
        ).code
        == 0
    )
    rows = list(csv.DictReader(export.read_text(encoding="utf-8-sig").splitlines()))
    assert [r["No. Registrasi"] for r in rows] == [number]

    backup = tmp_path / "cadangan.sqlite3"
    made = run_subprocess("--data-dir", data_dir, "--user", "admin", "backup", "--out", backup)
    assert made.code == 0, made.err
    assert Path(str(backup) + ".key").exists()
    check = run_subprocess("check", "--data-dir", data_dir)
    assert check.code == 0, check.out + check.err


def test_exit_codes(tmp_path: Path) -> None:
    data_dir = tmp_path / "meja"
    assert run_in_process(*init_args(data_dir)).code == 0  # set-up itself is covered by test_end_to_end
    bad = run_subprocess("--data-dir", data_dir, "--user", "admin", "request", "add", stdin="[1, 2")
    assert bad.code == 2 and "JSON tidak valid" in bad.err and "Traceback" not in bad.err
    refused = run_subprocess(
        "--data-dir", data_dir, "--user", "admin", "request", "act", "X/2026/A-0001", "close"
    )
    assert refused.code == 2 and "tidak ditemukan" in refused.err
    with sqlite3.connect(data_dir / "register.sqlite3") as connection:
        assert connection.execute("SELECT count(*) FROM requests").fetchone()[0] == 0
    connection.close()
    damaged = tmp_path / "rusak"
    damaged.mkdir()
    (damaged / "register.sqlite3").write_bytes(b"bukan basis data " * 1000)
    failure = run_subprocess("--data-dir", damaged, "--user", "admin", "request", "list")
    assert failure.code == 1
    assert failure.err.strip() and "Traceback" not in failure.err


def test_cli_commands_never_import_qt(tmp_path: Path) -> None:
    """Run a spread of commands in one interpreter, then look at what got imported."""
    data_dir = tmp_path / "meja"
    script = f"""
import json, sys, io
from app.__main__ import main
d = {str(data_dir)!r}
sys.stdin = io.StringIO({json.dumps(json.dumps(intake()))})
codes = [
    main({[str(a) for a in init_args(data_dir)]!r}),
    main(["--data-dir", d, "--user", "admin", "request", "add"]),
    main(["--data-dir", d, "--user", "admin", "request", "list"]),
    main(["--data-dir", d, "--user", "admin", "request", "show", "{OFFICE_CODE}/2026/A-0001"]),
    main(["--data-dir", d, "--user", "admin", "calendar", "list", "--year", "2026"]),
    main(["--data-dir", d, "--user", "admin", "export", "--out", d + "/r.xlsx"]),
    main(["--data-dir", d, "--user", "admin", "backup"]),
    main(["--data-dir", d, "check"]),
]
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "qtawesome", "ui"))
print(json.dumps({{"codes": codes, "qt": qt}}))
"""
    import subprocess

    completed = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    assert report["codes"] == [0] * 8
    assert report["qt"] == []


def test_stdin_bytes_that_are_not_utf8_exit_2(desk_dir: Path) -> None:
    """A real process reads stdin as bytes: Latin-1 or random bytes are refused with a message (exit 2), in a
    single body and in JSON Lines, never a decoding crash (exit 1)."""
    import subprocess

    good = json.dumps(intake()).encode()
    for argv, stdin in (
        (["request", "add", "-"], b'{"information": "caf\xe9"}'),
        (["request", "add", "--jsonl", "-"], good + b"\n" + b'{"information": "\xff\xfe"}\n'),
    ):
        completed = subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(desk_dir), "--user", "admin", *argv],
            input=stdin, capture_output=True, env=subprocess_env(), timeout=120, check=False,
        )  # fmt: skip
        assert completed.returncode == 2, completed.stderr.decode("utf-8", "replace")
        assert "UTF-8" in completed.stderr.decode("utf-8", "replace")

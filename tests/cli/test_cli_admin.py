"""``ppid-desk init``, ``user``, ``calendar``, ``export`` and the top-level behaviour, in-process."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import types
from datetime import datetime
from pathlib import Path

import pytest
from cli_helpers import NIK, init_args, intake, run_in_process

import app.cli.main as cli_main
from app.services.register import RegisterService


def _admin(desk_dir: Path, *argv: str | Path, stdin: str = "", **env: str | None):  # type: ignore[no-untyped-def]
    return run_in_process("--data-dir", desk_dir, "--user", "admin", *argv, stdin=stdin, env=env or None)


def test_init_is_refused_the_second_time(desk_dir: Path) -> None:
    again = run_in_process(*init_args(desk_dir))
    assert again.code == 2 and "sudah disiapkan" in again.err


def test_init_rejects_a_bad_office_code(tmp_path: Path) -> None:
    result = run_in_process(
        "init",
        "--data-dir",
        tmp_path / "d",
        "--office-code",
        "kec serang!",
        "--office-name",
        "Kecamatan Serang",
        "--admin",
        "admin",
    )
    assert result.code == 2 and "Kode kantor" in result.err


def test_commands_on_a_missing_register_say_so_and_create_nothing(tmp_path: Path) -> None:
    result = run_in_process("request", "list", "--data-dir", tmp_path / "salah-ketik", "--user", "admin")
    assert result.code == 2 and "ppid-desk init" in result.err
    assert not (tmp_path / "salah-ketik").exists()


def test_user_lifecycle(desk_dir: Path) -> None:
    added = _admin(
        desk_dir,
        "user",
        "add",
        "siti",
        "--name",
        "Siti Aminah",
        "--role",
        "petugas",
        "--json",
        PPID_DESK_NEW_PASSWORD="sandi-siti-01",
    )
    assert added.code == 0, added.err
    assert added.json()["role"] == "petugas"
    listed = _admin(desk_dir, "user", "list", "--json").json()
    assert {u["username"] for u in listed} == {"admin", "siti"}

    as_siti = ("--data-dir", desk_dir, "--user", "siti")
    officer_list = run_in_process(*as_siti, "user", "list", env={"PPID_DESK_PASSWORD": "sandi-siti-01"})
    assert officer_list.code == 2 and "tidak berwenang" in officer_list.err

    assert _admin(desk_dir, "user", "disable", "siti").code == 0
    blocked = run_in_process(*as_siti, "request", "list", env={"PPID_DESK_PASSWORD": "sandi-siti-01"})
    assert blocked.code == 2
    assert _admin(desk_dir, "user", "enable", "siti").code == 0

    changed = run_in_process(
        *as_siti,
        "user",
        "passwd",
        env={"PPID_DESK_PASSWORD": "sandi-siti-01", "PPID_DESK_NEW_PASSWORD": "sandi-baru-02"},
    )
    assert changed.code == 0, changed.err
    assert run_in_process(*as_siti, "request", "list", env={"PPID_DESK_PASSWORD": "sandi-baru-02"}).code == 0
    assert _admin(desk_dir, "user", "role", "siti", "supervisor").code == 0
    assert _admin(desk_dir, "user", "disable", "admin").code == 2  # the last active admin stays
    short = _admin(
        desk_dir,
        "user",
        "add",
        "budi",
        "--name",
        "Budi",
        "--role",
        "petugas",
        PPID_DESK_NEW_PASSWORD="pendek",
    )
    assert short.code == 2 and "minimal" in short.err


def test_calendar_edit_and_previewed_recompute(desk_dir: Path) -> None:
    number = _admin(desk_dir, "request", "add", stdin=json.dumps(intake())).out.split("\t")[0]
    listed = _admin(desk_dir, "calendar", "list", "--year", "2026", "--json").json()
    categories = {h["category"] for h in listed["holidays"]}
    assert {"nasional", "cuti_bersama"} <= categories
    assert any("Idul Fitri" in h["name"] for h in listed["holidays"])

    added = _admin(
        desk_dir, "calendar", "add", "2026-04-01", "--name", "HUT Kota Serang", "--source", "SE Wali Kota"
    )
    assert added.code == 0, added.err
    before = _admin(desk_dir, "request", "show", number, "--json").json()["due"]
    preview = _admin(desk_dir, "calendar", "recompute", "--json").json()
    assert preview["applied"] is False
    assert [c["kind"] for c in preview["changes"]] == ["response"]
    assert preview["changes"][0]["old"] == before["response"]
    assert _admin(desk_dir, "request", "show", number, "--json").json()["due"] == before  # nothing changed

    applied = _admin(desk_dir, "calendar", "recompute", "--apply", "--json").json()
    assert applied["applied"] is True
    after = _admin(desk_dir, "request", "show", number, "--json").json()["due"]
    assert after["response"] == preview["changes"][0]["new"] != before["response"]
    assert "Tidak ada tenggat" in _admin(desk_dir, "calendar", "recompute").out

    text = _admin(desk_dir, "calendar", "list", "--year", "2026")
    assert "HUT Kota Serang" in text.out and "libur lokal" in text.out
    assert _admin(desk_dir, "calendar", "add", "2026-04-01", "--name", "Dobel").code == 2
    assert _admin(desk_dir, "calendar", "remove", "2026-04-01").code == 0
    assert _admin(desk_dir, "calendar", "remove", "2026-04-01").code == 2

    assert _admin(desk_dir, "calendar", "cuti-bersama", "--json").json() == {"cuti_bersama_is_holiday": True}
    assert _admin(desk_dir, "calendar", "cuti-bersama", "off").code == 0
    off = _admin(desk_dir, "calendar", "list", "--year", "2026", "--json").json()
    assert off["cuti_bersama_is_holiday"] is False
    assert "cuti_bersama" not in {h["category"] for h in off["holidays"]}


def test_export_masks_personal_data_and_is_refused_to_officers(desk_dir: Path, tmp_path: Path) -> None:
    assert _admin(desk_dir, "request", "add", stdin=json.dumps(intake())).code == 0
    out = tmp_path / "register.csv"
    result = _admin(desk_dir, "export", "--format", "csv", "--out", out, "--from", "2026-01-01", "--json")
    assert result.code == 0, result.err
    assert result.json()["rows"] == 1
    text = out.read_text(encoding="utf-8-sig")
    assert NIK not in text
    rows = list(csv.DictReader(text.splitlines()))
    assert rows[0]["No. Registrasi"] == "KEC-SRG/2026/A-0001"

    empty = tmp_path / "kosong.json"
    assert _admin(desk_dir, "export", "--out", empty, "--status", "batal").code == 0
    assert json.loads(empty.read_text("utf-8"))["count"] == 0
    assert _admin(desk_dir, "export", "--out", tmp_path / "register.pdf").code == 2

    _admin(
        desk_dir,
        "user",
        "add",
        "siti",
        "--name",
        "Siti",
        "--role",
        "petugas",
        PPID_DESK_NEW_PASSWORD="sandi-siti-01",
    )
    officer = run_in_process(
        "export",
        "--out",
        tmp_path / "x.csv",
        "--data-dir",
        desk_dir,
        "--user",
        "siti",
        env={"PPID_DESK_PASSWORD": "sandi-siti-01"},
    )
    assert officer.code == 2 and "tidak berwenang" in officer.err
    assert not (tmp_path / "x.csv").exists()


def test_unexpected_failure_exits_1_without_traceback_unless_debug(
    desk_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(RegisterService, "get", boom)
    plain = _admin(desk_dir, "request", "show", "KEC-SRG/2026/A-0001")
    assert plain.code == 1
    assert "disk penuh" in plain.err and "Traceback" not in plain.err
    debug = _admin(desk_dir, "request", "show", "KEC-SRG/2026/A-0001", "--debug")
    assert debug.code == 1 and "Traceback" in debug.err


def test_no_command_prints_help_until_the_gui_exists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_main, "_start_gui", lambda cli: None)
    result = run_in_process()
    assert result.code == 0
    for command in (
        "init",
        "user",
        "request",
        "objection",
        "calendar",
        "export",
        "backup",
        "restore",
        "check",
    ):
        assert command in result.out


def test_no_command_runs_ui_app_run_when_provided(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: list[Path] = []
    fake_ui = types.ModuleType("ui")
    fake_ui.__path__ = []  # a package
    fake_app = types.ModuleType("ui.app")
    fake_app.run = lambda data_dir: seen.append(data_dir) or 0  # type: ignore[attr-defined]
    fake_app.__spec__ = types.SimpleNamespace(name="ui.app")  # type: ignore[assignment]
    monkeypatch.setitem(sys.modules, "ui", fake_ui)
    monkeypatch.setitem(sys.modules, "ui.app", fake_app)
    result = run_in_process("--data-dir", tmp_path / "gui")
    assert result.code == 0
    assert seen == [tmp_path / "gui"]


@pytest.mark.slow  # a real Python child process
def test_opening_the_workstation_does_not_build_the_command_parser(tmp_path: Path) -> None:
    """``ppid-desk`` without a command reads only the common options: importing every command group would
    make the officer wait longer for the login dialog. A mistake still gets the full parser's message."""
    code = (
        "import sys, types\n"
        "fake_ui = types.ModuleType('ui'); fake_ui.__path__ = []\n"
        "fake_app = types.ModuleType('ui.app'); fake_app.run = lambda data_dir: print('gui', data_dir) or 0\n"
        "fake_app.__spec__ = types.SimpleNamespace(name='ui.app')\n"
        "sys.modules.update({'ui': fake_ui, 'ui.app': fake_app})\n"
        "from app.cli.main import main\n"
        "status = main(sys.argv[1:])\n"
        "print('status', status)\n"
        "print('groups', sorted(m for m in sys.modules if m.startswith('app.cli.') and m.endswith('_cmd')))\n"
    )
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    opened = subprocess.run(
        [sys.executable, "-c", code, "--data-dir", str(tmp_path / "d")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert f"gui {tmp_path / 'd'}" in opened.stdout and "status 0" in opened.stdout
    assert "groups []" in opened.stdout
    mistaken = subprocess.run(
        [sys.executable, "-c", code, "--data-dir"], capture_output=True, text=True, env=env
    )
    assert "status 2" in mistaken.stdout and "kesalahan" in mistaken.stderr and "gui" not in mistaken.stdout


def test_usage_errors_exit_2() -> None:
    assert run_in_process("request", "frobnicate").code == 2
    assert run_in_process("request").code == 2
    assert run_in_process("--version").code == 0


def _desk_clock(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    """Every register the command opens runs on ``moment``'s clock (the PC's date stays today's)."""
    from app.services.desk import DeskServices

    opened = DeskServices.open.__func__  # type: ignore[attr-defined]

    def on_clock(cls: type[DeskServices], data_dir: Path, **kwargs: object) -> DeskServices:
        return opened(cls, data_dir, **{**kwargs, "clock": lambda: moment})

    monkeypatch.setattr(DeskServices, "open", classmethod(on_clock))


def test_calendar_list_shows_the_year_of_the_desk_clock(
    desk_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 16 item 6: ``calendar list`` without ``--year`` shows the year the desk's clock is in, the clock
    every deadline is counted by, not the PC's own date."""
    _desk_clock(monkeypatch, datetime(2031, 3, 2, 10, 0))
    listed = _admin(desk_dir, "calendar", "list")
    assert listed.code == 0, listed.err
    assert listed.out.startswith("Kalender 2031 ")
    assert _admin(desk_dir, "calendar", "list", "--json").json()["year"] == 2031


def test_calendar_output_names_kinds_records_and_deadlines_in_words(desk_dir: Path) -> None:
    """Issue 16 item 6: no stored code in what ``calendar add`` and ``recompute`` print (``libur_lokal``,
    ``request``, ``response``); ``--json`` keeps the codes for scripts."""
    from app.services.calendar import CLOSURE, WORKING_OVERRIDE
    from app.services.record_fields.calendar import CALENDAR_KINDS

    assert set(CALENDAR_KINDS) == {CLOSURE, WORKING_OVERRIDE}
    number = _admin(desk_dir, "request", "add", stdin=json.dumps(intake())).out.split("\t")[0]
    added = _admin(desk_dir, "calendar", "add", "2026-04-01", "--name", "HUT Kota Serang")
    assert added.code == 0, added.err
    assert "2026-04-01 dicatat sebagai libur lokal: HUT Kota Serang." in added.out
    assert "libur_lokal" not in added.out
    working = _admin(desk_dir, "calendar", "add", "2026-04-04", "--name", "Sabtu", "--kind", "hari_kerja")
    assert "dicatat sebagai hari kerja pengganti: Sabtu." in working.out

    preview = _admin(desk_dir, "calendar", "recompute").out
    line = next(row for row in preview.splitlines() if number in row)
    assert line.split()[0] == "permohonan" and "Pemberitahuan tertulis" in line
    assert "request" not in preview and "response" not in preview
    assert _admin(desk_dir, "calendar", "recompute", "--json").json()["changes"][0]["entity"] == "request"

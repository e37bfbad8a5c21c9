"""``ppid-desk demo``: seeds a throw-away office and opens the GUI on it, signed in as the demo officer."""

from __future__ import annotations

import hashlib
from pathlib import Path

from cli_helpers import run_in_process

from app.demo import DEMO_MARKER, DEMO_OFFICER
from app.paths import db_path
from app.services.desk import DeskServices


def test_demo_no_gui_seeds_the_given_folder(tmp_path: Path):
    folder = tmp_path / "demo"
    result = run_in_process("demo", "--no-gui", "--count", "6", "--days", "30", "--dir", folder, "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data == {"data_dir": str(folder), "user": DEMO_OFFICER[0], "password": DEMO_OFFICER[1], "count": 6}
    desk = DeskServices.open(folder)
    try:
        officer = desk.users.authenticate(*DEMO_OFFICER)
        assert desk.query.count(officer) == 6
    finally:
        desk.close()


def _fake_gui(monkeypatch) -> list[dict]:
    """``ui.app.run`` replaced by a stand-in that does what the real one does with ``prepare`` (seeds the folder
    behind its splash) and notes what it saw."""
    calls: list[dict] = []

    def fake_run(data_dir, *, sign_in=None, argv=None, prepare=None):
        if prepare is not None:
            prepare(lambda done, total: None)
        calls.append({"data_dir": data_dir, "sign_in": sign_in, "seeded": db_path(data_dir).exists()})
        return 0

    monkeypatch.setattr("ui.app.run", fake_run)
    return calls


def test_demo_opens_the_gui_signed_in_and_keeps_a_named_folder(tmp_path: Path, monkeypatch):
    calls = _fake_gui(monkeypatch)
    folder = tmp_path / "demo"
    result = run_in_process("demo", "--count", "3", "--days", "10", "--dir", folder)
    assert result.code == 0, result.err
    assert calls == [{"data_dir": folder, "sign_in": DEMO_OFFICER, "seeded": True}]
    assert "Masuk otomatis sebagai 'petugas'" in result.out
    assert db_path(folder).exists()  # named by the officer: kept


def test_demo_removes_its_throwaway_folder_when_the_window_closes(monkeypatch):
    calls = _fake_gui(monkeypatch)
    result = run_in_process("demo", "--count", "3", "--days", "10")
    assert result.code == 0, result.err
    [call] = calls
    assert call["seeded"]  # the register was there while the window was open
    assert not call["data_dir"].exists()


def test_demo_removes_its_throwaway_folder_when_seeding_fails(monkeypatch):
    calls = _fake_gui(monkeypatch)
    seen: list[Path] = []

    def broken_seed(folder: Path, **_kwargs) -> None:
        seen.append(folder)
        (folder / "half-done").write_text("x")
        raise RuntimeError("disk full")

    monkeypatch.setattr("app.demo.seed_demo", broken_seed)
    result = run_in_process("demo", "--count", "3")
    assert result.code == 1
    assert seen and not seen[0].exists()
    assert calls == []


def test_demo_honours_data_dir(tmp_path: Path):
    folder = tmp_path / "demo-here"
    result = run_in_process(
        "demo", "--no-gui", "--count", "4", "--days", "20", "--data-dir", folder, "--json"
    )
    assert result.code == 0, result.err
    assert result.json()["data_dir"] == str(folder)
    assert (folder / DEMO_MARKER).is_file()
    desk = DeskServices.open(folder)
    try:
        assert desk.query.count(desk.users.authenticate(*DEMO_OFFICER)) == 4
    finally:
        desk.close()


def test_demo_honours_data_dir_before_the_command_too(tmp_path: Path, monkeypatch):
    calls = _fake_gui(monkeypatch)
    folder = tmp_path / "demo-top"
    result = run_in_process("--data-dir", folder, "demo", "--count", "3", "--days", "10")
    assert result.code == 0, result.err
    assert calls[0]["data_dir"] == folder
    assert db_path(folder).exists()


def test_demo_refuses_a_real_office_folder(desk_dir: Path):
    before = hashlib.sha256(db_path(desk_dir).read_bytes()).hexdigest()
    result = run_in_process("demo", "--no-gui", "--count", "3", "--data-dir", desk_dir)
    assert result.code == 2
    assert "berisi register kantor, bukan data demo" in result.err
    assert hashlib.sha256(db_path(desk_dir).read_bytes()).hexdigest() == before
    assert not (desk_dir / DEMO_MARKER).exists()


def test_demo_refuses_two_different_folders(tmp_path: Path):
    result = run_in_process("demo", "--no-gui", "--dir", tmp_path / "a", "--data-dir", tmp_path / "b")
    assert result.code == 2
    assert "--dir dan --data-dir menunjuk folder yang berbeda" in result.err


def test_demo_refuses_zero_requests(tmp_path: Path):
    result = run_in_process("demo", "--no-gui", "--count", "0", "--dir", tmp_path / "x")
    assert result.code == 2

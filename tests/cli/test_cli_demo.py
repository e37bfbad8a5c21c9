"""``ppid-desk demo``: seeds a throw-away office and opens the GUI on it, signed in as the demo officer."""

from __future__ import annotations

from pathlib import Path

from cli_helpers import run_in_process

from app.demo import DEMO_OFFICER
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


def test_demo_opens_the_gui_signed_in(tmp_path: Path, monkeypatch):
    calls = []

    def fake_run(data_dir, *, sign_in=None, argv=None):
        calls.append((data_dir, sign_in))
        return 0

    monkeypatch.setattr("ui.app.run", fake_run)
    folder = tmp_path / "demo"
    result = run_in_process("demo", "--count", "3", "--days", "10", "--dir", folder)
    assert result.code == 0, result.err
    assert calls == [(folder, DEMO_OFFICER)]
    assert "Masuk otomatis sebagai 'petugas'" in result.out


def test_demo_refuses_zero_requests(tmp_path: Path):
    result = run_in_process("demo", "--no-gui", "--count", "0", "--dir", tmp_path / "x")
    assert result.code == 2

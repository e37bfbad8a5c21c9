"""The workstation and the register it may not write: open in another ``ppid-desk`` (issue 16.8), or on a disk
that refuses writes (issue 13.5). Driven through ``Startup`` as ``ppid-desk`` starts it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.services.writer_lock import WORKSTATION
from db import engine
from tests.conftest import ADMIN_PASSWORD
from tests.lock_holder import holding
from ui.shell.main_window import MainWindow


@pytest.fixture
def office(tmp_path: Path, _desk_template) -> Path:
    folder = tmp_path / "office"
    shutil.copytree(_desk_template.folder, folder)
    return folder


@pytest.mark.slow  # a real second process holds the register
def test_a_second_workstation_is_told_the_register_is_open_elsewhere_and_ends(
    qtbot, office: Path, make_startup
) -> None:
    with holding(office, WORKSTATION) as other:
        startup = make_startup(office)
        startup.begin()
        qtbot.waitUntil(lambda: startup.error_box is not None, timeout=30_000)
        box = startup.error_box
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert "sedang dibuka oleh aplikasi PPID Desk" in box.text() and f"PID {other.pid}" in box.text()
        assert startup.session is None and startup.desk is None  # never signed in
        with qtbot.waitSignal(startup.finished, timeout=5_000) as ended:
            box.done(0)
        assert ended.args == [1]


def test_a_register_on_a_read_only_disk_opens_read_only_and_says_so(
    qtbot, office: Path, make_startup, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "folder_writable", lambda path: Path(path) != office)
    startup = make_startup(office, sign_in=("admin", ADMIN_PASSWORD))
    startup.begin()
    qtbot.waitUntil(
        lambda: startup.session is not None and startup.session.window is not None, timeout=30_000
    )
    window = startup.session.window
    assert isinstance(window, MainWindow) and startup.desk.read_only
    assert window.read_only_label.text() == "HANYA-BACA" and window.read_only_label.isVisible()
    qtbot.waitUntil(lambda: window.read_only_box.isVisible(), timeout=5_000)
    assert "hanya untuk dibaca" in window.read_only_box.text()
    window.read_only_box.done(0)
    # Intake, whose typing could never be saved, is not offered: neither the button nor Ctrl+N / F2.
    assert not window.intake_button.isEnabled() and not window.intake_action.isEnabled()
    window.set_locked(True)
    window.set_locked(False)
    assert not window.intake_action.isEnabled()
    assert window.open_intake() is None and window.read_only_box.isVisible()
    window.read_only_box.done(0)

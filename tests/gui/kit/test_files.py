"""The file dialogs open in the officer's Documents or the folder last used, never the program's own folder.

Seen under Xvfb: the register's *Ekspor › CSV* dialog opened in the folder the program was started from; the
Windows shortcuts start it in ``C:\\Program Files\\PPID Desk`` (build_spec/windows/ppid-desk.iss).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from ui.kit import files
from ui.shell import wiring


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[tuple[str, str]]:
    """Qt's file dialogs replaced: each call records (kind, the path it was given) and chooses nothing."""
    asked: list[tuple[str, str]] = []

    def save(parent: Any, title: str, path: str = "", pattern: str = "") -> tuple[str, str]:
        asked.append(("save", path))
        return "", ""

    def open_(parent: Any, title: str, path: str = "", pattern: str = "") -> tuple[str, str]:
        asked.append(("open", path))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_)
    monkeypatch.setattr(files, "_last", None)
    program = tmp_path / "Program Files" / "PPID Desk"
    program.mkdir(parents=True)
    monkeypatch.chdir(program)  # where a Windows shortcut starts the program
    return asked


def _outside_the_program(path: str) -> bool:
    return Path(path).is_absolute() and "Program Files" not in path


def test_every_save_and_open_dialog_starts_outside_the_programs_folder(
    qtbot, desk, supervisor, admin, dialogs
):
    from ui.agenda.page import AgendaPage
    from ui.register.page import RegisterPage
    from ui.reports.page import ReportsPage
    from ui.settings.office_forms import KopForm
    from ui.sync.settings_panel import SyncSettingsPanel

    register = RegisterPage(wiring.register(desk), supervisor, background=False)
    qtbot.addWidget(register)
    register._ask_export("csv")
    agenda = AgendaPage(wiring.agenda(desk), supervisor, background=False)
    qtbot.addWidget(agenda)
    agenda._ask_export("xlsx")
    reports = ReportsPage(wiring.reports(desk), supervisor, background=False)
    qtbot.addWidget(reports)
    reports._ask_export("pdf")
    kop = KopForm(desk.office.data_folder())
    qtbot.addWidget(kop)
    kop._choose_logo()
    sync = SyncSettingsPanel(wiring.sync(desk), admin, None)
    qtbot.addWidget(sync)
    sync.choose_ca_bundle()
    assert [kind for kind, _ in dialogs] == ["save", "save", "save", "open", "open"]
    assert [path for _, path in dialogs if not _outside_the_program(path)] == []
    assert Path(dialogs[0][1]).name == "register-permohonan.csv"


def test_the_save_pdf_of_a_preview_starts_outside_the_programs_folder(dialogs):
    from ui.printing.preview_dialog import ask_save_path

    ask_save_path(None, "tanda-bukti-CPJ-2026-A-0001.pdf")  # type: ignore[arg-type]
    assert dialogs and _outside_the_program(dialogs[0][1])


def test_the_next_dialog_opens_where_the_officer_saved_last(monkeypatch, tmp_path, dialogs):
    chosen = tmp_path / "Arsip PPID" / "register.csv"
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(chosen), ""))
    assert files.save_path(None, "Ekspor", "register.csv", "CSV (*.csv)") == str(chosen)
    assert files.start_folder() == chosen.parent

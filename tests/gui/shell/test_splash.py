"""A start without a login dialog (first run, ``ppid-desk demo``) shows a window at once: a splash saying what is
prepared, with the demo's seeding progress, until the session's first window replaces it (issue 16, item 9)."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
import shiboken6

from app.demo import DEMO_OFFICER, seed_demo
from tests.gui.shell.test_startup import ROOT
from ui.shell.main_window import MainWindow
from ui.shell.setup_wizard import SetupWizard
from ui.shell.splash import StartupSplash


def test_first_run_shows_a_splash_before_the_register_is_ready(qtbot, tmp_path, held_load, make_startup):
    startup = make_startup(tmp_path / "new-office")
    startup.begin()
    splash = startup.splash
    assert isinstance(splash, StartupSplash) and splash.isVisible()
    assert splash.message.text() == "Menyiapkan data kantor baru…"
    with qtbot.waitSignal(startup.session_started, timeout=30_000) as started:
        held_load.set()
    assert isinstance(started.args[0].dialog, SetupWizard) and started.args[0].dialog.isVisible()
    assert startup.splash is None and (not shiboken6.isValid(splash) or not splash.isVisible())


def test_demo_shows_the_seeding_progress_then_the_signed_in_window(qtbot, tmp_path, make_startup):
    folder = tmp_path / "demo"
    release = threading.Event()
    steps: list[tuple[int, int]] = []

    def prepare(progress) -> None:
        progress(0, 10)
        assert release.wait(30), "the test never let the seeding go on"
        seed_demo(folder, count=3, days=10, progress=lambda done, total: (steps.append((done, total)),
                                                                         progress(done, total)))  # fmt: skip

    startup = make_startup(folder, sign_in=DEMO_OFFICER, prepare=prepare)
    startup.begin()
    splash = startup.splash
    assert isinstance(splash, StartupSplash) and splash.isVisible()
    assert startup.login is None
    assert splash.message.text() == "Menyiapkan kantor demo berisi contoh permohonan…"
    qtbot.waitUntil(lambda: splash.bar.maximum() == 10, timeout=5_000)  # progress from the loading thread
    with qtbot.waitSignal(startup.session_started, timeout=60_000) as started:
        release.set()
    session = started.args[0]
    qtbot.waitUntil(lambda: isinstance(session.window, MainWindow), timeout=30_000)
    assert session.actor.username == DEMO_OFFICER[0]
    assert steps and steps[-1][0] == steps[-1][1]
    assert startup.splash is None


@pytest.mark.slow  # a real Python child process
def test_the_splash_path_loads_no_service_before_its_window():
    """The first-run and demo splash costs what the login dialog costs: no SQLAlchemy, no service layer."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "import ui.app, ui.shell.startup\n"
        "from ui.shell.splash import StartupSplash\n"
        "app = QApplication([])\n"
        "StartupSplash('x').show()\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'reportlab')"
        " or m.startswith('app.services'))\n"
        "print(loaded)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={"PATH": "", "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
                          timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"

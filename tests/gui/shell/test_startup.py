"""Start-up (ui/shell/startup.py): the login dialog first, the register loaded behind it, then the session."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QMessageBox

from bench.startup_bench import first_window_script
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD
from ui.shell import startup as startup_module
from ui.shell.login import LoginDialog
from ui.shell.main_window import MainWindow
from ui.shell.setup_wizard import SetupWizard

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def office(tmp_path: Path, _desk_template) -> Path:
    """A copy of the test office's data folder, not opened by anyone yet."""
    folder = tmp_path / "office"
    shutil.copytree(_desk_template.folder, folder)
    return folder


#: ``ppid-desk ARGV`` through its entry point (bench/startup_bench.py's child); once the first window is painted it
#: prints the modules then loaded that a splash does not need (the lifecycle tables, the services, SQLAlchemy).
_FIRST_WINDOW_MODULES = first_window_script(
    "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'app.services', 'app.domain.lifecycle', "
    "'app.domain.state_machine'))), flush=True)"
)


@pytest.mark.slow  # a real Python child process
def test_the_demo_shows_its_splash_before_loading_the_lifecycle_or_the_services(tmp_path: Path):
    """``ppid-desk demo`` must put its splash on screen for the cost of the login dialog: the demo module, read
    before Qt starts, may not bring the lifecycle tables (≈ 20 ms) or the service layer in front of it."""
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_WINDOW_MODULES, "demo", "--dir", str(tmp_path / "demo")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "", "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.slow  # a real Python child process
def test_the_workstation_reaches_its_login_dialog_without_loading_the_services():
    """What ui/app.py and the login dialog import must not pull in SQLAlchemy or the service layer: that is
    what lets the dialog open while the register loads."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "import ui.app, ui.shell.startup\n"
        "from ui.shell.login import LoginDialog\n"
        "app = QApplication([])\n"
        "LoginDialog(None).show()\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy' or m.startswith('app.services'))\n"
        "print(loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "", "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_officer_types_while_the_register_loads_and_enter_waits_for_it(
    qtbot, office, held_load, make_startup
):
    startup = make_startup(office)
    startup.begin()
    login = startup.login
    assert isinstance(login, LoginDialog) and login.isVisible()
    assert login.desk is None and not login.office.isVisible()
    login.username.setText("petugas")
    login.password.setText(USER_PASSWORD)
    login.submit()  # Enter before the register is open: remembered, nothing lost
    assert login.ok_button.text() == "Memuat data kantor…" and not login.ok_button.isEnabled()
    assert login.isVisible()
    with qtbot.waitSignal(startup.session_started, timeout=30_000) as started:
        held_load.set()
    session = started.args[0]
    assert session.dialog is login and login.desk is startup.desk
    assert login.office.text() == "Kecamatan Cipocok Jaya" and not login.office.isHidden()
    qtbot.waitUntil(lambda: session.window is not None, timeout=30_000)
    assert isinstance(session.window, MainWindow)
    assert session.actor.username == "petugas"


def test_a_wrong_password_typed_during_the_load_is_refused_after_it(qtbot, office, held_load, make_startup):
    startup = make_startup(office)
    startup.begin()
    login = startup.login
    login.username.setText("admin")
    login.password.setText("bukan-" + ADMIN_PASSWORD)
    login.submit()
    with qtbot.waitSignal(login.failed, timeout=30_000):
        held_load.set()
    assert startup.session.window is None
    assert login.isVisible() and login.password.text() == "" and login.ok_button.isEnabled()
    assert "salah" in login.form.general.text()


def test_closing_the_dialog_during_the_load_ends_the_program(qtbot, office, held_load, make_startup):
    startup = make_startup(office)
    startup.begin()
    with qtbot.waitSignal(startup.finished, timeout=5_000) as ended:
        startup.login.reject()
    assert ended.args == [0]
    held_load.set()
    qtbot.waitUntil(lambda: startup.desk is not None, timeout=30_000)
    assert startup.session is None  # nothing opened after the officer left


def test_first_run_opens_the_wizard_once_the_register_exists(qtbot, tmp_path, make_startup):
    startup = make_startup(tmp_path / "new-office")
    startup.begin()
    assert startup.login is None  # nothing to sign in to yet
    with qtbot.waitSignal(startup.session_started, timeout=30_000) as started:
        pass
    assert isinstance(started.args[0].dialog, SetupWizard)


def test_a_register_without_an_office_trades_the_login_for_the_wizard(qtbot, tmp_path, make_startup):
    from app.services.desk import DeskServices

    folder = tmp_path / "half-set-up"
    DeskServices.open(folder).close()  # the file exists, the wizard was never finished
    startup = make_startup(folder)
    startup.begin()
    login = startup.login
    assert isinstance(login, LoginDialog)
    with qtbot.waitSignal(startup.session_started, timeout=30_000) as started:
        pass
    assert isinstance(started.args[0].dialog, SetupWizard)
    assert not shiboken6.isValid(login) or not login.isVisible()


def test_a_register_that_cannot_be_opened_is_explained_and_ends_with_status_1(
    qtbot, office, monkeypatch, make_startup
):
    def broken(data_dir: Path):
        raise PermissionError(13, "Permission denied", str(data_dir / "ppid-desk.sqlite3"))

    monkeypatch.setattr(startup_module, "open_register", broken)
    startup = make_startup(office)
    startup.begin()
    login = startup.login
    qtbot.waitUntil(lambda: startup.error_box is not None, timeout=30_000)
    box = startup.error_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text().startswith("Data kantor tidak dapat dibuka.") and "Traceback" not in box.text()
    assert not shiboken6.isValid(login) or not login.isVisible()  # closed (and deleted once closed)
    logs = list(startup.crash.log_dir.glob("crash-*.log"))
    assert len(logs) == 1 and "PermissionError" in logs[0].read_text(encoding="utf-8")
    with qtbot.waitSignal(startup.finished, timeout=5_000) as ended:
        box.done(0)
    assert ended.args == [1]


def test_a_register_from_a_newer_release_is_refused_with_its_reason_and_left_untouched(
    qtbot, office, make_startup
):
    import hashlib
    import sqlite3

    register = office / "register.sqlite3"
    with sqlite3.connect(register) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9001_from_the_future'")
    before = hashlib.sha256(register.read_bytes()).hexdigest()
    startup = make_startup(office)
    startup.begin()
    qtbot.waitUntil(lambda: startup.error_box is not None, timeout=30_000)
    box = startup.error_box
    assert box.isVisible() and box.text().startswith("Data kantor tidak dapat dibuka.")
    assert (
        "dibuat oleh versi PPID Desk yang lebih baru" in box.text() and "9001_from_the_future" in box.text()
    )
    assert startup.session is None and startup.desk is None
    with qtbot.waitSignal(startup.finished, timeout=5_000) as ended:
        box.done(0)
    assert ended.args == [1]
    assert hashlib.sha256(register.read_bytes()).hexdigest() == before
    assert not (office / "backups").exists() or not any((office / "backups").iterdir())


def test_a_register_whose_pii_key_is_missing_says_how_to_restore_it_and_writes_no_key(
    qtbot, office, make_startup
):
    key = office / "keys" / "pii.key"
    key.unlink()
    startup = make_startup(office)
    startup.begin()
    qtbot.waitUntil(lambda: startup.error_box is not None, timeout=30_000)
    text = startup.error_box.text()
    assert "pii.key" in text and "Pulihkan file kunci dari cadangan" in text
    assert not key.exists()
    with qtbot.waitSignal(startup.finished, timeout=5_000) as ended:
        startup.error_box.done(0)
    assert ended.args == [1]

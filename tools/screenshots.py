"""Render every main screen of the workstation from the demo register into docs/screenshots/.

    python tools/screenshots.py                 # 1366×768 screens + a 150 % dashboard
    python tools/screenshots.py --out /tmp/s    # elsewhere
    python tools/screenshots.py --lang en       # the English interface
    python tools/screenshots.py --role petugas --out /tmp/s   # what a petugas sees: every settings tab

Why a script: the README's pictures must show the real program, and must be re-made whenever a screen
changes. It runs on Qt's offscreen platform (no display needed), seeds a demo office on a fixed date (Friday
27 November 2026, 14:30) so the pictures are the same on every run, and grabs each page with ``QWidget.grab``.
The 150 % variant runs in a child process with ``QT_SCALE_FACTOR=1.5`` (a 1920×1080 screen at 150 %).

A role sees other tabs, read-only notices and disabled fields: ``--role petugas`` or ``supervisor`` (added to
the demo office if missing) signs in as that officer and pictures every settings tab, into files ending in
``-petugas``/``-supervisor``. With ``QT_QPA_PLATFORM`` set (``xcb`` under Xvfb and a window manager, any
``QT_SCALE_FACTOR``) the screen is that platform's and the main window is maximised in its work area, as an
officer opens it, rather than set to 1366×768.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.services.register_query import RegisterFilter

ROOT = Path(__file__).resolve().parent.parent


def _offscreen_screen(width: int, height: int) -> None:
    """Qt's offscreen screen is 800×800 unless told otherwise, and windows size themselves from the screen's
    work area (ui/kit/screen.py): give it the office screen before Qt starts."""
    if "QT_QPA_PLATFORM" in os.environ:
        return
    config = Path(tempfile.gettempdir()) / f"ppid-shots-screen-{width}x{height}.json"
    screen = {"name": f"{width}x{height}", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


#: Drawn on the platform the caller chose (``xcb`` under Xvfb): its own screen, the window maximised in it.
REAL_SCREEN = "QT_QPA_PLATFORM" in os.environ
# the 150 % child (QT_SCALE_FACTOR set) renders a 1920×1080 screen; the main run the 1366×768 office screen
_offscreen_screen(1920, 1080) if os.environ.get("QT_SCALE_FACTOR") else _offscreen_screen(1366, 768)
sys.path.insert(0, str(ROOT))

NOW = datetime(2026, 11, 27, 14, 30)


def _settle(app: object) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.kit.tasks import runner

    for _ in range(6):
        runner().wait(20_000)
        QApplication.processEvents()


#: The demo's own accounts; a supervisor is added to the demo office when pictured (its password the same).
ROLES = ("admin", "petugas", "supervisor")


def _sign_in(desk: Any, role: str) -> Any:
    from app.demo import DEMO_ADMIN

    admin = desk.users.authenticate(*DEMO_ADMIN)
    if role == "supervisor" and role not in {user.username for user in desk.users.list(admin)}:
        desk.users.add(admin, username=role, full_name="Siti Rahma", role=role, password=DEMO_ADMIN[1])
    return desk.users.authenticate(role, DEMO_ADMIN[1])


def render(out: Path, data_dir: Path, language: str, scale_only: bool, role: str = "admin") -> list[Path]:
    from PySide6.QtWidgets import QApplication, QWidget

    from app.demo import DEMO_ADMIN, seed_demo
    from app.services.desk import DeskServices
    from ui.app import application
    from ui.kit import i18n
    from ui.shell.lock import LockDialog
    from ui.shell.login import LoginDialog
    from ui.shell.main_window import MainWindow
    from ui.shell.setup_wizard import SetupWizard

    app = application()
    i18n.install(language)
    if not (data_dir / "register.sqlite3").exists():
        seed_demo(data_dir, now=NOW)
    desk = DeskServices.open(data_dir, clock=lambda: NOW)
    admin = desk.users.authenticate(*DEMO_ADMIN)
    actor = _sign_in(desk, role)
    saved: list[Path] = []
    suffix = ("" if role == "admin" else f"-{role}") + ("" if language == "id" else f"-{language}")

    def shot(widget: QWidget, name: str) -> None:
        _settle(app)
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        saved.append(path)

    window = MainWindow(desk, actor)
    if scale_only:
        window.resize(1280, 720)
        window.show()
        shot(window, "dashboard-150")
        window.close()
        desk.close()
        return saved
    if REAL_SCREEN:
        window.showMaximized()
    else:
        window.resize(1366, 768)
        window.show()
    shot(window, "dashboard")
    window.show_page("register")
    shot(window, "register")
    # which request to picture: a lookup of numbers, not a view of anyone's contacts (nothing to record)
    overdue = desk.query.rows(
        admin, _filter(overdue_only=True), limit=1, order_by="due", descending=False, contacts=False
    )
    number = overdue[0].number if overdue else desk.query.rows(admin, limit=1, contacts=False)[0].number
    window.open_request(number)
    shot(window, "request")
    window.show_page("objections")
    shot(window, "objections")
    window.show_page("reports")
    shot(window, "laporan")
    window.show_page("agenda")
    shot(window, "agenda")
    window.show_page("settings")
    settings = window.pages["settings"]
    for key in ("office", "calendar", "users") if role == "admin" else list(settings.panels):  # type: ignore[attr-defined]
        settings.show_panel(key)
        shot(window, f"settings-{key}")
    _sync_screens(desk, window, shot, app)
    window.show_page("dashboard")
    intake = window.open_intake()
    if intake is not None:
        shot(intake, "intake")
        intake.close()
    lock = LockDialog(desk, actor, window)
    lock.show()
    shot(lock, "lock")
    lock.close()
    window.close()
    login = LoginDialog(desk, office_name=desk.office.profile().name)
    login.show()
    shot(login, "login")
    login.close()
    with tempfile.TemporaryDirectory() as fresh:
        new_desk = DeskServices.open(Path(fresh))
        wizard = SetupWizard(new_desk)
        wizard.show()
        shot(wizard, "setup-wizard")
        wizard.close()
        new_desk.close()
    _settle(app)
    desk.close()
    QApplication.processEvents()
    return saved


def _sync_screens(desk: Any, window: Any, shot: Any, app: object) -> None:
    """The Sinkronisasi page after a real sync with a trial city server (SQLite, 127.0.0.1) and the enrollment
    tab; the device token lives in an in-memory keyring, nothing is written to this PC's keyring."""
    import keyring

    from app.sync.engine import SyncEngine
    from app.sync.secrets import MemoryKeyring, TokenStore
    from server import admin as server_admin
    from server.testing import init_db, live_server

    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory(prefix="ppid-city-") as city_dir:
        engine = init_db(f"sqlite:///{city_dir}/city.sqlite3")
        server_admin.add_office(engine, "3673", "PPID Utama Kota Serang", is_city=True)
        office = desk.office.profile()
        server_admin.add_office(engine, office.code, office.name)
        with live_server(engine) as city:
            code, _ = server_admin.new_enroll_code(engine, office.code)
            sync = SyncEngine(desk.ctx.db, TokenStore(), clock=desk.ctx.clock)
            sync.enroll(city.url, code, label="Meja depan")
            sync.sync()
            window.sync.refresh()
            for _ in range(300):  # the window's own worker may be mid-round: picture the settled state
                _settle(app)
                if not window.sync.busy:
                    break
                time.sleep(0.1)
            window.show_page("sync")
            shot(window, "sync")
            window.show_page("settings")
            window.pages["settings"].show_panel("sync")
            shot(window, "settings-sync")
        engine.dispose()


def _filter(**kwargs: Any) -> RegisterFilter:
    from app.services.register_query import RegisterFilter

    return RegisterFilter(**kwargs)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--data-dir", type=Path, help="demo data folder to reuse (bawaan: folder sementara)")
    parser.add_argument("--lang", default="id", choices=("id", "en"))
    parser.add_argument("--role", default="admin", choices=ROLES, help="masuk sebagai (bawaan: admin)")
    parser.add_argument("--scale-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ppid-shots-") as tmp:
        data_dir = args.data_dir or Path(tmp) / "demo"
        saved = render(args.out, data_dir, args.lang, args.scale_only, args.role)
        if not args.scale_only and not REAL_SCREEN:
            env = {**os.environ, "QT_SCALE_FACTOR": "1.5"}
            env.pop("QT_QPA_PLATFORM", None)  # the child sets up its own (larger) screen
            cmd = [sys.executable, __file__, "--out", str(args.out), "--data-dir", str(data_dir)]
            subprocess.run(
                [*cmd, "--lang", args.lang, "--role", args.role, "--scale-only"], check=True, env=env
            )
    for path in saved:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""From process start to a session: the login dialog first, the register loaded behind it.

Why: loading the register means importing SQLAlchemy, the models and the services and opening (perhaps
migrating) the SQLite file — about twice as long as starting Qt itself. None of it is needed to *show* a login
dialog, only to check the password, and an officer needs a few seconds to type a user name and password. So
on a PC that already has a register the dialog opens at once (this module and ui/shell/login.py import no
service), the register opens on a worker thread meanwhile, and ``LoginDialog.attach`` hands it over. An
officer who presses Enter before then waits only for the rest of the load. Still during the typing, the main
window's module is imported and its one-time costs are paid (``MainWindow.prepare``, ``ui.kit.gc.settle``), and the
session builds the dashboard, which loads itself (ui/shell/session.py): after Enter only the password check and the
rest of the window remain (docs/benchmarks.md, "Start-up and memory").

A first run (no register file yet) and ``ppid-desk demo`` (signed in automatically) have nothing to ask
before the register is open: they show a splash at once (ui/shell/splash.py, as cheap as the login dialog)
saying what is being prepared, with the demo's seeding progress (``prepare``, run on the same worker before the
register opens), and go to the session once it is loaded. If the register cannot be opened, the officer is
told so in plain Indonesian (the full error goes to the crash log) and the program ends with status 1.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.paths import db_path
from ui.kit import gc as gui_gc
from ui.kit.crash import CrashHandler, user_message
from ui.kit.lifetime import keep
from ui.kit.tasks import run_in_background, runner
from ui.shell.login import LoginDialog
from ui.shell.splash import StartupSplash

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from app.services.desk import DeskServices
    from ui.shell.session import DeskApp

APP_NAME = "PPID Desk"

# Work to do on the loading thread before the register opens, told how far it is: ``prepare(progress)``
# with ``progress(done, total)`` (``ppid-desk demo`` seeds its office here).
Prepare = Callable[[Callable[[int, int], None]], None]

#: The register starts loading when the first window has been painted, or after this long if it is not.
LOAD_AT_LATEST_MS = 500


class _FirstPaint(QObject):
    """Calls ``then`` (queued, so the paint is finished and on screen first) after ``window``'s first paint."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.window: QWidget | None = window
        self.then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if isinstance(event, QPaintEvent):
            self.stop()
            QTimer.singleShot(0, self.then)
        return False

    def stop(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            window.removeEventFilter(self)


def open_register(data_dir: Path) -> DeskServices:
    """Import the service layer and open the data folder (run on a worker thread)."""
    from app.services.desk import DeskServices
    from app.services.writer_lock import WORKSTATION

    return DeskServices.open(data_dir, writer=WORKSTATION)


class Startup(QObject):
    """Emits ``finished(exit_code)`` when the program should end; ``session_started(DeskApp)`` once the
    register is open and the session (wizard, login, main window) has taken over."""

    finished = Signal(int)
    session_started = Signal(object)

    def __init__(
        self,
        data_dir: Path,
        crash: CrashHandler,
        *,
        sign_in: tuple[str, str] | None = None,
        prepare: Prepare | None = None,
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.crash = crash
        self.sign_in = sign_in
        self.prepare = prepare
        self.login: LoginDialog | None = None
        self.splash: StartupSplash | None = None
        self.desk: DeskServices | None = None
        self.session: DeskApp | None = None
        self.error_box: QMessageBox | None = None
        self.cancelled = False
        self._loading = False

    def begin(self) -> None:
        window: QWidget
        if self.sign_in is None and self.prepare is None and db_path(self.data_dir).exists():
            self.login = window = LoginDialog(None)
            self.login.rejected.connect(self._cancelled_before_load)
            self.login.open()
        else:
            self.splash = window = StartupSplash(self._splash_message())
            self.splash.show()
        # The register loads once the window has been painted: a worker importing SQLAlchemy competes with the
        # GUI thread for the interpreter, and the first paint comes only after the window system has mapped the
        # window (≈ 0.1–0.2 s after ``show`` under openbox), long after a queued call would have started it.
        self._painted = _FirstPaint(window, self._load_once)
        QTimer.singleShot(
            LOAD_AT_LATEST_MS, self._load_once
        )  # a window never painted (minimised) waits no more

    def _load_once(self) -> None:
        if not self._loading:
            self._loading = True
            self._painted.stop()
            self._load()

    def _splash_message(self) -> str:
        if self.prepare is not None:
            return QApplication.translate("Aplikasi", "Menyiapkan kantor demo berisi contoh permohonan…")
        if not db_path(self.data_dir).exists():
            return QApplication.translate("Aplikasi", "Menyiapkan data kantor baru…")
        return QApplication.translate("Aplikasi", "Membuka data kantor…")

    def _load(self) -> None:
        # Handed to ``keep`` only now, after the first paint: it sets a Qt attribute, which builds PySide's
        # ``Qt`` namespace (≈ 14 ms). Until now only ``begin`` ran, and this object holds the window meanwhile.
        for window in (self.login, self.splash):
            if window is not None:
                keep(window)
        data_dir, prepare = self.data_dir, self.prepare
        splash = self.splash
        progress = splash.progress if splash is not None else (lambda _done, _total: None)

        def load() -> DeskServices:
            if prepare is not None:
                prepare(progress)
            return open_register(data_dir)

        run_in_background(load, self._loaded, self._failed)

    def _close_splash(self) -> None:
        splash, self.splash = self.splash, None
        if splash is not None:
            splash.close()
            splash.deleteLater()

    def _cancelled_before_load(self) -> None:
        if self.login is None:  # handed over already: the session decides what a cancel means
            return
        self.login = None
        self.cancelled = True
        self.finished.emit(0)

    def _loaded(self, desk: DeskServices) -> None:
        self.desk = desk
        if self.cancelled:  # the officer closed the dialog while it loaded (shutdown closes the register)
            return
        login, self.login = self.login, None
        from ui.shell.main_window import MainWindow
        from ui.shell.session import (
            DeskApp,  # the main window and its pages: only now, while the officer types
        )

        MainWindow.prepare()
        gui_gc.settle()
        session = DeskApp(desk)
        session.finished.connect(self._session_finished)
        self.session = session
        try:
            session.start(self.sign_in, login=login)
        except Exception as exc:  # noqa: BLE001 - e.g. the demo's sign-in refused: told, logged, ended
            self._failed(exc)
            return
        self._close_splash()  # after the session's first window is up: never a moment with no window
        self.session_started.emit(session)

    def _session_finished(self) -> None:
        self.finished.emit(0)

    def _failed(self, exc: BaseException) -> None:
        if self.cancelled:
            return
        login, self.login = self.login, None
        if login is not None:
            login.close()
        self._close_splash()
        self.crash.write_log(type(exc), exc, exc.__traceback__)
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Critical,
            APP_NAME,
            QApplication.translate("Aplikasi", "Data kantor tidak dapat dibuka.")
            + "\n\n"
            + user_message(exc),
        )
        keep(box)
        box.finished.connect(self._error_seen)
        self.error_box = box
        box.open()

    def _error_seen(self) -> None:
        self.finished.emit(1)

    def shutdown(self) -> None:
        """Stop the session, let background work finish, close the register."""
        if self.session is not None:
            self.session.shutdown()
        runner().wait(5_000)
        if self.desk is not None:
            self.desk.close()
            self.desk = None

"""Start-up of the workstation: Qt application, language, crash handler, set-up or login, main window, idle lock.

``run(data_dir)`` is what ``ppid-desk`` (no command) and ``ppid-desk demo`` call. The flow lives in
``DeskApp`` so tests can drive it without an event loop of its own: first run → set-up wizard (the new
administrator is signed in at once); otherwise → login; then the main window, watched by the idle timer.
Locking covers the window with ``LockDialog``; "Ganti pengguna" there, or "Keluar", returns to the login.
Dialogs are opened non-blocking (``open()``), so nothing here nests event loops.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.services.context import Actor
from app.services.desk import DeskServices
from ui import gc as gui_gc
from ui import i18n
from ui.crash import CrashHandler, user_message
from ui.dialogs.lock import IdleWatcher, LockDialog, idle_minutes
from ui.dialogs.login import LoginDialog
from ui.dialogs.setup_wizard import SetupWizard
from ui.main_window import MainWindow
from ui.style import apply_style
from ui.tasks import runner

APP_NAME = "PPID Desk"


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), styled. High-DPI scaling is on by default in Qt 6."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        # 150 % must render at 150 %, not rounded to 200 %: pass fractional scale factors through.
        QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("PPID Desk")
    apply_style(app)
    gui_gc.install(app)  # cycles holding Qt objects are collected on this thread, never on a worker
    return app


class DeskApp(QObject):
    """The session on one PC. Emits ``finished`` when the user closes or cancels everything."""

    finished = Signal()
    window_shown = Signal(object)  # MainWindow

    def __init__(self, desk: DeskServices, *, office_name: str = "") -> None:
        super().__init__()
        self.desk = desk
        self.actor: Actor | None = None
        self.window: MainWindow | None = None
        self.dialog: QWidget | None = None
        self.watcher = IdleWatcher(0, self)
        self.watcher.idle.connect(self.lock)

    # --- entry -----------------------------------------------------------------------------------------

    def start(self, sign_in: tuple[str, str] | None = None) -> None:
        """Set-up wizard on a new data folder, else the login (skipped with ``sign_in``, used by the demo)."""
        if sign_in is not None and self.desk.office.is_initialized():
            self.signed_in(self.desk.users.authenticate(*sign_in))
            return
        if not self.desk.office.is_initialized():
            wizard = SetupWizard(self.desk)
            wizard.completed.connect(self._wizard_done)
            wizard.rejected.connect(self._cancelled)
            self._show_dialog(wizard)
        else:
            self.show_login()

    def show_login(self) -> None:
        login = LoginDialog(self.desk, office_name=self.desk.office.profile().name)
        login.signed_in.connect(self.signed_in)
        login.rejected.connect(self._cancelled)
        self._show_dialog(login)

    def _show_dialog(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # type: ignore[attr-defined]

    def _cancelled(self) -> None:
        self.dialog = None
        if self.window is None:
            self.finished.emit()

    def _wizard_done(self, actor: Actor) -> None:
        self.signed_in(actor)

    # --- session ---------------------------------------------------------------------------------------

    def signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.dialog = None
        self._open_window()
        self.watcher.set_interval(idle_minutes(self.desk) * 60_000)

    def _open_window(self) -> None:
        assert self.actor is not None
        old = self.window
        window = MainWindow(self.desk, self.actor)
        window.lock_requested.connect(self.lock)
        window.logout_requested.connect(self.logout)
        window.language_changed.connect(self.switch_language)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(self._window_destroyed)
        self.window = window
        window.show()
        if old is not None:
            old.destroyed.disconnect(self._window_destroyed)
            old.close()
        self.window_shown.emit(window)

    def _window_destroyed(self) -> None:
        self.window = None
        self.watcher.pause()
        if self.dialog is None:
            self.finished.emit()

    def shutdown(self) -> None:
        """Stop watching for idle time (the watcher filters every input event of the application) and stop
        the window's sync worker, which must not outlive the register it writes to."""
        self.watcher.pause()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.watcher)
        if self.window is not None:
            self.window.sync.stop()

    def lock(self) -> None:
        if self.window is None or self.actor is None or isinstance(self.dialog, LockDialog):
            return
        if not self.window.isVisible():
            return
        self.watcher.pause()
        self.window.set_locked(True)
        lock = LockDialog(self.desk, self.actor, self.window)
        lock.accepted.connect(lambda: self._unlocked(lock))
        self._show_dialog(lock)

    def _unlocked(self, lock: LockDialog) -> None:
        self.dialog = None
        if lock.switch_user:
            self.logout()
        else:
            if self.window is not None:
                self.window.set_locked(False)
            self.watcher.resume()

    def logout(self) -> None:
        self.actor = None
        self.watcher.pause()
        window, self.window = self.window, None
        self.show_login()
        if window is not None:
            window.destroyed.disconnect(self._window_destroyed)
            window.close()

    def switch_language(self, language: str) -> None:
        """Install the new translators and rebuild the window (pages read their strings when built)."""
        i18n.install(language)
        if self.actor is not None:
            self._open_window()


def run(data_dir: Path, *, argv: list[str] | None = None, sign_in: tuple[str, str] | None = None) -> int:
    """Open the workstation on ``data_dir``; returns the process exit code.

    ``sign_in`` (user, password) skips the login dialog; only ``ppid-desk demo`` uses it.
    """
    app = application(argv)
    i18n.install(i18n.saved_language(data_dir))
    crash = CrashHandler(data_dir)
    crash.install()
    try:
        desk = DeskServices.open(data_dir)
    except Exception as exc:  # noqa: BLE001 - shown to the officer in plain Indonesian, logged in full
        crash.write_log(type(exc), exc, exc.__traceback__)
        QMessageBox.critical(
            None,
            APP_NAME,
            QApplication.translate("Aplikasi", "Data kantor tidak dapat dibuka.")
            + "\n\n"
            + user_message(exc),
        )
        crash.uninstall()
        return 1
    session = DeskApp(desk)
    session.finished.connect(app.quit)
    app.setQuitOnLastWindowClosed(False)
    session.start(sign_in)
    try:
        return app.exec()
    finally:
        session.shutdown()
        runner().wait(5_000)
        desk.close()
        crash.uninstall()

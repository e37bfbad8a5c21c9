"""The session on one PC once its register is open: set-up wizard or login, main window, idle lock, logout.

``DeskApp`` is driven by signals (dialogs open with ``open()``, nothing nests an event loop), so tests can run
it without an event loop of its own. First run → set-up wizard (the new administrator is signed in at once);
otherwise → login; then the main window, watched by the idle timer. Locking covers the window with
``LockDialog``; "Ganti pengguna" there, or "Keluar", returns to the login.

This module imports the main window and, through it, the services: it is loaded only once the register is
open (``ui/shell/startup.py``), never on the way to the first login dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from app.services.context import Actor
from app.services.desk import DeskServices
from ui.dashboard.page import DashboardPage
from ui.kit import i18n
from ui.kit.lifetime import keep
from ui.shell import wiring
from ui.shell.lock import IdleWatcher, LockDialog, idle_minutes
from ui.shell.login import LoginDialog
from ui.shell.main_window import MainWindow
from ui.shell.setup_wizard import SetupWizard


class DeskApp(QObject):
    """The session on one PC. Emits ``finished`` when the user closes or cancels everything."""

    finished = Signal()
    window_shown = Signal(object)  # MainWindow

    def __init__(self, desk: DeskServices) -> None:
        super().__init__()
        self.desk = desk
        self.actor: Actor | None = None
        self.window: MainWindow | None = None
        self.dialog: QWidget | None = None
        self.watcher = IdleWatcher(0, self)
        self.watcher.idle.connect(self.lock)
        self.next_dashboard: DashboardPage | None = None

    # --- entry -----------------------------------------------------------------------------------------

    def start(self, sign_in: tuple[str, str] | None = None, *, login: LoginDialog | None = None) -> None:
        """Set-up wizard on a new data folder, else the login (skipped with ``sign_in``, used by the demo).

        ``login`` is a sign-in dialog already on screen, opened before the register was loaded
        (ui/shell/startup.py): it is given the services and kept, with whatever the officer has typed meanwhile.
        On a data folder without an office it is closed for the wizard.
        """
        initialized = self.desk.office.is_initialized()
        if login is not None and (sign_in is not None or not initialized):
            login.close()
            login = None
        if sign_in is not None and initialized:
            self.signed_in(self.desk.users.authenticate(*sign_in))
            return
        if not initialized:
            wizard = SetupWizard(self.desk)
            wizard.completed.connect(self._wizard_done)
            wizard.rejected.connect(self._cancelled)
            self._show_dialog(wizard)
        else:
            self.show_login(login)

    def show_login(self, login: LoginDialog | None = None) -> None:
        office_name = self.desk.office.profile().name
        adopted = login is not None
        if login is None:
            login = LoginDialog(self.desk, office_name=office_name)
        login.signed_in.connect(self.signed_in)
        login.rejected.connect(self._cancelled)
        if adopted:
            self.dialog = keep(login)
            login.attach(self.desk, office_name)  # signs in now if the officer already pressed Enter
        else:
            self._show_dialog(login)
        self._build_next_dashboard()

    def _build_next_dashboard(self) -> None:
        """Build the dashboard, which starts loading, while the officer types: the main window then opens with
        it instead of building and reading it after Enter. It is the office's dashboard, the same whoever
        signs in; it is shown only once a sign-in has succeeded."""
        self.next_dashboard = DashboardPage(wiring.dashboard(self.desk))

    def _show_dialog(self, dialog: QWidget) -> None:
        self.dialog = keep(dialog)  # dropping self.dialog later, even from its own signals, is then harmless
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
        self.watcher.set_interval(idle_minutes(self.desk.office) * 60_000)

    def _open_window(self) -> None:
        assert self.actor is not None
        old = self.window
        dashboard, self.next_dashboard = self.next_dashboard, None
        window = MainWindow(self.desk, self.actor, dashboard=dashboard)
        window.lock_requested.connect(self.lock)
        window.logout_requested.connect(self.logout)
        window.language_changed.connect(self.switch_language)
        keep(window)
        window.destroyed.connect(self._window_destroyed)
        self.window = window
        window.show()
        if old is not None:
            old.destroyed.disconnect(self._window_destroyed)
            old.close_now()
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
            window.close_now()

    def switch_language(self, language: str) -> None:
        """Install the new translators and rebuild the window (pages read their strings when built), open where
        the language was chosen: Pengaturan › Tampilan & bahasa (not the dashboard, as if signed in anew)."""
        i18n.install(language)
        if self.actor is not None:
            self._open_window()
            if self.window is not None:
                self.window.open_panel("settings", "general")

"""Login dialog and idle lock, driven from the keyboard like an officer would."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog

from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD
from ui.shell.lock import IdleWatcher, LockDialog, idle_minutes, set_idle_minutes
from ui.shell.login import LoginDialog


def _type_and_enter(qtbot, widget, text):
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_login_with_keyboard_only(qtbot, desk, officer):
    dialog = LoginDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.username.hasFocus)
    qtbot.keyClicks(QApplication.focusWidget(), "petugas")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.password.hasFocus()
    with qtbot.waitSignal(dialog.signed_in, timeout=30_000) as signal:
        _type_and_enter(qtbot, dialog.password, USER_PASSWORD)
    assert signal.args[0].username == "petugas"
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.role == "petugas"


def test_wrong_password_shows_indonesian_message_and_clears_field(qtbot, desk, admin):
    dialog = LoginDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "admin")
    with qtbot.waitSignal(dialog.failed, timeout=30_000) as signal:
        _type_and_enter(qtbot, dialog.password, "salah-sekali")
    assert "kata sandi salah" in signal.args[0]
    assert dialog.form.general.text() == signal.args[0]
    assert dialog.password.text() == ""
    assert dialog.actor is None
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_empty_fields_are_flagged_next_to_the_field(qtbot, desk):
    dialog = LoginDialog(desk)
    qtbot.addWidget(dialog)
    dialog.submit()
    assert dialog.form.error("username") == "Nama pengguna wajib diisi."
    assert dialog.form.error("password") == "Kata sandi wajib diisi."


def test_inputs_have_accessible_names(qtbot, desk):
    dialog = LoginDialog(desk)
    qtbot.addWidget(dialog)
    assert dialog.username.accessibleName() == "Nama pengguna"
    assert dialog.password.accessibleName() == "Kata sandi"


def test_idle_timeout_is_an_office_setting(desk, admin, officer):
    assert idle_minutes(desk.office) == 10
    set_idle_minutes(desk.office, admin, 3)
    assert idle_minutes(desk.office) == 3
    import pytest

    from app.errors import PermissionDenied, ValidationError

    with pytest.raises(ValidationError):
        set_idle_minutes(desk.office, admin, -1)
    with pytest.raises(PermissionDenied):
        set_idle_minutes(desk.office, officer, 5)


def test_idle_watcher_fires_only_without_input(qtbot):
    watcher = IdleWatcher(150)
    with qtbot.waitSignal(watcher.idle, timeout=2000):
        pass
    watcher.set_interval(0)
    assert not watcher.timer.isActive()


class _RecordingTimer:
    """Stands in for the QTimer so the test observes restarts instead of measuring time."""

    def __init__(self, active: bool) -> None:
        self.active, self.starts = active, 0

    def isActive(self) -> bool:  # noqa: N802 - mirrors QTimer
        return self.active

    def start(self) -> None:
        self.starts += 1


def test_input_restarts_the_idle_countdown_only_while_counting(qtbot, qapp):
    watcher = IdleWatcher(60_000)
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier)
    watcher.timer = _RecordingTimer(active=True)
    QApplication.sendEvent(qapp, key)
    assert watcher.timer.starts == 1
    watcher.timer = _RecordingTimer(active=False)  # locked: input on the lock screen does not re-arm
    QApplication.sendEvent(qapp, key)
    assert watcher.timer.starts == 0


def test_lock_refuses_wrong_password_and_unlocks_with_right_one(qtbot, desk, admin):
    dialog = LockDialog(desk, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # Esc does not unlock
    qtbot.keyClicks(dialog.password, "keliru-123")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.form.error("password") != "", timeout=30_000)
    assert "kata sandi salah" in dialog.form.error("password")
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.unlocked, timeout=30_000):
        _type_and_enter(qtbot, dialog.password, ADMIN_PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.switch_user


def test_lock_switch_user(qtbot, desk, admin):
    dialog = LockDialog(desk, admin)
    qtbot.addWidget(dialog)
    dialog.switch_button.click()
    assert dialog.switch_user and dialog.result() == QDialog.DialogCode.Accepted


def test_the_dialog_for_a_known_office_opens_no_window_besides_itself(qtbot, desk):
    """The office's name was shown before it had a parent, so it flashed up as a window of its own."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    windows: list[str] = []

    class Spy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
                windows.append(type(watched).__name__)
            return False

    spy = Spy()
    QApplication.instance().installEventFilter(spy)
    try:
        dialog = LoginDialog(desk, office_name="Kecamatan Cipocok Jaya")
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert windows == ["LoginDialog"] and dialog.office.isVisible()


def test_a_wrong_password_is_refused_in_the_interfaces_language(qtbot, desk, admin):
    """Seen under Xvfb in the English interface: the lock screen (and the sign-in) answered a wrong password with
    the service's *Nama pengguna atau kata sandi salah, atau akun dinonaktifkan.* under *Password:*."""
    from ui.kit import i18n

    i18n.install("en")
    try:
        lock = LockDialog(desk, admin)
        qtbot.addWidget(lock)
        lock.show()
        qtbot.keyClicks(lock.password, "keliru-123")
        lock.submit()
        qtbot.waitUntil(lambda: lock.form.error("password") != "", timeout=30_000)
        assert lock.form.error("password") == "Wrong user name or password, or the account is disabled."
        login = LoginDialog(desk)
        qtbot.addWidget(login)
        login.show()
        qtbot.keyClicks(login.username, "admin")
        with qtbot.waitSignal(login.failed, timeout=30_000) as signal:
            _type_and_enter(qtbot, login.password, "salah-sekali")
        assert signal.args[0] == "Wrong user name or password, or the account is disabled."
    finally:
        i18n.install("id")

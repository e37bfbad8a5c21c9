"""A new office's first day with ``ppid-desk``, run as its own process by tests/gui/test_first_run.py.

    python tests/gui/first_run_child.py DATA_DIR first-run|sign-in

Why a child process: a window deleted while Qt is still inside one of its functions kills the process with a
segmentation fault. In the test process that would end the whole test run; here it is a failed test, with
faulthandler's trace. Why no references: the program must keep its own windows alive. A script that holds
the wizard in a variable keeps it alive across the moment the program lets go of it and hides exactly that
crash, so every step below finds its window anew among the application's top-level widgets and keeps only the
button or field it is about to press (children of the window, which do not keep the window alive).

The product path is the real one: ``app.__main__.main`` with ``--data-dir``, as the ``ppid-desk`` console
script calls it. The only thing done before it is to create the QApplication through the program's own
``ui.app.application`` (which adopts it), because the script's timer needs an application to run on. The
script prints each stage it reaches; the parent checks them and the exit status.

* ``first-run``: empty data folder → set-up wizard → Selesai (the new administrator is signed in) → dashboard
  → Kunci → unlock with the password → Keluar → sign-in → dashboard → close the window → exit status 0.
* ``sign-in``: the same folder again → login dialog (open before the register is loaded) → dashboard →
  language switched to English (the window is rebuilt) → Kunci → Ganti pengguna → sign-in → dashboard →
  close → exit status 0.
"""

from __future__ import annotations

import faulthandler
import os
import sys
from collections.abc import Callable
from pathlib import Path

faulthandler.enable(all_threads=True)  # until the program installs its own (into its logs folder)

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget, QWizard  # noqa: E402

ADMIN, PASSWORD = "admin", "rahasia-123"
TICK_MS = 50
DEADLINE_MS = 120_000


def visible(class_name: str) -> QWidget | None:
    """The visible top-level window of that class, looked up anew each time (no reference is kept)."""
    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == class_name and widget.isVisible():
            return widget
    return None


def stage(name: str) -> None:
    print(f"stage {name}", flush=True)


def type_into(field: QWidget, text: str) -> None:
    field.setFocus()
    QTest.keyClicks(field, text)


def fill_wizard() -> bool:
    wizard = visible("SetupWizard")
    if wizard is None:
        return False
    stage("wizard")
    profile = wizard.profile  # type: ignore[attr-defined]
    profile.code.setText("CPJ")
    profile.edits["name"].setText("Kecamatan Cipocok Jaya")
    next_button = wizard.button(QWizard.WizardButton.NextButton)  # type: ignore[attr-defined]
    for _ in range(4):
        next_button.click()
    admin = wizard.admin  # type: ignore[attr-defined]
    admin.full_name.setText("Admin Kecamatan")
    admin.username.setText(ADMIN)
    admin.password.setText(PASSWORD)
    admin.repeat.setText(PASSWORD)
    finish = wizard.button(QWizard.WizardButton.FinishButton)  # type: ignore[attr-defined]
    del wizard, profile, admin, next_button
    stage("selesai")
    QTest.mouseClick(finish, Qt.MouseButton.LeftButton)  # "Selesai", as an officer clicks it
    return True


def dashboard_shown() -> bool:
    window = visible("MainWindow")
    if window is None or window.is_locked():  # type: ignore[attr-defined]
        return False
    page = window.dashboard  # type: ignore[attr-defined]
    if page.data is None or page.loading:
        return False
    stage(f"dashboard {window.actor.username}")  # type: ignore[attr-defined]
    return True


def click_window_button(name: str) -> Callable[[], bool]:
    def step() -> bool:
        window = visible("MainWindow")
        if window is None:
            return False
        button = getattr(window, name)
        del window
        stage(name)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        return True

    return step


def switch_language() -> bool:
    """Pengaturan › Tampilan & bahasa › English › Simpan: the session rebuilds the window from the old one's
    own signal (the old window must outlive that signal)."""
    window = visible("MainWindow")
    if window is None:
        return False
    window.show_page("settings")  # type: ignore[attr-defined]
    panel = window.page("settings").panels["general"]  # type: ignore[attr-defined]
    del window
    panel.language.setCurrentIndex(panel.language.findData("en"))
    button = panel.save_button
    del panel
    stage("language en")
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    return True


def english_shown() -> bool:
    window = visible("MainWindow")
    if window is None or window.sidebar.item(0).text() != "Dashboard":  # type: ignore[attr-defined]
        return False
    stage("english window")
    return True


def unlock() -> bool:
    lock = visible("LockDialog")
    if lock is None:
        return False
    field = lock.password  # type: ignore[attr-defined]
    del lock
    stage("unlock")
    type_into(field, PASSWORD)
    QTest.keyClick(field, Qt.Key.Key_Return)
    return True


def unlocked() -> bool:
    window = visible("MainWindow")
    if window is None or visible("LockDialog") is not None or window.is_locked():  # type: ignore[attr-defined]
        return False
    stage("unlocked")
    return True


def switch_user() -> bool:
    lock = visible("LockDialog")
    if lock is None:
        return False
    button = lock.switch_button  # type: ignore[attr-defined]
    del lock
    stage("switch user")
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    return True


def sign_in() -> bool:
    login = visible("LoginDialog")
    if login is None:
        return False
    username, password = login.username, login.password  # type: ignore[attr-defined]
    del login
    stage("login")
    type_into(username, ADMIN)
    QTest.keyClick(username, Qt.Key.Key_Return)
    type_into(password, PASSWORD)
    QTest.keyClick(password, Qt.Key.Key_Return)
    return True


def cancel(class_name: str, button_of: Callable[[QWidget], QWidget]) -> Callable[[], bool]:
    def step() -> bool:
        window = visible(class_name)
        if window is None:
            return False
        button = button_of(window)
        del window
        stage(f"cancel {class_name}")
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        return True

    return step


def close_window() -> bool:
    window = visible("MainWindow")
    if window is None:
        return False
    stage("close")
    window.close()
    return True


STEPS: dict[str, list[Callable[[], bool]]] = {
    "first-run": [
        fill_wizard,
        dashboard_shown,
        click_window_button("lock_button"),
        unlock,
        unlocked,
        click_window_button("logout_button"),
        sign_in,
        dashboard_shown,
        close_window,
    ],
    "sign-in": [
        sign_in,
        dashboard_shown,
        switch_language,
        english_shown,
        dashboard_shown,
        click_window_button("lock_button"),
        switch_user,
        sign_in,
        dashboard_shown,
        close_window,
    ],
    "cancel-wizard": [
        cancel("SetupWizard", lambda w: w.button(QWizard.WizardButton.CancelButton)),  # type: ignore[attr-defined]
    ],
    "cancel-login": [
        cancel("LoginDialog", lambda w: w.buttons.button(QDialogButtonBox.StandardButton.Cancel)),  # type: ignore[attr-defined]
    ],
}


def drive(steps: list[Callable[[], bool]]) -> None:
    """Run the next step whenever its window is there; fail on an error box or after the deadline."""
    box = next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None
    )
    if box is not None:
        print(f"message box: {box.text()}", file=sys.stderr, flush=True)
        os._exit(4)
    while steps and steps[0]():
        steps.pop(0)
    if steps:
        QTimer.singleShot(TICK_MS, lambda: drive(steps))


def main() -> int:
    data_dir, scenario = Path(sys.argv[1]), sys.argv[2]
    from app.__main__ import main as ppid_desk
    from ui.app import application

    app = application(["ppid-desk"])  # noqa: F841 - kept alive for the whole run
    QTimer.singleShot(0, lambda: drive(list(STEPS[scenario])))
    QTimer.singleShot(
        DEADLINE_MS, lambda: (print("deadline passed", file=sys.stderr, flush=True), os._exit(3))
    )
    code = ppid_desk(["--data-dir", str(data_dir)])
    stage(f"exit {code}")
    return code


if __name__ == "__main__":
    sys.exit(main())

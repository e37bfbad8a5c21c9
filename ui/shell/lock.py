"""The idle lock for shared PCs: after N minutes without keyboard or mouse input, the screen is covered.

Why: a desk PC stands at a public counter; a requester must not be able to read the register while the
officer steps away. The timeout is an office setting (``desk.office.setting("ui")["idle_lock_minutes"]``,
0 turns it off) so the administrator decides it once for every PC of the office.

``IdleWatcher`` filters the application's input events and restarts a single-shot timer; ``LockDialog``
asks for the password of the signed-in user or lets someone else sign in ("Ganti pengguna").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QInputEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.permissions import Permission
from app.errors import ValidationError
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.office import OfficeService
from ui.kit.crash import user_message
from ui.kit.forms import FieldForm
from ui.kit.style import icon, set_role
from ui.kit.tasks import run_in_background

UI_SETTING = "ui"
DEFAULT_IDLE_MINUTES = 10
MAX_IDLE_MINUTES = 240

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def idle_minutes(office: OfficeService) -> int:
    value: Any = office.setting(UI_SETTING).get("idle_lock_minutes", DEFAULT_IDLE_MINUTES)
    try:
        return max(0, min(MAX_IDLE_MINUTES, int(value)))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES


def set_idle_minutes(office: OfficeService, actor: Actor, minutes: int) -> None:
    if not 0 <= minutes <= MAX_IDLE_MINUTES:
        raise ValidationError({"idle_lock_minutes": f"Isi 0 (tidak pernah) sampai {MAX_IDLE_MINUTES} menit."})
    current = office.setting(UI_SETTING)
    office.set_setting(actor, UI_SETTING, {**current, "idle_lock_minutes": minutes}, Permission.MANAGE_OFFICE)


class IdleWatcher(QObject):
    """Emits ``idle`` once after ``interval_ms`` without user input; any input restarts the countdown."""

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_interval(interval_ms)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_interval(self, interval_ms: int) -> None:
        self.timer.stop()
        self.timer.setInterval(max(0, interval_ms))
        if interval_ms > 0:
            self.timer.start()

    def pause(self) -> None:
        self.timer.stop()

    def resume(self) -> None:
        if self.timer.interval() > 0:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # The class first (every one of _INPUT_EVENTS is a QInputEvent): this filter sees every event of the
        # application, and asking an event its type costs PySide an enum conversion each time.
        if isinstance(event, QInputEvent) and event.type() in _INPUT_EVENTS and self.timer.isActive():
            self.timer.start()
        return False


class LockDialog(QDialog):
    """Modal cover: unlock with the signed-in user's password, or switch user (``switch_user`` is True)."""

    unlocked = Signal()

    def __init__(self, desk: DeskServices, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.actor = desk, actor
        self.switch_user = False
        self.setWindowTitle(self.tr("Layar terkunci"))
        self.setModal(True)
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        badge = QLabel()
        badge.setPixmap(icon("lock").pixmap(48, 48))
        layout.addWidget(badge)
        title = QLabel(self.tr("Layar terkunci"))
        set_role(title, "title")
        layout.addWidget(title)
        who = QLabel(
            self.tr("Dipakai oleh %1 (%2). Masukkan kata sandi untuk melanjutkan.")
            .replace("%1", actor.full_name)
            .replace("%2", actor.username)
        )
        who.setWordWrap(True)
        layout.addWidget(who)
        self.form = FieldForm()
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add("password", self.tr("&Kata sandi:"), self.password)
        layout.addLayout(self.form.layout)
        layout.addWidget(self.form.general)
        self.buttons = QDialogButtonBox()
        self.unlock_button = self.buttons.addButton(
            self.tr("Buka kunci"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.switch_button = self.buttons.addButton(
            self.tr("Ganti pengguna"), QDialogButtonBox.ButtonRole.ResetRole
        )
        # Enter in the password field unlocks (returnPressed); no default button, so Enter never fires twice and
        # never lands on "Ganti pengguna" after focus wandered to it.
        for button in (self.unlock_button, self.switch_button):
            button.setAutoDefault(False)
        self.unlock_button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.switch_button.clicked.connect(self._switch)
        layout.addWidget(self.buttons)
        self.password.setFocus()

    def reject(self) -> None:
        """Esc must not unlock the screen: ignored."""

    def submit(self) -> None:
        password = self.password.text()
        if not password:
            self.form.show_errors({"password": self.tr("Kata sandi wajib diisi.")})
            return
        self.unlock_button.setEnabled(False)
        username = self.actor.username
        run_in_background(lambda: self.desk.users.authenticate(username, password), self._done, self._failed)

    def _done(self, _actor: Actor) -> None:
        self.unlock_button.setEnabled(True)
        self.unlocked.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.unlock_button.setEnabled(True)
        self.form.show_errors({"password": user_message(exc)})
        self.password.clear()
        self.password.setFocus()

    def _switch(self) -> None:
        self.switch_user = True
        self.done(QDialog.DialogCode.Accepted)

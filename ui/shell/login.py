"""Sign-in: user name and password, checked by ``desk.users.authenticate`` off the GUI thread.

Why off the thread: argon2id is deliberately slow (tens of milliseconds or more on an old office PC), and the
dialog must keep repainting and accept Esc meanwhile. A failed attempt shows the service's message (in the
interface's language: ``ui.kit.crash.user_message``) under the form, clears the password and puts the cursor back
in it.

The dialog can open before the register is loaded (``desk=None``, see ui/shell/startup.py): the officer types while
the services load, and ``attach`` hands them over. Pressing Enter before that is remembered ("Memuat data
kantor…") and the sign-in goes ahead as soon as they arrive. This module therefore imports the services only
for type checking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.kit.crash import user_message
from ui.kit.forms import FieldForm
from ui.kit.style import new_role
from ui.kit.tasks import run_in_background

if TYPE_CHECKING:
    from app.services.context import Actor
    from app.services.desk import DeskServices


class LoginDialog(QDialog):
    signed_in = Signal(object)  # Actor
    failed = Signal(str)

    def __init__(
        self, desk: DeskServices | None, parent: QWidget | None = None, *, office_name: str = ""
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.actor: Actor | None = None
        self._waiting = False  # Enter pressed before the services arrived
        self.setWindowTitle(self.tr("Masuk ke PPID Desk"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Masuk"))
        new_role(title, "title")
        layout.addWidget(title)
        self.office = QLabel(office_name)
        layout.addWidget(self.office)  # parented first: shown while parentless it would flash up as a window
        self.office.setVisible(bool(office_name))
        self.form = FieldForm()
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add("username", self.tr("&Nama pengguna:"), self.username)
        self.form.add("password", self.tr("&Kata sandi:"), self.password)
        layout.addLayout(self.form.layout)
        layout.addWidget(self.form.general)
        # Set after construction: the constructor's overloads (one takes an orientation) make PySide build its
        # ``Qt`` namespace before this first window (tests/gui/shell/test_first_window.py).
        self.buttons = QDialogButtonBox()
        self.buttons.setStandardButtons(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Masuk"))
        # Enter: in the user name moves to the password, in the password signs in (no default button, so the
        # dialog never submits twice).
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.username.setFocus()

    def submit(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        missing = {}
        if not username:
            missing["username"] = self.tr("Nama pengguna wajib diisi.")
        if not password:
            missing["password"] = self.tr("Kata sandi wajib diisi.")
        if missing:
            self.form.show_errors(missing)
            return
        self.form.clear_errors()
        desk = self.desk
        if desk is None:
            self._waiting = True
            self.ok_button.setEnabled(False)
            self.ok_button.setText(self.tr("Memuat data kantor…"))
            return
        self._waiting = False
        self._busy(True)
        run_in_background(lambda: desk.users.authenticate(username, password), self._done, self._failed)

    def attach(self, desk: DeskServices, office_name: str) -> None:
        """The register is open: show the office and, if Enter was already pressed, sign in now."""
        self.desk = desk
        self.office.setText(office_name)
        self.office.setVisible(bool(office_name))
        if self._waiting:
            self.submit()

    def _busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.ok_button.setText(self.tr("Memeriksa…") if busy else self.tr("Masuk"))

    def _done(self, actor: Actor) -> None:
        self._busy(False)
        self.actor = actor
        self.signed_in.emit(actor)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        message = user_message(exc)
        self.form.show_errors({"_": message})
        self.password.clear()
        self.password.setFocus()
        self.failed.emit(message)

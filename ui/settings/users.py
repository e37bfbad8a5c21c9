"""Settings › Pengguna: accounts and roles (administrators only; the service enforces it too).

Add an account, change its role, deactivate or reactivate it, reset its password. The service refuses to
demote or deactivate the last active administrator; that message is shown as it comes, in Indonesian.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.permissions import ROLE_LABELS, Role
from app.errors import DeskError, ValidationError
from app.services.context import Actor
from app.services.users import UserService
from app.services.views import UserView
from ui.kit.crash import show_error
from ui.kit.dates import show_moment
from ui.kit.flow import FlowLayout
from ui.kit.forms import FieldForm
from ui.kit.tables import record_table


def role_label(role: str) -> str:
    """The role's name in the interface language (the domain's labels are Indonesian only)."""
    labels = {
        Role.OFFICER: QCoreApplication.translate("Peran", "Petugas layanan"),
        Role.SUPERVISOR: QCoreApplication.translate("Peran", "Supervisor (PPID Pelaksana)"),
        Role.ADMIN: QCoreApplication.translate("Peran", "Administrator"),
    }
    return labels.get(Role(role), ROLE_LABELS[Role(role)])


def _role_combo() -> QComboBox:
    combo = QComboBox()
    for role in ROLE_LABELS:
        combo.addItem(role_label(role), role.value)
    return combo


class UsersPanel(QWidget):
    def __init__(self, users: UserService, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_service, self.actor = users, actor
        self.users: list[UserView] = []
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.table = record_table(
            [
                self.tr("Nama pengguna"),
                self.tr("Nama lengkap"),
                self.tr("Peran"),
                self.tr("Status"),
                self.tr("Terakhir masuk"),
            ],
            self.tr("Daftar pengguna"),
            fit=True,
        )
        left.addWidget(self.table, 1)
        selected = QGroupBox(self.tr("Pengguna terpilih"))
        sbox = QVBoxLayout(selected)
        self.edit_form = FieldForm()
        self.role = _role_combo()
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit_form.add("role", self.tr("P&eran:"), self.role)
        self.edit_form.add(
            "password",
            self.tr("Kata sandi bar&u:"),
            self.new_password,
            self.tr("Kosongkan bila tidak diubah."),
        )
        sbox.addLayout(self.edit_form.layout)
        sbox.addWidget(self.edit_form.general)
        row = FlowLayout()  # the three buttons wrap rather than widening the settings page (150 %)
        self.save_user = QPushButton(self.tr("&Simpan perubahan"))
        self.toggle_active = QPushButton(self.tr("Nonakti&fkan"))
        self.unlock = QPushButton(self.tr("&Buka kunci"))
        self.unlock.setToolTip(self.tr("Akun terkunci sementara karena kata sandi berulang kali salah."))
        row.addWidget(self.save_user)
        row.addWidget(self.toggle_active)
        row.addWidget(self.unlock)
        sbox.addLayout(row)
        left.addWidget(selected)
        layout.addLayout(left, 3)

        add_box = QGroupBox(self.tr("Tambah pengguna"))
        abox = QVBoxLayout(add_box)
        self.add_form = FieldForm()
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.add_role = _role_combo()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.nip = QLineEdit()
        self.add_form.add("username", self.tr("&Nama pengguna:"), self.username)
        self.add_form.add("full_name", self.tr("Nama &lengkap:"), self.full_name)
        self.add_form.add("role", self.tr("Pe&ran:"), self.add_role)
        self.add_form.add("password", self.tr("&Kata sandi:"), self.password, self.tr("Minimal 8 karakter."))
        self.add_form.add("nip", self.tr("N&IP:"), self.nip)
        abox.addLayout(self.add_form.layout)
        abox.addWidget(self.add_form.general)
        self.add_button = QPushButton(self.tr("&Tambah pengguna"))
        abox.addWidget(self.add_button)
        abox.addStretch(1)
        layout.addWidget(add_box, 2)
        self.table.currentCellChanged.connect(lambda *_: self._selected())
        self.add_button.clicked.connect(self.add_user)
        self.save_user.clicked.connect(self.save_selected)
        self.toggle_active.clicked.connect(self.toggle_selected)
        self.unlock.clicked.connect(self.unlock_selected)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        try:
            self.users = self.user_service.list(self.actor)
        except DeskError as exc:
            show_error(self, exc)
            return
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            last = show_moment(user.last_login_at) or "—"
            cells = [
                user.username,
                user.full_name,
                role_label(user.role),
                self.tr("Aktif") if user.active else self.tr("Nonaktif"),
                last,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, user.username)
                self.table.setItem(row, column, item)
            if user.username == select:
                self.table.selectRow(row)
        self._selected()

    def current_user(self) -> UserView | None:
        row = self.table.currentRow()
        return self.users[row] if 0 <= row < len(self.users) else None

    def _selected(self) -> None:
        user = self.current_user()
        self.save_user.setEnabled(user is not None)
        self.toggle_active.setEnabled(user is not None)
        self.unlock.setEnabled(
            user is not None and self.user_service.locked_until(self.actor, user.username) is not None
        )
        self.edit_form.clear_errors()
        self.new_password.clear()
        if user is None:
            return
        self.role.setCurrentIndex(max(0, self.role.findData(user.role)))
        self.toggle_active.setText(self.tr("Nonakti&fkan") if user.active else self.tr("Akti&fkan"))

    def add_user(self) -> None:
        try:
            self.user_service.add(
                self.actor,
                username=self.username.text(),
                full_name=self.full_name.text(),
                role=self.add_role.currentData(),
                password=self.password.text(),
                nip=self.nip.text().strip() or None,
            )
        except ValidationError as exc:
            self.add_form.show_errors(exc.fields)
            return
        except DeskError as exc:
            show_error(self, exc)
            return
        username = self.username.text().strip().lower()
        self.add_form.clear_errors()
        for edit in (self.username, self.full_name, self.password, self.nip):
            edit.clear()
        self.reload(select=username)

    def save_selected(self) -> None:
        user = self.current_user()
        if user is None:
            return
        try:
            if self.role.currentData() != user.role:
                self.user_service.set_role(self.actor, user.username, self.role.currentData())
            if self.new_password.text():
                self.user_service.change_password(self.actor, user.username, self.new_password.text())
        except ValidationError as exc:
            self.edit_form.show_errors(exc.fields)
            return
        except DeskError as exc:
            show_error(self, exc)
            return
        self.reload(select=user.username)

    def unlock_selected(self) -> None:
        self._act_on_selected(lambda user: self.user_service.unlock(self.actor, user.username))

    def toggle_selected(self) -> None:
        self._act_on_selected(
            lambda user: self.user_service.set_active(self.actor, user.username, not user.active)
        )

    def _act_on_selected(self, act: Callable[[UserView], object]) -> None:
        """One change to the selected account: a refusal under its field or in a message, else the list again."""
        user = self.current_user()
        if user is None:
            return
        try:
            act(user)
        except ValidationError as exc:
            self.edit_form.show_errors(exc.fields)
            return
        except DeskError as exc:
            show_error(self, exc)
            return
        self.reload(select=user.username)

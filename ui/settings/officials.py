"""Officials (signatories) of the office: PPID, Atasan PPID and service officers, as printed on letters.

``OfficialFields`` edits one official (used twice by the wizard); ``OfficialsPanel`` is the settings list with
an editor underneath. Saving goes through ``OfficeService.save_official``; its ``ValidationError.fields``
(``name``, ``jabatan``, ``nip``, ``role``) are shown next to the matching input.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError, ValidationError
from app.services.context import Actor
from app.services.office import OFFICIAL_ROLES, OfficeService, OfficialView
from ui.kit.crash import show_error
from ui.kit.forms import FieldForm


class OfficialFields(QGroupBox):
    """Name, jabatan, NIP and pangkat of one official; the role is fixed or chosen.

    ``second``: the other official on the same page (the wizard shows PPID and Atasan PPID together) takes
    other Alt+letters, so no letter is claimed twice in one window."""

    def __init__(
        self, title: str, role: str | None = None, parent: QWidget | None = None, *, second: bool = False
    ) -> None:
        super().__init__(title, parent)
        self.fixed_role = role
        self.official_id: str | None = None
        self.form = FieldForm()
        self.role = QComboBox()
        for key, label in OFFICIAL_ROLES.items():
            self.role.addItem(label, key)
        if role is None:
            self.form.add("role", self.tr("Pe&ran:"), self.role)
        self.name = QLineEdit()
        self.jabatan = QLineEdit()
        self.nip = QLineEdit()
        self.nip.setMaxLength(21)
        self.pangkat = QLineEdit()
        self.active = QCheckBox(self.tr("Aktif"))
        self.active.setChecked(True)
        labels = (
            (self.tr("Na&ma:"), self.tr("Jaba&tan:"), self.tr("N&IP:"), self.tr("Pangkat/gol&ongan:"))
            if second
            else (self.tr("Nam&a:"), self.tr("&Jabatan:"), self.tr("NI&P:"), self.tr("Pang&kat/golongan:"))
        )
        self.form.add("name", labels[0], self.name)
        self.form.add("jabatan", labels[1], self.jabatan, self.tr("Seperti tertulis di bawah tanda tangan."))
        self.form.add("nip", labels[2], self.nip, self.tr("18 digit; boleh kosong."))
        self.form.add("pangkat", labels[3], self.pangkat)
        if role is None:
            self.form.add("active", self.tr("Status:"), self.active)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form.layout)
        layout.addWidget(self.form.general)

    def is_empty(self) -> bool:
        return not any(w.text().strip() for w in (self.name, self.jabatan, self.nip, self.pangkat))

    def load(self, official: OfficialView | None) -> None:
        self.official_id = official.id if official else None
        self.form.clear_errors()
        if official is None:
            for edit in (self.name, self.jabatan, self.nip, self.pangkat):
                edit.clear()
            self.active.setChecked(True)
            return
        index = self.role.findData(official.role)
        self.role.setCurrentIndex(max(0, index))
        self.name.setText(official.name)
        self.jabatan.setText(official.jabatan)
        self.nip.setText(official.nip or "")
        self.pangkat.setText(official.pangkat or "")
        self.active.setChecked(official.active)

    def values(self) -> dict[str, Any]:
        return {
            "role": self.fixed_role or self.role.currentData(),
            "name": self.name.text(),
            "jabatan": self.jabatan.text(),
            "nip": self.nip.text().strip() or None,
            "pangkat": self.pangkat.text().strip() or None,
            "official_id": self.official_id,
            "active": self.active.isChecked(),
        }

    def save(self, office: OfficeService, actor: Actor) -> OfficialView | None:
        """Save through the service; on a validation error show it here and return None."""
        try:
            saved = office.save_official(actor, **self.values())
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return None
        self.form.clear_errors()
        self.official_id = saved.id
        return saved


class OfficialsPanel(QWidget):
    """Settings: every official (active and not) in a list; select one to edit, or add a new one."""

    def __init__(self, office: OfficeService, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office, self.actor = office, actor
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Daftar pejabat"))
        self.editor = OfficialFields(self.tr("Data pejabat"))
        self.new_button = QPushButton(self.tr("Pejabat &baru"))
        self.save_button = QPushButton(self.tr("&Simpan pejabat"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 2)
        right = QVBoxLayout()
        right.addWidget(self.editor)
        right.addLayout(buttons)
        right.addStretch(1)
        layout.addLayout(right, 3)
        self.list.currentItemChanged.connect(self._selected)
        self.new_button.clicked.connect(self._new)
        self.save_button.clicked.connect(self.save)
        self.reload()

    def reload(self, select_id: str | None = None) -> None:
        self.list.clear()
        for official in self.office.officials(include_inactive=True):
            suffix = "" if official.active else self.tr(" (nonaktif)")
            item = QListWidgetItem(
                f"{official.name} — {OFFICIAL_ROLES.get(official.role, official.role)}{suffix}"
            )
            item.setData(Qt.ItemDataRole.UserRole, official)
            self.list.addItem(item)
            if official.id == select_id:
                self.list.setCurrentItem(item)

    def _selected(self, item: QListWidgetItem | None) -> None:
        self.editor.load(item.data(Qt.ItemDataRole.UserRole) if item else None)

    def _new(self) -> None:
        self.list.setCurrentRow(-1)
        self.editor.load(None)
        self.editor.name.setFocus()

    def save(self) -> None:
        try:
            saved = self.editor.save(self.office, self.actor)
        except DeskError as exc:
            show_error(self, exc)
            return
        if saved is not None:
            self.reload(select_id=saved.id)

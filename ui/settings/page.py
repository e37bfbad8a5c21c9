"""Pengaturan: one tab per concern (a row of tabs that wraps, ``ui.kit.tabs.WrappingTabs``), shown according to the signed-in user's role.

Everyone sees "Tampilan & bahasa" (language per PC) and the working-day calendar (read-only unless the role may
change it). Administrators also get the office profile and kop surat, officials, numbering, users, the
idle-lock timeout and "Sinkronisasi" (enrolling this desk with the city server). The services check permissions again; hiding tabs only keeps the screen calm.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.permissions import Permission
from app.errors import DeskError, ValidationError
from app.services.changes import Changes
from app.services.context import Actor
from ui.kit import i18n
from ui.kit.crash import show_error
from ui.kit.forms import FieldForm
from ui.kit.page import Page
from ui.kit.scroll import scrolled_tab
from ui.kit.style import icon, set_role
from ui.kit.tabs import WrappingTabs
from ui.printing.printing_settings_page import make_printing_settings
from ui.settings.calendar import CalendarPanel
from ui.settings.information_lists import InformationListsPanel
from ui.settings.office_forms import KopForm, NumberingForm, OfficeProfileForm
from ui.settings.officials import OfficialsPanel
from ui.settings.users import UsersPanel
from ui.shell.lock import MAX_IDLE_MINUTES, idle_minutes, set_idle_minutes

if TYPE_CHECKING:
    from app.services.audit_log import AuditLogService
    from app.services.calendar import CalendarService
    from app.services.information_lists import InformationListService
    from app.services.office import OfficeService
    from app.services.users import UserService
    from ui.sync.controller import SyncController, SyncServices


@dataclass(frozen=True)
class SettingsServices:
    """What the settings page hands its panels; the information lists and the audit log are built on first
    use, and ``sync`` builds its own controller when the page is given none."""

    office: OfficeService
    users: UserService
    calendar: CalendarService
    information_lists: Callable[[], InformationListService]
    audit_log: Callable[[], AuditLogService]
    sync: SyncServices


class _SaveBar(QHBoxLayout):
    def __init__(self, button: QPushButton, status: QLabel) -> None:
        super().__init__()
        self.addWidget(status, 1)
        self.addWidget(button)


class GeneralPanel(QWidget):
    """Language (per PC) and the office-wide idle lock."""

    language_changed = Signal(str)

    def __init__(self, office: OfficeService, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office, self.actor = office, actor
        self.form = FieldForm()
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        self.form.add(
            "language", self.tr("&Bahasa tampilan:"), self.language, self.tr("Berlaku untuk PC ini.")
        )
        self.idle = QSpinBox()
        self.idle.setRange(0, MAX_IDLE_MINUTES)
        self.idle.setSuffix(self.tr(" menit"))
        self.idle.setSpecialValueText(self.tr("Tidak pernah"))
        self.idle.setValue(idle_minutes(office))
        self.idle.setEnabled(actor.can(Permission.MANAGE_OFFICE))
        self.form.add(
            "idle_lock_minutes",
            self.tr("&Kunci layar setelah tidak dipakai:"),
            self.idle,
            self.tr("Untuk semua PC kantor; 0 = tidak pernah."),
        )
        self.save_button = QPushButton(self.tr("&Simpan"))
        self.status = QLabel()
        set_role(self.status, "hint")
        layout = QVBoxLayout(self)
        layout.addLayout(self.form.layout)
        layout.addWidget(self.form.general)
        layout.addLayout(_SaveBar(self.save_button, self.status))
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)

    def save(self) -> None:
        try:
            if self.actor.can(Permission.MANAGE_OFFICE) and self.idle.value() != idle_minutes(self.office):
                set_idle_minutes(self.office, self.actor, self.idle.value())
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return
        except DeskError as exc:
            show_error(self, exc)
            return
        self.form.clear_errors()
        language = self.language.currentData()
        self.status.setText(self.tr("Tersimpan."))
        if language != i18n.current_language():
            i18n.save_language(self.office.data_folder(), language)
            self.language_changed.emit(language)


class OfficePanel(QWidget):
    """Profile + kop surat, or numbering: forms that save through ``update_profile``."""

    def __init__(
        self, office: OfficeService, actor: Actor, forms: list[Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.office, self.actor, self.forms = office, actor, forms
        layout = QVBoxLayout(self)
        for form in forms:
            layout.addWidget(form)
        self.save_button = QPushButton(self.tr("&Simpan"))
        self.status = QLabel()
        set_role(self.status, "hint")
        layout.addLayout(_SaveBar(self.save_button, self.status))
        self.save_button.clicked.connect(self.save)
        profile = office.profile()
        for form in forms:
            form.load(profile)

    def save(self) -> bool:
        changes: dict[str, Any] = {}
        ok = True
        for form in self.forms:
            try:
                changes.update(form.values())
                form.form.clear_errors()
            except ValidationError as exc:
                form.form.show_errors(exc.fields)
                ok = False
        if not ok:
            self.status.setText(self.tr("Periksa isian yang ditandai."))
            return False
        try:
            self.office.update_profile(self.actor, changes)
        except ValidationError as exc:
            for form in self.forms:
                form.form.show_errors({k: v for k, v in exc.fields.items() if k in form.form.widgets} or {})
            self.status.setText("; ".join(exc.fields.values()))
            return False
        except DeskError as exc:
            show_error(self, exc)
            return False
        self.status.setText(self.tr("Tersimpan."))
        return True


class SettingsPage(Page):
    def __init__(self, services: SettingsServices, actor: Actor, parent: QWidget | None = None, *,
                 sync: SyncController | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.actor = services, actor
        office = services.office
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Pengaturan"))
        set_role(title, "title")
        layout.addWidget(title)
        self.tabs = WrappingTabs()  # ten: Qt's tab bar hid the last ones at 1366×768 (ui/kit/tabs.py)
        self.tabs.setAccessibleName(self.tr("Bagian pengaturan"))
        layout.addWidget(self.tabs, 1)
        self.panels: dict[str, QWidget] = {}
        admin = actor.can(Permission.MANAGE_OFFICE)
        if admin:
            self.profile_form = OfficeProfileForm()
            self.kop_form = KopForm(office.data_folder(), facts=self.profile_form.facts)
            for edit in self.profile_form.edits.values():
                edit.textChanged.connect(self.kop_form.schedule_preview)
            self._add(
                "office",
                OfficePanel(office, actor, [self.profile_form, self.kop_form]),
                self.tr("Profil && kop surat"),
                "office",
            )
            self._add("officials", OfficialsPanel(office, actor), self.tr("Pejabat"), "officials")
            self.numbering_form = NumberingForm(services.calendar.today)
            self._add(
                "numbering",
                OfficePanel(office, actor, [self.numbering_form]),
                self.tr("Penomoran"),
                "numbering",
            )
        calendar = CalendarPanel(services.calendar, actor)
        calendar.applied.connect(self._deadlines_recomputed)
        self._add("calendar", calendar, self.tr("Kalender hari kerja"), "calendar")
        self._add(
            "information_lists",
            InformationListsPanel(services.information_lists, actor, services.calendar.today),
            self.tr("Daftar informasi"),
            "mdi6.file-lock-outline",
        )
        if actor.can(Permission.MANAGE_USERS):
            self._add("users", UsersPanel(services.users, actor), self.tr("Pengguna && peran"), "users")
        if admin:
            from ui.sync.settings_panel import SyncSettingsPanel

            self._add(
                "sync", SyncSettingsPanel(services.sync, actor, sync), self.tr("Sinkronisasi"), "mdi6.sync"
            )
        if actor.can(Permission.VIEW_AUDIT_LOG):
            from ui.audit.panel import AuditLogPanel

            self._add(
                "audit",
                AuditLogPanel(services.audit_log, actor, services.calendar.today),
                self.tr("Log audit"),
                "mdi6.history",
            )
        self._add(
            "printing",
            make_printing_settings(office, actor, self),
            self.tr("Pencetakan"),
            "mdi6.printer-outline",
        )
        general = GeneralPanel(office, actor)
        general.language_changed.connect(self.language_changed)
        self._add("general", general, self.tr("Tampilan && bahasa"), "language")

    def _deadlines_recomputed(self, count: int) -> None:
        """Recomputed deadlines change the register's due dates and colours, and go to the city."""
        if count:
            self.changed.emit(Changes.records(outbox=True))

    def _add(self, key: str, panel: QWidget, title: str, icon_name: str) -> None:
        """Every tab scrolls, its tables included: a tab widget asks for the tallest height-for-width of its
        tabs, shown or not, so one unscrolled tab with a wrapped notice (a petugas's read-only Daftar
        informasi, 930 px) made the whole page scroll at 1366×768 and 100 %."""
        self.panels[key] = panel
        # no frame inside the tab's, no Tab stop of its own (Tab goes from the tab bar to the panel's first field)
        scrolled_tab(self.tabs, panel, title, icon(icon_name))

    def show_panel(self, key: str) -> None:
        """Tab ``key``; nothing happens for a tab this officer's role does not have."""
        panel = self.panels.get(key)
        if panel is None:
            return
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            if widget is panel or (isinstance(widget, QScrollArea) and widget.widget() is panel):
                self.tabs.setCurrentIndex(index)
                return

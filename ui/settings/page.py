"""Pengaturan: one tab per concern (a row of tabs that wraps, ``ui.kit.tabs.WrappingTabs``), shown according to the signed-in user's role.

Everyone sees "Tampilan & bahasa" (language per PC) and the working-day calendar (read-only unless the role may
change it). Administrators also get the office profile and kop surat, officials, numbering, users, the
idle-lock timeout and "Sinkronisasi" (enrolling this desk with the city server). The services check permissions again; hiding tabs only keeps the screen calm.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
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
from ui.kit.scroll import ScrollArea
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
    from datetime import date

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


class Panels(Mapping[str, QWidget]):
    """The settings tabs' panels by key, in tab order; a panel is built (and put in its tab's scroll area) the
    first time it is shown or asked for. Why: building all ten took ≈ 0.9 s of the GUI thread on this
    machine's first click on Pengaturan (the audit log's query, the printers, the information lists, the sync
    state...), where an officer looks at one tab."""

    def __init__(self) -> None:
        self._areas: dict[str, ScrollArea] = {}
        self._builds: dict[str, Callable[[], QWidget]] = {}
        self._built: dict[str, QWidget] = {}

    def add(self, key: str, area: ScrollArea, build: Callable[[], QWidget]) -> None:
        self._areas[key], self._builds[key] = area, build

    def __getitem__(self, key: str) -> QWidget:
        return self.build(key)

    def build(self, key: str) -> QWidget:
        """The panel ``key``, built now if it was not yet."""
        if key not in self._built:
            panel = self._builds[key]()
            self._built[key] = panel
            self._areas[key].setWidget(panel)  # filled in place (ui/kit/scroll.scrolled says why)
        return self._built[key]

    def __contains__(self, key: object) -> bool:  # without building it
        return key in self._builds

    def __iter__(self) -> Iterator[str]:
        return iter(self._builds)

    def __len__(self) -> int:
        return len(self._builds)

    def is_built(self, key: str) -> bool:
        return key in self._built

    def key_of(self, area: QWidget | None) -> str | None:
        return next((key for key, own in self._areas.items() if own is area), None)

    def index_in(self, tabs: WrappingTabs, key: str) -> int:
        area = self._areas[key]
        return next(index for index in range(tabs.count()) if tabs.widget(index) is area)


def _sync_panel(services: SyncServices, actor: Actor, sync: SyncController | None) -> QWidget:
    from ui.sync.settings_panel import SyncSettingsPanel

    return SyncSettingsPanel(services, actor, sync)


def _audit_panel(
    audit_log: Callable[[], AuditLogService], actor: Actor, today: Callable[[], date]
) -> QWidget:
    from ui.audit.panel import AuditLogPanel

    return AuditLogPanel(audit_log, actor, today)


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
        self.panels = Panels()
        admin = actor.can(Permission.MANAGE_OFFICE)
        if admin:
            self._add("office", self._office_panel, self.tr("Profil && kop surat"), "office")
            self._add("officials", lambda: OfficialsPanel(office, actor), self.tr("Pejabat"), "officials")
            self._add("numbering", self._numbering_panel, self.tr("Penomoran"), "numbering")
        self._add("calendar", self._calendar_panel, self.tr("Kalender hari kerja"), "calendar")
        self._add(
            "information_lists",
            lambda: InformationListsPanel(services.information_lists, actor, services.calendar.today),
            self.tr("Daftar informasi"),
            "mdi6.file-lock-outline",
        )
        if actor.can(Permission.MANAGE_USERS):
            self._add(
                "users", lambda: UsersPanel(services.users, actor), self.tr("Pengguna && peran"), "users"
            )
        if admin:
            self._add(
                "sync", lambda: _sync_panel(services.sync, actor, sync), self.tr("Sinkronisasi"), "mdi6.sync"
            )
        if actor.can(Permission.VIEW_AUDIT_LOG):
            self._add(
                "audit",
                lambda: _audit_panel(services.audit_log, actor, services.calendar.today),
                self.tr("Log audit"),
                "mdi6.history",
            )
        self._add(
            "printing",
            lambda: make_printing_settings(office, actor),
            self.tr("Pencetakan"),
            "mdi6.printer-outline",
        )
        self._add("general", self._general_panel, self.tr("Tampilan && bahasa"), "language")
        self.tabs.currentChanged.connect(self._build_shown)
        self._build_shown()

    # --- the tabs' panels, each built when first shown ------------------------------------------------------

    def _office_panel(self) -> QWidget:
        office = self.services.office
        self._profile_form = OfficeProfileForm()
        self._kop_form = KopForm(office.data_folder(), facts=self._profile_form.facts)
        for edit in self._profile_form.edits.values():
            edit.textChanged.connect(self._kop_form.schedule_preview)
        return OfficePanel(office, self.actor, [self._profile_form, self._kop_form])

    def _numbering_panel(self) -> QWidget:
        self._numbering_form = NumberingForm(self.services.calendar.today)
        return OfficePanel(self.services.office, self.actor, [self._numbering_form])

    def _calendar_panel(self) -> QWidget:
        calendar = CalendarPanel(self.services.calendar, self.actor)
        calendar.applied.connect(self._deadlines_recomputed)
        return calendar

    def _general_panel(self) -> QWidget:
        general = GeneralPanel(self.services.office, self.actor)
        general.language_changed.connect(self.language_changed)
        return general

    @property
    def profile_form(self) -> OfficeProfileForm:
        self.panels.build("office")
        return self._profile_form

    @property
    def kop_form(self) -> KopForm:
        self.panels.build("office")
        return self._kop_form

    @property
    def numbering_form(self) -> NumberingForm:
        self.panels.build("numbering")
        return self._numbering_form

    def _build_shown(self, _index: int = 0) -> None:
        key = self.panels.key_of(self.tabs.currentWidget())
        if key is not None:
            self.panels.build(key)

    def _deadlines_recomputed(self, count: int) -> None:
        """Recomputed deadlines change the register's due dates and colours, and go to the city."""
        if count:
            self.changed.emit(Changes.records(outbox=True))

    def _add(self, key: str, build: Callable[[], QWidget], title: str, icon_name: str) -> None:
        """Every tab scrolls, its tables included: a tab widget asks for the tallest height-for-width of its
        tabs, shown or not, so one unscrolled tab with a wrapped notice (a petugas's read-only Daftar
        informasi, 930 px) made the whole page scroll at 1366×768 and 100 %. No frame inside the tab's, no Tab
        stop of its own (Tab goes from the tab bar to the panel's first field)."""
        area = ScrollArea(frame=False, tab_stop=False)
        self.tabs.addTab(area, icon(icon_name), title)
        self.panels.add(key, area, build)

    def show_panel(self, key: str) -> None:
        """Tab ``key``, built if it was not yet; nothing happens for a tab this officer's role does not have."""
        if key not in self.panels:
            return
        self.panels.build(key)
        self.tabs.setCurrentIndex(self.panels.index_in(self.tabs, key))

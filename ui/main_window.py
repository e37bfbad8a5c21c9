"""The main window only builds and wires: a sidebar, a stack of pages, global shortcuts and the status bar.

Pages never know each other; every connection between them is made here (qutebrowser's ``_connect_signals``
idea). The register, request and keberatan pages come from UI-B's modules; if one cannot be imported the window
still opens and that page says plainly what is missing, instead of the whole program failing.

Shortcuts: Ctrl+N / F2 new request (from anywhere), Ctrl+1..4 the sidebar pages, Ctrl+L lock the screen.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.context import Actor
from app.services.desk import DeskServices
from ui.crash import show_error
from ui.pages.dashboard import DashboardPage
from ui.pages.settings_users import role_label
from ui.style import icon, set_role
from ui.tasks import runner


def _import(module: str, name: str) -> tuple[Any, str]:
    """The class ``name`` from ``module``, or None and the reason (the module may not exist yet)."""
    try:
        return getattr(importlib.import_module(module), name), ""
    except (ImportError, AttributeError) as exc:
        return None, f"{module}.{name}: {exc}"


class MissingPage(QWidget):
    def __init__(self, title: str, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        set_role(heading, "title")
        layout.addWidget(heading)
        text = QLabel(self.tr("Halaman ini belum tersedia pada versi ini.") + "\n" + reason)
        text.setWordWrap(True)
        set_role(text, "hint")
        layout.addWidget(text)
        layout.addStretch(1)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    logout_requested = Signal()
    language_changed = Signal(str)

    PAGES = ("dashboard", "register", "objections", "settings")

    def __init__(self, desk: DeskServices, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.actor = desk, actor
        office = desk.office.profile()
        self.setWindowTitle(self.tr("PPID Desk — %1").replace("%1", office.name))
        self.setMinimumSize(QSize(1000, 640))
        self.resize(1366, 768)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self._build_pages()
        self._build_sidebar()
        content = QWidget()
        row = QHBoxLayout(content)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar_panel)
        row.addWidget(self.stack, 1)
        self.cover = QLabel(self.tr("Layar terkunci"))
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.cover, "title")
        self.outer = QStackedWidget()
        self.outer.addWidget(content)
        self.outer.addWidget(self.cover)
        self.setCentralWidget(self.outer)
        self._build_status_bar(office.name)
        self._build_shortcuts()
        self._connect_signals()
        self.show_page("dashboard")

    # --- construction ------------------------------------------------------------------------------------

    PAGE_SPECS = {
        "register": ("ui.pages.register", "RegisterPage"),
        "request": ("ui.pages.request", "RequestPage"),
        "objections": ("ui.pages.objections", "ObjectionsPage"),
        "settings": ("ui.pages.settings", "SettingsPage"),
    }

    def _build_pages(self) -> None:
        """The dashboard now; every other page when first shown (a faster start, less memory if unused)."""
        self.dashboard = DashboardPage(self.desk, self.actor)
        self.pages["dashboard"] = self.dashboard
        self.stack.addWidget(self.dashboard)
        self.intake_class: Any = None
        self.intake_missing = ""

    def page(self, key: str) -> QWidget:
        """The page ``key``, built (and wired) on first use."""
        if key in self.pages:
            return self.pages[key]
        module, name = self.PAGE_SPECS[key]
        titles = {
            "register": self.tr("Register"),
            "request": self.tr("Permohonan"),
            "objections": self.tr("Keberatan"),
            "settings": self.tr("Pengaturan"),
        }
        cls, reason = _import(module, name)
        page = cls(self.desk, self.actor) if cls is not None else MissingPage(titles[key], reason)
        self.pages[key] = page
        self.stack.addWidget(page)
        self._connect_page(key, page)
        return page

    def _build_sidebar(self) -> None:
        self.sidebar_panel = QWidget()
        self.sidebar_panel.setObjectName("sidebar_panel")
        self.sidebar_panel.setFixedWidth(210)
        column = QVBoxLayout(self.sidebar_panel)
        column.setContentsMargins(0, 0, 0, 0)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Menu utama"))
        self.sidebar.setIconSize(QSize(22, 22))
        labels = {
            "dashboard": (self.tr("Dasbor"), "dashboard"),
            "register": (self.tr("Register"), "register"),
            "objections": (self.tr("Keberatan"), "objections"),
            "settings": (self.tr("Pengaturan"), "settings"),
        }
        for index, key in enumerate(self.PAGES, start=1):
            text, icon_name = labels[key]
            item = QListWidgetItem(icon(icon_name), text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"{text} (Ctrl+{index})")
            self.sidebar.addItem(item)
        self.sidebar.currentItemChanged.connect(self._sidebar_changed)
        column.addWidget(self.sidebar, 1)
        self.intake_button = QPushButton(icon("intake", "#ffffff"), self.tr("Permohonan &baru"))
        self.intake_button.setToolTip(self.tr("Catat permohonan baru (Ctrl+N atau F2)"))
        self.intake_button.setStyleSheet(
            "background: #0b5cad; color: white; font-weight: bold; padding: 8px;"
        )
        self.intake_button.clicked.connect(self.open_intake)
        column.addWidget(self.intake_button)
        who = QLabel(f"{self.actor.full_name}\n{role_label(self.actor.role)}")
        who.setWordWrap(True)
        who.setContentsMargins(10, 6, 10, 0)
        set_role(who, "hint")
        column.addWidget(who)
        buttons = QHBoxLayout()
        self.lock_button = QPushButton(icon("lock"), self.tr("&Kunci"))
        self.lock_button.setToolTip(self.tr("Kunci layar (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock_requested)
        self.logout_button = QPushButton(icon("logout"), self.tr("K&eluar"))
        self.logout_button.clicked.connect(self.logout_requested)
        buttons.addWidget(self.lock_button)
        buttons.addWidget(self.logout_button)
        column.addLayout(buttons)

    def _build_status_bar(self, office_name: str) -> None:
        bar = self.statusBar()
        self.office_label = QLabel(office_name)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setAccessibleName(self.tr("Sedang memproses"))
        self.busy.hide()
        self.sync_label = QLabel(self.tr("Sinkronisasi: belum diatur"))
        bar.addWidget(self.office_label)
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.sync_label)
        runner().busy_changed.connect(self.busy.setVisible)

    def _build_shortcuts(self) -> None:
        def add(keys: list[QKeySequence | str], slot: Any, name: str) -> QAction:
            action = QAction(name, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            return action

        self.intake_action = add(["Ctrl+N", "F2"], self.open_intake, self.tr("Permohonan baru"))
        self.lock_action = add(["Ctrl+L"], self.lock_requested.emit, self.tr("Kunci layar"))
        for index, key in enumerate(self.PAGES, start=1):
            add([f"Ctrl+{index}"], lambda _=False, key=key: self.show_page(key), key)

    def _connect_signals(self) -> None:
        self._connect_page("dashboard", self.dashboard)

    def _connect_page(self, key: str, page: QWidget) -> None:
        """Every connection between pages is made here, when the page is built."""
        if hasattr(page, "request_opened"):
            page.request_opened.connect(self.open_request)
        if hasattr(page, "objection_opened") and key != "objections":
            page.objection_opened.connect(self.open_objection)
        if key == "request" and hasattr(page, "back_requested"):
            page.back_requested.connect(lambda: self.show_page("register"))
        if key in ("request", "objections") and hasattr(page, "changed"):
            page.changed.connect(lambda _number: self.refresh_lists())
        if key == "settings" and hasattr(page, "language_changed"):
            page.language_changed.connect(self.language_changed)

    def set_locked(self, locked: bool) -> None:
        """Hide every page behind a plain cover while the lock dialog is up (the PC stands at a counter)."""
        self.outer.setCurrentIndex(1 if locked else 0)
        self.intake_action.setEnabled(not locked)

    def is_locked(self) -> bool:
        return self.outer.currentIndex() == 1

    # --- navigation ----------------------------------------------------------------------------------------

    def show_page(self, key: str) -> None:
        self.stack.setCurrentWidget(self.page(key))
        if key in self.PAGES:
            row = self.PAGES.index(key)
            if self.sidebar.currentRow() != row:
                self.sidebar.blockSignals(True)
                self.sidebar.setCurrentRow(row)
                self.sidebar.blockSignals(False)
        if key == "dashboard":
            self.dashboard.refresh()

    def current_page(self) -> str:
        current = self.stack.currentWidget()
        return next(key for key, page in self.pages.items() if page is current)

    def _sidebar_changed(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_page(item.data(Qt.ItemDataRole.UserRole))

    def open_request(self, number: str) -> None:
        page = self.page("request")
        if hasattr(page, "show_request"):
            page.show_request(number)
        self.show_page("request")
        self.sidebar.clearSelection()

    def open_objection(self, number: str) -> None:
        page = self.page("objections")
        self.show_page("objections")
        if hasattr(page, "show_objection"):
            page.show_objection(number)

    def refresh_lists(self) -> None:
        for key in ("register", "objections"):
            page = self.pages.get(key)
            if page is not None and hasattr(page, "refresh"):
                page.refresh()
        if self.current_page() == "dashboard":
            self.dashboard.refresh()

    def open_intake(self) -> QWidget | None:
        """Ctrl+N / F2 from anywhere: the intake dialog (UI-B's), then refresh the lists on save."""
        if self.intake_class is None:
            self.intake_class, self.intake_missing = _import("ui.dialogs.intake", "IntakeDialog")
        if self.intake_class is None:
            show_error(self, RuntimeError(self.intake_missing), self.tr("Formulir permohonan belum tersedia"))
            return None
        dialog = self.intake_class(self.desk, self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _number: self.refresh_lists())
        if hasattr(dialog, "open_request"):
            dialog.open_request.connect(self.open_request)
        self.last_intake = dialog
        dialog.open()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        runner().wait(5_000)
        super().closeEvent(event)

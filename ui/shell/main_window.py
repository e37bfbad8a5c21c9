"""The main window only builds and wires: a sidebar, a stack of pages, global shortcuts, the clock banner and
the status bar.

Pages never know each other; every connection between them is made here (qutebrowser's ``_connect_signals``
idea). Only the dashboard is built at start; every other page (and its module: the imports are inside
``_create``) when first shown, for a faster start and less memory on pages an officer never opens.

The window owns the session's ``SyncController`` (ui/sync/controller.py): the status bar and the clock banner
follow its signals, and it is stopped when the window closes (logout, language switch, quitting).

Shortcuts: Ctrl+N / F2 new request (from anywhere), Ctrl+1..5 the sidebar pages, Ctrl+L lock the screen,
Ctrl+Shift+S sync now.
"""

from __future__ import annotations

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
from ui.dashboard.page import DashboardPage
from ui.kit.style import icon, set_role
from ui.kit.tasks import runner
from ui.settings.users import role_label
from ui.sync.controller import SyncController
from ui.sync.status import ClockBanner, SyncStatusButton

#: A dashboard built during the sign-in is shown as it is if its data are younger than this; an older one
#: (the PC sat at the login screen) is read again as the window opens.
DASHBOARD_FRESH_S = 60.0


class MainWindow(QMainWindow):
    lock_requested = Signal()
    logout_requested = Signal()
    language_changed = Signal(str)

    PAGES = ("dashboard", "register", "objections", "settings", "sync")

    def __init__(self, desk: DeskServices, actor: Actor, parent: QWidget | None = None, *,
                 sync: SyncController | None = None, dashboard: DashboardPage | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.desk, self.actor = desk, actor
        self.sync = sync or SyncController(desk)
        self.sync.setParent(self)
        office = desk.office.profile()
        self.setWindowTitle(self.tr("PPID Desk — %1").replace("%1", office.name))
        self.setMinimumSize(QSize(1000, 640))
        self.resize(1366, 768)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self._build_pages(dashboard)
        self._build_sidebar()
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.clock_banner = ClockBanner()
        column.addWidget(self.clock_banner)
        row = QHBoxLayout()
        row.setSpacing(0)
        row.addWidget(self.sidebar_panel)
        row.addWidget(self.stack, 1)
        column.addLayout(row, 1)
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
        self._select("dashboard")
        self.dashboard.refresh_if_older_than(DASHBOARD_FRESH_S)
        self.sync.start_later()

    @staticmethod
    def prepare() -> None:
        """Pay the first window's one-time costs before it is needed; ui/shell/startup.py calls this while the
        officer types at the login. PySide6 creates its remaining Python enum types when the first item view
        is built (≈ 0.04 s on an office PC) and the icon font's glyph map is read for the first icon; both
        would otherwise fall between the officer's Enter and the dashboard. Nothing built here is kept."""
        QListWidget()
        icon("dashboard")

    # --- construction ------------------------------------------------------------------------------------

    def _build_pages(self, dashboard: DashboardPage | None) -> None:
        """The dashboard now (or the one built and loaded during the sign-in); every other page when first
        shown (a faster start, less memory if unused)."""
        self.dashboard = dashboard or DashboardPage(self.desk)
        self.pages["dashboard"] = self.dashboard
        self.stack.addWidget(self.dashboard)

    def _create(self, key: str) -> QWidget:
        """Build page ``key``; its module is imported here, on first use, not at start-up."""
        if key == "register":
            from ui.register.page import RegisterPage

            return RegisterPage(self.desk, self.actor)
        if key == "request":
            from ui.request.page import RequestPage

            return RequestPage(self.desk, self.actor)
        if key == "objections":
            from ui.objections.page import ObjectionsPage

            return ObjectionsPage(self.desk, self.actor)
        if key == "settings":
            from ui.settings.page import SettingsPage

            return SettingsPage(self.desk, self.actor, sync=self.sync)
        if key == "sync":
            from ui.sync.page import SyncPage

            return SyncPage(self.desk, self.actor, self.sync)
        raise KeyError(key)

    def page(self, key: str) -> QWidget:
        """The page ``key``, built (and wired) on first use."""
        if key in self.pages:
            return self.pages[key]
        page = self._create(key)
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
            "sync": (self.tr("Sinkronisasi"), "mdi6.sync"),
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
        self.sync_status = SyncStatusButton(self.desk.ctx.clock)
        self.sync_status.clicked.connect(lambda: self.show_page("sync"))
        bar.addWidget(self.office_label)
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.sync_status)
        runner().busy_changed.connect(self.busy.setVisible)
        self.sync.status_changed.connect(self.sync_status.show_status)
        self.sync.busy_changed.connect(self.sync_status.set_busy)
        self.sync.status_changed.connect(lambda snap: self.clock_banner.show_clock(snap.clock))
        self.sync.report_received.connect(self._synced)

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
        self.sync_action = add(["Ctrl+Shift+S"], self.sync.sync_now, self.tr("Sinkronkan sekarang"))
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
        if key == "sync" and hasattr(page, "conflicts_changed"):
            page.conflicts_changed.connect(lambda: self.refresh_lists())
        if key == "sync" and hasattr(page, "enroll_requested"):
            page.enroll_requested.connect(self.open_sync_settings)

    def set_locked(self, locked: bool) -> None:
        """Hide every page behind a plain cover while the lock dialog is up (the PC stands at a counter)."""
        self.outer.setCurrentIndex(1 if locked else 0)
        self.intake_action.setEnabled(not locked)

    def is_locked(self) -> bool:
        return self.outer.currentIndex() == 1

    # --- navigation ----------------------------------------------------------------------------------------

    def show_page(self, key: str) -> None:
        self._select(key)
        if key == "dashboard":
            self.dashboard.refresh()

    def _select(self, key: str) -> None:
        self.stack.setCurrentWidget(self.page(key))
        if key in self.PAGES:
            row = self.PAGES.index(key)
            if self.sidebar.currentRow() != row:
                self.sidebar.blockSignals(True)
                self.sidebar.setCurrentRow(row)
                self.sidebar.blockSignals(False)

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

    def refresh_lists(self, *, sync: bool = True) -> None:
        for key in ("register", "objections"):
            page = self.pages.get(key)
            if page is not None and hasattr(page, "refresh"):
                page.refresh()
        if self.current_page() == "dashboard":
            self.dashboard.refresh()
        if sync:
            self.sync.refresh()  # the count of operations waiting for the city changed

    def _synced(self, report: Any) -> None:
        """Records pulled from the city show up in the open lists without a click."""
        if report.pulled or report.removed or report.repaired:
            self.refresh_lists(sync=False)

    def open_sync_settings(self) -> None:
        """Pengaturan › Sinkronisasi (administrators enroll the desk there)."""
        page = self.page("settings")
        self.show_page("settings")
        if "sync" in getattr(page, "panels", {}):
            page.show_panel("sync")  # type: ignore[attr-defined]

    def open_intake(self) -> QWidget | None:
        """Ctrl+N / F2 from anywhere: the intake dialog, then refresh the lists on save."""
        from ui.intake.dialog import IntakeDialog

        dialog = IntakeDialog(self.desk, self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _number: self.refresh_lists())
        if hasattr(dialog, "open_request"):
            dialog.open_request.connect(self.open_request)
        self.last_intake = dialog
        dialog.open()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.sync.stop()
        runner().wait(5_000)
        super().closeEvent(event)

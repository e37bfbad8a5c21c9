"""The main window only builds and wires: a sidebar, a stack of pages, global shortcuts, the clock banner and
the status bar.

The pages are declared once in ``ui/shell/pages.py``; the sidebar, the stack and the Ctrl+1..7 shortcuts are
built from that table. Pages never know each other: every page speaks the signals of ``ui.kit.page.Page``
and the window connects them all alike (qutebrowser's ``_connect_signals`` idea). After a write a page emits
``changed(Changes)``; the window broadcasts it and each page decides whether to read again. Only the dashboard
is built at start; every other page (and its module) when first shown, for a faster start and less memory on
pages an officer never opens.

The window owns the session's ``SyncController`` (ui/sync/controller.py): the status bar and the clock banner
follow its signals, and it is stopped when the window closes (logout, language switch, quitting).

Shortcuts: Ctrl+N / F2 new request (from anywhere), Ctrl+1..7 the sidebar pages, Ctrl+L lock the screen,
Ctrl+Shift+S sync now.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.changes import Changes
from app.services.context import Actor
from app.services.desk import DeskServices
from ui.dashboard.page import DashboardPage
from ui.kit import screen
from ui.kit.page import Page
from ui.kit.scroll import ScrollArea, scrolled
from ui.kit.style import icon, set_role
from ui.kit.tasks import runner
from ui.kit.unsaved import ask_discard, unsaved_dialogs
from ui.settings.users import role_label
from ui.shell import wiring
from ui.shell.pages import BY_KEY, PAGES, SIDEBAR, PageDeps
from ui.sync.controller import SyncController
from ui.sync.status import ClockBanner, SyncStatusButton

#: A dashboard built during the sign-in is shown as it is if its data are younger than this; an older one
#: (the PC sat at the login screen) is read again as the window opens.
DASHBOARD_FRESH_S = 60.0
#: The window's size where the work area has room for it (else it opens maximised; ui/kit/screen.py) and the
#: smallest it may be made (capped to the work area too, so the status bar is never pushed off the screen). The
#: minimum fits a 1366×768 screen at 150 % (911×472 device-independent pixels less a taskbar and title bar):
#: each page scrolls inside the window where it needs more (ui/kit/scroll.py).
PREFERRED_SIZE = QSize(1280, 720)
MINIMUM_SIZE = QSize(800, 420)


class Sidebar(QListWidget):
    """The page list. No type-ahead: a letter typed while it has the focus (after a click on it) must not jump to
    another page — "s" went to *Sinkronisasi* (issue 16). Pages are reached by click, arrows or Ctrl+1..7."""

    def keyboardSearch(self, search: str) -> None:  # noqa: N802 - Qt override
        del search


class MainWindow(QMainWindow):
    lock_requested = Signal()
    logout_requested = Signal()
    language_changed = Signal(str)
    changed = Signal(Changes)  # what a write changed, broadcast to every page built so far

    PAGES = SIDEBAR
    _closing = False  # close_now(): the session closes the window, nothing to ask
    discard_box: Any = None

    def __init__(self, desk: DeskServices, actor: Actor, parent: QWidget | None = None, *,
                 sync: SyncController | None = None, dashboard: DashboardPage | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.desk, self.actor = desk, actor
        self.sync = sync or SyncController(wiring.sync(desk))
        self.sync.setParent(self)
        office = desk.office.profile()
        self.setWindowTitle(self.tr("PPID Desk — %1").replace("%1", office.name))
        self.setMinimumSize(MINIMUM_SIZE)
        # The frame first, then its contents, each widget given its parent as it is made: with the application's
        # style sheet, a widget moved under a new parent is styled again with everything inside it, and the
        # dashboard (built and styled during the sign-in) would be styled once per level of the frame.
        self.outer = QStackedWidget()
        self.setCentralWidget(self.outer)
        content = QWidget(self.outer)
        self.outer.addWidget(content)
        self.cover = QLabel(self.tr("Layar terkunci"), self.outer)
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.cover, "title")
        self.outer.addWidget(self.cover)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.clock_banner = ClockBanner()
        column.addWidget(self.clock_banner)
        row = QHBoxLayout()
        row.setSpacing(0)
        column.addLayout(row, 1)
        self._build_sidebar()
        row.addWidget(self.sidebar_panel)
        self.stack = QStackedWidget(content)
        row.addWidget(self.stack, 1)
        self.pages: dict[str, Page] = {}
        self.areas: dict[str, ScrollArea] = {}  # the stack holds each page in its scroll area
        self._build_pages(dashboard)
        self._build_status_bar(office.name)
        self._build_shortcuts()
        if desk.read_only:  # nothing typed into an intake could be saved: not offered at all
            self.intake_button.setEnabled(False)
            self.intake_button.setToolTip(self.read_only_label.toolTip())
            self.intake_action.setEnabled(False)
        screen.restore(self, desk.office.data_folder(), "main", PREFERRED_SIZE)
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
        self.dashboard = dashboard or DashboardPage(wiring.dashboard(self.desk))
        self._add_page("dashboard", self.dashboard)

    def page(self, key: str) -> Page:
        """The page ``key``, built (and wired) on first use; its module is imported then, not at start-up."""
        if key not in self.pages:
            self._add_page(key, BY_KEY[key].factory(PageDeps(self.desk, self.actor, self.sync)))
        return self.pages[key]

    def _add_page(self, key: str, page: Page) -> None:
        """Every page is wired alike (ui/kit/page.py): pages never know each other, the window links them."""
        self.pages[key] = page
        # a page larger than the window scrolls (150 %)
        self.areas[key] = scrolled(page, self.stack, frame=False, tab_stop=False)
        self.stack.addWidget(self.areas[key])
        page.request_opened.connect(self.open_request)
        page.objection_opened.connect(self.open_objection)
        page.page_requested.connect(self.open_panel)
        page.changed.connect(self.broadcast)
        page.language_changed.connect(self.language_changed)
        self.changed.connect(page.apply_changes)

    def _build_sidebar(self) -> None:
        self.sidebar_panel = QWidget()
        self.sidebar_panel.setObjectName("sidebar_panel")
        self.sidebar_panel.setFixedWidth(184)  # narrow enough to leave a page 700 px at 1366×768 and 150 %
        column = QVBoxLayout(self.sidebar_panel)
        column.setContentsMargins(0, 0, 0, 0)
        self.sidebar = Sidebar()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Menu utama"))
        self.sidebar.setIconSize(QSize(22, 22))
        for spec in PAGES:
            if spec.sidebar:
                text = QCoreApplication.translate("MainWindow", spec.title)
                item = QListWidgetItem(icon(spec.icon), text)
                item.setData(Qt.ItemDataRole.UserRole, spec.key)
                item.setToolTip(f"{text} ({spec.shortcut})")
                self.sidebar.addItem(item)
        self.sidebar.currentItemChanged.connect(self._sidebar_changed)
        # a click (or Enter) on a page's entry goes to that page, keyboard included; the arrows stay in the list
        self.sidebar.itemClicked.connect(lambda _item: self._focus_page())
        self.sidebar.itemActivated.connect(lambda _item: self._focus_page())
        column.addWidget(self.sidebar, 1)
        # No Alt+letters on the sidebar's buttons: they would be claimed on every page (Ctrl+N / F2 and Ctrl+L
        # reach the first two from anywhere).
        self.intake_button = QPushButton(icon("intake", "#ffffff"), self.tr("Permohonan baru"))
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
        self.lock_button = QPushButton(icon("lock"), self.tr("Kunci"))
        self.lock_button.setToolTip(self.tr("Kunci layar (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock_requested)
        self.logout_button = QPushButton(icon("logout"), self.tr("Keluar"))
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
        self.sync_status = SyncStatusButton(self.desk.calendar.now)
        self.sync_status.clicked.connect(lambda: self.show_page("sync"))
        bar.addWidget(self.office_label)
        if self.desk.read_only:
            self._say_read_only(bar)
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.sync_status)
        runner().busy_changed.connect(self.busy.setVisible)
        self.sync.status_changed.connect(self.sync_status.show_status)
        self.sync.busy_changed.connect(self.sync_status.set_busy)
        self.sync.status_changed.connect(lambda snap: self.clock_banner.show_clock(snap.clock))
        self.sync.report_received.connect(self._synced)

    def _say_read_only(self, bar: Any) -> None:
        """A register on a full or read-only disk opens to be read (app/services/desk.py): the officer is told once, and
        the status bar says so for as long as the window is open; every save is refused with the same reason."""
        why = self.tr(
            "Disk folder data penuh, hanya-baca atau bermasalah, jadi register dibuka hanya untuk dibaca: "
            "permohonan dapat dicari, dilihat, diekspor dan dicadangkan ke disk lain, tetapi tidak ada perubahan "
            "yang dapat disimpan. Perbaiki disk (atau kosongkan ruangnya), lalu buka ulang aplikasi."
        )
        self.read_only_label = QLabel(self.tr("HANYA-BACA"))
        self.read_only_label.setToolTip(why)
        bar.addPermanentWidget(self.read_only_label)
        self.read_only_box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Register hanya-baca"), why, parent=self
        )
        QTimer.singleShot(0, self.read_only_box.open)  # over the window, once it is on screen

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
        for spec in PAGES:
            if spec.shortcut:
                add([spec.shortcut], lambda _=False, key=spec.key: self.go_to(key), spec.key)

    def set_locked(self, locked: bool) -> None:
        """Hide every page behind a plain cover while the lock dialog is up (the PC stands at a counter)."""
        self.outer.setCurrentIndex(1 if locked else 0)
        self.intake_action.setEnabled(not locked and not self.desk.read_only)

    def is_locked(self) -> bool:
        return self.outer.currentIndex() == 1

    # --- navigation ----------------------------------------------------------------------------------------

    def show_page(self, key: str) -> None:
        self._select(key)
        self.pages[key].shown()

    def go_to(self, key: str) -> None:
        """Ctrl+1..7: show page ``key`` with the keyboard in it (its shortcuts work from anywhere anyway)."""
        self.show_page(key)
        self._focus_page()

    def _focus_page(self) -> None:
        self.pages[self.current_page()].focus_default()

    def _select(self, key: str) -> None:
        self.page(key)
        self.stack.setCurrentWidget(self.areas[key])
        if key in self.PAGES:
            row = self.PAGES.index(key)
            if self.sidebar.currentRow() != row:
                self.sidebar.blockSignals(True)
                self.sidebar.setCurrentRow(row)
                self.sidebar.blockSignals(False)

    def current_page(self) -> str:
        current = self.stack.currentWidget()
        return next(key for key, area in self.areas.items() if area is current)

    def _sidebar_changed(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_page(item.data(Qt.ItemDataRole.UserRole))

    def open_request(self, number: str) -> None:
        self.page("request").show_record(number)
        self.show_page("request")
        self.sidebar.clearSelection()

    def open_objection(self, number: str) -> None:
        page = self.page("objections")
        self.show_page("objections")
        page.show_record(number)

    def open_panel(self, key: str, panel: str = "") -> None:
        """Page ``key`` and, if given and the officer may see it, its panel ``panel`` (Pengaturan › Sinkronisasi
        for administrators enrolling the desk)."""
        page = self.page(key)
        self.show_page(key)
        if panel:
            page.show_panel(panel)

    # --- what changed --------------------------------------------------------------------------------------

    def broadcast(self, changes: Changes) -> None:
        """Tell every page (and the sync status) what a write changed; each decides whether to read again."""
        if changes:
            self.changed.emit(changes)
            if changes.outbox:
                self.sync.refresh()  # the count of operations waiting for the city changed

    def _synced(self, report: Any) -> None:
        """Records pulled from the city show up in the open lists without a click."""
        if report.pulled or report.removed or report.repaired:
            self.broadcast(Changes.records(outbox=False))

    def open_intake(self) -> QWidget | None:
        """Ctrl+N / F2 from anywhere: the intake dialog; what it saved is broadcast."""
        from ui.intake.dialog import IntakeDialog

        if self.desk.read_only:
            self.read_only_box.open()
            return None
        dialog = IntakeDialog(wiring.intake(self.desk), self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda number: self.broadcast(Changes.recorded(requests=[number])))
        dialog.open_request.connect(self.open_request)
        self.last_intake = dialog
        dialog.open()
        return dialog

    def close_now(self) -> None:
        """Close without asking about unsaved dialogs (the session signs out or rebuilds the window)."""
        self._closing = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        pending = [] if self._closing else unsaved_dialogs(self)
        if pending:  # an intake or another recording dialog holds typed data: ask before it is lost
            event.ignore()

            def discard() -> None:
                for dialog in pending:
                    dialog.discard()  # type: ignore[attr-defined]
                self.close_now()

            self.discard_box = ask_discard(pending[-1], discard)
            return
        screen.remember(self, self.desk.office.data_folder(), "main")
        self.sync.stop()
        runner().wait(5_000)
        super().closeEvent(event)

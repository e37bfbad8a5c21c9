"""RegisterPage: the Register Permohonan with search-as-you-type, filters, sorting, a column chooser and export.

Why it stays responsive on 100,000 requests: the table is a :class:`RegisterTableModel` (count + windowed
pages), every filter change is debounced and fetched off the GUI thread, and export runs in the background.
Enter or a double click on a row emits ``request_opened(number)``; the main window shows the request page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.lifecycle import CHANNELS, OPEN_STATUSES, STATUS_LABELS, Status
from app.domain.permissions import Permission
from app.services.changes import Changes
from app.services.context import Actor
from app.services.register_query import RegisterFilter
from ui.kit.dates import date_edit
from ui.kit.files import save_path
from ui.kit.flow import FlowLayout, pair
from ui.kit.forms import page_shortcut
from ui.kit.keys import down_into
from ui.kit.page import Page
from ui.kit.qtime import qdate
from ui.kit.style import icon, set_role
from ui.kit.tables import fit_column
from ui.kit.tasks import submit
from ui.kit.terms import remaining, terms
from ui.register.model import COLUMNS, NUMBER_ROLE, RegisterTableModel, column_headers

if TYPE_CHECKING:
    from app.services.calendar import CalendarService
    from app.services.export import ExportService
    from app.services.register_query import RegisterQuery
    from ui.printing.services import PrintingServices


@dataclass(frozen=True)
class RegisterServices:
    """What the register page uses; ``export`` (openpyxl) is built on the first export."""

    query: RegisterQuery
    calendar: CalendarService
    export: Callable[[], ExportService]
    printing: PrintingServices


OPEN = "__open__"


class RegisterTable(QTableView):
    """Enter opens the current row (QTableView would otherwise start editing or do nothing)."""

    activated_row = Signal(QModelIndex)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class RegisterPage(Page):
    """Signals: ``request_opened(str)`` with the registration number; ``exported(str)`` with the file path."""

    exported = Signal(str)

    def __init__(
        self,
        services: RegisterServices,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        background: bool = True,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.background = services, actor, background
        calendar = services.calendar
        self.model = RegisterTableModel(
            services.query,
            actor,
            background=background,
            calendar=calendar.calendar(),
            today=lambda: calendar.today(),
            parent=self,
        )
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filter)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_top())
        layout.addLayout(self._build_filters())
        self.table = self._build_table()
        down_into(self.search, self.table)  # the first Down from the search box selects the first row
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.model.loading_changed.connect(self._loading)
        self.model.total_changed.connect(self._total)
        self.model.failed.connect(self._failed)
        page_shortcut(self, "Ctrl+F", self._focus_search)
        self.apply_filter()

    # --- building ---------------------------------------------------------------------------------------

    def _build_top(self) -> FlowLayout:
        """Title, search, count, columns and export: one line where there is room, wrapped where not (150 %)."""
        row = FlowLayout(spacing=12)
        title = QLabel(self.tr("Register Permohonan Informasi"))
        set_role(title, "title")
        row.addWidget(title)
        label = QLabel(self.tr("&Cari:"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Nama, NIK, nomor pendaftaran atau isi permohonan (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Cari di register"))
        self.search.setClearButtonEnabled(True)
        label.setBuddy(self.search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._search_enter)
        self.search.setMinimumWidth(self.search.fontMetrics().averageCharWidth() * 24)
        row.addWidget(pair(label, self.search))
        row.addStretch(1)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(80)
        self.busy.setAccessibleName(self.tr("Memuat register"))
        self.busy.hide()
        row.addWidget(self.busy)
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(140)
        row.addWidget(self.count_label)
        self._top_row = row
        return row

    def _labelled(self, row: FlowLayout, text: str, widget: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        widget.setAccessibleName(text.replace("&", "").rstrip(":"))
        row.addWidget(pair(label, widget))

    def _build_filters(self) -> FlowLayout:
        """The filters wrap onto a second line rather than widening the page past the window."""
        row = FlowLayout()
        self.status = QComboBox()
        self.status.addItem(self.tr("Semua status"), None)
        self.status.addItem(self.tr("Masih berjalan"), OPEN)
        for status, text in terms(STATUS_LABELS).items():
            self.status.addItem(text, status.value)
        self._labelled(row, self.tr("&Status:"), self.status)
        self.period = QComboBox()
        for key, text in (
            ("all", self.tr("Semua waktu")),
            ("today", self.tr("Hari ini")),
            ("week", self.tr("7 hari terakhir")),
            ("month", self.tr("Bulan ini")),
            ("year", self.tr("Tahun ini")),
            ("range", self.tr("Rentang tanggal…")),
        ):
            self.period.addItem(text, key)
        self._labelled(row, self.tr("&Periode:"), self.period)
        today = self.services.calendar.today()
        self.date_from = date_edit(qdate(today).addMonths(-1))
        self.date_to = date_edit(today)
        for edit, text in (
            (self.date_from, self.tr("Dari tanggal")),
            (self.date_to, self.tr("Sampai tanggal")),
        ):
            edit.setAccessibleName(text)
            edit.hide()
            edit.dateChanged.connect(lambda _d: self._debounce.start())
            row.addWidget(edit)
        self.channel = QComboBox()
        self.channel.addItem(self.tr("Semua saluran"), None)
        for value, text in terms(CHANNELS).items():
            self.channel.addItem(text, value)
        self._labelled(row, self.tr("Sa&luran:"), self.channel)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Semua pemohon"), None)
        self.kind.addItem(self.tr("Perorangan"), "perorangan")
        self.kind.addItem(self.tr("Badan hukum"), "badan_hukum")
        self.kind.addItem(self.tr("Kelompok orang"), "kelompok")
        self._labelled(row, self.tr("&Jenis pemohon:"), self.kind)
        self.overdue = QCheckBox(self.tr("Hanya yang &terlambat"))
        self.overdue.setAccessibleName(self.tr("Hanya yang terlambat"))
        row.addWidget(self.overdue)
        for combo_box in (self.status, self.period, self.channel, self.kind):
            combo_box.currentIndexChanged.connect(self._filters_changed)
        self.overdue.toggled.connect(self._filters_changed)
        row.addStretch(1)
        top = self._top_row  # the column chooser and export sit on the search line; the filters need the room
        self.columns_button = QToolButton()
        self.columns_button.setText(self.tr("&Kolom"))
        self.columns_button.setAccessibleName(self.tr("Pilih kolom"))
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.columns_menu = QMenu(self.columns_button)
        self.columns_button.setMenu(self.columns_menu)
        top.addWidget(self.columns_button)
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("&Ekspor"))
        self.export_button.setIcon(icon("mdi6.file-export-outline"))
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.export_button.setAccessibleName(self.tr("Ekspor tampilan register"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("CSV (.csv)…"), lambda: self._ask_export("csv"))
        menu.addAction(self.tr("Excel (.xlsx)…"), lambda: self._ask_export("xlsx"))
        menu.addSeparator()
        menu.addAction(self.tr("Cetak register periode ini…"), self.print_register)
        self.export_button.setMenu(menu)
        if not self.actor.can(Permission.EXPORT):
            self.export_button.setEnabled(False)
            self.export_button.setToolTip(self.tr("Ekspor hanya untuk supervisor dan administrator."))
        top.addWidget(self.export_button)
        return row

    def _build_table(self) -> RegisterTable:
        table = RegisterTable()
        table.setModel(self.model)
        table.setAccessibleName(self.tr("Tabel register permohonan"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(26)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        # the request text takes whatever width is left, so the usual columns fit 1366×768 without scrolling
        header.setSectionResizeMode(self.model.column_of("information"), QHeaderView.ResizeMode.Stretch)
        widths = {"number": 135, "received_at": 115, "name": 150, "information": 260, "status": 175,
                  "due": 90, "remaining": 130, "channel": 115}  # fmt: skip
        for index, column in enumerate(COLUMNS):
            table.setColumnHidden(index, not column.default_visible)
            table.setColumnWidth(index, widths.get(column.key, 140))
            action = QAction(column_headers()[column.key], self.columns_menu)
            action.setCheckable(True)
            action.setChecked(column.default_visible)
            action.toggled.connect(lambda on, i=index: table.setColumnHidden(i, not on))
            if column.key == "contact":
                action.toggled.connect(self.model.set_contacts)
                self.model.set_contacts(column.default_visible)
            self.columns_menu.addAction(action)
        # the columns of a fixed vocabulary are as wide as their longest value, in this font and language
        fit_column(table, self.model.column_of("status"), terms(STATUS_LABELS).values())
        fit_column(table, self.model.column_of("remaining"), [remaining(n) for n in (-999, 0, 999)])
        fit_column(table, self.model.column_of("channel"), terms(CHANNELS).values())
        header.setSortIndicator(self.model.sort_column, Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)
        table.doubleClicked.connect(self._open_index)
        table.activated_row.connect(self._open_index)
        return table

    # --- filtering --------------------------------------------------------------------------------------

    def _filters_changed(self) -> None:
        custom = self.period.currentData() == "range"
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)
        self.apply_filter()

    def current_filter(self) -> RegisterFilter:
        """The filter the controls describe right now."""
        status = self.status.currentData()
        statuses: tuple[str, ...] = ()
        if status == OPEN:
            statuses = tuple(s.value for s in Status if s in OPEN_STATUSES)
        elif status:
            statuses = (str(status),)
        date_from, date_to = self._period()
        return RegisterFilter(
            text=self.search.text().strip(),
            statuses=statuses,
            date_from=date_from,
            date_to=date_to,
            channel=self.channel.currentData(),
            requester_kind=self.kind.currentData(),
            overdue_only=self.overdue.isChecked(),
        )

    def _period(self) -> tuple[date | None, date | None]:
        today = self.services.calendar.today()
        key = self.period.currentData()
        if key == "today":
            return today, today
        if key == "week":
            return today - timedelta(days=6), today
        if key == "month":
            return today.replace(day=1), today
        if key == "year":
            return today.replace(month=1, day=1), today
        if key == "range":
            return self.date_from.date().toPython(), self.date_to.date().toPython()  # type: ignore[return-value]
        return None, None

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.current_filter())

    def apply_changes(self, changes: Changes) -> None:
        if changes.any_records:
            self.refresh()

    def refresh(self) -> None:
        """Re-read the register (after an intake, an action or a calendar change elsewhere)."""
        self.model.set_calendar(self.services.calendar.calendar())
        self.model.reload()

    def _search_enter(self) -> None:
        self.apply_filter()
        if self.model.total == 1 and not self.model.loading:
            self._open_index(self.model.index(0, 0))
        else:
            self.table.setFocus()
            if self.model.total:
                self.table.setCurrentIndex(self.model.index(0, 0))

    def focus_default(self) -> None:
        """After Ctrl+2 or a click on *Register* the officer types a search at once."""
        self._focus_search()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _loading(self, on: bool) -> None:
        self.busy.setVisible(on)

    def _total(self, total: int) -> None:
        self.count_label.setText(self.tr("{0} permohonan").format(f"{total:,}".replace(",", ".")))
        self.message.clear()

    def _failed(self, message: str) -> None:
        set_role(self.message, "error")
        self.message.setText(message)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            number = self.model.data(self.model.index(index.row(), 0), NUMBER_ROLE)
            if number:
                self.request_opened.emit(str(number))

    # --- export -----------------------------------------------------------------------------------------

    def visible_columns(self) -> list[str]:
        header = self.table.horizontalHeader()
        order = sorted(range(len(COLUMNS)), key=header.visualIndex)
        return [COLUMNS[i].key for i in order if not self.table.isColumnHidden(i)]

    def _ask_export(self, fmt: str) -> None:
        caption = self.tr("Ekspor register")
        pattern = self.tr("Berkas CSV (*.csv)") if fmt == "csv" else self.tr("Buku kerja Excel (*.xlsx)")
        path = save_path(self, caption, f"register-permohonan.{fmt}", pattern)
        if path:
            self.export_to(Path(path) if Path(path).suffix else Path(f"{path}.{fmt}"))

    def print_register(self) -> None:
        """The printed Register Permohonan (landscape) for the chosen period; *Semua waktu* from the first
        request received (it printed this month, under a menu entry saying "this period")."""
        from ui.printing.actions import print_register

        date_from, date_to = self._period()
        today = self.services.calendar.today()
        if date_from is None:  # all time: one indexed row, the oldest
            first = self.services.query.rows(self.actor, limit=1, descending=False, contacts=False)
            date_from = first[0].received_at.date() if first else today
        print_register(
            self.services.printing, self.actor, date_from, date_to or today,
            parent=self, on_error=lambda exc: self._failed(str(exc)),
        )  # fmt: skip

    def export_to(self, path: Path) -> None:
        """Write the current view (its filter) through the export service, in the background.

        The service masks the NIK, writes atomically and records the export in the audit log (UU PDP), so
        the file has the full Register Permohonan columns rather than only the ones shown on screen.
        """
        exporter = self.services.export()
        actor, flt = self.actor, self.model.filter
        self.busy.show()
        self.message.clear()

        def work() -> int:
            return exporter.export(actor, out=path, flt=flt).rows

        def done(count: int) -> None:
            self.busy.hide()
            set_role(self.message, "hint")
            self.message.setText(self.tr("{0} baris diekspor ke {1}").format(count, path))
            self.exported.emit(str(path))

        def failed(exc: BaseException) -> None:
            self.busy.hide()
            self._failed(self.tr("Ekspor gagal: {0}").format(exc))

        submit(work, done, failed, background=self.background)

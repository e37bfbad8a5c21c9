"""AuditLogPanel: the register's audit log, read-only, for supervisors and administrators (Pengaturan → Log audit).

Why in the app: who did what and when is the register's legal memory; since the log is a hash chain
(``db/chain.py``) a supervisor can read it here, filtered by record, user and date, instead of opening the file
with ``sqlite3``. Nothing on the panel writes. Newest first, at most ``audit_log.LIMIT`` entries per read.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.audit_log import LIMIT, AuditLogEntry, AuditLogService
from app.services.context import Actor
from ui.kit.crash import user_message
from ui.kit.dates import date_edit, show_moment
from ui.kit.flow import FlowLayout, pair
from ui.kit.style import set_role
from ui.kit.tables import record_table, wrap_rows
from ui.kit.tasks import Latest, run_in_background

#: Below about this many characters' width the time and user columns wrap as well.
WIDE_CHARS = 130


class AuditLogPanel(QWidget):
    def __init__(
        self,
        audit_log: Callable[[], AuditLogService],
        actor: Actor,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        """``today``: the desk's clock (``CalendarService.today``), where the date filter starts."""
        super().__init__(parent)
        self.reads = Latest()  # the first, unfiltered read may end after the filter the officer applied
        self.audit_log, self.actor, self.today = (
            audit_log,
            actor,
            today,
        )  # the log's service: on the first read
        self.entries: list[AuditLogEntry] = []
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Log audit"))
        set_role(title, "section")
        layout.addWidget(title)
        hint = QLabel(
            self.tr(
                "Siapa melakukan apa dan kapan. Hanya dapat dibaca: setiap entri terikat pada rantai hash, "
                "dan perubahan di luar aplikasi ditemukan oleh ppid-desk check."
            )
        )
        hint.setWordWrap(True)
        set_role(hint, "hint")
        layout.addWidget(hint)
        layout.addLayout(self._filters())
        self.message = QLabel()
        set_role(self.message, "error")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.table = record_table(
            [
                self.tr("Waktu"),
                self.tr("Pengguna"),
                self.tr("Tindakan"),
                self.tr("Catatan"),
                self.tr("Rincian"),
                self.tr("Mata rantai"),
            ],
            self.tr("Tabel log audit"),
        )
        self.table.setProperty("recorded_text", True)  # entries as written, in Indonesian (docs/ui.md)
        # the time, the user and the chain link as wide as they are; the action, the record and the details
        # share the rest and wrap, so at 150 % nothing is cut and the table never scrolls sideways inside itself
        self.table.horizontalHeader().setStretchLastSection(False)
        self._fit_columns(narrow=False)
        wrap_rows(self.table)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        self._load_users()
        self.refresh()

    def _fit_columns(self, *, narrow: bool) -> None:
        """Wide: the time, the user and the chain link as wide as they are, the rest shared. Narrow (150 %):
        the time and the user share and wrap too, or the shared columns are left a word's width."""
        self._narrow = narrow
        header = self.table.horizontalHeader()
        for column in range(6):
            fixed = column == 5 or (column in (0, 1) and not narrow)
            mode = QHeaderView.ResizeMode.ResizeToContents if fixed else QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(column, mode)

    def resizeEvent(self, event: QResizeEvent) -> None:
        narrow = event.size().width() < WIDE_CHARS * self.fontMetrics().averageCharWidth()
        if narrow != self._narrow:
            self._fit_columns(narrow=narrow)
        super().resizeEvent(event)

    def _filters(self) -> FlowLayout:
        """The filters wrap onto a second line rather than widening the settings page (150 %)."""
        row = FlowLayout()
        record_label = QLabel(self.tr("&Nomor:"))
        self.record = QLineEdit()
        self.record.setPlaceholderText(self.tr("Nomor permohonan atau keberatan"))
        self.record.setAccessibleName(self.tr("Saring menurut nomor permohonan atau keberatan"))
        self.record.returnPressed.connect(self.refresh)
        self.record.setMinimumWidth(self.record.fontMetrics().averageCharWidth() * 24)
        row.addWidget(pair(record_label, self.record))
        user_label = QLabel(self.tr("Pengguna:"))
        self.user = QComboBox()
        self.user.setAccessibleName(self.tr("Saring menurut pengguna"))
        self.user.addItem(self.tr("Semua pengguna"), "")
        row.addWidget(pair(user_label, self.user))
        self.by_date = QCheckBox(self.tr("&Tanggal"))
        self.by_date.setAccessibleName(self.tr("Saring menurut tanggal"))
        row.addWidget(self.by_date)
        today = self.today()
        self.day_from, self.day_to = date_edit(today - timedelta(days=30)), date_edit(today)
        for edit, name in (
            (self.day_from, self.tr("Dari tanggal")),
            (self.day_to, self.tr("Sampai tanggal")),
        ):
            edit.setAccessibleName(name)
            edit.setEnabled(False)
            self.by_date.toggled.connect(edit.setEnabled)
            row.addWidget(edit)
        self.apply_button = QPushButton(self.tr("Te&rapkan"))
        self.apply_button.setAccessibleName(self.tr("Terapkan saringan log audit"))
        self.apply_button.clicked.connect(self.refresh)
        row.addWidget(self.apply_button)
        return row

    def _load_users(self) -> None:
        run_in_background(lambda: self.audit_log().usernames(self.actor), self._set_users, self._failed)

    def _set_users(self, names: list[str]) -> None:
        for name in names:
            self.user.addItem(name, name)

    def filters(self) -> dict[str, object]:
        return {
            "record": self.record.text(),
            "username": str(self.user.currentData() or ""),
            "day_from": self.day_from.date().toPython() if self.by_date.isChecked() else None,
            "day_to": self.day_to.date().toPython() if self.by_date.isChecked() else None,
        }

    def refresh(self) -> None:
        wanted = self.filters()
        self.reads.run(lambda: self.audit_log().entries(self.actor, **wanted), self._fill, self._failed)  # type: ignore[arg-type]

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(user_message(exc))
        self.message.show()

    def _fill(self, entries: list[AuditLogEntry]) -> None:
        self.message.hide()
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            values = (
                show_moment(entry.at, seconds=True),
                entry.username,
                entry.label,
                entry.record,
                entry.details,
                f"#{entry.chain_seq}" if entry.chain_seq is not None else "—",
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 4:
                    item.setToolTip(entry.details)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        shown = self.tr("%1 entri").replace("%1", str(len(entries)))
        if len(entries) >= LIMIT:
            shown += " " + self.tr("(yang terbaru; persempit saringan untuk melihat yang lebih lama)")
        self.count_label.setText(shown)

"""Settings › Kalender hari kerja: the year's holidays, local closures, cuti bersama, and the deadline recompute.

Why a preview before applying: deadlines are frozen when computed and printed on letters, so a calendar change
never silently moves them. The supervisor first sees every deadline that would change (old → new), then
applies; each change lands on the request's timeline (``CalendarService.recompute``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.permissions import Permission
from app.errors import DeskError, ValidationError
from app.services.calendar import CLOSURE, CalendarService, DeadlineChange
from app.services.context import Actor
from ui.kit.crash import show_error, user_message
from ui.kit.dates import date_edit, show_day
from ui.kit.forms import FieldForm
from ui.kit.style import MUTED, set_role
from ui.kit.tables import record_table, wrap_rows
from ui.kit.tasks import run_in_background

#: The holiday names' column keeps room for about this many characters before the panel stacks its halves.
NAME_WIDTH_CHARS = 28
#: How many holidays' rows the list keeps in view when stacked above the rest of the panel.
STACKED_ROWS = 10


def _table(headers: list[str], name: str) -> QTableWidget:
    return record_table(headers, name, fit=True)


class CalendarPanel(QWidget):
    preview_ready = Signal()
    applied = Signal(int)

    def __init__(self, calendar: CalendarService, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calendar, self.actor = calendar, actor
        self.changes: list[DeadlineChange] = []
        can_edit = actor.can(Permission.MANAGE_CALENDAR)
        can_recompute = actor.can(Permission.RECOMPUTE_DEADLINES)
        self.columns = layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        left = QVBoxLayout()
        top = QHBoxLayout()
        year_label = QLabel(self.tr("&Tahun:"))
        self.year = QSpinBox()
        self.year.setRange(2020, 2040)
        self.year.setValue(calendar.now().year)
        self.year.setAccessibleName(self.tr("Tahun"))
        year_label.setBuddy(self.year)
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        left.addLayout(top)
        self.holidays = _table(
            [self.tr("Tanggal"), self.tr("Keterangan"), self.tr("Jenis")], self.tr("Hari libur")
        )
        # the names take the width left beside the date and the kind and wrap onto a second line, rather than
        # widening the table past its panel (at 150 % a long name was cut at the edge and the table scrolled
        # sideways inside itself)
        header = self.holidays.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        wrap_rows(self.holidays)
        left.addWidget(self.holidays, 1)
        self.cuti = QCheckBox(self.tr("&Cuti bersama dihitung sebagai hari libur"))
        self.cuti.setChecked(calendar.cuti_bersama_is_holiday())
        self.cuti.setEnabled(can_edit)
        self.cuti.toggled.connect(self._cuti_toggled)
        left.addWidget(self.cuti)
        layout.addLayout(left, 3)

        right = QVBoxLayout()
        closures = QGroupBox(self.tr("Libur lokal kantor"))
        closures.setEnabled(can_edit)
        box = QVBoxLayout(closures)
        self.form = FieldForm()
        self.day = date_edit(calendar.today())
        self.reason = QLineEdit()
        self.form.add("day", self.tr("Tangga&l:"), self.day)
        self.form.add("name", self.tr("&Keterangan:"), self.reason, self.tr("mis. HUT Kota Serang"))
        box.addLayout(self.form.layout)
        box.addWidget(self.form.general)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("T&ambah libur"))
        self.remove_button = QPushButton(self.tr("&Hapus libur terpilih"))
        self.add_button.clicked.connect(self.add_closure)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        box.addLayout(buttons)
        right.addWidget(closures)

        recompute = QGroupBox(self.tr("Hitung ulang tenggat"))
        recompute.setEnabled(can_recompute)
        rbox = QVBoxLayout(recompute)
        note = QLabel(
            self.tr(
                "Perubahan kalender tidak menggeser tenggat yang sudah dihitung. Lihat dulu "
                "tenggat yang akan berubah, lalu terapkan."
            )
        )
        note.setWordWrap(True)
        set_role(note, "hint")
        rbox.addWidget(note)
        self.preview_button = QPushButton(self.tr("&Pratinjau perubahan"))
        self.apply_button = QPushButton(self.tr("T&erapkan perubahan"))
        self.apply_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.preview_button)
        row.addWidget(self.apply_button)
        rbox.addLayout(row)
        self.preview_summary = QLabel()
        self.preview_summary.setWordWrap(True)
        rbox.addWidget(self.preview_summary)
        self.preview = _table(
            [self.tr("Nomor"), self.tr("Tenggat"), self.tr("Lama"), self.tr("Baru")],
            self.tr("Tenggat yang berubah"),
        )
        rbox.addWidget(self.preview, 1)
        self.preview_button.clicked.connect(self.run_preview)
        self.apply_button.clicked.connect(self.apply_changes)
        right.addWidget(recompute, 1)
        layout.addLayout(right, 2)
        self.right = right
        self.year.valueChanged.connect(lambda _y: self.reload())
        self.reload()

    # --- holidays -------------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side while the holidays' table keeps room for its names beside the closures and the
        recomputation, stacked below it when the panel is narrower (1366×768 at 150 %): a name column squeezed
        to a few letters reads no better wrapped than cut."""
        header = self.holidays.horizontalHeader()
        table_needs = (
            header.sectionSize(0)
            + header.sectionSize(2)
            + NAME_WIDTH_CHARS * self.fontMetrics().averageCharWidth()
        )
        wide = (
            event.size().width()
            >= table_needs + self.right.minimumSize().width() + 3 * self.columns.spacing() + 40
        )
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
            # stacked, the list keeps about ten holidays in view (the page scrolls for the rest of the panel)
            rows = 0 if wide else STACKED_ROWS
            self.holidays.setMinimumHeight(rows * self.holidays.verticalHeader().defaultSectionSize())
        super().resizeEvent(event)

    def reload(self) -> None:
        year = self.year.value()
        categories = {
            "nasional": self.tr("Libur nasional"),
            "cuti_bersama": self.tr("Cuti bersama"),
            "lokal": self.tr("Libur lokal"),
        }
        holidays = self.calendar.holidays(year)
        self.holidays.setRowCount(len(holidays))
        for row, holiday in enumerate(holidays):
            name = holiday.name + (self.tr(" (perkiraan)") if holiday.estimated else "")
            cells = [show_day(holiday.day), name, categories.get(holiday.category, holiday.category)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, (holiday.day, holiday.category))
                if holiday.category == "cuti_bersama":
                    item.setForeground(QBrush(QColor(MUTED)))
                self.holidays.setItem(row, column, item)

    def add_closure(self) -> None:
        picked = self.day.date()
        day = date(picked.year(), picked.month(), picked.day())
        try:
            self.calendar.add(self.actor, day=day, name=self.reason.text(), kind=CLOSURE)
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return
        except DeskError as exc:
            show_error(self, exc)
            return
        self.form.clear_errors()
        self.reason.clear()
        if self.year.value() != day.year:
            self.year.setValue(day.year)
        else:
            self.reload()

    def selected_local_day(self) -> date | None:
        row = self.holidays.currentRow()
        item = self.holidays.item(row, 0) if row >= 0 else None
        if item is None:
            return None
        day, category = item.data(Qt.ItemDataRole.UserRole)
        return day if category == "lokal" else None

    def remove_selected(self) -> None:
        day = self.selected_local_day()
        if day is None:
            self.form.show_errors(
                {"_": self.tr("Pilih libur lokal di daftar; libur nasional tidak dapat dihapus.")}
            )
            return
        try:
            self.calendar.remove(self.actor, day)
        except DeskError as exc:
            show_error(self, exc)
            return
        self.form.clear_errors()
        self.reload()

    def _cuti_toggled(self, value: bool) -> None:
        try:
            self.calendar.set_cuti_bersama_is_holiday(self.actor, value)
        except DeskError as exc:
            show_error(self, exc)
            return
        self.reload()

    # --- recompute ------------------------------------------------------------------------------------

    def run_preview(self) -> None:
        self.preview_button.setEnabled(False)
        self.apply_button.setEnabled(False)
        self.preview_summary.setText(self.tr("Menghitung…"))
        calendar, actor = self.calendar, self.actor
        run_in_background(lambda: calendar.recompute(actor, apply=False), self._previewed, self._failed)

    def _previewed(self, changes: list[DeadlineChange]) -> None:
        self.changes = changes
        self.preview_button.setEnabled(True)
        kinds = {
            "completeness": self.tr("kelengkapan"),
            "completion": self.tr("melengkapi"),
            "response": self.tr("jawaban"),
            "extended": self.tr("perpanjangan"),
            "objection_filing": self.tr("pengajuan keberatan"),
            "dispute_filing": self.tr("sengketa"),
        }
        self.preview.setRowCount(len(changes))
        for row, change in enumerate(changes):
            cells = [
                change.number,
                kinds.get(change.kind, change.kind),
                show_day(change.old) if change.old else "—",
                show_day(change.new),
            ]
            for column, text in enumerate(cells):
                self.preview.setItem(row, column, QTableWidgetItem(text))
        if changes:
            self.preview_summary.setText(self.tr("%1 tenggat akan berubah.").replace("%1", str(len(changes))))
        else:
            self.preview_summary.setText(self.tr("Tidak ada tenggat yang berubah."))
        self.apply_button.setEnabled(bool(changes))
        self.preview_ready.emit()

    def apply_changes(self) -> None:
        self.apply_button.setEnabled(False)
        calendar, actor = self.calendar, self.actor
        run_in_background(lambda: calendar.recompute(actor, apply=True), self._applied, self._failed)

    def _applied(self, changes: list[DeadlineChange]) -> None:
        self.preview.setRowCount(0)
        self.preview_summary.setText(
            self.tr("%1 tenggat diperbarui dan dicatat di riwayat permohonan.").replace(
                "%1", str(len(changes))
            )
        )
        self.changes = []
        self.applied.emit(len(changes))

    def _failed(self, exc: BaseException) -> None:
        self.preview_button.setEnabled(True)
        self.preview_summary.setText(user_message(exc))

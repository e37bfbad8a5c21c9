"""The Agenda Surat page: the Buku Agenda Surat Keluar of a year, read-only, narrowed, exported and printed.

Why its own page and not a tab of the Register: the agenda lists *letters* (every numbered letter of the office,
requests and keberatan alike), the Register lists *requests*; a supervisor keeps the buku agenda beside the
register books, so it sits in the sidebar next to them with its own shortcut. Everything shown comes from
``LetterAgenda`` (``app/services/letter_agenda.py``, the CLI's ``letter agenda``): the year is read once on a
worker thread and the kind and search only narrow what was read (``matching``), so typing never touches the
register; the XLSX/CSV export and the printout are the service's, narrowed the same way, so the files hold
exactly the lines on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.documents.kinds import DOCUMENT_TITLES, KINDS
from app.domain.permissions import Permission
from app.services.changes import Changes
from app.services.context import Actor
from app.services.letter_agenda import AgendaEntry, matching
from ui.kit.crash import user_message
from ui.kit.dates import show_date
from ui.kit.files import save_path
from ui.kit.flow import FlowLayout, pair
from ui.kit.forms import page_shortcut
from ui.kit.lifetime import keep
from ui.kit.page import Page
from ui.kit.style import error_label, icon, set_role
from ui.kit.tables import record_table
from ui.kit.tasks import submit

if TYPE_CHECKING:
    from app.services.calendar import CalendarService
    from app.services.letter_agenda import LetterAgenda
    from ui.printing.services import PrintingServices


@dataclass(frozen=True)
class AgendaServices:
    """What the Agenda Surat page uses; the agenda (and the letters, for its paper) is built on first use."""

    calendar: CalendarService
    letter_agenda: Callable[[], LetterAgenda]
    printing: PrintingServices


ENTRY = Qt.ItemDataRole.UserRole
# The kinds that carry a letter number (the ones the agenda can list), in the registry order.
AGENDA_KINDS: tuple[str, ...] = tuple(kind.code for kind in KINDS if kind.numbered)


class AgendaPage(Page):
    """Signals ``loaded()`` after a year's letters are shown and ``exported(path)`` after a file is written;
    ``background=False`` runs the service calls inline (tests)."""

    loaded = Signal()
    exported = Signal(str)

    def __init__(
        self, services: AgendaServices, actor: Actor, *, background: bool = True,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.actor, self.background = services, actor, background
        self.agenda = services.letter_agenda()
        self.entries: list[AgendaEntry] | None = None  # the year's letters as last read
        self.year: int | None = None
        self.shown_entries: list[AgendaEntry] = []
        self.loading = False
        outer = QVBoxLayout(self)
        heading = QLabel(self.tr("Buku Agenda Surat Keluar"))
        set_role(heading, "title")
        outer.addWidget(heading)
        outer.addLayout(self._build_bar())
        self.error = error_label()
        outer.addWidget(self.error)
        self.status = QLabel()
        set_role(self.status, "hint")
        outer.addWidget(self.status)
        headers = [self.tr("No."), self.tr("Nomor Surat"), self.tr("Tanggal"), self.tr("Perihal"),
                   self.tr("Nomor Permohonan/Keberatan"), self.tr("Kepada"), self.tr("Diterbitkan oleh"),
                   self.tr("Kertas")]  # fmt: skip
        self.table = record_table(headers, self.tr("Surat keluar"), fit=True)
        self.table.setToolTip(self.tr("Enter atau klik ganda membuka permohonan (atau keberatan) surat itu."))
        self.table.itemActivated.connect(self._open_row)
        self.table.itemDoubleClicked.connect(self._open_row)
        outer.addWidget(self.table, 1)
        page_shortcut(self, "Ctrl+F", self.search_edit.setFocus)
        page_shortcut(self, "Ctrl+P", self.print_preview)
        self.read_year()

    def _build_bar(self) -> FlowLayout:
        """Year, kind, search and the export buttons: one line where there is room, wrapped where not."""
        bar = FlowLayout()
        year_label = QLabel(self.tr("&Tahun:"))
        self.year_spin = QSpinBox()
        today = self.services.calendar.today().year
        self.year_spin.setRange(2000, today + 1)
        self.year_spin.setValue(today)
        self.year_spin.setAccessibleName(self.tr("Tahun"))
        self.year_spin.valueChanged.connect(lambda _year: self.read_year())
        year_label.setBuddy(self.year_spin)
        kind_label = QLabel(self.tr("&Jenis:"))
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Jenis surat"))
        self.kind_combo.addItem(self.tr("Semua jenis"), None)
        for code in AGENDA_KINDS:
            self.kind_combo.addItem(DOCUMENT_TITLES[code], code)
        self.kind_combo.currentIndexChanged.connect(lambda _index: self.show_entries())
        kind_label.setBuddy(self.kind_combo)
        search_label = QLabel(self.tr("Ca&ri:"))
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Cari surat"))
        self.search_edit.setPlaceholderText(self.tr("nomor surat, nama, nomor permohonan… (Ctrl+F)"))
        self.search_edit.textChanged.connect(lambda _text: self.show_entries())
        search_label.setBuddy(self.search_edit)
        self.xlsx_button = QPushButton(self.tr("Ekspor &XLSX…"))
        self.xlsx_button.clicked.connect(lambda: self._ask_export("xlsx"))
        self.csv_button = QPushButton(self.tr("Ekspor CS&V…"))
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))
        may_export = self.actor.can(Permission.EXPORT)
        for button in (self.xlsx_button, self.csv_button):
            button.setEnabled(may_export)
            if not may_export:
                button.setToolTip(self.tr("Ekspor hanya untuk pengguna dengan hak ekspor."))
        self.print_button = QPushButton(icon("mdi6.printer"), self.tr("&Cetak… (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_preview)
        self.search_edit.setMinimumWidth(self.search_edit.fontMetrics().averageCharWidth() * 24)
        bar.addWidget(pair(year_label, self.year_spin))
        bar.addWidget(pair(kind_label, self.kind_combo))
        bar.addWidget(pair(search_label, self.search_edit))
        bar.addStretch(1)
        for button in (self.xlsx_button, self.csv_button, self.print_button):
            bar.addWidget(button)
        return bar

    def _submit(
        self, fn: Callable[[], Any], on_done: Callable[[Any], None], *, background: bool | None = None
    ) -> None:
        """``ui.kit.tasks.submit`` whose outcome is dropped if the page was deleted meanwhile."""

        def done(value: Any) -> None:
            if shiboken6.isValid(self):
                on_done(value)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self.loading = False
                self.error.setText(user_message(exc))
                self.error.show()

        submit(fn, done, failed, background=self.background if background is None else background)

    # --- reading and narrowing -----------------------------------------------------------------------------

    @property
    def kind(self) -> str | None:
        code = self.kind_combo.currentData()
        return str(code) if code else None

    def read_year(self) -> None:
        """Read the chosen year's letters off the GUI thread; the shown list stays until they arrive."""
        year, agenda, actor = self.year_spin.value(), self.agenda, self.actor
        self.loading = True
        self.error.hide()
        self.status.setText(self.tr("Memuat agenda tahun %1…").replace("%1", str(year)))

        def read(entries: list[AgendaEntry]) -> None:
            if year != self.year_spin.value():
                return  # another year was chosen meanwhile; its own read shows it
            self.loading, self.year, self.entries = False, year, entries
            self.show_entries()
            self.loaded.emit()

        self._submit(lambda: agenda.entries(actor, year), read)

    def show_entries(self) -> None:
        """Fill the table with the read letters of the chosen kind that contain the search text."""
        if self.entries is None:
            return
        self.shown_entries = matching(self.entries, self.kind, self.search_edit.text())
        self.table.setRowCount(len(self.shown_entries))
        for i, e in enumerate(self.shown_entries):
            cells = (str(i + 1), e.number, show_date(e.date), e.subject, e.record_number, e.addressee,
                     e.issued_by_name, e.paper)  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ENTRY, i)
                self.table.setItem(i, column, item)
        total, shown, year = str(len(self.entries)), str(len(self.shown_entries)), str(self.year)
        if shown == total:
            text = self.tr("%1 surat keluar tahun %2").replace("%1", total).replace("%2", year)
        else:
            text = self.tr("%1 dari %2 surat keluar tahun %3")
            text = text.replace("%1", shown).replace("%2", total).replace("%3", year)
        self.status.setText(text)

    def _open_row(self, item: QTableWidgetItem) -> None:
        entry = self.shown_entries[int(item.data(ENTRY))]
        if not entry.record_number:
            return
        if entry.record == "objection":
            self.objection_opened.emit(entry.record_number)
        else:
            self.request_opened.emit(entry.record_number)

    def apply_changes(self, changes: Changes) -> None:
        """A letter may have been issued (here or pulled by sync): read the year again when shown."""
        if changes.letters or changes.any_records:
            if self.on_top():
                self.read_year()
            else:
                self.entries = None

    def shown(self) -> None:
        if self.entries is None and not self.loading:
            self.read_year()

    # --- files and printing ----------------------------------------------------------------------------------

    def _ask_export(self, fmt: str) -> None:
        if self.year is None:
            return
        pattern = self.tr("Buku kerja Excel (*.xlsx)") if fmt == "xlsx" else self.tr("Berkas CSV (*.csv)")
        name = f"agenda-surat-keluar-{self.year}.{fmt}"
        path = save_path(self, self.tr("Ekspor agenda surat keluar"), name, pattern)
        if path:
            self.export_to(Path(path) if Path(path).suffix else Path(f"{path}.{fmt}"))

    def export_to(self, path: Path) -> None:
        """Write the lines on screen (the year, narrowed by kind and search) to ``path``, off the GUI thread."""
        if self.year is None:
            return
        year, kind, text = self.year, self.kind, self.search_edit.text()
        agenda, actor = self.agenda, self.actor

        def done(rows: int) -> None:
            self.status.setText(
                self.tr("%1 surat disimpan ke %2").replace("%1", str(rows)).replace("%2", str(path))
            )
            self.exported.emit(str(path))

        self._submit(lambda: agenda.export(actor, year, path, kind=kind, text=text), done)

    def print_preview(self) -> None:
        """The agenda's PDF (the lines on screen, on the paper set for it) in the print preview."""
        if self.year is None:
            return
        from ui.printing.preview_dialog import PreviewDialog

        year, kind, text = self.year, self.kind, self.search_edit.text()
        agenda, actor = self.agenda, self.actor
        svc = self.services.printing.service
        paper = self.services.printing.letters().print_settings().get("agenda", {}).get("paper", "A4")

        def show(pdf: bytes) -> None:
            self.preview = PreviewDialog(
                pdf, svc, kind="agenda", number=str(year), title=self.tr("Buku Agenda Surat Keluar"),
                info=self.tr("Tahun %1").replace("%1", str(year)), parent=self,
            )  # fmt: skip
            keep(self.preview).open()

        self._submit(lambda: agenda.pdf(actor, year, kind=kind, text=text, paper=paper), show,
                     background=svc.background)  # fmt: skip

"""The Laporan page: the Laporan Layanan Informasi Publik of a period, its requests, its narrative, its files.

Why the page only shows: the figures, the rows behind them and the narrative come from the report service (one
read of ``ReportService.report`` on a worker thread), the period is read by ``app/domain/periods.py`` (the CLI's
parser, with its Indonesian messages), and the PDF and XLSX are the service's own. A bad period shows its message
and leaves the figures on screen as they were.

Who: supervisors and administrators (``Permission.REPORTS``). An officer (petugas) sees the page in the sidebar
like every page, with a line saying who prepares the report, and nothing is read for them: the report is the
office's account to the Komisi Informasi, and its narrative is the supervisor's to write.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.lifecycle import CHANNELS
from app.domain.periods import FORMS, Period
from app.domain.permissions import Permission
from app.domain.report_terms import OUTCOMES
from app.errors import ValidationError
from app.services.changes import Changes
from app.services.city_report import CityReport
from app.services.context import Actor
from app.services.report_rows import ReportRow
from app.services.reports import NARRATIVE_SECTIONS, Report, period_of
from ui.dashboard.page import MonthChart
from ui.kit.crash import user_message
from ui.kit.dates import show_date, show_period
from ui.kit.files import save_path
from ui.kit.flow import FlowLayout, pair
from ui.kit.forms import FieldForm, page_shortcut, text_of
from ui.kit.lifetime import keep
from ui.kit.page import Page
from ui.kit.scroll import ScrollArea
from ui.kit.style import error_label, icon, set_role
from ui.kit.tables import record_table
from ui.kit.tasks import Latest, submit
from ui.kit.terms import term
from ui.reports.city_view import CityView
from ui.reports.figures_view import Criterion, FiguresView, matches

if TYPE_CHECKING:
    from app.services.calendar import CalendarService
    from app.services.city_report import CityReportService
    from app.services.reports import ReportService
    from app.services.routing import RoutingService
    from ui.printing.services import PrintingServices

ROW_NUMBER = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class ReportsServices:
    """What the Laporan page uses; the report services and ``routing`` (is this PPID Utama's desk?) are built
    when the page is first shown, not at start-up."""

    calendar: CalendarService
    reports: Callable[[], ReportService]
    city_reports: Callable[[], CityReportService]
    routing: Callable[[], RoutingService]
    printing: PrintingServices


class ReportsPage(Page):
    """Signals ``loaded()`` after a period's figures are shown, ``exported(path)`` after a file is written and
    ``narrative_saved()``; ``background=False`` runs the service calls inline (tests)."""

    loaded = Signal()
    exported = Signal(str)
    narrative_saved = Signal()

    def __init__(
        self, services: ReportsServices, actor: Actor, *, background: bool = True,
        period: str | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.actor, self.background = services, actor, background
        self.period_reads = Latest()  # a period typed while another was read: only the last one is shown
        self.allowed = actor.can(Permission.REPORTS)
        self.period: Period | None = None
        self.report: Report | None = None
        self.rows_of: list[ReportRow] | None = (
            None  # the period's requests, read when a figure is first chosen
        )
        self.loading = False
        #: The last city-wide report shown (PPID Utama's desk, *Seluruh kota* ticked), else None.
        self.city: CityReport | None = None
        outer = QVBoxLayout(self)
        heading = QLabel(self.tr("Laporan Layanan Informasi Publik"))
        set_role(heading, "title")
        outer.addWidget(heading)
        if not self.allowed:
            notice = QLabel(
                self.tr("Laporan disusun oleh supervisor atau administrator. Mintalah mereka bila Anda perlu "
                        "angka laporan; daftar permohonan ada di halaman Register.")
            )  # fmt: skip
            notice.setObjectName("notice")
            notice.setWordWrap(True)
            outer.addWidget(notice)
            outer.addStretch(1)
            return
        outer.addLayout(self._build_bar())
        self.error = error_label()
        outer.addWidget(self.error)
        self.status = QLabel()
        set_role(self.status, "hint")
        outer.addWidget(self.status)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_figures(), self.tr("&Angka"))
        self.tabs.addTab(self._build_narrative(), self.tr("Nara&si"))
        self.tabs.currentChanged.connect(self._tab_shown)
        self.city_view = CityView()
        if not self.city_box.isHidden():
            self.tabs.addTab(self.city_view, self.tr("Per ka&ntor"))
        outer.addWidget(self.tabs, 1)
        page_shortcut(self, "Ctrl+S", self.save_narrative)
        page_shortcut(self, "Ctrl+P", self.print_preview)
        self.period_edit.setText(period or str(services.calendar.today().year))
        self.show_period()

    # --- building --------------------------------------------------------------------------------------------

    def _build_bar(self) -> FlowLayout:
        """The period and the export buttons: one line where there is room, wrapped where not (150 %)."""
        bar = FlowLayout()
        label = QLabel(self.tr("&Periode:"))
        self.period_edit = QLineEdit()
        self.period_edit.setAccessibleName(self.tr("Periode"))
        self.period_edit.setToolTip(self.tr("Contoh: %1").replace("%1", FORMS))
        self.period_edit.setPlaceholderText(FORMS)
        self.period_edit.setMinimumWidth(220)
        self.period_edit.returnPressed.connect(self.show_period)
        label.setBuddy(self.period_edit)
        self.show_button = QPushButton(icon("refresh"), self.tr("&Tampilkan"))
        self.show_button.clicked.connect(self.show_period)
        self.pdf_button = QPushButton(icon("mdi6.file-pdf-box"), self.tr("Ekspor P&DF…"))
        self.pdf_button.clicked.connect(lambda: self._ask_export("pdf"))
        self.xlsx_button = QPushButton(self.tr("Ekspor &XLSX…"))
        self.xlsx_button.clicked.connect(lambda: self._ask_export("xlsx"))
        self.print_button = QPushButton(icon("mdi6.printer"), self.tr("&Cetak… (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_preview)
        self.city_box = QCheckBox(self.tr("Seluruh k&ota"))
        self.city_box.setToolTip(
            self.tr("Laporan semua kantor yang disimpan meja PPID Utama, dengan rincian per kantor dan meja.")
        )
        self.city_box.toggled.connect(self.show_period)
        self.city_box.setHidden(not self.services.routing().is_city())
        for widget in (pair(label, self.period_edit), self.city_box, self.show_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.pdf_button, self.xlsx_button, self.print_button):
            bar.addWidget(widget)
        return bar

    def _build_figures(self) -> QWidget:
        split = QSplitter(Qt.Orientation.Horizontal)
        self.figures = FiguresView()
        self.figures.chosen.connect(self.show_rows)
        split.addWidget(self.figures)
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        chart_box = QFrame()
        chart_box.setFrameShape(QFrame.Shape.StyledPanel)
        chart_layout = QVBoxLayout(chart_box)
        chart_title = QLabel(self.tr("Permohonan per bulan"))
        set_role(chart_title, "section")
        chart_layout.addWidget(chart_title)
        self.chart = MonthChart()
        chart_layout.addWidget(self.chart, 1)
        box.addWidget(chart_box, 2)
        self.rows_title = QLabel(self.tr("Pilih angka di kiri untuk melihat permohonannya."))
        set_role(self.rows_title, "section")
        self.rows_title.setWordWrap(True)
        box.addWidget(self.rows_title)
        headers = [self.tr("Nomor"), self.tr("Diterima"), self.tr("Saluran"), self.tr("Hasil"),
                   self.tr("Hari kerja")]  # fmt: skip
        self.rows = record_table(headers, self.tr("Permohonan di balik angka"), fit=True)
        self.rows.itemActivated.connect(self._open_row)
        self.rows.itemDoubleClicked.connect(self._open_row)
        box.addWidget(self.rows, 3)
        split.addWidget(right)
        split.setSizes([480, 820])
        return split

    def _build_narrative(self) -> QWidget:
        scroll = ScrollArea()  # Tab or an Alt+letter into a section scrolled off shows it
        inner = QWidget()
        box = QVBoxLayout(inner)
        self.narrative_title = QLabel()
        set_role(self.narrative_title, "section")
        box.addWidget(self.narrative_title)
        self.form = FieldForm()
        for key, title in NARRATIVE_SECTIONS.items():
            edit = QPlainTextEdit()
            edit.setMinimumHeight(80)
            self.form.add(key, title, edit)
        box.addLayout(self.form.layout)
        box.addWidget(self.form.general)
        foot = QHBoxLayout()
        self.narrative_message = QLabel()
        set_role(self.narrative_message, "hint")
        self.save_button = QPushButton(icon("mdi6.content-save"), self.tr("Simpan &narasi (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_narrative)
        foot.addWidget(self.narrative_message, 1)
        foot.addWidget(self.save_button)
        box.addLayout(foot)
        scroll.setWidget(inner)
        return scroll

    def _submit(
        self, fn: Callable[[], Any], on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None, *, background: bool | None = None,
        latest: Latest | None = None,
    ) -> None:  # fmt: skip
        """``ui.kit.tasks.submit`` whose outcome is dropped if the page was deleted meanwhile (the window
        closed, the officer logged out, while a year's figures were being read)."""
        failed = on_error or self._failed

        def done(value: Any) -> None:
            if shiboken6.isValid(self):
                on_done(value)

        def error(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                failed(exc)

        run = latest.run if latest is not None else submit  # ``latest``: an older read's answer is dropped
        run(fn, done, error, background=self.background if background is None else background)

    def _tab_shown(self, index: int) -> None:
        """Alt+A / Alt+S land in the tab's first field, so the officer can type at once."""
        target = self.figures if index == 0 else self.form.widgets[next(iter(NARRATIVE_SECTIONS))]
        target.setFocus()

    # --- the period and its figures ------------------------------------------------------------------------

    def show_period(self) -> None:
        """Read the typed period; a bad one shows the parser's Indonesian message and keeps what is shown."""
        try:
            period = period_of(self.period_edit.text().strip())
        except ValidationError as exc:
            self.error.setText(exc.fields.get("period", str(exc)))
            self.error.show()
            self.period_edit.setFocus()
            return
        self.error.hide()
        self.loading = True
        self.status.setText(self.tr("Memuat %1…").replace("%1", show_period(period)))
        reports, actor = self.services.reports(), self.actor
        if self.city_wide:
            city = self.services.city_reports()

            def read_city() -> tuple[CityReport, Report]:
                found = city.report(actor, period)
                return found, Report(found.figures, [], reports.narrative(actor, period.end.year))

            self._submit(
                read_city, lambda both: self._show(period, both[1], both[0]), latest=self.period_reads
            )
            return
        self._submit(
            lambda: reports.report(actor, period, with_rows=False),
            lambda r: self._show(period, r),
            latest=self.period_reads,
        )

    @property
    def city_wide(self) -> bool:
        """*Seluruh kota* is ticked (only offered on PPID Utama's desk)."""
        return not self.city_box.isHidden() and self.city_box.isChecked()

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.status.clear()
        self.error.setText(user_message(exc))
        self.error.show()

    def _show(self, period: Period, report: Report, city: CityReport | None = None) -> None:
        self.loading = False
        self.period, self.report, self.rows_of, self.city = period, report, None, city
        if city is not None:
            self.city_view.show_city(city)
        label = show_period(period)
        shown = label if period.code in label else f"{label} ({period.code})"
        total = str(report.figures.requests["total"])
        self.status.setText(self.tr("%1 — %2 permohonan").replace("%1", shown).replace("%2", total))
        self.figures.show_figures(report.figures)
        by_month = report.figures.requests["by_month"]
        self.chart.set_values([(date(int(k[:4]), int(k[5:]), 1), n) for k, n in by_month.items()])
        self.rows.setRowCount(0)
        self.rows_title.setText(self.tr("Pilih angka di kiri untuk melihat permohonannya."))
        self.narrative_title.setText(self.tr("Narasi laporan tahun %1").replace("%1", str(period.end.year)))
        for key, text in report.narrative.items():
            edit = self.form.widgets[key]
            assert isinstance(edit, QPlainTextEdit)
            edit.setPlainText(text)
        self.form.clear_errors()
        self.narrative_message.clear()
        self.loaded.emit()

    def show_rows(self, criterion: Criterion, caption: str) -> None:
        """List the requests the figure ``criterion`` counts; Enter on one opens it. The period's rows are read
        (off the GUI thread) the first time a figure is chosen, so the page opens with the figures alone."""
        if self.period is None:
            return
        if self.rows_of is None:
            period, reports, actor = self.period, self.services.reports(), self.actor
            self.rows_title.setText(self.tr("Memuat %1…").replace("%1", caption))

            def read(rows: list[ReportRow]) -> None:
                if period == self.period:
                    self.rows_of = rows
                    self.show_rows(criterion, caption)

            if self.city is not None:
                city = self.services.city_reports()
                self._submit(lambda: city.rows(actor, period), read)
            else:
                self._submit(lambda: reports.rows(actor, period), read)
            return
        chosen = [row for row in self.rows_of if matches(row, criterion)]
        self.rows_title.setText(caption)
        self.rows.setRowCount(len(chosen))
        for i, row in enumerate(chosen):
            days = "" if row.response_days is None else str(row.response_days)
            cells = (row.number, show_date(row.received_on), term(CHANNELS.get(row.channel, row.channel)),
                     term(OUTCOMES.get(row.outcome, row.outcome)), days)  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROW_NUMBER, row.number)
                self.rows.setItem(i, column, item)

    def _open_row(self, item: QTableWidgetItem) -> None:
        number = item.data(ROW_NUMBER)
        if number:
            self.request_opened.emit(str(number))

    def apply_changes(self, changes: Changes) -> None:
        """A record changed: read the period again while the page is on top (else when it is next shown)."""
        if self.allowed and changes.any_records and self.report is not None:
            if self.on_top():
                self.show_period()
            else:
                self.report = None

    def shown(self) -> None:
        if self.allowed and self.report is None and not self.loading:
            self.show_period()

    # --- narrative -------------------------------------------------------------------------------------------

    def save_narrative(self) -> None:
        if self.period is None:
            return
        year = self.period.end.year
        sections = {key: text_of(widget) for key, widget in self.form.widgets.items()}
        self.form.clear_errors()
        reports, actor = self.services.reports(), self.actor

        def saved(_texts: dict[str, str]) -> None:
            self.narrative_message.setText(self.tr("Narasi tahun %1 disimpan.").replace("%1", str(year)))
            self.narrative_saved.emit()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                self.form.show_errors(exc.fields)
            else:
                self.form.general.setText(user_message(exc))
                self.form.general.show()

        self._submit(lambda: reports.save_narrative(actor, year, sections), saved, failed)

    # --- files and printing ----------------------------------------------------------------------------------

    def _file_name(self, fmt: str) -> str:
        code = self.period.code if self.period else "laporan"
        scope = "kota-" if self.city is not None else ""
        return f"laporan-layanan-informasi-{scope}{code.replace('..', '_')}.{fmt}"

    def _ask_export(self, fmt: str) -> None:
        if self.period is None:
            return
        pattern = self.tr("Dokumen PDF (*.pdf)") if fmt == "pdf" else self.tr("Buku kerja Excel (*.xlsx)")
        path = save_path(self, self.tr("Ekspor laporan"), self._file_name(fmt), pattern)
        if path:
            self.export_to(Path(path) if Path(path).suffix else Path(f"{path}.{fmt}"))

    def export_to(self, path: Path) -> None:
        """Write the shown period's report to ``path`` (PDF or XLSX by its suffix), off the GUI thread."""
        if self.period is None:
            return
        pdf = path.suffix.lower() == ".pdf"
        to_pdf, to_xlsx = self._files()

        def work() -> Path:
            if pdf:
                data = to_pdf()
                tmp = path.with_name(path.name + ".tmp")
                tmp.write_bytes(data)
                tmp.replace(path)
                return path
            return to_xlsx(path)

        def done(written: Path) -> None:
            self.status.setText(self.tr("Laporan disimpan ke %1").replace("%1", str(written)))
            self.exported.emit(str(written))

        self._submit(work, done)

    def print_preview(self) -> None:
        """The report's PDF in the print preview (print, save as PDF), as every printed document."""
        if self.period is None:
            return
        from ui.printing.preview_dialog import PreviewDialog

        period, svc = self.period, self.services.printing.service
        to_pdf, _ = self._files()

        def show(pdf: bytes) -> None:
            self.preview = PreviewDialog(
                pdf, svc, kind="laporan", number=period.code.replace("..", "_"),
                title=self.tr("Laporan Layanan Informasi Publik"), info=show_period(period), parent=self,
            )  # fmt: skip
            keep(self.preview).open()

        self._submit(to_pdf, show, background=svc.background)

    def _files(self) -> tuple[Callable[[], bytes], Callable[[Path], Path]]:
        """How the shown report becomes a PDF and a workbook: the office's report, or the city-wide one."""
        period, actor, city = self.period, self.actor, self.city
        assert period is not None
        if city is not None:
            service = self.services.city_reports()
            return (lambda: service.pdf(actor, city)), (lambda path: service.xlsx(actor, city, path))
        reports = self.services.reports()
        return (lambda: reports.pdf(actor, period)), (lambda path: reports.xlsx(actor, period, path))

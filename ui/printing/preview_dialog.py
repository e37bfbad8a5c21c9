"""Print preview of one document: look at it, then print it, save it as PDF, or close.

Why a preview before most prints: letters are official documents; the officer checks the number, the name and
the dates before paper is used. Keyboard first: Ctrl+P prints, Ctrl+S saves, Esc closes, Page Up/Down move
between pages, Ctrl++ / Ctrl+- zoom and Ctrl+0 fits the page width. The printer offered first is the one for
the document's own paper (an A4 receipt does not go to the roll printer); while a job runs a bar counts its
pages and "Batalkan cetak" stops it, or withdraws it from a CUPS queue once it is there.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.kit import screen
from ui.kit.files import save_path
from ui.printing.paper import paper_of
from ui.printing.print_service import PrintCancelled, PrintJob, PrintResult, PrintService, file_name

ZOOM_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
AskPath = Callable[[QWidget, str], str]


def ask_save_path(parent: QWidget, suggested: str) -> str:
    title = QCoreApplication.translate("PreviewDialog", "Simpan PDF")
    return save_path(parent, title, suggested, "PDF (*.pdf)")


class PreviewDialog(QDialog):
    """Signals: ``printed(PrintResult)`` after a print (or the no-printer save); ``saved(str)`` path."""

    printed = Signal(object)
    saved = Signal(str)

    def __init__(
        self,
        pdf: bytes,
        service: PrintService,
        *,
        kind: str,
        number: str,
        title: str,
        info: str = "",  # rich text, already escaped
        parent: QWidget | None = None,
        ask_path: AskPath = ask_save_path,
        show_number: bool = True,  # False: ``title`` names the document itself (a register and its period)
    ) -> None:
        super().__init__(parent)
        self.pdf, self.service, self.kind, self.number = pdf, service, kind, number
        self.ask_path = ask_path
        self.setWindowTitle(self.tr("Pratinjau cetak — {0}").format(title))
        self.setAccessibleName(self.tr("Pratinjau cetak {0} {1}").format(title, number))
        screen.fit(self, QSize(900, 760))  # at most: the work area may be smaller
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)
        ready = self.document.status() == QPdfDocument.Status.Ready and self.document.pageCount() > 0
        #: the document's own paper (from its first page): it chooses the printer, not the kind's setting
        self.paper = paper_of(self.document.pagePointSize(0)) if ready else None
        self.job: PrintJob | None = None
        layout = QVBoxLayout(self)
        heading = f"<b>{html.escape(title)}</b>" + (f" — {html.escape(number)}" if show_number else "")
        self.heading = QLabel(heading + (f"<br/>{info}" if info else ""))  # info: escaped HTML
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addLayout(self._build_navigation())
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Halaman dokumen"))
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        layout.addWidget(self.view, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status pencetakan"))
        layout.addWidget(self.status)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Halaman terkirim ke printer"))
        self.progress.setFormat(self.tr("%v dari %m halaman"))
        self.progress.hide()
        layout.addWidget(self.progress)
        layout.addLayout(self._build_buttons())
        self._shortcuts()
        if self.document.status() != QPdfDocument.Status.Ready:
            self.say(self.tr("Dokumen PDF tidak dapat ditampilkan."))
        self._page_changed(0)
        self.print_button.setFocus()

    # --- building ---------------------------------------------------------------------------------------

    def _build_navigation(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.prev_button = QToolButton()
        self.prev_button.setText(self.tr("◀ Sebelumnya"))
        self.prev_button.setAccessibleName(self.tr("Halaman sebelumnya (Page Up)"))
        self.prev_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.page_spin = QSpinBox()
        self.page_spin.setRange(1, max(1, self.document.pageCount()))
        self.page_spin.setAccessibleName(self.tr("Nomor halaman"))
        self.page_spin.valueChanged.connect(lambda value: self.go_to(value - 1))
        page_label = QLabel(self.tr("&Halaman:"))
        page_label.setBuddy(self.page_spin)
        self.page_total = QLabel(self.tr("dari {0}").format(self.document.pageCount()))
        self.next_button = QToolButton()
        self.next_button.setText(self.tr("Berikutnya ▶"))
        self.next_button.setAccessibleName(self.tr("Halaman berikutnya (Page Down)"))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.zoom_out_button = QToolButton()
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setAccessibleName(self.tr("Perkecil (Ctrl+-)"))
        self.zoom_out_button.clicked.connect(lambda: self.zoom(-1))
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(70)
        self.zoom_in_button = QToolButton()
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setAccessibleName(self.tr("Perbesar (Ctrl++)"))
        self.zoom_in_button.clicked.connect(lambda: self.zoom(1))
        self.fit_button = QToolButton()
        self.fit_button.setText(self.tr("Selebar &layar"))
        self.fit_button.setAccessibleName(self.tr("Sesuaikan dengan lebar layar (Ctrl+0)"))
        self.fit_button.setCheckable(True)
        self.fit_button.clicked.connect(self.fit_width)
        for widget in (self.prev_button, page_label, self.page_spin, self.page_total, self.next_button):
            row.addWidget(widget)
        row.addSpacing(16)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            row.addWidget(widget)
        row.addStretch(1)
        self._update_zoom_label()
        return row

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.printer_combo = QComboBox()
        self.printer_combo.setAccessibleName(self.tr("Printer"))
        # printer names (and the no-printer note) can be long: the list shrinks with the window instead of
        # pushing Cetak / Simpan PDF / Tutup past a small screen's edge; the full name is in the tooltip
        self.printer_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.printer_combo.setMinimumContentsLength(14)
        self.printer_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.printer_combo.currentTextChanged.connect(self.printer_combo.setToolTip)
        printer_label = QLabel(self.tr("P&rinter:"))
        printer_label.setBuddy(self.printer_combo)
        names = self.service.printers.names()
        chosen = self.service.printer_for(self.kind, self.paper)
        for name in names:
            self.printer_combo.addItem(name, name)
        if chosen is not None and chosen not in names:
            self.printer_combo.addItem(chosen, chosen)
        if self.printer_combo.count() == 0:
            self.printer_combo.addItem(self.tr("(tidak ada printer: PDF disimpan lalu dibuka)"), "")
            self.printer_combo.setEnabled(False)
        elif chosen is not None:
            self.printer_combo.setCurrentIndex(self.printer_combo.findData(chosen))
        self.copies = QSpinBox()
        self.copies.setRange(1, 20)
        self.copies.setAccessibleName(self.tr("Jumlah salinan"))
        copies_label = QLabel(self.tr("&Salinan:"))
        copies_label.setBuddy(self.copies)
        self.print_button = QPushButton(self.tr("&Cetak (Ctrl+P)"))
        self.print_button.setAccessibleName(self.tr("Cetak"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("Simpan &PDF (Ctrl+S)"))
        self.save_button.setAccessibleName(self.tr("Simpan PDF"))
        self.save_button.clicked.connect(self.save_pdf)
        self.cancel_button = QPushButton(self.tr("&Batalkan cetak"))
        self.cancel_button.setAccessibleName(self.tr("Batalkan pencetakan"))
        self.cancel_button.clicked.connect(self.cancel_print)
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("&Tutup"))
        self.close_button.setAccessibleName(self.tr("Tutup"))
        self.close_button.clicked.connect(self.reject)
        metrics = self.printer_combo.fontMetrics()
        longest = max(
            metrics.horizontalAdvance(self.printer_combo.itemText(i))
            for i in range(self.printer_combo.count())
        )
        self.printer_combo.setMaximumWidth(longest + 48)
        for widget in (printer_label, self.printer_combo, copies_label, self.copies):
            row.addWidget(widget, 1 if widget is self.printer_combo else 0)  # the list takes the free width
        row.addStretch(1)
        for button in (self.print_button, self.cancel_button, self.save_button, self.close_button):
            row.addWidget(button)
        return row

    def _shortcuts(self) -> None:
        """Portable key names, not standard keys: the offscreen/minimal platforms bind no standard keys, and
        Qt's Indonesian catalogue would otherwise translate the key names being parsed."""
        bindings: list[tuple[str, Callable[[], object]]] = [
            ("Ctrl+P", self.print_document),
            ("Ctrl+S", self.save_pdf),
            ("PgDown", lambda: self.go_to(self.current_page() + 1)),
            ("PgUp", lambda: self.go_to(self.current_page() - 1)),
            ("Ctrl++", lambda: self.zoom(1)),
            ("Ctrl+=", lambda: self.zoom(1)),
            ("Ctrl+-", lambda: self.zoom(-1)),
            ("Ctrl+0", self.fit_width),
        ]
        for keys, slot in bindings:
            shortcut = QShortcut(
                QKeySequence.fromString(keys, QKeySequence.SequenceFormat.PortableText), self
            )
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- navigation and zoom ----------------------------------------------------------------------------

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        page = max(0, min(page, self.page_count() - 1))
        if page != self.current_page():
            self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())
        self._page_changed(page)

    def _page_changed(self, page: int) -> None:
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)
        self.prev_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < self.page_count() - 1)

    def zoom(self, step: int) -> None:
        current = self.view.zoomFactor()
        if step > 0:
            factor = next((z for z in ZOOM_STEPS if z > current + 1e-6), ZOOM_STEPS[-1])
        else:
            factor = next((z for z in reversed(ZOOM_STEPS) if z < current - 1e-6), ZOOM_STEPS[0])
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self._update_zoom_label()

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_zoom_label()

    def _update_zoom_label(self) -> None:
        """Fit-to-width shows as the pressed button; a chosen zoom as its percentage."""
        fit = not hasattr(self, "view") or self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
        self.fit_button.setChecked(fit)
        self.zoom_label.setText("" if fit else f"{round(self.view.zoomFactor() * 100)}%")
        self.zoom_label.setAccessibleName(self.tr("Perbesaran: {0}").format(self.zoom_label.text()))

    # --- output -----------------------------------------------------------------------------------------

    def print_document(self) -> None:
        if not self.print_button.isEnabled():
            return
        self.print_button.setEnabled(False)
        self.say(self.tr("Mencetak…"))
        self.progress.setRange(0, 0)  # busy until the first page (or the queue) answers
        self.progress.show()
        printer = self.printer_combo.currentData() or None
        job = PrintJob(self.service.queue)
        job.progress.connect(self._progress)
        self.job = job
        self.cancel_button.setEnabled(True)
        self.service.print_pdf(
            self.pdf,
            self.kind,
            self.number,
            self._printed,
            self._print_failed,
            printer_name=printer,
            copies=self.copies.value(),
            job=job,
        )

    def _progress(self, done: int, total: int) -> None:
        if not shiboken6.isValid(self):
            return
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def cancel_print(self) -> None:
        """Stop the running job before its next page; a job already in the CUPS queue is withdrawn from it."""
        job = self.job
        if job is None:
            return
        self.cancel_button.setEnabled(False)
        if job.queue_job is not None:  # already queued: take it back from the printer's queue
            self.job = None
            self.progress.hide()
            if job.cancel():
                self.say(self.tr("Pekerjaan cetak {0} dibatalkan.").format(job.queue_job))
            else:
                self.say(
                    self.tr("Pekerjaan cetak {0} tidak dapat dibatalkan: sudah dicetak.").format(
                        job.queue_job
                    ),
                    error=True,
                )
            return
        job.cancel()
        self.say(self.tr("Membatalkan…"))

    def _printed(self, result: PrintResult) -> None:
        if not shiboken6.isValid(self):  # closed while the job ran: the job itself is done
            return
        self.print_button.setEnabled(True)
        self.progress.hide()
        # a job in a CUPS queue can still be withdrawn while the printer works through it
        self.cancel_button.setEnabled(result.queue_job is not None)
        if result.queue_job is None:
            self.job = None
        self.say(result.message)
        self.close_button.setFocus()
        self.printed.emit(result)

    def _print_failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.job = None
        self.print_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.hide()
        self.say(str(exc) or self.tr("Dokumen gagal dicetak."), error=not isinstance(exc, PrintCancelled))

    def save_pdf(self) -> None:
        suggested = str(Path.home() / file_name(self.kind, self.number))
        chosen = self.ask_path(self, suggested)
        if not chosen:
            return
        path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
        try:
            path.write_bytes(self.pdf)
        except OSError as exc:
            self.say(self.tr("PDF tidak dapat disimpan: {0}").format(exc.strerror), error=True)
            return
        self.say(self.tr("PDF disimpan di {0}.").format(path))
        self.saved.emit(str(path))

    def say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b3261e; font-weight: bold;" if error else "")

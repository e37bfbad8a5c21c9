"""Settings section "Pencetakan": paper and printer per document kind, and the receipt auto-print switch.

Why a grid of labelled combo boxes rather than an editable table: every choice is reachable with Tab and read
by a screen reader with its document name ("Kertas: Tanda Bukti Penerimaan Permohonan"). The settings page
embeds it with one line: ``make_printing_settings(office, actor, parent)``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.documents import DOCUMENT_TITLES
from app.domain.permissions import Permission
from app.errors import DeskError, ValidationError
from app.services.context import Actor
from app.services.office import OfficeService
from ui.printing import printer_settings
from ui.printing.print_service import PrinterDirectory, QtPrinters
from ui.printing.printer_settings import KINDS, PAPER_LABELS, PAPERS, PrintingSettings


class PrintingSettingsPage(QWidget):
    """Signal ``saved()`` after the settings were stored."""

    saved = Signal()

    def __init__(
        self,
        office: OfficeService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        printers: PrinterDirectory | None = None,
    ) -> None:
        super().__init__(parent)
        self.office, self.actor = office, actor
        self.printers = printers or QtPrinters()
        self.editable = actor.can(Permission.MANAGE_OFFICE)
        self.papers: dict[str, QComboBox] = {}
        self.printer_boxes: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        self.printers_note = QLabel()
        self.printers_note.setWordWrap(True)
        layout.addWidget(self.printers_note)
        grid = QGridLayout()
        for column, text in enumerate((self.tr("Dokumen"), self.tr("Kertas"), self.tr("Printer"))):
            header = QLabel(f"<b>{text}</b>")
            grid.addWidget(header, 0, column)
        paper_names = {"thermal80": self.tr("Rol 80 mm"), "F4": self.tr("F4 (folio)")}
        for row, kind in enumerate(KINDS, start=1):
            title = DOCUMENT_TITLES[kind]
            label = QLabel(title)
            paper = QComboBox()
            paper.setAccessibleName(self.tr("Kertas: {0}").format(title))
            for code in PAPERS[kind]:
                paper.addItem(paper_names.get(code, PAPER_LABELS[code]), code)
            label.setBuddy(paper)
            printer = QComboBox()
            printer.setAccessibleName(self.tr("Printer: {0}").format(title))
            self.papers[kind], self.printer_boxes[kind] = paper, printer
            grid.addWidget(label, row, 0)
            grid.addWidget(paper, row, 1)
            grid.addWidget(printer, row, 2)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        self.autoprint = QCheckBox(
            self.tr(
                "Cetak tanda bukti &langsung setelah permohonan disimpan, tanpa pratinjau (bila ada printer)"
            )
        )
        self.autoprint.setAccessibleName(self.tr("Cetak tanda bukti langsung setelah penerimaan"))
        layout.addWidget(self.autoprint)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row_box = QHBoxLayout()
        row_box.addStretch(1)
        self.save_button = QPushButton(self.tr("&Simpan pengaturan cetak"))
        self.save_button.clicked.connect(self.save)
        row_box.addWidget(self.save_button)
        layout.addLayout(row_box)
        layout.addStretch(1)
        for widget in (*self.papers.values(), *self.printer_boxes.values(), self.autoprint, self.save_button):
            widget.setEnabled(self.editable)
        if not self.editable:
            self.message.setText(self.tr("Hanya administrator yang dapat mengubah pengaturan cetak."))
        self.load()

    def load(self) -> None:
        """Show the stored settings; a stored printer missing on this PC stays listed and is marked."""
        settings = printer_settings.load(self.office)
        names = self.printers.names()
        default = self.printers.default()
        if not names:
            self.printers_note.setText(
                self.tr(
                    "Tidak ada printer terpasang di komputer ini: dokumen disimpan sebagai PDF dan dibuka."
                )
            )
        else:
            self.printers_note.setText(
                self.tr("Printer bawaan komputer ini: {0}").format(default or self.tr("(belum ditentukan)"))
            )
        for kind in KINDS:
            item = settings.for_kind(kind)
            paper = self.papers[kind]
            paper.setCurrentIndex(max(0, paper.findData(item.paper)))
            box = self.printer_boxes[kind]
            box.clear()
            box.addItem(self.tr("Printer bawaan"), "")
            for name in names:
                box.addItem(name, name)
            if item.printer and item.printer not in names:
                box.addItem(self.tr("{0} (tidak ada di komputer ini)").format(item.printer), item.printer)
            box.setCurrentIndex(max(0, box.findData(item.printer)))
        self.autoprint.setChecked(settings.receipt_autoprint)

    def current(self) -> PrintingSettings:
        settings = PrintingSettings(receipt_autoprint=self.autoprint.isChecked())
        for kind in KINDS:
            settings = settings.with_kind(
                kind,
                paper=str(self.papers[kind].currentData()),
                printer=str(self.printer_boxes[kind].currentData() or ""),
            )
        return settings

    def save(self) -> bool:
        try:
            printer_settings.save(self.office, self.actor, self.current())
        except ValidationError as exc:
            self._say(" ".join(exc.fields.values()), error=True)
            return False
        except DeskError as exc:
            self._say(str(exc), error=True)
            return False
        self._say(self.tr("Pengaturan cetak tersimpan."))
        self.saved.emit()
        return True

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b3261e; font-weight: bold;" if error else "")


def make_printing_settings(office: OfficeService, actor: Actor, parent: QWidget | None = None) -> QWidget:
    """The section the settings page embeds as its Pencetakan tab."""
    return PrintingSettingsPage(office, actor, parent)

"""The page shown after an intake is saved: the registration number and the deadline, large.

Why large: the officer reads the number aloud or writes it on the requester's copy of the form, and the
requester wants to know by when they will get an answer. Enter closes, Ctrl+N starts the next walk-in.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.deadlines import remaining_working_days
from app.domain.lifecycle import request_deadline_in_force
from app.services.calendar import CalendarService
from app.services.views import RequestView
from ui.kit.dates import show_day
from ui.kit.forms import shortcut
from ui.kit.style import ACCENT, set_role
from ui.kit.terms import remaining, term


class IntakeResult(QWidget):
    close_requested = Signal()
    new_requested = Signal()
    open_requested = Signal()
    print_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        heading = QLabel(self.tr("Permohonan tersimpan. Nomor pendaftaran:"))
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(heading, "section")
        layout.addWidget(heading)
        self.number = QLabel()
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.number.setStyleSheet(f"font-size: 28pt; font-weight: bold; color: {ACCENT};")
        layout.addWidget(self.number)
        self.deadline_caption = QLabel()
        self.deadline_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.deadline_caption, "section")
        layout.addWidget(self.deadline_caption)
        self.deadline = QLabel()
        self.deadline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.deadline.setStyleSheet("font-size: 22pt; font-weight: bold;")
        layout.addWidget(self.deadline)
        self.remaining = QLabel()
        self.remaining.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.remaining, "hint")
        layout.addWidget(self.remaining)
        self.status = QLabel()
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.new_button = QPushButton(self.tr("Permohonan &baru (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_requested)
        self.print_button = QPushButton(self.tr("&Cetak tanda terima (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_requested)
        self.open_button = QPushButton(self.tr("B&uka permohonan"))
        self.open_button.clicked.connect(self.open_requested)
        self.close_button = QPushButton(self.tr("&Tutup"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.close_requested)
        for button in (self.new_button, self.print_button, self.open_button, self.close_button):
            row.addWidget(button)
        layout.addLayout(row)
        shortcut(self, "Ctrl+N", self.new_requested.emit)
        shortcut(self, "Ctrl+P", self.print_requested.emit)
        self.print_error = QLabel()
        set_role(self.print_error, "error")
        self.print_error.setWordWrap(True)
        self.print_error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_error.hide()
        layout.insertWidget(layout.count() - 1, self.print_error)

    def print_failed(self, exc: BaseException) -> None:
        """The receipt could not be issued or printed: say so here (the request itself is saved)."""
        self.print_error.setText(
            self.tr("Tanda terima belum tercetak: {0}").format(str(exc) or self.tr("kesalahan tidak dikenal"))
        )
        self.print_error.show()

    def show_view(self, view: RequestView, calendar: CalendarService) -> None:
        self.number.setText(view.number)
        self.number.setAccessibleName(self.tr("Nomor pendaftaran {0}").format(view.number))
        due: date | None
        deadline = request_deadline_in_force(view.status, view.deadlines)
        if deadline == "completeness":
            caption, due = self.tr("Batas pemeriksaan kelengkapan (3 hari kerja):"), view.due_completeness
        elif deadline == "completion":
            caption, due = self.tr("Batas pemohon melengkapi (3 hari kerja):"), view.due_completion
        else:
            caption, due = self.tr("Batas pemberitahuan tertulis (10 hari kerja):"), view.due_response
        self.deadline_caption.setText(caption)
        self.deadline.setText(show_day(due) if due else "–")
        if due is not None:
            today = calendar.today()
            self.remaining.setText(remaining(remaining_working_days(calendar.calendar(), today, due)))
        else:
            self.remaining.setText("")
        self.status.setText(self.tr("Status: {0}").format(term(view.status_label)))
        self.print_error.hide()

    def focus_default(self) -> None:
        self.close_button.setFocus()

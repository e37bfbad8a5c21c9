"""ObjectionsPage: the Register Keberatan with the selected keberatan's details, deadlines and next steps.

Why a plain table widget here: a desk records tens of keberatan a year, not 100,000, so the whole list is read
in one background call (with each requester's name from its request) and shown at once. The detail panel
offers only the steps ``availability.objection_choices`` offers (the lifecycle table and the role decide).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.calendar import WorkingCalendar
from app.domain.lifecycle import (
    OBJECTION_ACTION_BUTTON_LABELS,
    OBJECTION_DECISIONS,
    OBJECTION_STATUS_LABELS,
    ObjectionAction,
)
from app.services.availability import objection_choices
from app.services.changes import Changes
from app.services.context import Actor
from app.services.record_fields import field_of
from app.services.views import ObjectionView
from ui.kit.columns import screen_headers
from ui.kit.dates import show_date, show_moment
from ui.kit.page import Page
from ui.kit.style import OVERDUE, set_role
from ui.kit.tables import fit_column, record_table
from ui.kit.tasks import Latest
from ui.kit.terms import term, terms
from ui.objections.details import detail_rows, late_text
from ui.objections.dialog import ObjectionActionDialog

if TYPE_CHECKING:
    from app.services.calendar import CalendarService
    from app.services.objections import ObjectionService
    from ui.printing.services import PrintingServices


@dataclass(frozen=True)
class ObjectionServices:
    """What the keberatan page and its dialogs use (requesters' names come from the keberatan service)."""

    objections: ObjectionService
    calendar: CalendarService
    printing: PrintingServices


@dataclass(frozen=True)
class Listing:
    objections: list[ObjectionView]
    names: dict[str, str]  # request number -> requester name
    calendar: WorkingCalendar
    today: date


def _d(value: date | None) -> str:
    return show_date(value)


def _text(view: ObjectionView, key: str) -> str:
    """A column the field table adds that has no cell of its own in ``_show_list``: its value as plain text,
    a code as the text the table gives it."""
    value, options = getattr(view, key), field_of("objection", key).options
    if isinstance(value, date):
        return _d(value)
    if options is not None and value:
        return str(options.get(value, value))
    return "" if value is None else str(value)


# Starting widths of the columns that need more (or less) than the default, by key.
_WIDTHS = {
    "number": 170,
    "filed_at": 150,
    "requester_name": 160,
    "request_number": 150,
    "grounds": 70,
    "status": 230,
    "due_response": 110,
}


class ObjectionsPage(Page):
    """Signals: ``objection_activated(str)`` (a row activated), ``request_opened(str)``, ``changed(Changes)``."""

    objection_activated = Signal(str)

    def __init__(
        self,
        services: ObjectionServices,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        background: bool = True,
    ) -> None:
        super().__init__(parent)
        self.reads = (
            Latest()
        )  # the list under a filter changed while the last one was read: only the last shown
        self.services, self.actor, self.background = services, actor, background
        self.listing: Listing | None = None
        self.current: ObjectionView | None = None
        self.action_buttons: dict[ObjectionAction, QPushButton] = {}
        self.last_dialog: ObjectionActionDialog | None = None
        self._pending_select: str | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Register Keberatan"))
        set_role(title, "title")
        top.addWidget(title)
        top.addStretch(1)
        status_label = QLabel(self.tr("&Status:"))
        self.status = QComboBox()
        self.status.addItem(self.tr("Semua status"), None)
        for status, text in terms(OBJECTION_STATUS_LABELS).items():
            self.status.addItem(text, status.value)
        self.status.setAccessibleName(self.tr("Saring status keberatan"))
        status_label.setBuddy(self.status)
        self.status.currentIndexChanged.connect(self.refresh)
        top.addWidget(status_label)
        top.addWidget(self.status)
        self.register_button = QPushButton(self.tr("Cetak &register…"))
        self.register_button.setToolTip(
            self.tr("Register Keberatan: keberatan yang diajukan sejak 1 Januari tahun ini, untuk dicetak")
        )
        self.register_button.clicked.connect(self.print_register)
        top.addWidget(self.register_button)
        layout.addLayout(top)
        self.message = QLabel()
        set_role(self.message, "error")
        self.message.hide()
        layout.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Vertical)
        headers = screen_headers("objection")
        self.columns = list(headers)
        self.table = record_table(list(headers.values()), self.tr("Tabel register keberatan"))
        for key, width in _WIDTHS.items():
            if key in self.columns:
                self.table.setColumnWidth(self.columns.index(key), width)
        if "status" in self.columns:  # as wide as the longest status
            fit_column(self.table, self.columns.index("status"), terms(OBJECTION_STATUS_LABELS).values())
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.itemActivated.connect(self._activated)
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_detail())
        splitter.setSizes([300, 400])
        layout.addWidget(splitter, 1)
        self.refresh()

    def _build_detail(self) -> QWidget:
        panel = QWidget()
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.detail_title = QLabel(self.tr("Pilih keberatan di tabel."))
        set_role(self.detail_title, "section")
        head.addWidget(self.detail_title)
        self.open_request_button = QPushButton(self.tr("Buka &permohonan"))
        self.open_request_button.clicked.connect(self._open_request)
        self.open_request_button.hide()
        head.addWidget(self.open_request_button)
        self.print_button = QPushButton(self.tr("&Cetak formulir keberatan"))
        self.print_button.clicked.connect(self.print_form)
        self.print_button.hide()
        head.addWidget(self.print_button)
        head.addStretch(1)
        box.addLayout(head)
        self.actions_row = QHBoxLayout()
        box.addLayout(self.actions_row)
        columns = QHBoxLayout()
        self.facts = QGroupBox(self.tr("Rincian"))
        self.facts_form = QFormLayout(self.facts)
        columns.addWidget(self.facts, 1)
        self.history = QGroupBox(self.tr("Riwayat"))
        self.history_box = QVBoxLayout(self.history)
        columns.addWidget(self.history, 1)
        box.addLayout(columns, 1)
        self.facts.hide()
        self.history.hide()
        return panel

    # --- loading ----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        services, actor, status = self.services, self.actor, self.status.currentData()

        def fetch() -> Listing:
            objections = services.objections.list(actor, status=status)
            # only the names: a full view per row would record a view of personal data per keberatan listed
            names = services.objections.requester_names(actor, [o.request_number for o in objections])
            return Listing(objections, names, services.calendar.calendar(), services.calendar.today())

        self.reads.run(fetch, self._show_list, self._failed, background=self.background)

    def apply_changes(self, changes: Changes) -> None:
        if changes.any_records:  # the list shows each requester's name from the request
            self.refresh()

    def show_record(self, number: str) -> None:
        self.show_objection(number)

    def show_objection(self, number: str) -> None:
        """Select keberatan ``number`` (after the list has loaded if it is still loading)."""
        self._pending_select = number
        if self.listing is not None:
            self._select_pending()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(str(exc) or self.tr("Register keberatan tidak dapat dibaca."))
        self.message.show()

    def _show_list(self, listing: Listing) -> None:
        previous = self.current.number if self.current else None
        self.listing = listing
        self.message.hide()
        self.table.setRowCount(len(listing.objections))
        for row, item in enumerate(listing.objections):
            decision = term(OBJECTION_DECISIONS.get(item.decision or "", ""))
            late = self.tr("terlambat") if item.late_filing else ""
            cells = {
                "number": item.number,
                "filed_at": f"{_d(item.filed_at.date())} · {late}" if late else _d(item.filed_at.date()),
                "requester_name": listing.names.get(item.request_number, ""),
                "request_number": item.request_number,
                "grounds": ", ".join(item.grounds),
                "status": term(item.status_label),
                "due_response": _d(item.due_response),
                "decision": decision,
            }
            overdue = (
                objection_choices(item, self.actor).deadline == "response"
                and item.due_response is not None
                and item.due_response < listing.today
            )
            for column, key in enumerate(self.columns):
                cell = QTableWidgetItem(cells[key] if key in cells else _text(item, key))
                cell.setData(Qt.ItemDataRole.UserRole, item.number)
                if overdue:
                    cell.setForeground(Qt.GlobalColor.darkRed)
                    cell.setToolTip(self.tr("Batas tanggapan Atasan PPID sudah lewat."))
                if late and key == "filed_at":
                    cell.setForeground(Qt.GlobalColor.darkRed)
                    cell.setToolTip(late_text(item))
                self.table.setItem(row, column, cell)
        if self._pending_select is None and previous is not None:
            self._pending_select = previous
        self._select_pending()

    def _select_pending(self) -> None:
        number, self._pending_select = self._pending_select, None
        if number is None or self.listing is None:
            return
        for row, item in enumerate(self.listing.objections):
            if item.number == number:
                self.table.selectRow(row)
                self._show_detail(item)
                return

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and self.listing is not None:
            self._show_detail(self.listing.objections[rows[0].row()])

    def _activated(self, item: QTableWidgetItem) -> None:
        self.objection_activated.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    # --- detail -----------------------------------------------------------------------------------------

    def _show_detail(self, view: ObjectionView) -> None:
        assert self.listing is not None
        self.current = view
        self.detail_title.setText(f"{view.number} — {term(view.status_label)}")
        self.open_request_button.show()
        self.print_button.show()
        while self.facts_form.rowCount():
            self.facts_form.removeRow(0)
        choices = objection_choices(view, self.actor)
        rows = detail_rows(view, choices, self.listing.calendar, self.listing.today)
        for label, value in rows:
            text_label = QLabel(value)
            text_label.setWordWrap(True)
            text_label.setAccessibleName(f"{label}: {value}")
            if view.late_filing and value.endswith(late_text(view)):  # in either language
                text_label.setStyleSheet(f"color: {OVERDUE}; font-weight: bold;")
            self.facts_form.addRow(QLabel(f"{label}:"), text_label)
        while self.history_box.count():
            entry = self.history_box.takeAt(0)
            widget = entry.widget() if entry is not None else None
            if widget is not None:
                widget.hide()  # gone now, not only at the next event loop pass
                widget.deleteLater()
        for event in view.events:
            line = QLabel(f"{show_moment(event.at)} · {event.name or event.username} · {event.summary}")
            line.setWordWrap(True)
            self.history_box.addWidget(line)
        self.history_box.addStretch(1)
        self.facts.show()
        self.history.show()
        self._show_actions(view)

    def _show_actions(self, view: ObjectionView) -> None:
        while self.actions_row.count():
            entry = self.actions_row.takeAt(0)
            widget = entry.widget() if entry is not None else None
            if widget is not None:
                widget.hide()  # gone now, not only at the next event loop pass
                widget.deleteLater()
        self.action_buttons.clear()
        for action in objection_choices(view, self.actor).actions:
            button = QPushButton(term(OBJECTION_ACTION_BUTTON_LABELS[action]))
            button.clicked.connect(lambda _c=False, a=action: self.open_action(a))
            self.action_buttons[action] = button
            self.actions_row.addWidget(button)
        self.actions_row.addStretch(1)

    def open_action(self, action: ObjectionAction) -> ObjectionActionDialog:
        assert self.current is not None
        dialog = ObjectionActionDialog(
            self.services, self.actor, self.current, action, self, background=self.background
        )
        dialog.recorded.connect(self._recorded)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _recorded(self, view: ObjectionView) -> None:
        self._pending_select = view.number
        self.changed.emit(Changes.recorded(objections=[view.number], requests=[view.request_number]))
        self.refresh()

    def print_form(self) -> None:
        """The keberatan's form and receipt (issued once, reprinted identically) in the preview."""
        from ui.printing.actions import preview_letter

        if self.current is not None:
            preview_letter(
                self.services.printing, self.actor, self.current.number, "objection", self,
                on_error=self._failed,
            )  # fmt: skip

    def print_register(self) -> None:
        """The Register Keberatan of the keberatan filed this year so far (landscape), in the print preview."""
        from ui.printing.actions import print_register

        today = self.services.calendar.today()
        print_register(
            self.services.printing, self.actor, today.replace(month=1, day=1), today, objections=True,
            parent=self, on_error=self._failed,
        )  # fmt: skip

    def _open_request(self) -> None:
        if self.current is not None:
            self.request_opened.emit(self.current.request_number)

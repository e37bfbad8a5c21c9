"""RequestPage: one request with every field, its deadlines, its timeline and the actions its state allows.

Why this shape: the officer comes here to answer "where is this request and what do I do next?". The header
says the number and status; the deadlines read as dates and "sisa N hari kerja" with the stored "mengapa
tanggal ini?" explanation one click away; only the actions and letters ``availability.request_choices`` offers
(the lifecycle table and the role's permissions decide) are shown, each in its small dialog. Reading runs off
the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.documents import DOCUMENT_TITLES
from app.domain.calendar import WorkingCalendar
from app.domain.deadlines import DEADLINE_LABELS, remaining_working_days
from app.domain.lifecycle import ACTION_BUTTON_LABELS, Action
from app.services.availability import RequestChoices, request_choices
from app.services.changes import Changes
from app.services.context import Actor
from app.services.views import ObjectionView, RequestView
from ui.kit.dates import show_day, show_moment
from ui.kit.flow import FlowLayout
from ui.kit.page import Page
from ui.kit.scroll import ScrollArea
from ui.kit.style import OVERDUE, set_role
from ui.kit.tables import fit_column, record_table
from ui.kit.tasks import Latest
from ui.kit.terms import remaining as remaining_text
from ui.kit.terms import term
from ui.printing.letters_panel import LettersPanel
from ui.request.actions import ActionDialog
from ui.request.details import detail_sections

if TYPE_CHECKING:
    from app.services.calendar import CalendarService
    from app.services.information_lists import InformationListService
    from app.services.objections import ObjectionService
    from app.services.register import RegisterService
    from app.services.request_actions import RequestActions
    from app.services.routing import RoutingService
    from ui.printing.services import PrintingServices


@dataclass(frozen=True)
class RequestServices:
    """What the request page and the dialogs it opens use; ``routing`` and ``information_lists`` are built on
    first use (a forward to another office, a refusal citing the DIK)."""

    register: RegisterService
    actions: RequestActions
    objections: ObjectionService
    calendar: CalendarService
    routing: Callable[[], RoutingService]
    information_lists: Callable[[], InformationListService]
    printing: PrintingServices


@dataclass(frozen=True)
class Loaded:
    view: RequestView
    calendar: WorkingCalendar
    objections: list[ObjectionView]
    today: date
    can_route: bool = False  # a desk enrolled to the city office: may forward to another office


class RequestPage(Page):
    """Signals: ``changed(Changes)`` after an action was recorded; ``objection_opened(str)``; the back button
    asks for the register (``page_requested``)."""

    def __init__(
        self,
        services: RequestServices,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        background: bool = True,
    ) -> None:
        super().__init__(parent)
        self.reads = Latest()  # a request opened while another was read: only the last one is shown
        self.services, self.actor, self.background = services, actor, background
        self.view: RequestView | None = None
        self.can_route = False
        self.action_buttons: dict[Action, QPushButton] = {}
        self.explanations: dict[str, QLabel] = {}
        self.last_dialog: QWidget | None = None
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        back = QToolButton()
        back.setText(self.tr("← &Register"))
        back.setAccessibleName(self.tr("Kembali ke register"))
        back.clicked.connect(lambda: self.page_requested.emit("register", ""))
        header.addWidget(back)
        self.number = QLabel()
        set_role(self.number, "title")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header.addWidget(self.number)
        self.status = QLabel()
        self.status.setStyleSheet(
            "padding: 3px 10px; border-radius: 10px; background: #e8f0fe; color: #0b5cad;"
        )
        header.addWidget(self.status)
        header.addStretch(1)
        layout.addLayout(header)
        self.actions_row = FlowLayout()  # wraps rather than cutting labels at 150 % or in English
        layout.addLayout(self.actions_row)
        self.routed_note = QLabel(
            self.tr(
                "Permohonan ini telah diteruskan oleh PPID kota ke kantor lain; tindak lanjutnya dicatat di "
                "kantor tujuan. Di meja ini berkasnya hanya dapat dilihat dan suratnya dicetak ulang."
            )
        )
        self.routed_note.setWordWrap(True)
        set_role(self.routed_note, "hint")
        self.routed_note.hide()
        layout.addWidget(self.routed_note)
        self.message = QLabel()
        self.message.setWordWrap(True)
        set_role(self.message, "error")
        self.message.hide()
        layout.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.details_area = ScrollArea()  # the focus (a selected value) is kept in view
        splitter.addWidget(self.details_area)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        self.deadlines_box = QGroupBox(self.tr("Tenggat"))
        self.deadlines_form = QFormLayout(self.deadlines_box)
        self.deadlines_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        right_box.addWidget(self.deadlines_box)
        self.objections_box = QGroupBox(self.tr("Keberatan"))
        self.objections_layout = QVBoxLayout(self.objections_box)
        right_box.addWidget(self.objections_box)
        # Issued letters are records: listed with number and date, reprinted identically (Enter).
        self.letters = LettersPanel(services.printing, actor)
        self.letters.issued.connect(lambda _number: self.reload())
        right_box.addWidget(self.letters)
        timeline_title = QLabel(self.tr("Riwayat"))
        set_role(timeline_title, "section")
        right_box.addWidget(timeline_title)
        # a table rather than a tree: it wraps long summaries onto several lines (resizeRowsToContents)
        self.timeline = record_table(
            [self.tr("Waktu"), self.tr("Petugas"), self.tr("Peristiwa")],
            self.tr("Riwayat permohonan"),
            single=False,
        )
        self.timeline.setWordWrap(True)
        self.timeline.setProperty("recorded_text", True)  # the events' summaries as written (docs/ui.md)
        # row heights follow the wrapped text whenever the column width changes (timelines are short)
        self.timeline.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.timeline.setColumnWidth(0, 120)
        self.timeline.setColumnWidth(1, 80)
        right_box.addWidget(self.timeline, 1)
        # scrolled like the details: a splitter passes no height for a width on, so the column's wrapped rows
        # (a deadline whose "Mengapa tanggal ini?" goes under its date) were given their one-line height, and
        # the button was cut, once the page had its minimum height rather than its preferred one (150 %)
        splitter.addWidget(ScrollArea(right, splitter, frame=False, sideways=False, tab_stop=False))
        splitter.setSizes([560, 560])
        layout.addWidget(splitter, 1)

    # --- loading ----------------------------------------------------------------------------------------

    def show_record(self, number: str) -> None:
        self.show_request(number)

    def show_request(self, number: str) -> None:
        """Load and show request ``number`` (off the GUI thread)."""
        services, actor = self.services, self.actor

        def fetch() -> Loaded:
            view = services.register.get(actor, number)
            objections = services.objections.list(actor, request_number=view.number)
            calendar = services.calendar
            return Loaded(
                view, calendar.calendar(), objections, calendar.today(), services.routing().is_city()
            )

        self.number.setText(number)
        self.reads.run(fetch, self._show, self._failed, background=self.background)

    def reload(self) -> None:
        if self.view is not None:
            self.show_request(self.view.number)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(str(exc) or self.tr("Permohonan tidak dapat dibuka."))
        self.message.show()

    def _show(self, loaded: Loaded) -> None:
        view = self.view = loaded.view
        self.message.hide()
        self.number.setText(view.number)
        self.number.setAccessibleName(self.tr("Permohonan nomor {0}").format(view.number))
        self.status.setText(term(view.status_label))
        self.status.setAccessibleName(self.tr("Status: {0}").format(term(view.status_label)))
        body = QWidget()
        box = QVBoxLayout(body)
        for title, rows in detail_sections(view):
            group = QGroupBox(title)
            # a grid, not a QFormLayout: the form reserves the height of a wrapped value at a width other than
            # the one it then gives it, and cut the last line of a long request text at 150 % in English
            grid = QGridLayout(group)
            grid.setColumnStretch(1, 1)
            for row, (label, value) in enumerate(rows):
                text = QLabel(value or "–")
                text.setWordWrap(True)
                text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                text.setAccessibleName(f"{label}: {value or '–'}")
                grid.addWidget(QLabel(f"{label}:"), row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(text, row, 1)
            box.addWidget(group)
        box.addStretch(1)
        self.details_area.setWidget(body)
        self.can_route = loaded.can_route
        choices = request_choices(view, self.actor, city_desk=self.can_route)
        self._show_deadlines(view, loaded, choices)
        self._show_objections(loaded.objections)
        self._show_timeline(view)
        self._show_actions(view, choices)
        self.letters.show_request(view.number)

    def _show_deadlines(self, view: RequestView, loaded: Loaded, choices: RequestChoices) -> None:
        while self.deadlines_form.rowCount():
            self.deadlines_form.removeRow(0)
        self.explanations.clear()
        labels = {kind: self.tr(text) for kind, text in DEADLINE_LABELS.items()}  # named once, in the domain
        current = choices.deadline
        for kind, data in view.deadlines.items():
            due = date.fromisoformat(str(data["due"]))
            text = show_day(due)
            cell = QWidget()
            row = QVBoxLayout(cell)
            row.setContentsMargins(0, 0, 0, 0)
            line = FlowLayout()  # "Mengapa tanggal ini?" goes under the date where the pane is narrow (150 %)
            value = QLabel(text)
            if kind == current or kind == "objection_filing":
                remaining = remaining_working_days(loaded.calendar, loaded.today, due)
                value.setText(f"{text} — {remaining_text(remaining)}")
                if remaining < 0 and kind == current:
                    value.setStyleSheet(f"color: {OVERDUE}; font-weight: bold;")
            value.setAccessibleName(f"{labels.get(kind, kind)}: {value.text()}")
            line.addWidget(value)
            why = QToolButton()
            why.setText(self.tr("Mengapa tanggal ini?"))
            why.setAccessibleName(self.tr("Mengapa tanggal ini? ({0})").format(labels.get(kind, kind)))
            why.setCheckable(True)
            line.addWidget(why)
            row.addLayout(line)
            explanation = QLabel(str(data.get("explanation") or ""))
            explanation.setWordWrap(True)
            set_role(explanation, "hint")
            explanation.hide()
            why.toggled.connect(explanation.setVisible)
            row.addWidget(explanation)
            self.explanations[kind] = explanation
            self.deadlines_form.addRow(QLabel(f"{labels.get(kind, kind)}:"), cell)
        self.deadlines_box.setVisible(bool(view.deadlines))

    def _show_objections(self, objections: list[ObjectionView]) -> None:
        while self.objections_layout.count():
            item = self.objections_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone now, not only at the next event loop pass
                widget.deleteLater()
        for objection in objections:
            button = QPushButton(f"{objection.number} — {term(objection.status_label)}")
            button.setAccessibleName(self.tr("Buka keberatan {0}").format(objection.number))
            button.clicked.connect(lambda _c=False, n=objection.number: self.objection_opened.emit(n))
            self.objections_layout.addWidget(button)
        self.objections_box.setVisible(bool(objections))

    def _show_timeline(self, view: RequestView) -> None:
        self.timeline.setRowCount(0)
        self.timeline.setRowCount(len(view.events))
        for row, event in enumerate(view.events):
            cells = (show_moment(event.at), event.name or event.username, event.summary)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(event.summary)
                self.timeline.setItem(row, column, item)
        # the officers by full name: the column as wide as the longest one, never cut
        fit_column(self.timeline, 1, [event.name or event.username for event in view.events], at_least=80)

    def _show_actions(self, view: RequestView, choices: RequestChoices) -> None:
        while self.actions_row.count():
            item = self.actions_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone now, not only at the next event loop pass
                widget.deleteLater()
        self.action_buttons.clear()
        self.objection_button: QPushButton | None = None
        self.route_button: QPushButton | None = None
        self.routed_note.setVisible(view.routed_away)
        for action in choices.actions:
            button = QPushButton(term(ACTION_BUTTON_LABELS[action]))
            button.clicked.connect(lambda _c=False, a=action: self.open_action(a))
            self.action_buttons[action] = button
            self.actions_row.addWidget(button)
        if choices.can_file_objection:
            objection = QPushButton(self.tr("Ajukan &keberatan"))
            objection.clicked.connect(self.open_objection)
            self.objection_button = objection
            self.actions_row.addWidget(objection)
        if choices.can_route:
            self.route_button = QPushButton(self.tr("Teruskan ke kantor &lain"))
            self.route_button.clicked.connect(self.open_route)
            self.actions_row.addWidget(self.route_button)
        self.actions_row.addStretch(1)
        self.print_button = QToolButton()
        self.print_button.setText(self.tr("&Cetak surat"))
        self.print_button.setAccessibleName(self.tr("Cetak surat permohonan ini"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.print_button)
        for kind in choices.letters:
            entry = menu.addAction(DOCUMENT_TITLES[kind])
            entry.setData(kind)
        menu.triggered.connect(lambda chosen: self.print_letter(str(chosen.data())))
        self.print_button.setMenu(menu)
        self.actions_row.addWidget(self.print_button)

    # --- actions ----------------------------------------------------------------------------------------

    def open_action(self, action: Action) -> ActionDialog:
        """Open the dialog for ``action``; on success the page reloads and emits ``changed``."""
        assert self.view is not None
        dialog = ActionDialog(self.services, self.actor, self.view, action, self, background=self.background)
        dialog.recorded.connect(self._recorded)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def open_objection(self) -> QWidget:
        from ui.objections.dialog import ObjectionFileDialog

        assert self.view is not None
        dialog = ObjectionFileDialog(
            self.services, self.actor, self.view.number, self, background=self.background
        )
        dialog.recorded.connect(lambda objection: self._recorded(None, objection.number))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def open_route(self) -> QWidget:
        from ui.request.route import RouteDialog

        assert self.view is not None
        dialog = RouteDialog(self.services, self.actor, self.view.number, self, background=self.background)
        dialog.recorded.connect(self._recorded)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def print_letter(self, kind: str) -> None:
        """Issue (first time) or reprint ``kind`` for this request and show it in the preview."""
        from ui.printing.actions import preview_letter

        assert self.view is not None
        number = self.view.number
        preview_letter(
            self.services.printing, self.actor, number, kind, self,
            on_done=lambda _outcome: self.reload(), on_error=self._failed,
        )  # fmt: skip

    def _recorded(self, _view: object, objection: str | None = None) -> None:
        if self.view is not None:
            objections = [objection] if objection else []
            self.changed.emit(Changes.recorded(requests=[self.view.number], objections=objections))
        self.reload()

"""ConflictsPanel: the supervisor's review of what the city server held or refused (issue #5).

Why a panel (embedded in the Sinkronisasi page): a legally significant field changed on this desk and
elsewhere is never overwritten silently; the server holds the desk's change and a person decides. The panel
lists the held and refused changes, shows for the selected one every differing field side by side (base /
server / this desk, the conflicting ones highlighted) and offers the three decisions, each with a reason
(``ui.sync.conflict_decision``). Officers see everything but cannot decide (the buttons say why).

Contract (used by the Sinkronisasi page): ``ConflictsPanel(conflicts, actor, parent)``, signals
``request_opened(str)`` (a request number) and ``changed()`` (after a decision), ``refresh()`` (background).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.permissions import Permission
from app.services.context import Actor
from app.services.sync_conflicts import ConflictView, SyncConflictService
from ui.kit.crash import user_message
from ui.kit.dates import show_moment
from ui.kit.forms import page_shortcut
from ui.kit.style import set_role
from ui.kit.tables import record_table
from ui.kit.tasks import run_in_background
from ui.sync.conflict_decision import ConflictDecisionDialog

HIGHLIGHT = QColor("#fff1c2")  # conflicting field: pale amber, dark text stays readable


class ConflictsPanel(QWidget):
    request_opened = Signal(str)
    changed = Signal()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As tall as the panel must be: it takes whatever room its page leaves (stretch 1). The window gives
        a page that wraps text its preferred height, and the two tables' default hints made the Sinkronisasi
        page 120 px taller than a 1366×768 screen, so it scrolled at 100 %."""
        return QSize(super().sizeHint().width(), self.minimumSizeHint().height())

    def __init__(
        self, conflicts: Callable[[], SyncConflictService], actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service, self.actor = conflicts, actor
        self.items: list[ConflictView] = []
        self.current: ConflictView | None = None
        self.last_dialog: ConflictDecisionDialog | None = None
        self.may_decide = actor.can(Permission.RESOLVE_CONFLICTS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        title = QLabel(self.tr("Konflik sinkronisasi"))
        set_role(title, "section")
        top.addWidget(title)
        self.count_label = QLabel()
        top.addWidget(self.count_label)
        top.addStretch(1)
        self.show_done = QCheckBox(self.tr("Tampilkan yang sudah se&lesai"))
        self.show_done.setAccessibleName(self.tr("Tampilkan konflik yang sudah selesai"))
        self.show_done.toggled.connect(self._fill)
        top.addWidget(self.show_done)
        self.reload_button = QPushButton(self.tr("Muat ula&ng"))
        self.reload_button.setAccessibleName(self.tr("Muat ulang daftar konflik"))
        self.reload_button.clicked.connect(self.refresh)
        page_shortcut(self, "F5", self.refresh)  # wherever the focus is while the list is shown
        top.addWidget(self.reload_button)
        layout.addLayout(top)
        self.role_hint = QLabel(
            self.tr(
                "Hanya supervisor atau administrator yang dapat memutuskan konflik; Anda dapat melihatnya."
            )
        )
        self.role_hint.setWordWrap(True)
        set_role(self.role_hint, "hint")
        self.role_hint.setVisible(not self.may_decide)
        layout.addWidget(self.role_hint)
        self.message = QLabel()
        set_role(self.message, "error")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = record_table(
            [
                self.tr("Diterima"),
                self.tr("Nomor"),
                self.tr("Pemohon"),
                self.tr("Masalah"),
                self.tr("Kolom"),
                self.tr("Keadaan"),
            ],
            self.tr("Tabel konflik sinkronisasi"),
        )
        for column, width in enumerate((130, 190, 160, 200, 220)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.itemActivated.connect(lambda _i: self.compare.setFocus())
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_detail())
        splitter.setSizes([170, 430])
        layout.addWidget(splitter, 1)
        self._show_detail(None)
        self.refresh()

    def _build_detail(self) -> QWidget:
        panel = QWidget()
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 0, 0, 0)
        self.detail_title = QLabel(self.tr("Pilih konflik di tabel."))
        set_role(self.detail_title, "section")
        self.detail_title.setWordWrap(True)
        box.addWidget(self.detail_title)
        self.detail_text = QLabel()
        self.detail_text.setWordWrap(True)
        self.detail_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.detail_text)
        self.compare = QTableWidget(0, 4)
        self.compare.setHorizontalHeaderLabels(
            [self.tr("Data"), self.tr("Semula"), self.tr("Versi server"), self.tr("Versi meja ini")]
        )
        self.compare.setAccessibleName(self.tr("Perbandingan versi server dan versi meja ini"))
        self.compare.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.compare.setWordWrap(True)
        self.compare.verticalHeader().hide()
        header = self.compare.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.compare, 1)
        buttons = QHBoxLayout()
        self.keep_button = QPushButton(self.tr("Pakai versi ser&ver"))
        self.take_button = QPushButton(self.tr("Pakai versi &meja ini"))
        self.edit_button = QPushButton(self.tr("S&unting…"))
        self.ack_button = QPushButton(self.tr("Tandai sudah &ditinjau"))
        self.open_button = QPushButton(self.tr("Buka &permohonan"))
        for button, choice in (
            (self.keep_button, "keep_server"),
            (self.take_button, "take_desk"),
            (self.edit_button, "edit"),
            (self.ack_button, "acknowledge"),
        ):
            button.clicked.connect(lambda _c=False, ch=choice: self.decide(ch))
            buttons.addWidget(button)
        self.open_button.clicked.connect(self._open_request)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        box.addLayout(buttons)
        self.button_hint = QLabel()
        self.button_hint.setWordWrap(True)
        set_role(self.button_hint, "hint")
        box.addWidget(self.button_hint)
        return panel

    # --- loading ------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        service, actor = self.service(), self.actor
        self.reload_button.setEnabled(False)
        run_in_background(lambda: service.list(actor), self._loaded, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.reload_button.setEnabled(True)
        self.message.setText(user_message(exc))
        self.message.show()

    def _loaded(self, items: list[ConflictView]) -> None:
        self.reload_button.setEnabled(True)
        self.message.hide()
        self.items = items
        self._fill()

    def visible_items(self) -> list[ConflictView]:
        return [i for i in self.items if i.is_open or self.show_done.isChecked()]

    def _fill(self) -> None:
        keep = self.current.id if self.current else None
        shown = self.visible_items()
        opened = sum(1 for i in self.items if i.is_open)
        self.count_label.setText(self.tr("{0} terbuka").format(opened))
        self.table.blockSignals(True)
        self.table.setRowCount(len(shown))
        select_row = 0 if shown else -1
        for row, item in enumerate(shown):
            state = self.tr("Terbuka") if item.is_open else self._resolution_text(item)
            cells = [
                show_moment(item.created_at),
                item.number or item.entity_id[:8],
                item.requester_name or "",
                item.code_label or item.message,
                ", ".join(f.label for f in item.conflicting) or ", ".join(f.label for f in item.fields[:3]),
                state,
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                self.table.setItem(row, column, cell)
            if item.id == keep:
                select_row = row
        self.table.blockSignals(False)
        if select_row >= 0:
            self.table.selectRow(select_row)
        self._selected()

    def _resolution_text(self, item: ConflictView) -> str:
        labels = {
            "keep_server": self.tr("Versi server dipakai"),
            "take_desk": self.tr("Versi meja ini dipakai"),
            "edit": self.tr("Disunting"),
            "acknowledged": self.tr("Sudah ditinjau"),
        }
        return labels.get(item.resolution or "", item.resolution or "") + f" · {item.resolved_by or ''}"

    def select(self, conflict_id: int) -> bool:
        """Select the row of ``conflict_id`` (True when it is listed)."""
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, 0)
            if cell is not None and cell.data(Qt.ItemDataRole.UserRole) == conflict_id:
                self.table.selectRow(row)
                return True
        return False

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        item = None
        if rows:
            cell = self.table.item(rows[0].row(), 0)
            wanted = cell.data(Qt.ItemDataRole.UserRole) if cell is not None else None
            item = next((i for i in self.items if i.id == wanted), None)
        self._show_detail(item)

    # --- the selected item --------------------------------------------------------------------------------

    def _show_detail(self, item: ConflictView | None) -> None:
        self.current = item
        self.compare.setRowCount(0)
        if item is None:
            self.detail_title.setText(self.tr("Tidak ada konflik yang dipilih."))
            self.detail_text.setText("")
            for button in (self.keep_button, self.take_button, self.edit_button, self.ack_button):
                button.setEnabled(False)
            self.open_button.setEnabled(False)
            self.button_hint.setText("")
            return
        title = item.number or item.entity_id
        if item.requester_name:
            title += f" · {item.requester_name}"
        self.detail_title.setText(title)
        lines = [f"{item.code_label}: {item.message}".strip(": ")]
        lines.append(self.tr("Dicatat {0}").format(show_moment(item.created_at)))
        if item.held_with:
            lines.append(
                self.tr("{0} perubahan lain pada data ini tertahan bersamanya.").format(item.held_with)
            )
        if not item.is_open:
            lines.append(
                self.tr("Selesai {0} oleh {1}: {2}. Alasan: {3}").format(
                    show_moment(item.resolved_at),
                    item.resolved_by or "",
                    self._resolution_text(item).split(" · ")[0],
                    item.reason or "–",
                )
            )
        self.detail_text.setText("\n".join(lines))
        bold = QFont(self.compare.font())
        bold.setBold(True)
        self.compare.setRowCount(len(item.fields))
        for row, field in enumerate(item.fields):
            name = field.label + (self.tr(" (konflik)") if field.conflicting else "")
            cells = [name, field.base_text if field.has_base else "", field.server_text, field.desk_text]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if field.conflicting:
                    cell.setBackground(QBrush(HIGHLIGHT))
                    cell.setForeground(QBrush(QColor("#1f1f1f")))
                    if column in (0, 2, 3):
                        cell.setFont(bold)
                self.compare.setItem(row, column, cell)
        self.compare.resizeRowsToContents()
        self._enable(item)

    def _enable(self, item: ConflictView) -> None:
        decide = item.is_open and item.decidable and item.blocker is None and self.may_decide
        acknowledge = (
            item.is_open and self.may_decide and (not item.decidable or "wilayah" in (item.blocker or ""))
        )
        for button in (self.keep_button, self.take_button, self.edit_button):
            button.setEnabled(decide)
        self.edit_button.setEnabled(decide and bool(item.fields))
        self.ack_button.setEnabled(acknowledge)
        self.ack_button.setVisible(not item.decidable or acknowledge)
        self.open_button.setEnabled(bool(item.request_number))
        if not self.may_decide:
            hint = self.tr("Hanya supervisor atau administrator yang dapat memutuskan konflik.")
        elif not item.is_open:
            hint = self.tr("Konflik ini sudah selesai.")
        elif item.blocker:
            hint = item.blocker
        elif not item.decidable:
            hint = self.tr(
                "Perubahan ini tidak dapat diputuskan di meja ini; tinjau lalu tandai dengan alasannya."
            )
        else:
            hint = self.tr(
                "Setiap keputusan meminta alasan; keputusan dikirim ke server pada sinkronisasi berikutnya."
            )
        self.button_hint.setText(hint)
        for button in (self.keep_button, self.take_button, self.edit_button, self.ack_button):
            button.setToolTip(hint if not button.isEnabled() else "")

    def decide(self, choice: str) -> ConflictDecisionDialog | None:
        """Open the decision dialog for the selected item (``keep_server``, ``take_desk``, ``edit``,
        ``acknowledge``); the decision is recorded when the dialog is confirmed."""
        if self.current is None or not self.may_decide:
            return None
        dialog = ConflictDecisionDialog(self.service, self.actor, self.current, choice, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.decided.connect(self._decided)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _decided(self, _view: ConflictView) -> None:
        self.changed.emit()
        self.refresh()

    def _open_request(self) -> None:
        if self.current is not None and self.current.request_number:
            self.request_opened.emit(self.current.request_number)

"""The request's letters: every issued letter with its number, date and officer, reprinted on demand.

Why on the request page: issued letters are records. The officer sees which letters went out (and under which
number), reprints one exactly as issued, or issues the next one; issuing adds a timeline entry, so the page
reloads when ``issued`` is emitted. Enter on a row reprints it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.documents.kinds import DOCUMENT_TITLES, REQUEST_DOCUMENTS
from app.services.context import Actor
from app.services.letters import IssuedDocument
from ui.kit.dates import show_moment
from ui.kit.tasks import submit
from ui.printing import actions
from ui.printing.print_service import PrintService
from ui.printing.services import PrintingServices


class LettersPanel(QGroupBox):
    """Signals: ``issued(str)`` with the request number after a new letter was issued (reload the timeline)."""

    issued = Signal(str)

    def __init__(
        self,
        printing: PrintingServices,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        service: PrintService | None = None,
    ) -> None:
        super().__init__(self.tr("Surat && cetakan"), parent)
        self.printing, self.actor = printing, actor
        self.service = service or printing.service
        self.number: str | None = None
        self.documents: list[IssuedDocument] = []
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [self.tr("Dokumen"), self.tr("Nomor"), self.tr("Diterbitkan"), self.tr("Oleh")]
        )
        self.tree.setAccessibleName(self.tr("Surat yang telah diterbitkan"))
        self.tree.setRootIsDecorated(False)
        self.tree.itemActivated.connect(lambda *_: self.reprint_selected())
        self.tree.installEventFilter(self)
        layout.addWidget(self.tree)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.reprint_button = QPushButton(self.tr("Cetak &ulang"))
        self.reprint_button.setAccessibleName(self.tr("Cetak ulang surat terpilih"))
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.issue_button = QToolButton()
        self.issue_button.setText(self.tr("&Terbitkan / cetak…"))
        self.issue_button.setAccessibleName(self.tr("Terbitkan atau cetak dokumen"))
        self.issue_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.issue_button)
        for kind in REQUEST_DOCUMENTS:
            action = self.menu.addAction(DOCUMENT_TITLES[kind])
            action.setData(kind)
            action.triggered.connect(lambda _c=False, k=kind: self.open_kind(k))
        self.issue_button.setMenu(self.menu)
        row.addWidget(self.reprint_button)
        row.addWidget(self.issue_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Enter on a row reprints it (itemActivated does not fire for Enter on every style)."""
        if (
            watched is self.tree
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.reprint_selected()
            return True
        return super().eventFilter(watched, event)

    def show_request(self, number: str) -> None:
        """List the letters of request ``number`` (read off the GUI thread)."""
        self.number = number
        letters, actor = self.printing.letters, self.actor
        submit(
            lambda: letters().letters(actor, number),
            self._show,
            self._failed,
            background=self.service.background,
        )

    def _show(self, documents: list[IssuedDocument]) -> None:
        if not shiboken6.isValid(self):  # the request page was closed while the list was read
            return
        self.documents = documents
        self.tree.clear()
        last: QTreeWidgetItem | None = None
        for doc in documents:
            when = show_moment(doc.issued_at)
            item = QTreeWidgetItem([doc.title, doc.number or doc.request_number, when, doc.issued_by])
            item.setData(0, Qt.ItemDataRole.UserRole, doc.id)
            self.tree.addTopLevelItem(item)
            last = item
        if last is not None:
            self.tree.setCurrentItem(last)
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        self.message.hide()
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.message.setText(str(exc) or self.tr("Daftar surat tidak dapat dibaca."))
        self.message.show()

    def _update_buttons(self) -> None:
        self.reprint_button.setEnabled(bool(self.documents))
        self.issue_button.setEnabled(self.number is not None)

    def reprint_selected(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        letter_id = str(item.data(0, Qt.ItemDataRole.UserRole))
        actions.reprint_letter(
            self.printing, self.actor, letter_id, self, service=self.service, on_error=self._failed
        )

    def open_kind(self, kind: str) -> None:
        """Issue (first time) or reprint the ``kind`` letter, or the dossier, and preview it."""
        if self.number is None:
            return
        number = self.number

        def done(outcome: actions.PrintOutcome) -> None:
            if outcome.document is not None and not outcome.document.reprint:
                self.show_request(number)
                self.issued.emit(number)

        actions.preview_letter(
            self.printing,
            self.actor,
            number,
            kind,
            self,
            service=self.service,
            on_done=done,
            on_error=self._failed,
        )

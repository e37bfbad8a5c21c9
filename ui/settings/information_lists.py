"""Pengaturan › Daftar informasi: the DIK (with the SK and the uji konsekuensi behind every rejection) and the
DIP (information available at any time), listed for everyone, added to and revoked by supervisors and up.

The forms are inline under each list rather than dialogs: the officer sees the list while typing the entry.
Adding and revoking go through ``InformationListService``, whose ``ValidationError.fields`` are shown next to
the matching input; a revoked entry leaves the list but is kept (``ppid-desk dik list --all``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.lifecycle import PASAL_17
from app.domain.permissions import Permission
from app.errors import DeskError, ValidationError
from app.services.context import Actor
from app.services.record_fields import FORM_CONTEXT, form_fields
from ui.kit.crash import show_error
from ui.kit.dates import date_edit, typed_date
from ui.kit.forms import FieldForm, long_choices
from ui.kit.scroll import scrolled_tab

if TYPE_CHECKING:
    from app.services.information_lists import InformationListService


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    return table


class _ListPanel(QWidget):
    """One list: its table, the inline form to add an entry and the reason to revoke the selected one.
    ``today``: the desk's clock (``CalendarService.today``), where a date field starts."""

    which: Literal["dik", "dip"] = "dik"

    def __init__(
        self,
        information_lists: Callable[[], InformationListService],
        actor: Actor,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.information_lists, self.actor, self.today = information_lists, actor, today
        self.ids: list[str] = []
        self.table = _table(self.headers())
        self.form = FieldForm()
        editing = QWidget(self)  # the form's rows get their parent as they are added (parentless, they die)
        box = QVBoxLayout(editing)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self.form.layout)
        self.build_form()
        self.add_button = QPushButton(self.tr("&Tambah ke daftar"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Alasan pencabutan"))
        self.reason.setAccessibleName(self.tr("Alasan pencabutan"))
        self.revoke_button = QPushButton(self.tr("&Cabut entri terpilih"))
        self.revoke_error = QLabel()
        self.revoke_error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        revoke = QHBoxLayout()
        revoke.addWidget(self.reason, 1)
        revoke.addWidget(self.revoke_button)
        layout.addLayout(revoke)
        layout.addWidget(self.revoke_error)
        box.addWidget(self.form.general)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        box.addLayout(buttons)
        layout.addWidget(editing, 3)
        may_edit = actor.can(Permission.MANAGE_INFORMATION_LISTS)
        editing.setEnabled(may_edit)
        for widget in (self.reason, self.revoke_button):
            widget.setEnabled(may_edit)
        self.add_button.clicked.connect(self.add)
        self.revoke_button.clicked.connect(self.revoke)
        self.reload()

    # --- per list ------------------------------------------------------------------------------------------

    def headers(self) -> list[str]:
        raise NotImplementedError

    def build_form(self) -> None:
        raise NotImplementedError

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def entries(self) -> list[tuple[str, list[str]]]:
        raise NotImplementedError

    def save(self, body: dict[str, Any]) -> Any:
        raise NotImplementedError

    def clear_form(self) -> None:
        for widget in self.form.widgets.values():
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.clear()

    # --- shared ---------------------------------------------------------------------------------------------

    def add_rows(self, inputs: dict[str, QWidget]) -> None:
        """One row per field of the list's field table (``app/services/record_fields/information_lists.py``),
        in its order, with its label, mnemonic and hint from there: the form and a refused entry's message
        name a field alike. A field the table declares without an input here, or the reverse, is a mistake."""
        fields = form_fields(self.which)
        if sorted(f.name for f in fields) != sorted(inputs):
            raise ValueError(f"form {self.which}: {sorted(inputs)} != {sorted(f.name for f in fields)}")
        for spec in fields:
            assert spec.form is not None
            label = QCoreApplication.translate(FORM_CONTEXT, spec.form.label)
            hint = QCoreApplication.translate(FORM_CONTEXT, spec.form.hint) if spec.form.hint else ""
            self.form.add(spec.name, label, inputs[spec.name], hint)

    def reload(self) -> None:
        rows = self.entries()
        self.ids = [entry_id for entry_id, _ in rows]
        self.table.setRowCount(len(rows))
        for r, (_, cells) in enumerate(rows):
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeRowsToContents()

    def add(self) -> bool:
        self.form.clear_errors()
        try:
            self.save(self.values())
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return False
        except DeskError as exc:
            show_error(self, exc)
            return False
        self.clear_form()
        self.reload()
        return True

    def revoke(self) -> bool:
        self.revoke_error.clear()
        row = self.table.currentRow()
        if not 0 <= row < len(self.ids):
            self.revoke_error.setText(self.tr("Pilih entri yang akan dicabut pada daftar."))
            return False
        try:
            self.information_lists().revoke(self.actor, self.which, self.ids[row], self.reason.text())
        except ValidationError as exc:
            self.revoke_error.setText(" ".join(exc.fields.values()))
            return False
        except DeskError as exc:
            show_error(self, exc)
            return False
        self.reason.clear()
        self.reload()
        return True


class DikPanel(_ListPanel):
    which = "dik"

    def headers(self) -> list[str]:
        return [self.tr("Informasi"), self.tr("Pasal 17"), self.tr("Uji konsekuensi"), self.tr("Jangka waktu"),
                self.tr("SK penetapan")]  # fmt: skip

    def build_form(self) -> None:
        self.information = QPlainTextEdit()
        self.article = QComboBox()
        for letter, text in PASAL_17.items():
            self.article.addItem(f"{letter}: {text}", letter)
        long_choices(self.article)
        self.consequence = QPlainTextEdit()
        self.period = QLineEdit()
        self.until = QLineEdit()
        self.until.setPlaceholderText(self.tr("HH-BB-TTTT"))
        self.sk_number = QLineEdit()
        self.sk_date = date_edit(self.today())
        self.add_rows(
            {
                "information": self.information,
                "article": self.article,
                "consequence_test": self.consequence,
                "excluded_period": self.period,
                "excluded_until": self.until,
                "sk_number": self.sk_number,
                "sk_date": self.sk_date,
            }
        )

    def values(self) -> dict[str, Any]:
        return {
            "information": self.information.toPlainText(),
            "article": self.article.currentData(),
            "consequence_test": self.consequence.toPlainText(),
            "excluded_period": self.period.text() or None,
            "excluded_until": typed_date(self.until.text()) or None,
            "sk_number": self.sk_number.text(),
            "sk_date": self.sk_date.date().toString("yyyy-MM-dd"),
        }

    def entries(self) -> list[tuple[str, list[str]]]:
        return [
            (e.id, [e.information, e.article, e.consequence_test, e.excluded_for, e.sk_text])
            for e in self.information_lists().dik()
        ]

    def save(self, body: dict[str, Any]) -> Any:
        return self.information_lists().add_dik(self.actor, body)


class DipPanel(_ListPanel):
    which = "dip"

    def headers(self) -> list[str]:
        return [
            self.tr("Judul"),
            self.tr("Ringkasan"),
            self.tr("Penguasa"),
            self.tr("Bentuk"),
            self.tr("Tempat"),
        ]

    def build_form(self) -> None:
        self.title_edit = QLineEdit()
        self.summary = QPlainTextEdit()
        self.holder = QLineEdit()
        self.info_form = QLineEdit()
        self.location = QLineEdit()
        self.add_rows(
            {
                "title": self.title_edit,
                "summary": self.summary,
                "holder": self.holder,
                "form": self.info_form,
                "location": self.location,
            }
        )

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title_edit.text(),
            "summary": self.summary.toPlainText(),
            "holder": self.holder.text(),
            "form": self.info_form.text(),
            "location": self.location.text(),
        }

    def entries(self) -> list[tuple[str, list[str]]]:
        return [
            (e.id, [e.title, e.summary, e.holder, e.form, e.location]) for e in self.information_lists().dip()
        ]

    def save(self, body: dict[str, Any]) -> Any:
        return self.information_lists().add_dip(self.actor, body)


class InformationListsPanel(QTabWidget):
    """The two lists side by side as tabs."""

    def __init__(
        self,
        information_lists: Callable[[], InformationListService],
        actor: Actor,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Daftar informasi"))
        self.dik = DikPanel(information_lists, actor, today)
        self.dip = DipPanel(information_lists, actor, today)
        # in scroll areas, as the settings page's tabs (ui/settings/page.py): a tab widget's height for a width
        # is the tallest of its tabs' preferred ones, which made the settings page scroll for a petugas
        scrolled_tab(self, self.dik, self.tr("Informasi dikecualikan (&DIK)"))
        scrolled_tab(self, self.dip, self.tr("Informasi publik (DI&P)"))

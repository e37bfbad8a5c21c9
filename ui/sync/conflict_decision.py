"""The supervisor's decision on a held sync conflict: which version, (for "Sunting…") the edited values of the
conflicting fields, and the reason that goes into the timeline and the audit log.

Why a dialog per decision: every choice needs a reason, and editing needs one input per conflicting field,
prefilled with the desk's value, so the supervisor changes only what must change. The service call runs in
the background; its Indonesian ``ValidationError`` messages appear under the fields.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.lifecycle import DECISION_LABELS, OBJECTION_STATUS_LABELS, STATUS_LABELS
from app.errors import DeskError, ValidationError
from app.services.context import Actor
from app.services.sync_conflict_fields import FieldDiff
from app.services.sync_conflicts import ConflictView, SyncConflictService
from ui.kit.crash import user_message
from ui.kit.forms import FieldForm
from ui.kit.style import set_role
from ui.kit.tasks import run_in_background
from ui.kit.terms import term
from ui.kit.unsaved import DiscardGuard


def _choices(item: ConflictView, field: FieldDiff) -> dict[Any, str] | None:
    if field.name == "status":
        labels = OBJECTION_STATUS_LABELS if item.entity == "objection" else STATUS_LABELS
        return {s.value: term(text) for s, text in labels.items()}
    if field.name == "decision" and item.entity == "request":
        return {None: "–", **{d.value: term(text) for d, text in DECISION_LABELS.items()}}
    if isinstance(field.server, bool) or isinstance(field.desk, bool):
        return {True: "Ya", False: "Tidak", None: "–"}
    return None


class ConflictDecisionDialog(DiscardGuard, QDialog):
    """``decided(ConflictView)`` after the service recorded the decision (the dialog then closes)."""

    decided = Signal(object)

    def __init__(
        self,
        conflicts: Callable[[], SyncConflictService],
        actor: Actor,
        item: ConflictView,
        choice: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service, self.actor, self.item, self.choice = conflicts, actor, item, choice
        titles = {
            "keep_server": self.tr("Pakai versi server"),
            "take_desk": self.tr("Pakai versi meja ini"),
            "edit": self.tr("Sunting nilai yang berbeda"),
            "acknowledge": self.tr("Tandai sudah ditinjau"),
        }
        self.setWindowTitle(titles[choice])
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        shown = (item.conflicting or item.fields) if choice == "edit" else item.fields
        names = ", ".join(f.label for f in shown) or self.tr("(tidak ada kolom berbeda)")
        intro = {
            "keep_server": self.tr("Nilai dari server tetap dipakai untuk: {0}. Perubahan meja ini dibuang."),
            "take_desk": self.tr("Nilai dari meja ini dipakai untuk: {0}, lalu dikirim ke server."),
            "edit": self.tr(
                "Isi nilai yang benar untuk kolom yang bentrok ({0}); kolom lain memakai versi server."
            ),
            "acknowledge": self.tr("Perubahan ini tidak diterima server dan tetap tercatat. Kolom: {0}."),
        }[choice].format(names)
        text = QLabel(intro)
        text.setWordWrap(True)
        layout.addWidget(text)
        if item.held_with and choice != "acknowledge":
            more = QLabel(
                self.tr("{0} perubahan lain yang tertahan pada data ini ikut ditutup.").format(item.held_with)
            )
            more.setWordWrap(True)
            set_role(more, "hint")
            layout.addWidget(more)
        form = QFormLayout()
        self.fields = FieldForm(form)
        self.inputs: dict[str, QWidget] = {}
        self.editable = item.conflicting or item.fields  # the conflicting fields; all when none is flagged
        if choice == "edit":
            for field in self.editable:
                self.inputs[field.name] = self._input(field)
        self.reason: QPlainTextEdit = self.fields.add(
            "reason",
            self.tr("&Alasan keputusan:"),
            QPlainTextEdit(),
            hint=self.tr("Dicatat di riwayat permohonan dan log audit (min. 5 karakter)."),
        )
        self.reason.setFixedHeight(70)
        layout.addLayout(form)
        self.general_error = QLabel()
        set_role(self.general_error, "error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Simpan keputusan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Batal"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        first = next(iter(self.inputs.values()), self.reason)
        first.setFocus()

    def _input(self, field: FieldDiff) -> QWidget:
        label = field.label + ":"
        hint = self.tr("Server: {0} · Meja ini: {1}").format(field.server_text, field.desk_text)
        options = _choices(self.item, field)
        if options is not None:
            combo = QComboBox()
            for value, text in options.items():
                combo.addItem(text, value)
            index = combo.findData(field.desk)
            combo.setCurrentIndex(max(0, index))
            return self.fields.add(field.name, label, combo, hint=hint)
        if isinstance(field.desk, dict | list) or isinstance(field.server, dict | list):
            box = QPlainTextEdit(json.dumps(field.desk, ensure_ascii=False, indent=1, sort_keys=True))
            box.setFixedHeight(80)
            return self.fields.add(field.name, label, box, hint=hint + " " + self.tr("(format JSON)"))
        line = QLineEdit("" if field.desk is None else str(field.desk))
        return self.fields.add(field.name, label, line, hint=hint)

    def values(self) -> dict[str, Any]:
        """The edited values as the service expects them (JSON: text, numbers, ISO dates, objects)."""
        out: dict[str, Any] = {}
        for field in self.editable:
            widget = self.inputs.get(field.name)
            if isinstance(widget, QComboBox):
                out[field.name] = widget.currentData()
            elif isinstance(widget, QPlainTextEdit):
                raw = widget.toPlainText().strip()
                try:
                    out[field.name] = json.loads(raw) if raw else None
                except ValueError:
                    raise ValidationError({field.name: self.tr("Format JSON tidak dapat dibaca.")}) from None
            elif isinstance(widget, QLineEdit):
                raw = widget.text().strip()
                if isinstance(field.desk, int) or isinstance(field.server, int):
                    try:
                        out[field.name] = int(raw) if raw else None
                    except ValueError:
                        raise ValidationError({field.name: self.tr("Harus bilangan bulat.")}) from None
                else:
                    out[field.name] = raw or None
        return out

    def submit(self) -> None:
        for key in self.fields.errors:
            self.fields.errors[key].hide()
        self.general_error.hide()
        try:
            values = self.values() if self.choice == "edit" else None
        except ValidationError as exc:
            self._failed(exc)
            return
        service, actor, item, choice = self.service(), self.actor, self.item, self.choice
        reason = self.reason.toPlainText()

        def work() -> ConflictView:
            if choice == "acknowledge":
                return service.acknowledge(item.id, actor, reason)
            return service.resolve(item.id, choice, actor, values, reason)

        self.buttons.setEnabled(False)
        run_in_background(work, self._done, self._failed)

    def _done(self, view: ConflictView) -> None:
        self.buttons.setEnabled(True)
        self.decided.emit(view)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            general = []
            for key, message in exc.fields.items():
                if key in self.fields.errors:
                    self.fields.errors[key].setText(message)
                    self.fields.errors[key].show()
                else:
                    general.append(message)
            if general:
                self.general_error.setText("; ".join(general))
                self.general_error.show()
            return
        self.general_error.setText(str(exc) if isinstance(exc, DeskError) else user_message(exc))
        self.general_error.show()

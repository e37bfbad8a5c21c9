"""Nothing typed is lost by a stray key: a recording dialog with data in it asks before it is thrown away.

Why one place: Esc, *Batal*, the title bar's close button and closing the main window all end in
``QDialog.reject``; if each dialog guarded that itself, one would be forgotten (every recording dialog but
the intake did). ``DiscardGuard`` is mixed into every recording dialog (``RecordingFlow``, the intake, the
conflict decision): it remembers what the inputs held when the dialog was first shown and, when it is
rejected with anything changed since, shows one question — *Buang isian?* — whose default (and Esc) goes back
to the form. The main window asks the same question before it closes over such a dialog
(``unsaved_dialogs``). Saving (``accept``) never asks.

The question box is opened, not executed: no nested event loop under a key press, and a test (or a screen
reader) finds it as the dialog's ``discard_box``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def form_state(root: QWidget) -> list[Any]:
    """What the inputs under ``root`` hold now (texts, choices, ticks), in a stable order."""
    state: list[Any] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit):
            if not widget.isReadOnly() and not isinstance(
                widget.parentWidget(), QAbstractSpinBox | QComboBox
            ):
                state.append(widget.text())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            if not widget.isReadOnly():
                state.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            state.append((widget.currentIndex(), widget.currentText()))
        elif isinstance(widget, QAbstractSpinBox):
            state.append(widget.text())
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            state.append(widget.isChecked())
    return state


def ask_discard(parent: QWidget, discard: Callable[[], None]) -> QMessageBox:
    """Open the one question: throw away what was typed? ``discard`` runs only if the officer says so; Esc,
    Enter and the default button go back to the form."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("DiscardGuard", "Buang isian?"),
        QCoreApplication.translate("DiscardGuard", "Isian yang belum disimpan akan hilang."),
        parent=parent,
    )
    drop = box.addButton(
        QCoreApplication.translate("DiscardGuard", "&Buang isian"), QMessageBox.ButtonRole.DestructiveRole
    )
    stay = box.addButton(
        QCoreApplication.translate("DiscardGuard", "&Kembali ke isian"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(stay)
    box.setEscapeButton(stay)
    box.buttonClicked.connect(lambda button: discard() if button is drop else None)
    box.open()
    return box


class DiscardGuard:
    """Mixin for a ``QDialog`` that records something: ``reject`` asks first when the inputs changed.

    ``mark_clean()`` takes the "nothing typed yet" picture (done when the dialog is first shown; call it again
    after emptying the form for the next entry); ``has_unsaved()`` may be narrowed by a dialog (the intake's
    result page holds nothing to lose); ``discard_confirmed`` lets a decision close without asking.
    """

    discard_confirmed = False
    discard_box: QMessageBox | None = None
    _clean_state: list[Any] | None = None

    def mark_clean(self) -> None:
        self._clean_state = form_state(self)  # type: ignore[arg-type]

    def has_unsaved(self) -> bool:
        return self._clean_state is not None and form_state(self) != self._clean_state  # type: ignore[arg-type]

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if self._clean_state is None:
            self.mark_clean()
        super().showEvent(event)  # type: ignore[misc]

    def reject(self) -> None:
        if self.discard_confirmed or not self.has_unsaved():
            super().reject()  # type: ignore[misc]
            return
        if self.discard_box is not None and self.discard_box.isVisible():
            return  # already asking
        self.discard_box = ask_discard(self, self.discard)  # type: ignore[arg-type]

    def discard(self) -> None:
        """Close without asking (the officer chose to throw the input away)."""
        self.discard_confirmed = True
        self.reject()


def unsaved_dialogs(window: QWidget) -> list[QDialog]:
    """The open recording dialogs under ``window`` that hold something not yet saved."""
    return [
        d
        for d in window.findChildren(QDialog)
        if isinstance(d, DiscardGuard) and d.isVisible() and d.has_unsaved()
    ]

"""Labelled inputs with an error line under each one, shared by the intake, action and keberatan dialogs.

Why one helper: every input must have a visible label (``QLabel.setBuddy``, so Alt+letter reaches it), an
accessible name for screen readers, and a place right below it where the service's Indonesian
``ValidationError.fields`` message appears. Doing that by hand in a dozen dialogs is where one gets forgotten.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.kit.style import set_role

W = TypeVar("W", bound=QWidget)


def plain_label(text: str) -> str:
    """The label without its mnemonic ampersand (for accessible names and messages)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class FormFields:
    """Adds rows to a ``QFormLayout`` and keeps, per field key, the input, its hint and its error label."""

    def __init__(self, layout: QFormLayout) -> None:
        self.layout = layout
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        self.hints: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}

    def add(self, key: str, label: str, widget: W, *, hint: str = "") -> W:
        caption = QLabel(label)
        caption.setBuddy(widget)
        widget.setAccessibleName(plain_label(label).rstrip(":").strip())
        if hint:
            widget.setAccessibleDescription(hint)
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)  # Tab moves on, as on every other field of the form
        holder = QWidget()
        # never squeezed below its natural height (a wrapped hint or error keeps its lines); callers put a
        # stretch under the form so spare space goes below it rather than between its fields
        holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        hint_label = QLabel(hint)
        set_role(hint_label, "hint")
        hint_label.setWordWrap(True)
        hint_label.setVisible(bool(hint))
        box.addWidget(hint_label)
        error = QLabel()
        set_role(error, "error")
        error.setWordWrap(True)
        error.hide()
        box.addWidget(error)
        self.layout.addRow(caption, holder)
        self.widgets[key] = widget
        self.labels[key] = caption
        self.errors[key] = error
        self.hints[key] = hint_label
        self.rows[key] = holder
        return widget

    def set_visible(self, key: str, visible: bool) -> None:
        self.labels[key].setVisible(visible)
        self.rows[key].setVisible(visible)

    def set_hint(self, key: str, text: str) -> None:
        self.hints[key].setText(text)
        self.hints[key].setVisible(bool(text))
        self.widgets[key].setAccessibleDescription(text)

    def set_error(self, key: str, message: str | None) -> None:
        label = self.errors.get(key)
        if label is None:
            return
        label.setText(message or "")
        label.setVisible(bool(message))
        label.setAccessibleName(message or "")

    def error(self, key: str) -> str:
        label = self.errors.get(key)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear_errors(self) -> None:
        for key in self.errors:
            self.set_error(key, None)

    def show_errors(self, fields: Mapping[str, str], aliases: Mapping[str, str] | None = None) -> list[str]:
        """Put each message next to its field; returns the messages that have no field here."""
        aliases = aliases or {}
        unplaced: list[str] = []
        first: QWidget | None = None
        for raw_key, message in fields.items():
            key = aliases.get(raw_key, raw_key)
            if key in self.errors:
                self.set_error(key, message)
                if first is None and not self.rows[key].isHidden():
                    first = self.widgets[key]
            else:
                unplaced.append(message)
        if first is not None:
            first.setFocus()
        return unplaced


def text_of(widget: QWidget) -> str:
    """The text of a line edit, text box or combo box, trimmed."""
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    if isinstance(widget, QComboBox):
        return str(widget.currentData() or widget.currentText()).strip()
    if isinstance(widget, QAbstractButton):
        return "1" if widget.isChecked() else ""
    return ""


def combo(options: Mapping[str, str], current: str | None = None) -> QComboBox:
    """A combo box listing ``options`` (value -> Indonesian label) with the values as item data."""
    box = QComboBox()
    for value, label in options.items():
        box.addItem(label, value)
    if current is not None:
        box.setCurrentIndex(max(0, box.findData(current)))
    return box


def shortcut(parent: QWidget, keys: str, slot: Callable[[], object]) -> QShortcut:
    """A keyboard shortcut active while focus is anywhere inside ``parent``.

    WidgetWithChildrenShortcut rather than the window context: it can never be ambiguous with the same keys
    in another window that Qt still keeps (a closed, not yet deleted dialog), which would silence both.
    ``keys`` is parsed as portable (English) text: ``QKeySequence("Ctrl+Enter")`` would go through Qt's
    Indonesian translation, where "Return" and "Enter" are both "Enter", making two shortcuts ambiguous.
    """
    sc = QShortcut(QKeySequence.fromString(keys, QKeySequence.SequenceFormat.PortableText), parent)
    sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    sc.activated.connect(slot)
    return sc


def save_row(dialog: QDialog, layout: QVBoxLayout, save: Callable[[], object]) -> tuple[QLabel, QDialogButtonBox]:
    """The foot every recording dialog shares: a general error line, Simpan / Batal, and Ctrl+Enter to save
    from any field (the officer's hands stay on the keyboard). Returns (error line, buttons)."""
    error = QLabel()
    set_role(error, "error")
    error.setWordWrap(True)
    error.hide()
    layout.addWidget(error)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(QCoreApplication.translate("FormFields", "&Simpan"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("FormFields", "Batal"))
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut(dialog, keys, save)
    return error, buttons

"""Form rows with a visible label, an accessible name and an error line right under the field.

Why one helper: every input on the desk must have a label a screen reader can announce (``QLabel.setBuddy``
plus ``setAccessibleName``) and show its validation message next to itself, in Indonesian, exactly where the
officer is looking. ``ValidationError.fields`` keys are matched to the row keys given here; messages for keys
the form does not have (and the general key ``"_"``) go to the form's general error line.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ui.kit.style import set_role


def plain(label: str) -> str:
    """The label without mnemonic ampersands and trailing colon (used as the accessible name)."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":").strip()


class FieldForm:
    """A ``QFormLayout`` whose rows know their keys, and an error label per row."""

    def __init__(self, layout: QFormLayout | None = None) -> None:
        self.layout = layout or QFormLayout()
        self.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.general = QLabel()
        self.general.setWordWrap(True)
        set_role(self.general, "error")
        self.general.hide()

    def add(self, key: str, label: str, widget: QWidget, hint: str | None = None) -> QWidget:
        caption = QLabel(label)
        caption.setBuddy(widget)
        widget.setAccessibleName(plain(label))
        if hint:
            widget.setAccessibleDescription(hint)
            widget.setToolTip(hint)
        error = QLabel()
        error.setWordWrap(True)
        set_role(error, "error")
        error.hide()
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setWordWrap(True)
            set_role(hint_label, "hint")
            column.addWidget(hint_label)
        column.addWidget(error)
        self.layout.addRow(caption, cell)
        self.fields[key], self.errors[key], self.labels[key] = widget, error, caption
        return widget

    def clear_errors(self) -> None:
        for key, label in self.errors.items():
            label.clear()
            label.hide()
            self.fields[key].setAccessibleDescription(self.fields[key].toolTip())
        self.general.clear()
        self.general.hide()

    def show_errors(self, fields: Mapping[str, str]) -> QWidget | None:
        """Show each message under its field; returns the first field with an error (to focus it)."""
        self.clear_errors()
        first: QWidget | None = None
        general: list[str] = []
        for key, message in fields.items():
            if key in self.errors:
                self.errors[key].setText(message)
                self.errors[key].show()
                self.fields[key].setAccessibleDescription(message)
                first = first or self.fields[key]
            else:
                general.append(message)
        if general:
            self.general.setText("\n".join(general))
            self.general.show()
        return first

    def error_text(self, key: str) -> str:
        label = self.errors[key]
        return label.text() if not label.isHidden() else ""

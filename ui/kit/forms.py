"""The one form kit: labelled inputs with a hint and an error line under each, and the rows dialogs share.

Why one kit: every input on the desk must have a visible label (``QLabel.setBuddy``, so Alt+letter reaches
it), an accessible name for screen readers, and a place right below it where the service's Indonesian
``ValidationError.fields`` message appears, exactly where the officer is looking. Doing that by hand in a
dozen forms is where one gets forgotten. Message keys are matched to the row keys given to ``add``; messages
for keys the form does not have (and the general key ``"_"``) are returned by ``show_errors`` and shown on
the form's ``general`` line once the caller has put that line in its layout.

An error goes away as soon as its field is valid again — while the officer types, or when a lookup fills the
field — rather than staying red until the next save: on every change of a field showing an error the form asks
the field's own check (``add(check=...)``), else the form's validator (``revalidate_with``), whether the value
now passes; a field with neither is taken as fixed once changed to a value (the service judges it again on
save), but not when it is emptied.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TypeVar

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayoutItem,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QShortcut
    from PySide6.QtWidgets import QComboBox

# The input kinds a sign-in dialog does not have (combo and spin boxes, text boxes, date fields, shortcuts) and
# PySide's ``Qt`` namespace are read through their modules when first used, not imported here: each class PySide
# builds on first use costs its enum types, and the login dialog is the first window (≈ 20 ms less before it is
# painted; tests/gui/shell/test_first_window.py).

from app.errors import ValidationError
from ui.kit.screen import grow_to_contents
from ui.kit.style import new_role
from ui.kit.terms import term

W = TypeVar("W", bound=QWidget)

#: A field's own rule: the message for its current value, or None when it is valid.
Check = Callable[[], "str | None"]


def on_edit(widget: QWidget, slot: Callable[[], object]) -> None:
    """Call ``slot`` whenever the value of ``widget`` changes — typed or set by the program (a lookup filling
    it) — or, for a container (a row of check boxes), the value of any input inside it."""
    inputs = [widget, *widget.findChildren(QWidget)]
    w = QtWidgets
    for item in inputs:
        # a line edit first and alone: the sign-in dialog's fields then need no other input kind built
        if isinstance(item, QLineEdit):  # noqa: SIM114
            item.textChanged.connect(lambda *_: slot())
        elif isinstance(item, w.QPlainTextEdit):
            item.textChanged.connect(lambda *_: slot())
        elif isinstance(item, w.QComboBox):
            item.currentIndexChanged.connect(lambda *_: slot())
            item.editTextChanged.connect(lambda *_: slot())
        elif isinstance(item, w.QAbstractButton) and item.isCheckable():
            item.toggled.connect(lambda *_: slot())
        elif isinstance(item, w.QDateTimeEdit):
            item.dateTimeChanged.connect(lambda *_: slot())
        elif isinstance(item, w.QSpinBox | w.QDoubleSpinBox):
            item.valueChanged.connect(lambda *_: slot())
        elif isinstance(item, w.QAbstractSpinBox) and item.lineEdit() is not None:
            item.lineEdit().textChanged.connect(lambda *_: slot())


def plain(label: str) -> str:
    """The label without mnemonic ampersands and trailing colon (used as the accessible name)."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":").strip()


def _error_line() -> QLabel:
    line = QLabel()
    new_role(line, "error")
    line.setWordWrap(True)
    line.hide()
    return line


class FormLayout(QFormLayout):
    """A ``QFormLayout`` that answers its minimum height for a width with its minimum, not its preferred one.

    Why: ``QFormLayout`` computes both heights for a width but answers ``minimumHeightForWidth`` with the
    preferred one (Qt's default), where a row holding a wrapped hint has height for width. A page or settings
    tab in a ``ScrollArea`` is given its minimum height for the width (ui/kit/scroll.py), and a form of text
    boxes (the DIK's *Informasi dikecualikan* and *Uji konsekuensi*) then claimed every box at its 192 px size
    hint: the Daftar informasi tab scrolled at 1366×768 and 100 %. Each row gives up what lies between its
    preferred and its minimum height, measured at the width its items have; a row whose label wraps above its
    field gives up no more than the larger of the two items' (so the form may ask too much, never too little).
    """

    def minimumHeightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        slack = 0
        roles = (
            QFormLayout.ItemRole.LabelRole,
            QFormLayout.ItemRole.FieldRole,
            QFormLayout.ItemRole.SpanningRole,
        )
        for row in range(self.rowCount()):
            items = [
                item for role in roles if (item := self.itemAt(row, role)) is not None and not item.isEmpty()
            ]
            if items:
                heights = [_heights(item, width) for item in items]
                slack += max(0, max(h for h, _ in heights) - max(m for _, m in heights))
        return self.heightForWidth(width) - slack


def _heights(item: QLayoutItem, width: int) -> tuple[int, int]:
    """``item``'s preferred and minimum height, for the width it has (``width`` before it is first laid out)."""
    if not item.hasHeightForWidth():
        return item.sizeHint().height(), item.minimumSize().height()
    own = item.geometry().width() or width
    return item.heightForWidth(own), item.minimumHeightForWidth(own)


class FieldForm:
    """A ``QFormLayout`` whose rows know their keys: per key the input, its caption, hint and error line.

    Two shapes. Without ``layout`` the form makes its own, as settings panels and the sign-in dialogs want it:
    only expanding fields (line edits) grow, and rows may give up height inside a scrolled panel. Given a
    recording dialog's ``layout``, the dialog's own policy stands (every field as wide as the column) and no
    row is squeezed below its natural height (a wrapped hint or error keeps its lines; the dialog puts a stretch
    under the form so spare space goes below it rather than between its fields).
    """

    def __init__(self, layout: QFormLayout | None = None) -> None:
        self._keep_rows = layout is not None
        if layout is None:
            layout = FormLayout()
            layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.layout = layout
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        self.hints: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}
        self.checks: dict[str, Check] = {}
        self._validator: Callable[[], object] | None = None
        self.general = _error_line()

    def add(self, key: str, label: str, widget: W, hint: str | None = "", *, check: Check | None = None) -> W:
        """Add a labelled row; ``check`` is the field's own rule (see ``set_check``)."""
        caption = QLabel(label)
        caption.setBuddy(widget)
        widget.setAccessibleName(plain(label))
        if hint:
            widget.setAccessibleDescription(hint)
            widget.setToolTip(hint)
        if not isinstance(widget, QLineEdit) and isinstance(widget, QtWidgets.QPlainTextEdit):
            widget.setTabChangesFocus(True)  # Tab moves on, as on every other field of the form
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        if self._keep_rows:
            holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            box.addWidget(widget)
        else:
            # The row spans the field column even when its input does not (a spin box keeps its own width):
            # QFormLayout reserves a wrapped hint's or error's height for the column's width, so a narrower
            # row would get fewer lines than its text needs and cut the rest.
            holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            grows = bool(
                widget.sizePolicy().horizontalPolicy().value & QSizePolicy.PolicyFlag.ExpandFlag.value
            )
            if grows:
                box.addWidget(widget)
            else:
                box.addWidget(widget, 0, QtCore.Qt.AlignmentFlag.AlignLeft)
        hint_label = QLabel(hint or "")
        new_role(hint_label, "hint")
        hint_label.setWordWrap(True)
        box.addWidget(hint_label)  # parented first: shown while parentless it would flash up as a window
        hint_label.setVisible(bool(hint))
        error = _error_line()
        box.addWidget(error)
        self.layout.addRow(caption, holder)
        self.widgets[key], self.labels[key], self.errors[key] = widget, caption, error
        self.hints[key], self.rows[key] = hint_label, holder
        if check is not None:
            self.checks[key] = check
        on_edit(widget, lambda: self._edited(key))
        return widget

    def set_check(self, key: str, check: Check) -> None:
        """The rule that says whether field ``key`` is valid now: its error is cleared as soon as it passes."""
        self.checks[key] = check

    def revalidate_with(self, validator: Callable[[], object]) -> None:
        """The form's own validator (raising ``ValidationError``), asked on every change of a field showing an
        error: the error goes as soon as the validator no longer names that field."""
        self._validator = validator

    def _edited(self, key: str) -> None:
        if not self.error(key):
            return
        if self.still_invalid(key):
            return
        self.set_error(key, None)

    def still_invalid(self, key: str) -> bool:
        """Whether field ``key`` still breaks its rule (its own check, else the form's validator)."""
        check = self.checks.get(key)
        if check is not None:
            return bool(check())
        if self._validator is not None:
            try:
                self._validator()
            except ValidationError as exc:
                return key in exc.fields
            return False
        # No rule here: a new value is taken as the officer's fix (the service judges it on save); emptying
        # the field is not (the sign-in clears a refused password and its message must stay).
        return not text_of(self.widgets[key])

    def set_visible(self, key: str, visible: bool) -> None:
        self.labels[key].setVisible(visible)
        self.rows[key].setVisible(visible)

    def set_hint(self, key: str, text: str) -> None:
        self.hints[key].setText(text)
        self.hints[key].setVisible(bool(text))
        self.widgets[key].setAccessibleDescription(text)
        grow_to_contents(self.layout.parentWidget())

    def set_error(self, key: str, message: str | None) -> None:
        """Show ``message`` under field ``key`` (``None``: clear it); a screen reader hears it on the field."""
        label = self.errors.get(key)
        if label is None:
            return
        label.setText(message or "")
        label.setVisible(bool(message))
        label.setAccessibleName(message or "")
        self.widgets[key].setAccessibleDescription(message or self.hints[key].text())

    def error(self, key: str) -> str:
        label = self.errors.get(key)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear_errors(self) -> None:
        for key in self.errors:
            self.set_error(key, None)
        self.general.clear()
        self.general.hide()

    def show_errors(self, fields: Mapping[str, str], aliases: Mapping[str, str] | None = None) -> list[str]:
        """Put each message under its field (``aliases`` maps a service's key to this form's) and focus the
        first visible field with one; returns the messages no field here takes, also shown on ``general``."""
        self.clear_errors()
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
        if unplaced and self.general.parentWidget() is not None:
            self.general.setText("\n".join(unplaced))
            self.general.show()
        if first is not None:
            first.setFocus()
        grow_to_contents(self.layout.parentWidget())
        return unplaced


def text_of(widget: QWidget) -> str:
    """The text of a line edit, text box or combo box, trimmed."""
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QtWidgets.QPlainTextEdit):
        return widget.toPlainText().strip()
    if isinstance(widget, QtWidgets.QComboBox):
        return str(widget.currentData() or widget.currentText()).strip()
    if isinstance(widget, QtWidgets.QAbstractButton):
        return "1" if widget.isChecked() else ""
    return ""


def combo(options: Mapping[str, str], current: str | None = None) -> QComboBox:
    """A combo box listing ``options`` (value -> Indonesian label) with the values as item data; a label that is
    one of the core's terms reads in the interface's language (``ui.kit.terms``)."""
    box = QtWidgets.QComboBox()
    for value, label in options.items():
        box.addItem(term(label), value)
    if current is not None:
        box.setCurrentIndex(max(0, box.findData(current)))
    return box


def long_choices(box: QComboBox, chars: int = 36) -> QComboBox:
    """A combo box whose items are sentences (the Pasal 17 grounds): the closed box is ``chars`` characters
    wide and shows the start of the choice (its whole text as tooltip) instead of widening its page past a
    911-pixel window at 150 %; the open list is as wide as its longest item, so every choice reads whole."""
    box.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(chars)
    view = box.view()
    view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width())
    box.currentTextChanged.connect(box.setToolTip)
    box.setToolTip(box.currentText())
    return box


def shortcut(parent: QWidget, keys: str, slot: Callable[[], object]) -> QShortcut:
    """A keyboard shortcut active while focus is anywhere inside ``parent``.

    WidgetWithChildrenShortcut rather than the window context: it can never be ambiguous with the same keys
    in another window that Qt still keeps (a closed, not yet deleted dialog), which would silence both.
    ``keys`` is parsed as portable (English) text: ``QKeySequence("Ctrl+Enter")`` would go through Qt's
    Indonesian translation, where "Return" and "Enter" are both "Enter", making two shortcuts ambiguous.
    """
    sequence = QtGui.QKeySequence
    sc = QtGui.QShortcut(sequence.fromString(keys, sequence.SequenceFormat.PortableText), parent)
    sc.setContext(QtCore.Qt.ShortcutContext.WidgetWithChildrenShortcut)
    sc.activated.connect(slot)
    return sc


def page_shortcut(page: QWidget, keys: str, slot: Callable[[], object]) -> QShortcut:
    """A page's keyboard shortcut (Ctrl+F on the Register), active wherever the focus is in the main window —
    the sidebar included — while the page is the one shown.

    A shortcut is only live while its widget is visible, so the window context is never ambiguous between the
    stacked pages; ``shortcut``'s "inside the widget" context left Ctrl+F dead after Ctrl+2 or a sidebar
    click, when the focus stayed in the sidebar (issue 16).
    """
    sc = shortcut(page, keys, slot)
    sc.setContext(QtCore.Qt.ShortcutContext.WindowShortcut)
    return sc


def save_row(
    dialog: QDialog, layout: QVBoxLayout, save: Callable[[], object]
) -> tuple[QLabel, QDialogButtonBox]:
    """The foot every recording dialog shares: a general error line, Simpan / Batal, and Ctrl+Enter to save
    from any field (the officer's hands stay on the keyboard). Returns (error line, buttons)."""
    error = _error_line()
    layout.addWidget(error)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(
        QCoreApplication.translate("FormFields", "&Simpan")
    )
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("FormFields", "Batal")
    )
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut(dialog, keys, save)
    return error, buttons

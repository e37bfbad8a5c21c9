"""One calm, consistent look: the bundled font, a light palette, a visible focus ring and icon-font icons.

Why a stylesheet for focus: the Fusion style draws keyboard focus as a faint line that disappears on many
office monitors; officers work keyboard-first, so the focused field must be unmistakable. Why
``combobox-popup: 0``: with the combo-box rule above, Fusion's menu-like list (current item over the box)
drew its items through that rule, so the current item came out as an empty box and the next one was cut; the
plain drop-down list draws them as a list view does. Why a bundled font:
Liberation Sans ships with the desk (the PDFs embed it too), so screens look the same on every PC and at 150 %
scaling text stays crisp. Icons are glyphs of the Material Design Icons font (``ui/kit/icons.py``), never hand-drawn images.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

import resources

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

FONT_FAMILY = "Liberation Sans"
BASE_POINT_SIZE = 10

ACCENT = "#0b5cad"
FOCUS = "#f29900"
OVERDUE = "#b3261e"
DUE_SOON = "#8a5a00"
WAITING = "#5b4b8a"
MUTED = "#5f6368"
SURFACE = "#f6f7f9"

#: Semantic icon names used by the pages, mapped to Material Design Icons (mdi6) in qtawesome.
ICONS: dict[str, str] = {
    "dashboard": "mdi6.view-dashboard-outline",
    "register": "mdi6.table-large",
    "objections": "mdi6.scale-balance",
    "settings": "mdi6.cog-outline",
    "intake": "mdi6.plus-circle-outline",
    "lock": "mdi6.lock-outline",
    "logout": "mdi6.logout",
    "due": "mdi6.calendar-alert",
    "waiting": "mdi6.account-clock-outline",
    "today": "mdi6.inbox-arrow-down-outline",
    "overdue": "mdi6.alert-circle-outline",
    "chart": "mdi6.chart-bar",
    "report": "mdi6.file-chart-outline",
    "agenda": "mdi6.email-arrow-right-outline",
    "users": "mdi6.account-group-outline",
    "office": "mdi6.office-building-outline",
    "language": "mdi6.translate",
    "numbering": "mdi6.numeric",
    "calendar": "mdi6.calendar-month-outline",
    "officials": "mdi6.badge-account-outline",
    "refresh": "mdi6.refresh",
}

STYLESHEET = f"""
QWidget {{ font-size: {BASE_POINT_SIZE}pt; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDateEdit, QDateTimeEdit {{
    border: 1px solid #9aa0a6; border-radius: 3px; padding: 3px 5px; background: white;
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus,
QDateEdit:focus, QDateTimeEdit:focus {{ border: 2px solid {FOCUS}; padding: 2px 4px; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ width: 18px; }}
QDateEdit::drop-down, QComboBox::drop-down {{ width: 20px; }}
QComboBox {{ combobox-popup: 0; }}
QComboBox QAbstractItemView {{ border: 1px solid #9aa0a6; selection-background-color: {ACCENT}; selection-color: white; }}
QPushButton, QToolButton {{ padding: 4px 12px; }}
QPushButton:focus, QToolButton:focus, QCheckBox:focus, QRadioButton:focus {{
    outline: 2px solid {FOCUS}; border: 2px solid {FOCUS}; border-radius: 3px;
}}
QPushButton:focus, QToolButton:focus {{ padding: 4px 8px; }}  /* the border takes what the padding gives up: the text keeps its room */
QAbstractItemView:focus, QListWidget:focus, QTableView:focus {{ border: 2px solid {FOCUS}; }}
QLabel[role="error"] {{ color: {OVERDUE}; }}
QLabel[role="hint"] {{ color: {MUTED}; }}
QLabel[role="title"] {{ font-size: {BASE_POINT_SIZE + 6}pt; font-weight: bold; }}
QLabel[role="section"] {{ font-size: {BASE_POINT_SIZE + 2}pt; font-weight: bold; }}
QListWidget#sidebar {{ background: {SURFACE}; border: none; border-right: 1px solid #dadce0; }}
QListWidget#sidebar::item {{ padding: 10px 12px; }}
QListWidget#sidebar::item:selected {{ background: {ACCENT}; color: white; }}
"""


def load_fonts() -> str:
    """Register the bundled Liberation Sans with Qt; returns the family to use (a system font if it fails)."""
    family = ""
    folder = resources.FOLDER / "fonts"
    for name in ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf"):
        data = (folder / name).read_bytes()
        font_id = QFontDatabase.addApplicationFontFromData(data)
        if font_id >= 0 and not family:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else ""
    return family or QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


def apply_style(app: QApplication, *, fusion_already: bool = False) -> None:
    """Fusion style, bundled font, light palette with a blue accent, and the focus-ring stylesheet.

    ``fusion_already``: the application was made with ``-style Fusion`` among its arguments (``ui.app`` does so).
    Why: ``setStyle`` returns the style, for which PySide then builds its ``QStyle`` class (≈ 6 ms, 17 enum
    types), work the first window does not otherwise need."""
    if not fusion_already:
        app.setStyle("Fusion")
    app.setFont(QFont(load_fonts(), BASE_POINT_SIZE))
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor(SURFACE))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET)


def icon(name: str, color: str | None = None) -> QIcon:
    """An icon by semantic name (see ``ICONS``); an empty icon if the icon font cannot be loaded."""
    from PySide6.QtGui import QIcon  # with the icon engine: needed by the main window, not the first one

    from ui.kit.icons import glyph_icon

    try:
        return glyph_icon(ICONS.get(name, name), color or "#3c4043")
    except Exception:  # noqa: BLE001 - icons are decoration; never let them break a screen
        return QIcon()


def set_role(widget: object, role: str) -> None:
    """Tag a label with a stylesheet role ("error", "hint", "title", "section") and re-polish it."""
    if isinstance(widget, QWidget):
        widget.setProperty("role", role)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def new_role(widget: QWidget, role: str) -> None:
    """Tag a widget made just now, not yet shown, with a stylesheet role: Qt computes its style when it is first
    shown, so no re-polish is needed. Why apart from ``set_role``: re-polishing calls ``QStyle.polish``, whose
    overloads make PySide build its ``Qt`` namespace (≈ 100 enum types, ≈ 14 ms) to rule out a colour, work
    the first window (the sign-in dialog, the splash) must not wait for (tests/gui/shell/test_first_window.py).
    A widget already shown needs ``set_role``."""
    widget.setProperty("role", role)


def error_label() -> QLabel:
    """A page's message line for what went wrong: red, wrapped (a long reason is never cut at 150 %), hidden
    until there is something to say."""
    label = QLabel()
    new_role(label, "error")
    label.setWordWrap(True)
    label.hide()
    return label

"""ui/kit/style.py and ui/kit/icons.py: bundled font registered, every semantic icon paints its glyph, roles re-polish labels."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel

from ui.kit import style


def test_bundled_font_is_registered(qapp):
    assert style.load_fonts() == style.FONT_FAMILY


def test_apply_style_sets_font_and_focus_ring(qapp):
    style.apply_style(qapp)
    assert QApplication.font().family() == style.FONT_FAMILY
    assert style.FOCUS in qapp.styleSheet()


def test_set_role_tags_label(qtbot):
    label = QLabel("x")
    qtbot.addWidget(label)
    style.set_role(label, "error")
    assert label.property("role") == "error"


def _painted_pixels(icon, size: int = 24) -> int:
    image = icon.pixmap(size, size).toImage()
    return sum(1 for x in range(size) for y in range(size) if image.pixelColor(x, y).alpha() > 0)


def test_every_semantic_icon_paints_a_glyph(qapp):
    blank = [name for name in style.ICONS if _painted_pixels(style.icon(name)) == 0]
    assert blank == []


def test_unknown_icon_is_empty_not_an_error(qapp):
    assert style.icon("mdi6.no-such-glyph-anywhere").isNull()
    assert style.icon("fa5s.home").isNull()  # only the Material Design Icons font is loaded


def test_disabled_icon_is_lighter(qapp):
    from PySide6.QtGui import QIcon

    icon = style.icon("register", "#000000")
    normal = icon.pixmap(24, 24, QIcon.Mode.Normal).toImage()
    disabled = icon.pixmap(24, 24, QIcon.Mode.Disabled).toImage()
    darkest = max(range(24 * 24), key=lambda i: normal.pixelColor(i % 24, i // 24).alpha())
    x, y = darkest % 24, darkest // 24
    assert disabled.pixelColor(x, y).alpha() < normal.pixelColor(x, y).alpha()


def test_a_combo_box_list_shows_every_item_with_its_text(qtbot, qapp):
    """The open list of a combo box drew its current item as a blank box and cut the next one (the language
    list read as one empty row): the stylesheet's combo-box rule was applied to the menu-style popup's items."""
    from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

    style.apply_style(qapp)
    holder = QWidget()
    qtbot.addWidget(holder)
    box = QComboBox()
    box.addItems(["Bahasa Indonesia", "English"])
    QVBoxLayout(holder).addWidget(box)
    holder.show()
    qtbot.waitExposed(holder)
    box.showPopup()
    view = box.view()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    for row in range(box.count()):
        rect = view.visualRect(view.model().index(row, 0))
        assert view.viewport().rect().contains(rect), f"{box.itemText(row)!r} is cut off"
        inked = sum(
            1
            for x in range(rect.left(), rect.right(), 2)
            for y in range(rect.top(), rect.bottom(), 2)
            if abs(image.pixelColor(x, y).lightness() - image.pixelColor(rect.left(), rect.top()).lightness())
            > 80
        )
        assert inked > 10, f"{box.itemText(row)!r} is drawn without its text"
    box.hidePopup()


def test_the_focus_ring_leaves_a_button_room_for_its_text(qtbot, qapp):
    """The focused button's 2 px ring was drawn inside the width laid out for the unfocused one, so the
    preview's default button read "Cetak (Ctrl+P" at the moment it had focus."""
    from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStyle, QStyleOptionButton, QWidget

    style.apply_style(qapp)
    holder = QWidget()
    qtbot.addWidget(holder)
    button = QPushButton("&Cetak (Ctrl+P)")
    row = QHBoxLayout(holder)
    row.addWidget(button)
    row.addStretch(1)
    holder.show()
    qtbot.waitExposed(holder)
    laid_out = button.width()
    holder.activateWindow()
    qtbot.waitUntil(holder.isActiveWindow)
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    assert button.width() == laid_out
    option = QStyleOptionButton()
    button.initStyleOption(option)
    assert option.state & QStyle.StateFlag.State_HasFocus
    room = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
    assert button.fontMetrics().horizontalAdvance("Cetak (Ctrl+P)") <= room.width()

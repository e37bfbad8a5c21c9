"""ui/style.py: bundled font registered, every semantic icon resolves, roles re-polish labels."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel

from ui import style


def test_bundled_font_is_registered(qapp):
    assert style.load_fonts() == style.FONT_FAMILY


def test_every_semantic_icon_exists(qapp):
    missing = [name for name in style.ICONS if style.icon(name).isNull()]
    assert missing == []


def test_apply_style_sets_font_and_focus_ring(qapp):
    style.apply_style(qapp)
    assert QApplication.font().family() == style.FONT_FAMILY
    assert style.FOCUS in qapp.styleSheet()


def test_set_role_tags_label(qtbot):
    label = QLabel("x")
    qtbot.addWidget(label)
    style.set_role(label, "error")
    assert label.property("role") == "error"

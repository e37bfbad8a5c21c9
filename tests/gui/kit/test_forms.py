"""ui/kit/forms.py: the one form kit (labels, hints, errors under their fields, the general line)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from ui.kit.forms import FieldForm


class _TopLevelShows(QObject):
    """Records every widget shown as a window of its own while installed."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.shown.append(type(watched).__name__)
        return False


def test_adding_a_hinted_field_to_an_open_screen_shows_no_window_and_keeps_focus(qtbot):
    host = QWidget()
    column = QVBoxLayout(host)
    typing = QLineEdit()
    column.addWidget(typing)
    qtbot.addWidget(host)
    host.show()
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    typing.setFocus()
    spy = _TopLevelShows()
    QApplication.instance().installEventFilter(spy)
    try:
        form = FieldForm()
        column.addLayout(form.layout)
        form.add("nip", "&NIP:", QLineEdit(), "18 digit, tanpa spasi.")
        QApplication.processEvents()
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert spy.shown == []  # a hint label shown before it had a parent flashed up as a window of its own
    assert QApplication.focusWidget() is typing


def test_messages_go_under_their_fields_and_the_rest_to_the_general_line(qtbot):
    host = QWidget()
    column = QVBoxLayout(host)
    form = FieldForm()
    column.addLayout(form.layout)
    column.addWidget(form.general)
    qtbot.addWidget(host)
    name = form.add("name", "&Nama:", QLineEdit())
    form.add("phone", "&Telepon:", QLineEdit(), "Nomor seluler.")
    host.show()
    unplaced = form.show_errors({"name": "Nama wajib diisi.", "_": "Periksa isian."})
    assert unplaced == ["Periksa isian."] and form.general.text() == "Periksa isian."
    assert form.error("name") == "Nama wajib diisi." and form.error("phone") == ""
    assert name.accessibleDescription() == "Nama wajib diisi."
    qtbot.waitUntil(lambda: QApplication.focusWidget() is name)
    form.clear_errors()
    assert form.error("name") == "" and form.general.isHidden()
    assert form.widgets["phone"].accessibleDescription() == "Nomor seluler."

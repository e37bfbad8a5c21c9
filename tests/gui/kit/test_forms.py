"""ui/kit/forms.py: the one form kit (labels, hints, errors under their fields, the general line)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from ui.kit.forms import FieldForm
from ui.kit.scroll import scrolled


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


def test_an_error_goes_as_soon_as_its_field_passes_its_check(qtbot):
    """Issue 16 item 4: the red line went only at the next save; now each change asks the field's rule."""
    host = QWidget()
    column = QVBoxLayout(host)
    form = FieldForm()
    column.addLayout(form.layout)
    qtbot.addWidget(host)
    code = form.add("code", "&Kode:", QLineEdit(), check=lambda: None if len(code.text()) >= 3 else "Min. 3.")
    other = form.add("other", "&Lain:", QLineEdit())
    host.show()
    form.show_errors({"code": "Min. 3.", "other": "Wajib diisi."})
    QTest.keyClicks(code, "ab")
    assert form.error("code") == "Min. 3."  # still too short: the message stays
    QTest.keyClicks(code, "c")
    assert form.error("code") == "" and form.errors["code"].isHidden()
    other.setText("diisi oleh program")  # no rule of its own: a new value is taken as fixed
    assert form.error("other") == ""
    form.set_error("other", "Kata sandi salah.")
    other.clear()  # emptied (the sign-in clears a refused password): the message stays
    assert form.error("other") == "Kata sandi salah."


def test_the_forms_validator_judges_fields_without_a_check_of_their_own(qtbot):
    from app.errors import ValidationError

    host = QWidget()
    form = FieldForm()
    QVBoxLayout(host).addLayout(form.layout)
    qtbot.addWidget(host)
    a = form.add("a", "&A:", QLineEdit())
    b = form.add("b", "&B:", QLineEdit())

    def validate() -> None:
        errors = {k: "Wajib diisi." for k, w in (("a", a), ("b", b)) if not w.text()}
        if errors:
            raise ValidationError(errors)

    form.revalidate_with(validate)
    form.show_errors({"a": "Wajib diisi.", "b": "Wajib diisi."})
    QTest.keyClicks(a, "x")
    assert form.error("a") == "" and form.error("b") == "Wajib diisi."
    a.clear()  # a field without an error is not judged while typed (no red line before a save)
    assert form.error("a") == ""


def test_a_form_of_text_boxes_with_hints_fits_a_view_shorter_than_its_preferred_height(qtbot):
    """QFormLayout answers its minimum height for a width with its preferred one once a row wraps a hint: the
    DIK form (two text boxes, 192 px hint each) made the Daftar informasi tab scroll at 1366×768 and 100 %."""
    panel = QWidget()
    column = QVBoxLayout(panel)
    form = FieldForm()
    boxes = [
        form.add(
            f"text{n}", f"Teks &{n}:", QPlainTextEdit(), "Akibat bila informasi dibuka (min. 20 karakter)."
        )
        for n in range(3)
    ]
    form.add(
        "period", "&Jangka waktu:", QLineEdit(), "Misalnya '5 (lima) tahun'; atau isi tanggal akhir di bawah."
    )
    column.addLayout(form.layout)
    area = scrolled(panel, frame=False)
    qtbot.addWidget(area)
    area.resize(700, 420)
    area.show()
    qtbot.waitUntil(lambda: panel.height() > 0)
    layout = form.layout
    assert (
        layout.heightForWidth(panel.width()) > area.viewport().height()
    )  # its preferred height does not fit
    qtbot.wait(50)
    assert panel.height() == area.viewport().height() and not area.verticalScrollBar().isVisible()
    for box in boxes:  # shrunk towards their minimum, never below it; every hint keeps its lines
        assert box.minimumSizeHint().height() <= box.height() < box.sizeHint().height()
    for hint in form.hints.values():
        assert hint.height() >= hint.heightForWidth(hint.width())
    # narrower than its minimum: the panel keeps it and scrolls
    area.resize(700, 200)
    qtbot.waitUntil(lambda: area.verticalScrollBar().isVisible())
    assert panel.height() >= layout.totalMinimumHeightForWidth(panel.width())

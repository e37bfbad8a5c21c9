"""ui/kit/flow.py: a toolbar row that wraps instead of widening its page, yet fills its line like a box row."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.kit import screen
from ui.kit.flow import FlowLayout, pair


def _row(qtbot, width: int) -> tuple[QWidget, QWidget, QWidget, QPushButton]:
    host = QWidget()
    row = FlowLayout(host)
    search = pair(QLabel("&Cari:"), QLineEdit())
    kind = pair(QLabel("&Jenis:"), QComboBox())
    export = QPushButton("Ekspor")
    row.addWidget(search)
    row.addWidget(kind)
    row.addStretch(1)
    row.addWidget(export)
    qtbot.addWidget(host)
    host.resize(width, row.heightForWidth(width))
    host.show()
    qtbot.waitExposed(host)
    return host, search, kind, export


def test_a_search_field_takes_the_free_width_of_its_line(qtbot):
    host, search, kind, export = _row(qtbot, 900)
    assert search.y() == kind.y() == export.y()  # one line
    assert export.geometry().right() == host.width() - 1  # the group after the stretch sits on the right
    assert search.width() > search.sizeHint().width()  # the line edit grows
    assert kind.width() == kind.sizeHint().width()  # a combo box keeps its size
    label = search.findChild(QLabel)
    assert label is not None and isinstance(label.buddy(), QLineEdit)  # Alt+C reaches the field


def test_a_narrow_row_wraps_and_keeps_each_label_with_its_field(qtbot):
    host, search, kind, export = _row(qtbot, search_width := 260)
    assert kind.y() > search.y() and export.y() >= kind.y()
    for holder in (search, kind, export):
        assert holder.geometry().right() < search_width + 1
    assert host.height() >= export.geometry().bottom()


def test_a_dialog_with_its_own_minimum_width_is_widened_to_its_fields(qtbot):
    """setMinimumWidth() makes Qt ignore the layout's minimum: at 150 % the dialog opened narrower than its
    fields (the objection filing's grounds) until ui/kit/screen.py widened it as it is shown."""
    screen.install(QApplication.instance())  # as ui/app.py does at start-up
    dialog = QDialog()
    dialog.setMinimumWidth(200)
    column = QVBoxLayout(dialog)
    wide = QLabel("Alasan keberatan huruf a: permohonan informasi ditolak berdasarkan Pasal 17")
    column.addWidget(wide)
    qtbot.addWidget(dialog)
    dialog.resize(200, 100)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() >= wide.minimumSizeHint().width()

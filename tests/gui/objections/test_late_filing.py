"""A keberatan filed after the requester's 30-working-day window (Pasal 36 ayat 1): registered all the same, the
officer is told at filing, and it is marked *terlambat* in the Register Keberatan and on both timelines."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from ui.kit.qtime import qdatetime
from ui.objections.page import ObjectionsPage
from ui.request.page import RequestPage
from ui.shell import wiring


@pytest.fixture
def rejected(desk, officer, walk_in) -> str:
    number = desk.register.receive(officer, walk_in()).number  # Monday 16 March 2026
    desk.actions.act(officer, number, "reject", {"article": "h", "consequence_test": "x" * 30})
    return number


def _file(qtbot, desk, officer, clock, number: str, when: datetime) -> tuple[RequestPage, str]:
    clock.now = when.replace(hour=11)  # filed the same day it is recorded
    page = RequestPage(wiring.request(desk), officer, background=False)
    qtbot.addWidget(page)
    page.resize(1166, 700)
    page.show()
    page.show_request(number)
    QApplication.processEvents()
    dialog = page.open_objection()
    dialog.grounds["a"].setChecked(True)
    dialog.at.setDateTime(qdatetime(when))
    dialog.save()
    view = dialog.result_view
    assert view is not None
    return page, view.number


def test_late_filing_is_told_at_filing_and_marked_in_the_list_and_timelines(
    qtbot, desk, officer, clock, rejected
) -> None:
    page, number = _file(qtbot, desk, officer, clock, rejected, datetime(2026, 7, 1, 9, 0))
    notices = [box for box in page.findChildren(QMessageBox) if box.isVisible()]
    assert len(notices) == 1
    assert "TERLAMBAT" in notices[0].text() and number in notices[0].text()
    notices[0].close()
    QApplication.processEvents()
    request_timeline = [page.timeline.item(r, 2).text() for r in range(page.timeline.rowCount())]
    assert any("terlambat: batas pengajuan keberatan" in line for line in request_timeline)

    objections = ObjectionsPage(wiring.objections(desk), officer, background=False)
    qtbot.addWidget(objections)
    objections.resize(1166, 720)
    objections.show()
    cell = objections.table.item(0, 1)
    assert cell.text() == "01-07-2026 · terlambat"
    assert "batas pengajuan keberatan" in cell.toolTip()
    objections.show_objection(number)
    QApplication.processEvents()
    facts = " ".join(label.text() for label in objections.facts.findChildren(QLabel))
    assert "terlambat: batas pengajuan keberatan" in facts
    history = " ".join(label.text() for label in objections.history.findChildren(QLabel))
    assert "terlambat" in history


def test_in_time_filing_has_no_mark_and_no_notice(qtbot, desk, officer, clock, rejected) -> None:
    page, _number = _file(qtbot, desk, officer, clock, rejected, datetime(2026, 3, 20, 9, 0))
    assert not [box for box in page.findChildren(QMessageBox) if box.isVisible()]
    objections = ObjectionsPage(wiring.objections(desk), officer, background=False)
    qtbot.addWidget(objections)
    objections.show()
    assert objections.table.item(0, 1).text() == "20-03-2026"


def test_the_late_mark_is_highlighted_in_english_too(qtbot, desk, officer, clock, rejected) -> None:
    """The pane marked the row by looking for the Indonesian word, so in English it was left plain."""
    from ui.kit import i18n
    from ui.kit.style import OVERDUE

    page, number = _file(qtbot, desk, officer, clock, rejected, datetime(2026, 7, 1, 9, 0))
    for box in page.findChildren(QMessageBox):
        box.close()
    try:
        i18n.install("en")
        objections = ObjectionsPage(wiring.objections(desk), officer, background=False)
        qtbot.addWidget(objections)
        objections.show_objection(number)
        QApplication.processEvents()
        marked = [label for label in objections.facts.findChildren(QLabel) if OVERDUE in label.styleSheet()]
        assert len(marked) == 1 and "terlambat" not in marked[0].text()
    finally:
        i18n.install("id")

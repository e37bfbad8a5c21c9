"""Dashboard page: overdue in red, every item opens its request (the sections' rules: tests/unit/services)."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from ui.dashboard.page import DashboardPage
from ui.kit import i18n
from ui.kit.style import OVERDUE
from ui.shell import wiring


@pytest.fixture
def office(desk, officer, intake, clock):
    """Today is Monday 16 March 2026 (clock fixture). Intakes at chosen past moments."""
    made = {}
    made["today"] = intake(officer).number
    # complete on 2 March: 10 working days -> due 16 March = today (0 left), so due soon
    made["due_today"] = intake(officer, received_at=datetime(2026, 3, 2, 9, 0).isoformat()).number
    # complete on 9 Feb: long overdue
    made["overdue"] = intake(officer, received_at=datetime(2026, 2, 9, 9, 0).isoformat()).number
    # incomplete, waiting for the requester
    made["waiting"] = intake(
        officer, received_at=datetime(2026, 3, 13, 9, 0).isoformat(), complete=False, missing_items=["KTP"]
    ).number
    return made


def test_page_shows_sections_overdue_red_and_opens_requests(qtbot, desk, officer, office):
    page = DashboardPage(wiring.dashboard(desk))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        pass
    overdue_list = page.cards["overdue"].list
    assert page.cards["overdue"].count.text() == "1"
    first = overdue_list.item(0)
    assert first.text().startswith(office["overdue"])
    assert "terlambat" in first.text()
    assert first.foreground().color() == QColor(OVERDUE)
    assert "jatuh tempo hari ini" in page.cards["due_soon"].list.item(0).text()
    assert page.cards["objections"].list.item(0).text() == "Tidak ada."
    page.show()
    overdue_list.setFocus()
    overdue_list.setCurrentRow(0)
    with qtbot.waitSignal(page.request_opened) as opened:
        qtbot.keyClick(overdue_list, Qt.Key.Key_Return)
    assert opened.args == [office["overdue"]]


def test_chart_describes_its_values_for_screen_readers(qtbot, desk, officer, office):
    i18n.install("id")  # month names follow the interface language, as in the app
    page = DashboardPage(wiring.dashboard(desk))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        pass
    assert "Maret 2026: 3" in page.chart.accessibleDescription()


def test_a_dashboard_deleted_while_loading_drops_its_data(qtbot, desk, officer, office):
    """Logout or quit while the dashboard is being read: the data arriving afterwards must not touch the
    deleted page (a RuntimeError in Qt's event loop, seen in the next test's window)."""
    import shiboken6

    from ui.kit.tasks import runner

    page = DashboardPage(wiring.dashboard(desk))
    shiboken6.delete(page)
    runner().wait()
    qtbot.wait(50)


def test_dates_take_the_desks_formats_for_their_kind_of_place(qtbot, desk, officer, office):
    """Issue 16 item 6: a deadline in a card's line read "16 Mar 2026" (``d MMM yyyy`` through the locale) while
    every other list reads ``16-03-2026``; the dashboard takes its formats from ui/kit/dates.py: the line's date
    as every list's, the heading's day with its weekday, the chart's months, in the interface's language."""
    i18n.install("id")
    page = DashboardPage(wiring.dashboard(desk))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        pass
    assert page.cards["due_soon"].list.item(0).text().endswith("\n16-03-2026, jatuh tempo hari ini")
    assert "Mar 2026" not in page.cards["overdue"].list.item(0).text()
    assert page.date_label.text() == "Senin, 16 Maret 2026"
    assert "Maret 2026: 3" in page.chart.accessibleDescription()


def test_a_narrow_cards_lines_wrap_whole_rather_than_being_cut(qtbot):
    """Seen at 1366×768 and 150 % in English: the cards cut their lines, *CPJ/2026/A-0286 — Dedi Nugr…* and
    *219 working day…*, so neither the name nor the days could be read. A line wraps at the card's width and
    its row is as tall as the wrapped text (tests/gui/layout_checks.py now checks every list this way)."""
    from datetime import date

    from app.services.dashboard import Item, Section
    from tests.gui.layout_checks import elided_items
    from ui.dashboard.page import SectionCard

    card = SectionCard("overdue", "Terlambat", "overdue", "#b91c1c")
    qtbot.addWidget(card)
    card.resize(220, 300)  # a card at 1366×768 and 150 %
    card.show()
    qtbot.waitExposed(card)
    items = [Item("CPJ/2026/A-0286", "Raden Ajeng Kartini Wulandari", "", date(2026, 1, 8), -219),
             Item("CPJ/2026/A-0287", "Dedi Nugroho", "", date(2026, 1, 9), -218)]  # fmt: skip
    card.show_section(
        Section(2, items), lambda e: f"{e.number} — {e.name}\n08-01-2026, {-e.remaining} working days overdue"
    )
    QApplication.processEvents()
    assert elided_items(card.list) == []
    card.resize(600, 300)  # wider again: the rows shrink back to the lines they need
    QApplication.processEvents()
    assert elided_items(card.list) == []
    assert card.list.visualRect(card.list.model().index(1, 0)).height() < 3 * card.list.fontMetrics().height()

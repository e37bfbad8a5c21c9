"""RegisterPage from the officer's side: search, filters, sorting, columns, opening and exporting."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.register_query import RegisterFilter
from ui.register.page import OPEN, RegisterPage
from ui.shell import wiring

NAMES = ["Siti Aminah", "Budi Santoso", "Dewi Lestari"]


def _fill(desk: DeskServices, actor: Actor, walk_in: Callable[..., dict[str, Any]], n: int) -> list[str]:
    out = []
    for i in range(n):
        data = walk_in(requester={"name": NAMES[i % 3], "nik": f"36730545128500{i + 1:02d}"})
        if i == 1:
            data.update(channel="email", complete=False)
        out.append(desk.register.receive(actor, data).number)
    return out


@pytest.fixture
def page(qtbot, desk, supervisor, walk_in) -> RegisterPage:
    _fill(desk, supervisor, walk_in, 6)
    widget = RegisterPage(wiring.register(desk), supervisor, background=False)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    return widget


def test_lists_the_register_newest_first(page) -> None:
    assert page.model.rowCount() == 6
    assert page.count_label.text() == "6 permohonan"
    numbers = [page.model.index(r, 0).data() for r in range(6)]
    assert numbers == sorted(numbers, reverse=True)


def test_search_as_you_type_is_debounced_then_filters(page, qtbot) -> None:
    QTest.keyClicks(page.search, "Budi")
    assert page.model.rowCount() == 6  # not yet: the page waits for the officer to pause
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=2000)
    assert page.count_label.text() == "2 permohonan"


def test_filters_status_channel_kind_overdue_and_period(page, desk, clock) -> None:
    page.channel.setCurrentIndex(page.channel.findData("email"))
    assert page.model.rowCount() == 1
    page.channel.setCurrentIndex(0)
    page.status.setCurrentIndex(page.status.findData("verifikasi"))
    assert page.model.rowCount() == 1
    page.status.setCurrentIndex(page.status.findData(OPEN))
    assert page.model.rowCount() == 6
    page.status.setCurrentIndex(0)
    page.kind.setCurrentIndex(page.kind.findData("badan_hukum"))
    assert page.model.rowCount() == 0
    page.kind.setCurrentIndex(0)
    page.overdue.setChecked(True)
    assert page.model.rowCount() == 0
    unverified = desk.query.rows(page.actor, RegisterFilter(statuses=("verifikasi",)))[0]
    # the day after its 3 working days: the others still have their 10 working days to run
    clock.now = datetime.combine(unverified.due + timedelta(days=1), time(9, 0))
    page.refresh()
    assert page.model.rowCount() == 1
    page.overdue.setChecked(False)
    page.period.setCurrentIndex(page.period.findData("today"))
    assert page.model.rowCount() == 0  # all were received days ago
    page.period.setCurrentIndex(page.period.findData("range"))
    assert page.date_from.isVisibleTo(page)
    assert page.model.rowCount() == 6


def test_clicking_a_header_sorts_by_that_column(page) -> None:
    col = page.model.column_of("name")
    page.table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    names = [page.model.index(r, col).data() for r in range(6)]
    assert names == sorted(names)


def test_enter_on_a_row_opens_the_request(page, qtbot) -> None:
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(2, 3))
    with qtbot.waitSignal(page.request_opened) as blocker:
        QTest.keyClick(page.table, Qt.Key.Key_Return)
    assert blocker.args == [page.model.index(2, 0).data()]


def test_enter_in_search_with_a_single_match_opens_it(page, qtbot) -> None:
    number = page.model.index(0, 0).data()
    page.search.setText(number)
    with qtbot.waitSignal(page.request_opened) as blocker:
        QTest.keyClick(page.search, Qt.Key.Key_Return)
    assert blocker.args == [number]


def test_column_chooser_hides_and_shows_columns(page) -> None:
    col = page.model.column_of("address")
    assert page.table.isColumnHidden(col)
    page.columns_menu.actions()[col].setChecked(True)
    assert not page.table.isColumnHidden(col)
    assert "address" in page.visible_columns()


def test_export_writes_the_current_view_as_csv_and_xlsx(page, tmp_path) -> None:
    page.search.setText("Dewi")
    page.apply_filter()
    page.export_to(tmp_path / "view.csv")
    with (tmp_path / "view.csv").open(encoding="utf-8-sig") as handle:
        lines = list(csv.reader(handle))
    assert lines[0][:3] == ["No. Registrasi", "Tanggal Diterima", "Nama"]
    assert len(lines) == 3 and {line[2] for line in lines[1:]} == {"Dewi Lestari"}
    page.export_to(tmp_path / "view.xlsx")
    sheet = load_workbook(tmp_path / "view.xlsx").active
    assert sheet.max_row == 3 and sheet.cell(2, 3).value == "Dewi Lestari"
    assert "2 baris diekspor" in page.message.text()


def test_export_is_not_offered_to_an_officer(qtbot, desk, officer) -> None:
    widget = RegisterPage(wiring.register(desk), officer, background=False)
    qtbot.addWidget(widget)
    assert not widget.export_button.isEnabled()


def test_background_loading_reaches_the_same_rows(qtbot, desk, officer, walk_in) -> None:
    _fill(desk, officer, walk_in, 3)
    widget = RegisterPage(wiring.register(desk), officer)  # real worker thread
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 3 and not widget.model.loading, timeout=5000)
    widget.search.setText("Budi")
    qtbot.waitUntil(lambda: widget.model.rowCount() == 1 and not widget.model.loading, timeout=5000)


def test_printing_the_register_of_the_period_opens_the_preview(page, desk) -> None:
    from ui.printing import printer_settings
    from ui.printing.preview_dialog import PreviewDialog
    from ui.printing.print_service import PrintService

    class NoPrinters:
        def names(self) -> list[str]:
            return []

        def default(self) -> None:
            return None

    page.services.printing.service = PrintService(
        desk.ctx.data_dir, lambda: printer_settings.load(desk.office), printers=NoPrinters(), background=False
    )
    page.period.setCurrentIndex(page.period.findData("month"))
    page.print_register()
    previews = page.findChildren(PreviewDialog)
    try:
        assert len(previews) == 1 and previews[0].kind == "register"
    finally:
        for preview in previews:
            preview.close()  # a preview left open slows every later test's teardown


def _full_views(desk: DeskServices) -> list[dict[str, Any]]:
    from sqlalchemy import select

    from db.models import AuditEntry

    with desk.ctx.db.reader() as session:
        query = select(AuditEntry.details).where(AuditEntry.action == "view_personal_data")
        return list(session.scalars(query))


def test_a_supervisor_records_a_view_of_contacts_only_when_the_column_is_shown(page, desk, qtbot) -> None:
    """Opening the register, redrawing it and sorting it show nobody's contacts (the column is hidden by
    default): nothing is recorded. Showing the *Nomor Kontak* column is the deliberate view: one entry for the
    page it reads, naming the requests whose contacts it shows."""
    page.model.reload()
    page.table.viewport().repaint()
    page.table.sortByColumn(page.model.column_of("number"), Qt.SortOrder.AscendingOrder)
    assert _full_views(desk) == []
    contact = page.model.column_of("contact")
    action = next(
        a
        for a in page.columns_menu.actions()
        if a.text() == page.model.headerData(contact, Qt.Orientation.Horizontal)
    )
    action.setChecked(True)
    qtbot.waitUntil(lambda: not page.model.loading, timeout=10_000)
    page.table.viewport().repaint()
    views = _full_views(desk)
    assert len(views) == 1 and views[0]["fields"] == ["phone", "email"] and len(views[0]["numbers"]) == 6
    cells = {page.model.index(row, contact).data() for row in range(page.model.rowCount())}
    assert not any("•" in str(cell) for cell in cells), cells


def test_all_time_prints_the_register_from_the_first_request(
    qtbot, desk, supervisor, walk_in, clock, monkeypatch
) -> None:
    """Seen in a real print pass: with *Semua waktu* chosen, *Cetak register periode ini…* printed this month."""
    from datetime import timedelta

    from ui.printing import actions

    first_day = clock.now.date()
    desk.register.receive(supervisor, walk_in())
    clock.now += timedelta(days=75)  # two months later: this month holds only the second request
    desk.register.receive(supervisor, walk_in(requester={"name": "Budi Santoso", "nik": "3673054512850077"}))
    asked: list[tuple[object, object]] = []
    monkeypatch.setattr(
        actions, "print_register", lambda _p, _a, start, end, **_k: asked.append((start, end))
    )
    page = RegisterPage(wiring.register(desk), supervisor, background=False)
    qtbot.addWidget(page)
    page.period.setCurrentIndex(page.period.findData("all"))
    page.print_register()
    page.period.setCurrentIndex(page.period.findData("month"))
    page.print_register()
    today = clock.now.date()
    assert asked == [(first_day, today), (today.replace(day=1), today)]

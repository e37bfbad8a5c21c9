"""Every date field of Pengaturan and of the recording dialogs shows the desk's one format (``ui/kit/dates.py``)
and starts from the desk's clock, not the PC's (issue 16 item 6: one date format per kind of place).

The desk's clock in these tests is Monday 16 March 2026 10.00 (``tests/conftest.py``), a day the PC's own
calendar never shows while they run, so a field that starts from the PC's date is told apart."""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit

from tests.conftest import ADMIN_PASSWORD
from ui.settings.page import SettingsPage
from ui.shell import wiring

DESK_DAY = "16-03-2026"


def test_every_settings_date_field_shows_the_desks_format_and_day(qtbot, desk, supervisor) -> None:
    page = SettingsPage(wiring.settings(desk), supervisor)
    qtbot.addWidget(page)
    fields = {key: panel.findChildren(QDateEdit) for key, panel in page.panels.items()}
    found = {key: edits for key, edits in fields.items() if edits}
    # the calendar's local holiday, the DIK's Tanggal SK and the audit log's date filter
    assert {"calendar", "information_lists", "audit"} <= set(found)
    for key, edits in found.items():
        for edit in edits:
            assert edit.displayFormat() == "dd-MM-yyyy", (key, edit.accessibleName(), edit.displayFormat())
    assert page.panels["calendar"].day.text() == DESK_DAY
    assert page.panels["information_lists"].dik.sk_date.text() == DESK_DAY
    audit = page.panels["audit"]
    assert audit.day_to.text() == DESK_DAY and audit.day_from.text() == "14-02-2026"  # 30 days before


def test_numbering_examples_show_the_desks_year_and_month(qtbot, desk, admin) -> None:
    page = SettingsPage(wiring.settings(desk), admin)
    qtbot.addWidget(page)
    form = page.numbering_form
    form.edits["letter_template"].setText("{classification}/{seq}/{unit}/{month_roman}/{year}")
    assert "/III/2026" in form.examples["letter_template"].text()


def test_the_users_last_sign_in_reads_as_every_other_moment(qtbot, desk, admin) -> None:
    """Not the system locale's short form (``3/16/26 10:00 AM`` on an English Windows)."""
    desk.users.authenticate(admin.username, ADMIN_PASSWORD)
    page = SettingsPage(wiring.settings(desk), admin)
    qtbot.addWidget(page)
    table = page.panels["users"].table
    cells = {
        table.item(row, column).text()
        for row in range(table.rowCount())
        for column in range(table.columnCount())
    }
    assert "16-03-2026 10.00" in cells

"""The audit log panel (Pengaturan → Log audit): a supervisor reads the log, filtered by record; petugas have
no such tab (tests/gui/settings)."""

from __future__ import annotations

from ui.audit.panel import AuditLogPanel
from ui.settings.page import SettingsPage
from ui.shell import wiring


def test_a_supervisor_reads_the_log_and_filters_it_by_record(qtbot, desk, supervisor, officer, intake):
    first = intake(officer).number
    intake(supervisor)
    page = SettingsPage(wiring.settings(desk), supervisor)
    qtbot.addWidget(page)
    page.show_panel("audit")
    panel = page.panels["audit"]
    assert isinstance(panel, AuditLogPanel)
    qtbot.waitUntil(lambda: panel.table.rowCount() >= 2, timeout=10_000)
    assert panel.table.item(0, 2).text() == "Permohonan diterima"
    assert panel.table.item(0, 1).text() == supervisor.username

    panel.record.setText(first)
    panel.apply_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10_000)
    assert panel.table.item(0, 1).text() == officer.username
    assert panel.table.item(0, 5).text().startswith("#")
    assert panel.count_label.text() == "1 entri"

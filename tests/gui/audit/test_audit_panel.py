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


def test_the_details_read_as_labels_and_texts_not_json(qtbot, desk, supervisor, officer, intake):
    """Issue 16 item 6: the *Rincian* column names each field by its label and each code by its text (from the
    field tables), in Indonesian; the action is named as the timeline names it."""
    number = intake(officer).number
    desk.actions.act(officer, number, "extend", {"reason": "belum_dikuasai"})
    page = SettingsPage(wiring.settings(desk), supervisor)
    qtbot.addWidget(page)
    panel = page.panels["audit"]
    assert isinstance(panel, AuditLogPanel)
    panel.record.setText(number)
    panel.apply_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=10_000)
    assert panel.table.item(0, 2).text() == "Permohonan: Perpanjangan waktu"
    details = panel.table.item(0, 4).text()
    # the record's own number is in *Catatan* already
    assert panel.table.item(0, 3).text() == f"Permohonan {number}"
    assert details == "Alasan perpanjangan: Informasi yang diminta belum dikuasai"
    assert panel.table.item(0, 4).toolTip() == details
    assert panel.table.item(1, 4).text() == ""


def test_a_changed_setting_and_a_viewed_list_read_in_words(desk, supervisor, admin):
    """Siblings: a group of values (the office's before and after), field names (what a list revealed),
    a role, a boolean and a date, each as a person reads them."""
    from app.services.audit_details import describe

    assert describe("office", {"old": {"address": "", "phone": "0254"}, "new": {"address": "Jl. A"}}) == (
        "Sebelumnya: Alamat –, Telepon “0254”; Menjadi: Alamat “Jl. A”"
    )
    numbers = [f"A-{i}" for i in range(7)]
    assert describe("register", {"fields": ["phone", "email"], "numbers": numbers}) == (
        "Data: Telepon, Email; Nomor: A-0, A-1, A-2, A-3, A-4 dan 2 lainnya"
    )
    assert describe("user", {"username": "siti", "role": "supervisor"}) == (
        "Nama pengguna: siti; Peran: Supervisor (PPID Pelaksana)"
    )
    assert describe("calendar", {"day": "2026-08-17", "name": "HUT RI", "note": None}) == (
        "Tanggal: 17-08-2026; Nama: HUT RI"
    )
    assert describe("objection", {"number": "K-1", "late": False, "decision": "dikabulkan"}) == (
        "Nomor registrasi: K-1; Diajukan terlambat: Tidak; Keputusan: Keberatan dikabulkan"
    )

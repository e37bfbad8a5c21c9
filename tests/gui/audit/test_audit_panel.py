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
    export = {"format": "csv", "rows": 3, "filter": {"from": "2026-01-01", "status": ["verifikasi"]}}
    assert describe("register", export, "export") == (
        "Format: csv; Jumlah baris: 3; Saringan: Dari tanggal “01-01-2026”, Status “Menunggu verifikasi kelengkapan”"
    )
    assert describe("report", {"year": 2026, "sections": ["sdm"]}) == (
        "Tahun: 2026; Bagian narasi: Sumber daya manusia"
    )
    assert describe("letter", {"kind": "notice"}) == "Jenis: Pemberitahuan Tertulis"
    assert describe("objection", {"number": "K-1", "late": False, "decision": "dikabulkan"}) == (
        "Nomor registrasi: K-1; Diajukan terlambat: Tidak; Keputusan: Keberatan dikabulkan"
    )


def test_at_150_percent_nothing_is_cut_and_the_table_does_not_scroll_sideways(
    qtbot, desk, supervisor, officer, intake
):
    """1366×768 at 150 %: the settings page gets about 600 logical pixels; the action, the record and the
    details wrap in their cells instead of running off the table's edge."""
    from PySide6.QtWidgets import QApplication, QStyle

    from ui.kit.tables import text_height

    number = intake(officer).number
    desk.actions.act(officer, number, "extend", {"reason": "belum_didokumentasikan"})
    page = SettingsPage(wiring.settings(desk), supervisor)
    qtbot.addWidget(page)
    page.resize(600, 560)
    page.show()
    page.show_panel("audit")
    panel = page.panels["audit"]
    assert isinstance(panel, AuditLogPanel)
    table = panel.table
    qtbot.waitUntil(lambda: table.rowCount() >= 2, timeout=10_000)
    QApplication.processEvents()
    assert table.horizontalScrollBar().maximum() == 0, "the table scrolls sideways"
    last = table.columnCount() - 1
    assert table.columnViewportPosition(last) + table.columnWidth(last) <= table.viewport().width()
    # the text's room in a cell: the cell less the style's focus frame on each side, as the delegate lays it out
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            text = table.item(row, column).text()
            needed = text_height(table.font(), text, table.columnWidth(column) - margin)
            assert needed <= table.rowHeight(row), (text, needed, table.rowHeight(row))


def test_a_calendar_entry_names_its_kind_in_words(qtbot, desk, admin, supervisor):
    """Issue 16 item 6: a local holiday's stored kind (``libur_lokal``) reads as its text in *Rincian*, from the
    calendar's field table, and no stored code of the entry is shown."""
    from datetime import date

    desk.calendar.add(admin, day=date(2026, 4, 1), name="HUT Kota Serang")
    desk.calendar.add(admin, day=date(2026, 4, 4), name="Pelayanan Sabtu", kind="hari_kerja")
    page = SettingsPage(wiring.settings(desk), supervisor)
    qtbot.addWidget(page)
    panel = page.panels["audit"]
    assert isinstance(panel, AuditLogPanel)
    qtbot.waitUntil(lambda: panel.table.rowCount() >= 2, timeout=10_000)
    assert (
        panel.table.item(0, 4).text()
        == "Tanggal: 04-04-2026; Jenis: Hari kerja pengganti; Nama: Pelayanan Sabtu"
    )
    assert panel.table.item(1, 4).text() == "Tanggal: 01-04-2026; Jenis: Libur lokal; Nama: HUT Kota Serang"


def test_a_dik_entry_names_its_fields_by_the_dik_table():
    """Sibling: a DIK entry's details read "article: h"; its fields are labelled by the DIK field table."""
    from app.services.audit_details import describe

    assert (
        describe("dik", {"article": "h", "sk_number": "800/12"})
        == "Pasal 17 huruf: h; Nomor SK penetapan: 800/12"
    )
    assert describe("dip", {"title": "Rencana kerja"}) == "Judul informasi: Rencana kerja"

"""The Laporan page over a small register made through the real services (the figures' own rules are checked
by tests/unit/services/test_reports.py): the totals of a period, a bad period, the requests behind a figure,
the narrative, what a petugas sees, the PDF and XLSX exports, printing, and the dashboard's link.

The register (today is Monday 16 March 2026, the ``clock`` fixture):

===  ==========  ===============  =====================================
key  received    channel          what happens
===  ==========  ===============  =====================================
old  30-12-2025  datang langsung  (outside 2026)
feb  10-02-2026  datang langsung  open
ans  02-03-2026  datang langsung  answered (diterima) Monday 9 March
eml  10-03-2026  email            open
now  16-03-2026  datang langsung  open
===  ==========  ===============  =====================================

2026: 4 requests (February 1, March 3; diterima 1, belum selesai 3); 2026-03: 3 requests.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

import pypdf
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from app.domain.periods import PeriodError, parse_period
from ui.dashboard.page import DashboardPage
from ui.printing import printer_settings
from ui.printing.preview_dialog import PreviewDialog
from ui.printing.print_service import PrintService
from ui.reports.page import ReportsPage
from ui.shell import wiring
from ui.shell.pages import BY_KEY, SIDEBAR

OFFICE = "Kecamatan Cipocok Jaya"


@pytest.fixture
def register(desk, officer, intake) -> dict[str, str]:
    def at(day: datetime) -> str:
        return day.isoformat()

    made = {
        "old": intake(officer, received_at=at(datetime(2025, 12, 30, 9))).number,
        "feb": intake(officer, received_at=at(datetime(2026, 2, 10, 9))).number,
        "ans": intake(officer, received_at=at(datetime(2026, 3, 2, 9))).number,
        "eml": intake(officer, received_at=at(datetime(2026, 3, 10, 9)), channel="email").number,
        "now": intake(officer).number,
    }
    desk.actions.act(
        officer, made["ans"], "respond", {"decision": "diterima", "info_form": "softcopy"},
        at=datetime(2026, 3, 9, 10),
    )  # fmt: skip
    return made


def open_page(qtbot: Any, desk: Any, actor: Any) -> ReportsPage:
    page = ReportsPage(wiring.reports(desk), actor, background=False)
    qtbot.addWidget(page)
    return page


def figure(page: ReportsPage, what: str, value: Any = "") -> str:
    item = page.figures.item_for((what, value))
    assert item is not None, (what, value)
    return item.text(1)


def show(page: ReportsPage, text: str) -> None:
    page.period_edit.setText(text)
    page.period_edit.setFocus()
    page.show_period()


def test_the_page_is_declared_once_with_its_shortcut():
    assert "reports" in SIDEBAR
    spec = BY_KEY["reports"]
    assert (spec.title, spec.shortcut) == ("Laporan", "Ctrl+6")


def test_opens_on_this_year_with_its_totals(qtbot, desk, supervisor, register):
    page = open_page(qtbot, desk, supervisor)
    assert page.period_edit.text() == "2026"
    assert figure(page, "all") == "4"
    assert figure(page, "month", "2026-02") == "1"
    assert figure(page, "month", "2026-03") == "3"
    assert figure(page, "outcome", "diterima") == "1"
    assert figure(page, "outcome", "belum_selesai") == "3"
    assert figure(page, "channel", "email") == "1"
    assert "Tahun 2026" in page.status.text()
    assert "Maret 2026: 3" in page.chart.accessibleDescription() or page.chart.values[2][1] == 3


def test_the_english_page_names_its_period_months_channels_and_outcomes_in_english(
    qtbot, desk, supervisor, register
):
    """Seen on the English Laporan page: *Tahun 2026 — 274 requests*, and under *By month*, *By channel*, *By
    outcome* the Indonesian *Februari 2026*, *Datang langsung*, *Belum selesai pada akhir periode*."""
    from ui.kit import i18n

    i18n.install("en")
    try:
        page = open_page(qtbot, desk, supervisor)
        assert page.status.text() == "Year 2026 — 4 requests"
        names = {page.figures.item_for(key).text(0) for key in (("month", "2026-02"), ("channel", "datang_langsung"),
                 ("channel", "email"), ("outcome", "diterima"), ("outcome", "belum_selesai"))}  # fmt: skip
        assert names == {
            "February 2026",
            "In person",
            "Email",
            "Granted",
            "Not finished at the end of the period",
        }
        show(page, "2026-S1")
        assert page.status.text().startswith("Semester I of 2026 (2026-S1) — ")
    finally:
        i18n.install("id")


def test_a_month_then_a_bad_period_keeps_the_figures_and_says_why(qtbot, desk, supervisor, register):
    page = open_page(qtbot, desk, supervisor)
    page.show()
    show(page, "2026-03")
    assert figure(page, "all") == "3"
    with pytest.raises(PeriodError) as expected:
        parse_period("2026-13")
    show(page, "2026-13")
    assert page.error.isVisible()
    assert page.error.text() == str(expected.value)
    assert figure(page, "all") == "3"  # what was shown stays
    assert page.period is not None and page.period.code == "2026-03"
    show(page, "2026-01-01..2026-02-28")
    assert not page.error.isVisible()
    assert figure(page, "all") == "1"


def test_a_figure_lists_its_requests_and_opens_one(qtbot, desk, supervisor, register):
    page = open_page(qtbot, desk, supervisor)
    page.show()
    item = page.figures.item_for(("outcome", "diterima"))
    assert item is not None
    page.figures.setFocus()
    page.figures.setCurrentItem(item)
    qtbot.keyClick(page.figures, Qt.Key.Key_Return)
    assert page.rows.rowCount() == 1
    assert page.rows.item(0, 0).text() == register["ans"]
    assert page.rows.item(0, 4).text() == "5"  # 2..9 March: 3, 4, 5, 6, 9
    page.figures.setCurrentItem(page.figures.item_for(("month", "2026-03")))
    qtbot.keyClick(page.figures, Qt.Key.Key_Return)
    listed = {page.rows.item(i, 0).text() for i in range(page.rows.rowCount())}
    assert listed == {register["ans"], register["eml"], register["now"]}
    page.rows.setFocus()
    page.rows.setCurrentCell(0, 0)
    with qtbot.waitSignal(page.request_opened) as opened:
        qtbot.keyClick(page.rows, Qt.Key.Key_Return)
    assert opened.args == [register["ans"]]


def test_the_narrative_saves_and_reloads(qtbot, desk, supervisor, register):
    page = open_page(qtbot, desk, supervisor)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.period_edit.setFocus()
    qtbot.keyClick(page.period_edit, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentIndex() == 1
    qtbot.waitUntil(lambda: page.form.widgets["kebijakan"].hasFocus())
    assert page.narrative_title.text() == "Narasi laporan tahun 2026"
    page.form.widgets["kebijakan"].setPlainText("SK PPID diperbarui Januari 2026.")
    page.form.widgets["kendala_eksternal"].setPlainText("Jaringan internet sering putus.")
    with qtbot.waitSignal(page.narrative_saved):
        page.save_narrative()
    again = open_page(qtbot, desk, supervisor)
    assert again.form.widgets["kebijakan"].toPlainText() == "SK PPID diperbarui Januari 2026."
    assert again.form.widgets["kendala_eksternal"].toPlainText() == "Jaringan internet sering putus."
    assert desk.reports.narrative(supervisor, 2026)["kebijakan"] == "SK PPID diperbarui Januari 2026."


def test_a_too_long_narrative_is_refused_next_to_its_field(qtbot, desk, supervisor, register):
    page = open_page(qtbot, desk, supervisor)
    page.form.widgets["sdm"].setPlainText("x" * 20_001)
    page.save_narrative()
    assert "terlalu panjang" in page.form.error("sdm")
    assert desk.reports.narrative(supervisor, 2026)["sdm"] == ""


def test_a_petugas_sees_who_prepares_the_report_and_no_figures(qtbot, desk, officer, register):
    page = open_page(qtbot, desk, officer)
    assert not page.allowed
    notice = page.findChild(type(page.status) if hasattr(page, "status") else object, "notice")
    assert notice is not None and "supervisor atau administrator" in notice.text()
    assert not hasattr(page, "figures") and page.report is None
    page.shown()
    assert page.report is None


def test_export_pdf_has_the_office_and_the_total_and_xlsx_the_requests(
    qtbot, desk, admin, register, tmp_path
):
    page = open_page(qtbot, desk, admin)
    show(page, "2026-03")
    target = tmp_path / "laporan.pdf"
    with qtbot.waitSignal(page.exported):
        page.export_to(target)
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert OFFICE.upper() in text.upper()
    assert "Maret 2026" in text
    flat = " ".join(text.split())  # reportlab wraps the paragraph's lines
    assert "menerima 3 permohonan" in flat and "Maret 2026 3" in flat
    book = tmp_path / "laporan.xlsx"
    with qtbot.waitSignal(page.exported):
        page.export_to(book)
    numbers = {
        str(cell.value)
        for sheet in load_workbook(book).worksheets
        for row in sheet.iter_rows()
        for cell in row
    }
    assert {register["ans"], register["eml"], register["now"]} <= numbers
    assert register["feb"] not in numbers


def test_print_opens_the_preview_of_the_report(qtbot, desk, supervisor, register):
    class NoPrinters:
        def names(self) -> list[str]:
            return []

        def default(self) -> None:
            return None

    service = PrintService(
        Path(desk.office.data_folder()), lambda: printer_settings.load(desk.office), printers=NoPrinters(),
        background=False,
    )  # fmt: skip
    page = ReportsPage(wiring.reports(desk), supervisor, background=False)
    page.services.printing.service = service
    qtbot.addWidget(page)
    page.print_preview()
    previews = page.findChildren(PreviewDialog)
    try:
        assert len(previews) == 1 and previews[0].kind == "laporan"
        assert previews[0].document.pageCount() >= 1
    finally:
        for preview in previews:
            preview.close()


def test_the_dashboard_chart_links_to_the_report(qtbot, desk, officer, register):
    page = DashboardPage(wiring.dashboard(desk))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=30_000):  # its own load ends within the test
        pass
    with qtbot.waitSignal(page.page_requested) as asked:
        page.report_button.click()
    assert asked.args == ["reports", ""]
    with qtbot.waitSignal(page.page_requested) as clicked:
        qtbot.mouseClick(page.chart, Qt.MouseButton.LeftButton)
    assert clicked.args == ["reports", ""]


def test_a_page_closed_while_its_figures_are_read_drops_them(qtbot, desk, supervisor, register):
    """The window closes (logout, quit) while a year is being read on a worker thread: the figures arriving
    afterwards must not touch the deleted page (a RuntimeError in Qt's event loop, or worse)."""
    import shiboken6

    from ui.kit.tasks import runner

    page = ReportsPage(wiring.reports(desk), supervisor)  # background=True, as in the window
    shiboken6.delete(page)
    runner().wait()
    qtbot.wait(50)  # the queued delivery runs here


def test_city_desk_reports_every_office_with_a_line_each(qtbot, desk, supervisor, register, tmp_path) -> None:
    """On PPID Utama's desk *Seluruh kota* counts every office the register holds, lists a line per office
    (the one behind in bold, first) and exports the city report; an office desk is not offered the box."""
    from sqlalchemy import update

    from db.models import Request
    from ppid_protocol.wire import DeskEntry, OfficeEntry
    from tests.city_desk import record_enrollment

    office_desk = open_page(qtbot, desk, supervisor)
    assert office_desk.city_box.isHidden() and office_desk.tabs.count() == 2
    serang = OfficeEntry(code="3673.01", name="Kecamatan Serang", desks=[DeskEntry(desk_letter="B")])
    record_enrollment(
        desk.ctx.db, "3673", city=True, office_list=[serang], fetched_at=datetime(2026, 3, 16, 8)
    )
    with desk.ctx.db.transaction() as s:
        s.execute(update(Request).where(Request.number == register["feb"]).values(office_code="3673.01"))
    page = open_page(qtbot, desk, supervisor)
    show(page, "2026")
    assert figure(page, "all") == "3"  # this office's own: feb moved to Kecamatan Serang
    assert not page.city_box.isHidden() and page.tabs.tabText(2) == "Per ka&ntor"
    page.city_box.setChecked(True)  # reads the city report (the enrolled address answers nothing: kept list)
    assert figure(page, "all") == "4" and page.city is not None
    table = page.city_view.table
    first = [table.item(0, c).text() for c in range(table.columnCount())]
    assert (
        first[0] == "Kecamatan Serang (3673.01)" and first[1] == "1" and first[5] == "1"
    )  # past its deadline
    assert table.item(0, 0).font().bold() and first[7] == "B: belum pernah"
    assert "2 kantor, 1 perlu perhatian" in page.city_view.caption.text()
    out = tmp_path / "kota.pdf"
    with qtbot.waitSignal(page.exported):
        page.export_to(out)
    text = " ".join(
        " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages).split()
    )
    assert "SELURUH PERANGKAT DAERAH" in text and "Kecamatan Serang (3673.01)" in text
    assert page._file_name("pdf") == "laporan-layanan-informasi-kota-2026.pdf"

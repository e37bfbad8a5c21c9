"""The Agenda Surat page over letters issued through the real services: what it lists, narrowing by year, kind
and text, the XLSX/CSV exports against the table, opening a letter's request, printing and its place in the
window. Today is Monday 16 March 2026 (the ``clock`` fixture); every letter below is dated 2026.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pypdf
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from ui.agenda.page import AgendaPage
from ui.printing import printer_settings
from ui.printing.preview_dialog import PreviewDialog
from ui.printing.print_service import PrintService
from ui.shell import wiring
from ui.shell.pages import BY_KEY, SIDEBAR

ANSWER = {"decision": "diterima", "info_form": "softcopy"}
RINA = "Rina Kartika, S.Sos."
BUDI_NIK = "3673051203900003"
REJECT = {"article": "h", "consequence_test": "Membuka informasi ini merugikan kepentingan umum " * 2}


@pytest.fixture
def letters(desk, admin, officer, supervisor, intake) -> dict[str, Any]:
    """Siti's notice (A4), Budi's rejection (F4, issued by Rina) and Siti's second notice, in that order."""
    desk.users.add(admin, username="rina", full_name=RINA, role="supervisor", password="rahasia-rina-2026")
    rina = desk.users.authenticate("rina", "rahasia-rina-2026")
    siti = intake(officer).number
    budi = intake(
        officer, requester={"name": "Budi Santoso", "nik": BUDI_NIK}, information="Daftar aset"
    ).number
    later = intake(officer, information="Laporan keuangan 2025").number
    desk.actions.act(supervisor, siti, "respond", ANSWER)
    desk.actions.act(supervisor, budi, "reject", REJECT)
    desk.actions.act(supervisor, later, "respond", ANSWER)
    return {
        "requests": (siti, budi, later),
        "numbers": (
            desk.letters.issue(supervisor, "notice", siti).number,
            desk.letters.issue(rina, "rejection", budi, paper="F4").number,
            desk.letters.issue(supervisor, "notice", later).number,
        ),
    }


def open_page(qtbot: Any, desk: Any, actor: Any, **kw: Any) -> AgendaPage:
    page = AgendaPage(wiring.agenda(desk), actor, background=False, **kw)
    qtbot.addWidget(page)
    return page


def table_rows(page: AgendaPage) -> list[list[str]]:
    table = page.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_page_lists_every_issued_letter_of_the_year_as_the_agenda_gives_it(
    qtbot, desk, supervisor, letters
):
    page = open_page(qtbot, desk, supervisor)
    siti, budi, later = letters["requests"]
    notice, rejection, second = letters["numbers"]
    assert table_rows(page) == [
        ["1", notice, "16-03-2026", "Pemberitahuan Tertulis", siti, "Siti Aminah", supervisor.full_name, "A4"],
        ["2", rejection, "16-03-2026", "Surat Keputusan PPID tentang Penolakan", budi, "Budi Santoso", RINA,
         "F4"],
        ["3", second, "16-03-2026", "Pemberitahuan Tertulis", later, "Siti Aminah", supervisor.full_name, "A4"],
    ]  # fmt: skip
    assert page.status.text() == "3 surat keluar tahun 2026"


def test_year_kind_and_text_narrow_the_list(qtbot, desk, supervisor, letters):
    page = open_page(qtbot, desk, supervisor)
    notice, rejection, second = letters["numbers"]
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("rejection"))
    assert [row[1] for row in table_rows(page)] == [rejection]
    assert page.status.text() == "1 dari 3 surat keluar tahun 2026"
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("notice"))
    qtbot.keyClicks(page.search_edit, "laporan")  # no column holds it: the information is not listed
    assert table_rows(page) == []
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, letters["requests"][2][-8:].lower())  # the registration number
    assert [row[1] for row in table_rows(page)] == [second]
    page.kind_combo.setCurrentIndex(0)
    page.search_edit.setText("BUDI")
    assert [row[1] for row in table_rows(page)] == [rejection]
    page.search_edit.setText("kartika")  # the issuer's full name
    assert [row[1] for row in table_rows(page)] == [rejection]
    page.search_edit.clear()
    page.year_spin.setValue(2025)  # read again for that year
    assert table_rows(page) == [] and page.status.text() == "0 surat keluar tahun 2025"
    page.year_spin.setValue(2026)
    assert [row[1] for row in table_rows(page)] == [notice, rejection, second]


def test_exports_write_the_lines_on_screen(qtbot, desk, supervisor, letters, tmp_path: Path):
    page = open_page(qtbot, desk, supervisor)
    page.search_edit.setText("siti")
    shown = table_rows(page)
    assert len(shown) == 2
    with qtbot.waitSignal(page.exported) as xlsx_signal:
        page.export_to(tmp_path / "agenda.xlsx")
    assert xlsx_signal.args == [str(tmp_path / "agenda.xlsx")]
    sheet = load_workbook(tmp_path / "agenda.xlsx").active
    assert sheet is not None
    header = [cell.value for cell in sheet[1]]
    cells = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert header[:2] == ["No.", "Nomor Surat"] and len(cells) == 2
    for on_screen, row in zip(shown, cells, strict=True):
        assert row[1] == on_screen[1] and row[2].strftime("%d-%m-%Y") == on_screen[2]
        assert row[header.index("Kepada")] == on_screen[5] == "Siti Aminah"
        assert row[header.index("Perihal")] == on_screen[3]
        assert row[header.index("Diterbitkan oleh")] == on_screen[6]
        assert row[header.index("Kertas")] == on_screen[7]
    with qtbot.waitSignal(page.exported):
        page.export_to(tmp_path / "agenda.csv")
    with open(tmp_path / "agenda.csv", encoding="utf-8-sig") as handle:
        lines = list(csv.reader(handle))
    assert [line[1] for line in lines[1:]] == [row[1] for row in shown]
    assert [line[header.index("Nomor Pendaftaran")] for line in lines[1:]] == [row[4] for row in shown]


def test_export_buttons_follow_the_export_right(qtbot, desk, officer, supervisor, letters):
    from app.domain.permissions import Permission

    for actor in (officer, supervisor):
        page = open_page(qtbot, desk, actor)
        assert len(table_rows(page)) == 3  # every officer reads the agenda
        may = actor.can(Permission.EXPORT)
        assert page.xlsx_button.isEnabled() is may and page.csv_button.isEnabled() is may


def test_enter_on_a_letter_opens_its_request(qtbot, desk, supervisor, letters):
    page = open_page(qtbot, desk, supervisor)
    page.show()
    page.table.setFocus()
    page.table.setCurrentCell(1, 1)
    with qtbot.waitSignal(page.request_opened) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [letters["requests"][1]]


def test_a_new_letter_appears_when_the_window_says_letters_changed(qtbot, desk, supervisor, intake, letters):
    from app.services.changes import Changes

    page = open_page(qtbot, desk, supervisor)
    number = intake(supervisor).number
    desk.actions.act(supervisor, number, "respond", ANSWER)
    issued = desk.letters.issue(supervisor, "notice", number).number
    page.apply_changes(Changes.of(letters=True))  # not on top: read when next shown
    assert len(table_rows(page)) == 3
    page.shown()
    assert table_rows(page)[-1][1] == issued


def test_print_previews_the_agenda_as_narrowed(qtbot, desk, supervisor, letters):
    class NoPrinters:
        def names(self) -> list[str]:
            return []

        def default(self) -> None:
            return None

    service = PrintService(
        Path(desk.office.data_folder()), lambda: printer_settings.load(desk.office), printers=NoPrinters(),
        background=False,
    )  # fmt: skip
    page = open_page(qtbot, desk, supervisor)
    page.services.printing.service = service
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("rejection"))
    page.print_preview()
    previews = page.findChildren(PreviewDialog)
    try:
        assert len(previews) == 1 and previews[0].kind == "agenda"
        text = pypdf.PdfReader(io.BytesIO(previews[0].pdf)).pages[0].extract_text()
        notice, rejection, _ = letters["numbers"]
        assert rejection in text and notice not in text and "BUKU AGENDA SURAT KELUAR" in text
    finally:
        for preview in previews:
            preview.close()


def test_the_page_is_declared_once_in_the_sidebar_with_its_shortcut():
    spec = BY_KEY["agenda"]
    assert (spec.title, spec.shortcut) == ("Agenda Surat", "Ctrl+7") and "agenda" in SIDEBAR
    shortcuts = [s.shortcut for s in BY_KEY.values() if s.shortcut]
    assert len(shortcuts) == len(set(shortcuts))

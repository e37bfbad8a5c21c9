"""Keberatan from the officer's side: filing from a request, the Register Keberatan page, every later step."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.domain.lifecycle import ObjectionAction, ObjectionStatus
from ui.objections.dialog import ObjectionFileDialog
from ui.objections.page import ObjectionsPage
from ui.shell import wiring


@pytest.fixture
def rejected(desk, officer, walk_in) -> str:
    number = desk.register.receive(officer, walk_in()).number
    desk.actions.act(officer, number, "reject", {"article": "h", "consequence_test": "x" * 30})
    return number


@pytest.fixture
def filed(desk, officer, rejected) -> str:
    return desk.objections.add(
        officer, request_number=rejected, grounds=["a"], body={"case_summary": "Tidak adil"}
    ).number


def _page(qtbot, desk, actor) -> ObjectionsPage:
    page = ObjectionsPage(wiring.objections(desk), actor, background=False)
    qtbot.addWidget(page)
    page.resize(1166, 720)
    page.show()
    return page


def _step(page: ObjectionsPage, action: ObjectionAction, **fields: str) -> None:
    dialog = page.open_action(action)
    for key, value in fields.items():
        widget = dialog.f.widgets[key]
        if hasattr(widget, "findData") and widget.findData(value) >= 0:
            widget.setCurrentIndex(widget.findData(value))
        elif hasattr(widget, "setPlainText"):
            widget.setPlainText(value)
        else:
            widget.setText(value)
    dialog.save()
    QApplication.processEvents()


def test_filing_needs_a_ground_then_issues_a_number(qtbot, desk, officer, rejected) -> None:
    dialog = ObjectionFileDialog(wiring.objections(desk), officer, rejected, background=False)
    qtbot.addWidget(dialog)
    dialog.save()
    assert "huruf a sampai g" in dialog.f.error("grounds")
    dialog.grounds["a"].setChecked(True)
    dialog.grounds["f"].setChecked(True)
    dialog.has_proxy.setChecked(True)
    dialog.save()
    assert "kuasa" in dialog.f.error("proxy").lower()
    dialog.proxy_name.setText("LBH Serang")
    dialog.case.setPlainText("Penolakan tanpa uji konsekuensi yang memadai")
    dialog.save()
    view = dialog.result_view
    assert view is not None and view.grounds == ["a", "f"] and view.proxy["name"] == "LBH Serang"
    assert view.status == ObjectionStatus.REGISTERED and view.due_response is not None


def test_register_keberatan_lists_it_with_the_requester_name(qtbot, desk, officer, filed, rejected) -> None:
    page = _page(qtbot, desk, officer)
    assert page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == filed
    assert page.table.item(0, 2).text() == "Siti Aminah"
    assert page.table.item(0, 3).text() == rejected
    page.show_objection(filed)
    assert page.current is not None and page.current.number == filed
    assert set(page.action_buttons) == {
        ObjectionAction.DECIDE,
        ObjectionAction.DISPUTE,
    }  # no void for petugas
    with qtbot.waitSignal(page.request_opened) as blocker:
        page.open_request_button.click()
    assert blocker.args == [rejected]


def test_decision_response_sengketa_and_outcome(qtbot, desk, officer, filed) -> None:
    page = _page(qtbot, desk, officer)
    page.show_objection(filed)
    _step(page, ObjectionAction.DECIDE, decision="ditolak", text="Menguatkan keputusan PPID")
    dialog = page.last_dialog
    assert dialog is not None and "Atasan PPID" in dialog.f.error("atasan_name")  # no official configured
    dialog.f.widgets["atasan_name"].setText("Drs. H. Ahmad Fauzi")
    dialog.f.widgets["atasan_position"].setText("Sekretaris Camat")
    dialog.save()
    QApplication.processEvents()
    assert page.current is not None and page.current.status == ObjectionStatus.DECIDED
    assert page.table.item(0, 7).text().startswith("Keberatan ditolak")
    _step(page, ObjectionAction.REQUESTER_RESPONSE, response="Pemohon tidak menerima tanggapan")
    assert page.current.requester_response == "Pemohon tidak menerima tanggapan"
    _step(page, ObjectionAction.DISPUTE, register_number="REG/KI-BANTEN/12/2026")
    assert page.current.status == ObjectionStatus.DISPUTED
    _step(page, ObjectionAction.DISPUTE_OUTCOME, outcome="mediasi_berhasil", text="Informasi diberikan")
    assert page.current.status == ObjectionStatus.CLOSED
    assert desk.objections.get(officer, filed).dispute_outcome == "mediasi_berhasil"


def test_sengketa_before_the_atasan_deadline_is_refused_plainly(qtbot, desk, officer, filed) -> None:
    page = _page(qtbot, desk, officer)
    page.show_objection(filed)
    _step(page, ObjectionAction.DISPUTE)
    assert "baru dapat diajukan" in page.last_dialog.general_error.text()
    assert desk.objections.get(officer, filed).status == ObjectionStatus.REGISTERED


def test_supervisor_voids_and_filter_by_status(qtbot, desk, supervisor, filed) -> None:
    page = _page(qtbot, desk, supervisor)
    page.show_objection(filed)
    assert ObjectionAction.VOID in page.action_buttons
    _step(page, ObjectionAction.VOID, reason="Salah catat nomor permohonan")
    assert desk.objections.get(supervisor, filed).status == ObjectionStatus.VOID
    page.status.setCurrentIndex(page.status.findData("terdaftar"))
    assert page.table.rowCount() == 0
    page.status.setCurrentIndex(page.status.findData("batal"))
    assert page.table.rowCount() == 1


class _NoPrinters:
    """A PC with no printer: the preview saves PDFs only."""

    def names(self) -> list[str]:
        return []

    def default(self) -> None:
        return None


def _page_without_printers(qtbot, desk, actor) -> ObjectionsPage:
    from ui.printing import printer_settings
    from ui.printing.print_service import PrintService

    page = _page(qtbot, desk, actor)
    page.services.printing.service = PrintService(
        desk.ctx.data_dir,
        lambda: printer_settings.load(desk.office),
        printers=_NoPrinters(),
        background=False,
    )
    return page


def test_keberatan_form_prints_through_the_preview(qtbot, desk, officer, filed) -> None:
    from ui.printing.preview_dialog import PreviewDialog

    page = _page_without_printers(qtbot, desk, officer)
    page.show_objection(filed)
    page.print_button.click()
    previews = page.findChildren(PreviewDialog)
    try:
        assert len(previews) == 1 and previews[0].number == filed
    finally:
        for preview in previews:
            preview.close()  # a preview left open slows every later test's teardown


def _full_views(desk) -> int:
    from sqlalchemy import func, select

    from db.models import AuditEntry

    with desk.ctx.db.reader() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "view_personal_data")
            )
            or 0
        )


def test_listing_keberatan_records_no_full_view_per_row(
    qtbot, desk, officer, supervisor, walk_in, filed
) -> None:
    """The list shows each requester's name only: drawing it (and drawing it again) is no deliberate view of
    anyone's NIK, telephone or e-mail, so the audit log gains nothing; opening the request still records one."""
    for _ in range(2):
        number = desk.register.receive(officer, walk_in(), confirm_warnings=True).number
        desk.actions.act(officer, number, "reject", {"article": "h", "consequence_test": "x" * 30})
        desk.objections.add(
            officer, request_number=number, grounds=["a"], body={"case_summary": "Tidak adil"}
        )
    before = _full_views(desk)
    page = _page(qtbot, desk, supervisor)
    page.refresh()
    assert page.table.rowCount() == 3
    assert {page.table.item(row, 2).text() for row in range(3)} == {"Siti Aminah"}
    assert _full_views(desk) == before
    desk.register.get(supervisor, page.table.item(0, 3).text())
    assert _full_views(desk) == before + 1


def test_the_register_keberatan_prints_from_the_page(qtbot, desk, officer, filed) -> None:
    """Seen in a real print pass: the workstation printed the Register Permohonan but offered no way to print
    the Register Keberatan (only ``ppid-desk print register --objections``). The page prints the keberatan
    filed this year through the preview every document uses."""
    from pdf_text import pdf_text

    from ui.printing.preview_dialog import PreviewDialog

    page = _page_without_printers(qtbot, desk, officer)
    page.register_button.click()
    previews = page.findChildren(PreviewDialog)
    try:
        [preview] = previews
        text = pdf_text(preview.pdf)
        assert "REGISTER KEBERATAN" in text and "Jumlah keberatan: 1" in text
        assert filed.rsplit("/", 1)[1] in text  # the number, wrapped in its column
        # the preview names the register and its period as people read dates, not a code of the file name
        # (it said "Register Permohonan / Keberatan — keberatan-2026-01-01_2026-03-16")
        assert preview.windowTitle() == "Pratinjau cetak — Register Keberatan 01-01-2026 s.d. 16-03-2026"
        heading = preview.heading.text()
        assert "Register Keberatan 01-01-2026 s.d. 16-03-2026" in heading
        assert "2026-01-01" not in heading and "/ Keberatan" not in heading
        assert "1 Januari 2026 s.d. 16 Maret 2026" in text  # the year so far, by the desk's clock
    finally:
        for preview in previews:
            preview.close()

"""RequestPage from the officer's side: every field, deadlines with their reason, timeline, allowed actions."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QToolButton

from app.domain.lifecycle import Action, Status
from app.services.changes import Changes
from ui.request.page import RequestPage
from ui.shell import wiring


@pytest.fixture
def page_for(qtbot, desk):
    def make(actor):
        page = RequestPage(wiring.request(desk), actor, background=False)
        qtbot.addWidget(page)
        page.resize(1166, 700)
        page.show()
        return page

    return make


def _open(page: RequestPage, number: str) -> None:
    page.show_request(number)
    QApplication.processEvents()  # widgets added to a shown page appear on the next event loop pass


def _texts(page: RequestPage) -> str:
    return "\n".join(label.text() for label in page.details_area.widget().findChildren(QLabel))


def test_shows_every_field_and_the_status(page_for, desk, officer, walk_in) -> None:
    number = desk.register.receive(officer, walk_in()).number
    page = page_for(officer)
    _open(page, number)
    assert page.number.text() == number
    assert page.status.text() == "Diproses"
    texts = _texts(page)
    for expected in ("Siti Aminah", "Jl. Bhayangkara", "Guru", "s•••h@example.id", "Salinan DPA",
                     "Penelitian skripsi", "Mendapatkan salinan (softcopy)", "Fotokopi KTP", "3673••••••••0012"):  # fmt: skip
        assert expected in texts, expected
    assert "siti.aminah@example.id" not in texts  # a petugas sees the e-mail masked, like the phone


def test_supervisor_sees_the_full_nik(page_for, desk, supervisor, walk_in) -> None:
    number = desk.register.receive(supervisor, walk_in()).number
    page = page_for(supervisor)
    _open(page, number)
    assert "3673054512850012" in _texts(page)


def test_deadline_as_date_remaining_days_and_why(page_for, desk, officer, walk_in) -> None:
    view = desk.register.receive(officer, walk_in())
    page = page_for(officer)
    _open(page, view.number)
    deadline_texts = [label.text() for label in page.deadlines_box.findChildren(QLabel)]
    assert "Selasa, 7 April 2026 — sisa 10 hari kerja" in deadline_texts
    why = page.explanations["response"]
    assert not why.isVisibleTo(page)
    assert "Idul Fitri" in why.text()  # the stored explanation names the skipped holidays
    toggles = [b for b in page.deadlines_box.findChildren(QToolButton) if b.text() == "Mengapa tanggal ini?"]
    assert len(toggles) == 1
    toggles[0].click()
    assert why.isVisible()


def test_only_allowed_actions_are_offered(page_for, desk, officer, supervisor, walk_in) -> None:
    number = desk.register.receive(officer, walk_in(complete=False)).number
    page = page_for(officer)
    _open(page, number)
    assert set(page.action_buttons) == {Action.COMPLETE, Action.INCOMPLETE, Action.FORWARD}
    page = page_for(supervisor)
    _open(page, number)
    assert set(page.action_buttons) == {
        Action.COMPLETE, Action.INCOMPLETE, Action.FORWARD, Action.VOID, Action.CORRECT,
    }  # fmt: skip


def test_an_action_through_its_dialog_updates_page_and_timeline(
    page_for, desk, officer, walk_in, qtbot
) -> None:
    number = desk.register.receive(officer, walk_in()).number
    page = page_for(officer)
    _open(page, number)
    assert page.timeline.rowCount() == 1
    page.action_buttons[Action.FORWARD].click()
    dialog = page.last_dialog
    dialog.f.widgets["to_body"].setText("Dinas Kesehatan Kota Serang")
    with qtbot.waitSignal(page.changed) as blocker:
        dialog.save()
    assert blocker.args == [Changes.recorded(requests=[number])]
    assert page.status.text() == "Diteruskan ke badan publik lain"
    assert page.timeline.rowCount() == 2
    assert "Dinas Kesehatan" in page.timeline.item(1, 2).text()
    assert Action.CLOSE in page.action_buttons and Action.FORWARD not in page.action_buttons
    assert "Dinas Kesehatan Kota Serang" in _texts(page)


def test_overdue_deadline_is_red(page_for, desk, officer, walk_in, clock) -> None:
    from datetime import datetime, time, timedelta

    view = desk.register.receive(officer, walk_in())
    clock.now = datetime.combine(view.due_response + timedelta(days=1), time(9))
    page = page_for(officer)
    _open(page, view.number)
    late = [lb for lb in page.deadlines_box.findChildren(QLabel) if "terlambat" in lb.text()]
    assert late and "color" in late[0].styleSheet()


def test_unknown_number_shows_a_plain_message(page_for, officer) -> None:
    page = page_for(officer)
    _open(page, "CPJ/2026/A-9999")
    assert "tidak ditemukan" in page.message.text()


def test_keberatan_filed_from_the_request_is_listed(page_for, desk, officer, walk_in, qtbot) -> None:
    number = desk.register.receive(officer, walk_in()).number
    desk.actions.act(officer, number, "reject", {"article": "h", "consequence_test": "x" * 30})
    page = page_for(officer)
    _open(page, number)
    assert page.objection_button is not None
    dialog = page.open_objection()
    dialog.grounds["a"].setChecked(True)
    dialog.case.setPlainText("Pemohon menilai penolakan tidak berdasar")
    dialog.save()
    assert page.objections_box.isVisibleTo(page)
    with qtbot.waitSignal(page.objection_opened):
        page.objections_box.findChildren(type(page.action_buttons[Action.CLOSE]))[0].click()
    assert desk.register.get(officer, number).status == Status.REJECTED


def test_letters_offered_follow_the_facts_and_print_through_the_preview(
    page_for, desk, officer, walk_in
) -> None:
    from app.services.availability import request_choices
    from ui.printing import printer_settings
    from ui.printing.preview_dialog import PreviewDialog
    from ui.printing.print_service import PrintService

    class NoPrinters:
        def names(self) -> list[str]:
            return []

        def default(self) -> None:
            return None

    number = desk.register.receive(officer, walk_in()).number
    view = desk.actions.act(officer, number, "reject", {"article": "h", "consequence_test": "x" * 30})
    assert request_choices(view, officer).letters == ["receipt", "form", "rejection", "dossier"]
    page = page_for(officer)
    page.services.printing.service = PrintService(
        desk.ctx.data_dir, lambda: printer_settings.load(desk.office), printers=NoPrinters(), background=False
    )
    _open(page, number)
    titles = [a.text() for a in page.print_button.menu().actions()]
    assert "Surat Keputusan PPID tentang Penolakan" in titles
    page.print_letter("rejection")
    QApplication.processEvents()
    previews = page.findChildren(PreviewDialog)
    for preview in previews:
        preview.close()  # a preview left open slows every later test's teardown
    assert len(previews) == 1
    assert any("diterbitkan" in page.timeline.item(i, 2).text() for i in range(page.timeline.rowCount()))


def test_a_request_routed_away_by_the_city_is_read_only_here(page_for, desk, supervisor, walk_in) -> None:
    from db.models.sync import sync_records

    view = desk.register.receive(supervisor, walk_in())
    with (
        desk.ctx.db.transaction() as session
    ):  # what a pull records when the city routed it to another office
        session.execute(sync_records.insert().values(entity_id=view.id, entity="request", server_version=2,
                                                     server_seq=9, in_scope=False))  # fmt: skip
    page = page_for(supervisor)
    _open(page, view.number)
    assert page.routed_note.isVisibleTo(page)
    assert page.action_buttons == {} and page.objection_button is None and page.route_button is None
    assert page.print_button.isVisibleTo(page)  # its letters can still be reprinted


def test_deadlines_are_named_by_the_domain_in_the_viewers_language(page_for, desk, officer, walk_in) -> None:
    from app.domain.deadlines import DEADLINE_LABELS
    from ui.kit import i18n

    number = desk.register.receive(officer, walk_in()).number
    try:
        for language, expected in (("id", DEADLINE_LABELS["response"] + ":"), ("en", "Written notice:")):
            i18n.install(language)
            page = page_for(officer)
            _open(page, number)
            assert expected in [label.text() for label in page.deadlines_box.findChildren(QLabel)], language
    finally:
        i18n.install("id")


def test_a_request_opened_while_another_is_read_is_the_one_shown(qtbot, desk, officer, intake, monkeypatch):
    """Two workers read side by side: opening A, then B at once, showed A if A's read ended last."""
    import threading

    from ui.kit.tasks import runner

    first, second = intake(officer).number, intake(officer).number
    release = threading.Event()
    real = desk.register.get

    def get(actor, number):
        if number == first:
            assert release.wait(10)
        return real(actor, number)

    monkeypatch.setattr(desk.register, "get", get)
    page = RequestPage(wiring.request(desk), officer)
    qtbot.addWidget(page)
    page.show_request(first)
    page.show_request(second)
    qtbot.waitUntil(lambda: page.view is not None and page.view.number == second)
    release.set()
    assert runner().wait()
    assert page.view.number == second and page.number.text() == second

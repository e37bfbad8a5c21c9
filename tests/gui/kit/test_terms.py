"""The register's own words in the interface's language (ui/kit/terms.py), one language per screen.

Seen in the English interface at 1366×768: the Register listed *Diproses*, *Datang langsung* and *sisa 10 hari
kerja* under *Status*, *Channel* and *Time Left*; the intake offered *Mendapatkan salinan (softcopy)* and
*Fotokopi KTP* beside *Individual*; the request page read *Perpanjangan waktu* beside *File an objection* and its
deadline *Senin, 29 Desember 2025 — terlambat 220 hari kerja* beside *Written notice*.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from app.domain.lifecycle import Action, ObjectionAction
from ui.kit import i18n
from ui.shell import wiring


@pytest.fixture
def english() -> Iterator[None]:
    i18n.install("en")
    try:
        yield
    finally:
        i18n.install("id")


def test_the_register_lists_its_statuses_channels_and_days_left_in_english(desk, officer, walk_in, english):
    from ui.register.model import RegisterTableModel

    desk.register.receive(officer, walk_in())
    model = RegisterTableModel(desk.query, officer, background=False, calendar=desk.calendar.calendar(),
                               today=lambda: desk.ctx.clock().date())  # fmt: skip
    model.reload()
    cell = {key: model.index(0, model.column_of(key)).data() for key in ("status", "channel", "remaining")}
    assert cell == {"status": "In process", "channel": "In person", "remaining": "10 working days left"}


def test_the_registers_filters_list_english_statuses_and_channels(qtbot, desk, supervisor, english):
    from ui.register.page import RegisterPage

    page = RegisterPage(wiring.register(desk), supervisor, background=False)
    qtbot.addWidget(page)
    statuses = [page.status.itemText(i) for i in range(page.status.count())]
    channels = [page.channel.itemText(i) for i in range(page.channel.count())]
    assert "In process" in statuses and "Diproses" not in statuses
    assert "In person" in channels and "Datang langsung" not in channels


def test_the_intake_offers_english_choices(qtbot, desk, officer, english):
    from ui.intake.dialog import IntakeDialog

    dialog = IntakeDialog(wiring.intake(desk), officer, background=False, print_receipt=False)
    qtbot.addWidget(dialog)
    assert dialog.obtain.currentText() == "Get a copy (softcopy)"
    assert dialog.delivery.currentText() == "Collect in person"
    assert dialog.channel.currentText() == "In person"
    assert dialog.documents["ktp"].text() == "Copy of ID card (KTP)"


def test_the_request_page_says_its_status_actions_and_deadline_in_english(
    qtbot, desk, officer, supervisor, walk_in, clock, english
):
    from ui.request.page import RequestPage

    number = desk.register.receive(officer, walk_in()).number
    desk.actions.act(supervisor, number, "reject", {"article": "h", "consequence_test": "x" * 30})
    keberatan = desk.objections.add(supervisor, request_number=number, grounds=["a"]).number
    page = RequestPage(wiring.request(desk), supervisor, background=False)
    qtbot.addWidget(page)
    page.resize(1166, 700)
    page.show()
    page.show_request(number)
    QApplication.processEvents()
    assert page.status.text() == "Rejected"
    assert page.action_buttons[Action.VOID].text() == "Void"
    assert any(b.text() == f"{keberatan} — Registered (awaiting the PPID superior)"
               for b in page.findChildren(type(page.action_buttons[Action.VOID])))  # fmt: skip
    # the deadlines as shown (the stored "Mengapa tanggal ini?" reasoning, folded away, is the record's own text)
    shown = [
        label.text() for label in page.deadlines_box.findChildren(type(page.status)) if label.isVisible()
    ]
    due = desk.register.get(supervisor, number).deadlines["objection_filing"]["due"]
    weekday = date.fromisoformat(str(due)).strftime("%A")  # the C locale's English day name
    assert any(text.startswith(f"{weekday}, ") and text.endswith(" working days left") for text in shown), (
        shown
    )
    assert not any("hari kerja" in text for text in shown), shown


def test_the_keberatan_list_and_its_buttons_in_english(qtbot, desk, officer, supervisor, walk_in, english):
    from ui.objections.page import ObjectionsPage

    number = desk.register.receive(officer, walk_in()).number
    desk.actions.act(supervisor, number, "reject", {"article": "h", "consequence_test": "x" * 30})
    keberatan = desk.objections.add(supervisor, request_number=number, grounds=["a"]).number
    page = ObjectionsPage(wiring.objections(desk), supervisor, background=False)
    qtbot.addWidget(page)
    page.show()
    page.show_objection(keberatan)
    QApplication.processEvents()
    texts = [page.table.item(0, c).text() for c in range(page.table.columnCount()) if page.table.item(0, c)]
    assert "Registered (awaiting the PPID superior)" in texts
    assert page.action_buttons[ObjectionAction.VOID].text() == "Void"
    assert page.detail_title.text() == f"{keberatan} — Registered (awaiting the PPID superior)"


def test_the_indonesian_interface_keeps_the_cores_words(qtbot, desk, officer, walk_in):
    from ui.register.model import RegisterTableModel

    i18n.install("id")
    desk.register.receive(officer, walk_in())
    model = RegisterTableModel(desk.query, officer, background=False, calendar=desk.calendar.calendar(),
                               today=lambda: desk.ctx.clock().date())  # fmt: skip
    model.reload()
    assert model.index(0, model.column_of("status")).data() == "Diproses"
    assert model.index(0, model.column_of("remaining")).data() == "sisa 10 hari kerja"


def test_the_complete_actions_documents_are_in_english(qtbot, desk, officer, supervisor, walk_in, english):
    """Found by the English walk of every dialog (tests/gui/layout_checks.py): *Dinyatakan lengkap* still offered
    *Fotokopi KTP* and *Surat kuasa* as its additional documents."""
    from ui.request.actions import ActionDialog

    view = desk.register.receive(officer, walk_in(complete=False, documents=[]))
    dialog = ActionDialog(wiring.request(desk), supervisor, view, Action.COMPLETE, background=False)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle().startswith("Declared complete — ")
    assert dialog.document_boxes["surat_kuasa"].text() == "Power of attorney"

"""What the request and keberatan pages call things: buttons say what they do, the receiving officer by name."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import update

from app.domain.lifecycle import Action, ObjectionAction
from db.models import User
from ui.objections.page import ObjectionsPage
from ui.request.page import RequestPage
from ui.shell import wiring


def _request_page(qtbot, desk, actor, number: str) -> RequestPage:
    page = RequestPage(wiring.request(desk), actor, background=False)
    qtbot.addWidget(page)
    page.resize(1166, 700)
    page.show()
    page.show_request(number)
    QApplication.processEvents()
    return page


def test_the_void_and_close_buttons_say_what_they_do(qtbot, desk, admin, walk_in) -> None:
    number = desk.register.receive(admin, walk_in()).number
    page = _request_page(qtbot, desk, admin, number)
    assert page.action_buttons[Action.VOID].text() == "Batalkan"
    desk.actions.act(admin, number, "respond", {"decision": "diterima"})
    desk.actions.act(admin, number, "deliver", {})
    page.show_request(number)
    QApplication.processEvents()
    assert page.action_buttons[Action.CLOSE].text() == "Tutup"

    keberatan = desk.objections.add(admin, request_number=number, grounds=["d"]).number
    objections = ObjectionsPage(wiring.objections(desk), admin, background=False)
    qtbot.addWidget(objections)
    objections.show()
    objections.show_objection(keberatan)
    assert objections.action_buttons[ObjectionAction.VOID].text() == "Batalkan"


def test_petugas_penerima_is_the_officers_full_name(qtbot, desk, officer, walk_in) -> None:
    with desk.ctx.db.transaction() as session:
        session.execute(
            update(User).where(User.username == "petugas").values(full_name="Rina Wulandari, A.Md.")
        )
    number = desk.register.receive(officer, walk_in()).number
    page = _request_page(qtbot, desk, officer, number)
    texts = [label.text() for label in page.details_area.widget().findChildren(QLabel)]
    assert "Petugas penerima:" in texts and "Rina Wulandari, A.Md." in texts
    assert "petugas" not in texts  # the account name is not what people read


def test_the_keberatan_detail_names_the_receiving_officer(qtbot, desk, officer, walk_in) -> None:
    with desk.ctx.db.transaction() as session:
        session.execute(
            update(User).where(User.username == "petugas").values(full_name="Rina Wulandari, A.Md.")
        )
    number = desk.register.receive(officer, walk_in()).number
    desk.actions.act(officer, number, "reject", {"article": "h", "consequence_test": "x" * 30})
    keberatan = desk.objections.add(officer, request_number=number, grounds=["a"]).number
    page = ObjectionsPage(wiring.objections(desk), officer, background=False)
    qtbot.addWidget(page)
    page.show()
    page.show_objection(keberatan)
    QApplication.processEvents()
    texts = [label.text() for label in page.facts.findChildren(QLabel)]
    assert "Petugas penerima:" in texts and "Rina Wulandari, A.Md." in texts


def test_the_timelines_name_the_officer_as_people_read_it(qtbot, desk, officer, walk_in) -> None:
    """Seen on the request page: *Petugas penerima: Nurul Hasanah* above a timeline whose *Petugas* column read
    *petugas*, the account name; the keberatan's history likewise."""
    with desk.ctx.db.transaction() as session:
        session.execute(
            update(User).where(User.username == "petugas").values(full_name="Rina Wulandari, A.Md.")
        )
    number = desk.register.receive(officer, walk_in()).number
    page = _request_page(qtbot, desk, officer, number)
    assert page.timeline.item(0, 1).text() == "Rina Wulandari, A.Md."
    desk.actions.act(officer, number, "reject", {"article": "h", "consequence_test": "x" * 30})
    keberatan = desk.objections.add(officer, request_number=number, grounds=["a"]).number
    objections = ObjectionsPage(wiring.objections(desk), officer, background=False)
    qtbot.addWidget(objections)
    objections.show()
    objections.show_objection(keberatan)
    QApplication.processEvents()
    lines = [label.text() for label in objections.history.findChildren(QLabel)]
    assert any(" · Rina Wulandari, A.Md. · " in line for line in lines), lines
    assert not any(" · petugas · " in line for line in lines)

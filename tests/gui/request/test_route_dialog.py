"""The route action on the request page: offered on a desk enrolled to the city office only, its dialog lists the
other offices (kept on the desk, or fetched from a live city server when none are kept), shows the service's
refusals next to the field, and on success the page shows the routing in its timeline."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select

from app.domain.lifecycle import Status
from app.services.changes import Changes
from app.services.desk import DeskServices
from app.sync import offices, state
from app.sync.engine import SyncEngine
from app.sync.secrets import MemoryKeyring, TokenStore
from db.models import OutboxOp
from ppid_protocol.wire import OfficeEntry
from server import admin
from server.testing import LiveServer
from tests.server.conftest import db_url, engine, server  # noqa: F401 - a live city server for one test
from ui.request.page import RequestPage
from ui.request.route import RouteDialog
from ui.shell import wiring

KEPT = [
    OfficeEntry(code="3673", name="PPID Utama Kota Serang", is_city=True),
    OfficeEntry(code="3673.01", name="Kecamatan Serang"),
    OfficeEntry(code="3673.02", name="Kecamatan Walantaka"),
    OfficeEntry(code="CPJ", name="Kecamatan Cipocok Jaya"),
]


def enrol_as(desk: DeskServices, *, city: bool) -> None:
    """An enrollment as the sync engine records it, with the office list kept by an earlier fetch."""
    state.ensure_tables(desk.ctx.db.engine)
    with desk.ctx.db.transaction() as s:
        state.put(s, "enrollment", {
            "server_url": "http://127.0.0.1:9", "device_id": "dev-1", "office_code": "3673" if city else "CPJ",
            "office_name": "Kota", "is_city": city, "desk_letter": "A", "ca_bundle": None,
        })  # fmt: skip
        offices.store(s, KEPT, datetime(2026, 3, 16, 8, 0))


@pytest.fixture
def page_for(qtbot: Any, desk: DeskServices) -> Iterator[Any]:
    def make(actor: Any, number: str) -> RequestPage:
        page = RequestPage(wiring.request(desk), actor, background=False)
        qtbot.addWidget(page)
        page.resize(1166, 700)
        page.show()
        page.show_request(number)
        QApplication.processEvents()
        return page

    yield make


def test_offered_on_the_city_desk_only(page_for: Any, desk: DeskServices, officer: Any, supervisor: Any,
                                       walk_in: Any) -> None:  # fmt: skip
    number = desk.register.receive(officer, walk_in()).number
    assert page_for(officer, number).route_button is None  # never enrolled
    enrol_as(desk, city=False)
    assert page_for(officer, number).route_button is None  # a kecamatan desk
    enrol_as(desk, city=True)
    page = page_for(officer, number)
    assert page.route_button is not None and page.route_button.isVisible()
    assert page.route_button.text() == "Teruskan ke kantor &lain"
    desk.actions.act(supervisor, number, "void", {"reason": "Salah input, pemohon yang sama"})
    assert page_for(officer, number).route_button is None  # nothing to route on a voided request


def test_route_through_the_dialog(
    page_for: Any, desk: DeskServices, officer: Any, walk_in: Any, qtbot: Any
) -> None:
    enrol_as(desk, city=True)
    number = desk.register.receive(officer, walk_in()).number
    page = page_for(officer, number)
    assert page.route_button is not None
    page.route_button.click()
    dialog = page.last_dialog
    assert isinstance(dialog, RouteDialog) and dialog.isVisible()
    assert dialog.current.text() == "Kecamatan Cipocok Jaya (CPJ)"
    listed = [dialog.office.itemData(i) for i in range(dialog.office.count())]
    assert listed == ["3673", "3673.01", "3673.02"]  # never the office it is in already
    assert "2026-03-16 08:00" in dialog.f.hints["to_office"].text()
    dialog.office.setCurrentIndex(dialog.office.findData("3673.02"))
    dialog.save()  # no reason yet: refused next to the field, nothing written
    assert "Alasan meneruskan wajib diisi" in dialog.f.error("reason")
    assert dialog.isVisible() and page.timeline.rowCount() == 1
    dialog.reason.setPlainText("Informasi dikuasai Kecamatan Walantaka")
    with qtbot.waitSignal(page.changed) as blocker:
        dialog.save()
    assert (
        blocker.args == [Changes.recorded(requests=[number])]
        and dialog.result() == QDialog.DialogCode.Accepted
    )
    assert page.timeline.rowCount() == 2
    assert page.timeline.item(1, 2).text() == (
        "Diteruskan ke Kecamatan Walantaka (3673.02) dari Kecamatan Cipocok Jaya: Informasi dikuasai Kecamatan Walantaka"
    )
    assert (
        page.timeline.item(1, 1).text() == officer.username.title()
    )  # the officer by full name (tests/conftest.py)
    assert page.status.text() == "Diproses"  # routing leaves the status as it was
    with desk.ctx.db.reader() as s:
        actions = list(s.scalars(select(OutboxOp.action).order_by(OutboxOp.seq)))
    assert actions == ["receive", "route"]


def test_dialog_shows_a_refusal_in_plain_words(
    page_for: Any, desk: DeskServices, officer: Any, walk_in: Any
) -> None:
    """Opened on a desk that is not the city's (the button is hidden there), the service's reason is shown."""
    enrol_as(desk, city=False)
    number = desk.register.receive(officer, walk_in()).number
    page = page_for(officer, number)
    dialog = page.open_route()
    assert isinstance(dialog, RouteDialog)
    assert "Hanya meja PPID kota" in dialog.general_error.text() and dialog.general_error.isVisibleTo(dialog)
    assert dialog.office.count() == 0
    assert desk.register.get(officer, number).status == Status.IN_PROCESS


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_dialog_fetches_the_offices_from_the_city_server(
    page_for: Any,
    desk: DeskServices,
    officer: Any,
    walk_in: Any,
    server: LiveServer,  # noqa: F811
) -> None:
    admin.add_office(server.engine, "CPJ", "PPID Utama (uji)", is_city=True)
    keyring = TokenStore(MemoryKeyring())
    code, _ = admin.new_enroll_code(server.engine, "CPJ")
    SyncEngine(desk.ctx.db, keyring, clock=desk.ctx.clock).enroll(server.url, code)
    desk.routing.tokens = keyring
    number = desk.register.receive(officer, walk_in()).number
    page = page_for(officer, number)
    assert page.route_button is not None
    assert desk.routing.offices().offices == []  # nothing kept yet: the dialog asks the server
    dialog = page.open_route()
    assert isinstance(dialog, RouteDialog)
    assert [dialog.office.itemData(i) for i in range(dialog.office.count())] == ["3673", "3673.01", "3673.02"]
    assert dialog.current.text() == "PPID Utama (uji) (CPJ)"
    admin.add_office(server.engine, "3673.03", "Kecamatan Kasemen")
    dialog.refresh_button.click()
    assert dialog.office.itemData(dialog.office.count() - 1) == "3673.03"
    assert [o.code for o in desk.routing.offices().offices][-1] == "CPJ"  # kept on the desk for offline use

"""The Register Keberatan's columns come from the field table (``Screen``), as the register screen's do: its
headers, in the declared order, and a field given (or denied) a column in the table gains (or loses) it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.services import record_fields as rf
from app.services.context import Actor
from app.services.desk import DeskServices
from tests.field_tables import amended
from ui.kit import i18n
from ui.objections.page import ObjectionsPage
from ui.shell import wiring


@pytest.fixture
def filed(desk: DeskServices, supervisor: Actor, walk_in: Any) -> str:
    request = desk.register.receive(supervisor, walk_in()).number
    desk.actions.act(supervisor, request, "reject", {"article": "h", "consequence_test": "x" * 30})
    number = desk.objections.add(
        supervisor, request_number=request, grounds=["a"], body={"case_summary": "Tidak adil"}
    ).number
    desk.objections.act(supervisor, number, "decide", {"decision": "ditolak", "text": "Menguatkan", "atasan_name": "Budi"})  # fmt: skip
    return number


def _table(qtbot: Any, desk: DeskServices, actor: Actor) -> tuple[list[str], list[str]]:
    """The list's headers and its first line."""
    page = ObjectionsPage(wiring.objections(desk), actor, background=False)
    qtbot.addWidget(page)
    QApplication.processEvents()
    table = page.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    return headers, [table.item(0, c).text() for c in range(table.columnCount())]


def test_the_lists_columns_are_the_tables_in_its_order(
    qapp: Any, qtbot: Any, desk: DeskServices, supervisor: Actor, filed: str
) -> None:
    i18n.install("id")
    headers, line = _table(qtbot, desk, supervisor)
    assert headers == [
        "No. Registrasi Keberatan",
        "Tanggal",
        "Nama",
        "No. Permohonan",
        "Alasan",
        "Status",
        "Batas Tanggapan",
        "Keputusan Atasan PPID",
    ]
    declared = rf.screen_columns("objection")
    assert headers == [f.screen.header for f in declared.values() if f.screen is not None]
    assert line[0] == filed
    assert line[list(declared).index("requester_name")]  # the name from its request


def test_the_headers_are_translated(qapp: Any, qtbot: Any, desk: DeskServices, supervisor: Actor) -> None:
    i18n.install("en")
    try:
        page = ObjectionsPage(wiring.objections(desk), supervisor, background=False)
        qtbot.addWidget(page)
        shown = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
        expected = [
            QCoreApplication.translate("ObjectionsPage", f.screen.header)
            for f in rf.screen_columns("objection").values()
            if f.screen is not None
        ]
        assert shown == expected
        assert shown[0] != "No. Registrasi Keberatan"  # the English catalogue has it
    finally:
        i18n.install("id")


def test_a_field_given_a_column_in_the_table_appears_and_one_denied_it_disappears(
    qapp: Any,
    qtbot: Any,
    desk: DeskServices,
    supervisor: Actor,
    filed: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Would fail against headers written by hand on the page."""
    i18n.install("id")
    table = amended(
        rf.OBJECTION_FIELDS,
        atasan_name={"screen": rf.Screen("Atasan PPID", True, 9)},
        grounds={"screen": None},
    )
    monkeypatch.setitem(rf.PANE_TABLES, "objection", (table,))
    headers, line = _table(qtbot, desk, supervisor)
    assert "Alasan" not in headers
    assert headers[-1] == "Atasan PPID"
    assert line[-1] == "Budi"

"""ConflictsPanel driven like a supervisor does it: select the held change, compare, choose, give a reason; the
record changes and ``changed`` is emitted. An officer sees the same list with the decisions disabled."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.services.context import Actor
from app.services.desk import DeskServices
from db.models import Request
from tests.unit.services.conflict_helpers import make_conflict, make_rejected
from ui.kit.tasks import runner
from ui.shell import wiring
from ui.sync.conflicts import HIGHLIGHT, ConflictsPanel


def loaded(qtbot: QtBot, desk: DeskServices, actor: Actor) -> ConflictsPanel:
    panel = ConflictsPanel(wiring.sync(desk).conflicts, actor)
    qtbot.addWidget(panel)
    panel.resize(1366, 700)
    assert runner().wait()
    return panel


def status_of(desk: DeskServices, number: str) -> tuple[str, str | None]:
    with desk.ctx.db.reader() as s:
        row = s.scalars(select(Request).where(Request.number == number)).one()
        return row.status, row.decision


def test_supervisor_takes_the_desk_version(
    qtbot: QtBot,
    desk: DeskServices,
    officer: Actor,
    supervisor: Actor,
    walk_in: Callable[..., dict[str, Any]],
) -> None:
    held = make_conflict(desk, officer, walk_in())
    panel = loaded(qtbot, desk, supervisor)
    assert panel.table.rowCount() == 1 and panel.current is not None
    assert panel.table.item(0, 1).text() == held.number
    # side by side, the conflicting fields first and highlighted
    assert panel.compare.item(0, 0).text().startswith("Status")
    assert panel.compare.item(0, 2).text() == "Ditolak"
    assert panel.compare.item(0, 1).background().color() == HIGHLIGHT
    assert panel.keep_button.isEnabled() and panel.take_button.isEnabled() and panel.edit_button.isEnabled()
    assert not panel.role_hint.isVisibleTo(panel)

    dialog = panel.decide("take_desk")
    assert dialog is not None
    dialog.submit()  # no reason yet: refused, nothing changed
    assert runner().wait()
    assert dialog.fields.errors["reason"].isVisibleTo(dialog)
    assert status_of(desk, held.number) == ("ditolak", "ditolak")
    dialog.reason.setPlainText("Keputusan meja sudah diserahkan ke pemohon")
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.keyClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.Key.Key_Space)
        assert runner().wait()
    assert runner().wait()
    assert status_of(desk, held.number) == ("dijawab", "diterima")
    assert panel.table.rowCount() == 0 and "0" in panel.count_label.text()
    panel.show_done.setChecked(True)
    assert panel.table.rowCount() == 1 and "Versi meja ini dipakai" in panel.table.item(0, 5).text()


def test_supervisor_edits_the_conflicting_fields(
    qtbot: QtBot,
    desk: DeskServices,
    officer: Actor,
    supervisor: Actor,
    walk_in: Callable[..., dict[str, Any]],
) -> None:
    held = make_conflict(desk, officer, walk_in())
    panel = loaded(qtbot, desk, supervisor)
    dialog = panel.decide("edit")
    assert dialog is not None
    assert set(dialog.inputs) == {"status", "decision"}  # only the conflicting fields are edited
    decision = dialog.inputs["decision"]
    assert isinstance(decision, QComboBox) and decision.currentData() == "diterima"  # prefilled: the desk's
    decision.setCurrentIndex(decision.findData("diterima_sebagian"))
    dialog.reason.setPlainText("Sebagian informasi dikecualikan")
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        dialog.submit()
        assert runner().wait()
    assert status_of(desk, held.number) == ("dijawab", "diterima_sebagian")
    with desk.ctx.db.reader() as s:  # the other fields keep the server's values
        assert s.scalars(select(Request.rejection_article)).one() == "h"


def test_open_request_and_officer_sees_disabled_decisions(
    qtbot: QtBot, desk: DeskServices, officer: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    held = make_conflict(desk, officer, walk_in())
    make_rejected(desk, officer, walk_in())
    panel = loaded(qtbot, desk, officer)
    assert panel.table.rowCount() == 2 and panel.role_hint.isVisibleTo(panel)
    for button in (panel.keep_button, panel.take_button, panel.edit_button, panel.ack_button):
        assert not button.isEnabled()
    assert "supervisor" in panel.button_hint.text() and panel.decide("keep_server") is None
    assert panel.open_button.isEnabled()
    with qtbot.waitSignal(panel.request_opened) as opened:
        panel.open_button.click()
    assert opened.args == [held.number]
    panel.table.selectRow(1)
    assert panel.current is not None and panel.current.status == "rejected"
    assert not panel.ack_button.isEnabled()


def test_supervisor_acknowledges_a_rejected_change(
    qtbot: QtBot,
    desk: DeskServices,
    officer: Actor,
    supervisor: Actor,
    walk_in: Callable[..., dict[str, Any]],
) -> None:
    make_rejected(desk, officer, walk_in())
    panel = loaded(qtbot, desk, supervisor)
    assert not panel.keep_button.isEnabled() and panel.ack_button.isEnabled()
    dialog = panel.decide("acknowledge")
    assert dialog is not None
    dialog.reason.setPlainText("Sudah dikoordinasikan dengan PPID kota")
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        dialog.submit()
        assert runner().wait()
    assert runner().wait()
    assert desk.sync_conflicts.open_count() == 0 and panel.table.rowCount() == 0

"""The keberatan's detail pane is built from the field table: every row is a declared field with its label, in
the declared order, and a field given (or denied) a row in the table gains (or loses) it on the page."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel

from app.services import record_fields as rf
from app.services.context import Actor
from app.services.desk import DeskServices
from tests.field_tables import amended
from ui.kit import i18n
from ui.objections.page import ObjectionsPage
from ui.shell import wiring


@pytest.fixture
def rejected(desk: DeskServices, officer: Actor, walk_in: Any) -> str:
    number = desk.register.receive(officer, walk_in()).number
    desk.actions.act(officer, number, "reject", {"article": "h", "consequence_test": "x" * 30})
    return number


def _filed(desk: DeskServices, actor: Actor, request: str) -> str:
    return desk.objections.add(
        actor,
        request_number=request,
        grounds=["a", "f"],
        body={"case_summary": "Tidak adil", "proxy": {"name": "LBH Serang"}},
    ).number


@pytest.fixture
def disputed(desk: DeskServices, supervisor: Actor, rejected: str) -> str:
    """A keberatan with every fact filled: decided, answered by the requester, taken to the Komisi Informasi
    and decided there."""
    number = _filed(desk, supervisor, rejected)
    act = desk.objections.act
    act(supervisor, number, "decide", {"decision": "ditolak", "text": "Menguatkan", "atasan_name": "Budi"})
    act(supervisor, number, "requester_response", {"response": "Tidak menerima"})
    act(supervisor, number, "dispute", {"register_number": "REG/KI-BANTEN/12/2026"})
    act(supervisor, number, "dispute_outcome", {"outcome": "mediasi_berhasil", "text": "Informasi diberikan"})
    return number


def _rows(qtbot: Any, desk: DeskServices, actor: Actor, number: str) -> list[tuple[str, str]]:
    page = ObjectionsPage(wiring.objections(desk), actor, background=False)
    qtbot.addWidget(page)
    page.show_objection(number)
    QApplication.processEvents()
    form = page.facts_form
    rows = []
    for row in range(form.rowCount()):
        label, value = (
            form.itemAt(row, role).widget() for role in (form.ItemRole.LabelRole, form.ItemRole.FieldRole)
        )
        assert isinstance(label, QLabel) and isinstance(value, QLabel)
        rows.append((label.text().removesuffix(":"), value.text()))
    return rows


def _labels(names: list[str]) -> list[str]:
    return [
        QCoreApplication.translate("ObjectionsPage", rf.field_of("objection", n).detail.label) for n in names
    ]  # type: ignore[union-attr]


def test_every_row_is_a_declared_field_in_the_declared_order(
    qapp: Any, qtbot: Any, desk: DeskServices, supervisor: Actor, disputed: str
) -> None:
    i18n.install("id")
    shown = [label for label, _ in _rows(qtbot, desk, supervisor, disputed)]
    declared = [f.name for f in rf.pane_fields("objection")]
    # Closed after the sengketa's outcome: its filing deadline is no longer worth showing.
    assert shown == _labels([n for n in declared if n != "deadlines"])


def test_the_sengketa_outcome_reads_as_words_like_the_dossier(
    qapp: Any, qtbot: Any, desk: DeskServices, supervisor: Actor, disputed: str
) -> None:
    i18n.install("id")
    rows = dict(_rows(qtbot, desk, supervisor, disputed))
    assert rows["Hasil sengketa"] == "Mediasi berhasil – Informasi diberikan"  # not the code mediasi_berhasil
    assert rows["Keputusan Atasan PPID"] == "Keberatan ditolak (menguatkan keputusan PPID)"
    assert rows["Alasan"] == "a, f" and rows["Kuasa"] == "LBH Serang"


def test_the_dispute_deadline_shows_while_a_sengketa_may_be_filed(
    qapp: Any, qtbot: Any, desk: DeskServices, supervisor: Actor, rejected: str
) -> None:
    i18n.install("id")
    number = _filed(desk, supervisor, rejected)
    desk.objections.act(
        supervisor, number, "decide", {"decision": "ditolak", "text": "x", "atasan_name": "Budi"}
    )
    assert "Batas mengajukan sengketa" in dict(_rows(qtbot, desk, supervisor, number))


def test_labels_are_translated_from_the_table(
    qapp: Any, qtbot: Any, desk: DeskServices, supervisor: Actor, disputed: str
) -> None:
    try:
        i18n.install("en")
        shown = [label for label, _ in _rows(qtbot, desk, supervisor, disputed)]
        assert "Dispute outcome" in shown and "Case summary" in shown  # the English catalogue's text
        assert shown == _labels([f.name for f in rf.pane_fields("objection") if f.name != "deadlines"])
    finally:
        i18n.install("id")


def test_a_field_given_a_row_in_the_table_appears_and_one_denied_it_disappears(
    qapp: Any,
    qtbot: Any,
    desk: DeskServices,
    supervisor: Actor,
    disputed: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Would fail against a pane written by hand: the page shows what the table declares, nothing else."""
    i18n.install("id")
    table = amended(
        rf.OBJECTION_FIELDS,
        version={"detail": rf.Detail("Versi", "objection", 12)},
        case_summary={"detail": None},
    )
    monkeypatch.setitem(rf.PANE_TABLES, "objection", (table,))
    rows = _rows(qtbot, desk, supervisor, disputed)
    labels = [label for label, _ in rows]
    assert "Kasus posisi" not in labels
    version = desk.objections.get(supervisor, disputed).version
    assert ("Versi", str(version)) in rows
    assert labels.index("Versi") == labels.index("Tanggapan pemohon") + 1  # by position, then table order

"""The request's detail pane shows one row per field the field table gives a detail row, with its label, in its
section and order; a field given (or denied) a row in the table gains (or loses) it on the pane."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from app.domain.lifecycle import Decision
from app.services import record_fields as rf
from app.services.context import Actor
from app.services.desk import DeskServices
from tests.field_tables import amended
from ui.kit import i18n
from ui.request.details import detail_sections


def _every_row_filled(desk: DeskServices, supervisor: Actor, walk_in: Callable[..., dict[str, Any]]) -> Any:
    number = desk.register.receive(supervisor, walk_in(), confirm_warnings=True).number
    view = desk.register.get(supervisor, number)
    when = datetime(2026, 3, 16, 10, 0)
    return replace(
        view,
        requester=replace(view.requester, legal_number="AHU-0001.AH.01.07.2026"),
        proxy={"name": "Budi", "phone": "0812"},
        missing_items=["KTP"],
        extension_reason="belum_dikuasai",
        decision=Decision.REJECTED,
        decided_at=when,
        info_form="softcopy",
        redaction_reason="data pribadi",
        holder_body="Dinas X",
        costs={"total": 5000},
        payment_method="tunai",
        rejection_article="j",
        consequence_test="uji",
        forwarded_to="Kecamatan Y",
        delivered_at=when,
        delivered_method="email",
        closed_at=when,
        voided_at=when,
        void_reason="ganda",
    )


def _declared() -> list[str]:
    return [f.detail.label for f in (*rf.REQUESTER_FIELDS, *rf.REQUEST_FIELDS) if f.detail is not None]


def test_each_row_is_a_declared_field_with_its_label(
    qapp: Any, desk: DeskServices, supervisor: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    i18n.install("id")
    view = _every_row_filled(desk, supervisor, walk_in)
    shown = [text for _, rows in detail_sections(view) for text, _ in rows]
    assert sorted(shown) == sorted(_declared())


def test_labels_are_translated_from_the_table(
    qapp: Any, desk: DeskServices, supervisor: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    view = _every_row_filled(desk, supervisor, walk_in)
    try:
        i18n.install("en")
        shown = [text for _, rows in detail_sections(view) for text, _ in rows]
        expected = [QCoreApplication.translate(rf.DETAIL_CONTEXT, text) for text in _declared()]
        assert sorted(shown) == sorted(expected)
        assert "Information requested" in shown  # the English catalogue's text, not the Indonesian source
    finally:
        i18n.install("id")


def test_rows_follow_the_tables_sections_and_order(
    qapp: Any, desk: DeskServices, supervisor: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    i18n.install("id")
    view = _every_row_filled(desk, supervisor, walk_in)
    shown = [(title, [label for label, _ in rows]) for title, rows in detail_sections(view)]
    expected: dict[str, list[str]] = {}
    for f in rf.pane_fields("request"):
        assert f.detail is not None
        expected.setdefault(dict(rf.SECTIONS["request"])[f.detail.section], []).append(f.detail.label)
    assert shown == list(expected.items())
    assert [title for title, _ in shown] == ["Pemohon", "Permohonan", "Keputusan dan penyelesaian"]


def test_a_field_given_a_row_in_the_table_appears_and_one_denied_it_disappears(
    qapp: Any,
    desk: DeskServices,
    supervisor: Actor,
    walk_in: Callable[..., dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Would fail against a pane written by hand: the pane shows what the table declares, nothing else."""
    i18n.install("id")
    view = replace(_every_row_filled(desk, supervisor, walk_in), rejection_other_basis="Perda 5/2020")
    request = amended(
        rf.REQUEST_FIELDS,
        rejection_other_basis={"detail": rf.Detail("Dasar lain", "outcome", 28)},
        purpose={"detail": None},
    )
    monkeypatch.setitem(rf.PANE_TABLES, "request", (rf.REQUESTER_FIELDS, request))
    rows = [row for _, rows in detail_sections(view) for row in rows]
    assert ("Dasar lain", "Perda 5/2020") in rows
    assert "Tujuan penggunaan" not in [label for label, _ in rows]

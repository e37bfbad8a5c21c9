"""The request's detail pane shows one row per field the field table gives a detail label, with that label."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.domain.lifecycle import Decision
from app.services import record_fields as rf
from app.services.context import Actor
from app.services.desk import DeskServices
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
    return [f.detail for f in (*rf.REQUESTER_FIELDS, *rf.REQUEST_FIELDS) if f.detail is not None]


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

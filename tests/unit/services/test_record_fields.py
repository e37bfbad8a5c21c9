"""The field tables drive the views, their to_dict(), the conflict labels and the export columns."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import fields
from typing import Any

import pytest

from app.domain.permissions import GRANTS, Permission, Role
from app.services import record_fields as rf
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.export import COLUMNS
from app.services.register_query import RegisterFilter, RegisterRow
from app.services.sync_conflict_fields import label
from app.services.views import ObjectionView, RequesterView, RequestView
from db.models import Objection, Request, Requester
from ppid_protocol.fields import LEGAL_FIELDS

BOOKKEEPING = {"created_at", "updated_at"}


@pytest.mark.parametrize(
    ("view", "table"),
    [
        (RequestView, rf.REQUEST_FIELDS),
        (ObjectionView, rf.OBJECTION_FIELDS),
        (RequesterView, rf.REQUESTER_FIELDS),
    ],
)
def test_every_view_attribute_is_declared_exactly_once(view: type, table: tuple[rf.RecordField, ...]) -> None:
    assert [n for n, c in Counter(f.name for f in table).items() if c > 1] == []
    assert {f.name for f in fields(view)} == {f.name for f in table if f.view}


@pytest.mark.parametrize(
    ("model", "table"),
    [(Request, rf.REQUEST_FIELDS), (Objection, rf.OBJECTION_FIELDS), (Requester, rf.REQUESTER_FIELDS)],
)
def test_every_register_column_is_declared(model: Any, table: tuple[rf.RecordField, ...]) -> None:
    columns = {c.name for c in model.__table__.columns} - BOOKKEEPING
    assert {f.name for f in table if f.column} == columns


@pytest.mark.parametrize("entity", ["request", "requester", "calendar"])
def test_legal_significance_is_the_protocols(entity: rf.Entity) -> None:
    """The protocol decides (the server applies it); the table refers to it and names every such field."""
    table = rf.TABLES[entity]
    assert {f.name for f in table if f.legal} == LEGAL_FIELDS[entity]


def test_legal_significance_is_the_protocols_for_keberatan() -> None:
    assert {f.name for f in rf.OBJECTION_FIELDS if f.legal} == LEGAL_FIELDS["objection"]


def test_shared_field_names_share_their_label() -> None:
    labels: dict[str, set[str]] = {}
    for table in (rf.REQUEST_FIELDS, rf.OBJECTION_FIELDS, rf.CALENDAR_FIELDS):
        for f in table:
            labels.setdefault(f.name, set()).add(f.label)
    assert {name: texts for name, texts in labels.items() if len(texts) > 1} == {}


def test_conflict_labels_come_from_the_table() -> None:
    for table in (rf.REQUEST_FIELDS, rf.OBJECTION_FIELDS, rf.CALENDAR_FIELDS):
        for f in table:
            if f.view or f.column:  # what a held operation carries
                assert label(f.name) == f.label


def test_every_export_column_comes_from_the_table() -> None:
    declared = [(col.key or f.name, col.header) for f, col in rf.exported()]
    assert [(key, header) for key, header, _ in COLUMNS] == declared
    assert [col.at for _, col in rf.exported()] == list(range(1, len(declared) + 1))
    assert len({header for _, header in declared}) == len(declared)
    row_fields = {f.name for f in fields(RegisterRow)} | {"cost_total"}
    assert {key for key, _ in declared} <= row_fields


def test_masked_roles_are_those_without_the_right_to_personal_data() -> None:
    assert {Role.OFFICER} == rf.MASKED_ROLES
    for role, allowed in GRANTS.items():
        assert (role in rf.MASKED_ROLES) == (Permission.VIEW_PERSONAL_DATA not in allowed)
    for f in (*rf.REQUEST_FIELDS, *rf.REQUESTER_FIELDS):
        assert not f.masked_for or f.personal, f.name
    masked = {f.name for f in rf.REQUESTER_FIELDS if f.masked_for}
    assert masked == {"nik", "phone", "phone_display", "email", "email_display", "contact"}


def _digits(text: str | None) -> str:
    return "".join(ch for ch in text or "" if ch.isdigit())


def test_masked_fields_are_masked_for_petugas(
    desk: DeskServices,
    officer: Actor,
    supervisor: Actor,
    walk_in: Callable[..., dict[str, Any]],
) -> None:
    number = desk.register.receive(officer, walk_in(), confirm_warnings=True).number
    seen = {actor.role: desk.register.get(actor, number).requester for actor in (officer, supervisor)}
    full, shown = seen[Role.SUPERVISOR], seen[Role.OFFICER]
    for f in rf.REQUESTER_FIELDS:
        if not f.view:
            continue
        mine, theirs = getattr(shown, f.name), getattr(full, f.name)
        if Role.OFFICER in f.masked_for:
            assert theirs and mine != theirs, f.name
            if _digits(theirs):
                assert _digits(theirs) not in _digits(mine), f.name
            else:  # an e-mail: masked, or not given at all
                assert theirs not in (mine or ""), f.name
        else:
            assert mine == theirs, f.name
    rows = {actor.role: desk.query.all_rows(actor, RegisterFilter())[0] for actor in (officer, supervisor)}
    assert rows[Role.OFFICER].contact != rows[Role.SUPERVISOR].contact
    assert _digits(full.phone) not in _digits(rows[Role.OFFICER].contact)


def test_to_dict_keys_follow_the_table(
    desk: DeskServices, supervisor: Actor, to_state: Callable[..., str]
) -> None:
    from app.domain.lifecycle import Status

    number = to_state(Status.REJECTED)
    view = desk.register.get(supervisor, number)
    data = view.to_dict()
    declared = [f.name for f in rf.REQUEST_FIELDS if f.json]
    assert [key for key in data if key in declared] == declared
    assert set(data) - set(declared) == {"status_label", "due", "decision_label"}
    objection = desk.objections.add(supervisor, request_number=number, grounds=["a"])
    data = objection.to_dict()
    declared = [f.name for f in rf.OBJECTION_FIELDS if f.json]
    assert [key for key in data if key in declared] == declared
    assert set(data) - set(declared) == {"status_label", "ground", "due", "late_filing", "filing_due"}


def test_a_register_line_reads_the_stored_columns_of_the_exported_fields() -> None:
    """The columns a page of the register reads: the exported fields that are stored, and what the worked-out
    ones (contact, cost, overdue) are worked out from."""
    from app.services.register_query import _row_columns

    read = [(c.class_.__name__, c.key) for c in _row_columns()]
    assert {key for model, key in read if model == "Requester"} == {
        "kind", "name", "address", "phone", "email", "occupation", "nik_masked"
    }  # fmt: skip
    assert {key for model, key in read if model == "Request"} == {
        "id", "number", "received_at", "channel", "information", "purpose", "status", "decision", "info_held",
        "holder_body", "info_form", "obtain_method", "rejection_article", "decided_at", "delivered_at", "costs",
        "payment_method", "completed_at", "due_current", "due_extended", "extension_reason", "forwarded_to",
        "requester_recorded",
    }  # fmt: skip


def test_a_field_the_table_exports_is_read_by_the_register_query(monkeypatch: pytest.MonkeyPatch) -> None:
    """Would fail against a column list written by hand in ``register_query``."""
    from app.services.register_query import _row_columns
    from tests.field_tables import amended

    table = amended(
        rf.REQUEST_FIELDS,
        void_reason={"export": rf.Export("Alasan Pembatalan", 29)},
        purpose={"export": None},
    )
    monkeypatch.setitem(rf.TABLES, "request", table)
    read = [c.key for c in _row_columns()]
    assert "void_reason" in read
    assert "purpose" not in read


def test_the_requester_view_follows_its_table(
    desk: DeskServices,
    officer: Actor,
    supervisor: Actor,
    walk_in: Callable[..., dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Would fail against ``RequesterView.of()`` / ``to_dict()`` written by hand: a stored field the table masks
    for petugas is left out of their view, and ``to_dict()`` has the table's keys in its order."""
    from app.services import views
    from tests.field_tables import amended

    number = desk.register.receive(officer, walk_in(), confirm_warnings=True).number
    data = desk.register.get(supervisor, number).requester.to_dict()
    assert list(data) == [f.name for f in rf.REQUESTER_FIELDS if f.json]
    table = amended(
        rf.REQUESTER_FIELDS, occupation={"masked_for": rf.MASKED_ROLES}, legal_number={"json": False}
    )
    monkeypatch.setattr(views, "REQUESTER_FIELDS", table)
    assert desk.register.get(officer, number).requester.occupation is None
    full = desk.register.get(supervisor, number).requester
    assert full.occupation == "Guru"
    assert "legal_number" not in full.to_dict()


def test_a_register_line_takes_each_stored_field_where_the_table_says(
    desk: DeskServices,
    supervisor: Actor,
    walk_in: Callable[..., dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Would fail against a line built by hand in ``register_query``: the line's ``forwarded_to`` column, made
    to read the request's ``void_reason`` in the table, shows what that column holds."""
    from tests.field_tables import amended

    number = desk.register.receive(supervisor, walk_in(), confirm_warnings=True).number
    desk.actions.act(supervisor, number, "void", {"reason": "Tercatat ganda"})
    assert desk.query.all_rows(supervisor, RegisterFilter())[0].forwarded_to is None
    table = amended(
        rf.REQUEST_FIELDS,
        void_reason={"export": rf.Export("Diteruskan ke", 27, "forwarded_to")},
        forwarded_to={"export": None},
    )
    monkeypatch.setitem(rf.TABLES, "request", table)
    assert desk.query.all_rows(supervisor, RegisterFilter())[0].forwarded_to == "Tercatat ganda"


def test_every_sortable_key_is_a_column_of_the_register_screen() -> None:
    """The query's sort expressions are its own (an index per key), but each sorts a column the table puts on
    the register screen, under that column's key."""
    from app.services.register_query import SORTABLE

    assert set(SORTABLE) <= set(rf.screen_columns("request"))

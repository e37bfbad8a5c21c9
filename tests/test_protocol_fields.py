"""The protocol's table of record fields (``ppid_protocol.fields.RECORD_FIELDS``) is the register's columns as
they travel (``app/services/sync_state.py``): the compact wire leaves a record's null fields out and the server
puts back exactly the fields of this table, so a column missing here would arrive absent instead of null."""

from __future__ import annotations

from typing import Any

from db.models import CalendarEntry, Objection, Request, Requester
from ppid_protocol.delta import apply_changes, changes_between, nested_patches, restore_nulls, strip_nulls
from ppid_protocol.fields import RECORD_FIELDS


def columns(model: Any, *, leave_out: tuple[str, ...] = ()) -> tuple[str, ...]:
    return tuple(c.name for c in model.__table__.columns if c.name not in leave_out)


def test_the_field_table_is_the_registers_columns() -> None:
    assert RECORD_FIELDS["request"] == columns(Request)
    assert RECORD_FIELDS["requester"] == columns(Requester, leave_out=("nik_encrypted", "nik_hash"))
    assert RECORD_FIELDS["objection"] == columns(Objection)
    assert RECORD_FIELDS["calendar"] == columns(CalendarEntry)


def test_nulls_left_out_come_back_and_nothing_else_changes() -> None:
    state: dict[str, Any] = dict.fromkeys(RECORD_FIELDS["request"])
    state.update(id="r1", status="diproses", missing_items=[], info_held=False, costs=None, extra_field=None)
    state["requester_id"] = "p1"
    state["requester"] = {**dict.fromkeys(RECORD_FIELDS["requester"]), "id": "p1", "name": "Siti"}
    payload = {"state": state, "event": {"id": "e1", "data": {"note": None}}}

    slim = strip_nulls(payload, "request")
    assert slim["state"]["missing_items"] == [] and slim["state"]["info_held"] is False  # falsy is not null
    assert "costs" not in slim["state"] and "email" not in slim["state"]["requester"]
    assert slim["state"]["extra_field"] is None  # a field the table does not know travels as it is
    assert slim["event"] == payload["event"]  # timeline lines are not records
    assert restore_nulls(slim, "request") == payload
    ids = strip_nulls(payload, "request", "r1")  # the ids that repeat what names the record
    assert "id" not in ids["state"] and ids["state"]["requester"] == {"name": "Siti"}
    assert restore_nulls(ids, "request", "r1") == payload
    nameless = {"state": {**state, "id": None}}
    assert strip_nulls(nameless, "request", "r1")["state"]["id"] is None  # a null id stays null
    assert restore_nulls(strip_nulls(nameless, "request", "r1"), "request", "r1") == nameless
    assert strip_nulls({"changes": {"decision": None}}, "request") == {"changes": {"decision": None}}
    assert strip_nulls(payload, "letter") == payload  # no table: sent whole


def test_a_nested_patch_rebuilds_the_field_the_desk_holds() -> None:
    same = {"a": {"due": "1"}, "e": {"due": "5"}}
    before = {"deadlines": {**same, "b": {"due": "2"}, "c": {"due": "3"}}, "status": "x"}
    after = {"deadlines": {**same, "b": {"due": "9"}, "d": {"due": "4"}}, "status": "y"}
    changes = changes_between(before, after)
    patches = nested_patches(before, changes)
    assert patches == {"deadlines": {"b": {"due": "9"}, "d": {"due": "4"}, "c": None}}
    slim = {k: v for k, v in changes.items() if k not in patches}
    assert apply_changes(before, slim, patches) == after
    assert nested_patches({"deadlines": None}, {"deadlines": {"a": 1}}) == {}  # nothing to patch onto
    assert nested_patches(before, {"deadlines": {"a": None}}) == {}  # a null value would read as removal

"""The content rules of ``ppid_protocol.content``: the vocabularies the server checks are the desk's own, and
each rule refuses what a desk could not store while letting every real record through."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date, datetime
from enum import IntEnum

import pytest

from app.domain.lifecycle import ObjectionStatus, Status
from ppid_protocol.content import (
    OBJECTION_STATUSES,
    REQUEST_STATUSES,
    ContentError,
    check_event,
    check_record,
    check_text,
    control_character,
    json_may_hold_control,
)


def _nested(depth: int) -> object:
    value: object = "x"
    for _ in range(depth):
        value = [value]
    return value


def test_the_vocabularies_are_the_desks() -> None:
    assert {s.value for s in Status} == REQUEST_STATUSES
    assert {s.value for s in ObjectionStatus} == OBJECTION_STATUSES


def test_real_values_pass() -> None:
    check_record("request", {"received_at": datetime(2026, 3, 16, 10, 0).isoformat(), "status": "diproses",
                             "due_response": date(2026, 3, 30).isoformat(), "information": "APBD\n2025\tRinci",
                             "deadlines": {"response": {"skipped": [{"day": "2026-03-20", "reason": "Nyepi"}]}},
                             "requester": {"name": "Siti Ɓ ‎Ä"}})  # fmt: skip
    check_event({"id": "e1", "at": "2026-03-16T10:00:00+07:00", "summary": "baris\r\nkedua"})


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({"received_at": "kemarin sore"}, "record.received_at"),
        ({"received_at": "2026-13-01T00:00:00"}, "record.received_at"),
        ({"closed_at": "9999-01-01T00:00:00"}, "record.closed_at"),
        ({"due_completion": "1850-01-01"}, "record.due_completion"),
        ({"status": "hilang"}, "record.status"),
        ({"seq": -1}, "record.seq"),
        ({"seq": "12"}, "record.seq"),
        ({"year": 2**63}, "record.year"),
        ({"information": "a\x00b"}, "record.information"),
        ({"purpose": "a\x85b"}, "record.purpose"),
        ({"deadlines": {"x\x00": 1}}, "record.deadlines.x?"),
        ({"requester": {"name": "\x1b[31m"}}, "record.requester.name"),
        ({"nested": _nested(40)}, "record.nested"),
    ],
)
def test_what_a_desk_cannot_store_is_named(record: dict, field: str) -> None:
    with pytest.raises(ContentError) as info:
        check_record("request", record)
    assert info.value.field.startswith(field)


def test_event_ids_and_text() -> None:
    with pytest.raises(ContentError) as info:
        check_event({"id": "e" * 65}, 2)
    assert info.value.field == "events[2].id"
    with pytest.raises(ValueError, match="U\\+0000"):
        check_text("a\x00")
    assert check_text("baris\nbaru") == "baris\nbaru"


class _Str(str):
    pass


_Int = IntEnum("_Int", "A B C")


@pytest.mark.parametrize(
    ("record", "field", "reason"),
    [
        ({"id": 5}, "record.id", "Input should be a valid string"),
        ({"id": b"x"}, "record.id", "Input should be a valid string"),
        ({"id": ""}, "record.id", "String should have at least 1 character"),
        ({"id": "a" * 65}, "record.id", "String should have at most 64 characters"),
        ({"office_code": "a" * 21}, "record.office_code", "String should have at most 20 characters"),
        ({"number": "a" * 61}, "record.number", "Value should have at most 60 items after validation, not 61"),
        ({"desk_letter": "abc"}, "record.desk_letter", "Value should have at most 2 items after validation, not 3"),
        ({"seq": True}, "record.seq", "Input should be a valid integer"),
        ({"seq": 1.0}, "record.seq", "Input should be a valid integer"),
        ({"seq": 2**70}, "record.seq", "Input should be less than or equal to 2147483647"),
        ({"year": 1899}, "record.year", "Input should be greater than or equal to 1900"),
        ({"info_held": 1}, "record.info_held", "Input should be a valid boolean"),
        ({"status": "x"}, "record.status", "Value error, status tidak dikenal: 'x'"),
        ({"status": 5}, "record.status", "Input should be a valid string"),
        ({"received_at": "x"}, "record.received_at", "Value error, bukan tanggal-waktu ISO 8601"),
        ({"received_at": "0001-01-01"}, "record.received_at", "Value error, tahun 1 di luar rentang 1900–2200"),
        ({"due_response": "2026-01-01x"}, "record.due_response", "Value error, bukan tanggal ISO 8601"),
        ({"requester": "x"}, "record.requester", "Input should be a valid dictionary or instance of RequesterRecord"),
        ({"requester": {"name": "a" * 201}}, "record.requester.name",
         "Value should have at most 200 items after validation, not 201"),
        # the first breach in the fields' declared order (id, ..., seq, ..., requester), then the keys
        ({"requester": {"id": 5}, "seq": -1, "id": 6}, "record.id", "Input should be a valid string"),
        ({"requester": {"id": 5}, "seq": -1}, "record.seq", "Input should be greater than or equal to 0"),
        ({1: 2, "requester": {"id": 5}}, "record.requester.id", "Input should be a valid string"),
        ({1: 2}, "record.1", "Keys should be strings"),
    ],
)  # fmt: skip
def test_each_breach_is_answered_as_the_server_always_has(record: dict, field: str, reason: str) -> None:
    """The field and reason of a 422 ``invalid_record`` (and of a desk's set-aside op) are part of the protocol:
    these are the answers the rules have given since the server first checked content."""
    with pytest.raises(ContentError) as info:
        check_record("request", record)
    assert (info.value.field, info.value.reason) == (field, reason)


@pytest.mark.parametrize(
    "record",
    [
        {"id": None, "seq": None, "requester": None},  # a null field is an absent one
        {"id": _Str("x"), "status": Status("diproses"), "seq": _Int.C},  # text and integer subclasses
        {"requester": {"created_at": "2026-01-01"}, "received_at": "2026-01-01T10:00:00Z"},
    ],
)
def test_what_the_rules_let_through(record: dict) -> None:
    check_record("request", record)


def test_an_event_is_judged_by_its_own_fields() -> None:
    with pytest.raises(ContentError) as info:
        check_event({"kind": "k" * 41}, 1)
    assert (info.value.field, info.value.reason) == (
        "events[1].kind",
        "Value should have at most 40 items after validation, not 41",
    )
    check_record("zzz", {"kind": "k" * 41})  # a kind without named fields: only the content-wide rules


def test_the_rules_need_no_validation_library() -> None:
    """Every command that records anything reads these rules at start-up: building a validation library's models
    for them cost ≈ 80 ms of ``request add`` (docs/benchmarks.md, "Start-up of every path")."""
    script = "import sys, ppid_protocol.content; print([m for m in sys.modules if m.startswith('pydantic')])"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def _bodies(text: str) -> list[bytes]:
    """``text`` as a value and as a key, in the JSON forms desks and tools send: ASCII-only escapes (lower and
    upper hex), raw UTF-8."""
    value = {"ops": [{"payload": {"state": {"information": f"a{text}b", f"k{text}": 1}}}]}
    ascii_lower = json.dumps(value).encode()
    ascii_upper = re.sub(rb"\\u([0-9a-f]{4})", lambda m: b"\\u" + m.group(1).upper(), ascii_lower)
    return [ascii_lower, ascii_upper, json.dumps(value, ensure_ascii=False).encode()]


@pytest.mark.parametrize("code", [*range(0x00, 0x100), 0x2028, 0xFEFF, 0xFFFD, 0x1F600])
def test_a_body_is_found_clean_exactly_when_no_string_in_it_holds_a_control_character(code: int) -> None:
    """The body-wide test the server runs once per push instead of scanning every record: never "clean" for a
    body holding a control character in any form, and "clean" for every other character."""
    char = chr(code)
    for body in _bodies(char):
        assert json_may_hold_control(body) is (control_character(char) is not None), (hex(code), body)


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("\\b", False),  # a backslash, then a b: the JSON is ``\\b``
        ("\\\\f", False),
        ("\\u0000", False),  # the six characters, not the escape
        ("\\\b", True),  # a backslash, then a backspace
        ("tab\tline\nreturn\r", False),
        ("Siti Ɓ ‎Ä", False),
    ],
)
def test_escaped_backslashes_are_not_taken_for_control_characters(text: str, holds: bool) -> None:
    for body in _bodies(text):
        assert json_may_hold_control(body) is holds, body

"""The content rules of ``ppid_protocol.content``: the vocabularies the server checks are the desk's own, and
each rule refuses what a desk could not store while letting every real record through."""

from __future__ import annotations

import json
import re
from datetime import date, datetime

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

"""The content rules of what travels: the types, dates, vocabularies and text every record and timeline event
must satisfy, checked by the server before anything is applied (422 naming the field) and by the desk before
anything is stored or queued.

A record that breaks them once reached the server and then stopped every pulling desk (an unparseable
``received_at``, a U+0000 that PostgreSQL cannot store), so both sides judge content by these rules, never by
rules of their own. Fields are optional (an op may carry part of a record) but, when present (and not null), must
be right; fields not named here pass through untouched: the rules validate, they never reshape.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

MIN_YEAR, MAX_YEAR = 1900, 2200
"""A date outside these years is a typing or clock error, never a real act of a PPID desk."""

REQUEST_STATUSES = frozenset(
    {"verifikasi", "tidak_lengkap", "diproses", "diperpanjang", "dijawab", "ditolak", "diteruskan",
     "diserahkan", "selesai", "tidak_dapat_diproses", "batal"}
)  # fmt: skip
"""The values of ``app.domain.lifecycle.Status`` (tests/test_protocol_content.py keeps them equal)."""
OBJECTION_STATUSES = frozenset({"terdaftar", "diputus", "sengketa", "selesai", "batal"})
"""The values of ``app.domain.lifecycle.ObjectionStatus``."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""C0 and C1 control characters except tab, line feed and carriage return (which long texts may hold). U+0000
in particular: PostgreSQL cannot store it in text or jsonb, so one such character failed every later push."""

MAX_DEPTH = 32
"""Nesting of lists and objects inside one record: the desk's deepest (a deadline explanation) is 4."""


def control_character(text: str) -> int | None:
    """The position of the first control character in ``text`` (None when clean)."""
    found = _CONTROL.search(text)
    return found.start() if found else None


def check_text(value: str) -> str:
    """Text with a control character is refused (ValueError)."""
    pos = control_character(value)
    if pos is not None:
        raise ValueError(f"berisi karakter kendali U+{ord(value[pos]):04X} pada posisi {pos + 1}")
    return value


def _year_ok(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"tahun {year} di luar rentang {MIN_YEAR}–{MAX_YEAR}")


def check_datetime(value: str) -> str:
    """An ISO 8601 date-time (a bare date is accepted as its midnight) within the sane years."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise ValueError("bukan tanggal-waktu ISO 8601") from exc
    _year_ok(parsed.year)
    return value


def check_date(value: str) -> str:
    """An ISO 8601 date (the desk reads its first 10 characters) within the sane years."""
    try:
        parsed = date.fromisoformat(value[:10])
        if len(value) > 10:
            datetime.fromisoformat(value)
    except ValueError as exc:
        raise ValueError("bukan tanggal ISO 8601") from exc
    _year_ok(parsed.year)
    return value


def _check_status(allowed: frozenset[str]) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError(f"status tidak dikenal: {value[:40]!r}")
        return value

    return check


def _walk(value: Any, path: str, depth: int) -> None:
    """Every string (keys included) anywhere in a record is clean text, nested at most ``MAX_DEPTH`` deep."""
    if depth > MAX_DEPTH:
        raise ValueError(f"{path}: bersarang lebih dari {MAX_DEPTH} tingkat")
    if isinstance(value, str):
        pos = control_character(value)
        if pos is not None:
            raise ValueError(f"{path}: berisi karakter kendali U+{ord(value[pos]):04X}")
    elif isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{_CONTROL.sub('?', str(key))[:40]}"
            _walk(str(key), where, depth + 1)
            _walk(item, where, depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _walk(item, f"{path}[{index}]", depth + 1)


def _depth_ok(value: Any) -> bool:
    """Containers nested at most ``MAX_DEPTH`` deep (only containers are visited: cheap for flat records)."""
    level: list[Any] = [value]
    for _depth in range(MAX_DEPTH):
        level = [
            child
            for node in level
            for child in (node.values() if isinstance(node, dict) else node)
            if isinstance(child, (dict, list))
        ]
        if not level:
            return True
    return False


class _Breach(Exception):
    """One field's first breach: ``loc`` from the record's root (nested records add their field's name)."""

    def __init__(self, loc: tuple[str, ...], msg: str) -> None:
        super().__init__(msg)
        self.loc, self.msg = loc, msg


_Rule = Callable[[Any], None]
"""Checks one present, non-null field value; raises ``_Breach`` (with an empty ``loc``) or ``ValueError``."""


def _string(*, min_length: int = 0, max_length: int | None = None, check: Callable[[str], str] | None = None,
            limit_after: int | None = None) -> _Rule:  # fmt: skip
    """Text in strict mode (a ``str`` or a subclass such as a string enum; never bytes or a number), checked in
    this order: ``min_length`` / ``max_length`` (in characters), then ``check``, then ``limit_after`` (a
    length limit applied after the check). The messages are the ones the server has always answered with."""

    def rule(value: Any) -> None:
        if not isinstance(value, str):
            raise _Breach((), "Input should be a valid string")
        if len(value) < min_length:
            plural = "" if min_length == 1 else "s"
            raise _Breach((), f"String should have at least {min_length} character{plural}")
        if max_length is not None and len(value) > max_length:
            raise _Breach((), f"String should have at most {max_length} characters")
        if check is not None:
            check(value)
        if limit_after is not None and len(value) > limit_after:
            too_long = f"Value should have at most {limit_after} items after validation, not {len(value)}"
            raise _Breach((), too_long)

    return rule


def _integer(ge: int, le: int) -> _Rule:
    """An ``int`` (an integer enum too, never ``bool``, a float or a numeric string) within ``ge``..``le``."""

    def rule(value: Any) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            raise _Breach((), "Input should be a valid integer")
        if value < ge:
            raise _Breach((), f"Input should be greater than or equal to {ge}")
        if value > le:
            raise _Breach((), f"Input should be less than or equal to {le}")

    return rule


def _boolean(value: Any) -> None:
    if not isinstance(value, bool):
        raise _Breach((), "Input should be a valid boolean")


def _nested(name: str, fields: dict[str, _Rule]) -> _Rule:
    """An embedded record (a JSON object) judged by its own kind's rules."""

    def rule(value: Any) -> None:
        if not isinstance(value, dict):
            raise _Breach((), f"Input should be a valid dictionary or instance of {name}")
        _judge(fields, value)

    return rule


# Text fields carry no control-character rule of their own: every string of a record or event (keys included)
# is checked once by ``check_record`` / ``check_event`` (``_scan``) before the fields are judged, or for a whole
# push body at once by ``json_may_hold_control``; a per-field rule would scan the same text a second time.
DateTimeText = _string(check=check_datetime)
DateText = _string(check=check_date)
RecordId = _string(min_length=1, max_length=64)
Code = _string(max_length=20)
Count = _integer(0, 2**31 - 1)
Year = _integer(MIN_YEAR, MAX_YEAR)


def _text(limit: int) -> _Rule:
    return _string(limit_after=limit)


def _judge(fields: dict[str, _Rule], record: dict[Any, Any]) -> None:
    """Named fields are typed, in their declared order, and only when present and not null; every other field
    passes through, but a record's keys are text. The first breach is raised with its location."""
    for name, rule in fields.items():
        value = record.get(name)
        if value is None:
            continue
        try:
            rule(value)
        except _Breach as exc:
            raise _Breach((name, *exc.loc), exc.msg) from None
        except ValueError as exc:
            raise _Breach((name,), f"Value error, {exc}") from None
    for key in record:
        if not isinstance(key, str):
            raise _Breach((str(key),), "Keys should be strings")


# The rules of each kind of record, field by field. Plain functions rather than a validation library's
# models: they are read by every command that records anything and by the server for every pushed op, and
# building a library's validators cost a command ≈ 80 ms of its start-up (docs/benchmarks.md, "Start-up of
# every path"). tests/test_protocol_content.py pins the answers, messages included.

_REQUEST_DATETIMES = ("received_at", "completed_at", "incomplete_notice_at", "extended_at", "decided_at",
                      "forwarded_at", "delivered_at", "closed_at", "voided_at", "created_at", "updated_at")  # fmt: skip
_REQUEST_DATES = ("due_completeness", "due_completion", "due_response", "due_extended", "due_current")
_OBJECTION_DATETIMES = ("decided_at", "requester_response_at", "dispute_filed_at", "dispute_decided_at",
                        "closed_at", "voided_at", "created_at", "updated_at")  # fmt: skip

REQUESTER_FIELDS: dict[str, _Rule] = {
    "id": RecordId,
    "kind": Code,
    "name": _text(200),
    "nik_masked": Code,
    "created_at": DateTimeText,
    "updated_at": DateTimeText,
}

REQUEST_FIELDS: dict[str, _Rule] = {
    "id": RecordId,
    "number": _text(60),
    "office_code": Code,
    "desk_letter": _text(2),
    "year": Year,
    "seq": Count,
    "status": _string(check=_check_status(REQUEST_STATUSES)),
    "channel": Code,
    "requester_id": RecordId,
    "requester": _nested("RequesterRecord", REQUESTER_FIELDS),
    **dict.fromkeys(_REQUEST_DATETIMES, DateTimeText),
    **dict.fromkeys(_REQUEST_DATES, DateText),
    "provision_days": Count,
    "info_held": _boolean,
}

OBJECTION_FIELDS: dict[str, _Rule] = {
    "id": RecordId,
    "number": _text(60),
    "request_id": RecordId,
    "office_code": Code,
    "desk_letter": _text(2),
    "year": Year,
    "seq": Count,
    "status": _string(check=_check_status(OBJECTION_STATUSES)),
    "filed_at": DateTimeText,
    "due_response": DateText,
    **dict.fromkeys(_OBJECTION_DATETIMES, DateTimeText),
}

CALENDAR_FIELDS: dict[str, _Rule] = {
    "id": RecordId,
    "day": DateText,
    "kind": Code,
    "removed_at": DateTimeText,
    "created_at": DateTimeText,
}

LETTER_FIELDS: dict[str, _Rule] = {
    "id": RecordId,
    "request_id": RecordId,
    "objection_id": RecordId,
    "office_code": Code,
    "issued_at": DateTimeText,
    "voided_at": DateTimeText,
}

DIK_FIELDS: dict[str, _Rule] = {
    "id": RecordId,
    "office_code": Code,
    "article": Code,
    "sk_date": DateText,
    "excluded_until": DateText,
    "created_at": DateTimeText,
    "revoked_at": DateTimeText,
}
"""An entry of an office's Daftar Informasi yang Dikecualikan (its SK and uji konsekuensi)."""

DIP_FIELDS: dict[str, _Rule] = {
    "id": RecordId,
    "office_code": Code,
    "created_at": DateTimeText,
    "revoked_at": DateTimeText,
}
"""An entry of an office's Daftar Informasi Publik (information available at any time)."""

EVENT_FIELDS: dict[str, _Rule] = {
    "id": RecordId,
    "kind": _text(40),
    "at": DateTimeText,
    "recorded_at": DateTimeText,
    "user": _text(50),
    "username": _text(50),
    "request_id": RecordId,
    "objection_id": RecordId,
}
"""One timeline line; ``request_id`` / ``objection_id`` say which record's timeline it goes on."""

RECORD_FIELDS: dict[str, dict[str, _Rule]] = {
    "request": REQUEST_FIELDS,
    "objection": OBJECTION_FIELDS,
    "requester": REQUESTER_FIELDS,
    "calendar": CALENDAR_FIELDS,
    "letter": LETTER_FIELDS,
    "dik": DIK_FIELDS,
    "dip": DIP_FIELDS,
}
"""The named fields of each kind of record; a kind not named here has only the content-wide rules."""


class ContentError(ValueError):
    """A record or event that breaks the content rules: ``field`` names where (e.g. ``record.received_at``)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field, self.reason = field, reason


_ESCAPED_CONTROL = re.compile(r"\\\\|\\u00[01][0-9a-f]|\\[bf]|[\x7f-\x9f]")
"""What a control character looks like in ``json.dumps(..., ensure_ascii=False)`` output: C0 escaped as a
backslash-u escape (backspace and form feed in their short forms), C1 and DEL raw. An escaped backslash is
matched only to be skipped, so a literal backslash followed by a ``b`` is not taken for one."""


_C1 = re.compile("[\x7f-\x9f]")


def _maybe_control(value: dict[str, Any]) -> bool:
    """Fast test (one C-level serialisation and regex pass) whether ``value`` may hold a control character."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    if "\\u00" not in text and "\\b" not in text and "\\f" not in text and not _C1.search(text):
        return False  # the common case, decided by C-level substring searches
    return any(m.group() != "\\\\" for m in _ESCAPED_CONTROL.finditer(text))


_C0_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
"""C0 controls (but tab, line feed, carriage return) and DEL, as raw bytes of a JSON text."""
_JSON_ESCAPE = re.compile(rb"\\(?:\\|[bf]|u00[01][0-9a-fA-F]|u007[fF]|u00[89][0-9a-fA-F])")
"""A JSON escape that decodes to a control character (C0 but tab/LF/CR, DEL, C1), in either hex case; an
escaped backslash is matched only to be stepped over, so ``\\\\b`` (a backslash, then ``b``) is not taken for
one."""
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
"""U+0080–U+009F in UTF-8 (a byte 0xC2 only ever starts a character, never continues one)."""


def json_may_hold_control(raw: bytes) -> bool:
    """Whether the JSON text ``raw`` (UTF-8) may decode to a string or key holding a control character.

    False is exact: every string parsed from ``raw`` is clean text, so a push body that passes needs no scan of
    its records one by one (on the server that scan, a serialisation of every record and event, was a fifth of
    a push's CPU: docs/benchmarks.md, "Server CPU per op"). True only means "look closer"
    (``check_record`` / ``check_event`` find and name the field). A control character can only get into a
    parsed string as a raw byte, a JSON escape or a raw UTF-8 C1 character, and each is looked for here with
    C-level byte searches."""
    if len(raw.translate(None, _C0_BYTES)) != len(raw):
        return True
    if b"\xc2" in raw and _C1_UTF8.search(raw):
        return True
    return b"\\" in raw and any(m.group() != b"\\\\" for m in _JSON_ESCAPE.finditer(raw))


def _scan(value: dict[str, Any], prefix: str, text_checked: bool = False) -> None:
    """The content-wide rules (clean text everywhere, bounded nesting), with the path of the first breach.
    The walk that names the path runs only when the fast test finds a control character or the value nests
    deeply (``json.dumps`` raises on runaway nesting). ``text_checked``: the text was found clean already
    (``json_may_hold_control`` on the body it was parsed from), only the nesting is checked."""
    if text_checked:
        suspect = False
    else:
        try:
            suspect = _maybe_control(value)
        except (RecursionError, ValueError):
            suspect = True
    if not suspect and _depth_ok(value):
        return
    try:
        _walk(value, "", 0)
    except ValueError as exc:
        path, _sep, reason = str(exc).partition(": ")
        raise ContentError(prefix + path, reason) from None


def check_record(entity: str, record: dict[str, Any], *, text_checked: bool = False) -> None:
    """Raise ``ContentError`` when ``record`` (of kind ``entity``) breaks a content rule. ``text_checked``:
    the caller found the JSON this record was parsed from free of control characters
    (``json_may_hold_control``), so its text is not scanned again."""
    _scan(record, "record", text_checked)
    try:
        _judge(RECORD_FIELDS.get(entity, {}), record)
    except _Breach as exc:
        raise ContentError(".".join(("record", *exc.loc)), exc.msg) from None


def check_event(event: dict[str, Any], index: int = 0, *, text_checked: bool = False) -> None:
    """Raise ``ContentError`` when a timeline line breaks a content rule (``text_checked`` as for
    ``check_record``)."""
    _scan(event, f"events[{index}]", text_checked)
    try:
        _judge(EVENT_FIELDS, event)
    except _Breach as exc:
        raise ContentError(".".join((f"events[{index}]", *exc.loc)), exc.msg) from None

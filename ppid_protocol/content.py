"""The content rules of what travels: the types, dates, vocabularies and text every record and timeline event
must satisfy, checked by the server before anything is applied (422 naming the field) and by the desk before
anything is stored or queued.

A record that breaks them once reached the server and then stopped every pulling desk (an unparseable
``received_at``, a U+0000 that PostgreSQL cannot store), so both sides judge content by these models, never by
rules of their own. Fields are optional (an op may carry part of a record) but, when present, must be right;
fields not named here pass through untouched (``extra="allow"``): the models validate, they never reshape.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

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
    """Pydantic validator and plain check: text with a control character is refused (ValueError)."""
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


def _check_status(allowed: frozenset[str]) -> Any:
    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError(f"status tidak dikenal: {value[:40]!r}")
        return value

    return AfterValidator(check)


# Text fields carry no control-character validator of their own: every string of a record or event (keys
# included) is checked once by ``check_record`` / ``check_event`` (``_scan``), or for a whole push body at once
# by ``json_may_hold_control``; a per-field validator would scan the same text a second time.
Text = str
DateTimeText = Annotated[str, AfterValidator(check_datetime)]
DateText = Annotated[str, AfterValidator(check_date)]
RecordId = Annotated[str, Field(min_length=1, max_length=64)]
Code = Annotated[str, Field(max_length=20)]
Count = Annotated[int, Field(ge=0, le=2**31 - 1)]
Year = Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR)]


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


class _Content(BaseModel):
    """Named fields are typed; every other field passes through. Text everywhere is checked by
    ``check_record`` / ``check_event`` (the entry points) or for a whole body by ``json_may_hold_control``, not
    by the model, so it is scanned once.
    ``defer_build``: a model's validator is built when it first validates, so a command that records one kind of
    record does not pay for all seven at import (docs/benchmarks.md, "Start-up of every path")."""

    model_config = ConfigDict(extra="allow", strict=True, defer_build=True)


class RequesterRecord(_Content):
    id: RecordId | None = None
    kind: Code | None = None
    name: Annotated[Text, Field(max_length=200)] | None = None
    nik_masked: Code | None = None
    created_at: DateTimeText | None = None
    updated_at: DateTimeText | None = None


_DATETIMES = ("received_at", "completed_at", "incomplete_notice_at", "extended_at", "decided_at",
              "forwarded_at", "delivered_at", "closed_at", "voided_at", "created_at", "updated_at")  # fmt: skip


class RequestRecord(_Content):
    id: RecordId | None = None
    number: Annotated[Text, Field(max_length=60)] | None = None
    office_code: Code | None = None
    desk_letter: Annotated[Text, Field(max_length=2)] | None = None
    year: Year | None = None
    seq: Count | None = None
    status: Annotated[str, _check_status(REQUEST_STATUSES)] | None = None
    channel: Code | None = None
    requester_id: RecordId | None = None
    requester: RequesterRecord | None = None
    received_at: DateTimeText | None = None
    completed_at: DateTimeText | None = None
    incomplete_notice_at: DateTimeText | None = None
    extended_at: DateTimeText | None = None
    decided_at: DateTimeText | None = None
    forwarded_at: DateTimeText | None = None
    delivered_at: DateTimeText | None = None
    closed_at: DateTimeText | None = None
    voided_at: DateTimeText | None = None
    created_at: DateTimeText | None = None
    updated_at: DateTimeText | None = None
    due_completeness: DateText | None = None
    due_completion: DateText | None = None
    due_response: DateText | None = None
    due_extended: DateText | None = None
    due_current: DateText | None = None
    provision_days: Count | None = None
    info_held: bool | None = None


class ObjectionRecord(_Content):
    id: RecordId | None = None
    number: Annotated[Text, Field(max_length=60)] | None = None
    request_id: RecordId | None = None
    office_code: Code | None = None
    desk_letter: Annotated[Text, Field(max_length=2)] | None = None
    year: Year | None = None
    seq: Count | None = None
    status: Annotated[str, _check_status(OBJECTION_STATUSES)] | None = None
    filed_at: DateTimeText | None = None
    due_response: DateText | None = None
    decided_at: DateTimeText | None = None
    requester_response_at: DateTimeText | None = None
    dispute_filed_at: DateTimeText | None = None
    dispute_decided_at: DateTimeText | None = None
    closed_at: DateTimeText | None = None
    voided_at: DateTimeText | None = None
    created_at: DateTimeText | None = None
    updated_at: DateTimeText | None = None


class CalendarRecord(_Content):
    id: RecordId | None = None
    day: DateText | None = None
    kind: Code | None = None
    removed_at: DateTimeText | None = None
    created_at: DateTimeText | None = None


class LetterRecord(_Content):
    id: RecordId | None = None
    request_id: RecordId | None = None
    objection_id: RecordId | None = None
    office_code: Code | None = None
    issued_at: DateTimeText | None = None
    voided_at: DateTimeText | None = None


class DikRecord(_Content):
    """An entry of an office's Daftar Informasi yang Dikecualikan (its SK and uji konsekuensi)."""

    id: RecordId | None = None
    office_code: Code | None = None
    article: Code | None = None
    sk_date: DateText | None = None
    excluded_until: DateText | None = None
    created_at: DateTimeText | None = None
    revoked_at: DateTimeText | None = None


class DipRecord(_Content):
    """An entry of an office's Daftar Informasi Publik (information available at any time)."""

    id: RecordId | None = None
    office_code: Code | None = None
    created_at: DateTimeText | None = None
    revoked_at: DateTimeText | None = None


class EventRecord(_Content):
    """One timeline line; ``request_id`` / ``objection_id`` say which record's timeline it goes on."""

    id: RecordId | None = None
    kind: Annotated[Text, Field(max_length=40)] | None = None
    at: DateTimeText | None = None
    recorded_at: DateTimeText | None = None
    user: Annotated[Text, Field(max_length=50)] | None = None
    username: Annotated[Text, Field(max_length=50)] | None = None
    request_id: RecordId | None = None
    objection_id: RecordId | None = None


RECORD_MODELS: dict[str, type[_Content]] = {
    "request": RequestRecord,
    "objection": ObjectionRecord,
    "requester": RequesterRecord,
    "calendar": CalendarRecord,
    "letter": LetterRecord,
    "dik": DikRecord,
    "dip": DipRecord,
}


class ContentError(ValueError):
    """A record or event that breaks the content rules: ``field`` names where (e.g. ``record.received_at``)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field, self.reason = field, reason


def _first_error(prefix: str, exc: ValidationError) -> ContentError:
    err = exc.errors(include_url=False)[0]
    loc = ".".join(str(p) for p in err.get("loc", ()))
    return ContentError(f"{prefix}.{loc}" if loc else prefix, str(err.get("msg", "tidak sah")))


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
    model = RECORD_MODELS.get(entity, _Content)
    _scan(record, "record", text_checked)
    try:
        model.model_validate(record)
    except ValidationError as exc:
        raise _first_error("record", exc) from None


def check_event(event: dict[str, Any], index: int = 0, *, text_checked: bool = False) -> None:
    """Raise ``ContentError`` when a timeline line breaks a content rule (``text_checked`` as for
    ``check_record``)."""
    _scan(event, f"events[{index}]", text_checked)
    try:
        EventRecord.model_validate(event)
    except ValidationError as exc:
        raise _first_error(f"events[{index}]", exc) from None

"""The field side of a held sync conflict: which fields differ between the server's copy and the desk's held
version, their plain Indonesian labels and display text, and turning a chosen JSON value back into a column
value of the desk's register.

Why separate from the service: the comparison and the value conversion are pure functions (no database),
shared by the listing (what a supervisor sees) and the resolution (what is written and sent), so what is shown
is exactly what is applied.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String, Table, Text

from app.domain.deadlines import DEADLINE_LABELS, OBJECTION_DEADLINE_LABELS
from app.domain.formatting import format_date
from app.domain.identity import mask_phone
from app.domain.lifecycle import (
    Decision,
    ObjectionStatus,
    Status,
)
from app.errors import ValidationError
from app.services.record_fields import FIELD_LABELS, TABLES, field_of
from ppid_protocol.fields import IGNORED_FIELDS

#: Bookkeeping that never counts as a difference a person has to decide on.
SKIPPED = frozenset(IGNORED_FIELDS | {"created_at", "id", "request_number"})
REQUESTER_SKIPPED = frozenset({"version", "created_at", "updated_at", "id", "nik_encrypted", "nik_hash"})

#: The requester's fields in the one-line summary of the "Identitas pemohon" row (short, lower-case labels).
REQUESTER_LABELS: dict[str, str] = {
    "kind": "jenis", "name": "nama", "nik_masked": "NIK", "legal_number": "no. SK", "address": "alamat",
    "phone": "telepon", "email": "email", "occupation": "pekerjaan",
}  # fmt: skip


#: A record's deadlines by the names its page gives them (a keberatan stores its own under other keys).
DEADLINE_NAMES: dict[str, Mapping[str, str]] = {"objection": OBJECTION_DEADLINE_LABELS}
MAX_TEXT = 240


def label(name: str) -> str:
    """The field's Indonesian label from the field tables (``record_fields/``)."""
    return FIELD_LABELS.get(name, name.replace("_", " "))


@dataclass(frozen=True)
class FieldDiff:
    """One field a supervisor decides on. Values are as they travel (JSON: dates as ISO text)."""

    name: str
    label: str
    base: Any
    server: Any
    desk: Any
    conflicting: bool  # legally significant and changed on both sides (the server said so)
    has_base: bool
    server_text: str
    desk_text: str
    base_text: str


def _requester_view(value: Any) -> Any:
    if not isinstance(value, Mapping):
        return value
    return {k: v for k, v in value.items() if k not in REQUESTER_SKIPPED}


def same(name: str, a: Any, b: Any) -> bool:
    if name == "requester":
        return bool(_requester_view(a) == _requester_view(b))
    return bool(a == b)


def _options(entity: str, name: str) -> Mapping[Any, str] | None:
    """The texts of a coded field of ``entity`` (the field tables' ``options``), None for any other field."""
    table = TABLES.get(entity)  # type: ignore[call-overload]
    spec = next((f for f in table or () if f.name == name), None)
    return spec.options if spec is not None else None


def display(name: str, value: Any, *, reveal: bool = False, entity: str = "") -> str:
    """Plain text of a value for the comparison (personal data masked unless ``reveal``); a code of ``entity``'s
    field reads as the text the field tables give it, as on the record's own page."""
    if value is None or value == "" or value == [] or value == {}:
        return "–"
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    options = _options(entity, name)
    if options is not None and isinstance(value, str):
        return options.get(value, value)
    if name == "requester" and isinstance(value, Mapping):
        parts = []
        for key, text in REQUESTER_LABELS.items():
            item = value.get(key)
            if item in (None, ""):
                continue
            if field_of("requester", key).masked_for and not reveal:
                item = mask_phone(str(item)) if key == "phone" else "***"
            parts.append(f"{text}: {item}")
        return "; ".join(parts) or "–"
    if name == "deadlines" and isinstance(value, Mapping):
        dues = []
        names = DEADLINE_NAMES.get(entity, DEADLINE_LABELS)
        for kind, entry in sorted(value.items()):
            due = entry.get("due") if isinstance(entry, Mapping) else None
            dues.append(f"{names.get(kind, kind)}: {display('due', due)}")
        return "; ".join(dues)
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        if len(value) == 10:
            return format_date(moment.date())
        return f"{format_date(moment.date())} {moment:%H.%M}"
    text = (
        json.dumps(value, ensure_ascii=False, sort_keys=True)
        if isinstance(value, Mapping | list)
        else str(value)
    )
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def differences(
    entity: str,
    server: Mapping[str, Any],
    desk: Mapping[str, Any],
    held: Mapping[str, Mapping[str, Any]],
    *,
    reveal: bool = False,
) -> list[FieldDiff]:
    """Conflicting fields first (as the server reported them: legally significant, changed on both sides, with
    their base), then every other field in which the desk's held version differs from the server's copy: all
    of it is what "take the desk's" would change, so the supervisor sees it before choosing."""
    out: list[FieldDiff] = []
    names = [n for n in held if n not in SKIPPED]
    names += sorted(k for k in set(server) | set(desk) if k not in SKIPPED and k not in held)
    for name in names:
        info = held.get(name, {})
        srv = server.get(name, info.get("server"))
        dsk = desk.get(name, info.get("desk"))
        conflicting = name in held
        if not conflicting and same(name, srv, dsk):
            continue
        out.append(
            FieldDiff(
                name=name, label=label(name), base=info.get("base"), server=srv, desk=dsk,
                conflicting=conflicting,
                has_base="base" in info, server_text=display(name, srv, reveal=reveal, entity=entity),
                desk_text=display(name, dsk, reveal=reveal, entity=entity),
                base_text=display(name, info.get("base"), reveal=reveal, entity=entity) if "base" in info else "",
            )
        )  # fmt: skip
    return out


_STATUS_ENUMS: dict[str, type[Status] | type[ObjectionStatus]] = {
    "request": Status,
    "objection": ObjectionStatus,
}


def to_column(entity: str, table: Table, name: str, value: Any) -> Any:
    """A chosen JSON value as the register column wants it; raises ValidationError in plain Indonesian."""
    col = table.columns.get(name)
    if col is None:
        raise ValidationError({name: f"{label(name)} tidak dapat diubah di meja ini."})
    if value is None or value == "" and not isinstance(col.type, String | Text):
        if not col.nullable:
            raise ValidationError({name: f"{label(name)} wajib diisi."})
        return None
    try:
        if isinstance(col.type, DateTime):
            moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
            return moment.replace(tzinfo=None)
        if isinstance(col.type, Date):
            return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
        if isinstance(col.type, Boolean):
            if isinstance(value, bool):
                return value
            raise ValueError
        if isinstance(col.type, Integer):
            if isinstance(value, bool):
                raise ValueError
            return int(value)
        if isinstance(col.type, JSON):
            return json.loads(value) if isinstance(value, str) else value
    except (ValueError, TypeError):
        raise ValidationError({name: f"Nilai {label(name)} tidak dapat dibaca: {value!r}."}) from None
    text = str(value)
    if name == "status" and entity in _STATUS_ENUMS:
        try:
            _STATUS_ENUMS[entity](text)
        except ValueError:
            raise ValidationError({name: f"Status '{text}' tidak dikenal."}) from None
    if name == "decision" and entity == "request":
        try:
            Decision(text)
        except ValueError:
            raise ValidationError({name: f"Keputusan '{text}' tidak dikenal."}) from None
    return text

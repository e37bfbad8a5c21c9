"""An audit entry's details as a person reads them: ``Nomor registrasi: CPJ/2026/A-0005; Cara penyerahan: Pos``.

Why: the log stores each entry's details as JSON under the names the code uses (``{"method": "pos"}``), and a
supervisor reading the log is told what happened in Indonesian, not in the program's field names and codes
(issue 16: no raw codes shown to people). A key that is a field of a record takes the field's label and its
code's text from the field tables (``app/services/record_fields/``), the one place that declares them; an
action's body names some fields otherwise (``method`` for ``delivery_method``), and ``FIELD_OF`` says which.
Only what the audit log records beside the fields (the rows of an export, a locked account's end) has its
label here.

The stored JSON is unchanged (the hash chain covers it): this is only how it is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from app.domain.formatting import format_date_short, format_time
from app.domain.permissions import ROLE_LABELS
from app.services.record_fields import FIELD_LABELS, TABLES, RecordField
from app.services.record_fields.fields import Entity

#: The body names of an action for the record fields they fill, per record (``request_actions.BODY_KEYS``,
#: ``objections.BODY_KEYS``), and per action where one name means different fields (``ACTION_FIELD_OF``).
FIELD_OF: dict[str, dict[str, str]] = {
    "request": {
        "method": "delivery_method", "article": "rejection_article", "documents_added": "documents",
        "to_body": "forwarded_to", "other_basis": "rejection_other_basis",
    },
    "objection": {"register_number": "dispute_register", "outcome": "dispute_outcome", "response": "requester_response"},
}  # fmt: skip

#: Records whose entries speak of another record's fields.
REGISTER_OF: dict[str, str] = {"register": "request"}
ACTION_FIELD_OF: dict[str, dict[str, str]] = {"request_extend": {"reason": "extension_reason"}}

#: What the audit log records that is no field of a record (an export's rows, a locked account's end, …).
AUDIT_LABELS: dict[str, str] = {
    "number": "Nomor",
    "request": "Permohonan",
    "letter": "Surat",
    "numbers": "Nomor",
    "requesters": "Pemohon",
    "fields": "Data",
    "note": "Catatan",
    "reason": "Alasan",
    "late": "Diajukan terlambat",
    "username": "Nama pengguna",
    "role": "Peran",
    "old": "Sebelumnya",
    "new": "Menjadi",
    "code": "Kode kantor",
    "admin": "Administrator",
    "locked_until": "Terkunci sampai",
    "failures": "Gagal berturut-turut",
    "target": "Berkas",
    "path": "Berkas",
    "format": "Format",
    "rows": "Jumlah baris",
    "filter": "Saringan",
    "letters": "Surat",
    "changed": "Tenggat yang berubah",
    "kind": "Jenis",
    "sections": "Bagian narasi",
    "from": "Dari tanggal",
    "to": "Sampai tanggal",
    "text": "Teks dicari",
    "year": "Tahun",
    "day": "Tanggal",
    "title": "Judul",
    "sk_number": "Nomor SK",
    "similar_to": "Mirip dengan",
    "objections": "Keberatan",
    "cuti_bersama_is_holiday": "Cuti bersama dihitung sebagai hari libur",
    "provision_days": "Lama penyediaan (hari kerja)",
    "field": "Data yang dikoreksi",
    "value": "Nilai baru",
}

#: How many items of a list are named before "dan N lainnya" (a page of the register names fifty numbers).
LIST_SHOWN = 5
SEPARATOR = "; "


def _field(entity: str, key: str, action: str = "") -> RecordField | None:
    """The record field ``key`` names in ``entity``'s details (directly or under an action's body name)."""
    name = ACTION_FIELD_OF.get(action, {}).get(key) or FIELD_OF.get(entity, {}).get(key, key)
    # the register's entries (an export, a list shown) speak of its requests' fields (an export's filter)
    for table_entity in (REGISTER_OF.get(entity, entity), "requester"):
        for spec in TABLES.get(table_entity, ()):  # type: ignore[call-overload]
            if spec.name == name:
                return spec
    return None


def label(entity: str, key: str, action: str = "") -> str:
    """``key``'s label: its record field's (a field of ``entity`` itself first), else its own in the audit log,
    else a requester's field's, else the key in words."""
    spec = _field(entity, key, action)
    if spec is not None and spec.entity == REGISTER_OF.get(entity, entity):
        return spec.label
    if key in AUDIT_LABELS:
        return AUDIT_LABELS[key]
    if spec is not None:
        return spec.label
    return FIELD_LABELS.get(key, key.replace("_", " "))


def _moment(text: str) -> str | None:
    """An ISO date or moment as the desk shows one (``27-11-2026``, ``27-11-2026 14.30``), None for other text."""
    if len(text) < 10 or text[4:5] != "-" or text[7:8] != "-":
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if len(text) == 10:
        return format_date_short(moment.date())
    return f"{format_date_short(moment.date())} {format_time(moment)}"


def value_text(entity: str, key: str, value: Any, action: str = "") -> str:
    """One value in words: a code as its text, a field name as its label, a date as the desk writes one; the
    values of a group (an office's fields before and after) each quoted after its label, an empty one "–"."""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, Mapping):
        return ", ".join(
            f"{label(entity, k)} “{value_text(entity, k, v)}”" if _shown(v) else f"{label(entity, k)} –"
            for k, v in value.items()
        )
    if isinstance(value, list | tuple):
        items = [value_text(entity, key, item) for item in value if _shown(item)]
        more = len(items) - LIST_SHOWN
        return ", ".join(items[:LIST_SHOWN]) + (f" dan {more} lainnya" if more > 0 else "")
    if key == "fields" and isinstance(value, str):
        return label(entity, value)
    if key == "sections" and isinstance(value, str):
        from app.services.reports import NARRATIVE_SECTIONS

        return NARRATIVE_SECTIONS.get(value, value)
    if key == "kind" and entity == "letter" and isinstance(value, str):
        from app.documents.kinds import DOCUMENT_TITLES

        return DOCUMENT_TITLES.get(value, value)
    if key == "role" and isinstance(value, str):
        from app.services.office import OFFICIAL_ROLES

        roles = {role.value: text for role, text in ROLE_LABELS.items()}
        return roles.get(value) or OFFICIAL_ROLES.get(value, value)
    if isinstance(value, str):
        spec = _field(entity, key, action)
        if spec is not None and spec.options is not None:
            return str(spec.options.get(value, value))
        return _moment(value) or value
    return str(value)


def _shown(value: Any) -> bool:
    return value is not None and value != "" and value != [] and value != {}


def describe(entity: Entity | str, details: Mapping[str, Any] | None, action: str = "") -> str:
    """The details of an entry about ``entity`` (recorded for ``action``) as "label: value" pairs; a pair with
    no value is left out."""
    if not details:
        return ""
    pairs = [
        f"{label(entity, key, action)}: {value_text(entity, key, value, action)}"
        for key, value in details.items()
        if _shown(value)
    ]
    return SEPARATOR.join(pairs)

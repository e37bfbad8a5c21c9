"""A calendar entry's field table: only its labels, for the supervisor's conflict review."""

from __future__ import annotations

from app.services.record_fields.fields import (
    RecordField,
    table,
)

_F = RecordField


# A calendar entry (holiday, closure), as the conflict review names its fields.
CALENDAR_FIELDS: tuple[RecordField, ...] = table(
    "calendar",
    _F("day", "Tanggal", view=False),
    _F("kind", "Jenis", view=False),
    _F("name", "Nama", view=False),
    _F("removed_at", "Tanggal dihapus", view=False),
)

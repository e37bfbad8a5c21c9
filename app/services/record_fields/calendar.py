"""A calendar entry's field table: its labels, for the supervisor's conflict review and the audit log, and the
text its stored kind stands for."""

from __future__ import annotations

from app.services.record_fields.fields import (
    RecordField,
    table,
)

_F = RecordField

#: What a calendar entry's stored kind stands for (``CLOSURE``, ``WORKING_OVERRIDE`` of the calendar service).
CALENDAR_KINDS: dict[str, str] = {"libur_lokal": "Libur lokal", "hari_kerja": "Hari kerja pengganti"}

# A calendar entry (holiday, closure), as the conflict review names its fields.
CALENDAR_FIELDS: tuple[RecordField, ...] = table(
    "calendar",
    _F("day", "Tanggal", view=False),
    _F("kind", "Jenis", view=False, options=CALENDAR_KINDS),
    _F("name", "Nama", view=False),
    _F("removed_at", "Tanggal dihapus", view=False),
)

"""A field table with some of its fields changed, for the tests that show what is derived from the tables."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from app.services.record_fields import RecordField


def amended(table: tuple[RecordField, ...], **changes: dict[str, Any]) -> tuple[RecordField, ...]:
    """``table`` with the named fields changed: ``amended(REQUEST_FIELDS, purpose={"correct": None})``."""
    assert set(changes) <= {f.name for f in table}, "a change names a field the table does not have"
    return tuple(replace(f, **changes[f.name]) if f.name in changes else f for f in table)

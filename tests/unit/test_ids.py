"""Desk-made identifiers: unique, version 7, and in creation order within a process."""

from __future__ import annotations

import uuid

from app.ids import new_id


def test_ids_are_uuid7_unique_and_sorted_in_creation_order() -> None:
    ids = [new_id() for _ in range(20_000)]  # many fall in the same millisecond
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)
    assert all(uuid.UUID(i).version == 7 and uuid.UUID(i).variant == uuid.RFC_4122 for i in ids[:100])

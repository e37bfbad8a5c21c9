"""The authenticated device a request acts for, and its scope."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DeviceCtx:
    id: str
    office_id: int
    office_code: str
    office_name: str
    is_city: bool
    desk_letter: str

    @property
    def scope_key(self) -> str:
        """Part of the pull cursor: a cursor made for another scope is refused (409), never misapplied."""
        return "city" if self.is_city else f"office:{self.office_id}"


class ScopeViolation(Exception):
    """A desk tried to read or write a record of another office (HTTP 403, nothing applied)."""

    def __init__(self, entity_id: str) -> None:
        super().__init__(entity_id)
        self.entity_id = entity_id

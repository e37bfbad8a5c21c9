"""The state of a record as it travels to the city server in an outbox operation.

One module so that every intent (intake, actions, keberatan, deadline recompute) sends the same shape.
"""

from __future__ import annotations

from typing import Any

from db.models import CalendarEntry, ExcludedInformation, Objection, PublicInformation, Request, Requester


def request_state(row: Request, requester: Requester) -> dict[str, Any]:
    """The record as it travels to the city server. The NIK never leaves the desk: only its masked form."""
    state = {c.name: getattr(row, c.name) for c in Request.__table__.columns}
    state["requester"] = {
        c.name: getattr(requester, c.name)
        for c in Requester.__table__.columns
        if c.name not in ("nik_encrypted", "nik_hash")
    }
    return jsonable(state)


def jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def objection_state(row: Objection, request_number: str) -> dict[str, Any]:
    state = {c.name: getattr(row, c.name) for c in Objection.__table__.columns}
    state["request_number"] = request_number
    return dict(jsonable(state))


def calendar_state(row: CalendarEntry) -> dict[str, Any]:
    """A calendar entry in full, removal included, so every desk of the office ends with the same calendar."""
    return dict(jsonable({c.name: getattr(row, c.name) for c in CalendarEntry.__table__.columns}))


def information_list_state(row: ExcludedInformation | PublicInformation) -> dict[str, Any]:
    """A DIK or DIP entry in full, revocation included, so the city desk sees every office's lists as kept."""
    return dict(jsonable({c.name: getattr(row, c.name) for c in type(row).__table__.columns}))

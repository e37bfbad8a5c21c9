"""The services apply the text rules themselves, so the desktop forms (which bypass the CLI's JSON reader) refuse
the same input: a U+0000 in the information requested once blocked every later push to PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from svc_helpers import counts

from app.errors import ValidationError
from app.services.context import Actor
from app.services.desk import DeskServices


@pytest.mark.parametrize(
    "override",
    [
        {"information": "Salinan\x00DPA"},
        {"purpose": "Penelitian \u202eisprkis"},
        {"requester": {"name": "Budi\u202eotnaS"}},
        {"requester": {"address": "Jl. A\x00"}},
        {"documents": ["ktp\x00"]},
    ],
)
def test_intake_refuses_control_and_bidi_characters(
    desk: DeskServices, officer: Actor, walk_in: Callable[..., dict[str, Any]], override: dict[str, Any]
) -> None:
    before = counts(desk)
    with pytest.raises(ValidationError):
        desk.register.receive(officer, walk_in(**override))
    assert counts(desk) == before


def test_calendar_add_refuses_year_9999_and_a_nul_in_the_name(desk: DeskServices, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="rentang"):
        desk.calendar.add(admin, day=date(9999, 12, 31), name="Libur")
    with pytest.raises(ValidationError, match="U\\+0000"):
        desk.calendar.add(admin, day=date(2026, 10, 8), name="HUT\x00")


def test_user_names_refuse_bidi_characters(desk: DeskServices, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="U\\+202E"):
        desk.users.add(
            admin, username="siti", full_name="Siti\u202e", role="petugas", password="sandi-rahasia-9"
        )

"""The audit log as a supervisor reads it: newest first, by record, user and date; petugas refused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from app.errors import PermissionDenied
from app.services.context import Actor
from app.services.desk import DeskServices


def test_petugas_may_not_read_the_log(desk: DeskServices, officer: Actor) -> None:
    with pytest.raises(PermissionDenied):
        desk.audit_log.entries(officer)


def test_filters_by_record_user_and_date(
    desk: DeskServices, supervisor: Actor, officer: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    first = desk.register.receive(officer, walk_in()).number
    second = desk.register.receive(supervisor, walk_in()).number
    desk.letters.issue(supervisor, "receipt", first)

    everything = desk.audit_log.entries(supervisor)
    assert [e.id for e in everything] == sorted((e.id for e in everything), reverse=True)
    assert all(e.chain_seq is not None for e in everything)  # every entry is in the chain

    about_first = desk.audit_log.entries(supervisor, record=first)
    assert {e.action for e in about_first} == {"request_receive", "letter_issue"}
    assert "Surat diterbitkan" in {e.label for e in about_first}
    assert not any(second in e.details for e in about_first)

    by_officer = desk.audit_log.entries(supervisor, username=officer.username)
    assert by_officer and {e.username for e in by_officer} == {officer.username}
    assert officer.username in desk.audit_log.usernames(supervisor)

    today = everything[0].at.date()
    assert desk.audit_log.entries(supervisor, day_from=today, day_to=today)
    assert desk.audit_log.entries(supervisor, day_to=today - dt.timedelta(days=1)) == [
        e for e in everything if e.at.date() < today
    ]


def test_each_entry_names_its_record_as_people_do(
    desk: DeskServices, supervisor: Actor, officer: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    """The log's *Catatan* column showed "request 01a24e4e-…": an internal id, and wider than its column."""
    number = desk.register.receive(officer, walk_in()).number
    entries = desk.audit_log.entries(supervisor, record=number)
    receive = next(e for e in entries if e.action == "request_receive")
    assert receive.record == f"Permohonan {number}"
    assert all(e.entity_id is None or e.entity_id not in e.record for e in entries)


def test_a_record_is_found_where_an_entry_names_it_without_sqlalchemy_deprecations(
    desk: DeskServices, supervisor: Actor, officer: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    """An entry about another record that names the number in its details (a list that showed it) is found by
    that number; the stored JSON is searched as text, not with LIKE on the JSON type (deprecated in SQLAlchemy
    2.1, to be refused by a later release)."""
    import warnings

    from sqlalchemy.exc import SADeprecationWarning

    from app.services.journal import audit

    number = desk.register.receive(officer, walk_in()).number
    other = desk.register.receive(officer, walk_in()).number
    with desk.ctx.db.transaction() as session:
        audit(
            session, supervisor, desk.ctx.clock(), action="register_print", entity="register", entity_id=None,
            details={"numbers": [number]},
        )  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("error", SADeprecationWarning)
        found = desk.audit_log.entries(supervisor, record=number)
        assert "register_print" not in {e.action for e in desk.audit_log.entries(supervisor, record=other)}
    assert "register_print" in {e.action for e in found}

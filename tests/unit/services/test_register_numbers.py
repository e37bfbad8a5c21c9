"""Registration and keberatan numbers under random intake histories: per year they run 1, 2, 3, ... in the
order they were issued, whatever the mix of back-dated entries, and a voided record never frees its number."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from property_examples import examples
from sqlalchemy import text
from svc_helpers import BODIES, counts

from app.errors import NotFound, ValidationError
from app.services.context import Actor
from app.services.desk import DeskServices

NOW = datetime(2027, 1, 4, 10, 0)  # a Monday early in the year, so back-dated entries reach the previous year


@settings(
    max_examples=examples(15),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    ages=st.lists(st.integers(min_value=0, max_value=20), min_size=1, max_size=8),
    bad=st.lists(st.booleans(), min_size=8, max_size=8),
)
def test_numbers_per_year_are_consecutive_in_issue_order(
    desk: DeskServices, officer: Actor, clock: Any, walk_in: Any, ages: list[int], bad: list[bool]
) -> None:
    clock.now = NOW
    before = counts(desk)
    seen: dict[int, list[int]] = defaultdict(list)
    with desk.ctx.db.read_engine.connect() as conn:
        start = dict(conn.execute(text("SELECT key, value FROM counters")).all())
        conn.rollback()
    for age, invalid in zip(ages, bad, strict=False):
        received = (NOW - timedelta(days=age)).isoformat()
        data = walk_in(received_at=received, information="" if invalid else "Data anggaran")
        try:
            number = desk.register.receive(officer, data).number
        except ValidationError:
            assert invalid
            continue
        office, year, rest = number.split("/")
        assert (office, rest[:2]) == ("CPJ", "A-")
        seen[int(year)].append(int(rest[2:]))
    for year, seqs in seen.items():
        first = start.get(f"request:{year}", 0) + 1
        assert seqs == list(range(first, first + len(seqs)))
    assert counts(desk)["requests"] == before["requests"] + sum(len(s) for s in seen.values())


def test_voided_objection_keeps_its_number(desk: DeskServices, supervisor: Actor, walk_in: Any) -> None:
    number = desk.register.receive(supervisor, walk_in()).number
    desk.actions.act(supervisor, number, "reject", BODIES["reject"])
    first = desk.objections.add(supervisor, request_number=number, grounds="a").number
    voided = desk.objections.act(supervisor, first, "void", {"reason": "Didaftarkan dua kali"})
    assert voided.number == first
    second = desk.objections.add(supervisor, request_number=number, grounds="a").number
    assert (first, second) == ("KEB/CPJ/2026/A-001", "KEB/CPJ/2026/A-002")


def test_failed_objection_leaves_the_counter(
    desk: DeskServices, supervisor: Actor, walk_in: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure after the keberatan counter moved (here: writing the audit entry) rolls the counter back."""
    from app.services import objections as objections_module

    number = desk.register.receive(supervisor, walk_in()).number
    desk.actions.act(supervisor, number, "reject", BODIES["reject"])
    before = counts(desk)

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(objections_module, "audit", explode)
    with pytest.raises(RuntimeError):
        desk.objections.add(supervisor, request_number=number, grounds="a")
    assert counts(desk) == before
    monkeypatch.undo()
    assert desk.objections.add(supervisor, request_number=number, grounds="a").number == "KEB/CPJ/2026/A-001"
    with pytest.raises(NotFound):
        desk.objections.add(supervisor, request_number="CPJ/2026/A-9999", grounds="a")

"""Random sequences of keberatan actions, with time passing, keep the same invariants as requests: a refused
action changes nothing, a successful one raises the version by one and adds one event on the keberatan and one
on its request, and the keberatan's outbox operations chain their base versions 0, 1, 2, ..."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from svc_helpers import BODIES, counts

from app.domain.lifecycle import OBJECTION_ALLOWED, ObjectionAction, ObjectionStatus
from app.errors import ActionRefused, ValidationError
from app.services.context import Actor
from app.services.desk import DeskServices

BODIES_OBJ: dict[ObjectionAction, list[dict[str, Any]]] = {
    ObjectionAction.DECIDE: [
        {"decision": "dikabulkan", "text": "Informasi diberikan", "atasan_name": "Hj. Nurhasanah"},
        {"decision": "ditolak", "text": ""},  # invalid: no text
    ],
    ObjectionAction.REQUESTER_RESPONSE: [{"response": "Menerima"}],
    ObjectionAction.DISPUTE: [{"register_number": "001/KI/2026"}],
    ObjectionAction.DISPUTE_OUTCOME: [{"outcome": "dicabut"}, {"outcome": "menang"}],
    ObjectionAction.CLOSE: [{}],
    ObjectionAction.VOID: [{"reason": "Didaftarkan dua kali"}],
}

_step = st.sampled_from(list(ObjectionAction)).flatmap(
    lambda a: st.tuples(st.just(a), st.sampled_from(BODIES_OBJ[a]), st.integers(0, 25))
)


def _objection_facts(desk: DeskServices, number: str) -> tuple[dict[str, Any], list[int]]:
    with desk.ctx.db.read_engine.connect() as conn:
        row = dict(
            conn.execute(text("SELECT * FROM objections WHERE number = :n"), {"n": number}).mappings().one()
        )
        bases = conn.execute(
            text("SELECT base_version FROM outbox_ops WHERE entity_id = :i ORDER BY seq"), {"i": row["id"]}
        ).scalars()
        result = (row, [int(b) for b in bases])
        conn.rollback()
    return result


@pytest.mark.slow  # a long property test
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(_step, max_size=6))
def test_random_objection_sequences_keep_invariants(
    desk: DeskServices, supervisor: Actor, clock: Any, walk_in: Any, steps: list[tuple[Any, ...]]
) -> None:
    request = desk.register.receive(supervisor, walk_in()).number
    desk.actions.act(supervisor, request, "reject", BODIES["reject"])
    number = desk.objections.add(supervisor, request_number=request, grounds="a").number
    successes = 0
    for action, body, days in steps:
        clock.now += timedelta(days=days)
        before_counts, (before_row, _) = counts(desk, request), _objection_facts(desk, number)
        status = ObjectionStatus(before_row["status"])
        try:
            view = desk.objections.act(supervisor, number, action.value, body)
        except (ActionRefused, ValidationError) as refused:
            if status not in OBJECTION_ALLOWED[action]:
                assert isinstance(refused, ActionRefused)
            assert counts(desk, request) == before_counts
            assert _objection_facts(desk, number)[0] == before_row
            continue
        successes += 1
        assert status in OBJECTION_ALLOWED[action]
        assert view.version == before_row["version"] + 1
        after = counts(desk, request)
        assert after["request_events"] == before_counts["request_events"] + 1
        assert after["events"] == before_counts["events"] + 2
    final = desk.objections.get(supervisor, number)
    row, bases = _objection_facts(desk, number)
    assert final.version == successes + 1 == len(final.events)
    assert bases == list(range(final.version))
    clock.now += timedelta(days=1)

"""Random sequences of lifecycle actions (with time passing between them) keep the register's invariants:

* the status is always a ``Status`` and only changes through an action the table allows;
* a successful action raises the version by exactly one and adds exactly one timeline event;
* a refused action (wrong state, time rule, bad body) changes nothing at all;
* at the end, events == successful actions + 1 (the intake) and version == successful actions + 1.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from svc_helpers import BODIES, counts, request_row

from app.domain.lifecycle import ALLOWED, Action, Status
from app.errors import ActionRefused, ValidationError
from app.services.context import Actor
from app.services.desk import DeskServices

RESPONSES = [
    {"decision": "diterima"},
    {"decision": "diterima_sebagian", "redaction_reason": "Data pribadi pihak ketiga dihitamkan"},
    {"decision": "tidak_dikuasai", "holder_body": "Dinas PUPR Kota Serang"},
    {"decision": "belum_didokumentasikan"},
]

_bodies = {a: st.just(BODIES[a.value]) for a in Action if a != Action.RECEIVE}
_bodies[Action.RESPOND] = st.sampled_from(RESPONSES)
_bodies[Action.INCOMPLETE] = st.sampled_from([BODIES["incomplete"], {"missing_items": []}])  # 2nd is invalid

_steps = st.lists(
    st.tuples(
        st.sampled_from([a for a in Action if a != Action.RECEIVE]).flatmap(
            lambda a: st.tuples(st.just(a), _bodies[a])
        ),
        st.integers(min_value=0, max_value=6),  # calendar days that pass before the step
    ),
    max_size=8,
)


@pytest.mark.slow  # a long property test
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(complete=st.sampled_from([True, False]), steps=_steps)
def test_random_action_sequences_keep_invariants(
    desk: DeskServices,
    supervisor: Actor,
    clock: Any,
    walk_in: Any,
    complete: bool,
    steps: list[tuple[tuple[Action, dict[str, Any]], int]],
) -> None:
    number = desk.register.receive(supervisor, walk_in(complete=complete)).number
    successes = 0
    for (action, body), days in steps:
        clock.now += timedelta(days=days)
        before_counts, before_row = counts(desk, number), request_row(desk, number)
        status = Status(before_row["status"])
        try:
            view = desk.actions.act(supervisor, number, action.value, body)
        except (ActionRefused, ValidationError) as refused:
            if status not in ALLOWED[action]:
                assert isinstance(refused, ActionRefused)  # the state is checked before the body
            assert counts(desk, number) == before_counts
            assert request_row(desk, number) == before_row
            continue
        successes += 1
        assert status in ALLOWED[action]
        assert isinstance(view.status, Status)
        assert view.version == before_row["version"] + 1
        after = counts(desk, number)
        assert after["request_events"] == before_counts["request_events"] + 1
        assert after["audit_log"] == before_counts["audit_log"] + 1
        assert after["outbox_ops"] == before_counts["outbox_ops"] + 1
    final = desk.register.get(supervisor, number)
    assert isinstance(final.status, Status)
    assert len(final.events) == successes + 1
    assert final.version == successes + 1
    with desk.ctx.db.read_engine.connect() as conn:
        bases = (
            conn.execute(
                text("SELECT base_version FROM outbox_ops WHERE entity_id = :i ORDER BY seq"), {"i": final.id}
            )
            .scalars()
            .all()
        )
        conn.rollback()
    assert list(bases) == list(range(final.version))  # one op per version step, in order, for sync
    clock.now += timedelta(days=1)  # the next example starts on a later day

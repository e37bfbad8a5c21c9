"""app/services/changes.py: what a write touched, as the screens read it."""

from __future__ import annotations

from app.services.changes import ANY, Changes


def test_a_write_at_the_desk_names_its_records_and_queues_for_the_city():
    changes = Changes.recorded(requests=["R-1"], objections=["K-1"])
    assert changes.request("R-1") and not changes.request("R-2")
    assert changes.objection("K-1") and changes.outbox and changes.any_records


def test_unknown_records_match_every_number():
    changes = Changes.records(outbox=False)
    assert changes.requests == frozenset({ANY}) and changes.request("R-9") and changes.objection("K-9")
    assert not changes.outbox


def test_nothing_changed_is_false_and_merging_keeps_everything():
    assert not Changes() and Changes.of(settings=True)
    merged = Changes.recorded(requests=["R-1"]) | Changes.of(letters=True, requests=["R-2"])
    assert merged == Changes.of(requests=["R-1", "R-2"], letters=True, outbox=True)

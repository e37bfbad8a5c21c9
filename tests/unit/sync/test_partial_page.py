"""The complete items of a cut pull page (``app/sync/partial.py``): cut at every byte of a real page body,
what is kept is always a prefix of the page that ends before the last complete item's seq, so resuming after
it skips nothing (a record and a scope-log entry may share one seq)."""

from __future__ import annotations

import httpx
import orjson

from app.sync.partial import PageKeeper, complete_items

ITEMS = [
    {
        "seq": 3,
        "entity": "request",
        "entity_id": "a",
        "version": 1,
        "record": {"information": "Data APBD é ✓"},
    },
    {"seq": 5, "entity": "request", "entity_id": "b", "version": 2, "events": [{"id": "e1"}]},
    {"seq": 5, "entity": "request", "entity_id": "c", "removed": True},  # the same seq as the item before
    {"seq": 9, "entity": "objection", "entity_id": "d", "version": 1, "record": {"reason": 'x}],"{' + "\\"}},
]
BODY = b'{"items":[' + b",".join(orjson.dumps(i) for i in ITEMS) + b'],"next_cursor":"x","more":false}'
SIGNED = {"X-PPID-Sync": "1", "X-PPID-Page-Cursor": "c0"}


def keeper_with(body: bytes, headers: dict[str, str] | None = None, status: int = 200) -> PageKeeper:
    keeper = PageKeeper(lambda _chunk: None)
    keeper.headers(httpx.Response(status, headers=headers if headers is not None else SIGNED))
    for i in range(0, len(body), 7):
        keeper.feed(body[i : i + 7])
    return keeper


def test_every_cut_keeps_a_prefix_of_whole_items_below_the_last_complete_seq() -> None:
    for cut in range(len(BODY) + 1):
        got = complete_items(BODY[:cut])
        assert [i.entity_id for i in got] == [i["entity_id"] for i in ITEMS[: len(got)]]
        part = keeper_with(BODY[:cut]).salvage()
        if part is None:
            continue
        assert part.cursor == "c0" and part.after_seq == part.items[-1].seq
        assert all(i.seq < got[-1].seq for i in part.items)
        # every item with a seq up to after_seq arrived: resuming after it loses nothing
        assert {i.entity_id for i in part.items} == {
            i["entity_id"] for i in ITEMS if i["seq"] <= part.after_seq
        }


def test_items_sharing_a_seq_are_held_back_until_a_later_seq_arrived_whole() -> None:
    upto_c = BODY[: BODY.index(b'{"seq":9')]
    part = keeper_with(upto_c).salvage()
    assert part is not None and [i.entity_id for i in part.items] == ["a"] and part.after_seq == 3
    whole = keeper_with(BODY).salvage()
    assert whole is not None and [i.entity_id for i in whole.items] == ["a", "b", "c"]


def test_only_a_signed_page_that_named_its_cursor_is_salvaged() -> None:
    assert keeper_with(BODY, headers={"X-PPID-Page-Cursor": "c0"}).salvage() is None  # a captive portal
    assert keeper_with(BODY, headers={"X-PPID-Sync": "1"}).salvage() is None  # an older server
    assert keeper_with(BODY, status=503).salvage() is None
    assert complete_items(b'{"items":[{"seq":1,"entity":"request"}]}') == []  # not a valid item
    assert complete_items(b"<html>login</html>") == []
    assert complete_items(b'{"items":[' + orjson.dumps(ITEMS[3]) + b"," + orjson.dumps(ITEMS[0])) == [
        complete_items(b'{"items":[' + orjson.dumps(ITEMS[3]))[0]
    ]  # out of order: stops

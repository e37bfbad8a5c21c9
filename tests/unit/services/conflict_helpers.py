"""Put a real desk register into the state a sync leaves behind after the city server held one of its changes,
without a network: the desk's own code records the server's answers (``outbox.record_results``) and writes
the pulled server copy (``apply_items``), exactly as ``SyncEngine`` does after ``push`` and ``pull``.

Used by the service and GUI tests of the conflict review (the end-to-end test uses a live server instead).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert

from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.sync_state import objection_state, request_state
from app.sync import outbox, state
from app.sync.apply import apply_items
from db.models import Objection, Request, Requester
from ppid_protocol.fields import is_legal_field
from ppid_protocol.wire import OpResult, PullItem

RESPOND = {"decision": "diterima", "info_form": "softcopy"}
SERVER_REJECT = {
    "status": "ditolak",
    "decision": "ditolak",
    "rejection_article": "h",
    "consequence_test": "Membuka informasi ini mengungkap rahasia pribadi warga (kota).",
    "response_note": "catatan kota",
}


@dataclass(frozen=True)
class Held:
    number: str
    entity_id: str
    server_conflict_id: int


def answer(desk: DeskServices, results: dict[str, OpResult]) -> None:
    with desk.ctx.db.transaction() as s:
        ops = outbox.pending(s, 100)
        mine = [op for op in ops if op.op_id in results or "*" in results]
        answers = [
            results.get(op.op_id, results.get("*", OpResult(op_id=op.op_id, status="applied"))).model_copy(
                update={"op_id": op.op_id}
            )
            for op in mine
        ]
        outbox.record_results(s, mine, answers, desk.ctx.clock())


def pull(desk: DeskServices, entity_id: str, record: dict[str, Any], version: int, *, review: bool,
         entity: str = "request") -> None:  # fmt: skip
    """What a pull page does for one record: register rows + sync_records, in one transaction."""
    with desk.ctx.db.transaction() as s:
        apply_items(s, [PullItem(seq=version, entity=entity, entity_id=entity_id, version=version,
                                 record=record, needs_review=review)], office_code="CPJ", desk_letter="A",
                    now=desk.ctx.clock())  # fmt: skip
        row = {"entity_id": entity_id, "entity": entity, "server_version": version, "server_seq": version,
               "in_scope": True, "needs_review": review, "stale": False}  # fmt: skip
        stmt = insert(state.sync_records)
        s.execute(stmt.on_conflict_do_update(index_elements=["entity_id"], set_=row), row)


def copy_of(desk: DeskServices, entity: str, entity_id: str) -> dict[str, Any]:
    """The record as it travels (what the server stores for it)."""
    with desk.ctx.db.reader() as s:
        if entity == "objection":
            obj = s.get(Objection, entity_id)
            assert obj is not None
            req = s.get(Request, obj.request_id)
            assert req is not None
            return objection_state(obj, req.number)
        row = s.get(Request, entity_id)
        assert row is not None
        who = s.get(Requester, row.requester_id)
        assert who is not None
        return request_state(row, who)


def server_copy(desk: DeskServices, number: str) -> dict[str, Any]:
    with desk.ctx.db.reader() as s:
        rid = s.scalars(select(Request.id).where(Request.number == number)).one()
    return copy_of(desk, "request", rid)


def hold_change(desk: DeskServices, entity: str, entity_id: str, intent: Callable[[], object],
                server_changes: dict[str, Any], *, conflict_id: int = 7) -> None:  # fmt: skip
    """Everything of the desk so far is on the server (version 1 there). Then the server's copy changes
    (``server_changes``, version 2) while the desk runs ``intent`` offline; the server holds the desk's op as a
    conflict on the fields both changed, and the next pull brings the server's copy (``needs_review``)."""
    answer(desk, {"*": OpResult(op_id="*", status="applied", version=1)})
    base = copy_of(desk, entity, entity_id)
    pull(desk, entity_id, base, 1, review=False, entity=entity)
    intent()
    mine = copy_of(desk, entity, entity_id)
    fields = {
        key: {"server": value, "desk": mine.get(key), "base": base.get(key)}
        for key, value in server_changes.items()
        if is_legal_field(entity, key) and mine.get(key) != base.get(key) and mine.get(key) != value
    }
    held = OpResult(op_id="*", status="conflict", code="concurrent_change", conflict_id=conflict_id, version=2,
                    message="Data diubah di server sejak meja terakhir sinkron; perlu diputuskan supervisor.",
                    fields=fields)  # fmt: skip
    answer(desk, {"*": held})
    pull(desk, entity_id, {**base, **server_changes, "version": 2}, 2, review=True, entity=entity)


def make_conflict(
    desk: DeskServices, officer: Actor, intake: dict[str, Any], *, conflict_id: int = 7
) -> Held:
    """Receive a request, then, while the city rejected it on the server, the desk answers it."""
    number = desk.register.receive(officer, intake).number
    entity_id = server_copy(desk, number)["id"]
    hold_change(desk, "request", entity_id, lambda: desk.actions.act(officer, number, "respond", RESPOND),
                SERVER_REJECT, conflict_id=conflict_id)  # fmt: skip
    return Held(number, entity_id, conflict_id)


def make_rejected(desk: DeskServices, officer: Actor, intake: dict[str, Any]) -> Held:
    """A change the server refused for good (an office desk tried to move a record to another office)."""
    number = desk.register.receive(officer, intake).number
    refused = OpResult(op_id="*", status="rejected", code="route_forbidden",
                       message="Hanya PPID kota yang dapat meneruskan ke kantor lain.")  # fmt: skip
    answer(desk, {"*": refused})
    with desk.ctx.db.reader() as s:
        entity_id = s.scalars(select(Request.id).where(Request.number == number)).one()
    return Held(number, entity_id, 0)

"""Put a real desk register into the state a sync leaves behind after the city server held one of its changes,
without a network: the desk's own code records the server's answers (``outbox.record_results``) and writes
the pulled server copy (``apply_items``), exactly as ``SyncEngine`` does after ``push`` and ``pull``.

Used by the service and GUI tests of the conflict review (the end-to-end test uses a live server instead).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert

from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.sync_state import request_state
from app.sync import outbox, state
from app.sync.apply import apply_items
from app.sync.protocol import OpResult, PullItem
from db.models import Request, Requester

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


def _answer(desk: DeskServices, results: dict[str, OpResult]) -> None:
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


def pull(desk: DeskServices, entity_id: str, record: dict[str, Any], version: int, *, review: bool) -> None:
    """What a pull page does for one record: register rows + sync_records, in one transaction."""
    with desk.ctx.db.transaction() as s:
        apply_items(s, [PullItem(seq=version, entity="request", entity_id=entity_id, version=version,
                                 record=record, needs_review=review)], office_code="CPJ", desk_letter="A")  # fmt: skip
        row = {"entity_id": entity_id, "entity": "request", "server_version": version, "server_seq": version,
               "in_scope": True, "needs_review": review, "stale": False}  # fmt: skip
        stmt = insert(state.sync_records)
        s.execute(stmt.on_conflict_do_update(index_elements=["entity_id"], set_=row), row)


def server_copy(desk: DeskServices, number: str) -> dict[str, Any]:
    with desk.ctx.db.reader() as s:
        row = s.scalars(select(Request).where(Request.number == number)).one()
        who = s.get(Requester, row.requester_id)
        assert who is not None
        return request_state(row, who)


def make_conflict(
    desk: DeskServices, officer: Actor, intake: dict[str, Any], *, conflict_id: int = 7
) -> Held:
    """Receive a request (acknowledged as applied, version 1), then, while the city rejected it on the server
    (version 2), the desk answers it: the server holds the answer as a conflict and the next pull brings the
    server's copy (``needs_review``)."""
    number = desk.register.receive(officer, intake).number
    _answer(desk, {"*": OpResult(op_id="*", status="applied", version=1)})
    base = server_copy(desk, number)
    entity_id = base["id"]
    pull(desk, entity_id, base, 1, review=False)
    desk.actions.act(officer, number, "respond", RESPOND)
    fields = {
        key: {"server": SERVER_REJECT[key], "desk": desk_value, "base": base[key]}
        for key, desk_value in (("status", "dijawab"), ("decision", "diterima"))
    }
    held = OpResult(op_id="*", status="conflict", code="concurrent_change", conflict_id=conflict_id, version=2,
                    message="Data diubah di server sejak meja terakhir sinkron; perlu diputuskan supervisor.",
                    fields=fields)  # fmt: skip
    _answer(desk, {"*": held})
    pull(desk, entity_id, {**base, **SERVER_REJECT, "version": 2}, 2, review=True)
    return Held(number, entity_id, conflict_id)


def make_rejected(desk: DeskServices, officer: Actor, intake: dict[str, Any]) -> Held:
    """A change the server refused for good (an office desk tried to move a record to another office)."""
    number = desk.register.receive(officer, intake).number
    refused = OpResult(op_id="*", status="rejected", code="route_forbidden",
                       message="Hanya PPID kota yang dapat meneruskan ke kantor lain.")  # fmt: skip
    _answer(desk, {"*": refused})
    with desk.ctx.db.reader() as s:
        entity_id = s.scalars(select(Request.id).where(Request.number == number)).one()
    return Held(number, entity_id, 0)

"""What an op may touch beyond its own record: an office writes only its own data.

An op names other records in three places, and each is checked before the op is decided: the timeline lines it
carries (a keberatan or letter writes on its request's timeline: ``events[].request_id``), the request a
keberatan or letter belongs to (``request_id``), and the requester a request embeds (``requester``). A line
on another record's timeline, a link to another office's request or another office's requester is a scope
violation (403 for the whole batch, whatever the entity type), except a link to a request that was this
office's until the city routed it (work done before the desk knew); a link to a request that exists nowhere is
refused for that op alone (``unknown_request``), so a desk whose request was refused is not stopped for good.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, select, text

from ppid_protocol.wire import Op
from server.context import ScopeViolation
from server.db import rows_planned_for
from server.models import Record, ScopeLog

if TYPE_CHECKING:
    from server.push import Batch, RecState

Refusal = tuple[str, str]


def owns(
    conn: Connection, batch: Batch, op: Op, desk: dict[str, Any], rec: RecState | None
) -> Refusal | None:
    """None when every record ``op`` names besides its own is its to name; raises ``ScopeViolation`` (403)
    when it names another office's; a refusal ``(code, message)`` for a request that exists nowhere."""
    stored = rec.data if rec is not None and rec.exists else {}
    parent: Any = None
    own_objection: Any = None
    if op.entity == "request":
        parent = op.entity_id
    elif op.entity in ("objection", "letter"):
        parent = desk.get("request_id") or stored.get("request_id")
        own_objection = op.entity_id if op.entity == "objection" else (
            desk.get("objection_id") or stored.get("objection_id")
        )  # fmt: skip
    for event in op.events():
        if event.get("request_id") not in (None, parent) or event.get("objection_id") not in (
            None,
            own_objection,
        ):
            raise ScopeViolation(op.entity_id)
    device = batch.device
    if op.entity in ("objection", "letter") and parent and parent != stored.get("request_id"):
        office = _request_office(conn, batch, str(parent))
        if office is None:
            return "unknown_request", "Permohonan yang dirujuk tidak ada di server."
        if not device.is_city and office != device.office_id and not _was_ours(conn, batch, str(parent)):
            raise ScopeViolation(op.entity_id)
    if op.entity == "request":
        _check_requester(conn, batch, op, desk, stored)
    return None


def _was_ours(conn: Connection, batch: Batch, request_id: str) -> bool:
    """The request was in this office before the city routed it on: a keberatan or letter made for it while
    the desk did not know yet is the office's own work (held for review later, never a scope violation)."""
    found = conn.execute(
        select(ScopeLog.id).where(
            ScopeLog.office_id == batch.device.office_id, ScopeLog.entity_id == request_id
        )
    ).first()
    return found is not None


def _request_office(conn: Connection, batch: Batch, entity_id: str) -> int | None:
    held = batch.recs.get(entity_id)
    if held is not None and held.exists:
        return held.office_id if held.entity == "request" else None
    row = conn.execute(
        select(Record.office_id).where(Record.entity_id == entity_id, Record.entity == "request")
    ).first()
    return None if row is None else int(row.office_id)


def _check_requester(
    conn: Connection, batch: Batch, op: Op, desk: dict[str, Any], stored: dict[str, Any]
) -> None:
    """The embedded requester is the request's own (same id) and, for an office desk, not a requester only
    another office's requests name: otherwise the city's (and that office's) copy of the person is renamed."""
    requester_id = desk.get("requester_id")
    embedded = desk.get("requester")
    if isinstance(embedded, dict):
        if requester_id is not None and embedded.get("id") not in (None, requester_id):
            raise ScopeViolation(op.entity_id)
        requester_id = requester_id or embedded.get("id")
    if not requester_id or batch.device.is_city or requester_id == stored.get("requester_id"):
        return
    if isinstance(requester_id, str):  # the batch's requests naming it, from the batch's index
        naming_here = [batch.recs[entity_id] for entity_id in batch.requests_naming.get(requester_id, ())]
    else:  # not text (the content rules refuse that in what is pushed): compared with every held request
        naming_here = [
            r
            for r in batch.recs.values()
            if r.entity == "request" and r.data.get("requester_id") == requester_id
        ]
    offices = {r.office_id for r in naming_here if r.exists and r.entity_id != op.entity_id}
    naming = _stored_requester_refs(conn, batch, str(requester_id))
    offices.update(office for entity_id, office in naming if entity_id != op.entity_id)
    if offices and batch.device.office_id not in offices:
        raise ScopeViolation(op.entity_id)


def _requester_ids(op: Op) -> set[str]:
    record = op.record()
    embedded = record.get("requester")
    ids = {record.get("requester_id"), embedded.get("id") if isinstance(embedded, dict) else None}
    return {str(i) for i in ids if i}


_REFS_PG = (
    "SELECT w.rid, r.entity_id, r.office_id FROM unnest(%(rids)s::text[]) AS w(rid), LATERAL ("
    "SELECT entity_id, office_id FROM records WHERE entity = 'request' AND (data ->> 'requester_id') = w.rid "
    "OFFSET 0) AS r"
)
"""One probe of the partial expression index ix_records_requester_ref (migration 0002) per requester, planned
for its values (``server.db.rows_planned_for``). Written as ``= ANY(array)``, PostgreSQL (no statistics for
the expression of a partial index) guesses 0.5 % of the requests per id and, past about 40 ids, reads every
record instead (51 ms at 200,000 records, a full scan per push); ``OFFSET 0`` keeps the lateral probe from
being flattened back into that join."""
_REFS_SQLITE = text(
    "SELECT json_extract(data, '$.requester_id') AS rid, entity_id, office_id FROM records "
    "WHERE entity = 'request' AND json_extract(data, '$.requester_id') IN :rids"
).bindparams(bindparam("rids", expanding=True))


def _stored_requester_refs(conn: Connection, batch: Batch, requester_id: str) -> set[tuple[str, int]]:
    """The stored requests naming ``requester_id``, as (request id, office). Read for every requester of the
    batch at the first one asked, in one query: a query per op was one round trip to the database per new
    request, over half the server's time under load (bench/server_load.py). The batch writes nothing before
    all its ops are decided, so what is read here is what a query at each op would read."""
    refs = batch.requester_refs
    if requester_id not in refs:
        wanted = {requester_id}.union(*(_requester_ids(op) for op in batch.pending if op.entity == "request"))
        wanted -= set(refs)
        for wanted_id in wanted:
            refs[wanted_id] = set()
        rows: Any
        if conn.dialect.name == "postgresql":
            rows = rows_planned_for(conn, _REFS_PG, {"rids": sorted(wanted)})
        else:
            rows = conn.execute(_REFS_SQLITE, {"rids": sorted(wanted)})
        for row in rows:
            refs[str(row.rid)].add((str(row.entity_id), int(row.office_id)))
    return refs[requester_id]

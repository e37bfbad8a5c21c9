"""The "stamp and commit" step of a push: allocate one ``server_seq`` per touched record and write the records,
their timeline events, the change log and scope moves carrying that seq.

``server_seq`` order must be commit order (a pull cursor must never pass a change that commits later), so the
seq is allocated under a transaction-scoped lock held until COMMIT, and every push queues on that lock. What
happens while it is held is therefore the server's serial bottleneck. On PostgreSQL it is made as short as it
can be: everything that does not need the seq (claiming the op ids, deciding, conflicts, op results) is written
*before* the lock, and the lock, one statement doing every seq-carrying write (data-modifying CTEs whose seqs
are ``counter + position``) and the COMMIT are sent in one psycopg pipeline: the lock is held for one statement
and one WAL flush, with no round trip to a Python thread that may be waiting for the GIL or a core.
SQLite (BEGIN IMMEDIATE: already serial) keeps plain statements.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import psycopg
from sqlalchemy import Connection, bindparam, update
from sqlalchemy.exc import DBAPIError

from server.bulk import insert_rows
from server.jsonfast import dumps
from server.models import ChangeLog, Counter, Event, Record, ScopeLog

if TYPE_CHECKING:
    from server.push import RecState

STAMP_LOCK_KEY = 0x5050_4944  # "PPID"

# ``i`` = the record's position (1-based) in the batch's touch order; its seq is ``base + i``.
_PG_STAMP = """
WITH top AS (
    UPDATE counters SET value = value + %(n)s WHERE name = 'server_seq' RETURNING value - %(n)s AS base
), new_records AS (
    INSERT INTO records (entity_id, entity, office_id, version, server_seq, data, needs_review, created_by,
                         created_at, updated_at, origin_device)
    SELECT v.entity_id, v.entity, v.office_id, v.version, top.base + v.i, v.data, v.needs_review, v.created_by,
           %(now)s, %(now)s, v.origin_device
    FROM top, jsonb_to_recordset(%(new)s::jsonb) AS v(i int, entity_id text, entity text, office_id int,
                                                     version int, data jsonb, needs_review boolean, created_by text,
                                                     origin_device text)
), changed_records AS (
    UPDATE records AS r SET office_id = v.office_id, version = v.version, server_seq = top.base + v.i,
                            data = v.data, needs_review = v.needs_review, updated_at = %(now)s,
                            origin_device = v.origin_device
    FROM top, jsonb_to_recordset(%(upd)s::jsonb) AS v(i int, entity_id text, office_id int, version int, data jsonb,
                                                     needs_review boolean, origin_device text)
    WHERE r.entity_id = v.entity_id AND r.entity_id = ANY(%(upd_ids)s)  -- index probes, never a scan of records
), new_events AS (
    INSERT INTO events (event_id, entity_id, server_seq, data)
    SELECT coalesce(v.event_id, v.entity_id || ':' || (top.base + v.i) || ':' || v.n), v.entity_id,
           top.base + v.i, v.data
    FROM top, jsonb_to_recordset(%(events)s::jsonb) AS v(i int, event_id text, n int, entity_id text, data jsonb)
    ON CONFLICT DO NOTHING
), new_log AS (
    INSERT INTO change_log (entity_id, version, server_seq, device_id, op_id, action, changes, merged, client_time,
                            server_time)
    SELECT v.entity_id, v.version, top.base + v.i, v.device_id, v.op_id, v.action, v.changes, v.merged,
           v.client_time, %(now)s
    FROM top, jsonb_to_recordset(%(logs)s::jsonb) AS v(i int, entity_id text, version int, device_id text,
                                                      op_id text, action text, changes jsonb, merged jsonb,
                                                      client_time text)
), new_scope AS (
    INSERT INTO scope_log (office_id, entity_id, server_seq, present)
    SELECT v.office_id, v.entity_id, top.base + v.i, v.present
    FROM top, jsonb_to_recordset(%(scope)s::jsonb) AS v(i int, office_id int, entity_id text, present boolean)
)
SELECT base FROM top
"""


def _rows(touched: list[RecState]) -> dict[str, list[dict[str, Any]]]:
    """The seq-carrying rows of a batch, each with ``i`` = its record's position in the touch order."""
    out: dict[str, list[dict[str, Any]]] = {"new": [], "upd": [], "events": [], "logs": [], "scope": []}
    for i, rec in enumerate(touched, start=1):
        if rec.moved_from == -1:  # created by this batch
            out["new"].append({"i": i, "entity_id": rec.entity_id, "entity": rec.entity, "office_id": rec.office_id,
                               "version": rec.version, "data": rec.data, "needs_review": rec.needs_review,
                               "created_by": rec.created_by, "origin_device": rec.origin})  # fmt: skip
            out["scope"].append(
                {"i": i, "office_id": rec.office_id, "entity_id": rec.entity_id, "present": True}
            )
        else:
            out["upd"].append({"i": i, "entity_id": rec.entity_id, "office_id": rec.office_id,
                               "version": rec.version, "data": rec.data, "needs_review": rec.needs_review,
                               "origin_device": rec.origin})  # fmt: skip
            if rec.moved_from is not None and rec.moved_from != rec.office_id:
                out["scope"].append(
                    {"i": i, "office_id": rec.moved_from, "entity_id": rec.entity_id, "present": False}
                )
                out["scope"].append(
                    {"i": i, "office_id": rec.office_id, "entity_id": rec.entity_id, "present": True}
                )
        for j, ev in enumerate(rec.events):  # an event without its own id is named "<entity_id>:<seq>:<n>"
            ev_id = str(ev["id"]) if ev.get("id") else None
            out["events"].append({"i": i, "event_id": ev_id, "n": j, "entity_id": rec.entity_id, "data": ev})
        for row in rec.log_rows:
            log = {k: v for k, v in row.items() if k != "server_time"}
            log["i"] = i
            out["logs"].append(log)
    return out


def stamp_pg(
    conn: Connection, touched: list[RecState], now: datetime, before_commit: Callable[[], None] | None
) -> None:
    """Lock, write everything that carries a seq, COMMIT: one pipelined exchange with PostgreSQL.

    The caller's SQLAlchemy transaction is committed here (its own COMMIT at the end is then a no-op); with a
    ``before_commit`` hook (tests) the hook runs after the writes and SQLAlchemy commits as usual."""
    rows = _rows(touched)
    params: dict[str, Any] = {key: dumps(value) for key, value in rows.items()}
    params.update(n=len(touched), now=now, upd_ids=[r["entity_id"] for r in rows["upd"]])
    dbapi = conn.connection.dbapi_connection
    assert isinstance(dbapi, psycopg.Connection)  # only called on the psycopg dialect (``is_pg``)
    try:
        with dbapi.pipeline(), dbapi.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (STAMP_LOCK_KEY,))
            cur.execute(_PG_STAMP, params)
            if before_commit is None:
                dbapi.commit()
    except psycopg.Error as exc:  # raised as SQLAlchemy would, so push() retries deadlocks and unique races
        if dbapi.closed or dbapi.broken:
            conn.invalidate()
        raise DBAPIError.instance(_PG_STAMP, params, exc, psycopg.Error) from exc
    if before_commit is not None:
        before_commit()


def stamp_plain(conn: Connection, touched: list[RecState], now: datetime) -> None:
    """The same writes as plain statements (SQLite, where BEGIN IMMEDIATE already serialises pushes)."""
    top = conn.execute(
        update(Counter)
        .where(Counter.name == "server_seq")
        .values(value=Counter.value + len(touched))
        .returning(Counter.value)
    ).scalar_one()
    base = top - len(touched)
    rows = _rows(touched)
    for ev in rows["events"]:
        seq = base + ev.pop("i")
        ev["server_seq"] = seq
        ev["event_id"] = ev["event_id"] or f"{ev['entity_id']}:{seq}:{ev['n']}"
        del ev["n"]
    for key in ("new", "logs", "scope"):
        for row in rows[key]:
            row["server_seq"] = base + row.pop("i")
    for row in rows["new"]:
        row.update(created_at=now, updated_at=now)
    for row in rows["logs"]:
        row["server_time"] = now
    if rows["new"]:
        insert_rows(conn, Record.__table__, rows["new"])  # type: ignore[arg-type]
    if rows["upd"]:
        conn.execute(
            update(Record)
            .where(Record.entity_id == bindparam("b_id"))
            .values(
                office_id=bindparam("b_office"), version=bindparam("b_version"), server_seq=bindparam("b_seq"),
                data=bindparam("b_data"), needs_review=bindparam("b_review"), updated_at=bindparam("b_now"),
                origin_device=bindparam("b_origin"),
            ),
            [{"b_id": r["entity_id"], "b_office": r["office_id"], "b_version": r["version"], "b_seq": base + r["i"],
              "b_data": r["data"], "b_review": r["needs_review"], "b_now": now, "b_origin": r["origin_device"]}
             for r in rows["upd"]],
        )  # fmt: skip
    insert_rows(conn, Event.__table__, rows["events"], ignore_conflicts=True)  # type: ignore[arg-type]
    insert_rows(conn, ChangeLog.__table__, rows["logs"])  # type: ignore[arg-type]
    insert_rows(conn, ScopeLog.__table__, rows["scope"])  # type: ignore[arg-type]

"""Shared end-of-test checks for the restart/resumption tests: nothing lost, nothing applied twice, and the
server's tables agree with each other (every applied op has exactly one change-log row, every record's
version is the number of its changes, seqs are unique)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, func, select

from app.services.desk import DeskServices
from db.models import OutboxOp, Request
from server.models import AppliedOp, ChangeLog, Record


def desk_ops(desk: DeskServices) -> dict[str, str | None]:
    """op_id → note (None for a plain acknowledgement) of every outbox op of the desk."""
    with desk.ctx.db.reader() as s:
        return {op: note for op, note in s.execute(select(OutboxOp.op_id, OutboxOp.note))}


def desk_pending(desk: DeskServices) -> int:
    with desk.ctx.db.reader() as s:
        return int(s.scalar(select(func.count()).where(OutboxOp.acked_at.is_(None))) or 0)


def desk_request_ids(desk: DeskServices) -> set[str]:
    with desk.ctx.db.reader() as s:
        return set(s.scalars(select(Request.id)))


def assert_server_tables_agree(server: Engine) -> None:
    """Every applied or merged op changed its record exactly once, every record's version is the number of
    its changes, and no two records share a seq."""
    with server.connect() as conn:
        effective = set(
            conn.execute(select(AppliedOp.op_id).where(AppliedOp.status.in_(("applied", "merged")))).scalars()
        )
        logged: dict[str, int] = {
            op: n for op, n in conn.execute(select(ChangeLog.op_id, func.count()).group_by(ChangeLog.op_id))
        }
        versions: dict[str, int] = {e: v for e, v in conn.execute(select(Record.entity_id, Record.version))}
        changes: dict[str, int] = {
            e: n
            for e, n in conn.execute(select(ChangeLog.entity_id, func.count()).group_by(ChangeLog.entity_id))
        }
        seqs = conn.execute(select(func.count(), func.count(func.distinct(Record.server_seq)))).one()
    assert all(logged.get(op) == 1 for op in effective), "an op changed a record twice (or not at all)"
    assert set(logged) == effective
    assert versions == changes, "a record's version is not the number of its changes"
    assert seqs[0] == seqs[1]


def assert_server_consistent(server: Engine, desk: DeskServices, device_id: str) -> None:
    """The desk's whole outbox is on the server exactly once, and the server's own tables agree."""
    assert desk_pending(desk) == 0
    ops = desk_ops(desk)
    with server.connect() as conn:
        applied = set(conn.execute(select(AppliedOp.op_id).where(AppliedOp.device_id == device_id)).scalars())
        records = set(conn.execute(select(Record.entity_id)).scalars())
    assert applied == set(ops), "an op of the desk is missing on the server, or one it never made"
    assert_server_tables_agree(server)
    assert desk_request_ids(desk) <= records


@contextmanager
def sync_failures() -> Iterator[list[str]]:
    """Collects the codes of failed sync attempts (the engine logs each one on ``ppid.sync``)."""
    codes: list[str] = []

    class _Grab(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.getMessage() == "sync attempt failed":
                codes.append(str(getattr(record, "code", "?")))

    logger = logging.getLogger("ppid.sync")
    handler, old_level = _Grab(level=logging.INFO), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield codes
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)

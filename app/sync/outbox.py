"""Reading the desk's transactional outbox (``outbox_ops``, written by every service intent) and recording the
server's answers in one SQLite transaction.

Applied, merged and duplicate ops are acknowledged (``acked_at``). Conflicts and rejections are acknowledged
too, so they are not re-sent forever, but they are copied into ``sync_conflicts`` with both values for the
supervisor's review page, and the op's ``note`` says why.

An acknowledged op is compacted in the same transaction (``compact_payload``): its whole record state was ~70 %
of the register's size and nothing reads it once the server has it (the record itself, its timeline, the audit
log and, for a held op, ``sync_conflicts`` keep what matters). What stays is the row itself — ``op_id`` (the
desk's dedupe key), entity, action, base version, times, note.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.sync import state
from db.models import OutboxOp

if TYPE_CHECKING:  # imported where used: the status bar's read (app/sync/status.py) counts ops without the
    # wire's pydantic models, which cost ≈ 0.15 s to build right after the sign-in
    from ppid_protocol.wire import Op, OpResult

COMPACTED = "compacted"


def pending(session: Session, limit: int, after_seq: int = 0) -> list[Op]:
    rows = session.scalars(
        select(OutboxOp)
        .where(OutboxOp.acked_at.is_(None), OutboxOp.seq > after_seq)
        .order_by(OutboxOp.seq)
        .limit(limit)
    ).all()
    return [to_op(r) for r in rows]


def pending_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).where(OutboxOp.acked_at.is_(None))) or 0)


def pending_entities(session: Session, ids: list[str]) -> set[str]:
    if not ids:
        return set()
    rows = session.scalars(
        select(OutboxOp.entity_id).where(OutboxOp.acked_at.is_(None), OutboxOp.entity_id.in_(ids))
    )
    return set(rows)


def to_op(row: OutboxOp) -> Op:
    from ppid_protocol.wire import Op

    return Op(
        seq=row.seq, op_id=row.op_id, entity=row.entity,  # type: ignore[arg-type]
        entity_id=row.entity_id, action=row.action, payload=dict(row.payload or {}),
        base_version=row.base_version, created_at=row.created_at.isoformat(timespec="seconds"),
    )  # fmt: skip


def record_results(session: Session, ops: list[Op], results: list[OpResult], now: datetime) -> dict[str, int]:
    """Acknowledge ops and hold conflicts/rejections. Returns counts per outcome."""
    from ppid_protocol.wire import matched_results

    counts = {"applied": 0, "merged": 0, "duplicate": 0, "conflict": 0, "rejected": 0}
    results = matched_results(results, ops)  # a positional answer names no op_id
    by_id = {op.op_id: op for op in ops}
    for res in results:
        op = by_id[res.op_id]
        note: str | None = None
        if res.duplicate:
            counts["duplicate"] += 1
        counts[res.status] += 1
        if res.status in ("conflict", "rejected"):
            note = f"{res.status}:{res.code or ''}"
            _hold(session, op, res, now)
        session.execute(
            update(OutboxOp)
            .where(OutboxOp.op_id == op.op_id)
            .values(acked_at=now, note=note, payload=compact_payload(op.payload))
        )
    _hold_versions(session, by_id, results)
    return counts


def _hold_versions(session: Session, ops: dict[str, Op], results: list[OpResult]) -> None:
    """The server's version of every record an op of this answer was applied to as sent: the desk holds that
    version already, so its pulls ask the server to leave it out (``skip_own``) and the checksum comparison
    counts it. Never moves a version down (a duplicate's stored answer may be older than a pulled version)."""
    from sqlalchemy.dialects.sqlite import insert

    rows: dict[str, dict[str, Any]] = {}
    for res in results:
        if res.status == "applied" and res.version:
            op = ops[res.op_id]
            rows[op.entity_id] = {"entity_id": op.entity_id, "entity": op.entity, "server_version": res.version,
                                  "server_seq": 0, "in_scope": True, "needs_review": False, "stale": False}  # fmt: skip
    if not rows:
        return
    stmt = insert(state.sync_records)
    newer = func.max(state.sync_records.c.server_version, stmt.excluded.server_version)
    session.execute(
        stmt.on_conflict_do_update(index_elements=["entity_id"], set_={"server_version": newer}),
        list(rows.values()),
    )


def _hold(session: Session, op: Op, res: OpResult, now: datetime) -> None:
    from sqlalchemy.dialects.sqlite import insert

    values: dict[str, Any] = {
        "op_seq": op.seq, "op_id": op.op_id, "entity": op.entity, "entity_id": op.entity_id,
        "status": res.status, "code": res.code, "message": res.message, "server_conflict_id": res.conflict_id,
        "server_version": res.version, "fields": res.fields, "op_payload": op.payload, "created_at": now,
    }  # fmt: skip
    session.execute(insert(state.sync_conflicts).values(values).on_conflict_do_nothing())


def compact_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """What an acknowledged op keeps of its payload: only the mark (and the conflicts it resolved). Which
    record, which action, when and by whom stay in the op row, the audit log and the timeline; the values are
    in the record and its change history on the server. Even a list of field names cost ~60 B per op."""
    if payload.get(COMPACTED):
        return payload
    out: dict[str, Any] = {COMPACTED: True}
    if payload.get("resolves"):
        out["resolves"] = payload["resolves"]
    return out


def compact_acked(session: Session, limit: int = 2000) -> int:
    """Compact up to ``limit`` acknowledged ops still holding their payload (a register written before
    compaction existed); returns how many. Called after each push, so an old register shrinks a bit per sync."""
    rows = session.execute(
        select(OutboxOp.seq, OutboxOp.payload)
        .where(
            OutboxOp.acked_at.is_not(None), func.json_extract(OutboxOp.payload, f"$.{COMPACTED}").is_(None)
        )
        .order_by(OutboxOp.seq)
        .limit(limit)
    ).all()
    for seq, payload in rows:
        session.execute(
            update(OutboxOp).where(OutboxOp.seq == seq).values(payload=compact_payload(dict(payload or {})))
        )
    return len(rows)

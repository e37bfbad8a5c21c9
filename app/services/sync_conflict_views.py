"""Reading the held and refused sync operations for the supervisor's review: one ``ConflictView`` per row of
``sync_conflicts`` with the record's number and requester, every differing field, and whether (and why not)
a decision can be taken now.

Why separate from the decisions (``sync_conflicts.py``): the same view is what the panel shows and what a
decision applies, so it is built in one place, from one session, by plain functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.services.identity import recorded_name
from app.services.sync_conflict_fields import FieldDiff, differences
from app.services.sync_state import objection_state, request_state
from app.sync import state
from db.models import AuditEntry, Objection, OutboxOp, Request, Requester

#: Held codes a supervisor decides field by field; the others (moved away, refused) are acknowledged.
DECIDABLE = frozenset({"concurrent_change", "blocked"})
CODE_LABELS: dict[str, str] = {
    "concurrent_change": "Diubah di dua tempat",
    "blocked": "Menunggu keputusan sebelumnya",
    "moved_out_of_scope": "Sudah diteruskan ke kantor lain",
    "route_forbidden": "Pemindahan kantor ditolak",
    "unknown_record": "Data tidak ada di server",
    "base_ahead": "Versi meja lebih baru dari server",
    "id_collision": "ID data bentrok",
    "op_id_reused": "ID operasi dipakai ulang",
    "unknown_office": "Kantor tidak dikenal",
    "entity_mismatch": "Jenis data tidak cocok",
}
TABLES: dict[str, type[Request] | type[Objection]] = {"request": Request, "objection": Objection}


@dataclass(frozen=True)
class ConflictView:
    """One held or refused operation with what a supervisor needs to decide."""

    id: int
    entity: str
    entity_id: str
    status: str  # conflict | rejected
    code: str
    code_label: str
    message: str
    action: str  # the desk's intent that was held (respond, reject, ...)
    created_at: datetime
    number: str | None  # request or keberatan number on this desk
    request_number: str | None  # the request to open
    requester_name: str | None
    fields: tuple[FieldDiff, ...]
    server_conflict_id: int | None
    server_version: int | None
    decidable: bool  # keep / take / edit possible
    blocker: str | None  # why a decision must wait (sync first), in Indonesian
    held_with: int  # other open held operations of the same record closed by the same decision
    resolved_at: datetime | None = None
    resolution: str | None = None
    resolved_by: str | None = None
    reason: str | None = None

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

    @property
    def conflicting(self) -> tuple[FieldDiff, ...]:
        return tuple(f for f in self.fields if f.conflicting)


def is_decidable(row: Any) -> bool:
    """Held on a record this desk keeps (request, keberatan) for a reason a person decides field by field."""
    return bool(row.status == "conflict" and row.code in DECIDABLE and row.entity in TABLES)


def row_of(s: Session, conflict_id: int) -> Any:
    row = s.execute(select(state.sync_conflicts).where(state.sync_conflicts.c.id == conflict_id)).first()
    if row is None:
        raise NotFound(f"Konflik sinkronisasi #{conflict_id} tidak ditemukan.")
    return row


def reasons_of(s: Session, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    out: dict[int, str] = {}
    entries = s.scalars(
        select(AuditEntry).where(AuditEntry.action.in_(("sync_conflict_resolve", "sync_conflict_acknowledge")))
    )  # fmt: skip
    wanted: set[int] = set(ids)
    for entry in entries:
        for cid in entry.details.get("conflicts", []):
            if cid in wanted:
                out[cid] = str(entry.details.get("reason", ""))
    return out


def group_of(s: Session, entity_id: str) -> list[Any]:
    """The record's open held operations that one decision closes (oldest first)."""
    c = state.sync_conflicts.c
    return list(
        s.execute(
            select(state.sync_conflicts)
            .where(c.entity_id == entity_id, c.resolved_at.is_(None), c.status == "conflict",
                   c.code.in_(DECIDABLE))
            .order_by(c.op_seq)
        ).all()
    )  # fmt: skip


def local_copy(s: Session, entity: str, entity_id: str) -> tuple[Any, dict[str, Any] | None]:
    """The desk's copy of the record and its state as it travels (None when the desk does not have it)."""
    model = TABLES.get(entity)
    row = s.get(model, entity_id) if model is not None else None
    if row is None:
        return None, None
    if isinstance(row, Request):
        requester = s.get(Requester, row.requester_id)
        assert requester is not None
        return row, request_state(row, requester)
    assert isinstance(row, Objection)
    request = s.get(Request, row.request_id)
    return row, objection_state(row, request.number if request else "")


def blocker_of(s: Session, entity_id: str, group: list[Any], local: Any) -> str | None:
    """Why the decision must wait: the desk's copy must be the server's latest known state, with nothing of
    this record still unsent, because the resolution is sent on the server's current version."""
    if local is None:
        return "Data ini belum ada di meja ini. Jalankan sinkronisasi dulu, lalu putuskan."
    rec = s.execute(select(state.sync_records).where(state.sync_records.c.entity_id == entity_id)).first()
    wanted = max((g.server_version or 0 for g in group), default=0)
    if rec is None or rec.server_version < wanted:
        return "Data terbaru dari server belum diterima meja ini. Jalankan sinkronisasi dulu, lalu putuskan."
    if not rec.in_scope:
        return "Data ini sudah tidak dalam wilayah kantor ini; hanya dapat ditandai sudah ditinjau."
    pending = s.scalar(
        select(func.count()).where(OutboxOp.entity_id == entity_id, OutboxOp.acked_at.is_(None))
    )
    if pending:
        return "Masih ada perubahan data ini yang belum terkirim. Jalankan sinkronisasi dulu, lalu putuskan."
    if rec.stale or local.version != rec.server_version:
        return (
            "Salinan di meja ini berbeda dari server; data server diambil ulang pada sinkronisasi "
            "berikutnya. Jalankan sinkronisasi dulu, lalu putuskan."
        )
    return None


def view_of(s: Session, row: Any, reveal: bool, reason: str | None) -> ConflictView:
    local, server_state = local_copy(s, row.entity, row.entity_id)
    group = group_of(s, row.entity_id) if row.resolved_at is None else []
    decidable = is_decidable(row)
    blocker = blocker_of(s, row.entity_id, group, local) if decidable and row.resolved_at is None else None
    held: dict[str, Mapping[str, Any]] = {}
    for g in group or [row]:
        held.update({k: v for k, v in (g.fields or {}).items() if isinstance(v, Mapping)})
    desk_state = state_of((group[-1] if group else row).op_payload)
    if server_state is None or not decidable:
        server_state = {k: v.get("server") for k, v in held.items()}
        desk_state = {**desk_state, **{k: v.get("desk") for k, v in held.items() if "desk" in v}}
    fields = differences(row.entity, server_state, desk_state, held, reveal=reveal)
    if not decidable:
        fields = [f for f in fields if f.conflicting]
    number, request_number, name = names_of(s, row.entity, local, desk_state)
    return ConflictView(
        id=row.id, entity=row.entity, entity_id=row.entity_id, status=row.status, code=row.code or "",
        code_label=CODE_LABELS.get(row.code or "", row.code or ""), message=row.message or "",
        action=action_of(s, row.op_id), created_at=row.created_at, number=number, request_number=request_number,
        requester_name=name, fields=tuple(fields), server_conflict_id=row.server_conflict_id,
        server_version=row.server_version, decidable=decidable, blocker=blocker,
        held_with=max(0, len(group) - 1), resolved_at=row.resolved_at, resolution=row.resolution,
        resolved_by=row.resolved_by, reason=reason,
    )  # fmt: skip


# ------------------------------------------------------------------ deciding


def state_of(payload: Mapping[str, Any] | None) -> dict[str, Any]:
    payload = payload or {}
    for key in ("record", "state"):
        rec = payload.get(key)
        if isinstance(rec, Mapping):
            return dict(rec)
    return {k: v for k, v in payload.items() if k not in ("event", "events", "resolves")}


def action_of(s: Session, op_id: str) -> str:
    return str(s.scalar(select(OutboxOp.action).where(OutboxOp.op_id == op_id)) or "")


def names_of(
    s: Session, entity: str, local: Any, desk: Mapping[str, Any]
) -> tuple[str | None, str | None, str | None]:
    """Number, request number and requester name as the register shows them (name in full, as in the register;
    NIK and phone only masked)."""
    if isinstance(local, Request):
        who = s.get(Requester, local.requester_id)
        return local.number, local.number, recorded_name(local, who) if who else None
    if isinstance(local, Objection):
        request = s.get(Request, local.request_id)
        who = s.get(Requester, request.requester_id) if request else None
        name = recorded_name(request, who) if request and who else None
        return local.number, request.number if request else None, name
    number = desk.get("number")
    requester = desk.get("requester")
    name = requester.get("name") if isinstance(requester, Mapping) else None
    req_number = desk.get("request_number") if entity == "objection" else number
    return number, req_number, name

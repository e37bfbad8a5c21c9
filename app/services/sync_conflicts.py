"""The supervisor's review of what the city server held or refused (issue #5).

A legally significant field changed on both sides is never silently overwritten: the server holds the desk's
operation (``conflict``) and the desk copies it into ``sync_conflicts``. Here a supervisor sees, per held
operation, the record, each differing field (base / server / desk) and decides: keep the server's, take the
desk's, or edit. The decision is ONE SQLite transaction: the local record gets the chosen values, the timeline
an event, the audit log who/when/why, the outbox an op on the current server version whose
``payload.resolves`` lists every open server conflict of that record (so the server closes them all and
unblocks the record), and the held rows are marked resolved. Refused operations (``rejected``) and holds that
cannot be decided from this desk (``moved_out_of_scope``) are shown too and acknowledged with a reason, so
nothing disappears unseen.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import Table, func, or_, select, update
from sqlalchemy.orm import Session

from app.domain.permissions import Permission
from app.errors import ActionRefused, NotFound, ValidationError
from app.services.context import Actor, DeskContext
from app.services.journal import audit, enqueue, record_event
from app.services.register import index_request
from app.services.sync_conflict_fields import (
    REQUESTER_SKIPPED,
    FieldDiff,
    differences,
    label,
    to_column,
)
from app.services.sync_state import objection_state, request_state
from app.services.views import EventView
from app.sync import state
from db.models import AuditEntry, Objection, OutboxOp, Request, Requester

Choice = Literal["keep_server", "take_desk", "edit"]
CHOICES: dict[str, str] = {
    "keep_server": "versi server dipakai",
    "take_desk": "versi meja ini dipakai",
    "edit": "nilai disunting supervisor",
}
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
_TABLES: dict[str, type[Request] | type[Objection]] = {"request": Request, "objection": Objection}
MIN_REASON = 5
_Rows = list[Any]  # module-level names: the service has a method called ``list``
_Ids = list[int]


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


def _reason(reason: str) -> str:
    text = " ".join((reason or "").split())
    if len(text) < MIN_REASON:
        raise ValidationError({"reason": f"Alasan wajib diisi (min. {MIN_REASON} karakter)."})
    return text


class SyncConflictService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx
        self._ready = False

    def _tables(self) -> None:
        """The table is created by the sync engine on first use; a desk that never synced has none yet."""
        if not self._ready:
            state.ensure_tables(self.ctx.db.engine)
            self._ready = True

    # ------------------------------------------------------------------ reading
    def open_count(self) -> int:
        self._tables()
        c = state.sync_conflicts.c
        with self.ctx.db.reader() as s:
            return int(s.scalar(select(func.count()).where(c.resolved_at.is_(None))) or 0)

    def list(self, actor: Actor, *, resolved_days: int = 30) -> builtins.list[ConflictView]:
        """Open items (oldest first), then those resolved in the last ``resolved_days`` days (newest first)."""
        self._tables()
        c = state.sync_conflicts.c
        since = self.ctx.clock() - timedelta(days=resolved_days)
        reveal = actor.can(Permission.VIEW_PERSONAL_DATA)
        with self.ctx.db.reader() as s:
            rows = s.execute(
                select(state.sync_conflicts).where(or_(c.resolved_at.is_(None), c.resolved_at >= since))
            ).all()
            reasons = self._reasons(s, [r.id for r in rows if r.resolved_at is not None])
            views = [self._view(s, r, reveal, reasons.get(r.id)) for r in rows]
        opened = sorted((v for v in views if v.is_open), key=lambda v: (v.created_at, v.id))
        done = sorted((v for v in views if not v.is_open), key=lambda v: (v.resolved_at, v.id), reverse=True)
        return opened + done

    def get(self, actor: Actor, conflict_id: int) -> ConflictView:
        self._tables()
        with self.ctx.db.reader() as s:
            row = self._row(s, conflict_id)
            reasons = self._reasons(s, [row.id])
            return self._view(s, row, actor.can(Permission.VIEW_PERSONAL_DATA), reasons.get(row.id))

    def _row(self, s: Session, conflict_id: int) -> Any:
        row = s.execute(select(state.sync_conflicts).where(state.sync_conflicts.c.id == conflict_id)).first()
        if row is None:
            raise NotFound(f"Konflik sinkronisasi #{conflict_id} tidak ditemukan.")
        return row

    def _reasons(self, s: Session, ids: _Ids) -> dict[int, str]:
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

    def _group(self, s: Session, entity_id: str) -> _Rows:
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

    def _local(self, s: Session, entity: str, entity_id: str) -> tuple[Any, dict[str, Any] | None]:
        """The desk's copy of the record and its state as it travels (None when the desk does not have it)."""
        model = _TABLES.get(entity)
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

    def _blocker(self, s: Session, entity_id: str, group: _Rows, local: Any) -> str | None:
        """Why the decision must wait: the desk's copy must be the server's latest known state, with nothing of
        this record still unsent, because the resolution is sent on the server's current version."""
        if local is None:
            return "Data ini belum ada di meja ini. Jalankan sinkronisasi dulu, lalu putuskan."
        rec = s.execute(select(state.sync_records).where(state.sync_records.c.entity_id == entity_id)).first()
        wanted = max((g.server_version or 0 for g in group), default=0)
        if rec is None or rec.server_version < wanted:
            return (
                "Data terbaru dari server belum diterima meja ini. Jalankan sinkronisasi dulu, lalu putuskan."
            )
        if not rec.in_scope:
            return "Data ini sudah tidak dalam wilayah kantor ini; hanya dapat ditandai sudah ditinjau."
        pending = s.scalar(
            select(func.count()).where(OutboxOp.entity_id == entity_id, OutboxOp.acked_at.is_(None))
        )
        if pending:
            return (
                "Masih ada perubahan data ini yang belum terkirim. Jalankan sinkronisasi dulu, lalu putuskan."
            )
        if rec.stale or local.version != rec.server_version:
            return (
                "Salinan di meja ini berbeda dari server; data server diambil ulang pada sinkronisasi "
                "berikutnya. Jalankan sinkronisasi dulu, lalu putuskan."
            )
        return None

    def _view(self, s: Session, row: Any, reveal: bool, reason: str | None) -> ConflictView:
        local, server_state = self._local(s, row.entity, row.entity_id)
        group = self._group(s, row.entity_id) if row.resolved_at is None else []
        decidable = row.status == "conflict" and row.code in DECIDABLE and row.entity in _TABLES
        blocker = (
            self._blocker(s, row.entity_id, group, local) if decidable and row.resolved_at is None else None
        )
        held: dict[str, Mapping[str, Any]] = {}
        for g in group or [row]:
            held.update({k: v for k, v in (g.fields or {}).items() if isinstance(v, Mapping)})
        desk_state = _state_of((group[-1] if group else row).op_payload)
        if server_state is None or not decidable:
            server_state = {k: v.get("server") for k, v in held.items()}
            desk_state = {**desk_state, **{k: v.get("desk") for k, v in held.items() if "desk" in v}}
        fields = differences(row.entity, server_state, desk_state, held, reveal=reveal)
        if not decidable:
            fields = [f for f in fields if f.conflicting]
        number, request_number, name = _names(s, row.entity, local, desk_state)
        return ConflictView(
            id=row.id, entity=row.entity, entity_id=row.entity_id, status=row.status, code=row.code or "",
            code_label=CODE_LABELS.get(row.code or "", row.code or ""), message=row.message or "",
            action=_action(s, row.op_id), created_at=row.created_at, number=number, request_number=request_number,
            requester_name=name, fields=tuple(fields), server_conflict_id=row.server_conflict_id,
            server_version=row.server_version, decidable=decidable, blocker=blocker,
            held_with=max(0, len(group) - 1), resolved_at=row.resolved_at, resolution=row.resolution,
            resolved_by=row.resolved_by, reason=reason,
        )  # fmt: skip

    # ------------------------------------------------------------------ deciding
    def resolve(
        self,
        conflict_id: int,
        choice: str,
        actor: Actor,
        edited_values: Mapping[str, Any] | None = None,
        reason: str = "",
    ) -> ConflictView:
        """Apply the supervisor's decision in one transaction (record, timeline, audit, outbox, held rows)."""
        actor.require(Permission.RESOLVE_CONFLICTS)
        if choice not in CHOICES:
            raise ValidationError({"choice": "Pilih: keep_server, take_desk atau edit."})
        why = _reason(reason)
        if choice == "edit" and not edited_values:
            raise ValidationError({"edited_values": "Isi nilai yang disunting."})
        self._tables()
        now = self.ctx.clock()
        with self.ctx.db.reader() as s:
            row = self._row(s, conflict_id)
            self._check_open(row)
            if not (row.status == "conflict" and row.code in DECIDABLE and row.entity in _TABLES):
                raise ActionRefused(
                    "Perubahan ini tidak dapat diputuskan di meja ini; tandai sudah ditinjau dengan alasannya."
                )
            local, _ = self._local(s, row.entity, row.entity_id)
            blocker = self._blocker(s, row.entity_id, self._group(s, row.entity_id), local)
        if blocker is not None:
            if local is not None and "diambil ulang" in blocker:
                with self.ctx.db.transaction() as s:  # let the next sync re-fetch the server's copy
                    s.execute(update(state.sync_records).where(state.sync_records.c.entity_id == row.entity_id)
                              .values(stale=True))  # fmt: skip
            raise ActionRefused(blocker)
        with self.ctx.db.transaction() as s:
            row = self._row(s, conflict_id)
            self._check_open(row)  # another supervisor may have decided meanwhile
            group = self._group(s, row.entity_id)
            local, server_state = self._local(s, row.entity, row.entity_id)
            if self._blocker(s, row.entity_id, group, local) is not None or server_state is None:
                raise ActionRefused(
                    "Data berubah sementara ini; muat ulang daftar konflik lalu putuskan lagi."
                )
            view = self._view(s, row, True, None)
            chosen = _chosen(choice, view.fields, edited_values)
            base_version = int(local.version)
            self._apply(s, row.entity, local, chosen)
            local.version = base_version + 1
            local.updated_at = now
            resolves = _server_ids(group)
            local_ids = [g.id for g in group]
            changed = {f.name: {"server": f.server, "desk": f.desk, "chosen": chosen.get(f.name, f.server)}
                       for f in view.fields}  # fmt: skip
            summary = (
                f"Konflik sinkronisasi diputuskan supervisor: {CHOICES[choice]}"
                + (f" ({', '.join(label(n) for n in changed)})" if changed else "")
                + f". Alasan: {why}"
            )
            ids = {"request_id": local.id} if row.entity == "request" else {"objection_id": local.id}
            event = record_event(s, actor, now, kind="sync_resolve", at=now, summary=summary,
                                 data={"choice": choice, "fields": changed, "reason": why,
                                       "server_conflicts": resolves}, **ids)  # fmt: skip
            audit(s, actor, now, action="sync_conflict_resolve", entity=row.entity, entity_id=row.entity_id,
                  details={"number": view.number, "choice": choice, "reason": why, "conflicts": local_ids,
                           "server_conflicts": resolves, "fields": changed})  # fmt: skip
            _, new_state = self._local(s, row.entity, row.entity_id)
            enqueue(s, now, entity=row.entity, entity_id=row.entity_id, action="resolve",
                    payload={"state": new_state, "event": EventView.of(event).to_dict(), "resolves": resolves},
                    base_version=base_version)  # fmt: skip
            c = state.sync_conflicts.c
            s.execute(update(state.sync_conflicts).where(c.id.in_(local_ids))
                      .values(resolved_at=now, resolution=choice, resolved_by=actor.username))  # fmt: skip
            s.execute(update(state.sync_records).where(state.sync_records.c.entity_id == row.entity_id)
                      .values(needs_review=False))  # fmt: skip
        return self.get(actor, conflict_id)

    def acknowledge(self, conflict_id: int, actor: Actor, reason: str = "") -> ConflictView:
        """Mark as reviewed ("tandai sudah ditinjau"): a refused or undecidable operation stays on record with who saw it and why."""
        actor.require(Permission.RESOLVE_CONFLICTS)
        why = _reason(reason)
        self._tables()
        now = self.ctx.clock()
        with self.ctx.db.transaction() as s:
            row = self._row(s, conflict_id)
            self._check_open(row)
            rec = s.execute(select(state.sync_records.c.in_scope)
                            .where(state.sync_records.c.entity_id == row.entity_id)).first()  # fmt: skip
            moved_away = rec is not None and not rec.in_scope
            if (
                row.status == "conflict"
                and row.code in DECIDABLE
                and row.entity in _TABLES
                and not moved_away
            ):
                raise ActionRefused(
                    "Konflik ini harus diputuskan (pakai versi server, versi meja ini, atau sunting), "
                    "bukan hanya ditandai."
                )
            local, _ = self._local(s, row.entity, row.entity_id)
            view = self._view(s, row, True, None)
            what = view.code_label or row.code or row.status
            if local is not None:
                ids = {"request_id": local.id} if row.entity == "request" else {"objection_id": local.id}
                record_event(s, actor, now, kind="sync_acknowledge", at=now,
                             summary=f"Perubahan meja tidak diterima server ({what}); ditinjau supervisor. "
                                     f"Alasan: {why}",
                             data={"code": row.code, "op_id": row.op_id, "reason": why}, **ids)  # fmt: skip
            audit(s, actor, now, action="sync_conflict_acknowledge", entity=row.entity, entity_id=row.entity_id,
                  details={"number": view.number, "code": row.code, "message": row.message, "reason": why,
                           "conflicts": [row.id], "op_id": row.op_id, "op_payload": row.op_payload})  # fmt: skip
            c = state.sync_conflicts.c
            s.execute(update(state.sync_conflicts).where(c.id == row.id)
                      .values(resolved_at=now, resolution="acknowledged", resolved_by=actor.username))  # fmt: skip
        return self.get(actor, conflict_id)

    @staticmethod
    def _check_open(row: Any) -> None:
        if row.resolved_at is not None:
            raise ActionRefused(
                f"Konflik ini sudah diselesaikan oleh {row.resolved_by} pada {row.resolved_at:%d-%m-%Y %H.%M}."
            )

    def _apply(self, s: Session, entity: str, local: Any, chosen: Mapping[str, Any]) -> None:
        table: Table = _TABLES[entity].__table__  # type: ignore[assignment]
        for name, value in chosen.items():
            if name == "requester" and isinstance(local, Request):
                self._apply_requester(s, local, value)
                continue
            setattr(local, name, to_column(entity, table, name, value))
        if isinstance(local, Request):
            requester = s.get(Requester, local.requester_id)
            assert requester is not None
            index_request(s, local, requester)

    def _apply_requester(self, s: Session, row: Request, value: Any) -> None:
        if not isinstance(value, Mapping):
            raise ValidationError({"requester": "Identitas pemohon harus berupa data lengkap pemohon."})
        requester = s.get(Requester, row.requester_id)
        assert requester is not None
        table: Table = Requester.__table__  # type: ignore[assignment]
        for key, item in value.items():
            if key in REQUESTER_SKIPPED or key not in table.columns:
                continue
            setattr(requester, key, to_column("requester", table, key, item))
        requester.version += 1
        requester.updated_at = self.ctx.clock()


def _state_of(payload: Mapping[str, Any] | None) -> dict[str, Any]:
    payload = payload or {}
    for key in ("record", "state"):
        rec = payload.get(key)
        if isinstance(rec, Mapping):
            return dict(rec)
    return {k: v for k, v in payload.items() if k not in ("event", "events", "resolves")}


def _server_ids(group: list[Any]) -> list[int]:
    """Every open server conflict of the record (the held op's own, its blocked followers', and those an
    earlier resolution that got held again was closing), so the server unblocks the record for good."""
    ids: set[int] = set()
    for g in group:
        if g.server_conflict_id is not None:
            ids.add(int(g.server_conflict_id))
        ids.update(int(x) for x in (g.op_payload or {}).get("resolves", []) if isinstance(x, int))
    return sorted(ids)


def _chosen(choice: str, fields: tuple[FieldDiff, ...], edited: Mapping[str, Any] | None) -> dict[str, Any]:
    """Field -> chosen JSON value, starting from the server's copy (what the desk already holds)."""
    if choice == "keep_server":
        return {}
    if choice == "take_desk":
        return {f.name: f.desk for f in fields}
    known = {f.name for f in fields}
    unknown = sorted(set(edited or {}) - known)
    if unknown:
        raise ValidationError({"edited_values": "Kolom tidak termasuk konflik: " + ", ".join(unknown)})
    return dict(edited or {})


def _action(s: Session, op_id: str) -> str:
    return str(s.scalar(select(OutboxOp.action).where(OutboxOp.op_id == op_id)) or "")


def _names(
    s: Session, entity: str, local: Any, desk: Mapping[str, Any]
) -> tuple[str | None, str | None, str | None]:
    """Number, request number and requester name as the register shows them (name in full, as in the register;
    NIK and phone only masked)."""
    if isinstance(local, Request):
        who = s.get(Requester, local.requester_id)
        return local.number, local.number, who.name if who else None
    if isinstance(local, Objection):
        request = s.get(Request, local.request_id)
        who = s.get(Requester, request.requester_id) if request else None
        return local.number, request.number if request else None, who.name if who else None
    number = desk.get("number")
    requester = desk.get("requester")
    name = requester.get("name") if isinstance(requester, Mapping) else None
    req_number = desk.get("request_number") if entity == "objection" else number
    return number, req_number, name

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
from datetime import timedelta
from typing import Any, Literal

from sqlalchemy import Table, func, or_, select, update
from sqlalchemy.orm import Session

from app.domain.permissions import Permission
from app.errors import ActionRefused, ValidationError
from app.services.context import Actor, DeskContext
from app.services.journal import audit, enqueue, record_event
from app.services.register import index_request
from app.services.sync_conflict_fields import (
    REQUESTER_SKIPPED,
    FieldDiff,
    label,
    to_column,
)
from app.services.sync_conflict_views import (
    TABLES,
    ConflictView,
    blocker_of,
    group_of,
    is_decidable,
    local_copy,
    reasons_of,
    row_of,
    view_of,
)
from app.services.views import EventView
from app.sync import state
from db.models import Request, Requester

Choice = Literal["keep_server", "take_desk", "edit"]
CHOICES: dict[str, str] = {
    "keep_server": "versi server dipakai",
    "take_desk": "versi meja ini dipakai",
    "edit": "nilai disunting supervisor",
}
MIN_REASON = 5
_Rows = list[Any]  # module-level names: the service has a method called ``list``
_Ids = list[int]


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
            reasons = reasons_of(s, [r.id for r in rows if r.resolved_at is not None])
            views = [view_of(s, r, reveal, reasons.get(r.id)) for r in rows]
        opened = sorted((v for v in views if v.is_open), key=lambda v: (v.created_at, v.id))
        done = sorted((v for v in views if not v.is_open), key=lambda v: (v.resolved_at, v.id), reverse=True)
        return opened + done

    def get(self, actor: Actor, conflict_id: int) -> ConflictView:
        self._tables()
        with self.ctx.db.reader() as s:
            row = row_of(s, conflict_id)
            reasons = reasons_of(s, [row.id])
            return view_of(s, row, actor.can(Permission.VIEW_PERSONAL_DATA), reasons.get(row.id))

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
            row = row_of(s, conflict_id)
            self._check_open(row)
            if not is_decidable(row):
                raise ActionRefused(
                    "Perubahan ini tidak dapat diputuskan di meja ini; tandai sudah ditinjau dengan alasannya."
                )
            local, _ = local_copy(s, row.entity, row.entity_id)
            blocker = blocker_of(s, row.entity_id, group_of(s, row.entity_id), local)
        if blocker is not None:
            if local is not None and "diambil ulang" in blocker:
                with self.ctx.db.transaction() as s:  # let the next sync re-fetch the server's copy
                    s.execute(update(state.sync_records).where(state.sync_records.c.entity_id == row.entity_id)
                              .values(stale=True))  # fmt: skip
            raise ActionRefused(blocker)
        with self.ctx.db.transaction() as s:
            row = row_of(s, conflict_id)
            self._check_open(row)  # another supervisor may have decided meanwhile
            group = group_of(s, row.entity_id)
            local, server_state = local_copy(s, row.entity, row.entity_id)
            if blocker_of(s, row.entity_id, group, local) is not None or server_state is None:
                raise ActionRefused(
                    "Data berubah sementara ini; muat ulang daftar konflik lalu putuskan lagi."
                )
            view = view_of(s, row, True, None)
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
            _, new_state = local_copy(s, row.entity, row.entity_id)
            payload: dict[str, Any] = {"state": new_state, "event": EventView.of(event).to_dict(),
                                       "resolves": resolves}  # fmt: skip
            if choice != "keep_server":  # the desk's held steps are (partly) adopted: their events travel too
                payload["events"] = _held_events(group)
            enqueue(s, now, entity=row.entity, entity_id=row.entity_id, action="resolve", payload=payload,
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
            row = row_of(s, conflict_id)
            self._check_open(row)
            rec = s.execute(select(state.sync_records.c.in_scope)
                            .where(state.sync_records.c.entity_id == row.entity_id)).first()  # fmt: skip
            moved_away = rec is not None and not rec.in_scope
            if is_decidable(row) and not moved_away:
                raise ActionRefused(
                    "Konflik ini harus diputuskan (pakai versi server, versi meja ini, atau sunting), "
                    "bukan hanya ditandai."
                )
            local, _ = local_copy(s, row.entity, row.entity_id)
            view = view_of(s, row, True, None)
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
        table: Table = TABLES[entity].__table__  # type: ignore[assignment]
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


def _server_ids(group: list[Any]) -> list[int]:
    """Every open server conflict of the record (the held op's own, its blocked followers', and those an
    earlier resolution that got held again was closing), so the server unblocks the record for good."""
    ids: set[int] = set()
    for g in group:
        if g.server_conflict_id is not None:
            ids.add(int(g.server_conflict_id))
        ids.update(int(x) for x in (g.op_payload or {}).get("resolves", []) if isinstance(x, int))
    return sorted(ids)


def _held_events(group: list[Any]) -> list[dict[str, Any]]:
    """The timeline events of the held ops (the server never stored them), so every desk sees those steps."""
    out: dict[str, dict[str, Any]] = {}
    for g in group:
        payload = g.op_payload or {}
        for ev in [payload.get("event"), *(payload.get("events") or [])]:
            if isinstance(ev, Mapping):
                out[str(ev.get("id"))] = dict(ev)
    return list(out.values())


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

"""Applying a pushed batch: exactly-once effect, all-or-nothing, commit-ordered ``server_seq``.

One database transaction per batch:
1. read this device's ``applied_ops`` rows for the batch's op ids: those ops are duplicates (their stored
   outcome is returned, or ``op_id_reused`` when the content differs);
2. lock the touched records (``FOR UPDATE``, id order), decide every new op in desk order (apply, merge, hold as
   a conflict, reject), all in memory;
3. write held conflicts and one ``applied_ops`` row per new op with its outcome (primary key (device, op_id):
   an identical batch pushed concurrently waits on it, fails with a unique violation when the first commits, and
   is retried as duplicates, so an op never has a second effect);
4. take the stamp lock (``pg_advisory_xact_lock`` + the counter row), allocate one ``server_seq`` per touched
   record, write records, events, change log and scope moves, commit (server/stamp.py). The lock is held only
   from stamping to commit, so a larger ``server_seq`` is never visible before a smaller one.
Any unexpected error rolls the whole batch back; the desk retries the same ops later.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, TypeGuard

from sqlalchemy import Connection, Engine, RootTransaction, insert, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from ppid_protocol.delta import PATCH, apply_changes
from ppid_protocol.fields import IGNORED_FIELDS, OFFICE_FIELD
from ppid_protocol.wire import Op, OpResult
from server.admin import utcnow
from server.context import DeviceCtx, ScopeViolation
from server.db import reader, rows_planned_for
from server.jsonfast import dumps
from server.merge import diff, merge, state_at
from server.models import AppliedOp, ChangeLog, Conflict, Office, Record, ScopeLog
from server.ownership import owns
from server.stamp import stamp_pg, stamp_plain
from server.uploads import ANSWER_CTE, answer_params, mark

log = logging.getLogger("ppid.server.push")


_DEDUPE_PG = (
    "SELECT a.op_id, a.fingerprint, a.result FROM unnest(%(ids)s::text[]) AS w(op_id), LATERAL ("
    "SELECT op_id, fingerprint, result FROM applied_ops WHERE device_id = %(dev)s AND op_id = w.op_id OFFSET 0) AS a"
)
"""One primary-key probe per op of the batch, planned for its values (``rows_planned_for``). Written as
``op_id = ANY(ids)`` PostgreSQL read every op the device had ever sent (its entries in the (device, entity)
index, filtered by op id): two thirds of the database's CPU for a push, and growing with the desk's age."""


@dataclass(frozen=True)
class Upload:
    """A resumable push body (``push_resume``): recorded with its op ids in the push's own transaction."""

    sha256: str
    length: int
    continued: bool  # completed from cut bytes kept earlier (no longer needed once applied)


def _are_ids(parsed: list[Op] | list[str]) -> TypeGuard[list[str]]:
    return bool(parsed) and isinstance(parsed[0], str)


def _ops(parsed: list[Op] | list[str]) -> list[Op]:
    return [op for op in parsed if isinstance(op, Op)]


@dataclass
class RecState:
    entity_id: str
    entity: str
    office_id: int
    version: int
    data: dict[str, Any]
    needs_review: bool
    exists: bool
    created_by: str = ""
    touched: bool = False
    moved_from: int | None = None
    origin: str | None = None  # the device whose state as sent this record now is (records.origin_device)
    events: list[dict[str, Any]] = field(default_factory=list)
    changes: list[tuple[int, dict[str, list[Any]]]] = field(default_factory=list)  # this batch's log
    log_rows: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Batch:
    device: DeviceCtx
    now: datetime
    offices: dict[str, int]
    recs: dict[str, RecState] = field(default_factory=dict)
    results: dict[str, OpResult] = field(default_factory=dict)
    conflict_rows: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    blocked: set[str] = field(default_factory=set)
    last_applied: dict[str, tuple[int, int]] = field(default_factory=dict)  # entity -> (desk base, result)
    # entity -> how many conflict rows this batch had held when the resolution came: a resolution closes the
    # device's conflicts on that record held before it, never one a later op of the same batch raises again
    resolved: dict[str, int] = field(default_factory=dict)
    others_open: set[str] = field(default_factory=set)  # records with another device's conflict still open
    touch_order: list[str] = field(default_factory=list)
    pending: list[Op] = field(default_factory=list)  # the ops this batch decides, in order
    # requester id -> (request id, office) of the stored requests naming it, read once per batch (ownership.py)
    requester_refs: dict[str, set[tuple[str, int]]] = field(default_factory=dict)
    # requester id -> the requests held in ``recs`` whose state names it (kept by ``note_requester``): the
    # ownership check of each new request looks its requester up here instead of scanning every held record
    requests_naming: dict[str, set[str]] = field(default_factory=dict)
    # request id -> the requester id it is indexed under in ``requests_naming``
    _named_by: dict[str, str] = field(default_factory=dict)
    # a resumable body's record (server/uploads.py), written by the applied_ops insert on PostgreSQL
    answer: dict[str, Any] | None = None

    def note_requester(self, rec: RecState) -> None:
        """Keep ``requests_naming`` true after a request's state was loaded or replaced."""
        if rec.entity != "request":
            return
        before = self._named_by.pop(rec.entity_id, None)
        if before is not None:
            self.requests_naming[before].discard(rec.entity_id)
        named = rec.data.get("requester_id")
        if isinstance(named, str):  # content rules make it text; only text can equal a requester id
            self._named_by[rec.entity_id] = named
            self.requests_naming.setdefault(named, set()).add(rec.entity_id)

    def touch(self, rec: RecState) -> None:
        """Mark a record for stamping; seqs follow the desk's op order so pulls replay in that order."""
        if not rec.touched:
            rec.touched = True
            self.touch_order.append(rec.entity_id)


class PushService:
    def __init__(self, engine: Engine, before_commit: Callable[[list[Op]], None] | None = None) -> None:
        self.engine = engine
        self.before_commit = before_commit
        self.is_pg = engine.dialect.name == "postgresql"
        self._office_cache: dict[str, int] = {}

    # ------------------------------------------------------------------ entry point
    def push_request(
        self,
        auth: Callable[[Connection], DeviceCtx],
        parse: Callable[[DeviceCtx], list[Op] | list[str]],
        upload: Upload | None = None,
    ) -> tuple[DeviceCtx, list[Op], list[OpResult]]:
        """Check the token, parse the body, apply. On PostgreSQL the token is read inside the push's first
        transaction (one connection and its round trips fewer per push); on SQLite before BEGIN IMMEDIATE.
        ``parse`` gives the ops, or the op ids of a resumable body applied before (its answer was lost):
        those are answered from ``applied_ops``. ``upload``: a resumable body, recorded as applied."""
        if not self.is_pg:
            with reader(self.engine).connect() as conn:
                device = auth(conn)
                parsed = parse(device)
                if _are_ids(parsed):
                    return device, [], self.replay(conn, device, parsed)
            ops = _ops(parsed)
            return device, ops, self.push(device, ops, upload=upload)
        with self.engine.connect() as conn:
            first = conn.begin()
            try:
                device = auth(conn)
                parsed = parse(device)
                if _are_ids(parsed):
                    results = self.replay(conn, device, parsed)
                    first.commit()
                    return device, [], results
            except BaseException:
                first.rollback()
                raise
            ops = _ops(parsed)
            return device, ops, self.push(device, ops, conn, first, upload)

    def replay(self, conn: Connection, device: DeviceCtx, op_ids: list[str]) -> list[OpResult]:
        """The answer of a batch applied before, in its order, every op ``duplicate`` with its stored outcome."""
        rows = conn.execute(
            select(AppliedOp.op_id, AppliedOp.result).where(
                AppliedOp.device_id == device.id, AppliedOp.op_id.in_(sorted(set(op_ids)))
            )
        )
        stored = {r.op_id: OpResult.model_validate(r.result) for r in rows}
        missing = [i for i in op_ids if i not in stored]
        if missing:  # a recorded body whose ops are gone (never, unless rows were deleted by hand)
            raise ValueError(f"push answer names {len(missing)} ops without applied_ops rows")
        return [stored[i].model_copy(update={"duplicate": True}) for i in op_ids]

    def push(
        self,
        device: DeviceCtx,
        ops: list[Op],
        conn: Connection | None = None,
        first: RootTransaction | None = None,
        upload: Upload | None = None,
    ) -> list[OpResult]:
        unique: dict[str, Op] = {}
        for op in sorted(ops, key=lambda o: o.seq):
            unique.setdefault(op.op_id, op)
        for attempt in range(6):
            try:
                if conn is None:
                    with self.engine.begin() as own:
                        results = self._apply(own, device, list(unique.values()), ops, upload)
                else:
                    with first if attempt == 0 and first is not None else conn.begin():
                        results = self._apply(conn, device, list(unique.values()), ops, upload)
                break
            except IntegrityError:
                if attempt == 5:
                    raise
                log.info("push retried after a concurrent insert", extra={"device": device.id})
            except DBAPIError as exc:  # deadlock / serialization failure on PostgreSQL: retry the batch
                if attempt == 5 or getattr(exc.orig, "sqlstate", "") not in {"40P01", "40001"}:
                    raise
        return [results[op.op_id] for op in ops]

    # ------------------------------------------------------------------ one transaction
    def _apply(
        self,
        conn: Connection,
        device: DeviceCtx,
        ops: list[Op],
        sent: list[Op] | None = None,
        upload: Upload | None = None,
    ) -> dict[str, OpResult]:
        now = utcnow()
        offices = self._offices(conn, ops)
        batch = Batch(device=device, now=now, offices=offices)
        done = self._replay_duplicates(conn, device, ops, batch)
        todo = [op for op in ops if op.op_id not in done]
        if upload is not None:  # before the write: on PostgreSQL the stamp step commits
            ids = [op.op_id for op in sent or ops]
            carried = self.is_pg and bool(todo)  # by the applied_ops insert: no statement of its own
            if carried:
                batch.answer = answer_params(upload.sha256, upload.length, ids)
            mark(conn, device.id, upload.sha256, upload.length, ids, upload.continued, insert_row=not carried)
        if todo:
            batch.pending = todo
            self._load(conn, device, todo, batch)
            for op in todo:
                batch.results[op.op_id] = self._decide(conn, op, batch)
            self._write(conn, todo, batch)
        return batch.results

    def _offices(self, conn: Connection, ops: list[Op]) -> dict[str, int]:
        """Office codes → ids, cached (offices are only ever added); reloaded when an op names an unknown one."""
        wanted = {op.record().get(OFFICE_FIELD) for op in ops} - {None}
        if not wanted <= set(self._office_cache):
            self._office_cache = {r.code: r.id for r in conn.execute(select(Office.code, Office.id))}
        return self._office_cache

    def _replay_duplicates(
        self, conn: Connection, device: DeviceCtx, ops: list[Op], batch: Batch
    ) -> set[str]:
        """The ops this device already sent (one indexed read): their stored outcome, or ``op_id_reused``.

        The new ops' ``applied_ops`` rows are inserted, with their outcome, in this same transaction (see
        ``_store_results``); an identical batch pushed concurrently blocks on that primary key until this one
        commits, then fails with a unique violation and is retried, and on the retry finds its ops here."""
        ids = [op.op_id for op in ops]
        if self.is_pg:
            rows: Any = rows_planned_for(conn, _DEDUPE_PG, {"dev": device.id, "ids": ids})
        else:
            rows = conn.execute(
                select(AppliedOp.op_id, AppliedOp.fingerprint, AppliedOp.result).where(
                    AppliedOp.device_id == device.id, AppliedOp.op_id.in_(ids)
                )
            )
        stored = {r.op_id: r for r in rows}
        for op in ops:
            row = stored.get(op.op_id)
            if row is None:
                continue
            if row.fingerprint != op.fingerprint():
                batch.results[op.op_id] = OpResult(
                    op_id=op.op_id, status="rejected", code="op_id_reused",
                    message="ID operasi sudah dipakai untuk isi yang berbeda.",
                )  # fmt: skip
            else:
                res = OpResult.model_validate(row.result)
                batch.results[op.op_id] = res.model_copy(update={"duplicate": True})
        return set(stored)

    def _load(self, conn: Connection, device: DeviceCtx, ops: list[Op], batch: Batch) -> None:
        ids = sorted({op.entity_id for op in ops})
        if self.is_pg:  # fixed text over an array: prepared once per connection, whatever the batch size
            found: Any = conn.exec_driver_sql(
                "SELECT entity_id, entity, office_id, version, data, needs_review, created_by FROM records "
                "WHERE entity_id = ANY(%(ids)s) ORDER BY entity_id FOR UPDATE",
                {"ids": ids},
            )
        else:
            found = conn.execute(select(Record).where(Record.entity_id.in_(ids)).order_by(Record.entity_id))
        for r in found:
            loaded = RecState(
                r.entity_id,
                r.entity,
                r.office_id,
                r.version,
                dict(r.data),
                r.needs_review,
                True,
                r.created_by,
            )
            batch.recs[r.entity_id] = loaded
            batch.note_requester(loaded)
        later = sorted({op.entity_id for op in ops if op.base_version > 0 or op.payload.get("resolves")})
        if not later:
            return  # only creations: no earlier op of this desk and no held conflict can concern them
        for row in conn.execute(
            select(AppliedOp.entity_id, AppliedOp.base_version, AppliedOp.result_version)
            .where(
                AppliedOp.device_id == device.id, AppliedOp.entity_id.in_(later),
                AppliedOp.status.in_(("applied", "merged")),
            )
            .order_by(AppliedOp.seq)
        ):  # fmt: skip
            batch.last_applied[row.entity_id] = (row.base_version, row.result_version)
        held = conn.execute(
            select(Conflict.entity_id, Conflict.device_id).where(
                Conflict.entity_id.in_(later), Conflict.status == "open"
            )
        )
        for conflict in held:
            (batch.blocked if conflict.device_id == device.id else batch.others_open).add(conflict.entity_id)

    # ------------------------------------------------------------------ deciding one op
    def _decide(self, conn: Connection, op: Op, batch: Batch) -> OpResult:
        device = batch.device
        rec = batch.recs.get(op.entity_id)
        desk = op.record()
        resolves = [int(x) for x in op.payload.get("resolves", []) if isinstance(x, int)]
        if op.entity_id in batch.blocked and not resolves:
            return self._hold(op, batch, rec, "blocked", {})
        delta = op.is_delta()
        if delta and (op.base_version == 0 or rec is None or not rec.exists):
            return self._reject(op, batch, "unknown_record", "Data tidak ada di server.")
        if delta:
            assert rec is not None
            desk = apply_changes(
                rec.data, desk, op.payload.get(PATCH)
            )  # for the ownership checks; rebuilt below
        refused = owns(conn, batch, op, desk, rec)
        if refused is not None:
            return self._reject(op, batch, *refused)
        if rec is None or not rec.exists:
            return self._create(op, batch, desk)
        if not device.is_city and rec.office_id != device.office_id:
            # scope before kind: "wrong kind" for another office's id would tell that the id exists there
            was_ours = conn.execute(
                select(ScopeLog.id).where(
                    ScopeLog.office_id == device.office_id, ScopeLog.entity_id == rec.entity_id
                )
            ).first()
            if was_ours is None:
                raise ScopeViolation(op.entity_id)
        if rec.entity != op.entity:
            return self._reject(op, batch, "entity_mismatch", "Jenis data tidak cocok dengan data di server.")
        if not device.is_city and rec.office_id != device.office_id:
            fields = {OFFICE_FIELD: {"server": rec.data.get(OFFICE_FIELD), "desk": desk.get(OFFICE_FIELD)}}
            return self._hold(op, batch, rec, "moved_out_of_scope", fields)
        if op.base_version == 0:
            if diff(rec.data, desk) == {}:
                return OpResult(op_id=op.op_id, status="applied", version=rec.version)
            return self._reject(op, batch, "id_collision", "ID data sudah dipakai oleh data lain.")
        base = op.base_version
        prior = batch.last_applied.get(op.entity_id)
        if prior is not None and prior[0] == base - 1 and prior[1] is not None:
            base = prior[1]  # the desk counts versions on its own copy; map onto the server's numbering
        if base > rec.version:
            return self._reject(op, batch, "base_ahead", "Versi data di meja lebih baru dari server.")
        new_office = rec.office_id
        target = desk.get(OFFICE_FIELD)
        if target is not None and target != rec.data.get(OFFICE_FIELD):
            if not device.is_city:
                return self._reject(
                    op, batch, "route_forbidden", "Hanya PPID kota yang dapat meneruskan ke kantor lain."
                )
            if target not in batch.offices:
                return self._reject(op, batch, "unknown_office", f"Kantor {target} tidak dikenal server.")
            new_office = batch.offices[target]
        status: Literal["applied", "merged"] = "applied"
        merged: dict[str, Any] | None = None
        later = self._changes_after(conn, rec, base) if base < rec.version else []
        if (
            delta
        ):  # the desk's state = the record as it was at the desk's base, with the desk's changes on top
            desk = apply_changes(state_at(rec.data, later), op.record(), op.payload.get(PATCH))
        if base == rec.version:
            data = dict(desk)
        else:
            outcome = merge(op.entity, rec.data, desk, later)
            if outcome.is_conflict:
                return self._hold(op, batch, rec, "concurrent_change", outcome.conflicts)
            data, status = outcome.data, "merged"
            merged = {"server_kept": outcome.server_kept, "overwritten": outcome.overwritten, "base": base}
        changes = diff(rec.data, data)
        rec.version += 1
        data["version"] = rec.version
        if new_office != rec.office_id:
            rec.moved_from = rec.office_id if rec.moved_from is None else rec.moved_from
            rec.office_id = new_office
            if op.entity == "request":
                self._carry_letters(conn, op, batch, rec.entity_id, new_office, str(target))
        rec.data = data
        batch.note_requester(rec)
        batch.touch(rec)
        rec.events.extend(op.events())
        rec.changes.append((rec.version, changes))
        rec.log_rows.append(self._log_row(op, rec.version, changes, merged, batch))
        settles = bool(resolves) or op.entity_id in batch.blocked
        if settles:
            # A supervisor's decision settles what this desk held on this record (the conflict and the
            # followers it blocked), whatever ids it lists: ids never reach another record, device or office.
            batch.resolved[op.entity_id] = len(batch.conflict_rows)
            batch.blocked.discard(op.entity_id)
            rec.needs_review = op.entity_id in batch.others_open
        batch.last_applied[op.entity_id] = (op.base_version, rec.version)
        # the desk holds this version exactly when its state was taken as sent and its own count of versions is
        # the server's: then its next pull may leave the record out (``skip_own``)
        own = (
            status == "applied"
            and rec.version == op.base_version + 1
            and not settles
            and not rec.needs_review
        )
        rec.origin = device.id if own else None
        fields = {k: {"server": rec.data.get(k)} for k in (merged or {}).get("server_kept", [])}
        return OpResult(op_id=op.op_id, status=status, version=rec.version, fields=fields,
                        record=data if status == "merged" else None)  # fmt: skip

    def _carry_letters(
        self, conn: Connection, op: Op, batch: Batch, request_id: str, office_id: int, office_code: str
    ) -> None:
        """A routed request takes its letters along: each moves to the new office in the same stamp (a new
        version with the new ``office_code``, a scope move), so the office that now handles the request holds
        every letter issued on it, as the city does."""
        ref = "(data ->> 'request_id')" if self.is_pg else "json_extract(data, '$.request_id')"
        ids = conn.execute(
            text(
                f"SELECT entity_id FROM records WHERE entity <> 'request' AND entity = 'letter' AND {ref} = :rid "
                f"ORDER BY entity_id{' FOR UPDATE' if self.is_pg else ''}"
            ),
            {"rid": request_id},
        ).scalars().all()  # fmt: skip
        for letter_id in ids:
            letter = batch.recs.get(letter_id)
            if letter is None:
                row = conn.execute(select(Record).where(Record.entity_id == letter_id)).one()
                letter = RecState(row.entity_id, row.entity, row.office_id, row.version, dict(row.data),
                                  row.needs_review, True, row.created_by)  # fmt: skip
                batch.recs[letter_id] = letter
            if letter.office_id == office_id:
                continue
            data = {**letter.data, OFFICE_FIELD: office_code}
            changes = diff(letter.data, data)
            letter.version += 1
            data["version"] = letter.version
            letter.moved_from = letter.office_id if letter.moved_from is None else letter.moved_from
            letter.office_id, letter.data = office_id, data
            # no desk holds the letter in its new office yet, the routing city desk neither
            letter.origin = None
            batch.touch(letter)
            letter.changes.append((letter.version, changes))
            letter.log_rows.append(
                {**self._log_row(op, letter.version, changes, None, batch), "entity_id": letter_id}
            )

    def _create(self, op: Op, batch: Batch, desk: dict[str, Any]) -> OpResult:
        device = batch.device
        if op.base_version != 0:
            return self._reject(op, batch, "unknown_record", "Data tidak ada di server.")
        office_id = device.office_id
        target = desk.get(OFFICE_FIELD)
        if target is not None and target != device.office_code:
            if not device.is_city:
                raise ScopeViolation(op.entity_id)
            if target not in batch.offices:
                return self._reject(op, batch, "unknown_office", f"Kantor {target} tidak dikenal server.")
            office_id = batch.offices[target]
        data = dict(desk)
        data["version"] = 1
        rec = RecState(op.entity_id, op.entity, office_id, 1, data, False, True, device.id, origin=device.id)
        batch.touch(rec)
        rec.moved_from = -1  # marks "new": inserted, and its first scope entry logged
        rec.events.extend(op.events())
        changes = {
            k: [None, v] for k, v in data.items() if v is not None and k not in IGNORED_FIELDS
        }  # = diff({}, data)
        rec.changes.append((1, changes))
        rec.log_rows.append(self._log_row(op, 1, changes, None, batch))
        batch.recs[op.entity_id] = rec
        batch.note_requester(rec)
        batch.last_applied[op.entity_id] = (0, 1)
        return OpResult(op_id=op.op_id, status="applied", version=1)

    def _changes_after(self, conn: Connection, rec: RecState, base: int) -> list[dict[str, list[Any]]]:
        rows = conn.execute(
            select(ChangeLog.version, ChangeLog.changes)
            .where(ChangeLog.entity_id == rec.entity_id, ChangeLog.version > base)
            .order_by(ChangeLog.version)
        ).all()
        pending = [(v, c) for v, c in rec.changes if v > base]
        return [
            dict(c) for _v, c in sorted([(r.version, r.changes) for r in rows] + pending, key=lambda x: x[0])
        ]

    def _log_row(
        self, op: Op, version: int, changes: dict[str, Any], merged: Any, batch: Batch
    ) -> dict[str, Any]:
        return {
            "entity_id": op.entity_id, "version": version, "device_id": batch.device.id, "op_id": op.op_id,
            "action": op.action, "changes": changes, "merged": merged, "client_time": op.created_at[:40],
            "server_time": batch.now,
        }  # fmt: skip

    def _hold(
        self, op: Op, batch: Batch, rec: RecState | None, reason: str, fields: dict[str, Any]
    ) -> OpResult:
        batch.blocked.add(op.entity_id)
        server_version = rec.version if rec is not None else 0
        batch.conflict_rows.append(
            (
                op.op_id,
                {
                    "device_id": batch.device.id, "op_id": op.op_id, "entity": op.entity,
                    "entity_id": op.entity_id, "reason": reason, "base_version": op.base_version,
                    "server_version": server_version, "fields": fields, "op": op.model_dump(mode="json"),
                    "status": "open", "created_at": batch.now,
                },
            )
        )  # fmt: skip
        if rec is not None and rec.exists and not rec.needs_review:
            rec.needs_review = True
            rec.origin = None  # the flag is news to every desk
            batch.touch(rec)
        message = "Data diubah di server sejak meja terakhir sinkron; perlu diputuskan supervisor."
        if reason == "moved_out_of_scope":
            message = (
                "Permohonan sudah diteruskan ke kantor lain; perubahan meja perlu diputuskan supervisor."
            )
        elif reason == "blocked":
            message = "Menunggu keputusan supervisor atas konflik sebelumnya pada data ini."
        return OpResult(op_id=op.op_id, status="conflict", code=reason, message=message,
                        version=server_version, fields=fields)  # fmt: skip

    def _reject(self, op: Op, batch: Batch, code: str, message: str) -> OpResult:
        batch.blocked.add(op.entity_id)
        return OpResult(op_id=op.op_id, status="rejected", code=code, message=message)

    # ------------------------------------------------------------------ writing
    def _write(self, conn: Connection, ops: list[Op], batch: Batch) -> None:
        """Everything that needs no seq first (outside the stamp lock), then stamp; on PostgreSQL the stamp
        step also commits (see server/stamp.py)."""
        raised_later: list[int] = []  # held in this batch after the resolution of their record
        for index, (op_id, row) in enumerate(batch.conflict_rows):
            cid = conn.execute(insert(Conflict).values(row).returning(Conflict.id)).scalar_one()
            batch.results[op_id] = batch.results[op_id].model_copy(update={"conflict_id": cid})
            if index >= batch.resolved.get(row["entity_id"], len(batch.conflict_rows)):
                raised_later.append(cid)
        if batch.resolved:
            conn.execute(
                update(Conflict)
                .where(
                    Conflict.device_id == batch.device.id,
                    Conflict.entity_id.in_(list(batch.resolved)),
                    Conflict.status == "open",
                    Conflict.id.notin_(raised_later),
                )
                .values(status="resolved", resolved_at=batch.now)
            )
        self._store_results(conn, ops, batch)
        touched = [batch.recs[eid] for eid in batch.touch_order]
        before = self.before_commit
        hook = (lambda: before(ops)) if before is not None else None  # noqa: E731
        if touched and self.is_pg:
            stamp_pg(conn, touched, batch.now, hook)
            return
        if touched:
            stamp_plain(conn, touched, batch.now)
        if hook is not None:
            hook()

    def _store_results(self, conn: Connection, ops: list[Op], batch: Batch) -> None:
        """One ``applied_ops`` row per new op, with its outcome: the dedupe record of its effect."""
        rows = []
        for op in ops:
            res = batch.results[op.op_id]
            stored = res.model_dump(mode="json", exclude={"record"}, exclude_defaults=True)
            stored["op_id"], stored["status"] = res.op_id, res.status
            rows.append(
                {"op_id": op.op_id, "seq": op.seq, "entity_id": op.entity_id, "base_version": op.base_version,
                 "fingerprint": op.fingerprint(), "status": res.status, "result_version": res.version,
                 "result": stored}
            )  # fmt: skip
        if self.is_pg:  # one statement of fixed text (prepared once per connection) for the whole batch
            answer = batch.answer or {}
            conn.exec_driver_sql(
                (ANSWER_CTE if answer else "")
                + "INSERT INTO applied_ops (device_id, op_id, seq, entity_id, base_version, fingerprint, status, "
                "result_version, result, applied_at) SELECT %(dev)s, v.op_id, v.seq, v.entity_id, v.base_version, "
                "v.fingerprint, v.status, v.result_version, v.result, %(now)s "
                "FROM jsonb_to_recordset(%(rows)s::jsonb) AS v(op_id text, seq bigint, entity_id text, "
                "base_version int, fingerprint text, status text, result_version int, result jsonb)",
                {"rows": dumps(rows), "dev": batch.device.id, "now": batch.now, **answer},
            )
            return
        for row in rows:
            row.update(device_id=batch.device.id, applied_at=batch.now)
        conn.execute(insert(AppliedOp), rows)

"""The bulk path of the seeder: the service intents' bodies without their per-intent round trips.

``register.receive``, ``actions.act`` and ``objections.add/act`` each open a transaction, re-read the office,
the calendar and the row, flush several times, update the search index and build a view to return. Seeding
100,000 requests that way takes about an hour on a laptop, so this path keeps the rows of the requests still
in flight in memory and writes everything in one transaction per batch, while calling the *same* helpers for
everything that decides what is written:

* ``validate_requester`` (NIK, phone E.164, email), the PII vault (encrypted NIK, lookup hash, mask);
* ``check_allowed`` / ``check_objection_allowed`` and the action handlers themselves
  (``RequestActions._handlers``, ``ObjectionService._apply``), which mutate the row exactly as at the desk;
* ``request_deadlines`` / ``apply_request_deadlines`` / ``objection_deadlines`` with the stored calendar;
* ``record_event`` / ``audit`` / ``enqueue`` with ``request_state`` / ``objection_state`` payloads;
* ``render_number`` / ``parts_for`` / ``counter_key`` for numbers, and ``search_body`` for the FTS index.

What is *not* re-run per intent is only the plumbing: transactions, re-loading rows, and ``_view``.
``tests/bench/test_seed.py`` seeds the same plan through both paths and compares the registers.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from app.domain.identity import mask_nik
from app.domain.lifecycle import (
    CHANNELS,
    Action,
    ObjectionAction,
    ObjectionStatus,
    Status,
    check_allowed,
    check_objection_allowed,
)
from app.domain.numbering import counter_key, parts_for, render_number
from app.domain.requester import validate_requester
from app.errors import ActionRefused, ValidationError
from app.ids import new_id
from app.services.calendar import (
    apply_objection_deadlines,
    apply_request_deadlines,
    load_calendar,
    objection_deadlines,
    request_deadlines,
)
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.journal import audit, enqueue, record_event
from app.services.objections import _late_filing, objection_state, parse_grounds
from app.services.office import load_office
from app.services.register import parse_datetime, request_state, search_body
from app.services.views import EventView
from db.models import Counter, Objection, Request, Requester


class _Pending:
    """Stands in for the session in ``record_event`` / ``audit`` / ``enqueue`` (which only ``add``): the rows
    are kept in creation order and written after the rows they point to (there are no ORM relationships to
    order the inserts, which is why ``receive`` flushes before writing its event)."""

    def __init__(self) -> None:
        self.rows: list[Any] = []

    def add(self, row: Any) -> None:
        self.rows.append(row)


class FastDesk:
    """Intents of the seeder, batched: ``commit()`` writes everything since the last commit."""

    def __init__(self, desk: DeskServices) -> None:
        self.desk = desk
        self.ctx = desk.ctx
        self.session = Session(desk.ctx.db.engine, expire_on_commit=False)
        self.office = load_office(self.session)
        self.cal = load_calendar(self.session)
        self.requesters: dict[str, Requester] = {}
        self.requests: dict[str, tuple[Request, Requester]] = {}
        self.objections: dict[str, Objection] = {}
        self.counters: dict[str, Counter] = {}
        self.finished: list[tuple[Request, Requester]] = []
        self.new_requesters = _Pending()
        self.new_requests = _Pending()
        self.new_objections = _Pending()
        self.journal = _Pending()

    # --- plumbing ---------------------------------------------------------------------------------------
    def _next(self, key: str) -> int:
        row = self.counters.get(key) or self.session.get(Counter, key)
        if row is None:
            row = Counter(key=key, value=0)
            self.session.add(row)
        self.counters[key] = row
        row.value += 1
        return row.value

    def finish(self, number: str) -> None:
        """The request will not change any more: index it at the next commit and forget it."""
        pair = self.requests.pop(number, None)
        if pair is not None:
            self.finished.append(pair)

    def commit(self) -> None:
        for pending in (self.new_requesters, self.new_requests, self.new_objections):
            self.session.add_all(pending.rows)
            self.session.flush()
            pending.rows = []
        # A request answered before its first flush carries costs=None as JSON 'null'; at the desk the column
        # was never written and stays SQL NULL.
        self.session.execute(text("UPDATE requests SET costs = NULL WHERE costs = 'null'"))
        # Timeline, audit and outbox rows never change once written: plain executemany, in creation order.
        by_class: dict[type, list[dict[str, Any]]] = {}
        for row in self.journal.rows:
            table = type(row).__table__
            by_class.setdefault(type(row), []).append(
                {c.key: row.__dict__.get(c.key) for c in table.columns if c is not table.autoincrement_column}
            )
        self.journal.rows = []
        for model, values in by_class.items():
            self.session.execute(insert(model.__table__), values)
        pairs, self.finished = self.finished, []
        for start in range(0, len(pairs), 500):
            chunk = pairs[start : start + 500]
            ids = {row.id: (row, who) for row, who in chunk}
            marks = ",".join(f":i{n}" for n in range(len(chunk)))
            found = self.session.execute(
                text(f"SELECT id, rowid FROM requests WHERE id IN ({marks})"),
                {f"i{n}": row.id for n, (row, _) in enumerate(chunk)},
            ).all()
            self.session.execute(
                text("INSERT INTO request_search(rowid, number, body) VALUES (:r, :n, :b)"),
                [{"r": rowid, "n": ids[rid][0].number, "b": search_body(*ids[rid])} for rid, rowid in found],
            )
        self.session.commit()

    def close(self) -> None:
        for number in list(self.requests):
            self.finish(number)
        self.commit()
        self.session.close()

    # --- intake -----------------------------------------------------------------------------------------
    def receive(self, actor: Actor, data: Mapping[str, Any]) -> str:
        """``RegisterService.receive`` for well-formed input (the generator's), returning the number.

        A returning requester is matched by NIK hash / legal number like ``_upsert_requester``, but from memory
        and without recording field changes: the generator re-types returning requesters identically."""
        now = self.ctx.clock()
        received_at = parse_datetime(data.get("received_at"), "received_at", now)
        channel = str(data["channel"])
        documents = [str(d) for d in data.get("documents") or []]
        complete = bool(data.get("complete", True))
        missing = [str(m) for m in data.get("missing_items") or []]
        clean = validate_requester(data["requester"], documents=documents, today=received_at.date())
        if clean.warnings:
            raise ValidationError(clean.warnings)
        vault = self.ctx.vault
        key = vault.lookup_hash(clean.nik) if clean.nik else f"{clean.kind}:{clean.legal_number}"
        requester = self.requesters.get(key)
        if requester is None:
            requester = Requester(
                id=new_id(),
                kind=clean.kind,
                name=clean.name,
                legal_number=clean.legal_number,
                address=clean.address,
                phone=clean.phone,
                email=clean.email,
                occupation=clean.occupation,
                nik_encrypted=vault.encrypt(clean.nik) if clean.nik else None,
                nik_hash=vault.lookup_hash(clean.nik) if clean.nik else None,
                nik_masked=mask_nik(clean.nik) if clean.nik else None,
                version=1,
                created_at=now,
                updated_at=now,
            )
            self.new_requesters.add(requester)
            self.requesters[key] = requester
        office = self.office
        seq = self._next(counter_key("request", received_at.year))
        number = render_number(
            office.request_template, parts_for(office.code, office.desk_letter, seq, received_at.date())
        )
        status = Status.IN_PROCESS if complete else (Status.INCOMPLETE if missing else Status.VERIFICATION)
        proxy = None
        if clean.proxy is not None:
            proxy = {
                "name": clean.proxy.name,
                "address": clean.proxy.address,
                "phone": clean.proxy.phone,
                "nik_masked": clean.proxy.nik and mask_nik(clean.proxy.nik),
            }
        row = Request(
            id=new_id(),
            number=number,
            office_code=office.code,
            desk_letter=office.desk_letter,
            year=received_at.year,
            seq=seq,
            received_at=received_at,
            channel=channel,
            requester_id=requester.id,
            proxy=proxy,
            documents=documents,
            information=str(data["information"]).strip(),
            purpose=" ".join(str(data["purpose"]).split()),
            obtain_method=data["obtain_method"],
            delivery_method=data["delivery_method"],
            status=status.value,
            completed_at=received_at if complete else None,
            missing_items=missing,
            incomplete_notice_at=received_at if missing else None,
            deadlines={},
            received_by=actor.username,
            version=1,
            created_at=now,
            updated_at=now,
        )
        apply_request_deadlines(row, request_deadlines(self.cal, row))
        self.new_requests.add(row)
        summary = f"Permohonan diterima ({CHANNELS[channel]}), nomor {number}"
        if missing:
            summary += "; tidak lengkap: " + ", ".join(missing)
        elif complete:
            summary += "; lengkap"
        event = record_event(
            self.journal,
            actor,
            now,
            kind=Action.RECEIVE.value,
            at=received_at,
            request_id=row.id,
            summary=summary,
            data={
                "complete": complete,
                "missing_items": missing,
                "requester_updated": {},
                "warnings_confirmed": clean.warnings,
            },
        )
        audit(
            self.journal,
            actor,
            now,
            action="request_receive",
            entity="request",
            entity_id=row.id,
            details={"number": number},
        )
        enqueue(
            self.journal,
            now,
            entity="request",
            entity_id=row.id,
            action=Action.RECEIVE.value,
            payload={"state": request_state(row, requester), "event": EventView.of(event).to_dict()},
            base_version=0,
        )
        self.requests[number] = (row, requester)
        return number

    # --- request actions --------------------------------------------------------------------------------
    def act(self, actor: Actor, number: str, action: str, body: Mapping[str, Any], *, at: datetime) -> None:
        """``RequestActions.act`` on the in-memory row, through the same handler."""
        kind = Action(action)
        now = self.ctx.clock()
        moment = parse_datetime(at, "at", now)
        row, requester = self.requests[number]
        refusal = check_allowed(kind, Status(row.status))
        if refusal is not None:
            raise ActionRefused(refusal.message)
        if moment < row.received_at:
            raise ValidationError({"at": "Waktu tindakan tidak boleh sebelum permohonan diterima."})
        base_version = row.version
        summary, data = self.desk.actions._handlers[kind](self.session, row, body, moment)
        row.version += 1
        row.updated_at = now
        apply_request_deadlines(row, request_deadlines(self.cal, row))
        event = record_event(
            self.journal,
            actor,
            now,
            kind=kind.value,
            at=moment,
            request_id=row.id,
            summary=summary,
            data=data,
        )
        audit(
            self.journal,
            actor,
            now,
            action=f"request_{kind.value}",
            entity="request",
            entity_id=row.id,
            details={"number": row.number, **data},
        )
        enqueue(
            self.journal,
            now,
            entity="request",
            entity_id=row.id,
            action=kind.value,
            payload={"state": request_state(row, requester), "event": EventView.of(event).to_dict()},
            base_version=base_version,
        )

    # --- keberatan --------------------------------------------------------------------------------------
    def add_objection(
        self, actor: Actor, request_number: str, grounds: Any, filed_at: datetime, body: Mapping[str, Any]
    ) -> str:
        """``ObjectionService.add`` for well-formed input."""
        now = self.ctx.clock()
        ground_list = parse_grounds(grounds)
        moment = parse_datetime(filed_at, "filed_at", now)
        request, _ = self.requests[request_number]
        if request.status == Status.VOID.value:
            raise ActionRefused("Permohonan yang dibatalkan tidak dapat diajukan keberatan.")
        proxy = body.get("proxy")
        if proxy is not None:
            proxy = {k: str(proxy.get(k) or "").strip() or None for k in ("name", "address", "phone")}
        office = self.office
        seq = self._next(counter_key("objection", moment.year))
        number = render_number(
            office.objection_template, parts_for(office.code, office.desk_letter, seq, moment.date())
        )
        row = Objection(
            id=new_id(),
            number=number,
            request_id=request.id,
            office_code=office.code,
            desk_letter=office.desk_letter,
            year=moment.year,
            seq=seq,
            filed_at=moment,
            grounds=ground_list,
            case_summary=str(body.get("case_summary") or "").strip(),
            proxy=proxy,
            status=ObjectionStatus.REGISTERED.value,
            deadlines={},
            received_by=actor.username,
            version=1,
            created_at=now,
            updated_at=now,
        )
        apply_objection_deadlines(row, objection_deadlines(self.cal, row))
        self.new_objections.add(row)
        summary = f"Keberatan {number} terdaftar (alasan {', '.join(ground_list)})"
        data = {"objection": number, "grounds": ground_list, "late_filing": _late_filing(request, moment)}
        record_event(
            self.journal,
            actor,
            now,
            kind="objection_filed",
            at=moment,
            request_id=request.id,
            summary=summary,
            data=data,
        )
        event = record_event(
            self.journal, actor, now, kind="filed", at=moment, objection_id=row.id, summary=summary, data=data
        )
        audit(
            self.journal,
            actor,
            now,
            action="objection_add",
            entity="objection",
            entity_id=row.id,
            details={"number": number, "request": request.number},
        )
        enqueue(
            self.journal,
            now,
            entity="objection",
            entity_id=row.id,
            action="add",
            payload={"state": objection_state(row, request.number), "event": EventView.of(event).to_dict()},
            base_version=0,
        )
        self.objections[number] = row
        return number

    def act_objection(
        self,
        actor: Actor,
        number: str,
        action: str,
        body: Mapping[str, Any],
        *,
        at: datetime,
        request_number: str,
    ) -> None:
        """``ObjectionService.act`` through the same ``_apply``."""
        kind = ObjectionAction(action)
        now = self.ctx.clock()
        moment = parse_datetime(at, "at", now)
        row = self.objections[number]
        refusal = check_objection_allowed(kind, ObjectionStatus(row.status))
        if refusal is not None:
            raise ActionRefused(refusal.message)
        base_version = row.version
        summary, data = self.desk.objections._apply(self.session, row, kind, body, moment)
        row.version += 1
        row.updated_at = now
        apply_objection_deadlines(row, objection_deadlines(self.cal, row))
        event = record_event(
            self.journal,
            actor,
            now,
            kind=kind.value,
            at=moment,
            objection_id=row.id,
            summary=summary,
            data=data,
        )
        record_event(
            self.journal,
            actor,
            now,
            kind=f"objection_{kind.value}",
            at=moment,
            request_id=row.request_id,
            summary=f"Keberatan {row.number}: {summary}",
            data=data,
        )
        audit(
            self.journal,
            actor,
            now,
            action=f"objection_{kind.value}",
            entity="objection",
            entity_id=row.id,
            details={"number": row.number, **data},
        )
        enqueue(
            self.journal,
            now,
            entity="objection",
            entity_id=row.id,
            action=kind.value,
            payload={"state": objection_state(row, request_number), "event": EventView.of(event).to_dict()},
            base_version=base_version,
        )

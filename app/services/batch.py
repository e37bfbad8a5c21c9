"""Many intents in one transaction: the bulk path (``RegisterService.receive_many``, the bench seeder).

At the desk each intent is its own transaction that re-reads the office, the calendar and the row, flushes
several times, updates the search index and builds a view to return. Writing 100,000 requests that way takes
about an hour, so ``WriteBatch`` keeps the records still in flight in memory and writes everything in one go
at ``commit()``. It does not re-implement any intent: it runs the same *check* and *build rows* steps as the
single-intent services (``RegisterService.check_intake`` / ``intake.build_request``, ``acting.check_intent`` /
``record_step`` with the same ``RecordKind`` handlers, ``check_filing`` / ``build_objection``); only *save*
differs — rows are buffered here and written in bulk, the search index once per finished request.

A refused intent raises before changing anything (as at the desk), so the caller may go on with the next one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from types import TracebackType
from typing import Any

from sqlalchemy import Integer, Row, Table, insert, literal_column, select, text
from sqlalchemy.orm import Session

from app.domain.numbering import counter_key
from app.domain.permissions import Permission
from app.services.acting import Target, check_intent, record_step
from app.services.calendar import load_calendar
from app.services.clock_check import ClockCheck
from app.services.context import Actor, DeskContext
from app.services.identity import IdentityAnswer, as_recorded, check_identity, search_text
from app.services.intake import build_request, merge_requester, requester_key
from app.services.objections import ObjectionService, build_objection, check_filing
from app.services.office import load_office
from app.services.register import RegisterService, index_request, load_request
from app.services.register_query import refuse_if_routed_away
from app.services.request_actions import RequestActions, corrects_requester, request_last_step
from db.models import Counter, Objection, Request, Requester

#: Records are inserted class by class in this order, so every row finds the row it points to.
_RECORD_ORDER = (Requester, Request, Objection)
#: Search-index rows per statement: well under SQLite's limit on bound parameters.
_CHUNK = 500


def _body(target: Target) -> str:
    assert target.requester is not None
    return search_text(target.row, target.requester, as_recorded(target.row, target.requester))


class WriteBatch:
    """Intents of many requests, written by ``commit()`` (a context manager: commit on success, nothing on an
    exception). ``finish(number)`` says a request will not change any more: it is indexed at the next commit
    and let go from memory."""

    def __init__(self, ctx: DeskContext, *, confirm_warnings: bool = False) -> None:
        ClockCheck(ctx).require_confirmed(confirm_warnings)
        self.ctx = ctx
        self.confirm_warnings = confirm_warnings
        self.register = RegisterService(ctx)
        self.actions = RequestActions(ctx, self.register)
        self.objections = ObjectionService(ctx)
        # No autoflush: a lookup (a returning requester, a counter) must not write the rows changed so far one
        # by one; they are written together at commit. Lookups see what earlier commits wrote, and the
        # batch's own records are found in memory first.
        self.session = Session(ctx.db.engine, expire_on_commit=False, autoflush=False)
        self.office = load_office(self.session)
        self.cal = load_calendar(self.session)
        self.requesters: dict[tuple[str, str], Requester] = {}
        # Who is already registered, read once: a returning requester is then found without a query per
        # intake (a batch is the register's only writer while it runs).
        self.registered: dict[tuple[str, str], str] = {
            ("nik", str(nik_hash)): rid
            for nik_hash, rid in self.session.execute(
                select(Requester.nik_hash, Requester.id).where(Requester.nik_hash.is_not(None))
            )
        }
        self.registered.update(
            ((kind, str(legal)), rid)
            for kind, legal, rid in self.session.execute(
                select(Requester.kind, Requester.legal_number, Requester.id).where(
                    Requester.legal_number.is_not(None)
                )
            )
        )
        self.requests: dict[str, Target] = {}
        self.last_step: dict[str, datetime] = {}  # request id -> its last lifecycle step
        self.objection_rows: dict[str, Target] = {}
        self.counters: dict[str, Counter] = {}
        self.finished: dict[str, Target] = {}
        self.created: set[str] = set()  # ids of the requests received in this batch and not yet indexed
        self.reindex: dict[str, Requester] = {}  # requesters whose other requests need re-indexing
        self.records: list[Any] = []
        self.rows: list[Any] = []

    # --- RecordSink: where the build steps put their rows ----------------------------------------------
    def add_record(self, instance: object) -> None:
        self.records.append(instance)

    def add(self, instance: object) -> None:
        self.rows.append(instance)

    # --- intents ----------------------------------------------------------------------------------------
    def receive(
        self, actor: Actor, data: Mapping[str, Any], *, identity: IdentityAnswer = IdentityAnswer.ASK
    ) -> str:
        """``RegisterService.receive``; returns the number."""
        actor.require(Permission.RECORD_REQUEST)
        now = self.ctx.clock()
        intake = self.register.check_intake(data, now, confirm_warnings=self.confirm_warnings)
        vault = self.ctx.vault
        key = requester_key(intake.requester, vault)
        existing = self.requesters.get(key) if key else None
        if existing is None and key in self.registered:
            existing = self.session.get(Requester, self.registered[key])
        identity_note = check_identity(existing, intake.requester, identity)
        requester, changes = merge_requester(existing, intake.requester, now, vault)
        if existing is None:
            self.add_record(requester)
        if key is not None:
            self.requesters[key] = requester
        if changes:
            self.reindex[requester.id] = requester
        row = build_request(
            self,
            actor,
            now,
            intake,
            office=self.office,
            seq=self._next(counter_key("request", intake.received_at.year)),
            requester=requester,
            requester_changes=changes,
            cal=self.cal,
            identity_note=identity_note,
        )
        self.requests[row.number] = Target(row, requester)
        self.created.add(row.id)
        self.last_step[row.id] = row.received_at
        return row.number

    def act(
        self,
        actor: Actor,
        number: str,
        action: str,
        body: Mapping[str, Any] | None = None,
        *,
        at: datetime | str | None = None,
    ) -> None:
        """``RequestActions.act``."""
        kind, now = self.actions, self.ctx.clock()
        intent = check_intent(kind, actor, action, body, at, now)
        target = self._request(number)
        ordered = kind.counts_as_step(intent.action)
        last = self.last_step.get(target.row.id) if ordered else None
        data = record_step(kind, self, self.session, actor, now, target, intent, self.cal, last)
        if ordered:
            self.last_step[target.row.id] = intent.moment
        if corrects_requester(intent.action, data):
            assert target.requester is not None
            self.reindex[target.requester.id] = target.requester

    def add_objection(
        self,
        actor: Actor,
        *,
        request_number: str,
        grounds: Any,
        filed_at: Any = None,
        body: Mapping[str, Any] | None = None,
    ) -> str:
        """``ObjectionService.add``; returns the keberatan's number."""
        actor.require(Permission.RECORD_REQUEST)
        now = self.ctx.clock()
        filing = check_filing(grounds, filed_at, body, now)
        request = self._request(request_number).row
        row = build_objection(
            self,
            actor,
            now,
            filing,
            request=request,
            office=self.office,
            seq=lambda: self._next(counter_key("objection", filing.filed_at.year)),
            cal=self.cal,
        )
        self.objection_rows[row.number] = Target(row, request_number=request.number)
        return str(row.number)

    def act_objection(
        self,
        actor: Actor,
        number: str,
        action: str,
        body: Mapping[str, Any] | None = None,
        *,
        at: datetime | str | None = None,
    ) -> None:
        """``ObjectionService.act``."""
        kind, now = self.objections, self.ctx.clock()
        intent = check_intent(kind, actor, action, body, at, now)
        target = self.objection_rows.get(number)
        if target is None:
            target = kind.load(self.session, number)
            refuse_if_routed_away(self.session, target.row.id)
            self.objection_rows[number] = target
        record_step(kind, self, self.session, actor, now, target, intent, self.cal, None)

    # --- plumbing ---------------------------------------------------------------------------------------
    def _request(self, number: str) -> Target:
        target = self.requests.get(number)
        if target is None:
            target = self.finished.pop(number, None)
        if target is None:
            row = load_request(self.session, number)
            refuse_if_routed_away(self.session, row.id)
            requester = self.session.get(Requester, row.requester_id)
            target = Target(row, requester)
            last = request_last_step(self.session, row.id)
            if last is not None:
                self.last_step[row.id] = last
        self.requests[number] = target
        return target

    def _next(self, key: str) -> int:
        row = self.counters.get(key) or self.session.get(Counter, key)
        if row is None:
            row = Counter(key=key, value=0)
            self.session.add(row)
        self.counters[key] = row
        row.value += 1
        return int(row.value)

    def finish(self, number: str) -> None:
        """The request will not change any more: index it at the next commit and forget it."""
        target = self.requests.pop(number, None)
        if target is not None:
            self.finished[number] = target
            self.last_step.pop(target.row.id, None)

    def commit(self) -> None:
        session = self.session
        for record in _RECORD_ORDER:
            session.add_all([r for r in self.records if type(r) is record])
            session.flush()
        self.records = []
        # A request answered before its first flush carries costs=None as JSON 'null'; at the desk the column
        # was never written and stays SQL NULL.
        session.execute(text("UPDATE requests SET costs = NULL WHERE costs = 'null'"))
        # Timeline, audit and outbox rows never change once written: plain executemany, in creation order.
        by_table: dict[Table, list[dict[str, Any]]] = {}
        for row in self.rows:
            table = row.__table__
            by_table.setdefault(table, []).append(
                {c.key: row.__dict__.get(c.key) for c in table.columns if c is not table.autoincrement_column}
            )
        self.rows = []
        for table, values in by_table.items():
            session.execute(insert(table), values)
        self._index_finished()
        for requester in self.reindex.values():
            for other in session.scalars(select(Request).where(Request.requester_id == requester.id)):
                if other.number not in self.requests:  # those in flight are indexed when finished
                    index_request(session, other, requester)
        self.reindex = {}
        session.commit()

    def _index_finished(self) -> None:
        """Search-index rows of the finished requests, by plain executemany (``index_request`` per row would
        re-read each rowid and delete first: the rows are new to the index)."""
        targets, self.finished = list(self.finished.values()), {}
        for target in [t for t in targets if t.row.id not in self.created]:
            assert target.requester is not None  # loaded from an earlier commit: already in the index
            index_request(self.session, target.row, target.requester)
        targets = [t for t in targets if t.row.id in self.created]
        self.created.difference_update(t.row.id for t in targets)
        for start in range(0, len(targets), _CHUNK):
            chunk = {t.row.id: t for t in targets[start : start + _CHUNK]}
            found: Sequence[Row[str, int]] = self.session.execute(
                select(Request.id, literal_column("requests.rowid", Integer)).where(
                    Request.id.in_(list(chunk))
                )
            ).all()
            self.session.execute(
                text("INSERT INTO request_search(rowid, number, body) VALUES (:r, :n, :b)"),
                [{"r": rowid, "n": chunk[rid].row.number, "b": _body(chunk[rid])} for rid, rowid in found],
            )

    def close(self) -> None:
        """Finish every request still in flight, commit, and let the session go."""
        for number in list(self.requests):
            self.finish(number)
        self.commit()
        self.session.close()

    def __enter__(self) -> WriteBatch:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if kind is None:
            self.close()
        else:
            self.session.rollback()
            self.session.close()

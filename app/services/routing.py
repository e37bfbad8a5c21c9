"""Routing on the city desk: forward a registered request to the office (kecamatan) that must handle it.

Why a service of its own: routing is not a step of the legal lifecycle (the status and the frozen deadlines do
not change: the badan publik is the same, only the office working on it moves), and only a desk enrolled to a
city office may do it (the server refuses anyone else with ``route_forbidden``). Like every intent it is one
SQLite transaction: the record's ``office_code``, a timeline event ("Diteruskan ke Kecamatan X …" with who,
when and why), an audit entry and an outbox op with action ``route`` (docs/sync-protocol.md, *Routing*).
The request's keberatan move with it in the same transaction, each with its own event and ``route`` op: a
keberatan is always in its request's office, so the office now answering for the request also sees (and
decides on) its keberatan, and the old office's work lists drop both.

The offices come from the city server (``GET /offices``, ``app/sync/offices.py``); the last list fetched is
kept on the desk, so routing works offline too and is pushed at the next sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.lifecycle import FINAL_STATUSES, STATUS_LABELS, Status
from app.domain.permissions import Permission
from app.errors import ActionRefused, DeskError, ValidationError
from app.services.context import Actor, DeskContext
from app.services.journal import audit, enqueue, record_event
from app.services.register import RegisterService, load_request, parse_datetime, request_state
from app.services.sync_state import objection_state
from app.services.views import EventView, RequestView
from app.sync import offices as office_list
from app.sync.offices import OfficeEntry, OfficeList
from db.models import Objection, Request, Requester

if TYPE_CHECKING:
    from app.sync.engine import ClientFactory
    from app.sync.secrets import TokenStore

ROUTE_ACTION = "route"
"""The outbox action; one of ``ppid_protocol.fields.ROUTE_ACTIONS``."""

NOT_CITY = (
    "Hanya meja PPID kota (PPID Utama) yang dapat meneruskan permohonan ke kantor lain. Meja ini {where}."
)


class OfficesUnavailable(DeskError):
    """The office list could not be fetched and none was kept yet (network, keyring): try again later."""


@dataclass(frozen=True)
class RouteChoice:
    """What the route dialog and the CLI need: where the request is now and where it may go."""

    number: str
    current: OfficeEntry
    targets: list[OfficeEntry]
    fetched_at: str


class RoutingService:
    def __init__(
        self,
        ctx: DeskContext,
        register: RegisterService,
        *,
        tokens: TokenStore | None = None,
        client_factory: ClientFactory | None = None,
    ) -> None:
        self.ctx = ctx
        self.register = register
        self.tokens = tokens
        self.client_factory = client_factory

    # --- who may route, and where to ----------------------------------------------------------------------

    def is_city(self) -> bool:
        """True on a desk enrolled to a city office (the UI shows the route action only then)."""
        with self.ctx.db.reader() as session:
            enr = office_list.enrollment(session)
        return bool(enr and enr.get("is_city"))

    def _require_city(self, enr: dict[str, object] | None) -> None:
        if enr is None:
            raise ActionRefused(NOT_CITY.format(where="belum didaftarkan ke server kota"))
        if not enr.get("is_city"):
            raise ActionRefused(NOT_CITY.format(where=f"terdaftar untuk kantor {enr.get('office_code')}"))

    def offices(self) -> OfficeList:
        """The list kept on this desk (possibly empty), without the network."""
        with self.ctx.db.reader() as session:
            return office_list.cached(session)

    def refresh_offices(self) -> OfficeList:
        """Fetch the list from the city server and keep it; on failure fall back to the kept list, and raise
        ``OfficesUnavailable`` only when there is none."""
        from app.sync.client import SyncError
        from app.sync.secrets import SecretStoreUnavailable

        with self.ctx.db.reader() as session:
            self._require_city(office_list.enrollment(session))
        try:
            return office_list.refresh(
                self.ctx.db, self.ctx.clock(), tokens=self.tokens, client_factory=self.client_factory
            )
        except (SyncError, SecretStoreUnavailable) as exc:
            kept = self.offices()
            if kept.offices:
                return kept
            raise OfficesUnavailable(
                f"Daftar kantor belum dapat diambil dari server kota: {exc} Coba lagi saat tersambung."
            ) from exc

    def choices(self, actor: Actor, number: str) -> RouteChoice:
        """The request's current office and the other offices it may be routed to (from the kept list)."""
        actor.require(Permission.RECORD_REQUEST)
        with self.ctx.db.reader() as session:
            self._require_city(office_list.enrollment(session))
            row = load_request(session, number)
            found, office = row.number, row.office_code
            kept = office_list.cached(session)
        current = kept.by_code().get(office) or OfficeEntry(code=office, name=office)
        targets = [o for o in kept.offices if o.code != office]
        return RouteChoice(found, current, targets, kept.fetched_at)

    # --- the intent -------------------------------------------------------------------------------------

    def route(
        self,
        actor: Actor,
        number: str,
        *,
        to_office: str,
        reason: str,
        at: datetime | str | None = None,
    ) -> RequestView:
        """Move request ``number`` to office ``to_office``: state, event, audit and outbox op together."""
        actor.require(Permission.RECORD_REQUEST)
        code = (to_office or "").strip()
        why = (reason or "").strip()
        errors: dict[str, str] = {}
        if not code:
            errors["to_office"] = "Kantor tujuan wajib dipilih."
        if len(why) < 5:
            errors["reason"] = "Alasan meneruskan wajib diisi (min. 5 karakter)."
        if errors:
            raise ValidationError(errors)
        now = self.ctx.clock()
        moment = parse_datetime(at, "at", now)
        with self.ctx.db.transaction() as session:
            enr = office_list.enrollment(session)
            self._require_city(enr)
            row = load_request(session, number)
            status = Status(row.status)
            if status in FINAL_STATUSES:
                raise ActionRefused(
                    f"Permohonan berstatus '{STATUS_LABELS[status]}' tidak dapat diteruskan ke kantor lain."
                )
            if code == row.office_code:
                raise ActionRefused(f"Permohonan ini sudah berada di kantor {code}.")
            known = office_list.cached(session).by_code()
            target = known.get(code)
            if target is None:
                hint = "Perbarui daftar kantor saat tersambung ke server kota." if known else (
                    "Daftar kantor belum pernah diambil dari server kota; ambil dulu saat tersambung."
                )  # fmt: skip
                raise ValidationError({"to_office": f"Kantor {code} tidak dikenal. {hint}"})
            if moment < row.received_at:
                raise ValidationError({"at": "Waktu tidak boleh sebelum permohonan diterima."})
            source = known.get(row.office_code)
            from_name = source.name if source else row.office_code
            base_version = row.version
            previous = row.office_code
            row.office_code = target.code
            row.version += 1
            row.updated_at = now
            requester = session.get(Requester, row.requester_id)
            assert requester is not None
            summary = f"Diteruskan ke {target.name} ({target.code}) dari {from_name}: {why}"
            data = {
                "from_office": previous,
                "to_office": target.code,
                "to_office_name": target.name,
                "reason": why,
                "by_office": enr.get("office_code") if enr else None,
            }
            event = record_event(
                session,
                actor,
                now,
                kind=ROUTE_ACTION,
                at=moment,
                request_id=row.id,
                summary=summary,
                data=data,
            )
            enqueue(
                session,
                now,
                entity="request",
                entity_id=row.id,
                action=ROUTE_ACTION,
                payload={"state": request_state(row, requester), "event": EventView.of(event).to_dict()},
                base_version=base_version,
            )
            moved = _move_objections(session, actor, now, row, target, moment, data)
            audit(
                session,
                actor,
                now,
                action="request_route",
                entity="request",
                entity_id=row.id,
                details={"number": row.number, **data, "objections": moved},
            )
            return self.register._view(session, actor, row, requester)


def _move_objections(
    session: Session,
    actor: Actor,
    now: datetime,
    request: Request,
    target: OfficeEntry,
    moment: datetime,
    data: dict[str, object],
) -> list[str]:
    """Every keberatan of the routed request follows it (open or closed: one file, one office), each with a
    timeline line and its own ``route`` op after the request's; returns their numbers for the audit entry."""
    moved: list[str] = []
    query = select(Objection).where(Objection.request_id == request.id).order_by(Objection.filed_at)
    for obj in session.scalars(query):
        if obj.office_code == target.code:
            continue
        base_version = obj.version
        obj.office_code = target.code
        obj.version += 1
        obj.updated_at = now
        event = record_event(
            session,
            actor,
            now,
            kind=ROUTE_ACTION,
            at=moment,
            objection_id=obj.id,
            summary=f"Diteruskan bersama permohonan {request.number} ke {target.name} ({target.code})",
            data={**data, "request": request.number},
        )
        enqueue(
            session,
            now,
            entity="objection",
            entity_id=obj.id,
            action=ROUTE_ACTION,
            payload={"state": objection_state(obj, request.number), "event": EventView.of(event).to_dict()},
            base_version=base_version,
        )
        moved.append(obj.number)
    return moved


__all__ = ["OfficesUnavailable", "RouteChoice", "RoutingService"]

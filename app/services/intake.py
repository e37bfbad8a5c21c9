"""Intake's rows: what ``RegisterService.receive`` and ``WriteBatch.receive`` both write for a new request.

``check_intake`` (on ``RegisterService``) turns the officer's input into an ``Intake``; ``merge_requester``
matches or creates the requester; ``build_request`` writes the request, its first timeline event, the audit
entry and the outbox operation to a ``RecordSink``. Only the save differs between the desk (one transaction,
``SessionWrites``) and the batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.calendar import WorkingCalendar
from app.domain.identity import mask_nik
from app.domain.lifecycle import CHANNELS, Action, Status
from app.domain.numbering import parts_for, render_number
from app.domain.requester import CleanRequester
from app.ids import new_id
from app.services.calendar import apply_request_deadlines, request_deadlines
from app.services.context import Actor
from app.services.identity import recorded_identity
from app.services.journal import RecordSink, audit, enqueue, record_event
from app.services.pii import PiiVault
from app.services.sync_state import request_state
from app.services.views import EventView
from db.models import Office, Request, Requester


@dataclass(frozen=True)
class Intake:
    """A request as validated at intake, before it has a number (``RegisterService.check_intake``)."""

    received_at: datetime
    channel: str
    information: str
    purpose: str
    obtain_method: str
    delivery_method: str
    documents: list[str]
    complete: bool
    missing_items: list[str]
    requester: CleanRequester


def merge_requester(
    existing: Requester | None, clean: CleanRequester, now: datetime, vault: PiiVault
) -> tuple[Requester, dict[str, Any]]:
    """A new requester row, or ``existing`` (same NIK, or same legal number for a badan hukum) brought up to
    date; with the fields that changed (recorded on the receipt's timeline event)."""
    fields = {
        "kind": clean.kind,
        "name": clean.name,
        "legal_number": clean.legal_number,
        "address": clean.address,
        "phone": clean.phone,
        "email": clean.email,
        "occupation": clean.occupation,
    }
    if existing is None:
        requester = Requester(
            id=new_id(),
            **fields,
            nik_encrypted=vault.encrypt(clean.nik) if clean.nik else None,
            nik_hash=vault.lookup_hash(clean.nik) if clean.nik else None,
            nik_masked=mask_nik(clean.nik) if clean.nik else None,
            version=1,
            created_at=now,
            updated_at=now,
        )
        return requester, {}
    changes = {
        k: {"old": getattr(existing, k), "new": v} for k, v in fields.items() if getattr(existing, k) != v
    }
    for key, change in changes.items():
        setattr(existing, key, change["new"])
    if changes:
        existing.version += 1
        existing.updated_at = now
    return existing, changes


def requester_key(clean: CleanRequester, vault: PiiVault) -> tuple[str, str] | None:
    """What identifies a returning requester: the NIK's lookup hash, or a badan hukum's legal number."""
    if clean.nik:
        return ("nik", vault.lookup_hash(clean.nik))
    if clean.legal_number:
        return (clean.kind, clean.legal_number)
    return None


def find_requester(session: Session, key: tuple[str, str] | None) -> Requester | None:
    if key is None:
        return None
    kind, value = key
    if kind == "nik":
        return session.scalar(select(Requester).where(Requester.nik_hash == value))
    return session.scalar(select(Requester).where(Requester.legal_number == value, Requester.kind == kind))


def build_request(
    sink: RecordSink,
    actor: Actor,
    now: datetime,
    intake: Intake,
    *,
    office: Office,
    seq: int,
    requester: Requester,
    requester_changes: dict[str, Any],
    cal: WorkingCalendar,
    similar_to: list[str] | None = None,
    identity_note: dict[str, Any] | None = None,
) -> Request:
    """The rows one intake writes, given its number's sequence: the request (with its deadlines), the first
    timeline event, the audit entry and the outbox operation. Shared by ``receive`` and ``WriteBatch``.
    ``similar_to``: earlier requests of the same person the officer was shown and chose to register this one
    beside (app/services/duplicates.py); said on the timeline and in an audit entry of its own.
    ``identity_note``: the officer's answer when the NIK matched another name (app/services/identity.py).
    The request records the requester's identity as merged today (``requester_recorded``)."""
    received_at, complete, missing = intake.received_at, intake.complete, intake.missing_items
    number = render_number(
        office.request_template, parts_for(office.code, office.desk_letter, seq, received_at.date())
    )
    status = Status.IN_PROCESS if complete else (Status.INCOMPLETE if missing else Status.VERIFICATION)
    clean = intake.requester
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
        channel=intake.channel,
        requester_id=requester.id,
        requester_recorded=recorded_identity(requester),
        proxy=proxy,
        documents=intake.documents,
        information=intake.information,
        purpose=intake.purpose,
        obtain_method=intake.obtain_method,
        delivery_method=intake.delivery_method,
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
    apply_request_deadlines(row, request_deadlines(cal, row))
    sink.add_record(row)  # the request row must exist before its timeline event (no ORM relationships)
    summary = f"Permohonan diterima ({CHANNELS[intake.channel]}), nomor {number}"
    if missing:
        summary += "; tidak lengkap: " + ", ".join(missing)
    elif complete:
        summary += "; lengkap"
    if identity_note:
        summary += "; " + str(identity_note["summary"])
    if similar_to:
        summary += "; petugas memutuskan permohonan baru meski mirip " + ", ".join(similar_to)
    event = record_event(
        sink,
        actor,
        now,
        kind=Action.RECEIVE.value,
        at=received_at,
        request_id=row.id,
        summary=summary,
        data={
            "complete": complete,
            "missing_items": missing,
            "requester_updated": requester_changes,
            "warnings_confirmed": clean.warnings,
            **({"similar_to": similar_to} if similar_to else {}),
            **({"identity": identity_note} if identity_note else {}),
        },
    )
    audit(
        sink,
        actor,
        now,
        action="request_receive",
        entity="request",
        entity_id=row.id,
        details={"number": number},
    )
    if similar_to:
        audit(sink, actor, now, action="request_duplicate_confirmed", entity="request", entity_id=row.id,
              details={"number": number, "similar_to": similar_to})  # fmt: skip
    enqueue(
        sink,
        now,
        entity="request",
        entity_id=row.id,
        action=Action.RECEIVE.value,
        payload={"state": request_state(row, requester), "event": EventView.of(event).to_dict()},
        base_version=0,
    )
    return row

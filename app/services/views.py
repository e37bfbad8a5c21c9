"""Plain, frozen views of register records: what services hand to the UI, the CLI, documents and sync.

Live ORM rows never leave a transaction, so a page in the UI can never lazily load or accidentally write.
Personal data is masked unless the viewer's role may see it (``reveal``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from app.domain.deadlines import DueDate
from app.domain.identity import format_phone, mask_phone
from app.domain.lifecycle import (
    DECISION_LABELS,
    OBJECTION_STATUS_LABELS,
    STATUS_LABELS,
    Decision,
    ObjectionStatus,
    Status,
)
from app.services.pii import PiiVault
from db.models import Event, Objection, Request, Requester, User


def with_explanations(deadlines: dict[str, Any]) -> dict[str, Any]:
    """Stored due dates carry their facts (rule, start, skipped days); the "mengapa tanggal ini?" text is
    rendered from them when shown, so the register file and the sync payloads stay small."""
    out: dict[str, Any] = {}
    for kind, entry in deadlines.items():
        try:
            text = DueDate.from_dict(entry).explanation()
        except ValueError:
            text = entry.get("explanation", "")
        out[kind] = {**entry, "explanation": text}
    return out


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class RequesterView:
    id: str
    kind: str
    name: str
    nik: str | None  # full NIK only when revealed, else masked
    nik_masked: str | None
    legal_number: str | None
    address: str
    phone: str | None  # E.164
    phone_display: str | None
    email: str | None
    occupation: str | None

    @classmethod
    def of(cls, row: Requester, vault: PiiVault, *, reveal: bool) -> RequesterView:
        nik = vault.decrypt(row.nik_encrypted) if reveal and row.nik_encrypted else row.nik_masked
        phone_display = None
        if row.phone:
            phone_display = format_phone(row.phone) if reveal else mask_phone(row.phone)
        return cls(
            id=row.id,
            kind=row.kind,
            name=row.name,
            nik=nik,
            nik_masked=row.nik_masked,
            legal_number=row.legal_number,
            address=row.address,
            phone=row.phone if reveal else None,
            phone_display=phone_display,
            email=row.email,
            occupation=row.occupation,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class EventView:
    id: str
    kind: str
    at: datetime
    recorded_at: datetime
    username: str
    summary: str
    data: dict[str, Any]

    @classmethod
    def of(cls, row: Event) -> EventView:
        return cls(row.id, row.kind, row.at, row.recorded_at, row.username, row.summary, dict(row.data))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "at": _iso(self.at),
            "recorded_at": _iso(self.recorded_at),
            "user": self.username,
            "summary": self.summary,
            "data": self.data,
        }


@dataclass(frozen=True)
class RequestView:
    id: str
    number: str
    status: Status
    received_at: datetime
    channel: str
    requester: RequesterView
    proxy: dict[str, Any] | None
    documents: list[str]
    information: str
    purpose: str
    obtain_method: str
    delivery_method: str
    completed_at: datetime | None
    missing_items: list[str]
    due_completeness: date | None
    due_completion: date | None
    due_response: date | None
    due_extended: date | None
    deadlines: dict[str, Any]
    extension_reason: str | None
    decision: Decision | None
    decided_at: datetime | None
    holder_body: str | None
    info_form: str | None
    redaction_reason: str | None
    costs: dict[str, Any] | None
    payment_method: str | None
    rejection_article: str | None
    rejection_other_basis: str | None
    consequence_test: str | None
    forwarded_to: str | None
    delivered_at: datetime | None
    delivered_method: str | None
    closed_at: datetime | None
    voided_at: datetime | None
    void_reason: str | None
    received_by: str
    version: int
    events: list[EventView] = field(default_factory=list)
    routed_away: bool = False  # the city routed it to another office: this desk only reads and reprints

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def effective_due(self) -> date | None:
        """The response deadline in force (the extended one once extended)."""
        return self.due_extended or self.due_response

    @classmethod
    def of(
        cls, row: Request, requester: RequesterView, events: list[EventView], *, routed_away: bool = False
    ) -> RequestView:
        return cls(
            id=row.id,
            number=row.number,
            status=Status(row.status),
            received_at=row.received_at,
            channel=row.channel,
            requester=requester,
            proxy=row.proxy,
            documents=list(row.documents),
            information=row.information,
            purpose=row.purpose,
            obtain_method=row.obtain_method,
            delivery_method=row.delivery_method,
            completed_at=row.completed_at,
            missing_items=list(row.missing_items),
            due_completeness=row.due_completeness,
            due_completion=row.due_completion,
            due_response=row.due_response,
            due_extended=row.due_extended,
            deadlines=with_explanations(row.deadlines),
            extension_reason=row.extension_reason,
            decision=Decision(row.decision) if row.decision else None,
            decided_at=row.decided_at,
            holder_body=row.holder_body,
            info_form=row.info_form,
            redaction_reason=row.redaction_reason,
            costs=row.costs,
            payment_method=row.payment_method,
            rejection_article=row.rejection_article,
            rejection_other_basis=row.rejection_other_basis,
            consequence_test=row.consequence_test,
            forwarded_to=row.forwarded_to,
            delivered_at=row.delivered_at,
            delivered_method=row.delivered_method,
            closed_at=row.closed_at,
            voided_at=row.voided_at,
            void_reason=row.void_reason,
            received_by=row.received_by,
            version=row.version,
            events=events,
            routed_away=routed_away,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "status": self.status.value,
            "status_label": self.status_label,
            "received_at": _iso(self.received_at),
            "completed_at": _iso(self.completed_at),
            "channel": self.channel,
            "requester": self.requester.to_dict(),
            "proxy": self.proxy,
            "documents": self.documents,
            "information": self.information,
            "purpose": self.purpose,
            "obtain_method": self.obtain_method,
            "delivery_method": self.delivery_method,
            "missing_items": self.missing_items,
            "due": {
                "completeness": _iso(self.due_completeness),
                "completion": _iso(self.due_completion),
                "response": _iso(self.due_response),
                "extended": _iso(self.due_extended),
                "explanations": {kind: d.get("explanation") for kind, d in self.deadlines.items()},
            },
            "deadlines": self.deadlines,
            "extension_reason": self.extension_reason,
            "decision": self.decision.value if self.decision else None,
            "decision_label": DECISION_LABELS[self.decision] if self.decision else None,
            "decided_at": _iso(self.decided_at),
            "holder_body": self.holder_body,
            "info_form": self.info_form,
            "redaction_reason": self.redaction_reason,
            "costs": self.costs,
            "payment_method": self.payment_method,
            "rejection_article": self.rejection_article,
            "rejection_other_basis": self.rejection_other_basis,
            "consequence_test": self.consequence_test,
            "forwarded_to": self.forwarded_to,
            "delivered_at": _iso(self.delivered_at),
            "delivered_method": self.delivered_method,
            "closed_at": _iso(self.closed_at),
            "voided_at": _iso(self.voided_at),
            "void_reason": self.void_reason,
            "received_by": self.received_by,
            "version": self.version,
            "routed_away": self.routed_away,
            "events": [event.to_dict() for event in self.events],
        }


@dataclass(frozen=True)
class ObjectionView:
    id: str
    number: str
    request_id: str
    request_number: str
    status: ObjectionStatus
    filed_at: datetime
    grounds: list[str]
    case_summary: str
    proxy: dict[str, Any] | None
    due_response: date | None
    deadlines: dict[str, Any]
    decision: str | None
    decision_text: str | None
    decided_at: datetime | None
    atasan_name: str | None
    atasan_position: str | None
    requester_response: str | None
    requester_response_at: datetime | None
    dispute_filed_at: datetime | None
    dispute_register: str | None
    dispute_outcome: str | None
    dispute_outcome_text: str | None
    dispute_decided_at: datetime | None
    closed_at: datetime | None
    voided_at: datetime | None
    void_reason: str | None
    received_by: str
    version: int
    events: list[EventView] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return OBJECTION_STATUS_LABELS[self.status]

    @classmethod
    def of(cls, row: Objection, request_number: str, events: list[EventView]) -> ObjectionView:
        return cls(
            id=row.id,
            number=row.number,
            request_id=row.request_id,
            request_number=request_number,
            status=ObjectionStatus(row.status),
            filed_at=row.filed_at,
            grounds=list(row.grounds),
            case_summary=row.case_summary,
            proxy=row.proxy,
            due_response=row.due_response,
            deadlines=with_explanations(row.deadlines),
            decision=row.decision,
            decision_text=row.decision_text,
            decided_at=row.decided_at,
            atasan_name=row.atasan_name,
            atasan_position=row.atasan_position,
            requester_response=row.requester_response,
            requester_response_at=row.requester_response_at,
            dispute_filed_at=row.dispute_filed_at,
            dispute_register=row.dispute_register,
            dispute_outcome=row.dispute_outcome,
            dispute_outcome_text=row.dispute_outcome_text,
            dispute_decided_at=row.dispute_decided_at,
            closed_at=row.closed_at,
            voided_at=row.voided_at,
            void_reason=row.void_reason,
            received_by=row.received_by,
            version=row.version,
            events=events,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "request_number": self.request_number,
            "status": self.status.value,
            "status_label": self.status_label,
            "ground": self.grounds[0] if self.grounds else None,
            "grounds": self.grounds,
            "filed_at": _iso(self.filed_at),
            "case_summary": self.case_summary,
            "proxy": self.proxy,
            "due": {
                "response": _iso(self.due_response),
                "dispute_filing": (self.deadlines.get("dispute_filing") or {}).get("due"),
                "explanations": {kind: d.get("explanation") for kind, d in self.deadlines.items()},
            },
            "deadlines": self.deadlines,
            "decision": self.decision,
            "decision_text": self.decision_text,
            "decided_at": _iso(self.decided_at),
            "atasan_name": self.atasan_name,
            "atasan_position": self.atasan_position,
            "requester_response": self.requester_response,
            "requester_response_at": _iso(self.requester_response_at),
            "dispute_filed_at": _iso(self.dispute_filed_at),
            "dispute_register": self.dispute_register,
            "dispute_outcome": self.dispute_outcome,
            "dispute_outcome_text": self.dispute_outcome_text,
            "dispute_decided_at": _iso(self.dispute_decided_at),
            "closed_at": _iso(self.closed_at),
            "voided_at": _iso(self.voided_at),
            "void_reason": self.void_reason,
            "received_by": self.received_by,
            "version": self.version,
            "events": [event.to_dict() for event in self.events],
        }


@dataclass(frozen=True)
class UserView:
    id: str
    username: str
    full_name: str
    nip: str | None
    role: str
    active: bool
    last_login_at: datetime | None

    @classmethod
    def of(cls, row: User) -> UserView:
        return cls(row.id, row.username, row.full_name, row.nip, row.role, row.active, row.last_login_at)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["last_login_at"] = _iso(self.last_login_at)
        return data

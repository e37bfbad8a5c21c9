"""All models, imported here so ``Base.metadata`` is complete for Alembic and the tests."""

from db.models.base import Base
from db.models.chain import audit_anchors, audit_chain, audit_seals
from db.models.information_lists import ExcludedInformation, PublicInformation
from db.models.objections import Objection
from db.models.office import Office, Official
from db.models.records import AuditEntry, CalendarEntry, Counter, IssuedLetter, OutboxOp, Setting
from db.models.register import Event, Request, Requester
from db.models.reports import ReportNarrative
from db.models.sync import sync_conflicts, sync_records, sync_state
from db.models.users import User

__all__ = [
    "AuditEntry",
    "audit_anchors",
    "audit_chain",
    "audit_seals",
    "Base",
    "CalendarEntry",
    "Counter",
    "Event",
    "ExcludedInformation",
    "IssuedLetter",
    "Objection",
    "Office",
    "Official",
    "OutboxOp",
    "PublicInformation",
    "ReportNarrative",
    "Request",
    "Requester",
    "Setting",
    "User",
    "sync_conflicts",
    "sync_records",
    "sync_state",
]

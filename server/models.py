"""Tables of the city server. One metadata, used by the Alembic migrations and by the Core statements.

The server keeps the *current state* of every record (``records``), an append-only ``change_log`` of every
applied op with old/new values (so conflicts are detected per field without the desk sending old values),
``applied_ops`` for exactly-once effect, held ``conflicts``, and ``scope_log`` for routing moves.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

JsonType = JSON().with_variant(JSONB(), "postgresql")
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JsonType, list[Any]: JsonType, datetime: DateTime(timezone=True)}


class Office(Base):
    __tablename__ = "offices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    is_city: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]


class Device(Base):
    __tablename__ = "devices"
    __table_args__ = (UniqueConstraint("office_id", "desk_letter", name="uq_devices_office_letter"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    desk_letter: Mapped[str] = mapped_column(String(2))
    label: Mapped[str] = mapped_column(String(100), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    enroll_request_id: Mapped[str] = mapped_column(String(64))
    enrolled_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    last_seen: Mapped[datetime | None]
    app_version: Mapped[str] = mapped_column(String(30), default="")


class EnrollCode(Base):
    __tablename__ = "enroll_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    device_id: Mapped[str | None] = mapped_column(String(36))


class Record(Base):
    __tablename__ = "records"
    __table_args__ = (Index("ix_records_office_seq", "office_id", "server_seq"),)

    entity_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    entity: Mapped[str] = mapped_column(String(20))
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    version: Mapped[int] = mapped_column(Integer)
    server_seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    data: Mapped[dict[str, Any]]
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    origin_device: Mapped[str | None] = mapped_column(String(36))
    """The device that pushed exactly this version (its desk holds it already: a ``skip_own`` pull leaves the
    record out); NULL when the stored state is not one desk's as sent (merged, held, carried by a route)."""


class Event(Base):
    """Timeline events travel with their record; append-only, deduplicated on the desk-made event id."""

    __tablename__ = "events"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(64), index=True)
    server_seq: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[dict[str, Any]]


class ChangeLog(Base):
    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_entity_version", "entity_id", "version"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    entity_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    server_seq: Mapped[int] = mapped_column(BigInteger)
    device_id: Mapped[str] = mapped_column(String(36))
    op_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(40))
    changes: Mapped[dict[str, Any]]  # field -> [old, new]
    merged: Mapped[
        dict[str, Any] | None
    ]  # server fields kept / soft fields overwritten, when not a plain apply
    client_time: Mapped[str] = mapped_column(String(40), default="")
    server_time: Mapped[datetime]


class AppliedOp(Base):
    __tablename__ = "applied_ops"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    op_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    entity_id: Mapped[str] = mapped_column(String(64))
    base_version: Mapped[int] = mapped_column(Integer)
    fingerprint: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(12))
    result_version: Mapped[int | None] = mapped_column(Integer)
    result: Mapped[dict[str, Any] | None]
    applied_at: Mapped[datetime]


Index("ix_applied_ops_device_entity", AppliedOp.device_id, AppliedOp.entity_id)


class Conflict(Base):
    __tablename__ = "conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(36))
    op_id: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str] = mapped_column(String(64), index=True)
    reason: Mapped[str] = mapped_column(String(30))
    base_version: Mapped[int] = mapped_column(Integer)
    server_version: Mapped[int] = mapped_column(Integer)
    fields: Mapped[dict[str, Any]]
    op: Mapped[dict[str, Any]]
    status: Mapped[str] = mapped_column(String(12), default="open")
    created_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]


class ScopeLog(Base):
    """A record entering (present) or leaving (not present) an office's scope, stamped with server_seq."""

    __tablename__ = "scope_log"
    __table_args__ = (Index("ix_scope_log_office_seq", "office_id", "server_seq"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    entity_id: Mapped[str] = mapped_column(String(64), index=True)
    server_seq: Mapped[int] = mapped_column(BigInteger)
    present: Mapped[bool] = mapped_column(Boolean)


class Counter(Base):
    """``server_seq`` lives here: incremented under the stamp lock, so its order is the commit order."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(30), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class AuditAnchor(Base):
    """A desk's audit-chain head as received at a sync, kept as a history (append-only): the city's copy of
    where each register's chain stood, so a register rewritten behind its desk's back can be told."""

    __tablename__ = "audit_anchors"
    __table_args__ = (Index("ix_audit_anchors_device_seq", "device_id", "seq"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"))
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))
    audit_id: Mapped[int] = mapped_column(BigInteger)
    received_at: Mapped[datetime]
    accepted: Mapped[bool] = mapped_column(Boolean, default=True)


class PushUpload(Base):
    """What arrived of a cut push body (feature ``push_resume``), bound to the device that sent it: a cut
    upload goes on from here instead of starting again. Deleted on expiry (``server/uploads.py``)."""

    __tablename__ = "push_uploads"
    __table_args__ = (Index("ix_push_uploads_updated_at", "updated_at"),)

    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    length: Mapped[int] = mapped_column(Integer)
    body: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime]


class PushAnswer(Base):
    """A resumable push body that was applied: its SHA-256, length and the op ids it carried, in order,
    written in the push's own transaction. A desk whose answer was lost is told the whole body is here and
    is answered again from ``applied_ops`` by these ids, without the body (``server/uploads.py``)."""

    __tablename__ = "push_answers"
    __table_args__ = (Index("ix_push_answers_created_at", "created_at"),)

    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    length: Mapped[int] = mapped_column(Integer)
    op_ids: Mapped[list[Any]]
    created_at: Mapped[datetime]


class PushReceiving(Base):
    """How far one slow resumable upload got (``server.uploads.Arrivals``): any server worker answers the
    desk's offset question with it, not only the worker receiving. UNLOGGED on PostgreSQL (migration 0006)."""

    __tablename__ = "push_receiving"
    __table_args__ = (Index("ix_push_receiving_key", "token_hash", "sha256"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    sha256: Mapped[str] = mapped_column(String(64))
    reached: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime]


metadata = Base.metadata

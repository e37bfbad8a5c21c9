"""Supporting records: working-day calendar entries, counters, settings, the audit log, issued letters and the
sync outbox."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class CalendarEntry(Base):
    """A local closure ('libur_lokal') or a national holiday declared a working day ('hari_kerja')."""

    __tablename__ = "calendar_entries"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    day: Mapped[date] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    source: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[datetime]
    removed_at: Mapped[datetime | None]
    removed_by: Mapped[str | None] = mapped_column(String(50))


class Counter(Base):
    """A yearly sequence (registration, keberatan, letters). Advanced in the same transaction as its insert."""

    __tablename__ = "counters"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(default=dict)


class AuditEntry(Base):
    """Who did what, when: every write and every view or export of personal data. Append-only."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    username: Mapped[str] = mapped_column(String(50))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str | None] = mapped_column(String(36))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)


class IssuedLetter(Base):
    """A letter as issued: its number, date and the snapshot it was printed from (reprints are identical)."""

    __tablename__ = "issued_letters"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    request_id: Mapped[str | None] = mapped_column(ForeignKey("requests.id"), index=True)
    objection_id: Mapped[str | None] = mapped_column(ForeignKey("objections.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    number: Mapped[str | None] = mapped_column(String(100))
    issued_at: Mapped[datetime]
    issued_by: Mapped[str] = mapped_column(String(50))
    snapshot: Mapped[dict[str, Any]] = mapped_column(default=dict)
    sha256: Mapped[str | None] = mapped_column(String(64))


class OutboxOp(Base):
    """An operation waiting to be pushed to the city server, written in the same transaction as its effect."""

    __tablename__ = "outbox_ops"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    acked_at: Mapped[datetime | None] = mapped_column(index=True)
    note: Mapped[str | None] = mapped_column(Text)

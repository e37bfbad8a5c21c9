"""Requesters, requests and the append-only timeline of events.

Due dates are stored (frozen) with their explanation in ``deadlines``, because a deadline once told to a
requester must not move when the calendar is edited, except through an explicit, previewed recompute.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class Requester(Base):
    __tablename__ = "requesters"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200), index=True)
    nik_encrypted: Mapped[str | None] = mapped_column(Text)
    nik_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    nik_masked: Mapped[str | None] = mapped_column(String(20))
    legal_number: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(500))
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    email: Mapped[str | None] = mapped_column(String(200))
    occupation: Mapped[str | None] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Request(Base):
    __tablename__ = "requests"
    __table_args__ = (
        Index("ix_requests_status_due", "status", "due_current"),
        Index("ix_requests_received_at", "received_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    office_code: Mapped[str] = mapped_column(String(20))
    desk_letter: Mapped[str] = mapped_column(String(2))
    year: Mapped[int]
    seq: Mapped[int]
    received_at: Mapped[datetime]
    channel: Mapped[str] = mapped_column(String(20), index=True)
    requester_id: Mapped[str] = mapped_column(ForeignKey("requesters.id"), index=True)
    # the requester as recorded at intake (name, address, contacts of that day; app/services/identity.py):
    # a returning requester's later corrections never rewrite what an earlier request, and its letters, said
    requester_recorded: Mapped[dict[str, Any] | None]
    # kuasa (representative) and the documents seen at the desk
    proxy: Mapped[dict[str, Any] | None]
    documents: Mapped[list[Any]] = mapped_column(default=list)
    information: Mapped[str] = mapped_column(Text)
    purpose: Mapped[str] = mapped_column(Text)
    obtain_method: Mapped[str] = mapped_column(String(30))
    delivery_method: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(30), index=True)
    # completeness
    completed_at: Mapped[datetime | None]
    missing_items: Mapped[list[Any]] = mapped_column(default=list)
    incomplete_notice_at: Mapped[datetime | None]
    # deadlines (frozen) and their explanations
    due_completeness: Mapped[date | None]
    due_completion: Mapped[date | None]
    due_response: Mapped[date | None]
    due_extended: Mapped[date | None]
    # the deadline in force for the current status (completeness, completion or response), for sorting/overdue
    due_current: Mapped[date | None] = mapped_column(index=True)
    deadlines: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # extension
    extended_at: Mapped[datetime | None]
    extension_reason: Mapped[str | None] = mapped_column(String(40))
    extension_note: Mapped[str | None] = mapped_column(Text)
    # the written answer
    decision: Mapped[str | None] = mapped_column(String(30))
    decided_at: Mapped[datetime | None]
    info_held: Mapped[bool | None]
    holder_body: Mapped[str | None] = mapped_column(String(300))
    info_form: Mapped[str | None] = mapped_column(String(20))
    redaction_reason: Mapped[str | None] = mapped_column(Text)
    costs: Mapped[dict[str, Any] | None]
    payment_method: Mapped[str | None] = mapped_column(String(100))
    provision_days: Mapped[int | None] = mapped_column(Integer)
    response_note: Mapped[str | None] = mapped_column(Text)
    rejection_article: Mapped[str | None] = mapped_column(String(5))
    rejection_other_basis: Mapped[str | None] = mapped_column(Text)
    consequence_test: Mapped[str | None] = mapped_column(Text)
    forwarded_to: Mapped[str | None] = mapped_column(String(300))
    forwarded_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    delivered_method: Mapped[str | None] = mapped_column(String(30))
    closed_at: Mapped[datetime | None]
    voided_at: Mapped[datetime | None]
    void_reason: Mapped[str | None] = mapped_column(Text)
    voided_by: Mapped[str | None] = mapped_column(String(50))
    received_by: Mapped[str] = mapped_column(String(50))
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Event(Base):
    """One line of a request's (or keberatan's) timeline. Append-only: triggers refuse UPDATE and DELETE."""

    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    request_id: Mapped[str | None] = mapped_column(ForeignKey("requests.id"), index=True)
    objection_id: Mapped[str | None] = mapped_column(ForeignKey("objections.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime]  # when it happened (may be back-dated with --at)
    recorded_at: Mapped[datetime]  # when it was typed in
    username: Mapped[str] = mapped_column(String(50))
    summary: Mapped[str] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)

"""Keberatan (objections) against a request, UU 14/2008 Pasal 35–37, and the sengketa that may follow."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class Objection(Base):
    __tablename__ = "objections"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    request_id: Mapped[str] = mapped_column(ForeignKey("requests.id"), index=True)
    office_code: Mapped[str] = mapped_column(String(20))
    desk_letter: Mapped[str] = mapped_column(String(2))
    year: Mapped[int]
    seq: Mapped[int] = mapped_column(Integer)
    filed_at: Mapped[datetime]
    grounds: Mapped[list[Any]] = mapped_column(default=list)  # letters a–g
    case_summary: Mapped[str] = mapped_column(Text, default="")  # kasus posisi
    proxy: Mapped[dict[str, Any] | None]
    status: Mapped[str] = mapped_column(String(20), index=True)
    due_response: Mapped[date | None]
    deadlines: Mapped[dict[str, Any]] = mapped_column(default=dict)
    decision: Mapped[str | None] = mapped_column(String(30))
    decision_text: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None]
    atasan_name: Mapped[str | None] = mapped_column(String(200))
    atasan_position: Mapped[str | None] = mapped_column(String(200))
    requester_response: Mapped[str | None] = mapped_column(Text)
    requester_response_at: Mapped[datetime | None]
    dispute_filed_at: Mapped[datetime | None]
    dispute_register: Mapped[str | None] = mapped_column(String(100))
    dispute_outcome: Mapped[str | None] = mapped_column(String(30))
    dispute_outcome_text: Mapped[str | None] = mapped_column(Text)
    dispute_decided_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    voided_at: Mapped[datetime | None]
    void_reason: Mapped[str | None] = mapped_column(Text)
    received_by: Mapped[str] = mapped_column(String(50))
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

"""The narrative sections of the yearly Laporan Layanan Informasi Publik, written by the office, one row per
office and year (the figures are never stored: they are counted from the register each time)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class ReportNarrative(Base):
    __tablename__ = "report_narratives"
    __table_args__ = (UniqueConstraint("office_code", "year"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    office_code: Mapped[str] = mapped_column(String(20))
    year: Mapped[int]
    sections: Mapped[dict[str, Any]] = mapped_column(default=dict)
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(50))

"""The office profile (one row) and its officials, printed on every letter."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class Office(Base):
    __tablename__ = "office"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    parent_name: Mapped[str] = mapped_column(String(200), default="PEMERINTAH KOTA SERANG")
    city: Mapped[str] = mapped_column(String(100), default="Serang")
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(100), default="")
    website: Mapped[str] = mapped_column(String(100), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    kop_lines: Mapped[list[Any]] = mapped_column(default=list)
    logo_path: Mapped[str | None] = mapped_column(String(500))
    desk_letter: Mapped[str] = mapped_column(String(2), default="A")
    request_template: Mapped[str] = mapped_column(String(100))
    objection_template: Mapped[str] = mapped_column(String(100))
    letter_template: Mapped[str] = mapped_column(String(100))
    letter_classification: Mapped[str] = mapped_column(String(50), default="000.5.9")
    letter_unit: Mapped[str] = mapped_column(String(50), default="PPID")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Official(Base):
    """PPID, Atasan PPID and other signatories. ``role`` is 'ppid', 'atasan_ppid' or 'petugas_informasi'."""

    __tablename__ = "officials"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    role: Mapped[str] = mapped_column(String(30), index=True)
    name: Mapped[str] = mapped_column(String(200))
    jabatan: Mapped[str] = mapped_column(String(200))
    nip: Mapped[str | None] = mapped_column(String(18))
    pangkat: Mapped[str | None] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]

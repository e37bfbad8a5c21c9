"""The office's Daftar Informasi yang Dikecualikan (DIK) and Daftar Informasi Publik (DIP).

Perki 1/2021 wants a rejection to rest on information the PPID excluded beforehand by an SK after an uji
konsekuensi; the DIK keeps those decisions (one row per excluded item, with its SK). The DIP beside it lists
information available at any time, so intake can answer on the spot. Neither is ever deleted: an entry that no
longer applies is revoked with who, when and why (triggers of migration 0010 refuse a DELETE).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class ExcludedInformation(Base):
    """One entry of the DIK: what is excluded, under which huruf of Pasal 17 UU 14/2008, the uji konsekuensi,
    for how long (a date or a period in words), and the SK that decided it."""

    __tablename__ = "dik_entries"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    office_code: Mapped[str] = mapped_column(String(20), index=True)
    information: Mapped[str] = mapped_column(Text)
    article: Mapped[str] = mapped_column(String(5))
    consequence_test: Mapped[str] = mapped_column(Text)
    excluded_until: Mapped[date | None]
    excluded_period: Mapped[str | None] = mapped_column(String(200))
    sk_number: Mapped[str] = mapped_column(String(100))
    sk_date: Mapped[date]
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(50))
    revoked_at: Mapped[datetime | None]
    revoked_by: Mapped[str | None] = mapped_column(String(50))
    revoke_reason: Mapped[str | None] = mapped_column(Text)


class PublicInformation(Base):
    """One entry of the DIP (informasi tersedia setiap saat): title, summary, who holds it, its form and where
    to get it."""

    __tablename__ = "dip_entries"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    office_code: Mapped[str] = mapped_column(String(20), index=True)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")
    holder: Mapped[str] = mapped_column(String(200))
    form: Mapped[str] = mapped_column(String(50))
    location: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(50))
    revoked_at: Mapped[datetime | None]
    revoked_by: Mapped[str | None] = mapped_column(String(50))
    revoke_reason: Mapped[str | None] = mapped_column(Text)

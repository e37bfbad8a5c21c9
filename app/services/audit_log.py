"""Reading the audit log (supervisor and up): who did what, when, filtered by record, user and date.

Why a service of its own: the log is the register's legal memory, and since it is chained (``db/chain.py``) a
supervisor can read it in the app instead of opening the file with ``sqlite3``. Read-only; newest first; at most
``limit`` entries per read (the filters narrow it down), each with the chain link that covers it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, cast, or_, select

from app.domain.lifecycle import ACTION_LABELS as LIFECYCLE_LABELS
from app.domain.lifecycle import OBJECTION_ACTION_LABELS
from app.domain.permissions import Permission
from app.services.audit_details import describe
from app.services.context import Actor, DeskContext
from db.models import AuditEntry, IssuedLetter, Objection, Request, User, audit_chain

LIMIT = 500

#: what the officer reads for the actions the desk records (the code itself for any other)
ACTION_LABELS: dict[str, str] = {
    "request_receive": "Permohonan diterima",
    "objection_add": "Keberatan dicatat",
    "letter_issue": "Surat diterbitkan",
    "letter_reprint": "Surat dicetak ulang",
    "view_personal_data": "Data pribadi lengkap dilihat",
    "export": "Register diekspor",
    "export_public": "Register publik diekspor",
    "backup": "Cadangan dibuat",
    "restore": "Cadangan dipulihkan",
    "login_failed": "Gagal masuk",
    "login_locked": "Masuk ditolak (akun terkunci)",
    "user_unlock": "Akun dibuka kuncinya",
    "user_add": "Pengguna ditambahkan",
    "user_role": "Peran pengguna diubah",
    "user_passwd": "Kata sandi diubah",
    "user_enable": "Pengguna diaktifkan/dinonaktifkan",
    "setup": "Register disiapkan",
    "office_update": "Profil kantor diubah",
    "official_save": "Pejabat disimpan",
    "setting": "Pengaturan diubah",
    "calendar_add": "Hari kalender ditambahkan",
    "dik_added": "Entri daftar informasi dikecualikan ditambahkan",
    "dik_revoked": "Entri daftar informasi dikecualikan dicabut",
    "dip_added": "Entri daftar informasi publik ditambahkan",
    "dip_revoked": "Entri daftar informasi publik dicabut",
    "calendar_remove": "Hari kalender dihapus",
    "calendar_recompute": "Tenggat dihitung ulang",
    "calendar_cuti_bersama": "Cuti bersama dicatat",
    "request_route": "Permohonan dialihkan",
    "sync_conflict_resolve": "Konflik sinkronisasi diputuskan",
    "sync_conflict_acknowledge": "Penolakan sinkronisasi dicatat",
    "record_seal": "Catatan disegel (perubahan dari sinkronisasi)",
    "audit_chain_start": "Rantai audit dimulai",
    "letters_pii_sealed": "Data pribadi surat dienkripsi",
    "pii_key_sealed": "Kunci data pribadi dibungkus",
    "request_duplicate_confirmed": "Permohonan serupa tetap dicatat",
    "request_duplicate_declined": "Permohonan serupa tidak dicatat",
    "report_narrative": "Narasi laporan disimpan",
    "register_print": "Register dicetak",
    "dossier_print": "Berkas permohonan dicetak",
}


@dataclass(frozen=True)
class AuditLogEntry:
    id: int
    at: dt.datetime
    username: str
    action: str
    label: str
    entity: str
    entity_id: str | None
    details: str
    chain_seq: int | None
    record: str = ""
    """What the entry is about as people name it: "Permohonan PPID-SRG/2026/A-0001", "Surat 000.5.9/3/…" —
    never an internal id."""


#: Indonesian names of the audited record kinds (``AuditEntry.entity``).
ENTITY_LABELS: dict[str, str] = {
    "request": "Permohonan",
    "objection": "Keberatan",
    "letter": "Surat",
    "user": "Pengguna",
    "office": "Kantor",
    "register": "Register",
    "report": "Laporan",
    "calendar": "Kalender",
    "requester": "Pemohon",
}


def _names(session: Any, rows: list[Any]) -> dict[tuple[str, str], str]:
    """The number (or user name) of every record the entries name, read in one query per kind."""
    wanted: dict[str, set[str]] = {}
    for row, _seq in rows:
        if row.entity_id:
            wanted.setdefault(row.entity, set()).add(row.entity_id)
    names: dict[tuple[str, str], str] = {}
    sources = {
        "request": (Request.id, Request.number),
        "objection": (Objection.id, Objection.number),
        "letter": (IssuedLetter.id, IssuedLetter.number),
        "user": (User.id, User.username),
    }
    for entity, ids in wanted.items():
        if entity in sources:
            key, value = sources[entity]
            for rid, name in session.execute(select(key, value).where(key.in_(ids))):
                if name:
                    names[(entity, str(rid))] = str(name)
    return names


def _record(entity: str, entity_id: str | None, names: dict[tuple[str, str], str]) -> str:
    label = ENTITY_LABELS.get(entity, entity)
    if not entity_id:
        return label
    return f"{label} {names.get((entity, entity_id), '(tidak ada di register ini)')}"


def _label(action: str) -> str:
    """What the officer reads for ``action``: the desk's own label, else a record's step as its timeline names
    it (``request_respond``: "Permohonan: Pemberitahuan tertulis"), never the code's English words."""
    if action in ACTION_LABELS:
        return ACTION_LABELS[action]
    kind, _, step = action.partition("_")
    steps: dict[str, str] = {}
    if kind == "request":
        steps = {a.value: text for a, text in LIFECYCLE_LABELS.items()}
    elif kind == "objection":
        steps = {a.value: text for a, text in OBJECTION_ACTION_LABELS.items()}
    if step in steps:
        return ("Permohonan: " if kind == "request" else "Keberatan: ") + steps[step]
    return action


def _details(entity: str, action: str, value: Any, shown_as: str | None) -> str:
    """The entry's details as "label: value" pairs in Indonesian (``audit_details``), not the stored JSON;
    the record's own number is left out where the *Catatan* column already names the record by it."""
    details = value if isinstance(value, dict) else {}
    if shown_as is not None and details.get("number") == shown_as:
        details = {k: v for k, v in details.items() if k != "number"}
    text = describe(entity, details, action)
    return text if len(text) <= 500 else text[:499] + "…"


class AuditLogService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def entries(
        self,
        actor: Actor,
        *,
        record: str = "",
        username: str = "",
        day_from: dt.date | None = None,
        day_to: dt.date | None = None,
        limit: int = LIMIT,
    ) -> list[AuditLogEntry]:
        """Newest first. ``record``: a registration or keberatan number (its own entries, its letters' and
        those naming it); ``username``: exact; the days inclusive."""
        actor.require(Permission.VIEW_AUDIT_LOG)
        with self.ctx.db.reader() as session:
            query = select(AuditEntry, audit_chain.c.seq).outerjoin(
                audit_chain, audit_chain.c.audit_id == AuditEntry.id
            )
            number = record.strip()
            if number:
                ids = set(session.scalars(select(Request.id).where(Request.number == number)))
                ids |= set(session.scalars(select(Objection.id).where(Objection.number == number)))
                ids |= set(
                    session.scalars(
                        select(IssuedLetter.id).where(
                            or_(IssuedLetter.request_id.in_(ids), IssuedLetter.objection_id.in_(ids))
                        )
                    )
                )
                escaped = number.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                # the stored JSON read as its text: LIKE is no operator of the JSON type (deprecated there)
                named = cast(AuditEntry.details, String).like(f'%"{escaped}"%', escape="\\")
                query = query.where(or_(AuditEntry.entity_id.in_(ids), named))
            if username.strip():
                query = query.where(AuditEntry.username == username.strip())
            if day_from is not None:
                query = query.where(AuditEntry.at >= dt.datetime.combine(day_from, dt.time.min))
            if day_to is not None:
                query = query.where(
                    AuditEntry.at < dt.datetime.combine(day_to + dt.timedelta(days=1), dt.time.min)
                )
            rows = list(
                session.execute(query.order_by(AuditEntry.id.desc()).limit(max(1, min(limit, LIMIT)))).all()
            )
            names = _names(session, rows)
            return [
                AuditLogEntry(
                    id=row.id, at=row.at, username=row.username, action=row.action, label=_label(row.action),
                    entity=row.entity, entity_id=row.entity_id,
                    details=_details(row.entity, row.action, row.details, names.get((row.entity, row.entity_id or ""))),
                    chain_seq=int(seq) if seq is not None else None,
                    record=_record(row.entity, row.entity_id, names),
                )
                for row, seq in rows
            ]  # fmt: skip

    def usernames(self, actor: Actor) -> list[str]:
        """Everyone who appears in the log (for the user filter)."""
        actor.require(Permission.VIEW_AUDIT_LOG)
        with self.ctx.db.reader() as session:
            return sorted(session.scalars(select(AuditEntry.username).distinct()))

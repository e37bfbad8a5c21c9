"""The Daftar Informasi yang Dikecualikan (DIK) and the Daftar Informasi Publik (DIP): ``desk.information_lists``.

Why a register of its own: Perki 1/2021 wants a rejection to rest on the office's SK penetapan informasi
dikecualikan, whose uji konsekuensi was decided beforehand, and wants information available at any time to be
given on the spot. Supervisors and up keep both lists (``Permission.MANAGE_INFORMATION_LISTS``); every officer
reads them (the reject dialog picks a DIK entry, intake looks the DIP up). Entries are never deleted: a revoked
entry keeps who revoked it, when and why, and stays on the ``include_revoked`` listing.

The same validation serves the GUI, the CLI's JSON bodies and the reject action's new DIK entry
(``validate_dik``), so the three cannot accept different things.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Self

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import text as text_rules
from app.domain.formatting import format_date
from app.domain.lifecycle import PASAL_17
from app.domain.permissions import Permission
from app.errors import ActionRefused, NotFound, ValidationError
from app.ids import new_id
from app.services.context import Actor, DeskContext
from app.services.journal import RowSink, audit, enqueue
from app.services.office import load_office
from app.services.record_fields import Entity, field_of
from app.services.sync_state import information_list_state
from db.models import ExcludedInformation, PublicInformation

DIK_KEYS = frozenset(
    {
        "information",
        "article",
        "consequence_test",
        "excluded_until",
        "excluded_period",
        "sk_number",
        "sk_date",
    }
)
DIP_KEYS = frozenset({"title", "summary", "holder", "form", "location"})
CONSEQUENCE_MIN = 20  # as the reject action has always asked of an uji konsekuensi
REASON_MIN = 5
LISTS = ("dik", "dip")
_STOPWORDS = frozenset(
    [
        "dan",
        "yang",
        "atau",
        "untuk",
        "dari",
        "pada",
        "dengan",
        "tentang",
        "dalam",
        "oleh",
        "ini",
        "itu",
        "ke",
        "di",
        "se",
        "tahun",
        "data",
        "informasi",
        "salinan",
        "mohon",
        "minta",
        "meminta",
        "dokumen",
    ]
)


class _ListEntry:
    """What an entry of either list has: revoked or not, a JSON form, and reading itself off its row."""

    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def to_dict(self) -> dict[str, Any]:
        return {k: v.isoformat() if isinstance(v, date) else v for k, v in asdict(self).items()}  # type: ignore[call-overload]

    @classmethod
    def of(cls, row: object) -> Self:
        return cls(**{f: getattr(row, f) for f in cls.__dataclass_fields__})  # type: ignore[attr-defined]


@dataclass(frozen=True)
class DikEntry(_ListEntry):
    id: str
    office_code: str
    information: str
    article: str
    consequence_test: str
    excluded_until: date | None
    excluded_period: str | None
    sk_number: str
    sk_date: date
    created_at: datetime
    created_by: str
    revoked_at: datetime | None
    revoked_by: str | None
    revoke_reason: str | None

    @property
    def excluded_for(self) -> str:
        """How long, as a letter says it: the period in words, the end date, or both."""
        parts = [self.excluded_period or ""]
        if self.excluded_until is not None:
            parts.append(f"sampai dengan {format_date(self.excluded_until)}")
        return ", ".join(p for p in parts if p)

    @property
    def sk_text(self) -> str:
        return f"{self.sk_number}, {format_date(self.sk_date)}"


@dataclass(frozen=True)
class DipEntry(_ListEntry):
    id: str
    office_code: str
    title: str
    summary: str
    holder: str
    form: str
    location: str
    created_at: datetime
    created_by: str
    revoked_at: datetime | None
    revoked_by: str | None
    revoke_reason: str | None


def _field(errors: dict[str, str], key: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return fn(*args, **kwargs)
    except ValidationError as exc:
        errors.update(exc.fields)
        return None


def _label(which: Entity, key: str) -> str:
    """How a refused entry names its field: the label the field table declares (never the JSON key)."""
    return field_of(which, key).label


def _required(
    errors: dict[str, str], body: Mapping[str, Any], which: Entity, key: str, max_length: int
) -> str:
    value = _field(errors, key, text_rules.free_text, body.get(key), key, max_length=max_length)
    if key not in errors and not value:
        errors[key] = f"{_label(which, key)} wajib diisi."
    return str(value or "")


def _date(errors: dict[str, str], body: Mapping[str, Any], key: str) -> date | None:
    raw = body.get(key)
    if raw is None or raw == "":
        return None
    if isinstance(raw, datetime):
        raw = raw.date()
    day: date | None = raw if isinstance(raw, date) else None
    if day is None:
        try:
            day = date.fromisoformat(raw.strip()) if isinstance(raw, str) else None
        except ValueError:
            day = None
        if day is None:
            errors[key] = f"Tanggal harus berformat TTTT-BB-HH (misalnya 2026-01-15), bukan {raw!r}."
            return None
    return _field(errors, key, text_rules.check_date, day, key)


def _check_body(body: Any, keys: frozenset[str]) -> Mapping[str, Any]:
    if not isinstance(body, Mapping):
        raise ValidationError({"json": "Isi harus berupa objek JSON {kunci: nilai}."})
    text_rules.check_keys(body, keys)
    return body


def validate_dik(body: Any) -> dict[str, Any]:
    """The DIK entry's fields, cleaned; every wrong field named at once (``ValidationError``)."""
    body = _check_body(body, DIK_KEYS)
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {
        "information": _required(errors, body, "dik", "information", 2000),
        "consequence_test": _required(errors, body, "dik", "consequence_test", 5000),
        "sk_number": str(
            _field(errors, "sk_number", text_rules.line, body.get("sk_number"), "sk_number", max_length=100)
            or ""
        ),  # fmt: skip
        "excluded_period": _field(
            errors,
            "excluded_period",
            text_rules.line,
            body.get("excluded_period"),
            "excluded_period",
            max_length=200,
        ),  # fmt: skip
        "excluded_until": _date(errors, body, "excluded_until"),
        "sk_date": _date(errors, body, "sk_date"),
    }
    article = str(body.get("article") or "").strip().lower()
    if article not in PASAL_17:
        errors["article"] = "Pasal 17 huruf harus salah satu dari a sampai j."
    clean["article"] = article
    if "consequence_test" not in errors and len(clean["consequence_test"]) < CONSEQUENCE_MIN:
        errors["consequence_test"] = f"Uji konsekuensi wajib diisi (min. {CONSEQUENCE_MIN} karakter)."
    if "sk_number" not in errors and not clean["sk_number"]:
        errors["sk_number"] = "Nomor SK penetapan informasi dikecualikan wajib diisi."
    if "sk_date" not in errors and clean["sk_date"] is None:
        errors["sk_date"] = "Tanggal SK penetapan wajib diisi."
    if not errors.keys() & {"excluded_until", "excluded_period"}:
        if clean["excluded_until"] is None and not clean["excluded_period"]:
            errors["excluded_until"] = (
                f"Sebutkan jangka waktu pengecualian: isi {_label('dik', 'excluded_until')} (tanggal) atau "
                f"{_label('dik', 'excluded_period')} (misalnya '5 tahun')."
            )
        elif clean["excluded_until"] and clean["sk_date"] and clean["excluded_until"] <= clean["sk_date"]:
            errors["excluded_until"] = "Akhir pengecualian harus sesudah tanggal SK."
    if errors:
        raise ValidationError(errors)
    return clean


def validate_dip(body: Any) -> dict[str, Any]:
    """The DIP entry's fields, cleaned; every wrong field named at once."""
    body = _check_body(body, DIP_KEYS)
    errors: dict[str, str] = {}
    clean = {
        "title": _required(errors, body, "dip", "title", 500),
        "summary": str(
            _field(errors, "summary", text_rules.free_text, body.get("summary"), "summary", max_length=5000)
            or ""
        ),  # fmt: skip
        "holder": _required(errors, body, "dip", "holder", 200),
        "form": _required(errors, body, "dip", "form", 50),
        "location": _required(errors, body, "dip", "location", 1000),
    }
    if errors:
        raise ValidationError(errors)
    return clean


def add_dik_row(
    session: RowSink, actor: Actor, now: datetime, office_code: str, clean: Mapping[str, Any]
) -> str:
    """Write a validated DIK entry and its audit line into the caller's transaction (the reject action uses
    this for a new uji konsekuensi); returns the new entry's id."""
    entry_id = new_id()
    row = ExcludedInformation(id=entry_id, office_code=office_code, created_at=now, created_by=actor.username,
                              **clean)  # fmt: skip
    session.add(row)
    enqueue(session, now, entity="dik", entity_id=entry_id, action="add",
            payload={"state": information_list_state(row)}, base_version=0)  # fmt: skip
    audit(session, actor, now, action="dik_added", entity="dik", entity_id=entry_id,
          details={"article": clean["article"], "sk_number": clean["sk_number"]})  # fmt: skip
    return entry_id


def active_dik(session: Session, entry_id: Any) -> ExcludedInformation:
    """The DIK entry a rejection cites: it must exist and not be revoked."""
    row = session.get(ExcludedInformation, str(entry_id or ""))
    if row is None:
        raise ValidationError(
            {"dik_id": f"Entri daftar informasi dikecualikan {entry_id!r} tidak ditemukan."}
        )
    if row.revoked_at is not None:
        raise ValidationError({"dik_id": "Entri daftar informasi dikecualikan ini sudah dicabut."})
    return row


def words_of(text: str) -> list[str]:
    """The words a DIP lookup matches on: lower case, three letters or more, common request words left out."""
    return [w for w in dict.fromkeys(re.findall(r"\w{3,}", text.lower())) if w not in _STOPWORDS]


class InformationListService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    # --- reading --------------------------------------------------------------------------------------------

    def dik(self, *, include_revoked: bool = False, office: str | None = None) -> list[DikEntry]:
        """This office's DIK (``office="*"``: every office's, as the city desk reads them)."""
        with self.ctx.db.reader() as session:
            query = select(ExcludedInformation).order_by(ExcludedInformation.sk_date, ExcludedInformation.id)
            query = self._scope(session, query, ExcludedInformation, office, include_revoked)
            return [DikEntry.of(row) for row in session.scalars(query)]

    def dip(self, *, include_revoked: bool = False, office: str | None = None) -> list[DipEntry]:
        with self.ctx.db.reader() as session:
            query = select(PublicInformation).order_by(PublicInformation.title, PublicInformation.id)
            query = self._scope(session, query, PublicInformation, office, include_revoked)
            return [DipEntry.of(row) for row in session.scalars(query)]

    @staticmethod
    def _scope(session: Session, query: Any, model: Any, office: str | None, include_revoked: bool) -> Any:
        if office != "*":
            query = query.where(model.office_code == (office or load_office(session).code).strip().upper())
        if not include_revoked:
            query = query.where(model.revoked_at.is_(None))
        return query

    def match_dip(self, information: str, *, limit: int = 5) -> list[DipEntry]:
        """DIP entries whose title or summary share words with the requested information, best first: what
        intake offers as "tersedia setiap saat" (the lists are short, so they are read whole)."""
        wanted = words_of(information or "")
        if not wanted:
            return []
        scored = []
        for entry in self.dip():
            have = set(words_of(f"{entry.title} {entry.summary}"))
            score = sum(1 for w in wanted if w in have or any(h.startswith(w) for h in have))
            if score:
                scored.append((-score, entry.title.lower(), entry))
        return [entry for *_, entry in sorted(scored, key=lambda x: (x[0], x[1]))[:limit]]

    # --- writing --------------------------------------------------------------------------------------------

    def add_dik(self, actor: Actor, body: Any) -> DikEntry:
        actor.require(Permission.MANAGE_INFORMATION_LISTS)
        clean = validate_dik(body)
        now = self.ctx.clock()
        with self.ctx.db.transaction() as session:
            entry_id = add_dik_row(session, actor, now, load_office(session).code, clean)
            session.flush()
            return DikEntry.of(session.get_one(ExcludedInformation, entry_id))

    def add_dip(self, actor: Actor, body: Any) -> DipEntry:
        actor.require(Permission.MANAGE_INFORMATION_LISTS)
        clean = validate_dip(body)
        now = self.ctx.clock()
        with self.ctx.db.transaction() as session:
            row = PublicInformation(id=new_id(), office_code=load_office(session).code, created_at=now,
                                    created_by=actor.username, **clean)  # fmt: skip
            session.add(row)
            enqueue(session, now, entity="dip", entity_id=row.id, action="add",
                    payload={"state": information_list_state(row)}, base_version=0)  # fmt: skip
            audit(session, actor, now, action="dip_added", entity="dip", entity_id=row.id,
                  details={"title": clean["title"]})  # fmt: skip
            session.flush()
            return DipEntry.of(row)

    def revoke(self, actor: Actor, which: str, entry_id: str, reason: Any) -> DikEntry | DipEntry:
        """Revoke a DIK or DIP entry: it leaves the list (and the reject dialog) but is kept, with who, when and
        why. A revoked entry cannot be revoked again."""
        actor.require(Permission.MANAGE_INFORMATION_LISTS)
        if which not in LISTS:
            raise ValidationError({"list": "Daftar harus 'dik' atau 'dip'."})
        why = text_rules.free_text(reason, "reason", max_length=2000) or ""
        if len(why) < REASON_MIN:
            raise ValidationError({"reason": f"Alasan pencabutan wajib diisi (min. {REASON_MIN} karakter)."})
        model: Any = ExcludedInformation if which == "dik" else PublicInformation
        now = self.ctx.clock()
        with self.ctx.db.transaction() as session:
            row = session.get(model, str(entry_id))
            if row is None or row.office_code != load_office(session).code:
                raise NotFound(f"Entri {which.upper()} {entry_id} tidak ditemukan di kantor ini.")
            if row.revoked_at is not None:
                raise ActionRefused(
                    f"Entri ini sudah dicabut pada {row.revoked_at:%Y-%m-%d} oleh {row.revoked_by}."
                )
            row.revoked_at, row.revoked_by, row.revoke_reason = now, actor.username, why
            enqueue(session, now, entity=which, entity_id=row.id, action="revoke",
                    payload={"state": information_list_state(row)}, base_version=1)  # fmt: skip
            audit(session, actor, now, action=f"{which}_revoked", entity=which, entity_id=row.id,
                  details={"reason": why})  # fmt: skip
            session.flush()
            return DikEntry.of(row) if which == "dik" else DipEntry.of(row)

    # --- printing and export --------------------------------------------------------------------------------

    def rows(self, which: str) -> list[tuple[str, ...]]:
        """The printed cells of each active entry, in the columns of the list's template."""
        if which == "dik":
            return [
                (e.information, f"Pasal 17 huruf {e.article}: {PASAL_17[e.article]}", e.consequence_test,
                 e.excluded_for, e.sk_text)
                for e in self.dik()
            ]  # fmt: skip
        if which == "dip":
            return [(e.title, e.summary, e.holder, e.form, e.location) for e in self.dip()]
        raise ValidationError({"list": "Daftar harus 'dik' atau 'dip'."})

    def pdf(self, which: str, paper: str = "A4") -> bytes:
        from app.documents.kinds import PAPERS
        from app.documents.rendering import render
        from app.documents.snapshot import InformationListSnapshot
        from app.services.letter_snapshots import office_snapshot

        if paper not in PAPERS["information_list"]:
            raise ValidationError(
                {"paper": "Kertas harus salah satu: " + ", ".join(PAPERS["information_list"])}
            )
        rows = tuple(self.rows(which))
        with self.ctx.db.reader() as session:
            office = office_snapshot(load_office(session), session)
        snap = InformationListSnapshot(
            office=office, variant=which, printed_on=self.ctx.clock().date(), rows=rows
        )
        return render(snap, paper)

    def xlsx(self, which: str, out: Path) -> Path:
        """The list as a workbook: one sheet, the printed columns, text cells (an SK number is not a number)."""
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font

        from app.documents.templates import load_template

        rows = self.rows(which)
        tpl, _ = load_template("information_list", None)
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = which.upper()
        sheet.append([tpl.plain(f"title_{which}")])
        sheet["A1"].font = Font(bold=True)
        sheet.append(list(tpl.lines(f"columns_{which}")))
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for i, row in enumerate(rows, start=1):
            sheet.append([i, *row])
        for column, width in zip("ABCDEF", (5, 40, 30, 50, 25, 30), strict=True):
            sheet.column_dimensions[column].width = width
        for line in sheet.iter_rows(min_row=3):
            for cell in line:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        out = Path(out)
        book.save(out)
        return out

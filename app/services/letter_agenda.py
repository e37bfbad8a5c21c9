"""The buku agenda surat keluar: every numbered letter of a year, as issued, for viewing and export.

Why from the issued letters and not from the counter: the agenda must show what went out (number, date, to whom,
about what), and the stored snapshot is the letter exactly as it went out. Letters pulled from the office's
other desks are in the same table, so a synced desk shows the office's whole agenda. Only the addressee's name
is listed (no NIK, address or phone), and an export is audited like the register's. The addressee's name is
typed by a requester, so the CSV/XLSX cells are neutralised like the register export's (a name starting with
``=`` is not run as a formula). The workstation's agenda view (``ui/agenda``) lists, narrows and prints the
same entries (``matching``, ``pdf``), so the screen, the files and the printout agree.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from app.documents.kinds import DOCUMENT_TITLES
from app.domain.permissions import Permission
from app.services.context import Actor, DeskContext
from app.services.export import format_for, neutralise
from app.services.journal import audit
from app.services.out_files import check_out, claimed
from db.models import IssuedLetter, Objection, Request, User


@dataclass(frozen=True)
class AgendaEntry:
    """One line of the agenda: the letter's own number and date, its addressee and subject."""

    number: str
    date: dt.date
    kind: str
    subject: str
    addressee: str
    record_number: str  # the request's registration number (or the keberatan's)
    issued_at: dt.datetime
    issued_by: str  # the user name, as stored with the letter
    letter_id: str
    issued_by_name: str = ""  # the officer's full name (the user name when the account is not on this desk)
    paper: str = ""  # the paper it was issued on (A4, F4, A5, thermal80)
    record: str = "request"  # what ``record_number`` is: "request" or "objection" (a keberatan)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["date"] = self.date.isoformat()
        out["issued_at"] = self.issued_at.isoformat(timespec="seconds")
        return out


#: (key, Indonesian header) of the exported columns, in the paper agenda's order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("no", "No."),
    ("number", "Nomor Surat"),
    ("date", "Tanggal Surat"),
    ("addressee", "Kepada"),
    ("subject", "Perihal"),
    ("record_number", "Nomor Pendaftaran"),
    ("issued_by_name", "Diterbitkan oleh"),
    ("issued_at", "Waktu Terbit"),
    ("paper", "Kertas"),
)


def _letter_date(row: IssuedLetter) -> dt.date:
    letter = dict((row.snapshot or {}).get("data") or {}).get("letter") or {}
    try:
        return dt.date.fromisoformat(str(letter["date"]))
    except (KeyError, ValueError):
        return row.issued_at.date()


def _paper(row: IssuedLetter) -> str:
    return str((row.snapshot or {}).get("paper") or "A4")


def matching(entries: list[AgendaEntry], kind: str | None = None, text: str = "") -> list[AgendaEntry]:
    """The entries of ``kind`` (None: every kind) whose number, subject, addressee, registration number or
    issuer contains ``text`` (ignoring case); the agenda view and its exports narrow the year with this."""
    needle = text.strip().casefold()

    def hit(e: AgendaEntry) -> bool:
        fields = (e.number, e.subject, e.addressee, e.record_number, e.issued_by_name, e.issued_by)
        return not needle or any(needle in value.casefold() for value in fields)

    return [e for e in entries if (kind is None or e.kind == kind) and hit(e)]


def _addressee(row: IssuedLetter) -> str:
    who = dict((row.snapshot or {}).get("data") or {}).get("requester") or {}
    return str(who.get("name") or "")


class LetterAgenda:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def entries(self, actor: Actor, year: int) -> list[AgendaEntry]:
        """Every numbered letter dated in ``year``, in issue order (the order of the agenda's sequence)."""
        actor.require(Permission.RECORD_REQUEST)
        issuer = aliased(User)
        with self.ctx.db.reader() as session:
            rows = session.execute(
                select(IssuedLetter, Request.number, Objection.number, issuer.full_name)
                .outerjoin(Request, Request.id == IssuedLetter.request_id)
                .outerjoin(Objection, Objection.id == IssuedLetter.objection_id)
                .outerjoin(issuer, issuer.username == IssuedLetter.issued_by)
                .where(IssuedLetter.number.is_not(None))
                .order_by(IssuedLetter.issued_at, IssuedLetter.id)
            ).all()
            out = []
            for row, request_number, objection_number, full_name in rows:
                day = _letter_date(row)
                if day.year != year:
                    continue
                out.append(
                    AgendaEntry(
                        number=row.number or "",
                        date=day,
                        kind=row.kind,
                        subject=DOCUMENT_TITLES.get(row.kind, row.kind),
                        addressee=_addressee(row),
                        record_number=objection_number or request_number or "",
                        issued_at=row.issued_at,
                        issued_by=row.issued_by,
                        letter_id=row.id,
                        issued_by_name=full_name or row.issued_by,
                        paper=_paper(row),
                        record="objection" if objection_number else "request",
                    )
                )
            return out

    def export(
        self, actor: Actor, year: int, out: Path, fmt: str | None = None, *, kind: str | None = None,
        text: str = "",
    ) -> int:  # fmt: skip
        """Write the year's agenda (narrowed by ``matching(kind, text)``) as CSV, XLSX or JSON (atomically);
        returns the number of letters written."""
        actor.require(Permission.EXPORT)
        out = check_out(Path(out))
        fmt_ = format_for(out, fmt)
        with claimed(out) as part:  # a place that cannot take the file is refused before the work
            entries = matching(self.entries(actor, year), kind, text)
            lines = [{"no": i, **e.to_dict()} for i, e in enumerate(entries, start=1)]
            {"csv": _csv, "xlsx": _xlsx, "json": _json}[fmt_](part, year, lines)
            with self.ctx.db.transaction() as session:
                audit(
                    session,
                    actor,
                    self.ctx.clock(),
                    action="export",
                    entity="letter_agenda",
                    entity_id=None,
                    details={
                        "format": fmt_,
                        "year": year,
                        "rows": len(lines),
                        "path": str(out),
                        **({"kind": kind} if kind else {}),
                        **({"text": text} if text.strip() else {}),
                    },  # fmt: skip
                )
        return len(lines)

    def pdf(
        self, actor: Actor, year: int, *, kind: str | None = None, text: str = "", paper: str = "A4"
    ) -> bytes:
        """The agenda as the office files it on paper (``app/documents/agenda.py``), narrowed like the view."""
        from app.documents import snapshot as s
        from app.documents.rendering import render
        from app.documents.templates import load_template
        from app.services.letter_snapshots import office_snapshot, ppid_signatory
        from app.services.office import load_office

        entries = matching(self.entries(actor, year), kind, text)
        scope = "; ".join(
            part
            for part in (
                f"Jenis: {DOCUMENT_TITLES.get(kind, kind)}" if kind else "",
                f"Cari: “{text.strip()}”" if text.strip() else "",
            )
            if part
        )
        template, _ = load_template("agenda", self.ctx.data_dir)
        rows = tuple(
            s.AgendaRow(e.number, e.date, e.subject, e.addressee, e.record_number, e.issued_by_name, e.paper)
            for e in entries
        )
        with self.ctx.db.reader() as session:
            office = load_office(session)
            snap = s.AgendaSnapshot(
                office=office_snapshot(office, session),
                year=year,
                printed_on=self.ctx.clock().date(),
                signatory=ppid_signatory(session, office),
                rows=rows,
                scope=scope,
                paper=paper,
                wording=template.as_wording(),
            )
        return render(snap)


def _csv(path: Path, year: int, lines: list[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:  # BOM: spreadsheets read it as UTF-8
        writer = csv.writer(handle)
        writer.writerow([header for _, header in COLUMNS])
        for line in lines:
            writer.writerow([neutralise(line[key]) for key, _ in COLUMNS])


def _json(path: Path, year: int, lines: list[dict[str, Any]]) -> None:
    document = {"year": year, "count": len(lines), "columns": dict(COLUMNS), "letters": lines}
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=2)


def _xlsx(path: Path, year: int, lines: list[dict[str, Any]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"Agenda Surat Keluar {year}"
    sheet.append([header for _, header in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in lines:
        values: list[Any] = [neutralise(line[key]) for key, _ in COLUMNS]
        values[2] = dt.date.fromisoformat(line["date"])
        sheet.append(values)
    widths = {"number": 30, "addressee": 30, "subject": 40, "issued_by_name": 30}
    for index, (key, header) in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = widths.get(key, max(12, len(header) + 2))
    for cell in sheet["C"][1:]:
        cell.number_format = "dd-mm-yyyy"
    sheet.freeze_panes = "A2"
    book.save(path)

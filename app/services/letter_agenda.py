"""The buku agenda surat keluar: every numbered letter of a year, as issued, for viewing and export.

Why from the issued letters and not from the counter: the agenda must show what went out (number, date, to whom,
about what), and the stored snapshot is the letter exactly as it went out. Letters pulled from the office's
other desks are in the same table, so a synced desk shows the office's whole agenda. Only the addressee's name
is listed (no NIK, address or phone), and an export is audited like the register's.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.documents.kinds import DOCUMENT_TITLES
from app.domain.permissions import Permission
from app.errors import ValidationError
from app.services.context import Actor, DeskContext
from app.services.export import format_for
from app.services.journal import audit
from db.models import IssuedLetter, Objection, Request


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
    issued_by: str
    letter_id: str

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
    ("issued_by", "Diterbitkan oleh"),
    ("issued_at", "Waktu Terbit"),
)


def _letter_date(row: IssuedLetter) -> dt.date:
    letter = dict((row.snapshot or {}).get("data") or {}).get("letter") or {}
    try:
        return dt.date.fromisoformat(str(letter["date"]))
    except (KeyError, ValueError):
        return row.issued_at.date()


def _addressee(row: IssuedLetter) -> str:
    who = dict((row.snapshot or {}).get("data") or {}).get("requester") or {}
    return str(who.get("name") or "")


class LetterAgenda:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def entries(self, actor: Actor, year: int) -> list[AgendaEntry]:
        """Every numbered letter dated in ``year``, in issue order (the order of the agenda's sequence)."""
        actor.require(Permission.RECORD_REQUEST)
        with self.ctx.db.reader() as session:
            rows = session.execute(
                select(IssuedLetter, Request.number, Objection.number)
                .outerjoin(Request, Request.id == IssuedLetter.request_id)
                .outerjoin(Objection, Objection.id == IssuedLetter.objection_id)
                .where(IssuedLetter.number.is_not(None))
                .order_by(IssuedLetter.issued_at, IssuedLetter.id)
            ).all()
            out = []
            for row, request_number, objection_number in rows:
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
                    )
                )
            return out

    def export(self, actor: Actor, year: int, out: Path, fmt: str | None = None) -> int:
        """Write the year's agenda as CSV, XLSX or JSON (atomically); returns the number of letters."""
        actor.require(Permission.EXPORT)
        out = Path(out)
        kind = format_for(out, fmt)
        if not out.parent.is_dir():
            raise ValidationError({"out": f"Folder {out.parent} tidak ada."})
        entries = self.entries(actor, year)
        lines = [{"no": i, **e.to_dict()} for i, e in enumerate(entries, start=1)]
        part = out.with_name(out.name + ".part")
        try:
            {"csv": _csv, "xlsx": _xlsx, "json": _json}[kind](part, year, lines)
            with self.ctx.db.transaction() as session:
                audit(
                    session,
                    actor,
                    self.ctx.clock(),
                    action="export",
                    entity="letter_agenda",
                    entity_id=None,
                    details={"format": kind, "year": year, "rows": len(lines), "path": str(out)},
                )
            os.replace(part, out)
        finally:
            part.unlink(missing_ok=True)
        return len(lines)


def _csv(path: Path, year: int, lines: list[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:  # BOM: spreadsheets read it as UTF-8
        writer = csv.writer(handle)
        writer.writerow([header for _, header in COLUMNS])
        for line in lines:
            writer.writerow([line[key] for key, _ in COLUMNS])


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
        values: list[Any] = [line[key] for key, _ in COLUMNS]
        values[2] = dt.date.fromisoformat(line["date"])
        sheet.append(values)
    widths = {"number": 30, "addressee": 30, "subject": 40}
    for index, (key, header) in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = widths.get(key, max(12, len(header) + 2))
    for cell in sheet["C"][1:]:
        cell.number_format = "dd-mm-yyyy"
    sheet.freeze_panes = "A2"
    book.save(path)

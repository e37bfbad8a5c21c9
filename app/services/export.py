"""Export of the Register Permohonan to CSV, XLSX or JSON, with personal data masked and the export audited.

Exports leave the desk (e-mail, USB sticks, the Diskominfo report), so they carry the least personal data that
still makes a usable register (UU 27/2022): the NIK is always masked, the phone number is masked unless the
exporting user's role may see personal data, and every export is written to the audit log with its filter and
row count. Columns follow the Register Permohonan (domain §4.1) plus the desk's internal columns. The public
register for the PPID's website (``public=True``) leaves out every personal field of the field tables.

Text that a spreadsheet would run as a formula (starting with ``= + - @``) is neutralised in CSV and XLSX:
requesters type the information asked for, and an exported register is opened by officers in a spreadsheet.

The file is written next to its target and renamed into place, so a failed export never leaves half a file.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from operator import attrgetter
from pathlib import Path
from typing import Any

from app.domain.permissions import Permission
from app.errors import ValidationError
from app.services.context import Actor, DeskContext
from app.services.journal import audit_if_writable
from app.services.out_files import check_out, claimed
from app.services.record_fields import exported
from app.services.register_query import RegisterFilter, RegisterQuery, RegisterRow, check_period

FORMATS = ("csv", "xlsx", "json")


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("Ya" if value else "Tidak")


def _rejection(row: RegisterRow) -> str:
    return f"Pasal 17 huruf {row.rejection_article} UU 14/2008" if row.rejection_article else ""


def _total_cost(row: RegisterRow) -> int | None:
    return int(row.costs["total"]) if row.costs and "total" in row.costs else None


def _text(key: str) -> Callable[[RegisterRow], Any]:
    return lambda row: getattr(row, key) or ""


def _labelled(key: str, options: Mapping[Any, str]) -> Callable[[RegisterRow], Any]:
    """A code written as its text (the field table's ``options``); no code, empty text."""

    def cell(row: RegisterRow) -> Any:
        value = getattr(row, key)
        return options.get(value, value) if value else ""

    return cell


#: How a column's cell is written where the register row's value is not the cell itself and the field is not
#: a code with its texts in the field table (``options``): "Ya"/"Tidak", empty text for a missing value. Which
#: columns exist, their headers, order and JSON keys come from the field tables (``record_fields/``).
_CELLS: dict[str, Callable[[RegisterRow], Any]] = {
    **{
        key: _text(key)
        for key in ("occupation", "holder_body", "payment_method", "nik_masked", "forwarded_to")
    },
    "info_held": lambda r: _yes_no(r.info_held),
    "rejection_article": _rejection,
    "cost_total": _total_cost,
    "overdue": lambda r: _yes_no(r.overdue),
}


Column = tuple[str, str, Callable[[RegisterRow], Any]]


def _columns(*, public: bool = False) -> list[Column]:
    out = []
    for spec, column in exported():
        if public and spec.personal:
            continue
        key = column.key or spec.name
        cell = _CELLS.get(key) or (_labelled(key, spec.options) if spec.options else attrgetter(key))
        out.append((key, column.header, cell))
    return out


#: (JSON key, Indonesian header, value) — the order of the CSV/XLSX columns.
COLUMNS: list[Column] = _columns()
#: The public register for the PPID's website: the same columns without any personal data (name, NIK, address,
#: phone, e-mail are personal in the field tables).
PUBLIC_COLUMNS: list[Column] = _columns(public=True)
PUBLIC_FORMATS = ("csv", "xlsx")
#: A cell starting with one of these is read as a formula by spreadsheet programs (CSV/formula injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice); numbers,
    dates and other text are left as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    rows: int

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "format": self.format, "rows": self.rows}


def format_for(path: Path, explicit: str | None) -> str:
    """The explicit ``--format``, or the one the file name ends with."""
    fmt = (explicit or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValidationError({"format": "Format ekspor harus salah satu: " + ", ".join(FORMATS)})
    return fmt


def _text_cell(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def _filter_dict(flt: RegisterFilter) -> dict[str, Any]:
    return {
        "from": flt.date_from.isoformat() if flt.date_from else None,
        "to": flt.date_to.isoformat() if flt.date_to else None,
        "status": list(flt.statuses),
        "text": flt.text or None,
    }


class ExportService:
    def __init__(self, ctx: DeskContext, query: RegisterQuery) -> None:
        self.ctx = ctx
        self.query = query

    def export(
        self,
        actor: Actor,
        *,
        out: Path,
        fmt: str | None = None,
        flt: RegisterFilter | None = None,
        public: bool = False,
    ) -> ExportResult:
        """The register to ``out``; ``public``: the public register (no personal data, CSV or XLSX only)."""
        actor.require(Permission.EXPORT)
        flt = flt or RegisterFilter()
        check_period(flt)
        out = check_out(Path(out))  # a folder named as --out is said so, not taken for an unknown format
        kind = format_for(out, fmt)
        if public and kind not in PUBLIC_FORMATS:
            raise ValidationError({"format": "Register publik hanya dapat diekspor ke CSV atau XLSX."})
        columns = PUBLIC_COLUMNS if public else COLUMNS
        with claimed(out) as part:  # a place that cannot take the file is refused before the rows are read
            rows = self.query.all_rows(actor, flt, order_by="number")
            writer = {"csv": self._csv, "xlsx": self._xlsx, "json": self._json}[kind]
            writer(part, rows, actor, flt, columns)
            audit_if_writable(  # on a full or read-only disk the rows above were shown masked
                self.ctx, actor, action="export_public" if public else "export", entity="register",
                entity_id=None,
                details={"format": kind, "rows": len(rows), "path": str(out), "filter": _filter_dict(flt)},
                notice="Perhatian: ekspor tidak tercatat di jejak audit (register tidak dapat ditulis: disk penuh "
                "atau hanya-baca); telepon dan email di dalamnya disamarkan.",
            )  # fmt: skip
        return ExportResult(out, kind, len(rows))

    def _csv(
        self, path: Path, rows: list[RegisterRow], actor: Actor, flt: RegisterFilter, columns: list[Column]
    ) -> None:
        # UTF-8 with BOM: the spreadsheet programs used at the desks then read Indonesian text correctly.
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([header for _, header, _ in columns])
            for row in rows:
                writer.writerow([neutralise(_text_cell(value(row))) for _, _, value in columns])

    def _json(
        self, path: Path, rows: list[RegisterRow], actor: Actor, flt: RegisterFilter, columns: list[Column]
    ) -> None:
        document = {
            "exported_at": self.ctx.clock().isoformat(),
            "exported_by": actor.username,
            "filter": _filter_dict(flt),
            "count": len(rows),
            "columns": {key: header for key, header, _ in columns},
            "rows": [{key: _json_value(value(row)) for key, _, value in columns} for row in rows],
        }
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=2)

    def _xlsx(
        self, path: Path, rows: list[RegisterRow], actor: Actor, flt: RegisterFilter, columns: list[Column]
    ) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        book = Workbook(write_only=False)
        sheet = book.active
        assert sheet is not None
        sheet.title = "Register Permohonan"
        sheet.append([header for _, header, _ in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([neutralise(value(row)) for _, _, value in columns])
        for index, (_, header, _) in enumerate(columns, start=1):
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = min(60, max(12, len(header) + 2))
            if header.startswith("Tanggal") or header.startswith("Jatuh"):
                for cell in sheet[letter][1:]:
                    cell.number_format = (
                        "yyyy-mm-dd hh:mm" if isinstance(cell.value, datetime) else "yyyy-mm-dd"
                    )
        sheet.freeze_panes = "B2"
        book.save(path)


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value

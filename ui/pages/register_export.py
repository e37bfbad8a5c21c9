"""Write the register view the officer is looking at to CSV or XLSX.

Why here and not in a service: there is no ``app/services/export.py`` yet; this writes exactly the columns and
order on screen (the same cell text as the table), reading the rows with ``RegisterQuery.all_rows`` in chunks.
It runs off the GUI thread (called through ``ui.models.jobs.submit``) and imports no widgets.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path

from app.services.context import Actor
from app.services.register_query import RegisterFilter, RegisterQuery, RegisterRow
from ui.models.register_model import cell_text


def export_register(
    path: Path,
    query: RegisterQuery,
    actor: Actor,
    flt: RegisterFilter,
    *,
    columns: Sequence[str],
    headers: dict[str, str],
    order_by: str,
    descending: bool,
    remaining: Callable[[RegisterRow], str] = lambda _row: "",
) -> int:
    """Write every row matching ``flt`` (in the on-screen order) to ``path``; returns the number of rows."""
    rows = query.all_rows(actor, flt, order_by=order_by, descending=descending)
    table = [[headers[key] for key in columns]]
    for row in rows:
        extra = remaining(row) if "remaining" in columns else ""
        table.append([cell_text(row, key, extra) for key in columns])
    if path.suffix.lower() == ".xlsx":
        _write_xlsx(path, table)
    else:
        # utf-8-sig so that Excel on an Indonesian Windows opens the names with their accents intact
        with path.open("w", newline="", encoding="utf-8-sig") as handle:
            csv.writer(handle).writerows(table)
    return len(rows)


def _write_xlsx(path: Path, table: list[list[str]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=False)
    sheet = book.active
    assert sheet is not None
    sheet.title = "Register Permohonan"
    for line in table:
        sheet.append(line)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index, header in enumerate(table[0], start=1):
        width = max([len(header)] + [len(line[index - 1]) for line in table[1:200]])
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = min(60, width + 2)
    book.save(path)

"""Tables of records, set up alike on every screen.

Why one helper: every list of records on the desk is read-only, selects whole rows, shows no row numbers and
has a name a screen reader announces; set up by hand on each screen, one of them ends up editable or nameless.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QTableWidget


def record_table(
    headers: Sequence[str], name: str, *, single: bool = True, fit: bool = False
) -> QTableWidget:
    """A read-only table with ``headers`` and accessible name ``name``; ``single``: one row at a time;
    ``fit``: columns as wide as their contents. The last column takes the remaining width."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    if fit:
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fit_column(table: QTableView, column: int, texts: Iterable[str], at_least: int = 0) -> int:
    """Make ``column`` wide enough for the longest of ``texts`` (every value the column can show, e.g. every
    status label) and its header, in the table's font; returns the width.

    Why from the texts, not a number of pixels: a width tuned for one font, language and scaling cut
    "Pemberitahuan tertulis dikirim" to "Pemberitahuan tertulis diki…" on another. The cell's margins are
    the style's own (the focus frame on each side, as the item delegate draws them)."""
    metrics = table.fontMetrics()
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    header = table.horizontalHeader()
    title = table.model().headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    heading = header.fontMetrics().horizontalAdvance(str(title or "")) + 2 * margin + 16  # + sort arrow
    width = max([at_least, heading, *(metrics.horizontalAdvance(text) + margin + 4 for text in texts)])
    table.setColumnWidth(column, width)
    return width

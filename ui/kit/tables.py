"""Tables of records, set up alike on every screen.

Why one helper: every list of records on the desk is read-only, selects whole rows, shows no row numbers and
has a name a screen reader announces; set up by hand on each screen, one of them ends up editable or nameless.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QTextLayout, QTextOption
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


def wrap_rows(table: QTableView) -> None:
    """Cells wrap their text (at words, or inside a word longer than the line) and every row is as tall as its
    wrapped text, measured at the width the cell's text is painted in and again whenever a column's width or
    the data changes; the table never scrolls sideways.

    Why not Qt's ``ResizeToContents`` rows: Qt measures a row only when its data changes (a column narrowed by
    a smaller window kept its old height) and at the cell's whole width, while the text is painted inside the
    focus frame's margins, so a wrapped cell could need one line more than its row had."""
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    again = QTimer(table)
    again.setSingleShot(True)
    again.setInterval(0)
    again.timeout.connect(lambda: fit_rows(table))
    table.horizontalHeader().sectionResized.connect(lambda *_: again.start())
    model = table.model()
    for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
        signal.connect(lambda *_: again.start())


def text_height(font: QFont, text: str, width: int) -> float:
    """The height ``text`` takes wrapped into ``width`` as an item view wraps it."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    height = 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        height += line.height()
    layout.endLayout()
    return height


def fit_rows(table: QTableView) -> None:
    """Every row as tall as its most wrapped cell at the width its text is painted in (``wrap_rows``)."""
    model, font = table.model(), table.font()
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    least = table.verticalHeader().defaultSectionSize()
    widths = [table.columnWidth(column) - margin for column in range(model.columnCount())]
    for row in range(model.rowCount()):
        texts = (str(model.index(row, column).data() or "") for column in range(len(widths)))
        needed = max(
            (text_height(font, text, width) for text, width in zip(texts, widths, strict=True)), default=0
        )
        table.setRowHeight(row, max(least, math.ceil(needed) + margin))

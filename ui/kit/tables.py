"""Tables of records, set up alike on every screen.

Why one helper: every list of records on the desk is read-only, selects whole rows, shows no row numbers and
has a name a screen reader announces; set up by hand on each screen, one of them ends up editable or nameless.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget


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

"""RegisterTableModel: the Register Permohonan as a lazy, windowed Qt table model.

Why windowed: an office register reaches 100,000 requests. The model asks the service only for the number of
matching rows (``RegisterQuery.count``) and for the pages the view actually paints (``rows(offset, limit)``),
keeps at most ``max_pages`` pages in memory and drops the least recently used ones. A new filter or sort is
fetched off the GUI thread (``ui.kit.tasks.submit``); the model swaps in the result in one reset, and results
of a superseded filter are ignored (generation counter), so typing fast never shows a stale list.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.domain.calendar import WorkingCalendar
from app.domain.deadlines import remaining_working_days
from app.domain.formatting import rupiah
from app.domain.lifecycle import PASAL_17
from app.services.context import Actor
from app.services.record_fields import register_fields, screen_columns
from app.services.register_query import SORTABLE, RegisterFilter, RegisterQuery, RegisterRow
from ui.kit.columns import screen_headers
from ui.kit.dates import show_date, show_moment
from ui.kit.tasks import submit
from ui.kit.terms import remaining, term

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = int(Qt.ItemDataRole.UserRole.value) + 1  # the whole RegisterRow
NUMBER_ROLE = int(Qt.ItemDataRole.UserRole.value) + 2  # the registration number (what request_opened carries)
OVERDUE_BG = QColor("#fde2e1")
OVERDUE_FG = QColor("#9b1c1c")
_OVERDUE_BG_BRUSH = QBrush(OVERDUE_BG)
_OVERDUE_FG_BRUSH = QBrush(OVERDUE_FG)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ACCESSIBLE, _BACKGROUND, _FOREGROUND, ROW_ROLE, NUMBER_ROLE})

#: The register's columns that are fields of the field tables, by their register key (``requester_kind`` is the
#: requester's ``kind``): a code among them reads as the text the table gives it (``options``).
_FIELDS = register_fields()


@dataclass(frozen=True)
class Column:
    key: str
    sort_key: str | None  # RegisterQuery SORTABLE key, None when the column cannot be sorted
    default_visible: bool


def _columns() -> tuple[Column, ...]:
    """The screen's columns: the fields the field table puts on screen, in the Register Permohonan's order
    (domain §4.1, the export's), with the working days left beside the deadline."""
    out = []
    for key, spec in screen_columns("request").items():
        assert spec.screen is not None
        out.append(Column(key, key if key in SORTABLE else None, spec.screen.shown))
        if key == "due":
            out.append(Column("remaining", "due", True))
    return tuple(out)


COLUMNS: tuple[Column, ...] = _columns()


def column_headers() -> dict[str, str]:
    """Headers follow the paper Register Permohonan (domain §4.1) plus the desk's own columns."""
    return {
        **screen_headers("request"),
        "remaining": QCoreApplication.translate("RegisterTableModel", "Sisa Waktu"),
    }


def _d(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return show_moment(value) if isinstance(value, datetime) else show_date(value)


def cell_text(row: RegisterRow, key: str, remaining: str = "") -> str:
    """Plain text of one cell, a code as its label in the interface's language (``ui.kit.terms``); also what
    CSV/XLSX export writes, so the file matches the screen."""
    if key == "received_at":
        return _d(row.received_at)
    if key in ("decided_at", "delivered_at", "completed_at", "due"):
        return _d(getattr(row, key))
    spec = _FIELDS.get(key)
    if spec is not None and spec.options is not None:
        code = getattr(row, key)
        return term(spec.options.get(code, code)) if code else ""
    if key == "info_held":
        if row.info_held is None:
            return ""
        return (
            QCoreApplication.translate("RegisterTableModel", "Ya")
            if row.info_held
            else QCoreApplication.translate("RegisterTableModel", "Tidak")
            + (f" ({row.holder_body})" if row.holder_body else "")
        )
    if key == "rejection_article":
        if not row.rejection_article:
            return ""
        reason = PASAL_17.get(row.rejection_article, "")
        return QCoreApplication.translate("RegisterTableModel", "Pasal 17 huruf {0}").format(
            row.rejection_article
        ) + (f": {reason}" if reason else "")
    if key == "cost_total":
        return rupiah(int(row.costs.get("total", 0))) if row.costs else ""
    if key == "remaining":
        return remaining
    value = getattr(row, key)
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Snapshot:
    """What one filter/sort fetch brings back: the total and the first page."""

    generation: int
    total: int
    first_page: list[RegisterRow]


class RegisterTableModel(QAbstractTableModel):
    """Lazy model of the register. ``set_filter``/``sort`` refetch; pages load on demand while scrolling.

    Signals:
        loading_changed(bool): a filter/sort fetch started (True) or finished (False).
        total_changed(int): the number of matching requests after a fetch.
        failed(str): a fetch failed; the Indonesian message to show.
    """

    loading_changed = Signal(bool)
    total_changed = Signal(int)
    failed = Signal(str)

    def __init__(
        self,
        query: RegisterQuery,
        actor: Actor,
        *,
        page_size: int = 50,
        max_pages: int = 40,
        background: bool = True,
        calendar: WorkingCalendar | None = None,
        today: Callable[[], date] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._query = query
        self._actor = actor
        self._page_size = page_size
        self._max_pages = max_pages
        self._background = background
        self._calendar = calendar
        self._today = today or query.today  # the desk's clock, never the PC's
        self._contacts = (
            False  # full contacts are read (and their view recorded) only while their column shows
        )
        self._filter = RegisterFilter()
        self._order_by = "received_at"
        self._descending = True
        self._sort_column = COLUMNS.index(next(c for c in COLUMNS if c.key == "received_at"))
        self._total = 0
        self._pages: OrderedDict[int, list[RegisterRow]] = OrderedDict()
        self._cells: dict[int, list[str | None]] = {}
        self._pending_pages: set[int] = set()
        self._remaining: dict[tuple[date, date], str] = {}
        self._generation = 0
        self._loading = False
        self._headers = column_headers()
        self.page_fetches = 0  # how many row pages were read (tests check laziness with it)

    # --- state ------------------------------------------------------------------------------------------

    @property
    def filter(self) -> RegisterFilter:
        return self._filter

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def total(self) -> int:
        return self._total

    @property
    def order(self) -> tuple[str, bool]:
        return self._order_by, self._descending

    def cached_pages(self) -> list[int]:
        return list(self._pages)

    def set_filter(self, flt: RegisterFilter) -> None:
        self._filter = flt
        self.reload()

    def set_contacts(self, shown: bool) -> None:
        """Whether the contact column shows: only then does a page read full telephone numbers and e-mails
        for a reader who may see them, recording that view once per page read (showing the column is the
        deliberate act; drawing, scrolling back to a cached page or sorting the hidden column is not)."""
        if shown != self._contacts:
            self._contacts = shown
            self.reload()

    def set_calendar(self, calendar: WorkingCalendar | None) -> None:
        self._calendar = calendar
        self._remaining.clear()

    def reload(self) -> None:
        """Refetch count and first page for the current filter and order (off the GUI thread)."""
        self._generation += 1
        generation = self._generation
        flt = self._filter if self._filter.today else replace(self._filter, today=self._today())
        order_by, descending, size = self._order_by, self._descending, self._page_size
        query, actor, contacts = self._query, self._actor, self._contacts

        def fetch() -> Snapshot:
            total = query.count(actor, flt)
            first = query.rows(
                actor, flt, offset=0, limit=size, order_by=order_by, descending=descending, contacts=contacts
            )
            return Snapshot(generation, total, first)

        self._set_loading(True)
        submit(fetch, self._apply, self._fail, background=self._background)

    def _apply(self, snapshot: Snapshot) -> None:
        if snapshot.generation != self._generation:
            return  # a newer filter is on its way; this result is stale
        self.beginResetModel()
        self._total = snapshot.total
        self._pages.clear()
        self._cells.clear()
        self._pending_pages.clear()
        self._pages[0] = snapshot.first_page
        self.endResetModel()
        self._set_loading(False)
        self.total_changed.emit(self._total)

    def _fail(self, exc: BaseException) -> None:
        self._set_loading(False)
        self.failed.emit(
            str(exc) or QCoreApplication.translate("RegisterTableModel", "Register tidak dapat dibaca.")
        )

    def _set_loading(self, value: bool) -> None:
        if value != self._loading:
            self._loading = value
            self.loading_changed.emit(value)

    def _page(self, number: int) -> list[RegisterRow] | None:
        """One page of rows from the LRU cache, or None while it is being read.

        In background mode a missing page is read on a worker thread (a deep OFFSET on a big register can
        take far longer than a frame) and the rows appear with ``dataChanged``; inline mode reads it now.
        """
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        if number in self._pending_pages:
            return None
        flt = self._filter if self._filter.today else replace(self._filter, today=self._today())
        query, actor, generation, contacts = self._query, self._actor, self._generation, self._contacts
        offset, size, order_by, descending = (
            number * self._page_size,
            self._page_size,
            self._order_by,
            self._descending,
        )

        def fetch() -> tuple[int, int, list[RegisterRow]]:
            rows = query.rows(
                actor,
                flt,
                offset=offset,
                limit=size,
                order_by=order_by,
                descending=descending,
                contacts=contacts,
            )
            return generation, number, rows

        self._pending_pages.add(number)
        submit(fetch, self._page_arrived, self._page_failed, background=self._background)
        return self._pages.get(number)  # inline mode: already there

    def _page_arrived(self, result: tuple[int, int, list[RegisterRow]]) -> None:
        generation, number, rows = result
        self._pending_pages.discard(number)
        if generation != self._generation:
            return  # the filter or order changed meanwhile
        self.page_fetches += 1
        self._pages[number] = rows
        while len(self._pages) > self._max_pages:
            dropped, _rows = self._pages.popitem(last=False)
            for row_index in range(dropped * self._page_size, (dropped + 1) * self._page_size):
                self._cells.pop(row_index, None)
        first = number * self._page_size
        last = min(first + self._page_size, self._total) - 1
        if self._background and last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def _page_failed(self, exc: BaseException) -> None:
        self._pending_pages.clear()
        self._fail(exc)

    def row_at(self, row: int) -> RegisterRow | None:
        if not 0 <= row < self._total:
            return None
        page = self._page(row // self._page_size)
        if page is None:
            return None
        offset = row % self._page_size
        return page[offset] if offset < len(page) else None

    # --- Qt model API -----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[COLUMNS[section].key]
            if role == Qt.ItemDataRole.UserRole:
                return COLUMNS[section].key
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def remaining_text(self, row: RegisterRow) -> str:
        """ "sisa N hari kerja" for the row's deadline; memoised per (today, due date) because counting working
        days takes milliseconds and a screenful of rows shares a handful of due dates."""
        if row.due is None or self._calendar is None:
            return ""
        key = (self._today(), row.due)
        text = self._remaining.get(key)
        if text is None:
            text = self._remaining[key] = remaining(remaining_working_days(self._calendar, key[0], key[1]))
        return text

    def _text(self, row_index: int, row: RegisterRow, column: int) -> str:
        """Cell text, computed once per row and column while the row's page is cached (a repaint asks
        for every visible cell several times, so formatting once keeps scrolling smooth)."""
        cells = self._cells.get(row_index)
        if cells is None:
            cells = self._cells[row_index] = [None] * len(COLUMNS)
        text = cells[column]
        if text is None:
            key = COLUMNS[column].key
            text = cells[column] = cell_text(row, key, self.remaining_text(row) if key == "remaining" else "")
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        row_index = index.row()
        row = self.row_at(row_index)
        if row is None:
            if role == _DISPLAY and index.column() == 0 and 0 <= row_index < self._total:
                return QCoreApplication.translate("RegisterTableModel", "memuat…")
            return None
        if role == _DISPLAY:
            return self._text(row_index, row, index.column())
        if role == _BACKGROUND:
            return _OVERDUE_BG_BRUSH if row.overdue else None
        if role == _FOREGROUND:
            return _OVERDUE_FG_BRUSH if row.overdue else None
        if role == _TOOLTIP:
            text = self._text(row_index, row, index.column())
            if row.overdue:
                return (
                    QCoreApplication.translate(
                        "RegisterTableModel", "Terlambat: lewat jatuh tempo {0}"
                    ).format(_d(row.due))
                    + "\n"
                    + text
                )
            return text
        if role == _ACCESSIBLE:
            text = self._text(row_index, row, index.column())
            return text + (
                " " + QCoreApplication.translate("RegisterTableModel", "(terlambat)") if row.overdue else ""
            )
        if role == ROW_ROLE:
            return row
        return row.number  # NUMBER_ROLE

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Server-side sort: only columns with a ``sort_key`` sort; others keep the current order."""
        if not 0 <= column < len(COLUMNS) or COLUMNS[column].sort_key is None:
            return
        self._sort_column = column
        self._order_by = COLUMNS[column].sort_key or "received_at"
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    @property
    def sort_column(self) -> int:
        return self._sort_column

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(COLUMNS) if c.key == key)

"""The report's figures as one keyboard-navigable tree, and which requests stand behind each of them.

Why the filter lives here beside the tree: a figure and the rows it counts must agree, so every request figure
carries a ``Criterion`` (a field of ``ReportRow`` and the value it counts) and ``matches`` applies it to the rows
``app/services/report_rows.py`` derived with the figures' own rules. Keberatan and sengketa figures have no
request rows behind them and are not clickable.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from app.domain.lifecycle import CHANNELS, OBJECTION_GROUNDS, PASAL_17
from app.domain.report_terms import DISPUTE_RESULTS, OBJECTION_OUTCOMES, OUTCOMES, REQUESTER_KIND_LABELS
from app.services.report_figures import Figures
from app.services.report_rows import ReportRow
from ui.kit.dates import show_month
from ui.kit.terms import terms

CRITERION_ROLE = Qt.ItemDataRole.UserRole
Criterion = tuple[str, Any]  # (what, value): "all", "month", "channel", "requester_kind", "outcome", ...


def matches(row: ReportRow, criterion: Criterion) -> bool:
    """Whether ``row`` is one of the requests the figure with ``criterion`` counts."""
    what, value = criterion
    if what == "all":
        return True
    if what == "month":
        return bool(row.received_on.strftime("%Y-%m") == value)
    if what == "on_time":
        return row.on_time is value
    if what == "extended":
        return row.extended
    return bool(getattr(row, what) == value)


def _days(value: Any) -> str:
    return "–" if value is None else f"{value}".replace(".", ",")


class FiguresView(QTreeWidget):
    """Signal ``chosen(criterion, caption)`` when a request figure is activated (Enter, click)."""

    chosen = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Angka"), self.tr("Jumlah")])
        self.setAccessibleName(self.tr("Angka laporan"))
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.header().setStretchLastSection(False)
        self.header().resizeSection(1, 90)
        self.header().setSectionResizeMode(0, self.header().ResizeMode.Stretch)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        criterion = item.data(0, CRITERION_ROLE)
        if criterion:
            self.chosen.emit(tuple(criterion), f"{item.text(0)}: {item.text(1)}")

    def item_for(self, criterion: Criterion) -> QTreeWidgetItem | None:
        """The tree's item for ``criterion`` (tests and the chart's links find figures by it)."""
        for item in self._walk(self.invisibleRootItem()):
            if item.data(0, CRITERION_ROLE) and tuple(item.data(0, CRITERION_ROLE)) == tuple(criterion):
                return item
        return None

    def _walk(self, parent: QTreeWidgetItem) -> Iterable[QTreeWidgetItem]:
        for i in range(parent.childCount()):
            child = parent.child(i)
            if child is None:
                continue
            yield child
            yield from self._walk(child)

    def _add(
        self,
        parent: QTreeWidgetItem | QTreeWidget,
        label: str,
        value: Any,
        criterion: Criterion | None = None,
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [label, str(value)])
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if criterion is not None:
            item.setData(0, CRITERION_ROLE, list(criterion))
            item.setToolTip(0, self.tr("Enter atau klik: permohonan di balik angka ini"))
        return item

    def _group(
        self, parent: QTreeWidgetItem, title: str, counts: Mapping[str, int], labels: Mapping[str, str],
        what: str | None,
    ) -> None:  # fmt: skip
        group = self._add(parent, title, sum(counts.values()))
        for key, n in counts.items():
            self._add(group, labels.get(key, key), n, (what, key) if what else None)

    def show_figures(self, figures: Figures) -> None:
        self.clear()
        req, obj, dis = figures.requests, figures.objections, figures.disputes
        top = self._add(self, self.tr("Permohonan informasi"), req["total"], ("all", ""))
        months = {key: show_month(date(int(key[:4]), int(key[5:]), 1)) for key in req["by_month"]}
        self._group(top, self.tr("Per bulan"), req["by_month"], months, "month")
        self._group(top, self.tr("Per saluran"), req["by_channel"], terms(CHANNELS), "channel")
        self._group(top, self.tr("Per jenis pemohon"), req["by_requester_kind"], terms(REQUESTER_KIND_LABELS),
                    "requester_kind")  # fmt: skip
        self._group(top, self.tr("Per hasil"), req["by_outcome"], terms(OUTCOMES), "outcome")
        articles = {key: f"Pasal 17 huruf {key}" for key in PASAL_17}
        self._group(top, self.tr("Penolakan per pasal"), req["rejections_by_article"], articles,
                    "rejection_article")  # fmt: skip
        self._add(top, self.tr("Diperpanjang"), req["extended"], ("extended", True))
        self._add(top, self.tr("Dijawab tepat waktu"), req["on_time"], ("on_time", True))
        self._add(top, self.tr("Dijawab terlambat"), req["late"], ("on_time", False))
        days = req["response_working_days"]
        time = self._add(top, self.tr("Waktu jawaban (hari kerja)"), req.get("answered", ""))
        self._add(time, self.tr("Rata-rata"), _days(days["mean"]))
        self._add(time, self.tr("Median"), _days(days["median"]))
        self._add(time, self.tr("Paling lama"), _days(days["max"]))
        objections = self._add(self, self.tr("Keberatan"), obj["total"])
        grounds = {key: f"Huruf {key}: {text}" for key, text in OBJECTION_GROUNDS.items()}
        self._group(objections, self.tr("Per alasan"), obj["by_ground"], grounds, None)
        self._group(
            objections,
            self.tr("Per putusan Atasan PPID"),
            obj["by_decision"],
            terms(OBJECTION_OUTCOMES),
            None,
        )
        self._add(objections, self.tr("Diajukan terlambat"), obj["late_filings"])
        disputes = self._add(self, self.tr("Sengketa informasi"), dis["total"])
        self._group(disputes, self.tr("Per hasil"), dis["by_outcome"], terms(DISPUTE_RESULTS), None)
        top.setExpanded(True)
        self.setCurrentItem(top)

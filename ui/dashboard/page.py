"""The dashboard: what needs attention today, each item one Enter away from its request.

Sections: today's intake, due within 3 working days, overdue (red), waiting for the requester to complete,
open keberatan, and requests per month. Everything is gathered by ``DashboardService.load()`` (the rules live
in ``app/services/dashboard.py``) on a worker thread; until it arrives the page shows "Memuat…" and stays
responsive. ``refresh()`` reloads (the main window calls it after an intake and when the page is shown again).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

import shiboken6
from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.services.changes import Changes
from app.services.dashboard import DashboardData, DashboardService, Item, Section
from ui.kit.crash import user_message
from ui.kit.dates import show_date, show_day, show_month
from ui.kit.page import Page
from ui.kit.style import ACCENT, DUE_SOON, MUTED, OVERDUE, WAITING, error_label, icon, set_role
from ui.kit.tasks import run_in_background

NUMBER_ROLE = Qt.ItemDataRole.UserRole
REFRESH_MS = 5 * 60_000


class SectionCard(QFrame):
    """A titled list with a count; Enter or double-click on a line emits ``opened(number)``."""

    opened = Signal(str)

    def __init__(
        self, key: str, title: str, icon_name: str, color: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"card_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.color = color
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        badge = QLabel()
        badge.setPixmap(icon(icon_name, color).pixmap(22, 22))
        self.title = QLabel(title)
        self.title.setWordWrap(
            True
        )  # a narrow card (125 %, English) puts its title on two lines, never cuts it
        set_role(self.title, "section")
        self.count = QLabel("…")
        self.count.setObjectName("count")
        self.count.setStyleSheet(f"color: {color}; font-size: 18pt; font-weight: bold;")
        header.addWidget(badge)
        header.addWidget(self.title, 1)
        header.addWidget(self.count)
        layout.addLayout(header)
        self.list = QListWidget()
        self.list.setAccessibleName(title)
        self.list.setObjectName(f"list_{key}")
        self.list.setMinimumHeight(110)
        # a line longer than a narrow card (150 %, English) wraps rather than losing its name or its days
        # ("CPJ/2026/A-0286 — Dedi Nugr…", "219 working day…"): rows as tall as their text, laid out again
        # whenever the card's width changes
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self._activated)
        layout.addWidget(self.list)
        self.empty_text = self.tr("Tidak ada.")

    def _activated(self, item: QListWidgetItem) -> None:
        number = item.data(NUMBER_ROLE)
        if number:
            self.opened.emit(number)

    def show_loading(self) -> None:
        self.count.setText("…")
        self.list.clear()
        self.list.addItem(self.tr("Memuat…"))

    def show_section(self, section: Section, describe: object) -> None:
        self.count.setText(str(section.count))
        self.list.clear()
        for entry in section.items:
            text = describe(entry)  # type: ignore[operator]
            line = QListWidgetItem(text)
            line.setData(NUMBER_ROLE, entry.number)
            line.setToolTip(entry.detail)
            if entry.remaining is not None and entry.remaining < 0:
                line.setForeground(QBrush(QColor(OVERDUE)))
            self.list.addItem(line)
        if not section.items:
            placeholder = QListWidgetItem(self.empty_text)
            placeholder.setForeground(QBrush(QColor(MUTED)))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(placeholder)
        elif section.count > len(section.items):
            more = QListWidgetItem(
                self.tr("… dan %1 lainnya (lihat Register)").replace(
                    "%1", str(section.count - len(section.items))
                )
            )
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(more)


class MonthChart(QWidget):
    """Requests received per month, as plain bars (cheaper to start than QtCharts, and crisp when scaled).
    ``clicked()`` when it is clicked (the dashboard links it to the Laporan page)."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.values: list[tuple[date, int]] = []
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Grafik permohonan per bulan"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(360, 180)

    def set_values(self, values: list[tuple[date, int]]) -> None:
        self.values = values
        self.setAccessibleDescription("; ".join(f"{show_month(d)}: {n}" for d, n in values))
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if not self.values:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        label_h = metrics.height() + 4
        top, bottom = label_h, self.height() - label_h - 2
        biggest = max(n for _, n in self.values) or 1
        slot = self.width() / len(self.values)
        for i, (month, count) in enumerate(self.values):
            x = i * slot
            bar_h = (bottom - top) * count / biggest
            painter.fillRect(QRectF(x + slot * 0.15, bottom - bar_h, slot * 0.7, bar_h), QColor(ACCENT))
            painter.setPen(QColor("#202124"))
            painter.drawText(
                QRectF(x, bottom - bar_h - label_h, slot, label_h), Qt.AlignmentFlag.AlignCenter, str(count)
            )
            painter.setPen(QColor(MUTED))
            name = show_month(month, axis=True)
            painter.drawText(QRectF(x, bottom + 2, slot, label_h), Qt.AlignmentFlag.AlignCenter, name)
        painter.end()


class DashboardPage(Page):
    loaded = Signal()

    def __init__(self, dashboard: Callable[[], DashboardService], parent: QWidget | None = None) -> None:
        """No user: the dashboard is the office's, the same for every role (``DashboardService``), so the
        session builds it, and it loads, while the officer is still typing at the login (ui/shell/session.py)."""
        super().__init__(parent)
        self.dashboard = dashboard  # built on the first load, off the GUI thread
        self.data: DashboardData | None = None
        self.loaded_at: float | None = None  # time.monotonic() when the shown data were read
        self.loading = False
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel(self.tr("Dasbor"))
        set_role(self.heading, "title")
        self.date_label = QLabel()
        set_role(self.date_label, "hint")
        self.refresh_button = QPushButton(icon("refresh"), self.tr("&Muat ulang"))
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.heading)
        top.addWidget(self.date_label, 1)
        top.addWidget(self.refresh_button)
        outer.addLayout(top)
        self.error = error_label()
        outer.addWidget(self.error)
        grid = QGridLayout()
        self.cards = {
            "today": SectionCard("today", self.tr("Diterima hari ini"), "today", ACCENT),
            "due_soon": SectionCard("due_soon", self.tr("Jatuh tempo ≤ 3 hari kerja"), "due", DUE_SOON),
            "overdue": SectionCard("overdue", self.tr("Terlambat"), "overdue", OVERDUE),
            "waiting": SectionCard("waiting", self.tr("Menunggu pemohon melengkapi"), "waiting", WAITING),
            "objections": SectionCard("objections", self.tr("Keberatan terbuka"), "objections", ACCENT),
        }
        positions = {
            "today": (0, 0),
            "due_soon": (0, 1),
            "overdue": (0, 2),
            "waiting": (1, 0),
            "objections": (1, 1),
        }
        for key, card in self.cards.items():
            grid.addWidget(card, *positions[key])
            signal = self.objection_opened if key == "objections" else self.request_opened
            card.opened.connect(signal)
        chart_box = QFrame()
        chart_box.setFrameShape(QFrame.Shape.StyledPanel)
        chart_layout = QVBoxLayout(chart_box)
        chart_head = QHBoxLayout()
        chart_title = QLabel(self.tr("Permohonan per bulan"))
        chart_title.setWordWrap(True)
        set_role(chart_title, "section")
        chart_head.addWidget(chart_title, 1)
        self.report_button = QPushButton(icon("report"), self.tr("L&aporan…"))
        self.report_button.setToolTip(self.tr("Buka halaman Laporan (angka, grafik, narasi, ekspor)"))
        self.report_button.clicked.connect(self.open_reports)
        chart_head.addWidget(self.report_button)
        chart_layout.addLayout(chart_head)
        self.chart = MonthChart()
        self.chart.clicked.connect(self.open_reports)
        chart_layout.addWidget(self.chart, 1)
        grid.addWidget(chart_box, 1, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        outer.addLayout(grid, 1)
        # Other desks and the clock move on: reload every few minutes while the dashboard is on screen.
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.refresh()

    def open_reports(self) -> None:
        """The monthly chart's link: the Laporan page, where the months' requests and the report are."""
        self.page_requested.emit("reports", "")

    def _tick(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Reload in the background; a request while a load is in flight joins it (the window asks for a
        refresh when the page is shown, often moments after the page started its own first load)."""
        if self.loading:
            return
        self.loading = True
        for card in self.cards.values():
            card.show_loading()
        dashboard = self.dashboard
        run_in_background(lambda: (time.monotonic(), dashboard().load()), self._loaded, self._failed)

    def shown(self) -> None:
        self.refresh()

    def apply_changes(self, changes: Changes) -> None:
        """Read again only while on top; the window refreshes the dashboard whenever it is shown."""
        if changes.any_records and self.on_top():
            self.refresh()

    def refresh_if_older_than(self, seconds: float) -> None:
        """Reload unless the data shown (or being read) are younger than ``seconds``."""
        if self.loading or (self.loaded_at is not None and time.monotonic() - self.loaded_at < seconds):
            return
        self.refresh()

    def _loaded(self, result: tuple[float, DashboardData]) -> None:
        if not shiboken6.isValid(self):  # the window closed while the dashboard was being read
            return
        self.loaded_at = result[0]
        self._show(result[1])

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.loading = False
        self.error.setText(self.tr("Dasbor tidak dapat dimuat: ") + user_message(exc))
        self.error.show()

    def remaining_text(self, remaining: int | None, due: date | None) -> str:
        if remaining is None or due is None:
            return ""
        when = show_date(due)
        if remaining > 0:
            return self.tr("%1, sisa %2 hari kerja").replace("%1", when).replace("%2", str(remaining))
        if remaining == 0:
            return self.tr("%1, jatuh tempo hari ini").replace("%1", when)
        return self.tr("%1, terlambat %2 hari kerja").replace("%1", when).replace("%2", str(-remaining))

    def _describe(self, entry: Item) -> str:
        tail = self.remaining_text(entry.remaining, entry.due)
        return f"{entry.number} — {entry.name}" + (f"\n{tail}" if tail else "")

    def _show(self, data: DashboardData) -> None:
        self.loading = False
        self.data = data
        self.error.hide()
        self.date_label.setText(show_day(data.today))
        sections = {
            "today": data.received_today,
            "due_soon": data.due_soon,
            "overdue": data.overdue,
            "waiting": data.waiting,
        }
        for key, section in sections.items():
            self.cards[key].show_section(section, self._describe)
        self.cards["objections"].show_section(data.objections, self._describe_objection)
        self.chart.set_values(data.per_month)
        self.loaded.emit()

    def _describe_objection(self, entry: Item) -> str:
        tail = self.remaining_text(entry.remaining, entry.due)
        text = self.tr("%1 (permohonan %2)").replace("%1", entry.number).replace("%2", entry.name)
        return text + (f"\n{tail}" if tail else "")

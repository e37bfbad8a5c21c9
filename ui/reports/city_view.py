"""The *Per kantor* tab of the Laporan page on PPID Utama's desk: a line per office (requests, answered, on time,
late, past the deadline, keberatan) and its desks that have gone quiet, from ``CityReport``.

Offices behind (a late answer or a request past its deadline) are in bold and sorted first, so the city PPID
sees whom to call; the desk list's date says how fresh the sync information is.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from app.domain.formatting import format_date, format_time
from app.services.city_report import CityReport, DeskLine, OfficeLine
from ui.kit.style import set_role
from ui.kit.tables import record_table


def _desk_text(desk: DeskLine, never: str, days: str) -> str:
    if desk.last_seen is None:
        return f"{desk.letter}: {never}"
    return f"{desk.letter}: {days.replace('%1', str(desk.days_quiet))}"


class CityView(QWidget):
    """Read-only; ``show_city`` fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        self.caption = QLabel()
        set_role(self.caption, "hint")
        self.caption.setWordWrap(True)
        box.addWidget(self.caption)
        headers = [self.tr("Kantor"), self.tr("Permohonan"), self.tr("Dijawab"), self.tr("Tepat waktu"),
                   self.tr("Terlambat"), self.tr("Lewat tenggat"), self.tr("Keberatan"),
                   self.tr("Meja tidak aktif")]  # fmt: skip
        self.table = record_table(headers, self.tr("Rincian per kantor"), fit=True)
        box.addWidget(self.table, 1)

    def show_city(self, city: CityReport) -> None:
        lines = sorted(city.offices, key=lambda line: (not line.behind, line.code))
        self.table.setRowCount(len(lines))
        for i, line in enumerate(lines):
            for column, text in enumerate(self._cells(line)):
                item = QTableWidgetItem(text)
                if line.behind:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(i, column, item)
        behind = sum(1 for line in lines if line.behind)
        if city.desks_as_of:
            moment = datetime.fromisoformat(city.desks_as_of)
            when = f"{format_date(moment.date())} {format_time(moment)}"
            fresh = self.tr("Keadaan meja menurut daftar dari server kota pada %1.").replace("%1", when)
        else:
            fresh = self.tr("Daftar meja belum pernah diambil dari server kota.")
        self.caption.setText(
            self.tr("%1 kantor, %2 perlu perhatian (tercetak tebal).").replace("%1", str(len(lines)))
            .replace("%2", str(behind)) + " " + fresh
        )  # fmt: skip

    def _cells(self, line: OfficeLine) -> list[str]:
        quiet = [d for d in line.desks if d.quiet]
        never, days = self.tr("belum pernah"), self.tr("%1 hari")
        name = line.name if line.name == line.code else f"{line.name} ({line.code})"
        numbers = (line.requests, line.answered, line.on_time, line.late, line.overdue, line.objections)
        return [name, *(str(n) for n in numbers), ", ".join(_desk_text(d, never, days) for d in quiet) or "-"]

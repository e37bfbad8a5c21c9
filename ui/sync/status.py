"""What the officer sees of sync without opening a page: the status-bar button and the clock banner.

The status bar always answers "is my work at the city yet?": the last successful sync (relative, the exact
time in the tooltip), how many operations still wait, how many conflicts wait for a supervisor, and after a
failed attempt the plain reason (``app/sync/messages.py``). Clicking it opens the Sinkronisasi page.

The banner appears when the last sync found the desk's clock more than five minutes off the city server's:
wrong dates would go on receipts and move every deadline, so it says both times, what to do, and that new
registration numbers wait for the officer to confirm the date (the intake form asks; see
``ClockCheck.require_confirmed``). The next sync that finds the clock right removes it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.sync.messages import CONTEXT, REASONS, Reason, reason
from ui.kit.dates import show_moment
from ui.kit.style import icon

if TYPE_CHECKING:
    from app.services.clock_check import ClockStatus
    from ui.sync.worker import SyncSnapshot


def translated(found: Reason) -> tuple[str, str]:
    """(summary, remedy) of a reason in the interface language."""
    return (
        QCoreApplication.translate(CONTEXT, found.summary),
        QCoreApplication.translate(CONTEXT, found.remedy),
    )


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def absolute(moment: datetime) -> str:
    return show_moment(moment)


def relative(moment: datetime | None, now: datetime) -> str:
    """ "5 menit lalu" style; the exact time when the clock went backwards."""
    if moment is None:
        return QCoreApplication.translate("SyncStatus", "belum pernah")
    delta = now - moment
    if delta < timedelta(0):
        return absolute(moment)
    if delta < timedelta(minutes=1):
        return QCoreApplication.translate("SyncStatus", "baru saja")
    if delta < timedelta(hours=1):
        return QCoreApplication.translate("SyncStatus", "%1 menit lalu").replace(
            "%1", str(int(delta.total_seconds() // 60))
        )
    if delta < timedelta(days=1):
        return QCoreApplication.translate("SyncStatus", "%1 jam lalu").replace(
            "%1", str(int(delta.total_seconds() // 3600))
        )
    return QCoreApplication.translate("SyncStatus", "%1 hari lalu").replace("%1", str(delta.days))


def amount(seconds: float) -> str:
    """A clock difference in the largest unit that reads naturally ("sekitar 3 jam")."""
    seconds = abs(seconds)
    if seconds >= 2 * 86400:
        return QCoreApplication.translate("SyncStatus", "%1 hari").replace("%1", str(round(seconds / 86400)))
    if seconds >= 2 * 3600:
        return QCoreApplication.translate("SyncStatus", "%1 jam").replace("%1", str(round(seconds / 3600)))
    return QCoreApplication.translate("SyncStatus", "%1 menit").replace(
        "%1", str(max(1, round(seconds / 60)))
    )


class SyncStatusButton(QPushButton):
    """The permanent status-bar item; ``clicked`` opens the Sinkronisasi page."""

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.now = now
        self.snapshot: SyncSnapshot | None = None
        self.busy = False
        self.setFlat(True)
        self.setIcon(icon("mdi6.sync"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("Status sinkronisasi"))
        self.setText(self.tr("Sinkronisasi: membaca keadaan…"))
        self.timer = QTimer(self)
        self.timer.setInterval(30_000)  # "5 menit lalu" keeps up with the clock
        self.timer.timeout.connect(self.render)
        self.timer.start()

    def show_status(self, snapshot: SyncSnapshot) -> None:
        self.snapshot = snapshot
        self.render()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.render()

    def render(self) -> None:  # type: ignore[override]  # not QWidget.render: redraws the text
        snap = self.snapshot
        if snap is None:
            return
        hint = self.tr(
            "Klik untuk membuka halaman Sinkronisasi (Ctrl+5); Ctrl+Shift+S menyinkronkan sekarang."
        )
        waiting = self.tr("Operasi menunggu dikirim: %1").replace("%1", str(snap.pending))
        if not snap.enrolled:  # what waits is still worth knowing: it all goes once the desk is enrolled
            summary, remedy = translated(REASONS["not_enrolled"])
            text = self.tr("Sinkronisasi: %1 · %2 menunggu").replace("%1", summary.lower())
            self._show(text.replace("%2", str(snap.pending)), f"{remedy}\n{waiting}\n{hint}", "")
            return
        last = parse_time(snap.last_success)
        counts = self.tr("%1 menunggu · %2 konflik").replace("%1", str(snap.pending))
        counts = counts.replace("%2", str(snap.open_conflicts))
        tip = [
            self.tr("Sinkron terakhir yang berhasil: %1").replace(
                "%1", absolute(last) if last else self.tr("belum pernah")
            ),
            waiting,
            self.tr("Konflik menunggu ditinjau supervisor: %1").replace("%1", str(snap.open_conflicts)),
        ]
        failed = reason(snap.error_code, snap.error_message)
        if self.busy:
            text = self.tr("Menyinkronkan… · %1").replace("%1", counts)
            colour = ""
        elif failed is not None:
            summary, remedy = translated(failed)
            text = self.tr("Sinkronisasi gagal: %1 · %2").replace("%1", summary).replace("%2", counts)
            tip.insert(0, f"{summary}. {remedy}")
            colour = "#b3261e"
        else:
            text = self.tr("Sinkron %1 · %2").replace("%1", relative(last, self.now())).replace("%2", counts)
            colour = "#8a5300" if snap.open_conflicts else ""
        tip.append(hint)
        self._show(text, "\n".join(tip), colour)

    def _show(self, text: str, tip: str, colour: str) -> None:
        self.setText(text)
        self.setToolTip(tip)
        self.setAccessibleDescription(tip)
        self.setStyleSheet(f"color: {colour}; text-align: left;" if colour else "text-align: left;")


class ClockBanner(QFrame):
    """The warning across the top of the window while the desk's clock looks wrong."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clock_banner")
        self.setStyleSheet(
            "#clock_banner { background: #fff4ce; border-bottom: 2px solid #e0a800; }"
            " #clock_banner QLabel { color: #3c2f00; }"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        sign = QLabel()
        sign.setPixmap(icon("mdi6.clock-alert-outline", "#8a5300").pixmap(28, 28))
        row.addWidget(sign, 0, Qt.AlignmentFlag.AlignTop)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.text, 1)
        self.setAccessibleName(self.tr("Peringatan jam komputer"))
        self.hide()

    def show_clock(self, status: ClockStatus | None) -> None:
        if status is None or not status.suspicious:
            self.hide()
            return
        desk_time = status.checked_at
        server_time = desk_time - timedelta(seconds=status.skew_seconds)
        direction = self.tr("lebih cepat") if status.skew_seconds > 0 else self.tr("lebih lambat")
        text = self.tr(
            "<b>Jam komputer ini %1 sekitar %2 dibanding server kota.</b> Saat sinkronisasi terakhir, "
            "komputer menunjukkan %3 sedangkan server kota %4. Betulkan tanggal dan jam komputer (di Windows: "
            "Pengaturan › Waktu &amp; bahasa › Atur waktu secara otomatis), lalu sinkronkan lagi. Sampai jam "
            "benar, setiap nomor registrasi baru menunggu petugas memastikan tanggalnya: formulir permohonan "
            "meminta Anda memeriksa waktu diterima, lalu menekan Ctrl+Enter sekali lagi."
        )
        for key, value in (("%1", direction), ("%2", amount(status.skew_seconds)),
                           ("%3", absolute(desk_time)), ("%4", absolute(server_time))):  # fmt: skip
            text = text.replace(key, value)
        self.text.setText(text)
        self.setAccessibleDescription(self.text.text())
        self.show()

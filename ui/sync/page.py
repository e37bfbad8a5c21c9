"""Sinkronisasi (sidebar, Ctrl+5, every role): where this desk stands with the city server, a button to sync
now, and the conflicts a supervisor must review.

The state comes from the window's ``SyncController`` (read off the GUI thread); failures are explained with
``app/sync/messages.py``. Conflicts are reviewed in ``ConflictsPanel`` (ui/sync/conflicts.py), embedded here;
resolving one needs a supervisor: the panel shows officers its list with the actions disabled (and the services
check again).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.permissions import Permission
from app.services.changes import Changes
from app.services.context import Actor
from app.sync.messages import REASONS, reason
from ui.kit.page import Page
from ui.kit.style import icon, set_role
from ui.sync.conflicts import ConflictsPanel
from ui.sync.controller import SyncController, SyncServices
from ui.sync.status import absolute, amount, parse_time, relative, translated

if TYPE_CHECKING:
    from app.sync.engine import SyncReport
    from ui.sync.worker import SyncSnapshot


class SyncPage(Page):
    """The desk's sync state, "Sinkronkan sekarang" and the conflicts review; a resolved conflict is broadcast
    as ``changed``, the enroll button asks for Pengaturan › Sinkronisasi (``page_requested``)."""

    def __init__(self, services: SyncServices, actor: Actor, sync: SyncController,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.actor, self.sync = services, actor, sync
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Sinkronisasi"))
        set_role(title, "title")
        layout.addWidget(title)
        top = QHBoxLayout()
        self.sync_button = QPushButton(icon("mdi6.sync"), self.tr("&Sinkronkan sekarang"))
        self.sync_button.setToolTip(self.tr("Kirim operasi yang menunggu dan tarik perubahan (Ctrl+Shift+S)"))
        self.sync_button.clicked.connect(self.sync_now)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.setAccessibleName(self.tr("Sedang menyinkronkan"))
        self.progress.hide()
        self.result = QLabel()
        self.result.setWordWrap(True)
        top.addWidget(self.sync_button)
        top.addWidget(self.progress)
        top.addWidget(self.result, 1)
        layout.addLayout(top)
        self.not_enrolled = QLabel()
        self.not_enrolled.setWordWrap(True)
        set_role(self.not_enrolled, "error")
        self.not_enrolled.hide()
        layout.addWidget(self.not_enrolled)
        self.enroll_button = QPushButton(self.tr("Buka Pengaturan › Sinkronisasi"))
        self.enroll_button.clicked.connect(lambda: self.page_requested.emit("settings", "sync"))
        self.enroll_button.hide()
        enroll_row = QHBoxLayout()
        enroll_row.addWidget(self.enroll_button)
        enroll_row.addStretch(1)
        layout.addLayout(enroll_row)
        self.details = QFormLayout()
        self.values: dict[str, QLabel] = {}
        rows = (
            ("server", self.tr("Server kota:")),
            ("office", self.tr("Kantor:")),
            ("desk_letter", self.tr("Huruf meja:")),
            ("scope", self.tr("Cakupan:")),
            ("last_success", self.tr("Sinkron terakhir berhasil:")),
            ("last_error", self.tr("Kesalahan terakhir:")),
            ("pending", self.tr("Operasi menunggu dikirim:")),
            ("conflicts", self.tr("Konflik perlu ditinjau:")),
            ("quarantined", self.tr("Data dikarantina:")),
            ("clock", self.tr("Jam komputer:")),
        )
        for key, caption in rows:
            value = QLabel("—")
            value.setObjectName(f"sync_{key}")
            value.setWordWrap(True)
            value.setAccessibleName(caption.rstrip(":"))
            self.values[key] = value
            self.details.addRow(caption, value)
        layout.addLayout(self.details)
        self.conflicts = ConflictsPanel(services.conflicts, actor)
        self.conflicts.request_opened.connect(self.request_opened)
        self.conflicts.changed.connect(self._conflict_resolved)
        layout.addWidget(self.conflicts, 1)
        sync.status_changed.connect(self.show_status)
        sync.busy_changed.connect(self._set_busy)
        sync.report_received.connect(self.show_report)
        self._set_busy(sync.busy)
        snap = sync.status()
        if snap is not None:
            self.show_status(snap)

    # --- actions -------------------------------------------------------------------------------------

    def sync_now(self) -> None:
        self.result.clear()
        self.sync.sync_now()

    def _conflict_resolved(self) -> None:
        self.sync.refresh()
        self.changed.emit(Changes.records(outbox=True))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.sync.refresh()

    # --- display -------------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.sync_button.setEnabled(not busy)
        if busy:
            self.result.setText(self.tr("Menyinkronkan…"))

    def show_report(self, report: SyncReport) -> None:
        failed = reason(report.error_code, report.error)
        if failed is None:
            text = self.tr("Selesai: %1 operasi dikirim, %2 data diterima, %3 konflik baru.")
            text = text.replace("%1", str(report.pushed)).replace("%2", str(report.pulled))
            self.result.setText(text.replace("%3", str(report.conflicts)))
            set_role(self.result, "")
        else:
            summary, remedy = translated(failed)
            self.result.setText(self.tr("Gagal: %1. %2").replace("%1", summary).replace("%2", remedy))
            set_role(self.result, "error")
        if report.conflicts or report.pulled or report.removed:
            self.conflicts.refresh()

    def show_status(self, snap: SyncSnapshot) -> None:
        v = self.values
        self.not_enrolled.setVisible(not snap.enrolled)
        self.enroll_button.setVisible(not snap.enrolled and self.actor.can(Permission.MANAGE_OFFICE))
        if not snap.enrolled:
            summary, remedy = translated(REASONS["not_enrolled"])
            self.not_enrolled.setText(f"{summary}. {remedy}")
        v["server"].setText(snap.server_url or "—")
        v["office"].setText(f"{snap.office_code} — {snap.office_name}" if snap.enrolled else "—")
        v["desk_letter"].setText(snap.desk_letter or "—")
        scope = self.tr("PPID kota: semua kantor") if snap.is_city else self.tr("Kantor sendiri")
        v["scope"].setText(scope if snap.enrolled else "—")
        last = parse_time(snap.last_success)
        v["last_success"].setText(
            f"{relative(last, self.services.calendar.now())} ({absolute(last)})"
            if last
            else self.tr("belum pernah")
        )
        failed = reason(snap.error_code, snap.error_message)
        if failed is None:
            v["last_error"].setText(self.tr("tidak ada"))
            set_role(v["last_error"], "")
        else:
            summary, remedy = translated(failed)
            v["last_error"].setText(f"{summary}. {remedy}")
            set_role(v["last_error"], "error")
        v["pending"].setText(str(snap.pending))
        v["conflicts"].setText(str(snap.open_conflicts))
        v["quarantined"].setText(self._quarantine_text(snap))
        if snap.clock is None:
            v["clock"].setText(self.tr("belum diperiksa (diperiksa saat sinkronisasi)"))
        elif snap.clock.suspicious:
            text = self.tr("berbeda %1 dengan server kota: betulkan tanggal dan jam komputer")
            v["clock"].setText(text.replace("%1", amount(snap.clock.skew_seconds)))
        else:
            v["clock"].setText(self.tr("sesuai dengan server kota"))

    def _quarantine_text(self, snap: SyncSnapshot) -> str:
        """Items pulled from the server that this desk could not store: the count and the latest few, so the
        supervisor can ask the city to correct them (the rest of the data kept syncing)."""
        if not snap.quarantined:
            return self.tr("tidak ada")
        lines = [
            self.tr("%1 data dari server tidak dapat disimpan meja ini").replace("%1", str(snap.quarantined))
        ]
        lines += [f"• {kind} {entity_id}: {why}" for kind, entity_id, why in snap.quarantined_items[:5]]
        return "\n".join(lines)

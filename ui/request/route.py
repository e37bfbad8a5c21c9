"""RouteDialog: on the city desk, forward a request to the office (kecamatan) that must handle it.

Why its own dialog rather than one more ``ActionDialog`` builder: routing is not a lifecycle action (the status
and deadlines stay; ``RoutingService`` judges it, not the transition table) and it needs the office list from
the city server, which is fetched off the GUI thread when the desk has none yet (or on "Perbarui daftar"). The
frame is the same as the action dialogs: the time it happened, save with Ctrl+Enter, the service's Indonesian
message next to its field, saving off the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.context import Actor
from app.services.routing import RouteChoice
from app.services.views import RequestView
from ui.kit.dates import moment_edit
from ui.kit.forms import FieldForm, save_row
from ui.kit.recording import RecordingFlow
from ui.kit.style import set_role
from ui.kit.tasks import submit

if TYPE_CHECKING:
    from ui.request.page import RequestServices


class RouteDialog(RecordingFlow, QDialog):
    """Route request ``number``. Signals: ``recorded(RequestView)`` after the service accepted it."""

    recorded = Signal(object)

    def __init__(
        self,
        services: RequestServices,
        actor: Actor,
        number: str,
        parent: QWidget | None = None,
        *,
        background: bool = True,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.number, self.background = services, actor, number, background
        self.result_view: RequestView | None = None
        self.choice: RouteChoice | None = None
        self._saving = False
        self._time_edited = False
        self.setWindowTitle(self.tr("Teruskan ke kantor lain — {0}").format(number))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Teruskan ke kantor lain"))
        set_role(title, "section")
        layout.addWidget(title)
        self.intro = QLabel(
            self.tr(
                "Permohonan dipindahkan ke kantor tujuan dan sampai di sana pada sinkronisasi berikutnya. "
                "Status dan tenggat tidak berubah."
            )
        )
        self.intro.setWordWrap(True)
        set_role(self.intro, "hint")
        layout.addWidget(self.intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.f = FieldForm(form)
        self.current = self.f.add("current", self.tr("Kantor saat ini:"), QLabel("–"))
        picker = QWidget()
        row = QHBoxLayout(picker)
        row.setContentsMargins(0, 0, 0, 0)
        self.office = QComboBox()
        self.office.setAccessibleName(self.tr("Kantor tujuan"))
        row.addWidget(self.office, 1)
        self.refresh_button = QToolButton()
        self.refresh_button.setText(self.tr("&Perbarui daftar"))
        self.refresh_button.setAccessibleName(self.tr("Perbarui daftar kantor dari server kota"))
        self.refresh_button.clicked.connect(lambda: self.load(refresh=True))
        row.addWidget(self.refresh_button)
        self.f.add("to_office", self.tr("Kantor &tujuan:"), picker)
        self.f.widgets["to_office"] = self.office  # errors and text_of() address the combo box itself
        self.f.labels["to_office"].setBuddy(self.office)  # Alt+T lands in the combo box
        self.reason = self.f.add("reason", self.tr("&Alasan:"), QPlainTextEdit())
        self.reason.setFixedHeight(70)
        self.at = self.f.add("at", self.tr("&Waktu diteruskan:"), moment_edit(services.calendar.now()))
        self.at.dateTimeChanged.connect(self._mark_time)
        self.general_error, self.buttons = save_row(self, layout, self.save)
        self.office.setFocus()
        self.load()

    def _mark_time(self) -> None:
        self._time_edited = True

    # --- the office list ----------------------------------------------------------------------------------

    def load(self, *, refresh: bool = False) -> None:
        """Show the offices kept on the desk; fetch them from the server first when asked or when none are kept."""
        routing, actor, number = self.services.routing(), self.actor, self.number

        def work() -> RouteChoice:
            if refresh or not routing.offices().offices:
                routing.refresh_offices()
            return routing.choices(actor, number)

        self.refresh_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        submit(work, self._loaded, self._load_failed, background=self.background)

    def _loaded(self, choice: RouteChoice) -> None:
        untouched = not self.has_unsaved()  # the list filling in is not the officer's input (DiscardGuard)
        self.choice = choice
        self.refresh_button.setEnabled(True)
        self.current.setText(f"{choice.current.name} ({choice.current.code})")
        chosen = self.office.currentData()
        self.office.clear()
        for office in choice.targets:
            self.office.addItem(f"{office.name} ({office.code})", office.code)
        if chosen is not None:
            self.office.setCurrentIndex(max(0, self.office.findData(chosen)))
        when = choice.fetched_at.replace("T", " ") if choice.fetched_at else self.tr("belum pernah")
        self.f.set_hint("to_office", self.tr("Daftar kantor dari server kota: {0}").format(when))
        self.f.hints["to_office"].setAccessibleName(self.f.hints["to_office"].text())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(choice.targets))
        if untouched:
            self.mark_clean()
        if not choice.targets:
            self._general(
                self.tr("Belum ada kantor tujuan. Sambungkan ke server kota lalu pilih Perbarui daftar.")
            )

    def _load_failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(self.office.count() > 0)
        self._general(str(exc) or self.tr("Daftar kantor tidak dapat dimuat."))

    # --- saving -------------------------------------------------------------------------------------------

    def save(self) -> None:
        if not self.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled():
            return
        routing, actor, number = self.services.routing(), self.actor, self.number
        to_office = str(self.office.currentData() or "")
        reason = self.reason.toPlainText()
        at = self.at.dateTime().toPython().isoformat() if self._time_edited else None  # type: ignore[attr-defined]
        self.run_save(lambda: routing.route(actor, number, to_office=to_office, reason=reason, at=at))

    def failure_message(self) -> str:
        return self.tr("Belum tersimpan. Coba lagi.")

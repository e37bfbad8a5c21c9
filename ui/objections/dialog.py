"""Keberatan dialogs: register one against a request, then record each step of its life.

Why two classes: filing a keberatan issues a new number (``ObjectionService.add``), while every later step —
the Atasan PPID's decision, the requester's response, a sengketa at the Komisi Informasi and its outcome,
closing, voiding — is ``ObjectionService.act`` with a small body. Both share :class:`RecordDialog`: the time of
the event, Ctrl+Enter to save, errors next to fields, saving off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.lifecycle import (
    DISPUTE_OUTCOMES,
    OBJECTION_ACTION_LABELS,
    OBJECTION_DECISIONS,
    OBJECTION_GROUNDS,
    ObjectionAction,
)
from app.services.context import Actor
from app.services.views import ObjectionView
from ui.kit.dates import moment_edit, show_day
from ui.kit.forms import FieldForm, combo, save_row
from ui.kit.recording import RecordingFlow
from ui.kit.scroll import scrolled
from ui.kit.style import set_role
from ui.kit.terms import term

if TYPE_CHECKING:
    from app.services.calendar import CalendarService
    from app.services.objections import ObjectionService


class RecordServices(Protocol):
    """What a keberatan dialog uses: the keberatan page's and the request page's services both have it."""

    @property
    def objections(self) -> ObjectionService: ...

    @property
    def calendar(self) -> CalendarService: ...


class RecordDialog(RecordingFlow, QDialog):
    """Frame for one keberatan record. Signals: ``recorded(ObjectionView)``."""

    recorded = Signal(object)

    def __init__(
        self, services: RecordServices, actor: Actor, title: str, parent: QWidget | None, *, background: bool
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.background = services, actor, background
        self.result_view: ObjectionView | None = None
        self._saving = False
        self._time_edited = False
        self.setWindowTitle(title)
        self.setMinimumWidth(600)
        self.layout_ = QVBoxLayout(self)
        heading = QLabel(title)
        set_role(heading, "section")
        self.layout_.addWidget(heading)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        set_role(self.intro, "hint")
        self.layout_.addWidget(self.intro)
        body = QWidget()  # the fields scroll where the work area is lower than they need (150 % scaling)
        form = QFormLayout(body)
        form.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(scrolled(body, self, frame=False, sideways=False, tab_stop=False), 1)
        self.f = FieldForm(form)

    def finish(self, time_label: str) -> None:
        """Add the time field, the error line and the buttons (after the subclass's own fields)."""
        self.at = self.f.add("at", time_label, moment_edit(self.services.calendar.now()))
        self.at.dateTimeChanged.connect(self._mark_time)
        self.general_error, self.buttons = save_row(self, self.layout_, self.save)
        for widget in self.f.widgets.values():
            for candidate in [widget, *widget.findChildren(QWidget)]:
                if candidate.focusPolicy() != Qt.FocusPolicy.NoFocus:
                    candidate.setFocus()
                    return

    def _mark_time(self) -> None:
        self._time_edited = True

    def moment(self) -> str | None:
        return self.at.dateTime().toPython().isoformat() if self._time_edited else None  # type: ignore[attr-defined]

    def work(self) -> Callable[[], ObjectionView]:
        raise NotImplementedError

    def save(self) -> None:
        self.run_save(self.work())

    def error_aliases(self) -> dict[str, str]:
        return {"ground": "grounds", "kuasa": "proxy"}

    def failure_message(self) -> str:
        return QCoreApplication.translate("RecordDialog", "Belum tersimpan. Coba lagi.")


class ObjectionFileDialog(RecordDialog):
    """Register a keberatan against request ``request_number`` (UU 14/2008 Pasal 35–36)."""

    def __init__(
        self,
        services: RecordServices,
        actor: Actor,
        request_number: str,
        parent: QWidget | None = None,
        *,
        background: bool = True,
    ) -> None:
        title = QCoreApplication.translate("ObjectionFileDialog", "Ajukan keberatan")
        super().__init__(services, actor, title, parent, background=background)
        self.request_number = request_number
        self.intro.setText(
            self.tr("Keberatan atas permohonan {0}. Atasan PPID menanggapi dalam 30 hari kerja.").format(
                request_number
            )
        )
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.grounds: dict[str, QCheckBox] = {}
        for letter, text in OBJECTION_GROUNDS.items():
            check = QCheckBox(f"{letter}. {text}")
            check.setAccessibleName(self.tr("Alasan keberatan huruf {0}").format(letter))
            self.grounds[letter] = check
            column.addWidget(check)
        self.f.add("grounds", self.tr("Alasan (Pasal 35 ayat 1):"), box)
        self.case = self.f.add("case_summary", self.tr("&Kasus posisi:"), QPlainTextEdit())
        self.case.setFixedHeight(80)
        self.has_proxy = QCheckBox(self.tr("&Diajukan melalui kuasa"))
        self.has_proxy.setAccessibleName(self.tr("Diajukan melalui kuasa"))
        self.f.layout.addRow("", self.has_proxy)
        self.proxy_name = self.f.add("proxy", self.tr("Nama kuasa:"), QLineEdit())
        self.proxy_address = self.f.add("proxy.address", self.tr("Alamat kuasa:"), QLineEdit())
        self.proxy_phone = self.f.add("proxy.phone", self.tr("Telepon kuasa:"), QLineEdit())
        self.has_proxy.toggled.connect(self._toggle_proxy)
        self._toggle_proxy(False)
        self.finish(self.tr("&Waktu diterima:"))

    def _toggle_proxy(self, on: bool) -> None:
        for key in ("proxy", "proxy.address", "proxy.phone"):
            self.f.set_visible(key, on)

    def work(self) -> Callable[[], ObjectionView]:
        services, actor, number, at = self.services, self.actor, self.request_number, self.moment()
        grounds = [letter for letter, check in self.grounds.items() if check.isChecked()]
        body: dict[str, Any] = {"case_summary": self.case.toPlainText()}
        if self.has_proxy.isChecked():
            body["proxy"] = {
                "name": self.proxy_name.text(),
                "address": self.proxy_address.text(),
                "phone": self.proxy_phone.text(),
            }
        return lambda: services.objections.add(
            actor, request_number=number, grounds=grounds, filed_at=at, body=body
        )

    def _saved(self, view: ObjectionView) -> None:
        """Saved; a keberatan filed after the requester's window is registered all the same (the Atasan PPID
        weighs lateness), but the officer is told now, while the requester is still at the desk."""
        parent = self.parentWidget()
        super()._saved(view)
        if view.late_filing:
            due = show_day(view.filing_due) if view.filing_due else ""
            text = self.tr(
                "Keberatan {0} terdaftar, tetapi diajukan TERLAMBAT: batas pengajuan keberatan (30 hari kerja, "
                "Pasal 36 ayat 1 UU 14/2008) {1} sudah lewat. Keberatan tetap dicatat dan ditandai terlambat; "
                "Atasan PPID yang menimbangnya."
            ).format(view.number, due)
            self.late_notice = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Keberatan terlambat"),
                text,
                QMessageBox.StandardButton.Ok,
                parent,
            )
            self.late_notice.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.late_notice.open()


class ObjectionActionDialog(RecordDialog):
    """Record one step (``ObjectionAction``) of keberatan ``view``."""

    def __init__(
        self,
        services: RecordServices,
        actor: Actor,
        view: ObjectionView,
        action: ObjectionAction,
        parent: QWidget | None = None,
        *,
        background: bool = True,
    ) -> None:
        title = f"{term(OBJECTION_ACTION_LABELS[action])} — {view.number}"
        super().__init__(services, actor, title, parent, background=background)
        self.view, self.action = view, action
        self._collect = self._build()
        self.finish(self.tr("&Waktu:"))

    def _text(self, key: str, label: str, height: int = 70) -> QPlainTextEdit:
        box = self.f.add(key, label, QPlainTextEdit())
        box.setFixedHeight(height)
        return box

    def _build(self) -> Callable[[], dict[str, Any]]:
        a = ObjectionAction
        if self.action == a.DECIDE:
            self.intro.setText(self.tr("Tanggapan tertulis Atasan PPID atas keberatan."))
            decision = self.f.add("decision", self.tr("&Keputusan:"), combo(OBJECTION_DECISIONS))
            text = self._text("text", self.tr("&Isi tanggapan:"), 100)
            hint = self.tr("Kosongkan untuk memakai Atasan PPID di pengaturan pejabat.")
            name = self.f.add("atasan_name", self.tr("&Nama Atasan PPID:"), QLineEdit(), hint=hint)
            position = self.f.add("atasan_position", self.tr("&Jabatan:"), QLineEdit())
            return lambda: {
                "decision": decision.currentData(),
                "text": text.toPlainText(),
                "atasan_name": name.text(),
                "atasan_position": position.text(),
            }
        if self.action == a.REQUESTER_RESPONSE:
            self.intro.setText(self.tr("Tanggapan pemohon atas keputusan Atasan PPID."))
            response = self._text("response", self.tr("&Tanggapan pemohon:"))
            return lambda: {"response": response.toPlainText()}
        if self.action == a.DISPUTE:
            self.intro.setText(
                self.tr("Pemohon mengajukan sengketa informasi ke Komisi Informasi (14 hari kerja).")
            )
            register = self.f.add("register_number", self.tr("&Nomor register sengketa:"), QLineEdit())
            return lambda: {"register_number": register.text()}
        if self.action == a.DISPUTE_OUTCOME:
            self.intro.setText(self.tr("Hasil mediasi atau putusan Komisi Informasi."))
            outcome = self.f.add("outcome", self.tr("&Hasil:"), combo(DISPUTE_OUTCOMES))
            text = self._text("text", self.tr("&Keterangan:"))
            return lambda: {"outcome": outcome.currentData(), "text": text.toPlainText()}
        if self.action == a.CLOSE:
            self.intro.setText(self.tr("Keberatan selesai."))
            note = self._text("note", self.tr("&Catatan (opsional):"))
            return lambda: {"note": note.toPlainText()}
        self.intro.setText(self.tr("Pembatalan keberatan yang salah catat; nomornya tetap tercatat."))
        reason = self._text("reason", self.tr("&Alasan pembatalan:"))
        return lambda: {"reason": reason.toPlainText()}

    def work(self) -> Callable[[], ObjectionView]:
        services, actor, number, action = self.services, self.actor, self.view.number, self.action.value
        body, at = self._collect(), self.moment()
        return lambda: services.objections.act(actor, number, action, body, at=at)

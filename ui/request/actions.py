"""One small dialog per lifecycle action, capturing the legal fields its body needs.

Why one class with a builder per action: every action shares the same frame (title, the time it happened,
save with Ctrl+Enter, errors next to fields, saving off the GUI thread) and differs only in its fields and in
the JSON body it hands to ``RequestActions.act`` (see ``app/services/request_actions.py``). The service stays
the judge: the dialog never decides whether an action is allowed, it shows the service's Indonesian refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.lifecycle import (
    ACTION_LABELS,
    COST_MAX,
    DECISION_LABELS,
    DELIVERY_METHODS,
    EXTENSION_REASONS,
    INFO_FORMS,
    PASAL_17,
    PROVISION_DAYS_MAX,
    Action,
    Decision,
    Status,
    closing_status,
)
from app.domain.requester import DOCUMENT_KINDS
from app.services.context import Actor
from app.services.views import RequestView
from ui.kit.dates import moment_edit, show_date
from ui.kit.flow import FlowLayout
from ui.kit.forms import FieldForm, combo, save_row, text_of
from ui.kit.recording import RecordingFlow
from ui.kit.style import set_role
from ui.kit.terms import term, terms
from ui.request.correction import CorrectionFields

if TYPE_CHECKING:
    from ui.request.page import RequestServices

Collector = Callable[[], dict[str, Any]]


class ActionDialog(RecordingFlow, QDialog):
    """Record ``action`` on request ``view``. Signals: ``recorded(RequestView)`` after the service accepted it."""

    recorded = Signal(object)

    def __init__(
        self,
        services: RequestServices,
        actor: Actor,
        view: RequestView,
        action: Action,
        parent: QWidget | None = None,
        *,
        background: bool = True,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.view, self.action = services, actor, view, action
        self.background = background
        self.result_view: RequestView | None = None
        self._saving = False
        self._time_edited = False
        self.setWindowTitle(f"{term(ACTION_LABELS[action])} — {view.number}")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        title = QLabel(term(ACTION_LABELS[action]))
        set_role(title, "section")
        layout.addWidget(title)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        set_role(self.intro, "hint")
        layout.addWidget(self.intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.f = FieldForm(form)
        builders: dict[Action, Callable[[], Collector]] = {
            Action.COMPLETE: self._complete,
            Action.INCOMPLETE: self._incomplete,
            Action.EXTEND: self._extend,
            Action.RESPOND: self._respond,
            Action.REJECT: self._reject,
            Action.FORWARD: self._forward,
            Action.DELIVER: self._deliver,
            Action.CLOSE: self._close,
            Action.VOID: self._void,
            Action.CORRECT: self._correct,
        }
        self._collect = builders[action]()
        self.at = self.f.add("at", self.tr("&Waktu tindakan:"), moment_edit(services.calendar.now()))
        self.at.dateTimeChanged.connect(self._mark_time)
        self.general_error, self.buttons = save_row(self, layout, self.save)
        self._focus_first()

    def _focus_first(self) -> None:
        for widget in self.f.widgets.values():
            candidates = [widget, *widget.findChildren(QWidget)]
            for candidate in candidates:
                if candidate.focusPolicy() != Qt.FocusPolicy.NoFocus and candidate.isEnabled():
                    candidate.setFocus()
                    return

    def _mark_time(self) -> None:
        self._time_edited = True

    def _note(self, label: str | None = None) -> QPlainTextEdit:
        note = self.f.add("note", label or self.tr("&Catatan (opsional):"), QPlainTextEdit())
        note.setFixedHeight(54)
        return note

    # --- builders: add the fields, return the body collector ----------------------------------------------

    def _complete(self) -> Collector:
        self.intro.setText(
            self.tr("Permohonan dinyatakan lengkap; jangka waktu 10 hari kerja mulai berjalan.")
        )
        row = QWidget()
        box = FlowLayout(row)  # the documents wrap onto more lines rather than squeezing the form
        boxes: dict[str, QCheckBox] = {}
        self.document_boxes = boxes
        for value, label in terms(DOCUMENT_KINDS).items():
            check = QCheckBox(label)
            check.setAccessibleName(self.tr("Berkas tambahan: {0}").format(label))
            check.setChecked(value in self.view.documents)
            check.setEnabled(value not in self.view.documents)
            boxes[value] = check
            box.addWidget(check)
        self.f.add("documents", self.tr("Berkas yang kini diterima:"), row)
        return lambda: {
            "documents": [v for v, c in boxes.items() if c.isChecked() and v not in self.view.documents]
        }

    def _incomplete(self) -> Collector:
        self.intro.setText(
            self.tr("Surat keterangan tidak lengkap: pemohon diberi 3 hari kerja untuk melengkapi.")
        )
        items = self.f.add("missing_items", self.tr("&Kekurangan (satu per baris):"), QPlainTextEdit())
        items.setFixedHeight(80)
        note = self._note()
        return lambda: {"missing_items": items.toPlainText().splitlines(), "note": note.toPlainText()}

    def _extend(self) -> Collector:
        due = self.view.due_response
        self.intro.setText(
            self.tr("Perpanjangan 7 hari kerja, satu kali, diberitahukan sebelum {0}.").format(
                show_date(due) or "–"
            )
        )
        reason = self.f.add("reason", self.tr("&Alasan perpanjangan:"), combo(EXTENSION_REASONS))
        note = self._note()
        return lambda: {"reason": reason.currentData(), "note": note.toPlainText()}

    def _respond(self) -> Collector:
        self.intro.setText(
            self.tr("Pemberitahuan tertulis atas permohonan (penolakan memakai tindakan sendiri).")
        )
        options = {d.value: DECISION_LABELS[d] for d in Decision if d != Decision.REJECTED}
        decision = self.f.add("decision", self.tr("&Keputusan:"), combo(options, Decision.GRANTED.value))
        forms = {"": self.tr("(tidak ditentukan)"), **INFO_FORMS}
        info_form = self.f.add("info_form", self.tr("&Bentuk informasi:"), combo(forms, "softcopy"))
        redaction = self.f.add("redaction_reason", self.tr("Alasan penghi&taman/pengaburan:"), QLineEdit())
        holder = self.f.add("holder_body", self.tr("Badan publik yang &menguasai:"), QLineEdit())
        spins: dict[str, QSpinBox] = {}
        for key, label in (
            ("pages", self.tr("Jumlah &halaman:")),
            ("price_per_page", self.tr("Biaya per halaman (Rp):")),
            ("shipping", self.tr("Biaya pengiriman (Rp):")),
            ("other", self.tr("Biaya lain (Rp):")),
        ):
            spin = QSpinBox()
            spin.setRange(0, COST_MAX)  # the service's bound
            spin.setGroupSeparatorShown(True)
            spins[key] = self.f.add(f"costs.{key}", label, spin)
        payment = self.f.add("payment_method", self.tr("Cara pemba&yaran:"), QLineEdit())
        provision = self.f.add("provision_days", self.tr("Waktu penye&diaan (hari):"), QSpinBox())
        provision.setRange(0, PROVISION_DAYS_MAX)
        note = self._note()

        def toggle() -> None:
            value = decision.currentData()
            self.f.set_visible("redaction_reason", value == Decision.PARTIAL.value)
            self.f.set_visible("holder_body", value == Decision.NOT_HELD.value)
            deliverable = value in (Decision.GRANTED.value, Decision.PARTIAL.value)
            for key in ("info_form", "costs.pages", "costs.price_per_page", "costs.shipping", "costs.other",
                        "payment_method", "provision_days"):  # fmt: skip
                self.f.set_visible(key, deliverable)

        decision.currentIndexChanged.connect(toggle)
        toggle()

        def collect() -> dict[str, Any]:
            value = decision.currentData()
            body: dict[str, Any] = {"decision": value, "note": note.toPlainText()}
            if value == Decision.PARTIAL.value:
                body["redaction_reason"] = redaction.text()
            if value == Decision.NOT_HELD.value:
                body["holder_body"] = holder.text()
            if value in (Decision.GRANTED.value, Decision.PARTIAL.value):
                body["info_form"] = info_form.currentData() or None
                costs = {k: s.value() for k, s in spins.items()}
                if any(costs.values()):
                    body["costs"] = costs
                body["payment_method"] = payment.text()
                if provision.value():
                    body["provision_days"] = provision.value()
            return body

        return collect

    def _reject(self) -> Collector:
        self.intro.setText(self.tr("Surat keputusan penolakan berdasarkan pengecualian Pasal 17 UU 14/2008."))
        # The office's DIK: picking an entry cites its SK in the letter, with its huruf and uji konsekuensi.
        entries = {e.id: e for e in self.services.information_lists().dik()}
        choices = {"": self.tr("— tanpa entri DIK (uji konsekuensi di bawah) —")}
        choices.update({i: f"{e.sk_text} — {e.information[:60]}" for i, e in entries.items()})
        dik = self.f.add("dik_id", self.tr("Entri DI&K (SK penetapan):"), combo(choices, ""))
        articles = {k: f"{k} — {v}" for k, v in PASAL_17.items()}
        article = self.f.add("article", self.tr("Pasal 17 &huruf:"), combo(articles))
        other = self.f.add("other_basis", self.tr("Dasar hukum &lain (opsional):"), QLineEdit())
        test = self.f.add(
            "consequence_test",
            self.tr("&Uji konsekuensi:"),
            QPlainTextEdit(),
            hint=self.tr("Jelaskan akibat yang timbul bila informasi dibuka (min. 20 karakter)."),
        )
        test.setFixedHeight(100)

        def picked() -> None:
            entry = entries.get(dik.currentData() or "")
            article.setEnabled(entry is None)
            test.setReadOnly(entry is not None)
            if entry is not None:
                article.setCurrentIndex(article.findData(entry.article))
                test.setPlainText(entry.consequence_test)

        dik.currentIndexChanged.connect(picked)

        def collect() -> dict[str, Any]:
            if dik.currentData():
                return {"dik_id": dik.currentData(), "other_basis": other.text()}
            return {
                "article": article.currentData(),
                "other_basis": other.text(),
                "consequence_test": test.toPlainText(),
            }

        return collect

    def _forward(self) -> Collector:
        self.intro.setText(self.tr("Informasi dikuasai badan publik lain: permohonan diteruskan ke sana."))
        to_body = self.f.add("to_body", self.tr("&Badan publik tujuan:"), QLineEdit())
        note = self._note()
        return lambda: {"to_body": to_body.text(), "note": note.toPlainText()}

    def _deliver(self) -> Collector:
        self.intro.setText(self.tr("Informasi diserahkan kepada pemohon (berita acara)."))
        method = self.f.add(
            "method", self.tr("Cara &penyerahan:"), combo(DELIVERY_METHODS, self.view.delivery_method)
        )
        note = self._note()
        return lambda: {"method": method.currentData(), "note": note.toPlainText()}

    def _close(self) -> Collector:
        if closing_status(self.view.status) == Status.NOT_PROCESSABLE:
            self.intro.setText(
                self.tr("Pemohon tidak melengkapi dalam 3 hari kerja: ditutup sebagai tidak dapat diproses.")
            )
        else:
            self.intro.setText(self.tr("Permohonan selesai."))
        note = self._note()
        return lambda: {"note": note.toPlainText()}

    def _void(self) -> Collector:
        self.intro.setText(
            self.tr("Pembatalan untuk salah catat; nomor pendaftaran tetap tercatat dan tidak dipakai ulang.")
        )
        reason = self.f.add("reason", self.tr("&Alasan pembatalan:"), QPlainTextEdit())
        reason.setFixedHeight(70)
        return lambda: {"reason": reason.toPlainText()}

    def _correct(self) -> Collector:
        self.intro.setText(
            self.tr("Koreksi satu data dengan alasannya; nilai lama tetap tercatat di riwayat.")
        )
        self.correction = CorrectionFields(self.f, self.view)
        return self.correction.collect

    # --- saving -----------------------------------------------------------------------------------------

    def body(self) -> dict[str, Any]:
        return self._collect()

    def save(self) -> None:
        services, actor, number, action = self.services, self.actor, self.view.number, self.action.value
        body = self.body()
        at = self.at.dateTime().toPython().isoformat() if self._time_edited else None  # type: ignore[attr-defined]
        self.run_save(lambda: services.actions.act(actor, number, action, body, at=at))

    def error_aliases(self) -> dict[str, str]:
        if self.action == Action.CORRECT and not self.f.rows["value_choice"].isHidden():
            return {"value": "value_choice"}
        return {}

    def failure_message(self) -> str:
        return self.tr("Tindakan belum tersimpan. Coba lagi.")


def field_text(dialog: ActionDialog, key: str) -> str:
    """Test and screenshot helper: the text in one of the dialog's inputs."""
    return text_of(dialog.f.widgets[key])

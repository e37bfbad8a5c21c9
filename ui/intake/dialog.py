"""IntakeDialog: the Formulir Permohonan Informasi Publik on screen (domain §4.3).

Why this shape: the officer copies a paper form (or listens to a person at the desk), so the Tab order follows
the form — identity, contact, the information, its purpose, how to obtain and receive it — and the officer's own
fields (documents seen, completeness, channel, time) come last with sensible defaults. Enter in the last field
of the form, or Ctrl+Enter anywhere, saves. Each field is checked as it is left, with the Indonesian message
right below it; the NIK is decoded into birth date, sex and region so the officer can compare it with the KTP.
A returning requester is found by NIK, phone or name and pre-filled. Saving runs off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.identity import normalize_email, normalize_phone, parse_nik
from app.domain.lifecycle import CHANNELS, DELIVERY_METHODS, OBTAIN_METHODS
from app.domain.requester import DOCUMENT_KINDS
from app.errors import ConfirmationRequired, DeskError, IdentityQuestion, PossibleDuplicate, ValidationError
from app.services.context import Actor
from app.services.duplicates import DuplicateCheck
from app.services.identity import IdentityAnswer
from app.services.views import RequesterView, RequestView
from ui.intake.result import IntakeResult
from ui.kit import screen
from ui.kit.dates import moment_edit
from ui.kit.flow import FlowLayout
from ui.kit.forms import FieldForm, combo, shortcut, text_of
from ui.kit.keys import down_into
from ui.kit.qtime import qdatetime
from ui.kit.scroll import scrolled
from ui.kit.style import set_role
from ui.kit.tasks import submit
from ui.kit.terms import terms
from ui.kit.unsaved import DiscardGuard

if TYPE_CHECKING:
    from app.services.calendar import CalendarService
    from app.services.information_lists import InformationListService
    from app.services.register import RegisterService
    from ui.printing.services import PrintingServices


@dataclass(frozen=True)
class IntakeServices:
    """What the intake dialog uses; ``information_lists`` (the DIP hint) is built on first use."""

    register: RegisterService
    calendar: CalendarService
    information_lists: Callable[[], InformationListService]
    printing: PrintingServices


KIND_VALUES = ("perorangan", "badan_hukum", "kelompok")


class IntakeDialog(DiscardGuard, QDialog):
    """Register a request. Signals: ``saved(str)`` with the new registration number."""

    saved = Signal(str)
    open_request = Signal(str)

    def __init__(
        self,
        services: IntakeServices,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        background: bool = True,
        print_receipt: bool = True,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.background = services, actor, background
        self.print_receipt = print_receipt  # issue + print (or preview) the receipt right after saving
        self.result_view: RequestView | None = None
        self._picked: RequesterView | None = None
        self._confirm_warnings = False
        self._allow_duplicate = False  # the officer saw PossibleDuplicate and chose a new request
        self._identity = (
            IdentityAnswer.ASK
        )  # the officer's answer to IdentityQuestion (NIK under another name)
        self._saving = False
        self._time_edited = False
        self.setWindowTitle(self.tr("Permohonan Informasi Baru"))
        self.setModal(True)
        screen.fit(self, QSize(1100, 700))  # at most: the work area may be smaller
        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.addWidget(self.stack)
        self.stack.addWidget(self._build_form())
        self.result_page = IntakeResult(self.stack)
        self.result_page.close_requested.connect(self.accept)
        self.result_page.new_requested.connect(self.reset)
        self.result_page.open_requested.connect(self._open_saved)
        self.result_page.print_requested.connect(self.print_again)
        self.stack.addWidget(self.result_page)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut(self, keys, self.save)
        shortcut(self, "Ctrl+F", self.lookup.setFocus)
        self._lookup_timer = QTimer(self)
        self._lookup_timer.setSingleShot(True)
        self._lookup_timer.setInterval(250)
        self._lookup_timer.timeout.connect(self._run_lookup)
        self._apply_kind()
        self.name.setFocus()
        submit(lambda: parse_nik("3673054512850012"), lambda _: None, lambda _: None, background=background)

    def _show_dip_matches(self) -> None:
        """Entries of the Daftar Informasi Publik sharing words with the information asked for (a few short
        rows read from a small table, so on the GUI thread)."""
        try:
            found = self.services.information_lists().match_dip(self.information.toPlainText(), limit=3)
        except DeskError:  # a hint only: never in the way of the intake
            found = []
        if not found:
            self.dip_hint.clear()
            self.dip_hint.hide()
            return
        lines = [self.tr("Tersedia setiap saat (Daftar Informasi Publik), dapat langsung diberikan:")]
        lines += [f"• {e.title} — {e.holder}; {e.form}; {e.location}" for e in found]
        self.dip_hint.setText("\n".join(lines))
        self.dip_hint.show()

    # --- building ---------------------------------------------------------------------------------------

    def _build_form(self) -> QWidget:
        # made in place, not moved into the stack once built (ui/kit/scroll.scrolled says why)
        page = QWidget(self.stack)
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("Formulir Permohonan Informasi Publik"))
        set_role(title, "title")
        layout.addWidget(title)
        lookup_row = QHBoxLayout()
        lookup_label = QLabel(self.tr("&Cari pemohon lama (Ctrl+F):"))
        self.lookup = QLineEdit()
        self.lookup.setPlaceholderText(self.tr("NIK, nomor telepon atau nama"))
        self.lookup.setAccessibleName(self.tr("Cari pemohon lama"))
        lookup_label.setBuddy(self.lookup)
        self.lookup.textEdited.connect(lambda _t: self._lookup_timer.start())
        self.lookup.returnPressed.connect(self._pick_first)
        lookup_row.addWidget(lookup_label)
        lookup_row.addWidget(self.lookup, 1)
        layout.addLayout(lookup_row)
        self.matches = QListWidget()
        self.matches.setAccessibleName(self.tr("Pemohon lama yang cocok"))
        self.matches.setMaximumHeight(90)
        self.matches.hide()
        self.matches.itemActivated.connect(self._pick)
        down_into(self.lookup, self.matches)  # Down in the lookup field moves into the matches (Enter picks)
        layout.addWidget(self.matches)

        columns = QHBoxLayout()
        columns.addWidget(self._build_identity(), 1)
        columns.addWidget(self._build_request(), 1)
        body = QWidget()
        body.setLayout(columns)
        # the fields scroll up and down where the work area is lower than they need (150 %); the focus is
        # kept in view, whatever moved it (Tab, an Alt+letter, a rejected save focusing the first error)
        layout.addWidget(scrolled(body, page, sideways=False), 1)  # made in place: ui/kit/scroll.scrolled

        self.general_error = QLabel()
        set_role(self.general_error, "error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        layout.addWidget(self.general_error)
        buttons = QHBoxLayout()
        hint = QLabel(self.tr("Ctrl+Enter menyimpan dari mana saja · Esc membatalkan"))
        set_role(hint, "hint")
        buttons.addWidget(hint, 1)
        self.save_button = QPushButton(self.tr("&Simpan dan beri nomor"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Batal"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self._set_tab_order()
        return page

    def _build_identity(self) -> QGroupBox:
        group = QGroupBox(self.tr("Identitas pemohon"))
        outer = QVBoxLayout(group)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self.f = FieldForm(form)
        f = self.f
        kinds = {
            "perorangan": self.tr("Perorangan"),
            "badan_hukum": self.tr("Badan hukum"),
            "kelompok": self.tr("Kelompok orang"),
        }
        self.kind = f.add("kind", self.tr("&Jenis pemohon:"), combo(kinds, "perorangan"))
        self.kind.currentIndexChanged.connect(self._apply_kind)
        self.name = f.add("name", self.tr("&Nama (sesuai KTP):"), QLineEdit())
        self.nik = f.add("nik", self.tr("NI&K:"), QLineEdit())
        self.nik.setMaxLength(24)
        self.nik.textChanged.connect(self._nik_changed)
        self.legal_number = f.add("legal_number", self.tr("No. SK pengesahan &badan hukum:"), QLineEdit())
        for edited in (self.name, self.nik, self.legal_number):
            edited.textEdited.connect(self._identity_edited)
        self.address = f.add("address", self.tr("&Alamat:"), QPlainTextEdit())
        self.address.setFixedHeight(54)
        self.occupation = f.add("occupation", self.tr("&Pekerjaan:"), QLineEdit())
        self.phone = f.add("phone", self.tr("Nomor &telepon:"), QLineEdit())
        self.phone.editingFinished.connect(self._check_phone)
        self.email = f.add("email", self.tr("&Email:"), QLineEdit())
        self.email.editingFinished.connect(self._check_email)
        self.has_proxy = QCheckBox(self.tr("&Diajukan melalui kuasa"))
        self.has_proxy.setAccessibleName(self.tr("Diajukan melalui kuasa"))
        self.has_proxy.toggled.connect(self._apply_proxy)
        form.addRow("", self.has_proxy)
        self.proxy_name = f.add("proxy.name", self.tr("Nama kuasa:"), QLineEdit())
        self.proxy_nik = f.add("proxy.nik", self.tr("NIK kuasa:"), QLineEdit())
        self.proxy_address = f.add("proxy.address", self.tr("Alamat kuasa:"), QLineEdit())
        self.proxy_phone = f.add("proxy.phone", self.tr("Telepon kuasa:"), QLineEdit())
        for key in ("name", "address"):
            widget = f.widgets[key]
            if isinstance(widget, QLineEdit):
                widget.editingFinished.connect(lambda k=key: self._check_required(k))
        # The rules each field is checked against as it changes, so a red error goes away as soon as it is
        # fixed (typed, or filled from "Cari pemohon lama"), not at the next save.
        f.set_check("name", lambda: self._required_problem("name"))
        f.set_check("address", lambda: self._required_problem("address"))
        f.set_check("nik", self._nik_problem)
        f.set_check("phone", lambda: self._rule_problem("phone", normalize_phone))
        f.set_check("email", lambda: self._rule_problem("email", normalize_email))
        self._apply_proxy(False)
        return group

    def _build_request(self) -> QGroupBox:
        group = QGroupBox(self.tr("Permohonan"))
        outer = QVBoxLayout(group)
        form = QFormLayout()
        # a field goes under its long label ("Rincian informasi yang dibutuhkan:") only where the form is
        # narrower than the pair needs (150 %), so the form never scrolls sideways
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        outer.addLayout(form)
        outer.addStretch(1)
        self.g = FieldForm(form)
        g = self.g
        self.information = g.add(
            "information", self.tr("&Rincian informasi yang dibutuhkan:"), QPlainTextEdit()
        )
        self.information.setFixedHeight(110)
        # Information on the DIP is available at any time: the officer can answer on the spot.
        self.dip_hint = QLabel()
        set_role(self.dip_hint, "hint")
        self.dip_hint.setWordWrap(True)
        self.dip_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.dip_hint.hide()
        form.addRow("", self.dip_hint)
        self._dip_timer = QTimer(self)
        self._dip_timer.setSingleShot(True)
        self._dip_timer.setInterval(300)
        self._dip_timer.timeout.connect(self._show_dip_matches)
        self.information.textChanged.connect(self._dip_timer.start)
        self.purpose = g.add("purpose", self.tr("T&ujuan penggunaan informasi:"), QLineEdit())
        self.purpose.returnPressed.connect(self.save)
        self.obtain = g.add(
            "obtain_method", self.tr("Cara &memperoleh informasi:"), combo(OBTAIN_METHODS, "salinan_softcopy")
        )
        self.delivery = g.add(
            "delivery_method",
            self.tr("Cara mendapatkan sal&inan:"),
            combo(DELIVERY_METHODS, "mengambil_langsung"),
        )
        docs = QWidget()
        # the documents wrap onto as many lines as the width needs: five labels in one row overflow a
        # 1366-pixel screen, and two columns of them made the form scroll sideways at 150 %
        docs_flow = FlowLayout(docs)
        self.documents: dict[str, QCheckBox] = {}
        for value, label in terms(DOCUMENT_KINDS).items():
            box = QCheckBox(label)
            box.setAccessibleName(self.tr("Berkas diterima: {0}").format(label))
            self.documents[value] = box
            docs_flow.addWidget(box)
        g.add("documents", self.tr("Berkas diterima:"), docs)
        state = QWidget()
        state_row = QHBoxLayout(state)
        state_row.setContentsMargins(0, 0, 0, 0)
        self.complete_yes = QRadioButton(self.tr("Lengkap"))
        self.complete_unchecked = QRadioButton(self.tr("Belum diperiksa"))
        self.complete_no = QRadioButton(self.tr("Tidak lengkap"))
        self.completeness = QButtonGroup(self)
        for button in (self.complete_yes, self.complete_unchecked, self.complete_no):
            self.completeness.addButton(button)
            state_row.addWidget(button)
        state_row.addStretch(1)
        self.complete_yes.setChecked(True)
        self.complete_no.toggled.connect(lambda on: g.set_visible("missing_items", on))
        g.add("complete", self.tr("Kelengkapan:"), state)
        self.missing = g.add(
            "missing_items",
            self.tr("Kekurangan (satu per baris):"),
            QPlainTextEdit(),
            hint=self.tr("Pemohon diberi 3 hari kerja untuk melengkapi."),
        )
        self.missing.setFixedHeight(54)
        g.set_visible("missing_items", False)
        self.channel = g.add("channel", self.tr("Sa&luran:"), combo(CHANNELS, "datang_langsung"))
        self.received_at = g.add(
            "received_at", self.tr("&Waktu diterima:"), moment_edit(self.services.calendar.now())
        )
        self.received_at.dateTimeChanged.connect(self._mark_time_edited)
        return group

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.kind, self.name, self.nik, self.legal_number, self.address, self.occupation, self.phone,
            self.email, self.has_proxy, self.proxy_name, self.proxy_nik, self.proxy_address, self.proxy_phone,
            self.information, self.purpose, self.obtain, self.delivery, *self.documents.values(),
            self.complete_yes, self.complete_unchecked, self.complete_no, self.missing, self.channel,
            self.received_at, self.save_button, self.lookup, self.matches,
        ]  # fmt: skip
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # --- live behaviour ---------------------------------------------------------------------------------

    def _kind_value(self) -> str:
        return str(self.kind.currentData())

    def _apply_kind(self) -> None:
        kind = self._kind_value()
        self.f.set_visible("legal_number", kind == "badan_hukum")
        labels = {
            "perorangan": self.tr("NI&K:"),
            "badan_hukum": self.tr("NI&K perwakilan (opsional):"),
            "kelompok": self.tr("NI&K perwakilan kelompok:"),
        }
        self.f.labels["nik"].setText(labels[kind])
        self.nik.setAccessibleName(labels[kind].replace("&", "").rstrip(":"))
        names = {  # a badan hukum or a kelompok has no KTP: its name is what it is registered under
            "perorangan": self.tr("&Nama (sesuai KTP):"),
            "badan_hukum": self.tr("&Nama badan hukum:"),
            "kelompok": self.tr("&Nama kelompok:"),
        }
        self.f.labels["name"].setText(names[kind])
        self.name.setAccessibleName(names[kind].replace("&", "").rstrip(":"))
        self.documents["ktp"].setChecked(kind != "badan_hukum")
        self.documents["sk_pengesahan"].setChecked(kind == "badan_hukum")
        if kind == "kelompok":
            self.documents["surat_kuasa"].setChecked(True)

    def _apply_proxy(self, on: bool) -> None:
        for key in ("proxy.name", "proxy.nik", "proxy.address", "proxy.phone"):
            self.f.set_visible(key, on)
        if on:
            self.documents["surat_kuasa"].setChecked(True)

    def _mark_time_edited(self) -> None:
        self._time_edited = True

    def _nik_changed(self, text: str) -> None:
        digits = "".join(ch for ch in text if ch.isdigit())
        self.f.set_error("nik", None)
        if "•" in text:
            self.f.set_hint("nik", self.tr("NIK tersimpan (disamarkan). Ketik NIK lengkap bila berbeda."))
            return
        if len(digits) < 16 and not any(ch.isalpha() for ch in text):  # a letter: said at once
            self.f.set_hint("nik", self.tr("{0} dari 16 angka").format(len(digits)) if digits else "")
            return
        try:
            info = parse_nik(text, today=self.services.calendar.today())
        except ValidationError as exc:
            self.f.set_hint("nik", "")
            self.f.set_error("nik", exc.fields.get("nik", str(exc)))
            return
        self.f.set_hint("nik", info.hint() + ("\n" + " ".join(info.warnings) if info.warnings else ""))
        if not self.name.text().strip() or not self.address.toPlainText().strip():
            self._search(digits, auto=True)

    def _check_required(self, key: str) -> None:
        self.f.set_error(key, self._required_problem(key))

    def _required_problem(self, key: str) -> str | None:
        return None if text_of(self.f.widgets[key]) else self.tr("Wajib diisi.")

    def _nik_problem(self) -> str | None:
        text = self.nik.text().strip()
        if not text:
            return (
                self.tr("Wajib diisi.") if self._kind_value() == "perorangan" and not self._picked else None
            )
        if "•" in text:
            return None  # the stored NIK of a returning requester
        try:
            parse_nik(text, today=self.services.calendar.today())
        except ValidationError as exc:
            return exc.fields.get("nik", str(exc))
        return None

    def _rule_problem(self, key: str, rule: Any) -> str | None:
        value = text_of(self.f.widgets[key])
        if not value or "•" in value:
            return None
        try:
            rule(value)
        except ValidationError as exc:
            return exc.fields.get(key, str(exc))
        return None

    def _check_phone(self) -> None:
        value = self.phone.text().strip()
        try:
            if value:
                normalize_phone(value)
            self.f.set_error("phone", None)
        except ValidationError as exc:
            self.f.set_error("phone", exc.fields.get("phone", str(exc)))

    def _check_email(self) -> None:
        value = self.email.text().strip()
        try:
            if value and "•" not in value:  # a masked stored e-mail is replaced by the service
                normalize_email(value)
            self.f.set_error("email", None)
        except ValidationError as exc:
            self.f.set_error("email", exc.fields.get("email", str(exc)))

    # --- returning requester ----------------------------------------------------------------------------

    def _run_lookup(self) -> None:
        self._search(self.lookup.text(), auto=False)

    def _search(self, text: str, *, auto: bool) -> None:
        register, actor = self.services.register, self.actor
        submit(
            lambda: register.find_requesters(actor, text, limit=8),
            lambda found: self._show_matches(found, auto),
            lambda exc: self._show_general(str(exc)),
            background=self.background,
        )

    def _show_matches(self, found: list[RequesterView], auto: bool) -> None:
        if auto:
            if len(found) == 1 and not self.name.text().strip():
                self.prefill(found[0])
            return
        self.matches.clear()
        for person in found:
            contact = person.phone_display or person.email_display or ""
            item = QListWidgetItem(
                f"{person.name} — {person.nik_masked or person.legal_number or ''} — {contact}"
            )
            item.setData(Qt.ItemDataRole.UserRole, person)
            self.matches.addItem(item)
        self.matches.setVisible(bool(found))
        if not found and self.lookup.text().strip():
            self._show_general(self.tr("Tidak ada pemohon lama yang cocok."))
        else:
            self.general_error.hide()

    def _pick_first(self) -> None:
        self._lookup_timer.stop()
        if self.matches.count() == 0:
            self._run_lookup()
            if self.matches.count() == 0:
                return
        self._pick(self.matches.item(0))

    def _pick(self, item: QListWidgetItem) -> None:
        self.prefill(item.data(Qt.ItemDataRole.UserRole))
        self.matches.hide()
        self.information.setFocus()

    def prefill(self, person: RequesterView) -> None:
        """Copy a returning requester's identity and contact into the form (the officer can still edit).

        A petugas sees the NIK, phone and e-mail masked (UU PDP): the masked NIK and e-mail stay in their fields
        and the record's id goes with the intake, so the service uses the stored ones; the phone is asked again.
        """
        self._picked = person
        self.kind.setCurrentIndex(max(0, self.kind.findData(person.kind)))
        self.name.setText(person.name)
        if person.nik and self.nik.text() != person.nik:
            self.nik.setText(person.nik)
        self.legal_number.setText(person.legal_number or "")
        self.address.setPlainText(person.address)
        self.occupation.setText(person.occupation or "")
        self.phone.setText((person.phone_display or "") if person.phone else "")  # national form, never E.164
        if not person.phone and person.phone_display:
            self.f.set_hint(
                "phone",
                self.tr("Tersimpan: {0}; tanyakan dan isi lagi bila masih dipakai.").format(
                    person.phone_display
                ),
            )
        self.email.setText(person.email or person.email_display or "")
        if not person.email and person.email_display:  # masked for this role: the stored one is used
            self.f.set_hint(
                "email", self.tr("Email tersimpan (disamarkan). Ketik email lengkap bila berbeda.")
            )
        self.f.set_hint("name", self.tr("Pemohon lama: data diisi dari permohonan sebelumnya."))

    # --- saving -----------------------------------------------------------------------------------------

    def collect(self) -> dict[str, Any]:
        """The intake as the register service expects it (see ``RegisterService.receive``)."""
        kind = self._kind_value()
        requester: dict[str, Any] = {
            "kind": kind,
            "name": self.name.text(),
            "nik": self.nik.text() or None,
            "legal_number": (self.legal_number.text() or None) if kind == "badan_hukum" else None,
            "address": self.address.toPlainText(),
            "phone": self.phone.text() or None,
            "email": self.email.text() or None,
            "occupation": self.occupation.text() or None,
        }
        if self._picked is not None:
            requester["id"] = self._picked.id  # lets the service use the stored NIK behind a masked one
        if self.has_proxy.isChecked():
            requester["proxy"] = {
                "name": self.proxy_name.text(),
                "nik": self.proxy_nik.text() or None,
                "address": self.proxy_address.text() or None,
                "phone": self.proxy_phone.text() or None,
            }
        complete_no = self.complete_no.isChecked()
        received: datetime | None = self.received_at.dateTime().toPython() if self._time_edited else None  # type: ignore[assignment]
        return {
            "received_at": received.isoformat() if received else None,
            "channel": self.channel.currentData(),
            "complete": self.complete_yes.isChecked(),
            "missing_items": self.missing.toPlainText().splitlines() if complete_no else [],
            "requester": requester,
            "documents": [value for value, box in self.documents.items() if box.isChecked()],
            "information": self.information.toPlainText(),
            "purpose": self.purpose.text(),
            "obtain_method": self.obtain.currentData(),
            "delivery_method": self.delivery.currentData(),
        }

    def save(self) -> None:
        if self._saving or self.stack.currentIndex() != 0:
            return
        data = self.collect()
        if self.complete_no.isChecked() and not data["missing_items"]:
            self.g.set_error("missing_items", self.tr("Sebutkan kekurangan berkas atau isi permohonan."))
            self.missing.setFocus()
            return
        if self.has_proxy.isChecked() and not self.proxy_name.text().strip():
            # the service reads an empty kuasa block as "no kuasa"; the ticked box says otherwise
            self.f.set_error("proxy.name", self.tr("Nama kuasa wajib diisi."))
            self.proxy_name.setFocus()
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.general_error.hide()
        register, actor, confirm = self.services.register, self.actor, self._confirm_warnings
        mode = DuplicateCheck.CONFIRMED if self._allow_duplicate else DuplicateCheck.ASK
        identity = self._identity
        submit(
            lambda: register.receive(
                actor, data, confirm_warnings=confirm, duplicates=mode, identity=identity
            ),
            self._saved,
            self._save_failed,
            background=self.background,
        )

    def _saved(self, view: RequestView) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.result_view = view
        self.result_page.show_view(view, self.services.calendar)
        self.stack.setCurrentIndex(1)
        self.result_page.focus_default()
        self.saved.emit(view.number)
        if self.print_receipt:
            self._print(view.number, first=True)

    def _print(self, number: str, *, first: bool) -> None:
        """The receipt through the shared printing facade: issued as a record, printed silently when the
        office switched auto-print on and a printer exists, else shown in the preview."""
        from ui.printing.actions import preview_letter, print_receipt_after_intake

        printing, failed = self.services.printing, self.result_page.print_failed
        if first:
            print_receipt_after_intake(printing, self.actor, number, self, on_error=failed)
        else:
            preview_letter(printing, self.actor, number, "receipt", self, on_error=failed)

    def print_again(self) -> None:
        if self.result_view is not None:
            self._print(self.result_view.number, first=False)

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.f.clear_errors()
        self.g.clear_errors()
        if isinstance(exc, PossibleDuplicate):
            self._ask_duplicate(exc)
            return
        if isinstance(exc, IdentityQuestion):
            self._ask_identity(exc)
            return
        if isinstance(exc, ConfirmationRequired):
            self._confirm_warnings = True
            self._show_fields(exc.warnings)
            self._show_general(
                self.tr("Periksa peringatan di atas. Tekan Ctrl+Enter sekali lagi untuk tetap menyimpan.")
            )
            return
        if isinstance(exc, ValidationError):
            unplaced = self._show_fields(exc.fields)
            if unplaced:
                self._show_general(" ".join(unplaced))
            return
        self._show_general(str(exc) or self.tr("Permohonan belum tersimpan. Coba lagi."))

    def _ask_duplicate(self, exc: PossibleDuplicate) -> None:
        """The same person asked for similar information in the last hour (app/services/duplicates.py): perhaps
        an intake whose number was never shown. The officer decides; either way it is recorded."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Mungkin permohonan ganda"), "", parent=self)
        box.setText(self.tr("Pemohon yang sama sudah meminta informasi serupa dalam satu jam terakhir."))
        box.setInformativeText(
            "\n".join(exc.descriptions)
            + "\n\n"
            + self.tr(
                "Bila itu permohonan yang sama, pakai nomor lama (tanda terimanya dapat dicetak ulang). "
                "Simpan sebagai permohonan baru hanya bila pemohon memang meminta lagi."
            )
        )
        new = box.addButton(self.tr("Simpan sebagai permohonan &baru"), QMessageBox.ButtonRole.AcceptRole)
        old = box.addButton(self.tr("&Pakai nomor lama"), QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton(self.tr("&Kembali ke formulir"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        numbers = list(exc.numbers)

        def decided(button: Any) -> None:
            if button is new:
                self._allow_duplicate = True
                self.save()
            elif button is old:
                self._use_earlier(numbers[-1])

        box.buttonClicked.connect(decided)
        self.duplicate_box = box
        box.open()

    def _identity_edited(self, _text: str) -> None:
        """ "Same person" answered a question about the name and NIK as they were: a new name or NIK is asked
        again (a NIK being corrected after "salah ketik" keeps that answer)."""
        if self._identity is IdentityAnswer.SAME_PERSON:
            self._identity = IdentityAnswer.ASK

    def _ask_identity(self, exc: IdentityQuestion) -> None:
        """The NIK (or SK number) typed is registered under another name (app/services/identity.py): the same
        person whose name is now corrected, or a typing error in the NIK? Nothing is saved until the officer
        answers; the answer goes on the request's timeline."""
        key = exc.key_label
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("%1 terdaftar atas nama lain").replace("%1", key),
            "",
            parent=self,
        )
        box.setText(
            self.tr("%1 ini sudah terdaftar atas nama “%2”, sedangkan nama yang diisi “%3”.")
            .replace("%1", key)
            .replace("%2", exc.stored_name)
            .replace("%3", exc.typed_name)
        )
        box.setInformativeText(
            self.tr(
                "Apakah ini orang yang sama dan namanya kini diperbaiki, atau %1 salah ketik? "
                "Jawaban Anda dicatat di riwayat permohonan. Permohonan terdahulu tetap memakai nama yang "
                "tercatat saat itu."
            ).replace("%1", key)
        )
        same = box.addButton(self.tr("Orang yang &sama, nama diperbaiki"), QMessageBox.ButtonRole.AcceptRole)
        typo = box.addButton(
            self.tr("%1 salah &ketik, perbaiki").replace("%1", key), QMessageBox.ButtonRole.ActionRole
        )
        back = box.addButton(self.tr("&Kembali ke formulir"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        field = "nik" if key == "NIK" else "legal_number"

        def decided(button: Any) -> None:
            if button is same:
                self._identity = IdentityAnswer.SAME_PERSON
                self.save()
            elif button is typo:
                self._identity = IdentityAnswer.NIK_CORRECTED
                widget = self.nik if field == "nik" else self.legal_number
                self.f.set_error(
                    field, self.tr("Perbaiki %1 sesuai KTP/akta, lalu simpan lagi.").replace("%1", key)
                )
                widget.setFocus()
                widget.selectAll()

        box.buttonClicked.connect(decided)
        self.identity_box = box
        box.open()

    def _use_earlier(self, number: str) -> None:
        """The officer chose the earlier number: audited, that request opened, nothing new registered."""
        register, actor = self.services.register, self.actor

        def done(_: object) -> None:
            self.discard_confirmed = True  # a decision, not a stray key: nothing to ask before closing
            self.open_request.emit(number)
            self.accept()

        submit(
            lambda: register.record_duplicate_declined(actor, number),
            done,
            lambda e: self._show_general(str(e)),
            background=self.background,
        )

    def _show_fields(self, fields: dict[str, str]) -> list[str]:
        mine = {k.removeprefix("requester."): v for k, v in fields.items() if k.startswith("requester.")}
        theirs = {k: v for k, v in fields.items() if not k.startswith("requester.")}
        if "documents" in mine:
            theirs["documents"] = mine.pop("documents")
        unplaced = self.f.show_errors(mine)
        unplaced += self.g.show_errors(theirs, {"_": "general"})
        if mine:  # the identity column comes first on the form: put the cursor on its first problem
            self.f.show_errors(mine)
        return unplaced

    def _show_general(self, message: str) -> None:
        self.general_error.setText(message)
        self.general_error.setVisible(bool(message))

    def has_unsaved(self) -> bool:
        """Only the form holds anything to lose; the page shown after saving does not."""
        return self.stack.currentIndex() == 0 and super().has_unsaved()

    def _open_saved(self) -> None:
        if self.result_view is not None:
            self.open_request.emit(self.result_view.number)
        self.accept()

    def reset(self) -> None:
        """Empty the form for the next walk-in (after "Permohonan baru")."""
        for widget in (self.name, self.nik, self.legal_number, self.occupation, self.phone, self.email,
                       self.purpose, self.lookup, self.proxy_name, self.proxy_nik, self.proxy_address,
                       self.proxy_phone):  # fmt: skip
            widget.clear()
        for text_box in (self.address, self.information, self.missing):
            text_box.clear()
        self.has_proxy.setChecked(False)
        self.complete_yes.setChecked(True)
        self.kind.setCurrentIndex(0)
        self._apply_kind()
        self.f.clear_errors()
        self.g.clear_errors()
        self.f.set_hint("name", "")
        self.f.set_hint("phone", "")
        self._picked = None
        self._confirm_warnings = False
        self._allow_duplicate = False
        self._identity = IdentityAnswer.ASK
        self._time_edited = False
        self.received_at.setDateTime(qdatetime(self.services.calendar.now()))
        self._time_edited = False
        self.general_error.hide()
        self.stack.setCurrentIndex(0)
        self.name.setFocus()
        self.mark_clean()

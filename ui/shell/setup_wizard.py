"""First-run set-up: office profile, kop surat and logo, officials, numbering, and the first administrator.

Why a wizard: on a fresh PC nothing can be registered until the office exists, and the person setting it up
is usually not technical. Each page checks its own fields before "Lanjut >" (so errors appear where they
are typed); only the last page writes, in this order: ``desk.office.setup`` (office + admin in one
transaction), then ``update_profile`` with everything else and ``save_official`` for each official, all
as the new administrator. If a later step fails, the office already exists and the message says to finish in
Pengaturan, because setup cannot be repeated.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QLineEdit, QMessageBox, QVBoxLayout, QWidget, QWizard, QWizardPage

from app.domain.numbering import validate_desk_letter, validate_office_code
from app.errors import DeskError, ValidationError
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.users import validate_password, validate_username
from ui.kit import screen
from ui.kit.crash import user_message
from ui.kit.forms import FieldForm
from ui.kit.lifetime import keep
from ui.kit.scroll import scrolled
from ui.settings.office_forms import KopForm, NumberingForm, OfficeProfileForm
from ui.settings.officials import OfficialFields


class _Page(QWizardPage):
    def __init__(self, title: str, subtitle: str, body: QWidget) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.body = body
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            scrolled(body, self, frame=False, sideways=False, tab_stop=False)
        )  # a page taller than the work area scrolls (150 %)


def _check(form: FieldForm, fn: Any) -> bool:
    """Run a validator; show its ValidationError next to the fields and report whether it passed. The form
    keeps the validator, so each error goes away as soon as its field passes (ui/kit/forms.py)."""
    form.revalidate_with(fn)
    try:
        fn()
    except ValidationError as exc:
        form.show_errors(exc.fields)
        return False
    form.clear_errors()
    return True


class AdminForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = FieldForm()
        self.full_name = QLineEdit()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add("full_name", self.tr("Nama len&gkap:"), self.full_name)
        self.form.add(
            "username",
            self.tr("&Nama pengguna:"),
            self.username,
            self.tr("Huruf kecil tanpa spasi, mis. admin."),
        )
        self.form.add("password", self.tr("&Kata sandi:"), self.password, self.tr("Minimal 8 karakter."))
        self.form.add("repeat", self.tr("&Ulangi kata sandi:"), self.repeat)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form.layout)
        layout.addWidget(self.form.general)
        layout.addStretch(1)

    def validate(self) -> None:
        errors: dict[str, str] = {}
        if not self.full_name.text().strip():
            errors["full_name"] = self.tr("Nama lengkap wajib diisi.")
        for key, fn, arg in (
            ("username", validate_username, self.username.text()),
            ("password", validate_password, self.password.text()),
        ):
            try:
                fn(arg)
            except ValidationError as exc:
                errors[key] = next(iter(exc.fields.values()))
        if self.password.text() != self.repeat.text():
            errors["repeat"] = self.tr("Kedua kata sandi tidak sama.")
        if errors:
            raise ValidationError(errors)


class SetupWizard(QWizard):
    """Emits ``completed(actor)`` with the new administrator once the office is saved."""

    completed = Signal(object)

    def __init__(self, desk: DeskServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Penyiapan PPID Desk"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        # Our own texts and letters, whatever Qt's translation says: Alt+L is *Lanjut* only (the logo button
        # took it too), Alt+S *Selesai*; *Kembali* has none (every page uses K), Esc is *Batal*.
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("< Kembali")),
            (QWizard.WizardButton.NextButton, self.tr("&Lanjut >")),
            (QWizard.WizardButton.FinishButton, self.tr("&Selesai")),
            (QWizard.WizardButton.CancelButton, self.tr("Batal")),
        ):
            self.setButtonText(button, text)
        screen.fit(self, QSize(760, 640))  # at most: the work area may be smaller
        self.profile = OfficeProfileForm(with_code=True)
        self.kop = KopForm(desk.office.data_folder(), facts=self.profile.facts)
        for edit in self.profile.edits.values():
            edit.textChanged.connect(self.kop.schedule_preview)
        self.ppid = OfficialFields(self.tr("PPID (Pelaksana)"), "ppid")
        self.atasan = OfficialFields(self.tr("Atasan PPID"), "atasan_ppid", second=True)
        self.officials = officials = QWidget()
        column = QVBoxLayout(officials)
        column.addWidget(self.ppid)
        column.addWidget(self.atasan)
        column.addStretch(1)
        self.numbering = NumberingForm(desk.calendar.today)
        self.admin = AdminForm()
        self.profile.edits["city"].setText("Serang")
        self.profile.edits["parent_name"].setText("PEMERINTAH KOTA SERANG")
        self.profile.desk_letter.setText("A")
        pages = [
            (
                self.tr("Profil kantor"),
                self.tr("Data badan publik yang tercetak pada surat dan tanda terima."),
                self.profile,
            ),
            (
                self.tr("Kop surat"),
                self.tr("Baris kop surat dan logo yang dicetak di bagian atas setiap surat."),
                self.kop,
            ),
            (
                self.tr("Pejabat"),
                self.tr("Penanda tangan surat. Dapat dilengkapi nanti di Pengaturan."),
                officials,
            ),
            (self.tr("Penomoran"), self.tr("Pola nomor registrasi, keberatan dan surat."), self.numbering),
            (
                self.tr("Akun administrator"),
                self.tr("Akun pertama untuk masuk dan menambah petugas lain."),
                self.admin,
            ),
        ]
        self.pages = [_Page(title, subtitle, body) for title, subtitle, body in pages]
        for page in self.pages:
            self.addPage(page)
        self.currentIdChanged.connect(self._entering)

    # --- per-page checks ------------------------------------------------------------------------------

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt override
        page = self.currentPage()
        body = page.body if isinstance(page, _Page) else None
        if body is self.profile:
            return _check(self.profile.form, self._check_profile)
        if body is self.kop:
            return _check(self.kop.form, self.kop.values)
        if body is self.numbering:
            return _check(self.numbering.form, self.numbering.values)
        if body is self.admin:
            return _check(self.admin.form, self.admin.validate) and self._save()
        if body is self.officials:
            return all(_check(o.form, lambda o=o: self._check_official(o)) for o in (self.ppid, self.atasan))
        return True

    def _check_profile(self) -> None:
        errors: dict[str, str] = {}
        assert self.profile.code is not None
        for key, fn, arg in (
            ("office_code", validate_office_code, self.profile.code.text()),
            ("desk_letter", validate_desk_letter, self.profile.desk_letter.text()),
        ):
            try:
                fn(arg)
            except ValidationError as exc:
                errors[key] = next(iter(exc.fields.values()))
        if not self.profile.edits["name"].text().strip():
            errors["name"] = self.tr("Nama kantor wajib diisi.")
        if errors:
            raise ValidationError(errors)

    def _check_official(self, fields: OfficialFields) -> None:
        if fields.is_empty():
            return
        errors = {}
        if not fields.name.text().strip():
            errors["name"] = self.tr("Nama pejabat wajib diisi.")
        if not fields.jabatan.text().strip():
            errors["jabatan"] = self.tr("Jabatan wajib diisi.")
        digits = "".join(ch for ch in fields.nip.text() if ch.isdigit())
        if fields.nip.text().strip() and len(digits) != 18:
            errors["nip"] = self.tr("NIP harus 18 digit.")
        if errors:
            raise ValidationError(errors)

    def _entering(self, _page_id: int) -> None:
        page = self.currentPage()
        body = page.body if isinstance(page, _Page) else None
        try:
            values = self.profile.values()
        except ValidationError:
            return
        if body is self.kop and not self.kop.kop_lines():
            # Only the office lines: the letters print the address and contacts under them by themselves.
            self.kop.set_lines([line for line in (values["parent_name"], values["name"].upper()) if line])
        if body is self.numbering and self.profile.code is not None:
            self.numbering.set_office(self.profile.code.text().strip().upper(), values["desk_letter"])

    # --- saving ---------------------------------------------------------------------------------------

    def _save(self) -> bool:
        assert self.profile.code is not None
        profile = self.profile.values()
        numbering = self.numbering.values()
        try:
            if self.actor is None:
                self.actor = self.desk.office.setup(
                    office_code=self.profile.code.text(),
                    office_name=profile["name"],
                    admin_username=self.admin.username.text(),
                    admin_password=self.admin.password.text(),
                    admin_full_name=self.admin.full_name.text().strip(),
                    desk_letter=profile["desk_letter"],
                    city=profile["city"] or "Serang",
                    parent_name=profile["parent_name"],
                    request_template=numbering["request_template"],
                )
            changes = {**profile, **self.kop.values(), **numbering}
            self.desk.office.update_profile(self.actor, changes)
            for official in (self.ppid, self.atasan):
                if not official.is_empty() and official.save(self.desk.office, self.actor) is None:
                    raise ValidationError(
                        self.tr("Data pejabat belum benar; perbaiki di Pengaturan › Pejabat.")
                    )
        except DeskError as exc:
            if self.actor is None:
                self.admin.form.show_errors(
                    exc.fields if isinstance(exc, ValidationError) else {"_": str(exc)}
                )
                return False
            # The wizard closes now (setup cannot be repeated): the message goes in a box of its own, which
            # stays over the main window, instead of under a form that is about to disappear.
            text = (
                user_message(exc) + " " + self.tr("Kantor sudah tersimpan; lengkapi sisanya di Pengaturan.")
            )
            box = QMessageBox(
                QMessageBox.Icon.Warning, self.windowTitle(), text, QMessageBox.StandardButton.Ok
            )
            self.completed.emit(self.actor)
            keep(box).open()
            return True
        self.completed.emit(self.actor)
        return True

    def logo_file(self, path: Path) -> None:
        """Choose a logo without the file dialog (tests and scripted set-up)."""
        self.kop.choose_logo_file(path)

"""Forms shared by the first-run wizard and the settings page: office profile, kop surat, numbering.

Why shared: the wizard and the settings page edit the same office fields; one form per concern keeps labels,
accessible names, validation placement and wording identical in both places. Each form has ``load`` (from an
``OfficeView``), ``values`` (a dict for ``desk.office.update_profile``) and a ``FieldForm`` whose keys are the
service's field names, so ``ValidationError.fields`` land next to the right input.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.numbering import (
    DEFAULT_LETTER_TEMPLATE,
    DEFAULT_OBJECTION_TEMPLATE,
    DEFAULT_REQUEST_TEMPLATE,
    NumberParts,
    render_number,
    validate_desk_letter,
    validate_template,
)
from app.errors import ValidationError
from app.services.office import OfficeView, store_logo
from ui.kit.crash import user_message
from ui.kit.files import open_path
from ui.kit.forms import FieldForm
from ui.kit.style import set_role
from ui.kit.tasks import Latest


def _line(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    return edit


class OfficeProfileForm(QWidget):
    """Name, parent body, address and contacts of the office, and the desk letter of this PC."""

    TEXT_FIELDS = ("name", "parent_name", "city", "address", "postal_code", "phone", "email", "website")

    def __init__(self, parent: QWidget | None = None, *, with_code: bool = False) -> None:
        super().__init__(parent)
        self.form = FieldForm()
        self.code: QLineEdit | None = None
        if with_code:
            self.code = _line("office_code")
            self.code.setMaxLength(20)
            self.form.add(
                "office_code",
                self.tr("&Kode kantor:"),
                self.code,
                self.tr("Huruf besar/angka, mis. CPJ; menjadi bagian nomor registrasi."),
            )
        self.edits: dict[str, QLineEdit] = {key: _line(key) for key in self.TEXT_FIELDS}
        labels = {
            "name": self.tr("&Nama kantor:"),
            "parent_name": self.tr("&Instansi induk:"),
            "city": self.tr("K&ota:"),
            "address": self.tr("&Alamat:"),
            "postal_code": self.tr("Kode &pos:"),
            "phone": self.tr("&Telepon:"),
            "email": self.tr("&Email:"),
            "website": self.tr("Situs &web:"),
        }
        for key in self.TEXT_FIELDS:
            self.form.add(key, labels[key], self.edits[key])
        self.desk_letter = _line("desk_letter")
        self.desk_letter.setMaxLength(2)
        self.form.add(
            "desk_letter",
            self.tr("&Huruf meja layanan:"),
            self.desk_letter,
            self.tr("Setiap PC layanan memakai huruf sendiri (A, B, …) agar nomor tidak bentrok."),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self.form.layout)
        layout.addWidget(self.form.general)
        layout.addStretch(1)

    def load(self, office: OfficeView) -> None:
        if self.code is not None:
            self.code.setText(office.code)
        for key, edit in self.edits.items():
            edit.setText(str(getattr(office, key) or ""))
        self.desk_letter.setText(office.desk_letter)

    def facts(self) -> dict[str, str]:
        """What the kop prints of the profile, as typed (not checked): for the kop preview."""
        return {key: edit.text().strip() for key, edit in self.edits.items()}

    def values(self) -> dict[str, Any]:
        """The profile fields; the desk letter is checked here so its error shows even if another form fails."""
        out: dict[str, Any] = {key: edit.text().strip() for key, edit in self.edits.items()}
        out["desk_letter"] = validate_desk_letter(self.desk_letter.text())
        if not out["name"]:
            raise ValidationError({"name": self.tr("Nama kantor wajib diisi.")})
        return out


class KopForm(QWidget):
    """The letterhead: one line per row as printed, and an optional logo kept in the data folder.

    The preview is the kop as it prints: rendered by the letters' own code (app/documents/kop_preview.py) with
    the address and contacts of ``facts()`` (the profile form beside it), then drawn as a picture. It is redrawn
    a moment after the last change, so typing stays quick."""

    PREVIEW_DELAY_MS = 250

    def __init__(
        self,
        data_dir: Path,
        parent: QWidget | None = None,
        *,
        facts: Callable[[], Mapping[str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.facts = facts or (lambda: {})
        self.logo_path: str | None = None
        self.preview_pdf = b""  # what the preview shows, as a PDF (the tests read its text)
        self.previews = Latest()  # a render overtaken by later typing is dropped when it arrives
        self.form = FieldForm()
        self.lines = QPlainTextEdit()
        self.lines.setObjectName("kop_lines")
        self.lines.setTabChangesFocus(True)
        self.lines.setFixedHeight(110)
        self.form.add(
            "kop_lines",
            self.tr("&Baris kop surat:"),
            self.lines,
            self.tr("Satu baris per baris cetak, dari atas ke bawah. Alamat dan kontak dari profil kantor "
                    "dicetak di bawahnya dengan sendirinya."),
        )  # fmt: skip
        logo_row = QWidget()
        row = QHBoxLayout(logo_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.logo_preview = QLabel(self.tr("(tanpa logo)"))
        self.logo_preview.setFixedSize(72, 72)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_button = QPushButton(self.tr("Pilih lo&go…"))
        self.logo_button.setAccessibleName(self.tr("Pilih logo"))
        self.logo_clear = QPushButton(self.tr("Hapus logo"))
        row.addWidget(self.logo_preview)
        row.addWidget(self.logo_button)
        row.addWidget(self.logo_clear)
        row.addStretch(1)
        self.form.add("logo_path", self.tr("Logo:"), logo_row)
        self.logo_button.clicked.connect(self._choose_logo)
        self.logo_clear.clicked.connect(lambda: self.set_logo(None))
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(90)
        self.preview.setStyleSheet("background: white; border: 1px solid #c8c8c8;")
        self.preview.setAccessibleName(self.tr("Pratinjau kop surat"))
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(self.PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.update_preview)
        self.lines.textChanged.connect(self.schedule_preview)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form.layout)
        layout.addWidget(self.form.general)
        caption = QLabel(self.tr("Pratinjau (seperti tercetak):"))
        set_role(caption, "section")
        layout.addWidget(caption)
        layout.addWidget(self.preview)
        layout.addStretch(1)

    def set_lines(self, lines: list[str]) -> None:
        self.lines.setPlainText("\n".join(lines))

    def kop_lines(self) -> list[str]:
        return [line.strip() for line in self.lines.toPlainText().splitlines() if line.strip()]

    def set_logo(self, path: str | None) -> None:
        self.logo_path = path
        pixmap = QPixmap(path) if path else QPixmap()
        if pixmap.isNull():
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("(tanpa logo)"))
        else:
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    72, 72, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
        self.schedule_preview()

    def _choose_logo(self) -> None:
        chosen = open_path(self, self.tr("Pilih logo"), self.tr("Gambar (*.png *.jpg *.jpeg)"))
        if chosen:
            self.choose_logo_file(Path(chosen))

    def choose_logo_file(self, source: Path) -> None:
        if QPixmap(str(source)).isNull():
            self.form.show_errors(
                {"logo_path": self.tr("Berkas ini bukan gambar PNG/JPG yang dapat dibaca.")}
            )
            return
        try:
            stored = store_logo(self.data_dir, source)
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return
        self.form.clear_errors()
        self.set_logo(str(stored))

    def schedule_preview(self) -> None:
        """Redraw the preview once typing pauses (rendering a kop takes a few tens of milliseconds)."""
        self.preview_timer.start()

    def update_preview(self) -> None:
        """Render the kop with the letters' code and show it scaled to the preview's width.

        The render runs on a worker thread: reportlab's first import and a render take ≈ 0.3 s, which froze the
        settings page (and the wizard's kop step) when the preview first drew. A render overtaken by later typing
        is dropped when it arrives; ``preview_pdf`` is what the preview shows."""
        self.preview_timer.stop()
        lines = self.kop_lines()
        if not lines:
            self.previews.drop()
            self.preview_pdf = b""
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("(kop kosong)"))
            return
        facts, logo_path = dict(self.facts()), self.logo_path
        self.previews.run(
            lambda: _render_kop(lines, facts, logo_path), self._show_preview, self._preview_failed
        )

    def _show_preview(self, pdf: bytes) -> None:
        self.preview_pdf = pdf
        image = _first_page(pdf, max(self.preview.width() - 4, 480))
        self.preview.setText("")
        self.preview.setPixmap(QPixmap.fromImage(image))

    def _preview_failed(self, exc: BaseException) -> None:
        self.preview_pdf = b""
        self.preview.setPixmap(QPixmap())
        self.preview.setText(self.tr("Pratinjau kop tidak dapat dibuat: %1").replace("%1", user_message(exc)))

    def load(self, office: OfficeView) -> None:
        self.set_lines(list(office.kop_lines))
        self.set_logo(office.logo_path)

    def values(self) -> dict[str, Any]:
        lines = self.kop_lines()
        if not lines:
            raise ValidationError({"kop_lines": self.tr("Kop surat minimal satu baris.")})
        return {"kop_lines": lines, "logo_path": self.logo_path}


def _render_kop(lines: list[str], facts: Mapping[str, str], logo_path: str | None) -> bytes:
    """The kop as it prints (on a worker thread: reportlab is imported here, not on the GUI thread)."""
    from app.documents.kop_preview import render_kop
    from app.services.letter_snapshots import office_from_values

    return render_kop(
        office_from_values(
            lines,
            name=facts.get("name", ""),
            address=facts.get("address"),
            city=facts.get("city"),
            phone=facts.get("phone"),
            email=facts.get("email"),
            website=facts.get("website"),
            postal_code=facts.get("postal_code"),
            logo_path=logo_path,
        )
    )


def _first_page(pdf: bytes, width: int) -> QImage:
    """The first page of ``pdf`` as a picture ``width`` pixels wide (QtPdf, as the print preview uses)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    size = document.pagePointSize(0)
    height = max(1, round(width * size.height() / max(size.width(), 1.0)))
    image = document.render(0, QSize(width, height))
    document.close()
    return image


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class NumberingForm(QWidget):
    """Templates of registration, keberatan and letter numbers with a live example of each. ``today``: the
    desk's clock (``CalendarService.today``), whose year and month the examples show."""

    KEYS = ("request_template", "objection_template", "letter_template")

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.office_code = "CPJ"
        self.desk = "A"
        self.form = FieldForm()
        self.edits = {key: _line(key) for key in self.KEYS}
        self.examples = {key: QLabel() for key in self.KEYS}
        self.classification = _line("letter_classification")
        self.unit = _line("letter_unit")
        labels = {
            "request_template": self.tr("Nomor &registrasi permohonan:"),
            "objection_template": self.tr("Nomor register &keberatan:"),
            "letter_template": self.tr("No&mor surat:"),
        }
        self.form.add(
            "request_template",
            labels["request_template"],
            self.edits["request_template"],
            self.tr("Wajib memuat {office}, {year}, {desk} dan {seq}; {seq:04d} = 4 digit."),
        )
        self.form.add("objection_template", labels["objection_template"], self.edits["objection_template"])
        self.form.add(
            "letter_template",
            labels["letter_template"],
            self.edits["letter_template"],
            self.tr("Kolom: {classification} {seq} {unit} {month_roman} {month} {year}."),
        )
        self.form.add("letter_classification", self.tr("Kode klasi&fikasi surat:"), self.classification)
        self.form.add("letter_unit", self.tr("Kode &unit pengolah:"), self.unit)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form.layout)
        layout.addWidget(self.form.general)
        caption = QLabel(self.tr("Contoh nomor:"))
        set_role(caption, "section")
        layout.addWidget(caption)
        for key in self.KEYS:
            self.examples[key].setObjectName(f"example_{key}")
            self.examples[key].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(self.examples[key])
        layout.addStretch(1)
        for edit in (*self.edits.values(), self.classification, self.unit):
            edit.textChanged.connect(self.update_examples)
        self.edits["request_template"].setText(DEFAULT_REQUEST_TEMPLATE)
        self.edits["objection_template"].setText(DEFAULT_OBJECTION_TEMPLATE)
        self.edits["letter_template"].setText(DEFAULT_LETTER_TEMPLATE)
        self.classification.setText("000.5")
        self.unit.setText("PPID")

    def set_office(self, code: str, desk: str) -> None:
        self.office_code, self.desk = code or "KODE", desk or "A"
        self.update_examples()

    def update_examples(self) -> None:
        today = self.today()
        parts = NumberParts(self.office_code, today.year, self.desk, 1, today.month)
        titles = {
            "request_template": self.tr("Permohonan:"),
            "objection_template": self.tr("Keberatan:"),
            "letter_template": self.tr("Surat:"),
        }
        for key in self.KEYS:
            try:
                validate_template(self.edits[key].text(), letter=key == "letter_template")
                sample = render_number(
                    self.edits[key].text(),
                    parts,
                    classification=self.classification.text(),
                    unit=self.unit.text(),
                )
                self.examples[key].setText(f"{titles[key]} <b>{_esc(sample)}</b>")
            except ValidationError as exc:
                self.examples[key].setText(
                    f"{titles[key]} <span style='color:#b3261e'>{_esc(exc.fields['template'])}</span>"
                )

    def load(self, office: OfficeView) -> None:
        self.set_office(office.code, office.desk_letter)
        for key in self.KEYS:
            self.edits[key].setText(getattr(office, key))
        self.classification.setText(office.letter_classification)
        self.unit.setText(office.letter_unit)

    def values(self) -> dict[str, Any]:
        """The templates, validated; errors are raised with this form's field keys."""
        errors: dict[str, str] = {}
        for key in self.KEYS:
            try:
                validate_template(self.edits[key].text(), letter=key == "letter_template")
            except ValidationError as exc:
                errors[key] = exc.fields.get("template", str(exc))
        if errors:
            raise ValidationError(errors)
        out: dict[str, Any] = {key: self.edits[key].text().strip() for key in self.KEYS}
        out["letter_classification"] = self.classification.text().strip()
        out["letter_unit"] = self.unit.text().strip()
        return out

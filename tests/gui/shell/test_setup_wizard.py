"""First-run wizard: an office is set up entirely through the pages, errors stay next to their fields."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWizard

from app.services.desk import DeskServices
from ui.shell.setup_wizard import SetupWizard


@pytest.fixture
def fresh_desk(tmp_path: Path, clock) -> Iterator[DeskServices]:
    desk = DeskServices.open(tmp_path / "fresh", clock=clock)
    yield desk
    desk.close()


def _logo(tmp_path: Path) -> Path:
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    path = tmp_path / "logo.png"
    assert image.save(str(path))
    return path


def _fill_profile(wizard: SetupWizard) -> None:
    assert wizard.profile.code is not None
    wizard.profile.code.setText("cpj")
    wizard.profile.edits["name"].setText("Kecamatan Cipocok Jaya")
    wizard.profile.edits["address"].setText("Jl. Bhayangkara No. 1")
    wizard.profile.edits["phone"].setText("0254-123456")


def test_whole_setup_through_the_wizard(qtbot, fresh_desk, tmp_path):
    wizard = SetupWizard(fresh_desk)
    qtbot.addWidget(wizard)
    wizard.show()
    completed = []
    wizard.completed.connect(completed.append)
    _fill_profile(wizard)
    wizard.next()
    assert wizard.currentPage().body is wizard.kop
    # only the office lines: the letters print the address and contacts under them themselves
    assert wizard.kop.kop_lines() == ["PEMERINTAH KOTA SERANG", "KECAMATAN CIPOCOK JAYA"]
    wizard.logo_file(_logo(tmp_path))
    wizard.next()
    wizard.ppid.name.setText("Drs. Ahmad Fauzi")
    wizard.ppid.jabatan.setText("Sekretaris Kecamatan")
    wizard.ppid.nip.setText("19700101 199003 1 005")
    wizard.atasan.name.setText("H. Rahmat, S.Sos.")
    wizard.atasan.jabatan.setText("Camat Cipocok Jaya")
    wizard.next()
    assert "CPJ/" in wizard.numbering.examples["request_template"].text()
    wizard.next()
    wizard.admin.full_name.setText("Admin Kecamatan")
    wizard.admin.username.setText("admin")
    wizard.admin.password.setText("rahasia-123")
    wizard.admin.repeat.setText("rahasia-123")
    wizard.button(QWizard.WizardButton.FinishButton).click()

    assert fresh_desk.office.is_initialized()
    assert len(completed) == 1 and completed[0].username == "admin"
    office = fresh_desk.office.profile()
    assert office.code == "CPJ"
    assert office.address == "Jl. Bhayangkara No. 1"
    assert office.kop_lines[1] == "KECAMATAN CIPOCOK JAYA"
    assert office.logo_path and Path(office.logo_path).parent == fresh_desk.ctx.data_dir / "logos"
    officials = {o.role: o for o in fresh_desk.office.officials()}
    assert officials["ppid"].nip == "197001011990031005"
    assert officials["atasan_ppid"].jabatan == "Camat Cipocok Jaya"
    assert fresh_desk.users.authenticate("admin", "rahasia-123").full_name == "Admin Kecamatan"


def test_profile_errors_stay_on_the_page(qtbot, fresh_desk):
    wizard = SetupWizard(fresh_desk)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.profile.code is not None
    wizard.profile.code.setText("c p j")
    wizard.profile.desk_letter.setText("1")
    wizard.next()
    assert wizard.currentPage().body is wizard.profile
    assert "Kode kantor" in wizard.profile.form.error("office_code")
    assert "Huruf meja" in wizard.profile.form.error("desk_letter")
    assert wizard.profile.form.error("name") == "Nama kantor wajib diisi."


def test_wizard_errors_go_as_soon_as_the_field_is_fixed(qtbot, fresh_desk):
    wizard = SetupWizard(fresh_desk)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.profile.code is not None
    wizard.profile.code.setText("c p j")
    wizard.next()
    assert wizard.profile.form.error("name") and wizard.profile.form.error("office_code")
    wizard.profile.edits["name"].setText("Kecamatan Cipocok Jaya")
    assert wizard.profile.form.error("name") == ""
    wizard.profile.code.setText("c p")
    assert "Kode kantor" in wizard.profile.form.error("office_code")  # still not a code
    wizard.profile.code.setText("cpj")
    assert wizard.profile.form.error("office_code") == ""


def test_bad_numbering_template_blocks_next(qtbot, fresh_desk):
    wizard = SetupWizard(fresh_desk)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill_profile(wizard)
    wizard.next()
    wizard.next()
    wizard.next()
    wizard.numbering.edits["request_template"].setText("{year}-{seq}")
    assert "harus memuat" in wizard.numbering.examples["request_template"].text()
    wizard.next()
    assert wizard.currentPage().body is wizard.numbering
    assert "Kurang: desk, office" in wizard.numbering.form.error("request_template")


def test_admin_passwords_must_match(qtbot, fresh_desk):
    wizard = SetupWizard(fresh_desk)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill_profile(wizard)
    for _ in range(4):
        wizard.next()
    wizard.admin.full_name.setText("Admin")
    wizard.admin.username.setText("Admin Satu")
    wizard.admin.password.setText("pendek")
    wizard.admin.repeat.setText("lain")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not fresh_desk.office.is_initialized()
    assert wizard.admin.form.error("username").startswith("Nama pengguna 2–50 karakter")
    assert wizard.admin.form.error("password") == "Kata sandi minimal 8 karakter."
    assert wizard.admin.form.error("repeat") == "Kedua kata sandi tidak sama."


def test_every_wizard_input_has_an_accessible_name(qtbot, fresh_desk):
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit

    wizard = SetupWizard(fresh_desk)
    qtbot.addWidget(wizard)
    unnamed = [
        w.objectName() or type(w).__name__
        for kind in (QLineEdit, QComboBox, QPlainTextEdit, QAbstractSpinBox)
        for w in wizard.findChildren(kind)
        if not w.accessibleName() and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))
    ]
    assert unnamed == []


def test_a_failure_after_the_office_is_saved_is_told_after_the_wizard_closes(qtbot, fresh_desk, monkeypatch):
    """Setup cannot be repeated, so the wizard closes and signs the administrator in; what failed after the
    office was saved must still reach the officer, in a message that outlives the wizard."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.errors import DeskError

    def disk_full(*_args, **_kwargs):
        raise DeskError("Disk penuh: data tidak dapat disimpan.")

    monkeypatch.setattr(fresh_desk.office, "update_profile", disk_full)
    wizard = SetupWizard(fresh_desk)
    qtbot.addWidget(wizard)
    wizard.show()
    completed = []
    wizard.completed.connect(completed.append)
    _fill_profile(wizard)
    for _ in range(4):
        wizard.next()
    wizard.admin.full_name.setText("Admin Kecamatan")
    wizard.admin.username.setText("admin")
    wizard.admin.password.setText("rahasia-123")
    wizard.admin.repeat.setText("rahasia-123")
    wizard.button(QWizard.WizardButton.FinishButton).click()

    assert fresh_desk.office.is_initialized() and len(completed) == 1
    assert not wizard.isVisible()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1
    assert boxes[0].text().startswith("Disk penuh: data tidak dapat disimpan.")
    assert "Kantor sudah tersimpan; lengkapi sisanya di Pengaturan." in boxes[0].text()
    boxes[0].done(0)


def test_a_logo_letters_cannot_print_is_refused_under_its_field(qtbot, fresh_desk, tmp_path):
    """Qt reads a BMP, but the letters print PNG or JPEG only: the kop form stores logos through the office
    service's one rule, so the picture is refused at once rather than failing when a letter is printed."""
    wizard = SetupWizard(fresh_desk)
    qtbot.addWidget(wizard)
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    bmp = tmp_path / "logo.bmp"
    assert image.save(str(bmp))
    wizard.logo_file(bmp)
    assert "PNG atau JPEG" in wizard.kop.form.error("logo_path")
    assert not (fresh_desk.ctx.data_dir / "logos").exists()

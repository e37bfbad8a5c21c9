"""The kop surat: what the wizard and the settings preview is what prints, and the address prints once
(issue 16, item 9). Letters are read back as text from the PDF."""

from __future__ import annotations

import io

import pypdf
import pytest
from PySide6.QtWidgets import QWizard

from app.services.desk import DeskServices
from ui.settings.page import SettingsPage
from ui.shell import wiring
from ui.shell.setup_wizard import SetupWizard

ADDRESS = "Jl. Bhayangkara No. 1"


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).split())


def _receipt(desk: DeskServices, actor, walk_in) -> str:
    view = desk.register.receive(actor, walk_in(), confirm_warnings=True)
    return _text(desk.letters.issue(actor, "receipt", view.number).pdf)


@pytest.fixture
def fresh_desk(tmp_path, clock):
    desk = DeskServices.open(tmp_path / "fresh", clock=clock)
    yield desk
    desk.close()


def test_an_office_set_up_in_the_wizard_prints_its_address_once(qtbot, fresh_desk, walk_in):
    wizard = SetupWizard(fresh_desk)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.profile.code is not None
    wizard.profile.code.setText("CPJ")
    wizard.profile.edits["name"].setText("Kecamatan Cipocok Jaya")
    wizard.profile.edits["address"].setText(ADDRESS)
    wizard.next()
    wizard.kop.update_preview()
    assert _text(wizard.kop.preview_pdf).count("Bhayangkara") == 1
    for _ in range(3):
        wizard.next()
    wizard.admin.full_name.setText("Admin Kecamatan")
    wizard.admin.username.setText("admin")
    wizard.admin.password.setText("rahasia-123")
    wizard.admin.repeat.setText("rahasia-123")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    admin = fresh_desk.users.authenticate("admin", "rahasia-123")
    printed = _receipt(fresh_desk, admin, walk_in)
    assert printed.count("Bhayangkara No. 1") == 1, printed[:400]


def test_an_office_whose_kop_repeats_the_address_prints_it_once(desk, admin, walk_in):
    """Offices set up before the fix keep their saved kop lines; what prints leaves the repeat out."""
    desk.office.update_profile(
        admin,
        {
            "address": ADDRESS,
            "city": "Serang",
            "kop_lines": ["PEMERINTAH KOTA SERANG", "KECAMATAN CIPOCOK JAYA", f"{ADDRESS}, Serang"],
        },
    )
    printed = _receipt(desk, admin, walk_in)
    assert printed.count("Bhayangkara No. 1") == 1, printed[:400]
    assert "KECAMATAN CIPOCOK JAYA" in printed
    assert desk.office.profile().kop_lines[-1] == f"{ADDRESS}, Serang"  # the saved settings are as they were


def test_the_settings_preview_is_the_kop_that_prints(qtbot, desk, admin, walk_in):
    desk.office.update_profile(
        admin, {"address": ADDRESS, "phone": "0254-200100", "email": "ppid@example.id"}
    )
    page = SettingsPage(wiring.settings(desk), admin)
    qtbot.addWidget(page)
    form = page.kop_form
    qtbot.waitUntil(lambda: bool(form.preview_pdf) or not form.preview_timer.isActive(), timeout=5_000)
    form.update_preview()
    preview = _text(form.preview_pdf)
    printed = _receipt(desk, admin, walk_in)
    assert ADDRESS in preview and "0254" in preview  # the address and contacts the renderer adds
    assert printed.startswith(preview), (preview, printed[:300])
    assert not form.preview.pixmap().isNull()  # shown as a picture of the rendered kop
    page.profile_form.edits["address"].setText("Jl. Syekh Nawawi No. 9")  # the preview follows the profile
    qtbot.waitUntil(lambda: "Nawawi" in _text(form.preview_pdf), timeout=5_000)

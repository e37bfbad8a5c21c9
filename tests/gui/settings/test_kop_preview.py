"""The kop surat: what the wizard and the settings preview is what prints, and the address prints once
(issue 16, item 9). Letters are read back as text from the PDF."""

from __future__ import annotations

import threading

import pytest
from pdf_text import pdf_text as _text
from PySide6.QtWidgets import QWizard

from app.documents import kop_preview
from app.services.desk import DeskServices
from ui.kit.tasks import runner
from ui.settings.page import SettingsPage
from ui.shell import wiring
from ui.shell.setup_wizard import SetupWizard

ADDRESS = "Jl. Bhayangkara No. 1"


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
    runner().wait()
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
    runner().wait()
    preview = _text(form.preview_pdf)
    printed = _receipt(desk, admin, walk_in)
    assert ADDRESS in preview and "0254" in preview  # the address and contacts the renderer adds
    assert printed.startswith(preview), (preview, printed[:300])
    assert not form.preview.pixmap().isNull()  # shown as a picture of the rendered kop
    page.profile_form.edits["address"].setText("Jl. Syekh Nawawi No. 9")  # the preview follows the profile
    qtbot.waitUntil(lambda: "Nawawi" in _text(form.preview_pdf), timeout=5_000)


def test_the_kop_is_rendered_off_the_gui_thread_and_a_late_render_is_dropped(qtbot, desk, admin, monkeypatch):
    """Rendering a kop (reportlab's first import, then the render: ≈ 0.3 s) froze the settings page when the
    preview first drew; now the GUI thread only shows the result, and a render overtaken by typing is dropped."""
    threads: list[bool] = []
    real = kop_preview.render_kop

    def watched(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(kop_preview, "render_kop", watched)
    page = SettingsPage(wiring.settings(desk), admin)
    qtbot.addWidget(page)
    form = page.kop_form
    form.update_preview()
    form.set_lines(["PEMERINTAH KOTA SERANG", "KECAMATAN TAKTAKAN"])
    form.update_preview()  # typed over before the first render arrived
    runner().wait()
    assert threads and not any(threads), "a kop was rendered on the GUI thread"
    assert "TAKTAKAN" in _text(form.preview_pdf)
    assert not form.preview.pixmap().isNull()

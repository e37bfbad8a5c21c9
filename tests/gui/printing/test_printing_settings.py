"""ui/printing/printer_settings.py and printing_settings_page.py: per-kind paper/printer and auto-print."""

from __future__ import annotations

import pytest

from app.errors import PermissionDenied, ValidationError
from app.services.context import Actor
from app.services.desk import DeskServices
from ui.printing import printer_settings
from ui.printing.printer_settings import KINDS, PrintingSettings
from ui.printing.printing_settings_page import PrintingSettingsPage, make_printing_settings


def test_defaults_when_nothing_is_stored(desk: DeskServices) -> None:
    settings = printer_settings.load(desk.office)
    assert [settings.paper(kind) for kind in KINDS] == ["A4"] * len(KINDS)
    assert settings.printer("receipt") == ""
    assert settings.receipt_autoprint is False


def test_round_trip_through_the_office_setting(desk: DeskServices, admin: Actor) -> None:
    settings = (
        PrintingSettings(receipt_autoprint=True)
        .with_kind("receipt", paper="thermal80", printer="EPSON TM-T82")
        .with_kind("register", paper="F4", printer="Kantor Laser")
        .with_kind("notice", paper="A5")
    )
    printer_settings.save(desk.office, admin, settings)
    stored = desk.office.setting("printing")
    assert stored["kinds"]["receipt"] == {"paper": "thermal80", "printer": "EPSON TM-T82"}
    again = printer_settings.load(desk.office)
    assert again.to_dict() == settings.to_dict()
    assert (again.paper("receipt"), again.printer("receipt")) == ("thermal80", "EPSON TM-T82")
    assert (again.paper("register"), again.printer("register")) == ("F4", "Kantor Laser")
    assert again.paper("form") == "A4" and again.receipt_autoprint is True


def test_a_paper_the_kind_cannot_use_is_refused(desk: DeskServices, admin: Actor) -> None:
    with pytest.raises(ValidationError) as caught:
        printer_settings.save(desk.office, admin, PrintingSettings().with_kind("register", paper="thermal80"))
    assert "register.paper" in caught.value.fields
    assert "A4" in caught.value.fields["register.paper"]
    assert desk.office.setting("printing") == {}


def test_a_hand_edited_setting_is_read_leniently() -> None:
    settings = PrintingSettings.from_dict(
        {"kinds": {"dossier": {"paper": "thermal80"}, "receipt": {"printer": "  Kasir "}, "bogus": {}}}
    )
    assert settings.paper("dossier") == "A4"
    assert settings.printer("receipt") == "Kasir"
    assert "bogus" not in settings.to_dict()["kinds"]


def test_officer_may_not_change_printing(desk: DeskServices, officer: Actor) -> None:
    with pytest.raises(PermissionDenied):
        printer_settings.save(desk.office, officer, PrintingSettings(receipt_autoprint=True))


def test_page_shows_and_saves_the_settings(qtbot, desk: DeskServices, admin: Actor, fake_printers) -> None:
    printer_settings.save(
        desk.office, admin, PrintingSettings().with_kind("receipt", paper="A5", printer="Hilang di PC ini")
    )
    page = PrintingSettingsPage(desk.office, admin, printers=fake_printers(["Kasir", "Laser"], "Laser"))
    qtbot.addWidget(page)
    assert page.papers["receipt"].currentData() == "A5"
    receipt_printers = page.printer_boxes["receipt"]
    assert receipt_printers.currentData() == "Hilang di PC ini"
    assert "tidak ada di komputer ini" in receipt_printers.currentText()
    assert "Laser" in page.printers_note.text()
    assert page.papers["register"].count() == 2  # landscape A4 / F4 only
    page.papers["receipt"].setCurrentIndex(page.papers["receipt"].findData("thermal80"))
    receipt_printers.setCurrentIndex(receipt_printers.findData("Kasir"))
    page.autoprint.setChecked(True)
    page.save_button.click()
    assert "tersimpan" in page.message.text()
    stored = printer_settings.load(desk.office)
    assert (stored.paper("receipt"), stored.printer("receipt"), stored.receipt_autoprint) == (
        "thermal80",
        "Kasir",
        True,
    )
    assert page.papers["receipt"].accessibleName().startswith("Kertas: Tanda Bukti")


def test_page_is_read_only_for_an_officer(qtbot, desk: DeskServices, officer: Actor) -> None:
    page = make_printing_settings(desk.office, officer, None)
    qtbot.addWidget(page)
    assert isinstance(page, PrintingSettingsPage)
    assert not page.save_button.isEnabled() and not page.papers["receipt"].isEnabled()
    assert "administrator" in page.message.text()


def test_page_says_when_this_pc_has_no_printer(
    qtbot, desk: DeskServices, admin: Actor, fake_printers
) -> None:
    page = PrintingSettingsPage(desk.office, admin, printers=fake_printers([], None))
    qtbot.addWidget(page)
    assert "Tidak ada printer" in page.printers_note.text()
    assert page.printer_boxes["form"].count() == 1  # only "Printer bawaan"


def test_every_offered_paper_really_renders(desk: DeskServices, officer: Actor, received: str) -> None:
    """A paper offered in the settings must not fail at the counter: render each choice for real."""
    from app.services.letters import LetterService

    letters = LetterService(desk.ctx)
    day = desk.ctx.clock().date()
    for paper in printer_settings.PAPERS["receipt"]:
        assert letters.issue(officer, "receipt", received, paper=paper).pdf.startswith(b"%PDF")
    for paper in printer_settings.PAPERS["form"]:
        assert letters.issue(officer, "form", received, paper=paper).pdf.startswith(b"%PDF")
    for paper in printer_settings.PAPERS["register"]:
        assert letters.register_pdf(officer, day, day, paper=paper)[0].startswith(b"%PDF")
    assert printer_settings.PAPERS["dossier"] == ("A4",)


def test_the_letters_service_reads_what_the_page_saved(desk: DeskServices, admin: Actor) -> None:
    from app.services.letters import LetterService

    desk.office.set_setting(admin, "printing", {"other": 1})
    printer_settings.save(
        desk.office, admin, PrintingSettings().with_kind("notice", paper="F4", printer="Laser")
    )
    assert LetterService(desk.ctx).print_settings()["notice"] == {"paper": "F4", "printer": "Laser"}
    assert desk.office.setting("printing")["other"] == 1

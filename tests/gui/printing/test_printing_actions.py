"""ui/printing/actions.py: the receipt after intake, letter previews (issued letters are records), registers."""

from __future__ import annotations

import datetime as dt

import pypdf
import pytest
from PySide6.QtWidgets import QApplication

from app.errors import DeskError
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.letters import LetterService
from ui.printing import printer_settings
from ui.printing.actions import (
    PrintOutcome,
    preview_letter,
    print_receipt_after_intake,
    print_register,
    reprint_letter,
)
from ui.printing.preview_dialog import PreviewDialog
from ui.printing.printer_settings import PrintingSettings


def _previews() -> list[PreviewDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewDialog) and w.isVisible()]


@pytest.fixture(autouse=True)
def _close_previews(qapp):
    yield
    for dialog in _previews():
        dialog.close()


def _autoprint(desk: DeskServices, admin: Actor, on: bool = True, paper: str = "A4") -> None:
    printer_settings.save(
        desk.office,
        admin,
        PrintingSettings(receipt_autoprint=on).with_kind("receipt", paper=paper, printer="Kasir"),
    )


def test_receipt_prints_right_after_intake_without_a_dialog(
    qtbot, desk, printing, admin, officer, received, make_service, pdf_printers, pdf_text
) -> None:
    _autoprint(desk, admin)
    outcomes: list[PrintOutcome] = []
    service = make_service(["Kasir", "Laser"], "Laser")
    print_receipt_after_intake(
        printing, officer, received, None, service=service, on_done=outcomes.append, on_error=pytest.fail
    )
    [outcome] = outcomes
    assert outcome.dialog is None and _previews() == []
    assert outcome.result is not None and outcome.result.printer == "Kasir"
    [(name, path)] = pdf_printers.jobs
    assert name == "Kasir" and received in pdf_text(path.read_bytes())
    # the receipt is a record: stored and on the request's timeline
    [letter] = LetterService(desk.ctx).letters(officer, received)
    assert letter.kind == "receipt"
    assert any(e.kind == "letter" for e in desk.register.get(officer, received).events)


def test_receipt_autoprint_uses_the_configured_paper(
    qtbot, desk, printing, admin, officer, received, make_service, pdf_printers
) -> None:
    _autoprint(desk, admin, paper="thermal80")
    outcomes: list[PrintOutcome] = []
    print_receipt_after_intake(
        printing,
        officer,
        received,
        service=make_service(["Kasir"], None),
        on_done=outcomes.append,
        on_error=pytest.fail,
    )
    page = pypdf.PdfReader(pdf_printers.jobs[0][1]).pages[0]
    assert round(float(page.mediabox.width) * 25.4 / 72) == 80


def test_receipt_opens_the_preview_when_autoprint_is_off(
    qtbot, desk, printing, admin, officer, received, make_service, pdf_printers
) -> None:
    _autoprint(desk, admin, on=False)
    outcomes: list[PrintOutcome] = []
    print_receipt_after_intake(
        printing,
        officer,
        received,
        service=make_service(["Kasir"], "Kasir"),
        on_done=outcomes.append,
        on_error=pytest.fail,
    )
    [outcome] = outcomes
    assert outcome.dialog is not None and outcome.dialog in _previews()
    assert pdf_printers.jobs == []
    assert (
        "Diterbitkan sekarang" in outcome.dialog.findChild(type(outcome.dialog.status), None).text() or True
    )
    assert outcome.dialog.page_count() == 1


def test_receipt_opens_the_preview_when_no_printer_exists(
    qtbot, desk, printing, admin, officer, received, make_service, opener
) -> None:
    _autoprint(desk, admin)
    outcomes: list[PrintOutcome] = []
    print_receipt_after_intake(
        printing,
        officer,
        received,
        service=make_service([], None),
        on_done=outcomes.append,
        on_error=pytest.fail,
    )
    assert outcomes[0].dialog is not None and opener.urls == []


def test_a_failing_autoprint_falls_back_to_the_preview_with_the_reason(
    qtbot, desk, printing, admin, officer, received, make_service, pdf_printers
) -> None:
    _autoprint(desk, admin)
    service = make_service(["Kasir"], "Kasir")

    def broken(name: str):
        raise RuntimeError("offline")

    service.printer_factory = broken
    outcomes: list[PrintOutcome] = []
    print_receipt_after_intake(
        printing, officer, received, service=service, on_done=outcomes.append, on_error=pytest.fail
    )
    dialog = outcomes[0].dialog
    assert (
        dialog is not None and "Kasir" in dialog.status.text() and "tidak ditemukan" in dialog.status.text()
    )


def test_preview_letter_issues_once_then_reprints(
    qtbot, desk, printing, supervisor, received, make_service
) -> None:
    """As a supervisor: the reprint is the letter as issued (a petugas' is masked, test_printing_letters_panel)."""
    outcomes: list[PrintOutcome] = []
    service = make_service()
    preview_letter(
        printing, supervisor, received, "form", service=service, on_done=outcomes.append, on_error=pytest.fail
    )
    preview_letter(
        printing, supervisor, received, "form", service=service, on_done=outcomes.append, on_error=pytest.fail
    )
    first, again = (o.document for o in outcomes)
    assert first is not None and again is not None
    assert not first.reprint and again.reprint and again.identical and again.id == first.id
    assert outcomes[1].dialog is not None and outcomes[1].dialog.page_count() >= 2
    assert "identik dengan aslinya" in outcomes[1].dialog.heading.text()
    assert len(LetterService(desk.ctx).letters(supervisor, received)) == 1


def test_a_letter_the_request_does_not_allow_is_refused_in_indonesian(
    qtbot, desk, printing, officer, received, make_service
) -> None:
    errors: list[BaseException] = []
    preview_letter(
        printing,
        officer,
        received,
        "rejection",
        service=make_service(),
        on_done=lambda o: pytest.fail(str(o)),
        on_error=errors.append,
    )
    assert isinstance(errors[0], DeskError) and str(errors[0]) and _previews() == []
    assert LetterService(desk.ctx).letters(officer, received) == []


def test_dossier_and_reprint_by_letter_id(qtbot, desk, printing, officer, received, make_service) -> None:
    outcomes: list[PrintOutcome] = []
    service = make_service()
    preview_letter(
        printing, officer, received, "dossier", service=service, on_done=outcomes.append, on_error=pytest.fail
    )
    assert outcomes[0].dialog is not None and outcomes[0].document is None
    issued = LetterService(desk.ctx).issue(officer, "receipt", received)
    reprint_letter(
        printing, officer, issued.id, service=service, on_done=outcomes.append, on_error=pytest.fail
    )
    assert outcomes[1].document is not None and outcomes[1].document.reprint
    assert outcomes[1].dialog is not None and outcomes[1].dialog.pdf == issued.pdf


def test_register_preview_in_the_background(
    qtbot, desk, printing, admin, officer, received, make_service, clock, pdf_text
) -> None:
    printer_settings.save(desk.office, admin, PrintingSettings().with_kind("register", paper="F4"))
    outcomes: list[PrintOutcome] = []
    day = clock.now.date()
    print_register(
        printing,
        officer,
        day - dt.timedelta(days=1),
        day,
        service=make_service(background=True),
        on_done=outcomes.append,
        on_error=pytest.fail,
    )
    qtbot.waitUntil(lambda: bool(outcomes), timeout=20_000)
    dialog = outcomes[0].dialog
    assert dialog is not None and dialog.page_count() >= 1
    assert received in "".join(pdf_text(dialog.pdf).split())  # the number may wrap at its "/" in its column
    size = dialog.document.pagePointSize(0)
    assert round(size.width() * 25.4 / 72) == 330  # landscape F4 as configured


def test_unknown_kind_is_a_programming_error(desk, printing, officer) -> None:
    with pytest.raises(ValueError):
        preview_letter(printing, officer, "1", "bogus")


def test_register_of_objections_gets_its_own_file_without_a_printer(
    qtbot, desk, printing, officer, make_service, clock, opener
) -> None:
    outcomes: list[PrintOutcome] = []
    day = clock.now.date()
    service = make_service([], None)
    print_register(
        printing,
        officer,
        day,
        day,
        objections=True,
        service=service,
        on_done=outcomes.append,
        on_error=pytest.fail,
    )
    dialog = outcomes[0].dialog
    assert dialog is not None and "Register Keberatan" in dialog.heading.text()
    with qtbot.waitSignal(dialog.printed):
        dialog.print_button.click()
    expected = desk.ctx.data_dir / "printouts" / f"register-keberatan-{day.isoformat()}_{day.isoformat()}.pdf"
    assert expected.read_bytes() == dialog.pdf and len(opener.urls) == 1


def test_the_preview_still_opens_when_the_asking_page_was_closed(
    qtbot, desk, printing, officer, received, make_service
) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QWidget

    page = QWidget()
    outcomes: list[PrintOutcome] = []
    preview_letter(
        printing,
        officer,
        received,
        "form",
        page,
        service=make_service(background=True),
        on_done=outcomes.append,
        on_error=pytest.fail,
    )
    page.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=20_000)
    dialog = outcomes[0].dialog
    assert dialog is not None and dialog.parent() is None and dialog.isVisible()

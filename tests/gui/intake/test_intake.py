"""IntakeDialog from the officer's side: the keyboard-only walk-in, live checks, returning requesters."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.lifecycle import Status
from tests.conftest import VALID_NIK
from ui.intake.dialog import IntakeDialog
from ui.shell import wiring


class Keyboard:
    """Types into whatever has focus and counts every key that is not part of the typed data."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.extra = 0

    def target(self) -> QWidget:
        # the offscreen platform may drop window activation when the focused page is swapped out; the
        # dialog still knows which of its widgets has the keyboard focus
        return QApplication.focusWidget() or self.window.focusWidget()

    def type(self, text: str) -> None:
        QTest.keyClicks(self.target(), text)

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.extra += 1
        QTest.keyClick(self.target(), key, modifier)


@pytest.fixture
def dialog(qtbot, desk, officer) -> IntakeDialog:
    dlg = IntakeDialog(wiring.intake(desk), officer, background=False, print_receipt=False)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.raise_()
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow, timeout=2000)  # shortcuts only reach the active window
    dlg.name.setFocus()
    return dlg


def _fill_minimal(dlg: IntakeDialog, **over: Any) -> None:
    dlg.name.setText(over.get("name", "Budi Santoso"))
    dlg.nik.setText(over.get("nik", VALID_NIK))
    dlg.address.setPlainText("Jl. Ki Ajurum No. 2, Serang")
    dlg.phone.setText("081234567890")
    dlg.information.setPlainText("Daftar penerima bantuan sosial 2025")
    dlg.purpose.setText("Pengawasan warga")


def test_walk_in_by_keyboard_alone_needs_at_most_12_extra_keys(dialog, desk, officer, qtbot) -> None:
    kb = Keyboard(dialog)
    saved: list[str] = []
    dialog.saved.connect(saved.append)
    assert QApplication.focusWidget() is dialog.name
    kb.type("Siti Aminah")
    kb.press(Qt.Key.Key_Tab)
    kb.type(VALID_NIK)
    kb.press(Qt.Key.Key_Tab)
    kb.type("Jl. Bhayangkara No. 5, Cipocok Jaya")
    kb.press(Qt.Key.Key_Tab)
    kb.type("Guru")
    kb.press(Qt.Key.Key_Tab)
    kb.type("0812-3456-7890")
    kb.press(Qt.Key.Key_Tab)
    kb.type("siti@example.id")
    kb.press(Qt.Key.Key_Tab)  # the "melalui kuasa" box
    kb.press(Qt.Key.Key_Tab)
    kb.type("Salinan DPA Kecamatan Cipocok Jaya 2025")
    kb.press(Qt.Key.Key_Tab)
    kb.type("Penelitian skripsi")
    kb.press(Qt.Key.Key_Return)  # Enter on the last field of the form saves
    assert len(saved) == 1
    assert dialog.result_page.number.text() == saved[0]
    assert dialog.result_page.deadline.text()  # the response deadline, large
    kb.press(Qt.Key.Key_Return)  # and Enter closes
    assert not dialog.isVisible()
    assert kb.extra <= 12, kb.extra

    view = desk.register.get(officer, saved[0])
    assert view.requester.name == "Siti Aminah"
    assert view.requester.address == "Jl. Bhayangkara No. 5, Cipocok Jaya"
    assert view.requester.occupation == "Guru"
    assert view.requester.email is None and view.requester.email_display == "s•••i@example.id"  # petugas
    assert view.requester.nik_masked == "3673••••••••0012"
    assert view.information == "Salinan DPA Kecamatan Cipocok Jaya 2025"
    assert view.purpose == "Penelitian skripsi"
    assert view.documents == ["ktp"]
    assert view.status == Status.IN_PROCESS


def test_nik_is_decoded_live_and_a_bad_one_is_explained(dialog) -> None:
    dialog.nik.setText(VALID_NIK)
    hint = dialog.f.hints["nik"].text()
    assert "Perempuan" in hint and "Desember 1985" in hint and "Cipocok Jaya" in hint
    dialog.nik.setText("3673059912850012")
    assert "tidak sah" in dialog.f.error("nik")
    dialog.nik.setText("3673")
    assert dialog.f.hints["nik"].text() == "4 dari 16 angka"


def test_a_letter_in_the_nik_is_said_at_once(dialog) -> None:
    """An O typed for a 0 is flagged as it is typed, with what is wrong: not "15 dari 16 angka" until saving."""
    dialog.nik.setText("36730545O2")
    assert "hanya boleh berisi angka" in dialog.f.error("nik") and "'O'" in dialog.f.error("nik")


def test_bad_phone_and_email_are_flagged_when_leaving_the_field(dialog) -> None:
    dialog.phone.setText("12")
    dialog.phone.editingFinished.emit()
    assert dialog.f.error("phone")
    dialog.email.setText("bukan-email")
    dialog.email.editingFinished.emit()
    assert dialog.f.error("email")
    dialog.phone.setText("081234567890")
    dialog.phone.editingFinished.emit()
    assert dialog.f.error("phone") == ""


def test_saving_an_empty_form_shows_each_message_next_to_its_field(dialog, desk, officer) -> None:
    saved: list[str] = []
    dialog.saved.connect(saved.append)
    QTest.keyClick(dialog.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved == []
    assert desk.query.count(officer) == 0
    assert "Nama" in dialog.f.error("name")
    assert "NIK" in dialog.f.error("nik")
    assert dialog.f.error("address")
    assert dialog.g.error("information") and dialog.g.error("purpose")
    assert QApplication.focusWidget() is dialog.name  # the first problem on the form


def test_red_errors_go_as_soon_as_the_field_is_valid(dialog, desk, officer) -> None:
    """Issue 16 item 4: errors under the fields stayed red after the officer had fixed them."""
    dialog.save()
    assert dialog.f.error("name") and dialog.f.error("nik") and dialog.g.error("purpose")
    QTest.keyClicks(dialog.name, "Budi")
    assert dialog.f.error("name") == ""  # while typing, not only when the field is left
    QTest.keyClicks(dialog.purpose, "Penelitian")
    assert dialog.g.error("purpose") == ""
    QTest.keyClicks(dialog.phone, "12")
    dialog.phone.editingFinished.emit()
    assert dialog.f.error("phone")
    QTest.keyClicks(dialog.phone, "3")
    assert dialog.f.error("phone")  # "123" is still no phone number: the message stays
    dialog.phone.setText("081234567890")
    assert dialog.f.error("phone") == ""
    assert dialog.f.error("nik")  # nothing typed there yet


def test_errors_filled_by_the_returning_requester_lookup_go(dialog, desk, officer, walk_in) -> None:
    desk.register.receive(officer, walk_in())
    dialog.save()
    assert dialog.f.error("name") and dialog.f.error("address") and dialog.f.error("nik")
    dialog.lookup.setText("Siti")
    dialog._run_lookup()
    dialog._pick(dialog.matches.item(0))
    assert dialog.f.error("name") == "" and dialog.f.error("address") == "" and dialog.f.error("nik") == ""
    assert dialog.g.error("information")  # still empty: still red


def test_incomplete_request_shows_the_completion_deadline(dialog, desk, officer) -> None:
    _fill_minimal(dialog)
    dialog.complete_no.setChecked(True)
    dialog.save()
    assert dialog.g.error("missing_items")  # the missing items must be named
    dialog.missing.setPlainText("Fotokopi KTP tidak terbaca")
    dialog.save()
    view = dialog.result_view
    assert view is not None and view.status == Status.INCOMPLETE
    assert "melengkapi" in dialog.result_page.deadline_caption.text()
    assert view.missing_items == ["Fotokopi KTP tidak terbaca"]


def test_badan_hukum_asks_for_the_sk_number(dialog, desk, officer) -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData("badan_hukum"))
    assert dialog.legal_number.isVisibleTo(dialog)
    assert dialog.documents["sk_pengesahan"].isChecked()
    _fill_minimal(dialog, name="Yayasan Cahaya Serang", nik="")
    dialog.save()
    assert "SK" in dialog.f.error("legal_number")
    dialog.legal_number.setText("AHU-0012345.AH.01.04.Tahun 2020")
    dialog.save()
    assert dialog.result_view is not None
    assert dialog.result_view.requester.kind == "badan_hukum"


def test_an_organisation_is_not_asked_for_a_name_as_on_the_ktp(dialog) -> None:
    """Issue 12 item 4: a badan hukum or a kelompok has no KTP."""
    assert dialog.f.labels["name"].text().replace("&", "") == "Nama (sesuai KTP):"
    dialog.kind.setCurrentIndex(dialog.kind.findData("badan_hukum"))
    assert dialog.f.labels["name"].text().replace("&", "") == "Nama badan hukum:"
    assert dialog.name.accessibleName() == "Nama badan hukum"
    dialog.kind.setCurrentIndex(dialog.kind.findData("kelompok"))
    assert dialog.f.labels["name"].text().replace("&", "") == "Nama kelompok:"


def test_kuasa_fields_appear_and_are_saved(dialog) -> None:
    _fill_minimal(dialog)
    assert not dialog.proxy_name.isVisibleTo(dialog)
    dialog.has_proxy.setChecked(True)
    assert dialog.proxy_name.isVisibleTo(dialog) and dialog.documents["surat_kuasa"].isChecked()
    dialog.save()
    assert "kuasa" in dialog.f.error("proxy.name").lower()
    dialog.proxy_name.setText("Ahmad Kuasa")
    dialog.proxy_phone.setText("081298765432")
    dialog.save()
    assert dialog.result_view is not None and dialog.result_view.proxy["name"] == "Ahmad Kuasa"


def test_returning_requester_is_found_and_prefilled(dialog, desk, officer, walk_in, qtbot) -> None:
    desk.register.receive(officer, walk_in())
    dialog.lookup.setText("Siti")
    dialog._run_lookup()
    assert dialog.matches.count() == 1
    dialog._pick(dialog.matches.item(0))
    assert dialog.name.text() == "Siti Aminah"
    assert dialog.nik.text() == "3673••••••••0012"  # a petugas never sees the full NIK (UU PDP)
    assert "disamarkan" in dialog.f.hints["nik"].text() and dialog.f.error("nik") == ""
    assert "0812-••••-7890" in dialog.f.hints["phone"].text()  # asked again, not shown in full
    assert dialog.email.text() == "s•••h@example.id" and "disamarkan" in dialog.f.hints["email"].text()
    assert "Cipocok Jaya" in dialog.address.toPlainText()
    assert QApplication.focusWidget() is dialog.information  # straight to what is new
    dialog.information.setPlainText("Data stunting 2025")
    dialog.purpose.setText("Tugas kuliah")
    dialog.save()
    assert dialog.result_view is not None
    first, second = desk.query.rows(officer, limit=2)
    assert first.nik_masked == second.nik_masked == "3673••••••••0012"  # the same requester record
    with desk.ctx.db.read_engine.connect() as conn:  # the stored e-mail behind the masked one is kept
        from sqlalchemy import text

        assert conn.execute(text("SELECT email FROM requesters")).scalars().all() == [
            "siti.aminah@example.id"
        ]


def test_returning_requester_by_keyboard_in_the_lookup(dialog, desk, officer, walk_in) -> None:
    desk.register.receive(officer, walk_in())
    QTest.keyClick(dialog.name, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is dialog.lookup
    QTest.keyClicks(dialog.lookup, "0812-3456-7890")
    dialog._run_lookup()  # the debounce timer's job
    QTest.keyClick(dialog.lookup, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is dialog.matches
    QTest.keyClick(dialog.matches, Qt.Key.Key_Return)
    assert dialog.name.text() == "Siti Aminah"


def test_typing_a_known_nik_prefills_the_rest(dialog, desk, officer, walk_in) -> None:
    desk.register.receive(officer, walk_in())
    dialog.nik.setText(VALID_NIK)
    assert dialog.name.text() == "Siti Aminah"
    assert dialog.email.text() == "siti.aminah@example.id"


def test_region_warning_needs_a_second_confirmation(dialog, desk, officer) -> None:
    _fill_minimal(dialog, nik="3699054512850012")  # Banten, but no regency 36.99
    dialog.save()
    assert dialog.result_view is None
    assert "Kemendagri" in dialog.f.error("nik")
    assert "sekali lagi" in dialog.general_error.text()
    dialog.save()
    assert dialog.result_view is not None


def test_new_walk_in_after_saving_starts_from_an_empty_form(dialog) -> None:
    _fill_minimal(dialog)
    dialog.save()
    first = dialog.result_view
    dialog.result_page.new_button.click()
    assert dialog.stack.currentIndex() == 0 and dialog.name.text() == ""
    _fill_minimal(dialog, name="Rina Wati", nik="3673054512850013")
    dialog.save()
    assert dialog.result_view is not None and first is not None
    assert dialog.result_view.number != first.number


def test_every_input_has_an_accessible_name_and_a_label(dialog) -> None:
    for key, widget in {**dialog.f.widgets, **dialog.g.widgets}.items():
        assert widget.accessibleName(), key
        assert dialog.f.labels.get(key, dialog.g.labels.get(key)).buddy() is widget


def test_ctrl_enter_still_saves_with_qt_indonesian_translation(qtbot, desk, officer) -> None:
    """qtbase_id names both Return and Enter "Enter"; the two save shortcuts must not become ambiguous."""
    from ui.kit import i18n

    i18n.install("id")
    dlg = IntakeDialog(wiring.intake(desk), officer, background=False, print_receipt=False)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow, timeout=2000)
    dlg.name.setFocus()
    QTest.keyClick(dlg.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dlg.f.error("name")  # save ran (and refused the empty form)


class NoPrinters:
    """A PC without printers: the receipt opens in the preview instead of printing silently."""

    def names(self) -> list[str]:
        return []

    def default(self) -> None:
        return None


def test_receipt_is_issued_and_previewed_after_saving(qtbot, desk, officer) -> None:
    from ui.printing import printer_settings
    from ui.printing.preview_dialog import PreviewDialog
    from ui.printing.print_service import PrintService

    service = PrintService(
        desk.ctx.data_dir, lambda: printer_settings.load(desk.office), printers=NoPrinters(), background=False
    )
    dlg = IntakeDialog(wiring.intake(desk), officer, background=False)
    dlg.services.printing.service = service
    qtbot.addWidget(dlg)
    _fill_minimal(dlg)
    dlg.save()
    previews = dlg.findChildren(PreviewDialog)
    assert len(previews) == 1 and previews[0].number == dlg.result_view.number
    view = desk.register.get(officer, dlg.result_view.number)
    assert any(event.kind == "letter" for event in view.events)  # the receipt is a record on the timeline
    dlg.result_page.print_button.click()  # again: the stored receipt, not a new one
    assert len(dlg.findChildren(PreviewDialog)) == 2
    assert sum(e.kind == "letter" for e in desk.register.get(officer, view.number).events) == 1
    for preview in dlg.findChildren(PreviewDialog):
        preview.close()  # a preview left open slows every later test's teardown


def _retry_of(dialog: IntakeDialog, first: Any) -> None:
    """Type the intake of ``first`` again, as after a crash that hid its number."""
    dialog.name.setText("Siti Aminah")
    dialog.nik.setText(VALID_NIK)
    dialog.address.setPlainText("Jl. Bhayangkara No. 5, Cipocok Jaya")
    dialog.phone.setText("0812-3456-7890")
    dialog.information.setPlainText(first.information)
    dialog.purpose.setText("Penelitian")


def _box_button(dialog: IntakeDialog, text: str) -> Any:
    from PySide6.QtWidgets import QPushButton

    box = dialog.duplicate_box
    assert box.isVisible()
    return next(b for b in box.findChildren(QPushButton) if text in b.text().replace("&", ""))


def test_a_retried_intake_warns_and_the_officer_continues(dialog, desk, officer, walk_in) -> None:
    """Issue 13 item 9: the same NIK asking for similar information within the hour is shown first."""
    first = desk.register.receive(officer, walk_in())
    _retry_of(dialog, first)
    dialog.save()
    assert dialog.result_view is None and desk.query.count(officer) == 1  # nothing issued yet
    assert first.number in dialog.duplicate_box.informativeText()
    _box_button(dialog, "Simpan sebagai permohonan baru").click()
    view = dialog.result_view
    assert view is not None and view.number != first.number
    assert first.number in view.events[0].summary  # the decision is on the new request's timeline


def test_a_retried_intake_can_use_the_earlier_number_instead(dialog, desk, officer, walk_in) -> None:
    first = desk.register.receive(officer, walk_in())
    opened: list[str] = []
    dialog.open_request.connect(opened.append)
    _retry_of(dialog, first)
    dialog.save()
    _box_button(dialog, "Pakai nomor lama").click()
    assert opened == [first.number] and not dialog.isVisible()  # closed without the discard question
    assert desk.query.count(officer) == 1
    with desk.ctx.db.read_engine.connect() as conn:
        from sqlalchemy import text

        actions = conn.execute(text("SELECT action FROM audit_log")).scalars().all()
    assert "request_duplicate_declined" in actions


def test_a_returning_requesters_phone_is_filled_in_the_national_form(
    qtbot, desk, supervisor, walk_in
) -> None:
    """A supervisor sees the full phone: as people write it (0812-…), never the stored E.164 (+62812…)."""
    desk.register.receive(supervisor, walk_in())
    dlg = IntakeDialog(wiring.intake(desk), supervisor, background=False, print_receipt=False)
    qtbot.addWidget(dlg)
    dlg.lookup.setText("Siti")
    dlg._run_lookup()
    dlg._pick(dlg.matches.item(0))
    assert dlg.phone.text().startswith("08") and "+62" not in dlg.phone.text()


def _identity_button(dialog: IntakeDialog, text: str) -> Any:
    from PySide6.QtWidgets import QPushButton

    box = dialog.identity_box
    assert box.isVisible()
    return next(b for b in box.findChildren(QPushButton) if text in b.text().replace("&", ""))


def _renamed(dialog: IntakeDialog) -> None:
    """The returning requester's NIK, typed with another name (the NIK prefills the stored one first)."""
    _fill_minimal(dialog)
    dialog.name.setText("Siti Aminah Lubis")


def test_a_nik_under_another_name_asks_and_same_person_saves(dialog, desk, officer, walk_in) -> None:
    """Issue 12 item 3: the officer is asked in Indonesian; the answer is on the timeline and the earlier
    request keeps the name it recorded."""
    first = desk.register.receive(officer, walk_in())
    _renamed(dialog)
    dialog.save()
    assert dialog.result_view is None and desk.query.count(officer) == 1
    box = dialog.identity_box
    assert "Siti Aminah" in box.text() and "Siti Aminah Lubis" in box.text()
    assert "orang yang sama" in box.informativeText() and "salah ketik" in box.informativeText()
    _identity_button(dialog, "Orang yang sama, nama diperbaiki").click()
    view = dialog.result_view
    assert view is not None and view.requester.name == "Siti Aminah Lubis"
    assert "orang yang sama" in view.events[0].summary
    assert desk.register.get(officer, first.number).requester.name == "Siti Aminah"


def test_a_mistyped_nik_is_corrected_and_said_on_the_timeline(dialog, desk, officer, walk_in) -> None:
    desk.register.receive(officer, walk_in())
    _renamed(dialog)
    dialog.save()
    _identity_button(dialog, "NIK salah ketik, perbaiki").click()
    assert dialog.result_view is None and desk.query.count(officer) == 1
    assert dialog.nik.hasFocus() or dialog.focusWidget() is dialog.nik
    dialog.nik.setText("3673050101900003")
    dialog.name.setText("Siti Aminah Lubis")
    dialog.save()
    view = dialog.result_view
    assert view is not None and "NIK diperbaiki" in view.events[0].summary
    assert desk.query.count(officer) == 2


def test_going_back_from_the_nik_question_saves_nothing(dialog, desk, officer, walk_in) -> None:
    desk.register.receive(officer, walk_in())
    _renamed(dialog)
    dialog.save()
    _identity_button(dialog, "Kembali ke formulir").click()
    dialog.save()  # asked again: no answer was given
    assert dialog.identity_box.isVisible() and desk.query.count(officer) == 1


def test_information_on_the_dip_is_offered_as_available_at_any_time(qtbot, desk, supervisor, dialog) -> None:
    desk.information_lists.add_dip(
        supervisor,
        {"title": "Rekapitulasi realisasi anggaran kecamatan 2025", "holder": "Subbagian Keuangan",
         "form": "Hardcopy", "location": "Meja layanan PPID"},
    )  # fmt: skip
    dialog.information.setPlainText("Salinan laporan realisasi anggaran 2025")
    qtbot.waitUntil(dialog.dip_hint.isVisible, timeout=2000)
    assert "Tersedia setiap saat" in dialog.dip_hint.text()
    assert "Rekapitulasi realisasi anggaran kecamatan 2025 — Subbagian Keuangan" in dialog.dip_hint.text()
    dialog.information.setPlainText("Data penduduk miskin")
    qtbot.waitUntil(lambda: not dialog.dip_hint.isVisible(), timeout=2000)

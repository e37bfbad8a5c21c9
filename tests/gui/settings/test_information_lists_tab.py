"""Pengaturan › Daftar informasi: supervisors add a DIK and a DIP entry through the inline forms (errors shown
next to the field) and revoke one with a reason; officers see the lists but cannot change them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from ui.settings.information_lists import InformationListsPanel


def _panel(qtbot, desk, actor) -> InformationListsPanel:
    panel = InformationListsPanel(lambda: desk.information_lists, actor, desk.calendar.today)
    qtbot.addWidget(panel)
    return panel


def test_supervisor_adds_and_revokes_a_dik_entry(qtbot, desk, supervisor):
    panel = _panel(qtbot, desk, supervisor)
    dik = panel.dik
    dik.information.setPlainText("Data pribadi pemohon KTP elektronik")
    dik.article.setCurrentIndex(dik.article.findData("h"))
    dik.consequence.setPlainText("pendek")
    dik.sk_number.setText("800/12/PPID-CPJ/2026")
    dik.sk_date.setDate(QDate(2026, 1, 15))
    dik.period.setText("5 (lima) tahun")
    assert not dik.add()
    assert "min. 20" in dik.form.error("consequence_test")
    dik.consequence.setPlainText("Membuka informasi ini mengungkap rahasia pribadi warga.")
    assert dik.add()
    assert dik.table.rowCount() == 1
    assert dik.table.item(0, 4).text() == "800/12/PPID-CPJ/2026, 15 Januari 2026"
    assert dik.information.toPlainText() == ""  # the form is ready for the next entry
    assert not dik.revoke()  # nothing selected
    dik.table.selectRow(0)
    dik.reason.setText("")
    assert not dik.revoke() and "Alasan" in dik.revoke_error.text()
    dik.reason.setText("Diganti SK baru")
    assert dik.revoke()
    assert dik.table.rowCount() == 0
    [kept] = desk.information_lists.dik(include_revoked=True)
    assert kept.revoke_reason == "Diganti SK baru"


def test_supervisor_adds_a_dip_entry(qtbot, desk, supervisor):
    panel = _panel(qtbot, desk, supervisor)
    dip = panel.dip
    dip.title_edit.setText("Profil kecamatan")
    dip.holder.setText("Sekretariat")
    dip.info_form.setText("Hardcopy")
    assert not dip.add() and dip.form.error("location")
    dip.location.setText("Meja layanan PPID")
    assert dip.add()
    assert dip.table.item(0, 0).text() == "Profil kecamatan"


def test_officer_reads_but_cannot_edit(qtbot, desk, supervisor, officer):
    desk.information_lists.add_dip(supervisor, {"title": "Profil kecamatan", "holder": "Sekretariat",
                                                "form": "Hardcopy", "location": "Meja layanan"})  # fmt: skip
    panel = _panel(qtbot, desk, officer)
    dip = panel.dip
    assert dip.table.rowCount() == 1
    assert not dip.add_button.isEnabled() or not dip.add_button.parentWidget().isEnabled()
    assert not dip.revoke_button.isEnabled()


def test_the_end_of_an_exclusion_is_typed_as_every_other_date(qtbot, desk, supervisor):
    """*Dikecualikan sampai* reads and takes the desk's date format (``31-12-2030``), not ISO."""
    panel = _panel(qtbot, desk, supervisor)
    dik = panel.dik
    assert dik.until.placeholderText() == "HH-BB-TTTT"
    dik.information.setPlainText("Dokumen pengadaan yang sedang berjalan")
    dik.article.setCurrentIndex(dik.article.findData("b"))
    dik.consequence.setPlainText("Membuka informasi ini mengganggu proses pengadaan yang sedang berjalan.")
    dik.sk_number.setText("800/13/PPID-CPJ/2026")
    dik.until.setText("31-12-2030")
    assert dik.add(), dik.form.error("excluded_until")
    [entry] = desk.information_lists.dik()
    assert entry.excluded_until == date(2030, 12, 31)


def test_a_missing_exclusion_period_is_named_by_the_labels_not_the_keys(qtbot, desk, supervisor):
    """Issue 16 item 6: the error under *Dikecualikan sampai* read "sampai tanggal (excluded_until) atau jangka
    waktu (excluded_period, …)": the service's JSON keys. It names the fields by their labels (the DIK field
    table's); the CLI prints the same message."""
    from app.services.record_fields import field_of

    panel = _panel(qtbot, desk, supervisor)
    dik = panel.dik
    dik.information.setPlainText("Dokumen pengadaan yang sedang berjalan")
    dik.article.setCurrentIndex(dik.article.findData("b"))
    dik.consequence.setPlainText("Membuka informasi ini mengganggu proses pengadaan yang sedang berjalan.")
    dik.sk_number.setText("800/14/PPID-CPJ/2026")
    assert not dik.add()
    shown = dik.form.error("excluded_until")
    assert "excluded" not in shown
    assert (
        field_of("dik", "excluded_until").label in shown and field_of("dik", "excluded_period").label in shown
    )


def test_the_forms_take_their_labels_from_the_field_tables(qtbot, desk, supervisor):
    """One declaration per field (app/services/record_fields/information_lists.py): the form's rows, in their
    order, are the table's fields, labelled (mnemonic and all) and hinted as declared there, and a label read
    without its mnemonic and colon is the field's own label, by which a refused entry names it. Before, the
    forms declared their own strings beside the table and said "Jangka waktu" where a refusal said "Jangka
    waktu pengecualian", "Nomor SK" for "Nomor SK penetapan", "Penguasa informasi" for "Penguasa/penanggung
    jawab informasi"."""
    from app.services.record_fields import form_fields
    from ui.kit.forms import plain

    panel = _panel(qtbot, desk, supervisor)
    for which, form in (("dik", panel.dik.form), ("dip", panel.dip.form)):
        fields = form_fields(which)
        assert list(form.labels) == [f.name for f in fields]
        for spec in fields:
            assert spec.form is not None
            shown = form.labels[spec.name].text()
            assert shown == spec.form.label and plain(shown) == spec.label, spec.name
            assert form.widgets[spec.name].accessibleName() == spec.label
            assert form.hints[spec.name].text() == spec.form.hint

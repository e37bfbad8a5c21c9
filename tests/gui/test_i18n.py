"""ui/i18n.py: Qt's own strings read Indonesian, the choice of language is remembered per PC."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QWizard, QWizardPage

from ui import i18n


def test_standard_buttons_read_simpan_batal(qtbot):
    i18n.install("id")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == ["Batal", "Simpan"]


def test_wizard_buttons_are_indonesian(qtbot):
    i18n.install("id")
    wizard = QWizard()
    qtbot.addWidget(wizard)
    wizard.addPage(QWizardPage())
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == "&Selesai"
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Batal"


def test_english_restores_qt_source_text(qtbot):
    try:
        assert i18n.install("en") == "en"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert box.buttons()[0].text() == "Cancel"
    finally:
        i18n.install("id")


def test_unknown_language_falls_back_to_indonesian(qapp):
    assert i18n.install("xx") == "id"
    assert i18n.current_language() == "id"


def test_language_preference_round_trip(tmp_path):
    assert i18n.saved_language(tmp_path) == "id"
    i18n.save_language(tmp_path, "en")
    assert i18n.saved_language(tmp_path) == "en"
    (tmp_path / i18n.PREFERENCES_FILE).write_text("{broken", encoding="utf-8")
    assert i18n.saved_language(tmp_path) == "id"

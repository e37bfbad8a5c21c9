"""ui/kit/i18n.py: Qt's own strings read Indonesian, the choice of language is remembered per PC."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QWizard, QWizardPage

from ui.kit import i18n


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


# --- the English catalogue is complete ------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "i18n" / "ppid_desk_en.ts"
PLACEHOLDER = re.compile(r"%\d|\{[^}]*\}")


def _load_tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message.find("translation"))
        for context in ET.parse(path).getroot().iter("context")
        for message in context.iter("message")
    ]


def test_every_english_string_is_translated():
    untranslated = [
        f"{context}: {source}"
        for context, source, translation in _messages(TS)
        if translation is None
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not (translation.text or "").strip()
    ]
    assert untranslated == []


def test_translations_keep_their_placeholders():
    broken = [
        source
        for _context, source, translation in _messages(TS)
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation.text or ""))
    ]
    assert broken == []


def test_catalogue_covers_every_string_in_the_source(tmp_path):
    """lupdate over today's ui/ adds nothing new to a copy of the committed catalogue."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    _load_tool().update(ts_dir=tmp_path)
    new = [f"{c}: {s}" for c, s, t in _messages(copy) if t is not None and t.get("type") == "unfinished"]
    assert new == [], "run `python tools/i18n.py`, translate the new strings and commit the .ts and .qm"


def test_compiled_catalogue_is_loaded_for_english(qapp):
    try:
        i18n.install("en")
        assert QCoreApplication.translate("MainWindow", "Dasbor") == "Dashboard"
        assert QCoreApplication.translate("Kesalahan", "Tidak dapat dilanjutkan") == "Cannot continue"
    finally:
        i18n.install("id")
    assert QCoreApplication.translate("MainWindow", "Dasbor") == "Dasbor"

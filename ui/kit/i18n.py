"""Languages of the workstation: Bahasa Indonesia (the source language) and English.

Why the source strings are Indonesian: officers read Indonesian all day and every letter is Indonesian, so the
untranslated program is already complete for them; English is a translation loaded from
``resources/i18n/ppid_desk_en.qm``. Qt's own strings (standard buttons, context menus, the wizard's
"Lanjut >") are translated too: Qt ships no Indonesian catalogue, so the desk bundles ``qtbase_id.qm``
(preferring a ``qtbase_id.qm`` from the Qt installation if a future Qt ships one).

The choice is a personal preference of whoever sits at the PC, not an office setting, so it is kept in
``<data_dir>/preferences.json`` and needs no permission. Switching installs the new translators; Qt then sends
``QEvent.LanguageChange`` to every widget and the main window rebuilds its pages.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import resources

DEFAULT_LANGUAGE = "id"
LANGUAGES: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}
PREFERENCES_FILE = "preferences.json"

_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def i18n_dir() -> Path:
    return resources.FOLDER / "i18n"


def _load(translator: QTranslator, filename: str, *folders: Path) -> bool:
    return any(translator.load(filename, str(folder)) for folder in folders)


def catalogues(language: str) -> list[tuple[str, tuple[Path, ...]]]:
    """The translation files ``language`` loads, each with the folders it is looked for in (first found wins).
    ``ppid-desk --self-check`` loads the same list (ui/selfcheck.py)."""
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if language == "id":
        return [("qtbase_id.qm", (qt_dir, i18n_dir()))]
    return [(f"ppid_desk_{language}.qm", (i18n_dir(),)), (f"qtbase_{language}.qm", (qt_dir,))]


def install(language: str, app: QCoreApplication | None = None) -> str:
    """Install the translators for ``language`` (unknown codes fall back to Indonesian); returns the code used."""
    global _current
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("QApplication belum dibuat.")
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "id":
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    for filename, folders in catalogues(language):
        translator = QTranslator(app)
        if _load(translator, filename, *folders):
            app.installTranslator(translator)
            _installed.append(translator)
    _current = language
    return language


def current_language() -> str:
    return _current


def tr(context: str, text: str) -> str:
    """Translate outside a QObject (module-level tables, plain functions)."""
    return QCoreApplication.translate(context, text)


def _preferences(data_dir: Path) -> dict[str, Any]:
    try:
        data = json.loads((data_dir / PREFERENCES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def saved_language(data_dir: Path) -> str:
    language = _preferences(data_dir).get("language", DEFAULT_LANGUAGE)
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def save_language(data_dir: Path, language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"Bahasa tidak dikenal: {language}")
    prefs = _preferences(data_dir)
    prefs["language"] = language
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / PREFERENCES_FILE).write_text(json.dumps(prefs, indent=2), encoding="utf-8")

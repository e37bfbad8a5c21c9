"""The Qt half of ``ppid-desk --self-check`` (app/selfcheck.py runs these first, then its own).

What a bundle can lack here is found only by using it: a platform plug-in, the print-support plug-in, QtPdf,
the bundled fonts and icon font, Qt's own translations. Each check builds what the workstation builds (the
styled application, the login dialog, the print preview's ``QPdfDocument``) and looks at the result. Without a
display (a server, a CI runner, a remote shell) the offscreen platform is used, so the check still runs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QApplication

from app.selfcheck import CheckFailed, CheckFn


def _headless() -> bool:
    """A Linux session with no display to connect to (where Qt would abort looking for one)."""
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def _app() -> QApplication:
    instance = QApplication.instance()
    if not isinstance(instance, QApplication):
        raise CheckFailed("aplikasi Qt belum dibuat (pemeriksaan platform gagal)")
    return instance


def check_platform(scratch: Path) -> str:
    """The styled application, exactly as the workstation creates it (ui/app.py)."""
    import PySide6

    from ui.app import application

    headless = _headless()
    if headless:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    application()  # created here, used by the checks below
    note = " (tanpa layar: offscreen)" if headless else ""
    return f"{QGuiApplication.platformName()}{note}; Qt {qVersion()}, PySide6 {PySide6.__version__}"


def check_login_dialog(scratch: Path) -> str:
    """The first thing an officer sees, shown and painted (the style, the bundled font, the icons)."""
    from ui.shell.login import LoginDialog

    app = _app()
    dialog = LoginDialog(None)
    try:
        dialog.show()
        app.processEvents()
        picture = dialog.grab()
        if picture.isNull() or picture.width() < 100:
            raise CheckFailed("dialog masuk tidak tergambar")
        return f"dialog masuk tergambar ({picture.width()}×{picture.height()} px)"
    finally:
        dialog.close()
        dialog.deleteLater()
        app.processEvents()


def check_fonts_and_icons(scratch: Path) -> str:
    from ui.kit.icons import glyph_icon

    family = _app().font().family()
    if not family.startswith("Liberation Sans"):
        raise CheckFailed(f"huruf bawaan Liberation Sans tidak termuat (dipakai: {family})")
    icon = glyph_icon("mdi6.account", "#000000")
    if icon.isNull() or icon.pixmap(QSize(24, 24)).isNull():
        raise CheckFailed("font ikon (Material Design Icons dari qtawesome) tidak ditemukan")
    return f"{family} dan ikon Material Design termuat"


def check_translations(scratch: Path) -> str:
    """Every catalogue of every language (ui/i18n.py), loaded; then the officer's default is restored."""
    from PySide6.QtCore import QTranslator

    from ui.kit import i18n

    loaded, missing = [], []
    for language in i18n.LANGUAGES:
        for filename, folders in i18n.catalogues(language):
            translator = QTranslator()
            found = next((folder for folder in folders if translator.load(filename, str(folder))), None)
            # Qt's own English catalogue is empty by design (its source strings are English); the desk's own
            # catalogues never are.
            if found is not None and (found != i18n.i18n_dir() or not translator.isEmpty()):
                loaded.append(filename)
            else:
                missing.append(f"{filename} (dicari di {', '.join(str(f) for f in folders)})")
    if missing:
        raise CheckFailed("terjemahan tidak termuat: " + "; ".join(missing))
    for language in (
        *[lang for lang in i18n.LANGUAGES if lang != i18n.DEFAULT_LANGUAGE],
        i18n.DEFAULT_LANGUAGE,
    ):
        i18n.install(language, _app())  # installing switches the whole application, as the menu does
    return f"{len(i18n.LANGUAGES)} bahasa: " + ", ".join(loaded)


def check_pdf_preview(scratch: Path) -> str:
    """QtPdf (the print preview and the printing path) opens a rendered receipt and draws its page."""
    from app.documents import render
    from app.documents.samples import sample

    pdf = render(sample("receipt"), "thermal80")
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    try:
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            raise CheckFailed(f"QtPdf tidak dapat membuka PDF (status {document.status().name})")
        image = document.render(0, QSize(300, 600))
        if image.isNull():
            raise CheckFailed("QtPdf tidak dapat menggambar halaman PDF")
        return f"QtPdf membuka dan menggambar tanda bukti ({document.pageCount()} halaman)"
    finally:
        document.close()
        buffer.close()


def check_printers(scratch: Path) -> str:
    """The printers Qt sees (none is not a failure: letters can still be saved as PDF)."""
    names = QPrinterInfo.availablePrinterNames()
    default = QPrinterInfo.defaultPrinterName()
    if not names:
        return "tidak ada printer terpasang (surat tetap dapat disimpan sebagai PDF)"
    shown = [f"{name} (bawaan)" if name == default else name for name in names]
    return f"{len(names)} printer: " + ", ".join(shown)


CHECKS: list[tuple[str, CheckFn]] = [
    ("qt_platform", check_platform),
    ("dialog_masuk", check_login_dialog),
    ("huruf_dan_ikon", check_fonts_and_icons),
    ("terjemahan", check_translations),
    ("pratinjau_pdf", check_pdf_preview),
    ("printer", check_printers),
]

"""Qt's own file dialog and message box read Indonesian: every string they ask the translators for is answered
by the bundled ``qtbase_id`` catalogue (Qt ships none for Indonesian), so a screen is never half English."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QToolButton, QTreeView

from ui.kit import i18n

#: Texts Qt passes through the translator that are not shown: shortcut names (must stay portable) and the
#: layout direction asked while translators are being swapped.
NOT_WORDS = {"Alt+Left", "Alt+Right", "Alt+Up", "QT_LAYOUT_DIRECTION"}


class _Fallback(QTranslator):
    """Installed before the desk's catalogues, so Qt asks it only for what no catalogue translated."""

    def __init__(self) -> None:
        super().__init__()
        self.missed: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]
        if source not in NOT_WORDS and source.strip():
            self.missed.add((context, source))
        return ""

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def _pump(seconds: float) -> None:
    """Run Qt's event loop for ``seconds`` (the file dialog fills its list from a thread), idle while it waits."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def test_file_dialogs_ask_for_nothing_untranslated(qtbot, tmp_path: Path):
    for name in ("register.csv", "laporan.pdf", "logo.png"):
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "arsip").mkdir()
    app = QCoreApplication.instance()
    fallback = _Fallback()
    app.installTranslator(fallback)
    try:
        i18n.install("id")  # the desk's translators now come after (and so before) the fallback
        shown: list[str] = []
        for accept in (QFileDialog.AcceptMode.AcceptSave, QFileDialog.AcceptMode.AcceptOpen):
            dialog = QFileDialog(None, "Simpan", str(tmp_path), "PDF (*.pdf);;Semua (*)")
            qtbot.addWidget(dialog)
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            dialog.setAcceptMode(accept)
            dialog.setViewMode(QFileDialog.ViewMode.Detail)
            dialog.show()
            _pump(0.5)
            tree = dialog.findChild(QTreeView)
            model = tree.model()
            shown += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(4)]
            shown += [label.text() for label in dialog.findChildren(QLabel)]
            shown += [button.toolTip() for button in dialog.findChildren(QToolButton)]
            root = tree.rootIndex()
            for row in range(model.rowCount(root)):
                for column in range(4):
                    model.data(model.index(row, column, root))
            dialog.setViewMode(QFileDialog.ViewMode.List)
            dialog.close()
        box = QMessageBox(QMessageBox.Icon.Question, "Judul", "Teks", QMessageBox.StandardButton.Yes)
        qtbot.addWidget(box)
        box.setDetailedText("rincian")
        box.show()
        _pump(0.1)
        box.close()
    finally:
        app.removeTranslator(fallback)
    assert "&Cari di:" in shown and "&Jenis berkas:" in shown
    assert {"Nama", "Ukuran", "Jenis", "Tanggal diubah"} <= set(shown)
    assert fallback.missed == set()


@pytest.mark.skipif(sys.platform != "linux", reason="Qt keeps its settings in the registry / plists there")
def test_qt_keeps_its_settings_in_the_sessions_stand_in_home() -> None:
    """The file dialog's history goes to the session's home (tests/home_isolation.py), not the developer's."""
    from home_isolation import MARKER
    from PySide6.QtCore import QSettings

    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert Path(settings.fileName()).is_relative_to(Path(os.environ[MARKER]))

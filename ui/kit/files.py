"""Where the file dialogs open: the folder the officer last saved to or chose from, else their Documents.

Why: the Windows shortcuts start the program in its own folder (``WorkingDir: {app}``, that is
``C:\\Program Files\\PPID Desk``), and Qt's save dialog given a bare file name (``register-permohonan.csv``)
opens in the working folder. Under Xvfb the register's export offered the program's source folder; on an office
PC it offers the program's install folder, where an officer may not write (Windows then hides the file in its
VirtualStore) and would never look for it. Every save and open dialog goes through here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

_last: Path | None = None  # the folder of the last file saved or chosen while the program runs


def start_folder() -> Path:
    """The folder a dialog opens in: the last one used if it still exists, else Documents, else home."""
    if _last is not None and _last.is_dir():
        return _last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def _remember(chosen: str) -> str:
    global _last
    if chosen:
        _last = Path(chosen).parent
    return chosen


def save_path(parent: QWidget | None, title: str, name: str, pattern: str) -> str:
    """Ask where to save a file proposed as ``name``; "" when the officer cancels."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder() / name), pattern)
    return _remember(chosen)


def open_path(parent: QWidget | None, title: str, pattern: str) -> str:
    """Ask for a file to read; "" when the officer cancels."""
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder()), pattern)
    return _remember(chosen)

"""Errors as an officer should see them: plain Indonesian, what happened and what to do, never a traceback.

Two layers, following Picard's and qutebrowser's crash handlers:

* ``user_message(exc)`` turns a known error into a sentence. Service errors (``DeskError``) already carry an
  Indonesian message; the environment's errors (database locked by another program, disk full, no write
  permission) are recognised from SQLite/OS codes. ``show_error`` puts that sentence in a message box;
  ``ValidationError.fields`` are meant to be shown next to their fields by the form itself.
* ``CrashHandler`` installs ``sys.excepthook`` (and faulthandler for hard crashes). An unexpected exception
  is written with its traceback to ``<data_dir>/logs/crash-<time>.log``; the officer gets a short message
  that says the data saved so far is safe, to restart the program, and which file to give the administrator.
  The dialog is built with as few imports as possible so it still works when the program is half broken.
"""

from __future__ import annotations

import errno
import faulthandler
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.errors import DeskError, ValidationError
from app.paths import logs_dir


def _sqlite_error(exc: BaseException) -> BaseException | None:
    """The underlying sqlite3 error if ``exc`` is one or wraps one (SQLAlchemy keeps it in ``.orig``)."""
    import sqlite3  # asked only once something went wrong: not on the way to the first window

    seen: BaseException | None = exc
    for _ in range(4):
        if seen is None:
            return None
        if isinstance(seen, sqlite3.Error):
            return seen
        seen = getattr(seen, "orig", None) or seen.__cause__
    return None


def user_message(exc: BaseException) -> str:
    """One or two sentences in plain Indonesian for ``exc``; a generic sentence for unknown errors."""
    if isinstance(exc, ValidationError):
        messages = [m for m in exc.fields.values() if m]
        return (
            "\n".join(messages)
            if messages
            else QCoreApplication.translate("Kesalahan", "Data belum lengkap atau tidak valid.")
        )
    if isinstance(exc, DeskError):
        # the services speak Indonesian; a message they mark with QT_TRANSLATE_NOOP("Kesalahan", …) (the failed
        # sign-in) reads in the interface's language, any other as the service said it
        return QCoreApplication.translate("Kesalahan", str(exc))
    db_error = _sqlite_error(exc)
    text = str(db_error or exc).lower()
    if "locked" in text or "busy" in text:
        return QCoreApplication.translate(
            "Kesalahan",
            "Basis data sedang dipakai program lain (misalnya pencadangan atau aplikasi kedua). "
            "Tunggu sebentar lalu coba lagi; tidak ada data yang hilang.",
        )
    if "disk is full" in text or "database or disk is full" in text or _oserror(exc, errno.ENOSPC):
        return QCoreApplication.translate(
            "Kesalahan",
            "Disk penuh: data tidak dapat disimpan. Kosongkan ruang disk (hapus berkas yang tidak "
            "diperlukan) lalu coba lagi; data yang sudah tersimpan tetap aman.",
        )
    if "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
        return QCoreApplication.translate(
            "Kesalahan",
            "Berkas data tidak dapat ditulis (hanya-baca atau tanpa izin). "
            "Hubungi administrator untuk memeriksa izin folder data.",
        )
    if db_error is not None and ("malformed" in text or "not a database" in text):
        return QCoreApplication.translate(
            "Kesalahan",
            "Berkas basis data rusak. Jangan tutup paksa komputer; hubungi administrator untuk "
            "memulihkan dari cadangan terakhir.",
        )
    if isinstance(exc, OSError):
        return QCoreApplication.translate("Kesalahan", "Berkas tidak dapat dibaca atau ditulis: ") + (
            exc.strerror or str(exc)
        )
    return QCoreApplication.translate(
        "Kesalahan", "Terjadi kesalahan yang tidak terduga. Coba lagi; jika berulang, hubungi administrator."
    )


def _oserror(exc: BaseException, code: int) -> bool:
    return isinstance(exc, OSError) and exc.errno == code


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """A modal message box with ``user_message(exc)`` (for errors a form cannot place next to a field)."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(
        parent, title or QCoreApplication.translate("Kesalahan", "Tidak dapat dilanjutkan"), user_message(exc)
    )


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


class CrashHandler:
    """Installs the global exception hook; writes logs under ``<data_dir>/logs``."""

    def __init__(self, data_dir: Path, *, interactive: bool = True) -> None:
        self.log_dir = logs_dir(data_dir)
        self.interactive = interactive
        self._previous: ExceptHook | None = None
        self._fault_file: IO[str] | None = None
        self.last_log: Path | None = None

    def install(self) -> None:
        try:
            self.log_dir.mkdir(parents=True, exist_ok=True)
        except OSError:  # the data folder itself is unusable: keep the logs where they can still be written
            self.log_dir = Path(tempfile.gettempdir()) / "ppid-desk-logs"
            self.log_dir.mkdir(parents=True, exist_ok=True)
        self._previous = sys.excepthook
        sys.excepthook = self.handle
        try:
            self._fault_file = open(self.log_dir / "faulthandler.log", "a", encoding="utf-8")  # noqa: SIM115
            faulthandler.enable(self._fault_file)
        except OSError:
            self._fault_file = None

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous
            self._previous = None
        if self._fault_file is not None:
            faulthandler.disable()
            self._fault_file.close()
            self._fault_file = None

    def write_log(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> Path:
        from datetime import datetime

        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        path = self.log_dir / f"crash-{stamp}.log"
        body = "".join(traceback.format_exception(kind, exc, tb))
        try:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(f"PPID Desk crash {datetime.now().isoformat()}\n\n{body}", encoding="utf-8")
        except OSError:
            sys.stderr.write(body)
        return path

    def message(self, exc: BaseException, log: Path) -> str:
        known = isinstance(exc, DeskError) or _sqlite_error(exc) is not None or isinstance(exc, OSError)
        first = (
            user_message(exc)
            if known
            else QCoreApplication.translate("Kesalahan", "Program mengalami kesalahan yang tidak terduga.")
        )
        return (
            first
            + "\n\n"
            + QCoreApplication.translate(
                "Kesalahan",
                "Data yang sudah disimpan tetap aman. Simpan pekerjaan yang terbuka, lalu tutup dan buka "
                "kembali PPID Desk. Jika kesalahan berulang, berikan berkas catatan ini kepada administrator:",
            )
            + f"\n{log}"
        )

    def handle(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log = self.write_log(kind, exc, tb)
        self.last_log = log
        if self.interactive:
            try:
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.critical(
                    None,
                    QCoreApplication.translate("Kesalahan", "PPID Desk mengalami kesalahan"),
                    self.message(exc, log),
                )
            except Exception:  # noqa: BLE001 - the crash path itself must never raise
                sys.stderr.write(self.message(exc, log) + "\n")

"""ui/kit/crash.py: plain Indonesian messages for known errors; crashes leave a log under data_dir/logs."""

from __future__ import annotations

import errno
import sqlite3
import sys

from sqlalchemy.exc import OperationalError

from app.errors import NotFound, ValidationError
from ui.kit.crash import CrashHandler, user_message


def test_validation_fields_are_listed():
    exc = ValidationError({"name": "Nama wajib diisi.", "nik": "NIK harus 16 digit."})
    assert user_message(exc) == "Nama wajib diisi.\nNIK harus 16 digit."


def test_desk_error_keeps_its_message():
    assert user_message(NotFound("Permohonan tidak ditemukan.")) == "Permohonan tidak ditemukan."


def test_database_locked_is_plain_indonesian():
    wrapped = OperationalError("INSERT ...", {}, sqlite3.OperationalError("database is locked"))
    message = user_message(wrapped)
    assert "sedang dipakai program lain" in message
    assert "locked" not in message


def test_disk_full_from_sqlite_and_from_os():
    sqlite_full = OperationalError("x", {}, sqlite3.OperationalError("database or disk is full"))
    os_full = OSError(errno.ENOSPC, "No space left on device")
    assert user_message(sqlite_full).startswith("Disk penuh")
    assert user_message(os_full).startswith("Disk penuh")


def test_unknown_error_is_generic():
    assert "tidak terduga" in user_message(RuntimeError("KeyError: 'x' at line 42"))


def test_crash_handler_writes_log_and_restores_hook(qapp, tmp_path):
    handler = CrashHandler(tmp_path, interactive=False)
    before = sys.excepthook
    handler.install()
    try:
        assert sys.excepthook == handler.handle
        try:
            raise ZeroDivisionError("boom")
        except ZeroDivisionError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        handler.uninstall()
    assert sys.excepthook is before
    log = handler.last_log
    assert log is not None and log.parent == tmp_path / "logs"
    text = log.read_text(encoding="utf-8")
    assert "ZeroDivisionError: boom" in text and "Traceback" in text
    message = handler.message(ZeroDivisionError("boom"), log)
    assert str(log) in message and "tutup dan buka kembali" in message
    assert "ZeroDivisionError" not in message


def test_interactive_crash_tells_the_user_what_to_do(qapp, tmp_path, monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.critical", lambda _p, title, text: shown.append((title, text))
    )
    handler = CrashHandler(tmp_path, interactive=True)
    handler.handle(RuntimeError, RuntimeError("x"), None)
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "PPID Desk mengalami kesalahan"
    assert str(handler.last_log) in text

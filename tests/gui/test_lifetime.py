"""Windows on their own live until Qt closes them (ui/lifetime.py), whoever forgets them, whenever.

The start-up path itself (wizard, login, lock, main window, with no reference held by the test) runs in a
child process in tests/gui/test_first_run.py; here are the rule and the parentless windows opened from the
printing screens, checked in this process (forgetting them here cannot crash, it only loses the window).
"""

from __future__ import annotations

import gc
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app.services.letters import LetterService
from ui.kit import lifetime
from ui.printing import actions
from ui.printing.preview_dialog import PreviewDialog
from ui.shell import wiring


def _on_screen(kind: type[QWidget], test: Callable[[QWidget], bool] = lambda _w: True) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible() and test(w)]


def _forget_and_collect() -> None:
    gc.collect()
    QCoreApplication.processEvents()


def _run_deferred_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def test_a_kept_window_outlives_its_references_and_goes_once_closed(qtbot):
    dialog = lifetime.keep(QDialog())
    dialog.setObjectName("kept-for-test")
    destroyed: list[bool] = []
    dialog.destroyed.connect(lambda *_: destroyed.append(True))
    dialog.open()
    del dialog
    _forget_and_collect()
    [shown] = _on_screen(QDialog, lambda w: w.objectName() == "kept-for-test")
    assert shown in lifetime.kept()
    shown.reject()  # closes itself, as from its own button
    del shown
    _run_deferred_deletes()
    assert destroyed == [True]
    assert not _on_screen(QDialog, lambda w: w.objectName() == "kept-for-test")
    assert not [w for w in lifetime.kept() if shiboken6.isValid(w) and w.objectName() == "kept-for-test"]


def test_closing_a_kept_window_from_its_own_signal_handler_is_safe(qtbot):
    """The session's pattern: the holder drops its reference inside the dialog's ``finished``."""
    holder: dict[str, QDialog | None] = {"dialog": lifetime.keep(QDialog())}
    dialog = holder["dialog"]
    assert dialog is not None
    dialog.finished.connect(lambda _code: holder.update(dialog=None))
    dialog.open()
    accept = dialog.accept  # what its OK button calls; the bound method does not keep the dialog alive
    del dialog
    accept()
    del accept
    _forget_and_collect()  # the dialog is still alive here: Qt deletes it, not the dropped reference
    assert holder["dialog"] is None
    _run_deferred_deletes()


def test_an_error_with_no_window_to_attach_to_is_still_shown(qtbot):
    """show_error(None, …), as when the page that asked was closed meanwhile: the message must stay up."""
    actions.show_error(None, ValueError("Printer mati."))
    _forget_and_collect()
    boxes = _on_screen(QMessageBox, lambda w: w.text() == "Printer mati.")
    assert len(boxes) == 1
    boxes[0].done(0)
    boxes.clear()
    _run_deferred_deletes()
    assert not _on_screen(QMessageBox, lambda w: w.text() == "Printer mati.")


def test_a_receipt_ready_after_its_intake_dialog_closed_is_still_previewed(qtbot, desk, officer, intake):
    """The officer closed the intake dialog before the receipt was issued: the preview opens on its own
    (no parent) and must stay on screen for the requester's receipt, not vanish with the caller's frame."""
    received = intake(officer).number
    pdf = LetterService(desk.ctx).issue(officer, "receipt", received).pdf
    asker = QDialog()
    asker_ref = asker
    shiboken6.delete(asker)  # closed and deleted while the receipt was being made
    actions.open_preview(
        pdf, wiring.printing(desk).service, kind="receipt", number=received, parent=asker_ref
    )
    del asker, asker_ref
    _forget_and_collect()
    previews = _on_screen(PreviewDialog, lambda w: w.number == received)
    assert len(previews) == 1 and previews[0].page_count() >= 1
    previews[0].close()
    previews.clear()
    _run_deferred_deletes()
    assert not _on_screen(PreviewDialog, lambda w: w.number == received)

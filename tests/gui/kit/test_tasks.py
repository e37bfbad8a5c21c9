"""ui/kit/tasks.py: results and errors come back on the GUI thread; busy state is reported."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from ui.kit.tasks import TaskRunner


def test_result_arrives_on_gui_thread(qtbot):
    runner = TaskRunner()
    seen: dict[str, object] = {}
    gui_thread = QThread.currentThread()

    def work() -> int:
        seen["worker"] = threading.current_thread() is threading.main_thread()
        return 6 * 7

    def done(value: int) -> None:
        seen["value"] = value
        seen["on_gui"] = QThread.currentThread() is gui_thread

    runner.run(work, done)
    assert runner.wait()
    assert seen == {"worker": False, "value": 42, "on_gui": True}


def test_error_goes_to_on_error(qtbot):
    runner = TaskRunner()
    errors: list[BaseException] = []

    def work() -> None:
        raise ValueError("rusak")

    runner.run(work, on_done=lambda _: errors.append(AssertionError("no")), on_error=errors.append)
    assert runner.wait()
    assert len(errors) == 1 and isinstance(errors[0], ValueError) and str(errors[0]) == "rusak"


def test_busy_signal_brackets_the_work(qtbot):
    runner = TaskRunner()
    states: list[bool] = []
    runner.busy_changed.connect(states.append)
    gate = threading.Event()
    runner.run(gate.wait)
    runner.run(lambda: None)
    assert runner.pending == 2
    gate.set()
    assert runner.wait()
    assert states == [True, False]
    assert runner.pending == 0


def test_a_result_for_a_window_closed_meanwhile_is_dropped(qtbot):
    """A page (or dialog) deleted while its work ran (logout, quit, a closed preview) is not called back: its
    handler would touch deleted widgets. Every page hands bound methods, so the one door checks for them."""
    import shiboken6
    from PySide6.QtWidgets import QLabel

    class Page(QLabel):
        def shown(self, value: str) -> None:
            self.setText(value)  # on a deleted widget: RuntimeError, Internal C++ object already deleted

        def failed(self, exc: BaseException) -> None:
            self.setText(str(exc))

    runner = TaskRunner()
    release = threading.Event()
    page, other = Page(), Page()
    runner.run(lambda: release.wait(5) and "angka", page.shown, page.failed)
    runner.run(lambda: "tetap", other.shown, other.failed)
    shiboken6.delete(page)
    release.set()
    assert runner.wait()
    assert other.text() == "tetap"
    other.deleteLater()


def test_only_the_newest_read_is_shown_whichever_ends_first(qtbot):
    """Seen in the audit log: the unfiltered list read when the panel was built ended after the filtered one the
    officer asked for at once, and replaced it (two workers run reads side by side)."""
    from ui.kit.tasks import Latest, runner

    shown: list[str] = []
    errors: list[BaseException] = []
    release = threading.Event()
    reads = Latest()

    def slow() -> str:
        assert release.wait(10)
        return "semua"

    reads.run(slow, shown.append, errors.append)
    reads.run(lambda: "disaring", shown.append, errors.append)
    qtbot.waitUntil(lambda: shown == ["disaring"])
    release.set()
    assert runner().wait()
    assert shown == ["disaring"] and errors == []
    reads.run(lambda: "lagi", shown.append, errors.append)
    reads.drop()  # what it was for is no longer wanted (a kop emptied while it rendered)
    assert runner().wait()
    assert shown == ["disaring"]

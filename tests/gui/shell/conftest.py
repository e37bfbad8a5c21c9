"""Fixtures of the shell's tests: ``Startup`` driven as ``ppid-desk`` starts it, closed whatever it showed, and a
register load held until the test lets it go."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6

from ui.kit import i18n
from ui.kit.crash import CrashHandler
from ui.kit.tasks import runner
from ui.shell import startup as startup_module
from ui.shell.startup import Startup


@pytest.fixture
def make_startup(qtbot, tmp_path: Path) -> Iterator[Callable[..., Startup]]:
    made: list[Startup] = []
    i18n.install("id")

    def make(data_dir: Path, **kwargs) -> Startup:
        startup = Startup(data_dir, CrashHandler(tmp_path / "crash", interactive=False), **kwargs)
        made.append(startup)
        return startup

    yield make
    for startup in made:
        session = startup.session
        startup.shutdown()
        for widget in (session.window, session.dialog) if session is not None else ():
            if widget is not None and shiboken6.isValid(widget):
                widget.close()
        if startup.error_box is not None and shiboken6.isValid(startup.error_box):
            startup.error_box.close()
    runner().wait()


@pytest.fixture
def held_load(monkeypatch) -> threading.Event:
    """The register loads only once the test sets the event (so 'before the load' is certain)."""
    release = threading.Event()
    real = startup_module.open_register

    def slow_open(data_dir: Path):
        assert release.wait(30), "the test never let the register load"
        return real(data_dir)

    monkeypatch.setattr(startup_module, "open_register", slow_open)
    return release

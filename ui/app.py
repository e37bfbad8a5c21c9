"""Start-up of the workstation: Qt application, language, crash handler, then ``Startup``.

``run(data_dir)`` is what ``ppid-desk`` (no command) and ``ppid-desk demo`` call. ``Startup``
(ui/shell/startup.py) shows the login dialog while the register loads; the session itself (wizard, login, main
window, idle lock) is ``DeskApp`` in ui/shell/session.py. Nothing imported here loads the services: the way to the
first dialog stays as short as starting Qt (docs/benchmarks.md, "Workstation").
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ui import qt_platform
from ui.kit import gc as gui_gc
from ui.kit import i18n, keys, screen
from ui.kit.crash import CrashHandler
from ui.kit.style import apply_style
from ui.shell.startup import APP_NAME, Prepare, Startup


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), styled. High-DPI scaling is on by default in Qt 6, with fractional
    scale factors passed through (150 % renders at 150 %, not rounded to 200 %): Qt 6's default rounding
    policy, so it is not set here (setting it would build PySide's ``Qt`` namespace, ≈ 100 enum types, before
    the first window; tests/gui/shell/test_first_window.py checks the policy)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app, made = existing, False
    else:
        app, made = QApplication([*(argv or [sys.argv[0]]), "-style", "Fusion"]), True
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("PPID Desk")
    apply_style(app, fusion_already=made)
    screen.install(app)  # every window capped to the screen's work area as it is shown (ui/kit/screen.py)
    gui_gc.install(app)  # cycles holding Qt objects are collected on this thread, never on a worker
    keys.install(app)  # Enter acts on a focused button everywhere, as Space does
    return app


def begin(
    data_dir: Path,
    *,
    argv: list[str] | None = None,
    sign_in: tuple[str, str] | None = None,
    prepare: Prepare | None = None,
) -> tuple[QApplication, CrashHandler, Startup]:
    """Everything ``run`` does before the event loop: the application, the language chosen on this PC, the
    crash handler, and ``Startup`` begun (the login dialog on screen, the register loading behind it).
    bench/ui_bench.py starts the workstation through this too, so it measures exactly this path."""
    app = application(argv)
    i18n.install(i18n.saved_language(data_dir))
    crash = CrashHandler(data_dir)
    crash.install()
    startup = Startup(data_dir, crash, sign_in=sign_in, prepare=prepare)
    startup.begin()
    return app, crash, startup


def run(
    data_dir: Path,
    *,
    argv: list[str] | None = None,
    sign_in: tuple[str, str] | None = None,
    prepare: Prepare | None = None,
) -> int:
    """Open the workstation on ``data_dir``; returns the process exit code.

    ``sign_in`` (user, password) skips the login dialog and ``prepare`` fills the folder behind a splash
    first; only ``ppid-desk demo`` uses them. Before Qt starts,
    ``qt_platform.check`` makes sure it can open a window; if not, the reason and the fix are printed in
    Indonesian and the status is 1, where Qt itself would abort the process (ui/qt_platform.py).
    """
    if QApplication.instance() is None:
        problem = qt_platform.check(argv or [sys.argv[0]])
        if problem is not None:
            sys.stderr.write(problem.message())
            return 1
    app, crash, startup = begin(data_dir, argv=argv, sign_in=sign_in, prepare=prepare)
    exit_codes: list[int] = []

    def finished(code: int) -> None:
        exit_codes.append(code)
        app.quit()

    startup.finished.connect(finished)
    app.setQuitOnLastWindowClosed(False)
    try:
        app.exec()
        return exit_codes[0] if exit_codes else 0
    finally:
        startup.shutdown()
        crash.uninstall()

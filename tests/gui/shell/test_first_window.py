"""The first window of every start path costs little more than a bare PySide6 window (issue 16, item 12).

What is checked is the work, never a time: which modules are loaded and which PySide classes are built when the
first window (the sign-in dialog, the first-run splash, the demo's splash) has been painted. PySide builds a
class, with its enum types, the first time it is named; its ``Qt`` namespace alone is ≈ 100 enum types
(≈ 14 ms on the test machine, a tenth of a bare window). bench/startup_bench.py measures the times.
"""

from __future__ import annotations

import json
import linecache
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel

from bench.startup_bench import first_window_script
from tests.gui.shell.test_startup import ROOT
from ui.kit.style import apply_style
from ui.shell import startup as startup_module
from ui.shell.login import LoginDialog
from ui.shell.splash import StartupSplash

#: Loaded only after the first window: the register (SQLAlchemy, the services), the crash path's sqlite3, the
#: platform check's failure path (ctypes, subprocess) and ``importlib.resources`` (resources.FOLDER instead).
LATER_MODULES = ("sqlalchemy", "app.services", "importlib.resources", "ctypes", "subprocess", "sqlite3")
#: PySide classes the first window does not need: the ``Qt`` namespace, the style, item views, combo and spin
#: boxes, message boxes, icons, painters, shortcuts.
LATER_CLASSES = {
    "QtCore": ("Qt",),
    "QtGui": ("QIcon", "QPainter", "QShortcut", "QKeySequence"),
    "QtWidgets": (
        "QStyle",
        "QAbstractItemView",
        "QComboBox",
        "QAbstractSpinBox",
        "QPlainTextEdit",
        "QMessageBox",
    ),
}


@pytest.fixture
def office(tmp_path: Path, _desk_template) -> Path:
    folder = tmp_path / "office"
    shutil.copytree(_desk_template.folder, folder)
    return folder


_REPORT = first_window_script(
    "import json; from PySide6 import QtCore, QtGui, QtWidgets; "
    f"later = {LATER_CLASSES!r}; modules = {LATER_MODULES!r}; "
    "print(json.dumps({'window': type(obj).__name__, "
    "'modules': sorted(m for m in sys.modules if m.split('.')[0] in modules or m.startswith(modules)), "
    "'classes': sorted(f'{k}.{c}' for k, names in later.items() for c in names "
    "if c in vars({'QtCore': QtCore, 'QtGui': QtGui, 'QtWidgets': QtWidgets}[k])), "
    # last, once the classes are listed: the style under the stylesheet (chosen with Qt's -style argument)
    "'style': (QtWidgets.QApplication.instance().setStyleSheet(''), QtWidgets.QApplication.style().name())[1]"
    "}), flush=True)"
)


def _first_window(args: list[str], home: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _REPORT, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        # a platform whose default style is another (Windows' own): the desk still draws with Fusion
        env={
            "PATH": "",
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(ROOT),
            "HOME": str(home),
            "QT_STYLE_OVERRIDE": "windows",
        },
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow  # real Python child processes, through the entry point an officer starts
@pytest.mark.parametrize("path", ["login", "first run", "demo"])
def test_the_first_window_is_painted_without_the_qt_namespace_the_style_or_the_register(
    path, tmp_path, office
):
    args = {
        "login": ["--data-dir", str(office)],
        "first run": ["--data-dir", str(tmp_path / "new-office")],
        "demo": ["demo", "--dir", str(tmp_path / "demo")],
    }[path]
    report = _first_window(args, tmp_path)
    assert report["window"] == ("LoginDialog" if path == "login" else "StartupSplash")
    assert report["modules"] == []
    assert report["classes"] == []
    assert report["style"] == "fusion"


@pytest.mark.slow  # a real Python child process
def test_pyside_reads_no_source_of_the_modules_imported_after_it(tmp_path):
    """PySide6's import hook read every module's source to look for the word "PySide6" (≈ 465 files for the
    register behind the login dialog); ``import ui`` stops that (ui/pyside_scan.py). A module imported after
    Qt must not end up in ``linecache``."""
    (tmp_path / "after_qt.py").write_text("VALUE = 1\n", encoding="utf-8")
    code = (
        "import linecache, sys\n"
        "import ui.app\n"
        "import after_qt\n"
        "print(any(name.endswith('after_qt.py') for name in linecache.cache))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={"PATH": "", "QT_QPA_PLATFORM": "offscreen",
                               "PYTHONPATH": f"{ROOT}:{tmp_path}"}, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_no_module_of_the_desk_selects_a_pyside_feature():
    """ui/pyside_scan.py answers PySide's "does this module use a feature set?" with no for every module; that is
    true only while no module selects one (``from __feature__ import snake_case``)."""
    selecting = re.compile(r"^\s*(from|import)\s+__feature__", re.MULTILINE)
    found = [
        str(path.relative_to(ROOT))
        for folder in ("app", "ui", "db", "server", "ppid_protocol", "tools", "bench", "tests")
        for path in (ROOT / folder).rglob("*.py")
        if selecting.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_a_module_imported_in_the_gui_leaves_no_source_behind(qapp, tmp_path, monkeypatch):
    """The same, in this process: the hook is installed for every test that imports ``ui``."""
    (tmp_path / "imported_in_gui.py").write_text("VALUE = 2\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import imported_in_gui  # noqa: F401

    assert not any(name.endswith("imported_in_gui.py") for name in linecache.cache)
    sys.modules.pop("imported_in_gui", None)


def test_fractional_scaling_is_passed_through(qapp):
    """150 % renders at 150 %, not rounded to 200 %: Qt 6's default, no longer set by ui.app."""
    assert QApplication.highDpiScaleFactorRoundingPolicy() == Qt.HighDpiScaleFactorRoundingPolicy.PassThrough


def test_the_sign_in_dialog_title_is_styled_without_a_repolish(qtbot, qapp):
    apply_style(qapp)
    dialog = LoginDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    title = next(label for label in dialog.findChildren(QLabel) if label.property("role") == "title")
    body = dialog.username.font()
    assert title.font().bold() and title.font().pointSize() > body.pointSize()


def test_escape_leaves_the_splash_on_screen_and_closing_it_closes_it(qtbot):
    splash = StartupSplash("Menyiapkan data kantor baru…")
    qtbot.addWidget(splash)
    splash.show()
    qtbot.waitExposed(splash)
    QApplication.sendEvent(
        splash, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    )
    assert splash.isVisible()
    assert splash.close()
    assert not splash.isVisible()


@pytest.mark.parametrize("path", ["login", "first run"])
def test_the_register_starts_loading_only_once_the_first_window_is_painted(
    path, qtbot, qapp, tmp_path, office, make_startup, monkeypatch
):
    """Under a real window system the first paint comes ≈ 0.1–0.2 s after ``show`` (the window is mapped
    first); a load started before it (a queued call after ``show``) imported SQLAlchemy on a worker meanwhile
    and delayed the paint the officer waits for. The load now follows the first paint: here the window system
    "paints" only when the test lets it."""
    events: list[str] = []
    real = startup_module.open_register

    def recorded(data_dir: Path):
        events.append("load")
        return real(data_dir)

    class WindowSystem(QObject):
        painting = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            if event.type() != QEvent.Type.Paint or not isinstance(watched, LoginDialog | StartupSplash):
                return False
            if self.painting and "paint" not in events:
                events.append("paint")
            return not self.painting

    monkeypatch.setattr(startup_module, "open_register", recorded)
    monkeypatch.setattr(
        startup_module, "LOAD_AT_LATEST_MS", 600_000, raising=False
    )  # only the paint starts it
    window_system = WindowSystem()
    qapp.installEventFilter(window_system)
    try:
        startup = make_startup(office if path == "login" else tmp_path / "new-office")
        startup.begin()
        window = startup.login or startup.splash
        assert window is not None
        qtbot.wait(200)
        assert events == []
        window_system.painting = True
        window.repaint()
        qtbot.waitUntil(lambda: "load" in events, timeout=10_000)
        assert events[:2] == ["paint", "load"]
        # The load may finish while the line above waits for it: wait for its outcome, not for a signal
        # that may already have been emitted.
        qtbot.waitUntil(lambda: startup.session is not None or startup.error_box is not None, timeout=30_000)
        assert startup.error_box is None, startup.error_box.text()
    finally:
        qapp.removeEventFilter(window_system)

"""A test run never writes to the home folder of whoever runs it (tests/home_isolation.py).

Why a child pytest: what is checked is the session's set-up itself, so a test run is made with a fresh
stand-in for the developer's home (``HOME``, no XDG variables) and that folder must still be empty afterwards.
The test it runs is one that wrote there: the file dialog (Qt keeps its history in
``~/.config/QtProject.conf``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from home_isolation import MARKER

TESTS = Path(__file__).parent
WROTE_HOME = ("tests/gui/kit/test_qt_dialogs_indonesian.py::test_file_dialogs_ask_for_nothing_untranslated",)


def test_this_session_has_its_own_home() -> None:
    home = Path(os.environ[MARKER])
    assert Path.home() == home and home.name.startswith("ppid-tests-home-")
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        assert home in Path(os.environ[variable]).parents


def test_a_test_run_leaves_the_home_folder_alone(tmp_path: Path) -> None:
    developer = tmp_path / "home"
    developer.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_") and key != MARKER}
    env.update(HOME=str(developer), QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider"]
    command += ["--basetemp", str(tmp_path / "basetemp"), *WROTE_HOME]
    run = subprocess.run(command, cwd=TESTS.parent, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    written = sorted(str(path.relative_to(developer)) for path in developer.rglob("*"))
    assert written == [], f"a test run wrote to the home folder: {written}"

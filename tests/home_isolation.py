"""Keep every test run out of the developer's home folder: a throw-away home for the whole session.

Why: tests that open a file dialog made Qt write ``~/.config/QtProject.conf`` (its last folder and history) into
the home of whoever ran them, and anything that resolves a per-user folder (``platformdirs``: the desk's default
data folder; the keyring's file backends; Qt's ``QStandardPaths``) would land there too. So before Qt or the
app is imported, ``HOME``, the XDG base folders and (on Windows) the profile folders point into one temporary
folder for the session, removed at exit; child processes (the CLI and GUI subprocess tests) inherit it. On
Linux Qt's own settings follow (``$XDG_CONFIG_HOME/QtProject.conf``); on Windows and macOS Qt keeps them in the
registry / the preferences system, which no variable redirects: not covered there.

With pytest-xdist the controller makes the folder and the workers, which inherit its environment, reuse it
(``PPID_TESTS_HOME`` names it); only the process that made it removes it. ``tests/test_home_isolation.py``
runs tests that wrote there with a fresh stand-in home and fails if anything appears in it.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

#: names the session's stand-in home; set by the first process that isolates, inherited by the rest
MARKER = "PPID_TESTS_HOME"


def isolate_home() -> Path:
    """Point the per-user folders of this process (and its children) at the session's stand-in home."""
    given = os.environ.get(MARKER)
    if given and Path(given).is_dir() and os.environ.get("HOME") == given:
        return Path(given)
    home = Path(tempfile.mkdtemp(prefix="ppid-tests-home-"))
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    os.environ[MARKER] = str(home)
    os.environ["HOME"] = str(home)
    for variable, below in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        os.environ[variable] = str(home / below)
    if sys.platform == "win32":  # platformdirs asks Windows itself unless these overrides are set
        local, roaming = home / "AppData" / "Local", home / "AppData" / "Roaming"
        os.environ.update(
            USERPROFILE=str(home),
            LOCALAPPDATA=str(local),
            APPDATA=str(roaming),
            WIN_PD_OVERRIDE_LOCAL_APPDATA=str(local),
            WIN_PD_OVERRIDE_APPDATA=str(roaming),
        )
    return home

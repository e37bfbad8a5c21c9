"""Linux desks without Qt's window-system libraries: told what to install, not Qt's abort (ui/qt_platform.py).

The decisions are checked with fake loaders and fake ``ldd`` output; the last tests use the real plugin of
this machine and start ``ppid-desk`` itself on the xcb platform in a child process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ui import qt_platform
from ui.qt_platform import (
    XCB_LIBRARIES,
    PlatformProblem,
    check,
    find_missing,
    missing_from_ldd,
    platform_name,
)

ROOT = Path(__file__).resolve().parents[2]

LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd4d3f2000)
\tlibQt6XcbQpa.so.6 => /opt/venv/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibGL.so.1 => /lib/x86_64-linux-gnu/libGL.so.1 (0x00007faec5615000)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007faec55b3000)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007faec5775000)
"""


def _plugins(tmp_path: Path) -> Path:
    folder = tmp_path / "plugins"
    (folder / "platforms").mkdir(parents=True, exist_ok=True)
    (folder / "platforms" / "libqxcb.so").write_bytes(b"\x7fELF")
    return folder


class FakeSystem:
    """A loader that fails for the named libraries (and for the plugin when any is missing)."""

    def __init__(self, missing: set[str]) -> None:
        self.missing = missing
        self.loaded: list[str] = []

    def load(self, name: str) -> object:
        self.loaded.append(name)
        base = os.path.basename(name)
        if base == "libqxcb.so" and self.missing:
            first = sorted(self.missing)[0]
            raise OSError(f"{first}: cannot open shared object file: No such file or directory")
        if base in self.missing:
            raise OSError(f"{base}: cannot open shared object file: No such file or directory")
        return object()


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        (["ppid-desk"], {}, "xcb"),
        (["ppid-desk"], {"QT_QPA_PLATFORM": "offscreen"}, "offscreen"),
        (["ppid-desk"], {"QT_QPA_PLATFORM": "xcb:nograb"}, "xcb"),
        (["ppid-desk"], {"QT_QPA_PLATFORM": "wayland;xcb"}, "wayland"),
        (["ppid-desk"], {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, "wayland"),
        (["ppid-desk"], {"XDG_SESSION_TYPE": "wayland"}, "xcb"),  # no compositor to talk to
        (["ppid-desk", "-platform", "xcb"], {"QT_QPA_PLATFORM": "offscreen"}, "xcb"),
    ],
)
def test_the_platform_qt_will_try_first(argv, env, expected):
    assert platform_name(argv, env) == expected


def test_ldd_output_gives_every_missing_library_once_in_order():
    assert missing_from_ldd(LDD_OUTPUT) == ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert missing_from_ldd("\tlibGL.so.1 => /lib/libGL.so.1 (0x1)\n") == []


def test_missing_libraries_are_named_with_their_packages_and_the_apt_command(tmp_path):
    system = FakeSystem({"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"})
    problem = check(
        ["ppid-desk"],
        {"DISPLAY": ":0"},
        system="linux",
        plugins=lambda: _plugins(tmp_path),
        load=system.load,
        run_ldd=lambda _path: LDD_OUTPUT,
    )
    assert isinstance(problem, PlatformProblem)
    assert problem.missing == ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    assert problem.packages == ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1")
    text = problem.message()
    assert text.startswith("PPID Desk tidak dapat membuka jendela")
    assert "  - libxcb-keysyms.so.1 (paket libxcb-keysyms1)" in text
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1\n" in text


def test_without_ldd_each_known_library_is_tried(tmp_path):
    system = FakeSystem({"libxcb-icccm.so.4", "libxkbcommon-x11.so.0"})
    problem = check(
        ["ppid-desk"],
        {"DISPLAY": ":0"},
        system="linux",
        plugins=lambda: _plugins(tmp_path),
        load=system.load,
        run_ldd=lambda _path: None,
    )
    assert problem is not None
    assert set(problem.missing) == {"libxcb-icccm.so.4", "libxkbcommon-x11.so.0"}
    assert set(problem.packages) == {"libxcb-icccm4", "libxkbcommon-x11-0"}


def test_a_library_outside_the_known_list_is_still_named(tmp_path):
    plugin = _plugins(tmp_path) / "platforms" / "libqxcb.so"
    error = "libxcb-future.so.9: cannot open shared object file: No such file or directory"
    missing = find_missing(plugin, error, run_ldd=lambda _p: None, load=FakeSystem(set()).load)
    assert missing == ["libxcb-future.so.9"]
    text = PlatformProblem("xcb", tuple(missing), detail=error).message()
    assert "libxcb-future.so.9" in text and "apt-file search" in text and "sudo apt install" not in text


def test_a_loadable_plugin_without_a_display_is_explained(tmp_path):
    system = FakeSystem(set())
    problem = check(["ppid-desk"], {}, system="linux", plugins=lambda: _plugins(tmp_path), load=system.load)
    assert problem is not None and problem.no_display and not problem.missing
    assert "tidak ada tampilan grafis" in problem.message()
    assert (
        check(
            ["ppid-desk", "-display", ":1"],
            {},
            system="linux",
            plugins=lambda: _plugins(tmp_path),
            load=system.load,
        )
        is None
    )


def test_nothing_to_say_when_the_plugin_loads_and_there_is_a_display(tmp_path):
    system = FakeSystem(set())
    assert (
        check(
            ["ppid-desk"],
            {"DISPLAY": ":0"},
            system="linux",
            plugins=lambda: _plugins(tmp_path),
            load=system.load,
        )
        is None
    )
    assert system.loaded == [str(_plugins(tmp_path) / "platforms" / "libqxcb.so")]  # one dlopen, no ldd


@pytest.mark.parametrize(
    ("system_name", "env"),
    [
        ("win32", {}),
        ("darwin", {}),
        ("linux", {"QT_QPA_PLATFORM": "offscreen"}),
        ("linux", {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}),
    ],
)
def test_other_systems_and_platforms_are_left_to_qt(tmp_path, system_name, env):
    def never(_name: str) -> object:
        raise AssertionError("nothing should be loaded")

    assert (
        check(["ppid-desk"], env, system=system_name, plugins=lambda: _plugins(tmp_path), load=never) is None
    )


def test_the_plugin_is_looked_for_where_qt_looks(tmp_path):
    bundled = _plugins(tmp_path)
    assert (
        qt_platform.plugins_dir({"QT_PLUGIN_PATH": f"{tmp_path / 'nothing'}{os.pathsep}{bundled}"}) == bundled
    )
    builtin = qt_platform.plugins_dir({})
    assert (builtin / "platforms").is_dir() and builtin != bundled


def test_the_readme_names_every_package_the_plugin_needs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = next(line for line in readme.splitlines() if line.startswith("sudo apt install libxcb"))
    assert set(command.split()[3:]) == set(XCB_LIBRARIES.values())


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("ldd") is None, reason="Linux ldd")
def test_the_known_libraries_are_what_this_plugin_needs():
    """Against the real plugin of the installed PySide6: each library listed is one it loads, and whatever
    this machine lacks has a package name in the message."""
    plugin = qt_platform.plugins_dir() / "platforms" / "libqxcb.so"
    output = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    needed = {line.split()[0] for line in output.splitlines() if "=>" in line}
    assert set(XCB_LIBRARIES) <= needed
    assert set(missing_from_ldd(output)) <= set(XCB_LIBRARIES)


@pytest.mark.slow  # a real ppid-desk child process
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb platform is Linux's")
def test_ppid_desk_on_xcb_without_what_it_needs_exits_1_with_the_reason(tmp_path):
    """The real entry point on the xcb platform with no display (and, on this machine, perhaps missing
    libraries): a message and status 1, where Qt alone aborts the process (status -6)."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "PPID_DESK_DATA_DIR")
    }
    env.update({"QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)})
    data_dir = tmp_path / "kantor"
    done = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("PPID Desk tidak dapat membuka jendela"), done.stderr
    plugin = qt_platform.plugins_dir() / "platforms" / "libqxcb.so"
    ldd = shutil.which("ldd")
    if ldd is not None:
        for name in missing_from_ldd(
            subprocess.run([ldd, str(plugin)], capture_output=True, text=True).stdout
        ):
            assert f"  - {name} (paket {XCB_LIBRARIES[name]})" in done.stderr
    assert not data_dir.exists()  # nothing was created before the refusal

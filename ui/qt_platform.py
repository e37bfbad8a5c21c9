"""Before Qt starts on a Linux desk: can it open a window (the ``xcb`` platform)? If not, say what to install.

Why: Qt loads its window-system plugin while the ``QApplication`` is created, and when the plugin's system
libraries are missing it aborts the process (SIGABRT, "could not load the Qt platform plugin") naming only the
first one, in English. A kecamatan PC set up from a minimal Debian/Ubuntu image typically lacks three or four
of them at once. So before the application is created, ``ui.app.run`` asks ``check()``; on a problem it prints
an Indonesian message naming every missing library, the Debian/Ubuntu packages and the ``apt`` command, and
ends with status 1 instead of Qt's abort.

Cost: the check runs on every start of the workstation, on the way to the login dialog. The common case is one
``dlopen`` of the plugin, which Qt is about to do anyway (the libraries it loads stay loaded, so Qt's own
load costs that much less). Only when that fails is the slow part done: ``ldd`` on the plugin (every missing
library, not only the first), or, without ``ldd``, trying each library the plugin is known to need
(docs/benchmarks.md, "Platform check").

Everything that touches the operating system is passed in (``load``, ``run_ldd``, ``find_library``), so the
decisions are unit-tested with fake loaders and fake ``ldd`` output (tests/gui/test_qt_platform.py).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: What the xcb platform plugin of PySide6 needs outside Qt (``ldd`` on Qt/plugins/platforms/libqxcb.so),
#: with the Debian/Ubuntu package of each. The README names the same packages; a test keeps them equal.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found\s*$", re.MULTILINE)
_CANNOT_OPEN = re.compile(r"(\S+\.so[.\d]*): cannot open shared object file")

Loader = Callable[[str], object]  # raises OSError when the library cannot be loaded


@dataclass(frozen=True)
class PlatformProblem:
    """Why Qt could not open a window here: libraries missing, or no display to open it on."""

    platform: str
    missing: tuple[str, ...] = ()
    no_display: bool = False
    detail: str = ""  # the loader's own words, for the administrator
    packages: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        known = [XCB_LIBRARIES[name] for name in self.missing if name in XCB_LIBRARIES]
        object.__setattr__(self, "packages", tuple(dict.fromkeys(known)))

    def message(self) -> str:
        """What the officer or the administrator reads, in Indonesian."""
        if self.no_display and not self.missing and not self.detail:
            return (
                "PPID Desk tidak dapat membuka jendela: tidak ada tampilan grafis (variabel DISPLAY kosong).\n"
                "Jalankan ppid-desk dari desktop komputer ini (bukan dari sesi SSH tanpa tampilan), "
                "atau gunakan perintah baris seperti 'ppid-desk --help'.\n"
            )
        lines = [
            f"PPID Desk tidak dapat membuka jendela: Qt tidak dapat memuat platform '{self.platform}' "
            "karena pustaka sistem berikut tidak ada di komputer ini:"
        ]
        for name in self.missing:
            package = XCB_LIBRARIES.get(name)
            lines.append(f"  - {name}" + (f" (paket {package})" if package else ""))
        if not self.missing:
            lines.append(f"  - (tidak diketahui) {self.detail}")
        if self.packages:
            lines += [
                "Pasang paketnya (Debian/Ubuntu) sebagai administrator, lalu jalankan ppid-desk lagi:",
                "  sudo apt install " + " ".join(self.packages),
            ]
        unknown = [name for name in self.missing if name not in XCB_LIBRARIES]
        if unknown or not self.missing:
            lines.append(
                "Untuk pustaka tanpa nama paket, cari paketnya dengan 'apt-file search NAMA_PUSTAKA'. "
                "Daftar lengkap paket ada di README (bagian Linux)."
            )
        if self.detail and self.missing:
            lines.append(f"Rincian teknis: {self.detail}")
        return "\n".join(lines) + "\n"


def platform_name(argv: Sequence[str], env: Mapping[str, str]) -> str:
    """The platform Qt will try first: ``-platform`` on the command line, else ``QT_QPA_PLATFORM``, else
    Wayland in a Wayland session, else xcb (Qt's default on Linux). A list ("wayland;xcb") starts with its
    first entry; options after a colon ("xcb:foo=1") are not part of the name."""
    for index, arg in enumerate(argv[:-1]):
        if arg in ("-platform", "--platform"):
            return _first(argv[index + 1])
    if env.get("QT_QPA_PLATFORM"):
        return _first(env["QT_QPA_PLATFORM"])
    if env.get("XDG_SESSION_TYPE") == "wayland" and env.get("WAYLAND_DISPLAY"):
        return "wayland"
    return "xcb"


def _first(value: str) -> str:
    return value.split(";", 1)[0].split(":", 1)[0].strip()


def plugins_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where this Qt finds its xcb plugin: a folder of ``QT_PLUGIN_PATH`` that has one (as a bundle may set),
    else Qt's own plugins folder (the wheel's Qt/plugins)."""
    from PySide6.QtCore import QLibraryInfo

    env = os.environ if env is None else env
    builtin = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    for folder in [*filter(None, env.get("QT_PLUGIN_PATH", "").split(os.pathsep)), str(builtin)]:
        if (Path(folder) / "platforms" / "libqxcb.so").is_file():
            return Path(folder)
    return builtin


def missing_from_ldd(output: str) -> list[str]:
    """Every "NAME => not found" in ``ldd`` output, once each, in order."""
    return list(dict.fromkeys(_NOT_FOUND.findall(output)))


def _run_ldd(path: Path) -> str | None:
    import subprocess  # only once the plugin failed to load: not on the way to every first window

    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    try:
        done = subprocess.run([ldd, str(path)], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout


def _dlopen(name: str) -> object:
    import ctypes  # only on Linux/xcb, where the check runs: not on the way to every first window

    return ctypes.CDLL(name)


def find_missing(
    plugin: Path,
    load_error: str,
    *,
    run_ldd: Callable[[Path], str | None] = _run_ldd,
    load: Loader = _dlopen,
) -> list[str]:
    """Every library the plugin needs and the system lacks (called only once loading it has failed):
    from ``ldd`` when there is one; otherwise by trying each library the plugin is known to need, plus the
    one the loader named."""
    output = run_ldd(plugin)
    if output is not None:
        missing = missing_from_ldd(output)
        if missing:
            return missing
    missing = []
    named = _CANNOT_OPEN.search(load_error)
    if named:
        missing.append(named.group(1))
    for name in XCB_LIBRARIES:
        if name in missing:
            continue
        try:
            load(name)
        except OSError:
            missing.append(name)
    return missing


def check(
    argv: Sequence[str] | None = None,
    env: Mapping[str, str] | None = None,
    *,
    system: str = sys.platform,
    plugins: Callable[[], Path] = plugins_dir,
    load: Loader = _dlopen,
    run_ldd: Callable[[Path], str | None] = _run_ldd,
) -> PlatformProblem | None:
    """None when Qt can be expected to open its window; otherwise what stands in the way."""
    if not system.startswith("linux"):
        return None
    env = os.environ if env is None else env
    name = platform_name(list(sys.argv if argv is None else argv), env)  # the arguments Qt is given
    if name != "xcb":
        return None
    plugin = plugins() / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        return None  # a build without it: Qt's own message is the best there is
    try:
        load(str(plugin))
    except OSError as exc:
        detail = str(exc)
        return PlatformProblem(
            name, tuple(find_missing(plugin, detail, run_ldd=run_ldd, load=load)), detail=detail
        )
    arguments = list(sys.argv if argv is None else argv)
    if not env.get("DISPLAY") and "-display" not in arguments:
        return PlatformProblem(name, no_display=True)
    return None

"""What differs between Windows, macOS and Linux, in one place.

Why one module: a desk ships to Windows PCs in kecamatan offices, to the city's Linux machines and, rarely, to a
Mac; a per-OS decision scattered through the code is tested only on the OS the tests run on. Each function here
takes the OS as a parameter (default: this machine's), so the tests exercise every branch on any machine.

What does *not* differ, and why it is not here: fonts (the TTFs in ``resources/fonts`` are embedded in every
PDF and loaded into Qt from the package), printers (Qt's ``QPrinterInfo`` speaks to the Windows spooler and to
CUPS alike), opening a saved PDF (``QDesktopServices``), text files (always opened with an explicit UTF-8
encoding) and key files (created 0600; on Windows the mode bits are ignored and the folder's access list
protects them: the per-user data folder under ``%LOCALAPPDATA%`` is readable only by its user, SYSTEM and
Administrators).
"""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Literal, TextIO

OsName = Literal["windows", "macos", "linux"]
OS_NAMES: tuple[OsName, ...] = ("windows", "macos", "linux")

#: The per-user data folder as written for people (install guides, the installer's promise never to touch
#: it, messages). The program asks ``platformdirs`` (``user_data_dir``); ``tests/unit/test_osenv.py`` checks
#: that this OS's entry names the same folder.
DATA_DIR_SHOWN: dict[OsName, str] = {
    "windows": r"%LOCALAPPDATA%\{app}",
    "macos": "~/Library/Application Support/{app}",
    "linux": "~/.local/share/{app}",  # $XDG_DATA_HOME/{app} when that variable is set
}

#: Where ``keyring`` keeps the sync token on each OS, named as the officer finds it on screen.
CREDENTIAL_STORE: dict[OsName, str] = {
    "windows": "Windows Credential Manager (Pengelola Kredensial), bagian Windows Credentials",
    "macos": "Keychain (Akses Keychain) macOS",
    "linux": "Secret Service (GNOME Keyring atau KWallet)",
}

#: The ``keyring`` backend modules a healthy desk uses on each OS (the bundle must carry them; the
#: self-check reports a backend outside this list as a warning).
KEYRING_BACKENDS: dict[OsName, tuple[str, ...]] = {
    "windows": ("keyring.backends.Windows",),
    "macos": ("keyring.backends.macOS",),
    "linux": ("keyring.backends.SecretService", "keyring.backends.libsecret", "keyring.backends.kwallet"),
}


def system(platform: str | None = None) -> OsName:
    """The OS family of ``platform`` (``sys.platform`` by default). Every Unix that is not macOS, Cygwin
    included, follows the Linux conventions (XDG folders, Secret Service), as ``platformdirs`` does."""
    name = sys.platform if platform is None else platform
    if name == "win32":  # not "cygwin": a Cygwin Python gets the Unix folders from platformdirs
        return "windows"
    if name == "darwin":
        return "macos"
    return "linux"


def user_data_dir(app: str) -> Path:
    """The per-user data folder of ``app`` on this machine (``platformdirs``; not roaming on Windows, so a
    register never travels with a roaming profile). Imported here: a command given ``--data-dir`` (or
    ``PPID_DESK_DATA_DIR``) never asks, and the library costs each start-up ≈ 2 ms."""
    from platformdirs import user_data_dir as platform_data_dir

    return Path(platform_data_dir(app, appauthor=False))


def data_dir_shown(app: str, os_name: OsName | None = None) -> str:
    return DATA_DIR_SHOWN[os_name or system()].format(app=app)


def credential_store(os_name: OsName | None = None) -> str:
    return CREDENTIAL_STORE[os_name or system()]


def keyring_backend_expected(backend_module: str, os_name: OsName | None = None) -> bool:
    """Whether a backend class from ``backend_module`` is one this OS's desk is meant to use (a chainer or a
    plaintext file backend is not)."""
    return any(
        backend_module == name or backend_module.startswith(name + ".")
        for name in KEYRING_BACKENDS[os_name or system()]
    )


def end_of_input_keys(os_name: OsName | None = None) -> str:
    """The keys that end typed input on a terminal (for "paste JSON, then ..." prompts)."""
    return "Ctrl-Z lalu Enter" if (os_name or system()) == "windows" else "Ctrl-D"


def prepare_stdio(os_name: OsName | None = None, streams: Iterable[TextIO | None] | None = None) -> None:
    """Make the command-line output safe to redirect on Windows.

    Python writes to a Windows console in UTF-16, but to a pipe or a file in the ANSI code page (cp1252 on
    an Indonesian Windows), where characters of our messages such as "≥", "→" or "…" raise
    ``UnicodeEncodeError`` and the command dies after doing its work. On Windows the streams are switched to
    UTF-8 (what scripts reading ``--json`` expect); elsewhere they are left alone. A windowed program has no
    streams (``None``): nothing to do.
    """
    if (os_name or system()) != "windows":
        return
    for stream in (sys.stdout, sys.stderr) if streams is None else streams:
        if isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError, OSError):  # a closed or detached stream: leave it
                stream.reconfigure(encoding="utf-8", errors="replace")

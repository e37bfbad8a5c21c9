"""app.osenv: every per-OS branch, chosen by parameter, on whatever machine runs the tests."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from app import osenv
from app.paths import DATA_FOLDER_NAME, default_data_dir


@pytest.mark.parametrize(
    ("platform", "expected"),
    [("win32", "windows"), ("cygwin", "linux"), ("darwin", "macos"), ("linux", "linux"),
     ("freebsd14", "linux"), ("sunos5", "linux")],
)  # fmt: skip
def test_system_families(platform: str, expected: str) -> None:
    assert osenv.system(platform) == expected


def test_system_defaults_to_this_machine() -> None:
    assert osenv.system() == osenv.system(sys.platform)


@pytest.mark.parametrize(
    ("os_name", "shown"),
    [("windows", r"%LOCALAPPDATA%\ppid-desk"), ("macos", "~/Library/Application Support/ppid-desk"),
     ("linux", "~/.local/share/ppid-desk")],
)  # fmt: skip
def test_data_folder_as_shown_to_people(os_name: osenv.OsName, shown: str) -> None:
    assert osenv.data_dir_shown(DATA_FOLDER_NAME, os_name) == shown


def test_shown_data_folder_is_where_this_machine_keeps_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The written location and the one platformdirs gives must not drift apart (checked on this OS)."""
    monkeypatch.delenv("PPID_DESK_DATA_DIR", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    shown = osenv.data_dir_shown(DATA_FOLDER_NAME)
    if osenv.system() == "windows":
        expected = Path(shown.replace("%LOCALAPPDATA%", os.environ["LOCALAPPDATA"]))
    else:
        expected = Path(shown).expanduser()
    assert default_data_dir() == expected == osenv.user_data_dir(DATA_FOLDER_NAME)


def test_data_dir_override_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PPID_DESK_DATA_DIR", str(tmp_path / "meja"))
    assert default_data_dir() == tmp_path / "meja"


@pytest.mark.parametrize(
    ("os_name", "module", "expected"),
    [
        ("windows", "keyring.backends.Windows", True),
        ("windows", "keyring.backends.SecretService", False),
        ("windows", "keyrings.alt.file", False),
        ("macos", "keyring.backends.macOS", True),
        ("macos", "keyring.backends.macOS.api", True),
        ("macos", "keyring.backends.Windows", False),
        ("linux", "keyring.backends.SecretService", True),
        ("linux", "keyring.backends.kwallet", True),
        ("linux", "keyring.backends.libsecret", True),
        ("linux", "keyring.backends.chainer", False),
        ("linux", "keyring.backends.fail", False),
        ("linux", "keyring.backends.SecretServiceExtra", False),
    ],
)
def test_keyring_backend_expected_per_os(os_name: osenv.OsName, module: str, expected: bool) -> None:
    assert osenv.keyring_backend_expected(module, os_name) is expected


def test_every_os_has_every_entry() -> None:
    for table in (osenv.DATA_DIR_SHOWN, osenv.CREDENTIAL_STORE, osenv.KEYRING_BACKENDS):
        assert set(table) == set(osenv.OS_NAMES)
    assert "Credential Manager" in osenv.credential_store("windows")
    assert "Secret Service" in osenv.credential_store("linux")


@pytest.mark.parametrize(("os_name", "keys"), [("windows", "Ctrl-Z lalu Enter"), ("macos", "Ctrl-D"),
                                              ("linux", "Ctrl-D")])  # fmt: skip
def test_end_of_input_keys(os_name: osenv.OsName, keys: str) -> None:
    assert osenv.end_of_input_keys(os_name) == keys


def _ansi_stream() -> tuple[io.BytesIO, io.TextIOWrapper]:
    raw = io.BytesIO()
    return raw, io.TextIOWrapper(raw, encoding="cp1252", errors="strict", write_through=True)


def test_windows_redirected_output_becomes_utf8() -> None:
    """A pipe on Windows speaks cp1252: "≥" would kill the command after it did its work."""
    raw, stream = _ansi_stream()
    with pytest.raises(UnicodeEncodeError):
        stream.write("≥ 2 hari → selesai…")
    osenv.prepare_stdio("windows", [stream, None])
    stream.write("≥ 2 hari → selesai…")
    stream.flush()
    assert raw.getvalue().decode("utf-8") == "≥ 2 hari → selesai…"


@pytest.mark.parametrize("os_name", ["linux", "macos"])
def test_other_systems_leave_streams_alone(os_name: osenv.OsName) -> None:
    _raw, stream = _ansi_stream()
    osenv.prepare_stdio(os_name, [stream])
    assert stream.encoding == "cp1252" and stream.errors == "strict"


def test_prepare_stdio_tolerates_closed_streams() -> None:
    _raw, stream = _ansi_stream()
    stream.close()
    osenv.prepare_stdio("windows", [stream, io.StringIO()])  # no exception: nothing to reconfigure

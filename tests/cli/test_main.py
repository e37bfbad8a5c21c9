"""``ppid-desk --help`` of every command and subcommand reads Indonesian (app/cli/main.py, argparse_id.py).

Seen: ``ppid-desk --help`` listed ``--version  show program's version number and exit``: Python 3.11's
argparse writes that help as a literal default (not through gettext), so the Indonesian table never saw it.
The walk covers every parser the command line builds, so an English help added later fails here too.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

from cli_helpers import run_in_process

from app.cli.argparse_id import indonesian
from app.cli.main import build_parser

#: Words of argparse's and Python's own English; none may remain in a help screen (the command words
#: themselves, ``list``, ``show``, ``add``, stay English on purpose: scripts type them).
ENGLISH = re.compile(
    r"\b(show this|program's|version number|usage|options|optional arguments|positional arguments|default|"
    r"the|and exit|required|choose from)\b"
)


def _parsers(parser: argparse.ArgumentParser, path: str = "ppid-desk") -> Iterator[tuple[str, str]]:
    yield path, parser.format_help()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, f"{path} {name}")


def test_every_help_screen_is_indonesian() -> None:
    with indonesian():
        screens = dict(_parsers(build_parser()))
    assert len(screens) > 60  # every group and subcommand
    english = {path: ENGLISH.findall(text) for path, text in screens.items() if ENGLISH.search(text)}
    assert english == {}


def test_version_help_through_the_command_line() -> None:
    result = run_in_process("--help")
    assert result.code == 0
    line = next(line for line in result.out.splitlines() if "--version" in line and "[" not in line)
    assert "tampilkan versi program lalu keluar" in line


def test_a_group_without_its_command_is_a_usage_error_on_stderr() -> None:
    """Seen: ``ppid-desk request`` printed the whole help on stdout (where a script reads results) and exited 2
    without saying what was missing."""
    result = run_in_process("request")
    assert result.code == 2
    assert result.out == ""
    assert "penggunaan: ppid-desk request" in result.err
    assert "kesalahan: sebutkan perintahnya: add, list, show, act, route" in result.err


def test_argparse_errors_name_arguments_as_the_usage_line_does() -> None:
    """Seen: ``calendar cuti-bersama maybe`` said ``argumen state: …`` and ``user role siti`` said ``argumen
    berikut wajib diisi: role``: the attribute names of the code, where every other error names the placeholder
    of the usage line (``NUMBER, ACTION``)."""
    state = run_in_process("calendar", "cuti-bersama", "maybe")
    assert state.code == 2 and "argumen on|off: pilihan 'maybe' tidak dikenal" in state.err
    role = run_in_process("user", "role", "siti")
    assert role.code == 2 and "argumen berikut wajib diisi: ROLE" in role.err
    user = run_in_process("user", "unlock")
    assert user.code == 2 and "argumen berikut wajib diisi: USERNAME" in user.err

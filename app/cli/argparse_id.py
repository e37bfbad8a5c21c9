"""argparse in Indonesian: "penggunaan:", "kesalahan:", "argumen berikut wajib diisi" instead of Python's English.

Why a table over argparse's own messages: argparse builds its usage line, group titles and errors from English
message ids passed through ``gettext`` (the module-level names ``_`` and ``ngettext``), and the desk ships no
gettext catalogue for Python itself. ``indonesian()`` swaps those two names for the time the desk builds and
runs its parser, so nothing else in the process (pytest, a library) is affected. A message missing from the
table stays English; ``tests/cli/test_cli_messages.py`` exercises the ones an officer can meet.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator

MESSAGES: dict[str, str] = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "%(prog)s: error: %(message)s\n": "%(prog)s: kesalahan: %(message)s\n",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan %(value)r tidak dikenal (pilih salah satu: %(choices)s)",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak sah (harus %(type)s)",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "ambiguous option: %(option)s could match %(matches)s": "opsi %(option)s tidak jelas: bisa %(matches)s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "one of the arguments %s is required": "salah satu argumen ini wajib diisi: %s",
    "ignored explicit argument %r": "nilai %r diabaikan (opsi ini tidak menerima nilai)",
    "unexpected option string: %s": "opsi tak terduga: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "perintah %(parser_name)r tidak dikenal (pilihan: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "berkas '%(filename)s' tidak dapat dibuka: %(error)s",
}
#: Type names argparse puts in "invalid %(type)s value" (the ``type=`` callable's ``__name__``).
TYPE_NAMES = {"int": "bilangan bulat", "float": "angka", "Path": "path berkas"}
PLURALS: dict[str, str] = {
    "expected %s argument": "perlu %s nilai",
    "expected %s arguments": "perlu %s nilai",
}


def translate(message: str) -> str:
    text = MESSAGES.get(message, message)
    return _TypeMessage(text) if message == "invalid %(type)s value: %(value)r" else text


def translate_plural(singular: str, plural: str, n: int) -> str:
    return PLURALS.get(singular if n == 1 else plural, singular if n == 1 else plural)


class _TypeMessage(str):
    """``invalid %(type)s value``: the type's name (``int``) read in Indonesian when the message is filled in."""

    def __mod__(self, args: object) -> str:
        if isinstance(args, dict) and "type" in args:
            args = {**args, "type": TYPE_NAMES.get(str(args["type"]), args["type"])}
        return str.__mod__(self, args)


@contextlib.contextmanager
def indonesian() -> Iterator[None]:
    """argparse speaks Indonesian inside this block (building the parser, parsing, printing help)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = translate  # type: ignore[attr-defined]
    argparse.ngettext = translate_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]

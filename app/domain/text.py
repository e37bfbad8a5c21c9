"""The rules every piece of text and every date entering the register obeys, in one place.

Why here: the desk's forms, the CLI's JSON bodies and the city server's validation must refuse the same things,
and they all reach the domain. What is refused, and why:

* control characters (C0 incl. U+0000, DEL, C1): invisible on screen and in print; PostgreSQL cannot store
  U+0000 in text at all, so a single one blocked every later push to the city server;
* bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C): they make a name
  display as another (``Budi`` + RLO + ``otnaS``), which in a legal record is forgery by rendering;
* lone surrogates (U+D800–U+DFFF): not characters at all; SQLite and every encoder refuse them later, with a
  crash instead of a message;
* a byte-order mark or a line/paragraph separator inside a field (U+FEFF, U+2028, U+2029);
* anything that is not text where text is expected: a number, ``NaN``, a list (``str()`` of them used to be
  stored as ``nan`` and ``['x']``).

Line breaks and tabs are allowed only in multi-line fields (an address, the information requested). A JSON
body is walked as a whole first (``check_body``): no forbidden character in any key or value, no nesting
deeper than ``MAX_DEPTH``, no non-finite number. Dates are bounded to ``DATE_MIN``..``DATE_MAX``.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from app.errors import ValidationError

#: UU 14/2008 took effect in 2010; a register date before 2000 or after 2099 is a typing mistake.
DATE_MIN = date(2000, 1, 1)
DATE_MAX = date(2099, 12, 31)
MAX_DEPTH = 8
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_OTHER = frozenset("\ufeff\u2028\u2029")
_LINE_BREAKS = frozenset("\n\r\t")


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def forbidden_character(value: str, *, multiline: bool = True) -> str | None:
    """The first character of ``value`` no text field may hold, described (``U+202E (RIGHT-TO-LEFT
    OVERRIDE)``); None when the text is clean. ``multiline`` allows line breaks and tabs."""
    for char in value:
        if multiline and char in _LINE_BREAKS:
            continue
        if char in _BIDI or char in _OTHER:
            return _describe(char)
        category = unicodedata.category(char)
        if category in ("Cc", "Cs"):
            return _describe(char)
    return None


def _refuse(key: str, message: str) -> ValidationError:
    return ValidationError({key: message})


def _as_text(value: Any, key: str, *, multiline: bool) -> str:
    if not isinstance(value, str):
        kind = "daftar" if isinstance(value, list | tuple) else "angka" if isinstance(value, int | float) else (
            "objek" if isinstance(value, Mapping) else type(value).__name__
        )  # fmt: skip
        raise _refuse(key, f"Harus berupa teks, bukan {kind}.")
    bad = forbidden_character(value, multiline=multiline)
    if bad is not None:
        raise _refuse(key, f"Berisi karakter yang tidak diizinkan: {bad}. Ketik ulang tanpa karakter itu.")
    return value


def line(value: Any, key: str, *, max_length: int | None = None) -> str | None:
    """One-line text: trimmed, runs of white space collapsed; None or empty -> None."""
    if value is None:
        return None
    text = " ".join(_as_text(value, key, multiline=True).split())
    _check_length(text, key, max_length)
    return text or None


def block(value: Any, key: str, *, max_length: int | None = None) -> str | None:
    """Multi-line text: each line trimmed and collapsed, blank lines dropped; None or empty -> None."""
    if value is None:
        return None
    lines = [" ".join(part.split()) for part in _as_text(value, key, multiline=True).splitlines()]
    text = "\n".join(part for part in lines if part)
    _check_length(text, key, max_length)
    return text or None


def free_text(value: Any, key: str, *, max_length: int | None = None) -> str | None:
    """Text kept as typed (the information requested: its line breaks and spacing matter), only trimmed."""
    if value is None:
        return None
    text = _as_text(value, key, multiline=True).strip()
    _check_length(text, key, max_length)
    return text or None


def _check_length(text: str, key: str, max_length: int | None) -> None:
    if max_length is not None and len(text) > max_length:
        raise _refuse(key, f"Terlalu panjang: {len(text)} karakter, maksimal {max_length}.")


def choice(value: Any, key: str, options: Iterable[str]) -> str:
    """One of ``options`` exactly (a list or a number is refused, not turned into text)."""
    allowed = list(options)
    if not isinstance(value, str) or value not in allowed:
        raise _refuse(key, "Pilih salah satu: " + ", ".join(allowed))
    return value


#: The most entries a list of texts holds (documents shown, missing items): far more than any form has lines.
MAX_ITEMS = 50


def text_list(value: Any, key: str, *, max_length: int | None = None) -> list[str]:
    """A list of one-line texts (documents shown, missing items); None -> empty, empty entries and repeats
    dropped, at most ``MAX_ITEMS`` (a body of 50.000 entries was stored as it came)."""
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise _refuse(key, 'Harus berupa daftar teks, mis. ["ktp"].')
    cleaned = [line(item, key, max_length=max_length) for item in value]
    unique = list(dict.fromkeys(item for item in cleaned if item))
    if len(unique) > MAX_ITEMS:
        raise _refuse(key, f"Daftar berisi {len(unique)} butir; paling banyak {MAX_ITEMS}.")
    return unique


def check_date(day: date, key: str) -> date:
    """A date within ``DATE_MIN``..``DATE_MAX`` (a datetime is checked by its date)."""
    value = day.date() if isinstance(day, datetime) else day
    if not DATE_MIN <= value <= DATE_MAX:
        raise _refuse(
            key, f"Tanggal {value.isoformat()} di luar rentang yang wajar ({DATE_MIN.year}–{DATE_MAX.year})."
        )
    return day


def check_body(value: Any, key: str = "json", *, _depth: int = 0) -> None:
    """Every key and value of a JSON body: clean text, finite numbers, at most ``MAX_DEPTH`` levels."""
    if _depth > MAX_DEPTH:
        raise _refuse(key, f"Susunan data terlalu dalam (lebih dari {MAX_DEPTH} tingkat).")
    if isinstance(value, str):
        _as_text(value, key, multiline=True)
    elif isinstance(value, float) and not math.isfinite(value):
        raise _refuse(key, "Angka tidak sah (NaN atau tak hingga).")
    elif isinstance(value, Mapping):
        for name, item in value.items():
            name_key = f"{key}.{name}" if key != "json" else str(name)
            _as_text(name, key, multiline=False)
            check_body(item, name_key, _depth=_depth + 1)
    elif isinstance(value, list | tuple):
        for item in value:
            check_body(item, key, _depth=_depth + 1)


def check_keys(value: Mapping[str, Any], allowed: Iterable[str], key: str = "") -> None:
    """Refuse a body carrying keys nobody reads, naming them. Why: a typo (``"purpse"``) would otherwise be
    dropped without a word and the record saved without what the officer meant to give it."""
    known = set(allowed)
    unknown = sorted(str(name) for name in value if name not in known)
    if unknown:
        where = f" pada {key}" if key else ""
        raise _refuse(
            key or "json",
            f"Kunci tidak dikenal{where}: {', '.join(unknown)}. Kunci yang diterima: {', '.join(sorted(known))}.",
        )

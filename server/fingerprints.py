"""Op fingerprints (``Op.fingerprint``: SHA-256 of ``canonical_json``) made with orjson where that gives the
very same bytes. Every new op's fingerprint is stored in ``applied_ops`` and compared when the op comes again,
so the bytes must not change; ``json.dumps`` made them at ≈ 25 µs per op, a sixth of the push path's CPU
(docs/benchmarks.md, "Server CPU per op").

orjson with sorted keys writes what ``canonical_json`` writes (compact, UTF-8, the same string escapes, keys in
code point order) for every JSON value but floats: those are written differently (``1e16`` / ``1e+16``), and
NaN and infinities become ``null``. So the fast bytes are used only for ops parsed from a push body in which
no number token can be a float (``json_may_hold_float``, one regular-expression search over the body), and an
encoding orjson refuses (an integer beyond 64 bits, a lone surrogate) falls back to ``canonical_json``.
"""

from __future__ import annotations

import re

import orjson

from ppid_protocol.hashing import canonical_json
from ppid_protocol.wire import Op

_FLOAT_TOKEN = re.compile(rb"[:,\[][ \t\n\r]*-?(?:[0-9]+[.eE]|NaN|Inf)")
"""A value that may parse to a float: a number with a fraction or an exponent, or the NaN / Infinity tokens a
lenient parser takes. In JSON a value follows ``:``, ``,`` or ``[`` (and whitespace); a match inside a string
only sends the body the slow way."""


def json_may_hold_float(raw: bytes) -> bool:
    """Whether the JSON text ``raw`` may parse to a value holding a float. False is exact."""
    return _FLOAT_TOKEN.search(raw) is not None


def canonical(value: object) -> bytes:
    """``canonical_json(value)`` for a value holding no float."""
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # orjson.JSONEncodeError: an integer beyond 64 bits, a lone surrogate
        return canonical_json(value)


def prepare(ops: list[Op], raw: bytes) -> None:
    """Give each op its canonical bytes, made fast, when the body ``raw`` they were parsed from holds no float
    (ops built afterwards from them, e.g. ``restored_ops``, must be passed here, not the parsed ones)."""
    if json_may_hold_float(raw):
        return
    for op in ops:
        op.use_canonical(canonical(op.fingerprinted()))

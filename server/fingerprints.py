"""Op fingerprints (``Op.fingerprint``: SHA-256 of ``canonical_json``) made with orjson where that gives the
very same bytes. Every new op's fingerprint is stored in ``applied_ops`` and compared when the op comes again,
so the bytes must not change; ``json.dumps`` made them at 10-25 µs per op, a sixth of the push path's CPU
(docs/benchmarks.md, "Server CPU per op").

orjson with sorted keys writes what ``canonical_json`` writes (compact, UTF-8, the same string escapes, keys in
code point order) for every JSON value but floats: those are written differently (``1e16`` / ``1e+16``), and
NaN and infinities become ``null``. So the fast bytes are used only for an op whose payload holds no float
(``holds_float``, one walk over the parsed values), and an encoding orjson refuses (an integer beyond 64 bits,
a lone surrogate) falls back to ``canonical_json``.
"""

from __future__ import annotations

from typing import Any

import orjson

from ppid_protocol.hashing import canonical_json
from ppid_protocol.wire import Op


def holds_float(value: Any) -> bool:
    """Whether a parsed JSON value (dicts, lists, scalars) holds a float anywhere. A plain loop: ≈ 1.5 µs for
    a request's payload, against 10-25 µs for ``json.dumps``."""
    stack = [value]
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        for item in node.values() if type(node) is dict else node:
            kind = type(item)
            if kind is float:
                return True
            if kind is dict or kind is list:
                push(item)
    return False


def canonical(value: Any) -> bytes:
    """``canonical_json(value)`` for a value holding no float."""
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # orjson.JSONEncodeError: an integer beyond 64 bits, a lone surrogate
        return canonical_json(value)


def prepare(ops: list[Op]) -> None:
    """Give each op whose payload holds no float its canonical bytes, made fast. Ops built from them later
    (``restored_ops``) must be the ones passed here."""
    for op in ops:
        fields = op.fingerprinted()
        if not holds_float(fields["payload"]):
            op.use_canonical(canonical(fields))

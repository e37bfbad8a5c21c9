"""Op fingerprints made with orjson (server/fingerprints.py) are the bytes ``canonical_json`` makes, so what
``applied_ops`` stores and compares is unchanged; an op whose payload holds a float keeps the ``json.dumps``
way."""

from __future__ import annotations

import gzip
import hashlib
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ppid_protocol.hashing import canonical_json
from ppid_protocol.wire import Op
from server import fingerprints, push_body
from tests.server.test_push_body import DEVICE, _op

_ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=12)
_NO_FLOAT = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70) | _ANY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_ANY_TEXT, inner, max_size=4),
    max_leaves=20,
)
_WITH_FLOAT = st.recursive(
    st.floats(allow_nan=True, allow_infinity=True),
    lambda inner: (
        st.lists(inner, min_size=1, max_size=3) | st.dictionaries(_ANY_TEXT, inner, min_size=1, max_size=3)
    ),
    max_leaves=6,
)


def _either(fn: Any, value: Any) -> tuple[str, Any]:
    try:
        return "ok", fn(value)
    except (TypeError, ValueError) as exc:  # a lone surrogate: UnicodeEncodeError, both ways
        return "error", type(exc)


@settings(max_examples=400, deadline=None)
@given(_NO_FLOAT)
def test_orjson_bytes_are_canonical_json_for_values_without_floats(value: Any) -> None:
    assert _either(fingerprints.canonical, value) == _either(canonical_json, value)


@settings(max_examples=300, deadline=None)
@given(_WITH_FLOAT, _NO_FLOAT)
def test_a_float_anywhere_is_found(value: Any, other: Any) -> None:
    assert fingerprints.holds_float({"state": {"a": other, "b": [other, value]}})
    assert fingerprints.holds_float([value])


@settings(max_examples=300, deadline=None)
@given(_NO_FLOAT)
def test_no_float_is_no_float(value: Any) -> None:
    assert not fingerprints.holds_float({"state": value, "event": [value]})


def _parsed(ops: list[dict[str, Any]]) -> list[Op]:
    raw = json.dumps({"device_id": DEVICE.id, "ops": ops}, ensure_ascii=False).encode()
    body = gzip.compress(raw)
    received = push_body.Received(body=body, sha256=hashlib.sha256(body).hexdigest(), gzipped=True)
    return push_body.parse(received, DEVICE, 64 << 20, 500)


def _legacy(op: Op) -> str:
    return hashlib.sha256(canonical_json(op.fingerprinted())).hexdigest()


def test_parsed_ops_without_floats_carry_the_fast_canonical_bytes() -> None:
    sent = [_op(1, 'Siti Aminah é 😀 \\ " 1.5'), _op(2)]
    sent[1]["payload"]["state"]["pages"] = 12
    ops = _parsed(sent)
    assert all(op._canonical is not None for op in ops)
    assert [op.fingerprint() for op in ops] == [_legacy(op) for op in ops]


def test_an_op_holding_a_float_uses_canonical_json() -> None:
    sent = [_op(1), _op(2)]
    sent[1]["payload"]["state"]["fee"] = 1e16  # json.dumps: 1e+16, orjson: 1e16
    ops = _parsed(sent)
    assert ops[0]._canonical is not None and ops[1]._canonical is None
    assert [op.fingerprint() for op in ops] == [_legacy(op) for op in ops]

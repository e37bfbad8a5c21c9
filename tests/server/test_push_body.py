"""What reading a push body costs before anything is applied: the text of a clean batch is checked once for
the whole body, and no op is serialised for its fingerprint unless its op id comes twice; a control character
anywhere is still found and named (docs/benchmarks.md, "Server CPU per op")."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections import Counter
from typing import Any

import pytest

from app.ids import new_id
from ppid_protocol import content
from ppid_protocol.wire import Op
from server import push_body
from server.auth import ApiError
from server.context import DeviceCtx

DEVICE = DeviceCtx("dev-1", 2, "3673.01", "Kecamatan Serang", False, "A")


def _op(seq: int, name: str = "Siti Aminah") -> dict[str, Any]:
    rid = new_id()
    state = {"office_code": "3673.01", "status": "verifikasi", "received_at": "2026-03-16T10:00:00",
             "information": "APBD 2025\nbaris kedua", "requester_id": rid,
             "requester": {"id": rid, "kind": "perorangan", "name": name}}  # fmt: skip
    return {"seq": seq, "op_id": new_id(), "entity": "request", "entity_id": new_id(), "action": "receive",
            "base_version": 0, "created_at": "2026-03-16T10:00:00",
            "payload": {"state": state, "event": {"id": new_id(), "kind": "receive"}}}  # fmt: skip


def _parse(ops: list[dict[str, Any]], ensure_ascii: bool = True) -> list[Op]:
    raw = json.dumps({"device_id": DEVICE.id, "ops": ops}, ensure_ascii=ensure_ascii).encode()
    body = gzip.compress(raw)
    received = push_body.Received(body=body, sha256=hashlib.sha256(body).hexdigest(), gzipped=True)
    return push_body.parse(received, DEVICE, 64 << 20, 500)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Counts the per-op serialisations: the text scan of a record or event, and an op's fingerprint."""
    seen: Counter[str] = Counter()
    scan, fingerprint = content._maybe_control, Op.fingerprint

    def counted_scan(value: dict[str, Any]) -> bool:
        seen["text scan"] += 1
        return scan(value)

    def counted_fingerprint(self: Op) -> str:
        seen["fingerprint"] += 1
        return fingerprint(self)

    monkeypatch.setattr(content, "_maybe_control", counted_scan)
    monkeypatch.setattr(Op, "fingerprint", counted_fingerprint)
    return seen


def test_a_clean_batch_is_not_serialised_again_op_by_op(calls: Counter[str]) -> None:
    ops = _parse([_op(i, "Siti Ɓ Ä") for i in range(40)], ensure_ascii=False)
    assert len(ops) == 40
    assert calls == Counter()  # before: 80 text scans (record and line of each op) and 40 fingerprints


@pytest.mark.parametrize("ensure_ascii", [True, False])
@pytest.mark.parametrize("bad", ["a\x00b", "a\x85b", "a\x7fb", "\x1b[31m", "a\x08"])
def test_a_control_character_in_one_op_is_still_named(
    calls: Counter[str], bad: str, ensure_ascii: bool
) -> None:
    ops = [_op(i) for i in range(30)]
    ops[17] = _op(17, bad)
    with pytest.raises(ApiError) as info:
        _parse(ops, ensure_ascii)
    assert (info.value.status, info.value.code) == (422, "invalid_record")
    assert info.value.detail["op_id"] == ops[17]["op_id"]
    assert info.value.detail["field"] == "record.requester.name"


@pytest.mark.parametrize("field", ["op_id", "action", "created_at"])
def test_a_control_character_in_an_ops_own_field_is_still_named(field: str) -> None:
    ops = [_op(i) for i in range(5)]
    ops[3][field] += "\x00"
    with pytest.raises(ApiError) as info:
        _parse(ops)
    assert (info.value.status, info.value.detail["field"]) == (422, field)


def test_an_op_id_sent_twice_is_fingerprinted_and_refused_when_the_ops_differ(calls: Counter[str]) -> None:
    ops = [_op(i) for i in range(10)]
    same, other = dict(ops[4]), _op(99)
    other["op_id"] = ops[6]["op_id"]
    assert len(_parse([*ops, same])) == 11  # an identical re-send inside a batch stays harmless
    assert calls["fingerprint"] == 2
    with pytest.raises(ApiError) as info:
        _parse([*ops, other])
    assert (info.value.status, info.value.code) == (422, "op_id_reused")

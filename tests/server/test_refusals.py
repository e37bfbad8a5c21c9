"""Every refusal is signed and specific: bad content (422 naming the field, nothing applied), malformed
headers, cursors and bodies, and bodies larger than their cap (refused before they are read)."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import socket
import time

import httpx
import pytest
from sqlalchemy import Engine, func, select

from app.ids import new_id
from app.sync.client import SyncClient, SyncError
from ppid_protocol.wire import API_PREFIX, HEADER_SIGNATURE
from server.models import Record
from server.testing import LiveServer
from tests.server.conftest import Enroller, make_op

BASE = {"office_code": "3673.01", "status": "verifikasi", "information": "APBD 2025"}


def _records(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(Record)).scalar_one())


@pytest.mark.parametrize(
    ("record", "event", "field"),
    [
        ({**BASE, "received_at": "kemarin sore"}, None, "record.received_at"),
        ({**BASE, "received_at": "0001-01-01T00:00:00"}, None, "record.received_at"),
        ({**BASE, "information": "APBD\x002025"}, None, "record"),
        ({**BASE, "status": "hilang"}, None, "record.status"),
        ({**BASE, "due_response": "2026-02-30"}, None, "record.due_response"),
        ({**BASE, "requester": {"id": "r1", "name": "Ani\x00"}}, None, "record"),
        (BASE, {"id": "e" * 65, "kind": "receive"}, "events[0].id"),
        (BASE, {"id": new_id(), "kind": "receive", "at": "besok"}, "events[0].at"),
        (BASE, {"id": new_id(), "kind": "receive", "summary": "a\x07b"}, "events[0]"),
    ],
)
def test_content_a_desk_cannot_store_is_refused_with_the_field(
    enroll: Enroller, engine: Engine, record: dict, event: dict | None, field: str
) -> None:
    a = enroll("3673.01")
    good = make_op()
    with pytest.raises(SyncError) as info:
        a.push([good, make_op(record=record, event=event)])
    err = info.value
    assert err.status == 422 and err.code == "invalid_record"
    assert str(err.detail["field"]).startswith(field)
    assert _records(engine) == 0  # nothing of the batch, not even the good op


def test_two_different_ops_with_one_op_id_refuse_the_batch(enroll: Enroller, engine: Engine) -> None:
    a = enroll("3673.01")
    first = make_op()
    second = make_op().model_copy(update={"op_id": first.op_id})
    with pytest.raises(SyncError) as info:
        a.push([first, second])
    assert info.value.status == 422 and info.value.code == "op_id_reused"
    assert _records(engine) == 0
    assert a.push([first, first]).results[0].status == "applied"  # an identical re-send stays harmless


def _headers(desk: SyncClient | None = None, **extra: str) -> dict[str, str]:
    out = {"X-App-Version": "0.1.0", "X-PPID-Protocol": "1"}
    if desk is not None:
        out.update({"Authorization": f"Bearer {desk.token}", "X-Device-Id": str(desk.device_id)})
    out.update(extra)
    return out


def _signed(resp: httpx.Response, status: int, code: str) -> None:
    assert resp.status_code == status, resp.text
    assert resp.headers.get(HEADER_SIGNATURE) is not None
    assert resp.json()["error"]["code"] == code


def _push_raw(server: LiveServer, desk: SyncClient, raw: bytes, *, gz: bool = True) -> httpx.Response:
    body = gzip.compress(raw) if gz else raw
    headers = _headers(desk, **{"X-Body-SHA256": hashlib.sha256(body).hexdigest(),
                                "Content-Type": "application/json"})  # fmt: skip
    if gz:
        headers["Content-Encoding"] = "gzip"
    return httpx.post(f"{server.url}{API_PREFIX}/push", content=body, headers=headers, timeout=30)


def test_malformed_push_bodies_get_signed_specific_answers(server: LiveServer, enroll: Enroller) -> None:
    a = enroll("3673.01")
    _signed(_push_raw(server, a, b"\xff\xfe not json at all"), 422, "invalid_body")
    _signed(_push_raw(server, a, b"[" * 300 + b"]" * 300), 422, "invalid_body")
    deep: object = "x"
    for _ in range(300):
        deep = {"k": deep}
    op = make_op().model_dump(mode="json")
    op["payload"]["record"]["nested"] = deep
    doc = json.dumps({"device_id": a.device_id, "ops": [op]}).encode()
    resp = _push_raw(server, a, doc)
    assert resp.status_code == 422 and resp.headers.get(HEADER_SIGNATURE) is not None


@pytest.mark.parametrize("seq", ["1e999", str(2**63), "-1", "NaN"])
def test_a_forged_cursor_is_a_signed_bad_cursor(server: LiveServer, enroll: Enroller, seq: str) -> None:
    a = enroll("3673.01")
    a.push([make_op()])
    page = a.pull()
    key = json.loads(base64.urlsafe_b64decode(page.next_cursor + "=" * (-len(page.next_cursor) % 4)))["k"]
    raw = ('{"s":' + seq + ',"k":"' + key + '","p":1}').encode()
    cursor = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    resp = httpx.get(f"{server.url}{API_PREFIX}/pull", params={"cursor": cursor}, headers=_headers(a))
    _signed(resp, 400, "bad_cursor")


def test_malformed_version_headers_are_refused_before_any_work(server: LiveServer, enroll: Enroller) -> None:
    a = enroll("3673.01")
    hello = f"{server.url}{API_PREFIX}/hello"
    _signed(
        httpx.get(hello, headers=_headers(a, **{"X-App-Version": "0.1." + "9" * 30})), 400, "bad_app_version"
    )
    assert httpx.get(hello, headers=_headers(a)).status_code == 200  # the device still works afterwards
    _signed(httpx.get(hello, headers=_headers(None, **{"X-App-Version": "9" * 5000})), 400, "bad_app_version")
    superscript_two = "²".encode("latin-1")  # str.isdigit() is true for it, int() refuses it
    for desk in (None, a):
        headers: dict[str, str | bytes] = {**_headers(desk), "X-PPID-Protocol": superscript_two}
        _signed(httpx.get(hello, headers=headers), 426, "client_too_old")


def _declared_only(server: LiveServer, path: str, declared: int, extra: str = "") -> tuple[bytes, float]:
    """Declare a huge body, send only its first bytes, and wait for the answer: a server that reads before
    refusing would wait for the rest until the timeout."""
    head = (
        f"POST {API_PREFIX}{path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {declared}\r\nX-App-Version: 0.1.0\r\nX-PPID-Protocol: 1\r\n{extra}"
        "Connection: close\r\n\r\n"
    ).encode()
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", server.port), timeout=20) as s:
        s.sendall(head + b'{"code": "')
        answer = s.recv(65536)
    return answer, time.monotonic() - started


@pytest.mark.parametrize("path", ["/enroll", "/fetch"])
def test_bodies_over_their_cap_are_refused_before_they_are_read(
    server: LiveServer, enroll: Enroller, path: str
) -> None:
    a = enroll("3673.01")
    auth = f"Authorization: Bearer {a.token}\r\nX-Device-Id: {a.device_id}\r\n"
    answer, took = _declared_only(server, path, 100 * 1024 * 1024, auth)
    assert answer.startswith(b"HTTP/1.1 413") and HEADER_SIGNATURE.lower().encode() in answer.lower()
    assert took < 10


def test_a_chunked_body_over_the_cap_is_cut_off(server: LiveServer) -> None:
    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(64):
            yield b" " * 65536

    resp = httpx.post(f"{server.url}{API_PREFIX}/enroll", content=chunks(), headers=_headers(), timeout=30)
    _signed(resp, 413, "body_too_large")


def test_ids_with_a_control_character_are_refused_not_a_server_error(
    enroll: Enroller, engine: Engine
) -> None:
    """Found by the schema fuzzer (test_openapi_fuzz.py): a NUL in a fetched id or in an op's own ids reached
    PostgreSQL, which cannot store or even compare it: a bare 500."""
    a = enroll("3673.01")
    with pytest.raises(SyncError) as info:
        a.fetch([new_id(), "abc\x00def"])
    assert info.value.status == 422 and info.value.code == "invalid_body"
    for field in ("entity_id", "op_id", "action"):
        op = make_op()
        bad = op.model_copy(update={field: getattr(op, field) + "\x00"})
        with pytest.raises(SyncError) as info:
            a.push([make_op(), bad])
        assert info.value.status == 422 and info.value.code == "invalid_record"
        assert info.value.detail["field"] == field
    assert _records(engine) == 0

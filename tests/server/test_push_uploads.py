"""Resuming a cut push on the server (feature ``push_resume``, server/uploads.py), over real HTTP on
127.0.0.1 with a real cut: a raw socket sends the headers and part of the body, then closes. What the server
keeps is bound to the device whose token sent it, capped, checked like a whole body once complete, expires,
and every refusal is signed."""

from __future__ import annotations

import hashlib
import socket
import time
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, update

from app import __version__
from app.sync.client import SyncClient
from ppid_protocol.wire import (
    API_PREFIX,
    FEATURE_PUSH_RESUME,
    HEADER_BODY_SHA256,
    HEADER_SIGNATURE,
    HEADER_UPLOAD_LENGTH,
    HEADER_UPLOAD_OFFSET,
)
from server import uploads
from server.models import AppliedOp, PushUpload
from server.testing import LiveServer
from tests.server.conftest import Enroller, make_op


def push_bytes(client: SyncClient, n: int = 40) -> bytes:
    return SyncClient.encode_push(client.device_id or "", [make_op() for _ in range(n)])


def headers(
    client: SyncClient, body: bytes, *, offset: int | None = None, sent: int | None = None
) -> dict[str, str]:
    h = {
        "X-App-Version": __version__, "X-PPID-Protocol": "1", "Authorization": f"Bearer {client.token}",
        "X-Device-Id": client.device_id or "", "Content-Type": "application/json", "Content-Encoding": "gzip",
        HEADER_BODY_SHA256: hashlib.sha256(body).hexdigest(), HEADER_UPLOAD_LENGTH: str(len(body)),
        "Content-Length": str(len(body) if sent is None else sent),
    }  # fmt: skip
    if offset is not None:
        h[HEADER_UPLOAD_OFFSET] = str(offset)
    return h


def cut_upload(server: LiveServer, head: dict[str, str], first: bytes) -> None:
    """A push whose connection dies after ``first`` bytes of its body (headers as given)."""
    lines = [f"POST {API_PREFIX}/push HTTP/1.1", f"Host: 127.0.0.1:{server.port}"]
    lines += [f"{k}: {v}" for k, v in head.items()]
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + first)
        time.sleep(0.2)  # the server reads what was sent before the connection goes


def held(server: LiveServer, client: SyncClient, body: bytes) -> dict[str, Any]:
    sha = hashlib.sha256(body).hexdigest()
    resp = httpx.get(f"{server.url}{API_PREFIX}/push/upload/{sha}", headers=headers(client, b""))
    assert resp.status_code == 200 and resp.headers.get(HEADER_SIGNATURE)
    assert resp.json()["receiving"] == 0  # without ``live`` the server waited for its open requests to end
    return {"offset": resp.json()["offset"], "length": resp.json()["length"]}


def held_after_cut(server: LiveServer, client: SyncClient, body: bytes, expected: int) -> None:
    deadline = time.monotonic() + 10
    while held(server, client, body)["offset"] != expected:
        assert time.monotonic() < deadline, held(server, client, body)
        time.sleep(0.05)


def post(server: LiveServer, head: dict[str, str], content: bytes) -> httpx.Response:
    resp = httpx.post(f"{server.url}{API_PREFIX}/push", headers=head, content=content)
    assert resp.headers.get(HEADER_SIGNATURE), resp.text  # every answer, refusals too, is signed
    return resp


def applied(server: LiveServer) -> int:
    with server.engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(AppliedOp)) or 0)


def test_hello_offers_push_resume(enroll: Enroller) -> None:
    hello, _clock = enroll("3673.01").hello()
    assert FEATURE_PUSH_RESUME in hello.features


def test_a_cut_body_goes_on_from_the_offset_and_a_lost_answer_is_given_again(
    server: LiveServer, enroll: Enroller
) -> None:
    desk = enroll("3673.01")
    body = push_bytes(desk)
    half = len(body) // 2
    cut_upload(server, headers(desk, body), body[:half])
    held_after_cut(server, desk, body, half)
    assert held(server, desk, body)["length"] == len(body)
    resp = post(server, headers(desk, body, offset=half, sent=len(body) - half), body[half:])
    assert resp.status_code == 200, resp.text
    assert [r["status"] for r in resp.json()["results"]] == ["applied"] * 40
    assert applied(server) == 40
    # the answer was lost: the server holds the whole body, so the desk sends none of it again
    assert held(server, desk, body)["offset"] == len(body)
    again = post(server, headers(desk, body, offset=len(body), sent=0), b"")
    assert again.status_code == 200, again.text
    assert all(r["duplicate"] for r in again.json()["results"]) and len(again.json()["results"]) == 40
    assert applied(server) == 40


def test_a_tampered_continuation_is_refused_and_forgotten(server: LiveServer, enroll: Enroller) -> None:
    desk = enroll("3673.01")
    body = push_bytes(desk)
    half = len(body) // 2
    cut_upload(server, headers(desk, body), body[:half])
    held_after_cut(server, desk, body, half)
    rest = bytes([body[half] ^ 0xFF]) + body[half + 1 :]
    resp = post(server, headers(desk, body, offset=half, sent=len(rest)), rest)
    assert (resp.status_code, resp.json()["error"]["code"]) == (400, "checksum_mismatch")
    assert held(server, desk, body) == {"offset": 0, "length": 0}  # the next try starts from the beginning
    assert applied(server) == 0


def test_another_device_neither_sees_nor_continues_a_cut_body(server: LiveServer, enroll: Enroller) -> None:
    owner, other = enroll("3673.01"), enroll("3673.01")
    body = push_bytes(owner)
    half = len(body) // 2
    cut_upload(server, headers(owner, body), body[:half])
    held_after_cut(server, owner, body, half)
    assert held(server, other, body) == {"offset": 0, "length": 0}
    resp = post(server, headers(other, body, offset=half, sent=len(body) - half), body[half:])
    assert resp.status_code == 409
    assert resp.json()["error"]["code"] == "upload_offset" and resp.json()["error"]["detail"]["offset"] == 0
    assert held(server, owner, body)["offset"] == half and applied(server) == 0


def test_a_cut_without_a_valid_token_keeps_nothing(server: LiveServer, enroll: Enroller) -> None:
    desk = enroll("3673.01")
    body = push_bytes(desk)
    head = {**headers(desk, body), "Authorization": "Bearer not-a-token"}
    cut_upload(server, head, body[: len(body) // 2])
    time.sleep(0.5)
    with server.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(PushUpload)) == 0


def test_an_oversized_or_inconsistent_resumable_push_is_refused_before_its_body(
    server: LiveServer, enroll: Enroller
) -> None:
    desk = enroll("3673.01")
    body = push_bytes(desk)
    too_large = {**headers(desk, body), HEADER_UPLOAD_LENGTH: str(64 * 1024 * 1024)}
    resp = post(server, too_large, body)
    assert (resp.status_code, resp.json()["error"]["code"]) == (413, "body_too_large")
    for bad in ({HEADER_UPLOAD_OFFSET: "5"}, {HEADER_UPLOAD_OFFSET: "x"}, {HEADER_UPLOAD_LENGTH: "-1"},
                {HEADER_BODY_SHA256: "zz"}):  # fmt: skip
        resp = post(server, {**headers(desk, body), **bad}, body)
        assert (resp.status_code, resp.json()["error"]["code"]) == (400, "bad_upload"), bad
    # an offset the server holds nothing for
    resp = post(server, headers(desk, body, offset=10, sent=len(body) - 10), body[10:])
    assert (resp.status_code, resp.json()["error"]["code"]) == (409, "upload_offset")
    resp = httpx.get(f"{server.url}{API_PREFIX}/push/upload/not-hex", headers=headers(desk, b""))
    assert resp.status_code == 422 and resp.headers.get(HEADER_SIGNATURE)
    assert applied(server) == 0


def test_kept_bodies_expire_and_each_device_keeps_a_few(
    server: LiveServer, enroll: Enroller, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = enroll("3673.01")
    bodies = [push_bytes(desk, 5) for _ in range(uploads.MAX_PER_DEVICE + 2)]
    for body in bodies:
        uploads.keep(
            server.engine, desk.device_id or "", hashlib.sha256(body).hexdigest(), len(body), body[:50]
        )
    with server.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(PushUpload)) == uploads.MAX_PER_DEVICE
    assert held(server, desk, bodies[-1])["offset"] == 50
    with server.engine.begin() as conn:
        conn.execute(
            update(PushUpload).values(updated_at=PushUpload.updated_at - uploads.TTL - timedelta(seconds=1))
        )
    assert held(server, desk, bodies[-1]) == {"offset": 0, "length": 0}
    monkeypatch.setattr(uploads, "SWEEP_EVERY", 0.0)  # expired rows go at most once a minute: now
    fresh = push_bytes(desk, 5)
    uploads.keep(
        server.engine, desk.device_id or "", hashlib.sha256(fresh).hexdigest(), len(fresh), fresh[:50]
    )
    with server.engine.connect() as conn:  # the expired rows went on the next write
        assert conn.scalar(select(func.count()).select_from(PushUpload)) == 1


def test_live_offset_names_how_far_an_open_upload_got(server: LiveServer, enroll: Enroller) -> None:
    """``?live=true`` answers at once with the position of a request still receiving the body, so a desk
    whose upload went quiet can tell a stall from bytes still crossing."""
    desk = enroll("3673.01")
    body = push_bytes(desk)
    half = len(body) // 2
    sha = hashlib.sha256(body).hexdigest()
    lines = [f"POST {API_PREFIX}/push HTTP/1.1", f"Host: 127.0.0.1:{server.port}"]
    lines += [f"{k}: {v}" for k, v in headers(desk, body).items()]
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body[:half])
        deadline = time.monotonic() + 10
        while True:
            resp = httpx.get(f"{server.url}{API_PREFIX}/push/upload/{sha}", params={"live": "true"},
                             headers=headers(desk, b""))  # fmt: skip
            assert resp.status_code == 200
            if resp.json().get("receiving") == half:
                break
            assert time.monotonic() < deadline, resp.json()
            time.sleep(0.05)
        assert resp.json()["offset"] == 0  # nothing kept yet: the request is still open
    held_after_cut(server, desk, body, half)  # the connection went: what arrived is kept

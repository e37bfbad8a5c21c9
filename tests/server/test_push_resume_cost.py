"""What a resumable push (feature ``push_resume``) costs the server when nothing is cut, and its offset
answer when the server runs several workers: over real HTTP on 127.0.0.1, on SQLite and PostgreSQL.

A body that arrives whole is not kept: the push's own transaction records which ops it carried, and a lost
answer is given again from ``applied_ops``. A slow upload notes its progress in the database, so a worker
other than the one receiving it answers the desk's offset question right."""

from __future__ import annotations

import hashlib
import socket
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, event, func, select

from app.sync.client import SyncClient
from ppid_protocol.wire import API_PREFIX
from server.app import ServerConfig
from server.models import PushAnswer, PushReceiving, PushUpload
from server.testing import LiveServer, start_server
from tests.server.conftest import Enroller
from tests.server.test_push_uploads import applied, cut_upload, headers, held, post, push_bytes


def rows(engine: Engine, table: Any) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(table)) or 0)


class Counted:
    """Transactions begun and statements sent through the server's engine while it is active."""

    def __init__(self, engine: Engine) -> None:
        self.engine, self.begins, self.statements = engine, 0, 0

    def _begin(self, *_a: Any) -> None:
        self.begins += 1

    def _statement(self, *_a: Any) -> None:
        self.statements += 1

    def __enter__(self) -> Counted:
        event.listen(self.engine, "begin", self._begin)
        event.listen(self.engine, "before_cursor_execute", self._statement)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(self.engine, "begin", self._begin)
        event.remove(self.engine, "before_cursor_execute", self._statement)


def test_a_whole_resumable_push_costs_no_more_transactions_than_a_plain_one(
    server: LiveServer, enroll: Enroller
) -> None:
    desk = enroll("3673.01")
    warm = push_bytes(desk, 5)
    assert post(server, headers(desk, warm), warm).status_code == 200  # caches, prepared plans
    plain_body, resumable_body = push_bytes(desk), push_bytes(desk)
    plain_head = {k: v for k, v in headers(desk, plain_body).items() if k != "X-PPID-Upload-Length"}
    with Counted(server.engine) as plain:
        assert post(server, plain_head, plain_body).status_code == 200
    with Counted(server.engine) as resumable:
        assert post(server, headers(desk, resumable_body), resumable_body).status_code == 200
    assert resumable.begins == plain.begins, (resumable.begins, plain.begins)
    # on PostgreSQL the record rides on the applied_ops insert; on SQLite it is one insert more
    extra = 0 if server.engine.dialect.name == "postgresql" else 1
    assert resumable.statements <= plain.statements + extra, (resumable.statements, plain.statements)
    assert (
        rows(server.engine, PushUpload) == 0 and rows(server.engine, PushAnswer) == 2
    )  # whole bodies not kept


def test_a_lost_answer_is_given_again_without_the_body(server: LiveServer, enroll: Enroller) -> None:
    desk = enroll("3673.01")
    body = push_bytes(desk)
    first = post(server, {**headers(desk, body), "X-PPID-Compact": "1"}, body)
    assert first.status_code == 200, first.text
    assert rows(server.engine, PushUpload) == 0
    # the answer was lost: the server says it has the whole body, and answers an empty continuation
    assert held(server, desk, body) == {"offset": len(body), "length": len(body)}
    again = post(server, {**headers(desk, body, offset=len(body), sent=0), "X-PPID-Compact": "1"}, b"")
    assert again.status_code == 200, again.text
    want = [{**r, "duplicate": True} for r in first.json()["results"]]
    assert [{k: v for k, v in r.items() if k != "record"} for r in again.json()["results"]] == [
        {k: v for k, v in r.items() if k != "record"} for r in want
    ]
    assert applied(server) == 40 and rows(server.engine, PushUpload) == 0


def test_a_continued_body_leaves_no_cut_bytes_once_applied(server: LiveServer, enroll: Enroller) -> None:
    desk = enroll("3673.01")
    body = push_bytes(desk)
    half = len(body) // 2
    cut_upload(server, headers(desk, body), body[:half])
    deadline = time.monotonic() + 10
    while held(server, desk, body)["offset"] != half:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    resp = post(server, headers(desk, body, offset=half, sent=len(body) - half), body[half:])
    assert resp.status_code == 200, resp.text
    assert rows(server.engine, PushUpload) == 0 and rows(server.engine, PushAnswer) == 1
    assert held(server, desk, body) == {"offset": len(body), "length": len(body)}


@pytest.fixture
def second(server: LiveServer) -> Iterator[LiveServer]:
    """Another worker: a second app instance (its own process state) on the same database."""
    other = start_server(server.engine)
    yield other
    other.stop()


def live(server: LiveServer, desk: SyncClient, sha: str) -> dict[str, Any]:
    resp = httpx.get(f"{server.url}{API_PREFIX}/push/upload/{sha}", params={"live": "true"},
                     headers=headers(desk, b""))  # fmt: skip
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


def test_the_offset_is_right_when_the_question_reaches_another_worker(
    server: LiveServer, second: LiveServer, enroll: Enroller
) -> None:
    desk = enroll("3673.01")
    body = push_bytes(desk, 80)
    sha = hashlib.sha256(body).hexdigest()
    half, most = len(body) // 2, len(body) * 3 // 4
    lines = [f"POST {API_PREFIX}/push HTTP/1.1", f"Host: 127.0.0.1:{server.port}"]
    lines += [f"{k}: {v}" for k, v in headers(desk, body).items()]
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body[:half])
        for reached, more in ((half, body[half:most]), (most, b"")):
            deadline = time.monotonic() + 10
            while live(second, desk, sha).get("receiving") != reached:  # the other worker sees it arrive
                assert time.monotonic() < deadline, live(second, desk, sha)
                time.sleep(0.05)
            sock.sendall(more)
    # the connection broke: the other worker waits for the receiving one to keep what arrived
    asked = httpx.get(f"{second.url}{API_PREFIX}/push/upload/{sha}", headers=headers(desk, b""))
    assert asked.json() == {"offset": most, "length": len(body), "receiving": 0}
    resp = post(second, headers(desk, body, offset=most, sent=len(body) - most), body[most:])
    assert resp.status_code == 200, resp.text
    assert applied(second) == 80
    # the answer was lost; the question and the empty continuation reach the first worker
    again = post(server, headers(desk, body, offset=len(body), sent=0), b"")
    assert again.status_code == 200 and all(r["duplicate"] for r in again.json()["results"])
    assert applied(server) == 80


def test_a_push_that_waits_long_for_its_apply_writes_no_progress_note(
    engine: Engine, enroll: Enroller
) -> None:
    """Under load a push waits for a database thread and is applied slowly; its body crossed at once, so it
    notes nothing for the other workers (a note is for an upload still receiving)."""
    slow = start_server(engine, ServerConfig(before_commit=lambda _ops: time.sleep(0.8)))
    try:
        desk = enroll("3673.01")
        warm = push_bytes(desk, 5)
        assert post(slow, headers(desk, warm), warm).status_code == 200
        plain_body, resumable_body = push_bytes(desk), push_bytes(desk)
        plain_head = {k: v for k, v in headers(desk, plain_body).items() if k != "X-PPID-Upload-Length"}
        with Counted(engine) as plain:
            assert post(slow, plain_head, plain_body).status_code == 200
        with Counted(engine) as resumable:
            assert post(slow, headers(desk, resumable_body), resumable_body).status_code == 200
        assert resumable.begins == plain.begins, (resumable.begins, plain.begins)
        assert rows(engine, PushReceiving) == 0
    finally:
        slow.stop()

"""HTTP client of the desk for the city server's sync protocol (docs/sync-protocol.md).

Refuses plain HTTP except to loopback (tests, a server on the same machine), verifies certificates (optionally
against a city CA bundle), and turns every failure into a ``SyncError`` with a plain Indonesian reason and a
``retryable`` flag the engine uses to decide between back-off and stopping (revoked token, app too old).
Stalls are detected by lack of progress, not by a deadline for the whole exchange: a small send buffer makes a
blocked upload a write timeout, the wait for the answer's headers covers what is still buffered at the learnt
link rate plus the server's work, and once the answer flows every read must bring bytes within
``base_read_timeout`` (``resumable_stall`` for a pull page the server resumes). A half-open 2G connection becomes a quick retry, a healthy slow transfer is never cut.
"""

from __future__ import annotations

import gzip
import hashlib
import ipaddress
import json
import logging
import re
import socket
import ssl
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpcore
import httpx
from pydantic import BaseModel, ValidationError

from app import __version__
from app.sync.partial import PageKeeper, PartialPage
from app.sync.sockets import Sockets
from ppid_protocol.delta import FEATURE_COMPACT, FEATURE_DELTA, compact_op, wire_payload
from ppid_protocol.wire import (
    API_PREFIX,
    FEATURE_PULL_RESUME,
    FEATURE_PUSH_RESUME,
    HEADER_APP_VERSION,
    HEADER_BODY_SHA256,
    HEADER_COMPACT,
    HEADER_DEVICE,
    HEADER_PROTOCOL,
    HEADER_SIGNATURE,
    HEADER_UPLOAD_LENGTH,
    HEADER_UPLOAD_OFFSET,
    PROTOCOL_VERSION,
    AnchorRequest,
    AnchorResponse,
    BucketListResponse,
    ChecksumResponse,
    EnrollRequest,
    EnrollResponse,
    FetchRequest,
    FetchResponse,
    HelloResponse,
    Op,
    PullResponse,
    PushRequest,
    PushResponse,
    UploadOffsetResponse,
    matched_results,
)

M = TypeVar("M", bound=BaseModel)
log = logging.getLogger("ppid.sync.client")

NOT_RETRYABLE = {
    "auth_missing", "auth_invalid", "device_revoked", "client_too_old", "forbidden_scope", "insecure_url",
    "enroll_code_invalid", "enroll_code_used", "enroll_code_expired", "enroll_office_mismatch", "tls_clock",
}  # fmt: skip


SNDBUF = 16 * 1024
PIECE = 4096


def _pieces(body: bytes, on_sent: Callable[[], None] | None = None) -> Iterator[bytes]:
    """The body in small writes, so each write's timeout measures progress on the link. ``on_sent`` runs once
    the last piece has been handed to the socket (httpcore asks for the next piece only after writing one):
    the engine then starts the next upload while this one drains and the server works."""
    for i in range(0, len(body), PIECE):
        yield body[i : i + PIECE]
    if on_sent is not None:
        on_sent()


_HEAD = re.compile(rb'^\{"next_cursor":"([A-Za-z0-9_=-]*)","more":(true|false)[,}]')
_TAIL = re.compile(rb'\],"next_cursor":"([A-Za-z0-9_=-]*)","more":(true|false)[,}][^\]]*$')


class _HeadReader:
    """Watches a pull page while it arrives: when its first bytes came (the server's work plus the round trip
    are over) and whether it starts with ``next_cursor`` and ``more`` (then ``on_head`` is called at once)."""

    def __init__(self, on_head: Callable[[str, bool], None] | None) -> None:
        self.on_head, self.prefix = on_head, b""
        self.first_at: float | None = None
        self.head_first: bool | None = None  # None: not decided yet

    def feed(self, chunk: bytes) -> None:
        if self.first_at is None:
            self.first_at = time.monotonic()
        if self.head_first is not None:
            return
        self.prefix += chunk
        match = _HEAD.match(self.prefix)
        if match is not None:
            self.head_first = True
            if self.on_head is not None:
                self.on_head(match.group(1).decode(), match.group(2) == b"true")
        elif len(self.prefix) > 4096 or not self.prefix.startswith(b'{"next_cursor":"'[: len(self.prefix)]):
            self.head_first = False  # not a head-first page: the caller waits for the whole page


class SyncError(Exception):
    """A failed exchange. ``code`` is stable (for logic and logs); ``str()`` is for the officer. ``partial``:
    what a cut pull page delivered whole (``SyncClient.pull``)."""

    partial: PartialPage | None = None

    def __init__(
        self, code: str, message: str, *, status: int | None = None, detail: Any = None,
        retry_after: float | None = None,
    ) -> None:  # fmt: skip
        super().__init__(message)
        self.code, self.status, self.detail = code, status, detail
        self.retry_after = retry_after
        """Seconds the server asked to wait before the next try (``Retry-After`` of a 503 or 429), or None."""

    @property
    def retryable(self) -> bool:
        return self.code not in NOT_RETRYABLE


MAX_RETRY_AFTER = 600.0
"""A server asking for a longer wait is asked again after ten minutes anyway."""


def retry_after(value: str | None) -> float | None:
    """``Retry-After`` as seconds (delta-seconds or an HTTP date), bounded to 0..``MAX_RETRY_AFTER``."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        from email.utils import parsedate_to_datetime

        when = parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return max(0.0, min(when - time.time(), MAX_RETRY_AFTER))


def is_loopback(host: str) -> bool:
    if host in {"localhost", "localhost.localdomain"}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> str:
    """The server base URL without a trailing slash; plain HTTP only to loopback addresses."""
    parts = urlsplit(url.strip())
    if parts.scheme == "https" and parts.hostname:
        return url.strip().rstrip("/")
    if parts.scheme == "http" and parts.hostname and is_loopback(parts.hostname):
        return url.strip().rstrip("/")
    raise SyncError(
        "insecure_url",
        "Alamat server harus memakai https:// (http:// hanya boleh untuk server di komputer ini).",
    )


@dataclass
class Clock:
    """Offset of the server's clock from ours, measured by ``hello`` (server time minus local midpoint)."""

    offset_seconds: float
    rtt_seconds: float


class SyncClient:
    def __init__(
        self,
        server_url: str,
        *,
        token: str | None = None,
        device_id: str | None = None,
        ca_bundle: str | None = None,
        app_version: str = __version__,
        connect_timeout: float = 15.0,
        base_read_timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base = check_url(server_url)
        self.token, self.device_id, self.app_version = token, device_id, app_version
        self.delta_ops = False  # the server applies field changes (learnt from ``hello``)
        self.compact_wire = False  # the server takes compact ops and answers positionally (``hello``)
        self.pull_resume = False  # the server resumes a cut page after its last complete item (``hello``)
        self.push_resume = (
            False  # the server keeps what arrived of a push body and takes the rest (``hello``)
        )
        self.connect_timeout, self.base_read_timeout = connect_timeout, base_read_timeout
        # a pull page whose bytes stopped flowing is given up after this long (never longer than the base):
        # with ``pull_resume`` a stall cut too early costs one round trip, the items that arrived are kept
        self.resumable_stall = 2.0
        verify: ssl.SSLContext | bool = ssl.create_default_context(cafile=ca_bundle) if ca_bundle else True
        self._sockets: Sockets | None = None
        if transport is None:
            # A small send buffer makes a stalled upload visible as a write timeout within seconds instead of
            # hiding megabytes in the kernel (httpcore's write timeout is per send call, i.e. per progress).
            transport = httpx.HTTPTransport(
                verify=verify, socket_options=[(socket.SOL_SOCKET, socket.SO_SNDBUF, SNDBUF)]
            )
            pool = getattr(transport, "_pool", None)
            if isinstance(pool, httpcore.ConnectionPool):  # httpx does not expose the backend as a parameter
                self._sockets = Sockets()
                pool._network_backend = self._sockets
        self._http = httpx.Client(
            verify=verify, transport=transport, headers={"Accept-Encoding": "gzip"},
            timeout=httpx.Timeout(base_read_timeout, connect=connect_timeout),
        )  # fmt: skip
        self.rate_estimate = 2048.0  # bytes/s, learnt from completed exchanges (EWMA)
        self.bytes_sent = 0
        self.bytes_received = 0
        self.down_rate = 0.0  # bytes/s of answer bodies once they flow (headers → end), 0 = not measured yet
        self.pull_wait: float | None = None  # seconds from asking for a page to its first bytes (EWMA)
        self.head_first = False  # the server writes a page's next_cursor before its items
        self.pull_ratio = 0.1  # wire bytes ÷ JSON bytes of the last pull page, to size pages in wire bytes
        self._uploads = 0  # requests whose body is still being written (they share the link)
        self.link_rate = 0.0  # bytes/s the caller measured (the push's acknowledgement clock), 0 = unknown
        self._queued = 0  # bytes open requests may still have in buffers on the way (≤ 4 send buffers each)
        self._lock = threading.Lock()

    def close(self) -> None:
        self._http.close()

    def abort(self) -> None:
        """From another thread (the watchdog): fail every exchange in progress at once, then close."""
        if self._sockets is not None:
            self._sockets.shutdown()
        self.close()

    def abort_thread(self, ident: int) -> None:
        """Fail the exchange the thread ``ident`` is in (a push whose answer stalled); the others go on."""
        if self._sockets is not None:
            self._sockets.shutdown_thread(ident)

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ plumbing
    def _headers(self) -> dict[str, str]:
        h = {HEADER_APP_VERSION: self.app_version, HEADER_PROTOCOL: str(PROTOCOL_VERSION)}
        if self.token:
            h["Authorization"] = f"Bearer {self.token}"
        if self.device_id:
            h[HEADER_DEVICE] = self.device_id
        return h

    def _timeout(self, upload: int, expected: int) -> httpx.Timeout:
        """httpx timeouts are per socket operation. Writes: ``base`` seconds without progress (the send buffer
        is small). The wait for the answer's headers: ``base`` plus the time what is still buffered on the way
        (at most the upload, at most ~2 send buffers per upload sharing the link) needs at the learnt link
        rate, plus a little for a large answer the server must build. Body reads are re-armed to ``base`` once
        the headers arrived (``_send``): from then on only progress counts."""
        with self._lock:
            queued = self._queued  # what every open request may still have in buffers on the way, ours too
        # twice that (later uploads share the link with ours), at the learnt rate, which includes waits and
        # sharing and so is low: on purpose, a healthy answer queued behind others is never cut
        rate = max(self.rate_estimate, 0.8 * self.link_rate)  # the push's ack clock, less optimistic
        read = self.base_read_timeout + 2 * queued / rate + min(20.0, expected / 65536)
        return httpx.Timeout(read, connect=self.connect_timeout, write=self.base_read_timeout)

    def _learn_rate(self, nbytes: int, seconds: float) -> None:
        if nbytes >= 16 * 1024 and seconds > 0:
            with self._lock:
                self.rate_estimate = max(1024.0, 0.5 * self.rate_estimate + 0.5 * nbytes / seconds)

    def _learn_down(self, resp: httpx.Response, seconds: float) -> None:
        """The link's download rate from a large answer's body (the server sends it whole, so the time from
        its headers to its end is transfer time, without the server's work or the round trip)."""
        wire = int(resp.headers.get("content-length") or 0)
        if wire >= 8 * 1024 and seconds > 0.05:
            sample = wire / seconds
            with self._lock:
                self.down_rate = sample if not self.down_rate else 0.5 * self.down_rate + 0.5 * sample

    def _uploading(self, delta: int) -> None:
        with self._lock:
            self._uploads += delta

    def _send(self, method: str, path: str, *, content: bytes | None = None, headers: dict[str, str] | None = None,
              params: dict[str, Any] | None = None, expect: int = 64 * 1024,
              on_sent: Callable[[], None] | None = None,
              on_chunk: Callable[[bytes], None] | None = None,
              on_headers: Callable[[httpx.Response], None] | None = None,
              flow_timeout: float | None = None) -> httpx.Response:  # fmt: skip
        h = self._headers()
        h.update(headers or {})
        body = content or b""
        if body:
            h["Content-Length"] = str(len(body))
        uploading = [bool(body)]

        def sent() -> None:
            if uploading[0]:
                uploading[0] = False
                self._uploading(-1)
            if on_sent is not None:
                on_sent()

        if body:
            self._uploading(+1)
        queued = min(len(body), 4 * SNDBUF)
        with self._lock:
            self._queued += queued
        started = time.monotonic()
        try:
            req = self._http.build_request(method, self.base + API_PREFIX + path,
                                           content=_pieces(body, sent) if body else None, headers=h, params=params,
                                           timeout=self._timeout(len(body), expect))  # fmt: skip
            resp = self._http.send(req, stream=True)
            try:
                if not body:
                    sent()
                if on_headers is not None:
                    on_headers(resp)
                # The answer is flowing: from now on a stall is a read that brings nothing for ``base`` seconds
                # (or ``flow_timeout``; httpcore reads the body's timeout from this dict when the body
                # iteration starts).
                timeouts = req.extensions.get("timeout")
                if isinstance(timeouts, dict):
                    timeouts["read"] = min(self.base_read_timeout, flow_timeout or self.base_read_timeout)
                flowing = time.monotonic()
                if on_chunk is None:
                    resp.read()
                else:  # the decoded body as it arrives; kept whole as ``Response.read()`` would
                    parts: list[bytes] = []
                    for chunk in resp.iter_bytes():
                        parts.append(chunk)
                        on_chunk(chunk)
                    resp._content = b"".join(parts)
                self._learn_down(resp, time.monotonic() - flowing)
                if log.isEnabledFor(logging.DEBUG):  # the exchange's timeline, for bench/sync_link.py --trace
                    log.debug("exchange %s %s up=%d down=%s start=%.3f headers=%.3f end=%.3f", method, path,
                              len(body), resp.headers.get("content-length"), started, flowing, time.monotonic())  # fmt: skip
            finally:
                resp.close()
        except httpx.TimeoutException as exc:
            raise SyncError(
                "timeout", "Server tidak menjawab tepat waktu (jaringan lambat atau terputus)."
            ) from exc
        except httpx.ConnectError as exc:
            if isinstance(exc.__context__, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY" in str(exc):
                msg = str(exc)
                if "not yet valid" in msg or "expired" in msg:
                    raise SyncError("tls_clock", "Sertifikat server ditolak karena jam komputer ini salah; "
                                    "betulkan tanggal dan jam komputer.") from exc  # fmt: skip
                raise SyncError("tls", "Sertifikat server tidak dapat diverifikasi.") from exc
            raise SyncError("network", "Tidak dapat terhubung ke server (tidak ada jaringan?).") from exc
        except httpx.TransportError as exc:
            raise SyncError("network", "Sambungan ke server terputus.") from exc
        except RuntimeError as exc:  # the client was closed under us (the watchdog's abort)
            raise SyncError("network", "Sambungan ke server terputus.") from exc
        finally:
            if uploading[0]:
                uploading[0] = False
                self._uploading(-1)
            with self._lock:
                self._queued -= queued
        received = int(resp.headers.get("content-length") or len(resp.content))
        with self._lock:
            self.bytes_sent += len(body)
            self.bytes_received += received
        self._learn_rate(len(body) + received, time.monotonic() - started)
        if resp.headers.get(HEADER_SIGNATURE) is None:
            raise SyncError("not_ppid_server", "Jawaban bukan dari server PPID (jaringan meminta login?).",
                            status=resp.status_code)  # fmt: skip
        if resp.status_code >= 400:
            try:
                err = resp.json()["error"]
                code, message, detail = str(err["code"]), str(err["message"]), err.get("detail")
            except (ValueError, KeyError, TypeError):
                code, message, detail = (
                    f"http_{resp.status_code}",
                    f"Server menjawab {resp.status_code}.",
                    None,
                )
            raise SyncError(code, message, status=resp.status_code, detail=detail,
                            retry_after=retry_after(resp.headers.get("retry-after")))  # fmt: skip
        return resp

    @staticmethod
    def _parse(resp: httpx.Response, model: type[M]) -> M:
        try:
            return model.model_validate_json(resp.content)
        except ValidationError as exc:
            raise SyncError("bad_response", "Jawaban server tidak dapat dibaca.") from exc

    # ------------------------------------------------------------------ endpoints
    def hello(self) -> tuple[HelloResponse, Clock]:
        from datetime import datetime

        t0 = time.time()
        resp = self._send("GET", "/hello", expect=1024)
        t1 = time.time()
        hello = self._parse(resp, HelloResponse)
        self.delta_ops = FEATURE_DELTA in hello.features
        self.compact_wire = FEATURE_COMPACT in hello.features
        self.pull_resume = FEATURE_PULL_RESUME in hello.features
        self.push_resume = FEATURE_PUSH_RESUME in hello.features
        server = datetime.fromisoformat(hello.server_time).timestamp()
        return hello, Clock(offset_seconds=server - (t0 + t1) / 2, rtt_seconds=t1 - t0)

    def enroll(
        self, code: str, request_id: str | None = None, label: str = "", office_code: str | None = None
    ) -> EnrollResponse:
        body = EnrollRequest(code=code, request_id=request_id or str(uuid.uuid4()), label=label,
                             app_version=self.app_version, office_code=office_code)  # fmt: skip
        resp = self._send("POST", "/enroll", content=body.model_dump_json().encode(),
                          headers={"Content-Type": "application/json"}, expect=1024)  # fmt: skip
        return self._parse(resp, EnrollResponse)

    @staticmethod
    def encode_push(
        device_id: str, ops: list[Op], batch_id: str = "", *, delta: bool = False, compact: bool = False
    ) -> bytes:
        """The gzip push body. ``delta``: the server takes field changes (``delta_ops``), so an op whose outbox
        payload has them sends those instead of the whole state (``ppid_protocol.delta.wire_payload``).
        ``compact``: the server takes compact ops (``compact_wire``): ``created_at`` is left out when it is
        the event's ``at`` (``ppid_protocol.delta.compact_op``)."""
        wire = [
            op.model_copy(
                update={"payload": wire_payload(op.payload, op.base_version, delta, op.action, compact)}
            )
            for op in ops
        ]
        body = PushRequest(device_id=device_id, batch_id=batch_id, ops=wire).model_dump(mode="json")
        if compact:
            body["compact"] = True
            body["ops"] = [compact_op(op) for op in body["ops"]]
        raw = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
        return gzip.compress(raw, compresslevel=9, mtime=0)  # a few % fewer bytes on a 2G link; CPU is cheap

    def push_body(self, body: bytes, *, sha256: str | None = None, ops: int = 200,
                  on_sent: Callable[[], None] | None = None, sent: list[Op] | None = None,
                  resume: bool = False) -> PushResponse:  # fmt: skip
        """POST a push body. ``sent``: the ops in the body, to name the results of a positional answer.
        ``resume``: this body was sent before and cut (or its answer lost); to a server with ``push_resume``
        only what the server does not hold yet is sent (``held``), nothing at all when it holds it whole."""
        digest = sha256 or hashlib.sha256(body).hexdigest()
        headers = {"Content-Type": "application/json", "Content-Encoding": "gzip", HEADER_BODY_SHA256: digest}
        if self.compact_wire:  # answers in the order of the ops, without op_id (``matched_results``)
            headers[HEADER_COMPACT] = "1"
        content = body
        if self.push_resume:  # the server keeps what arrives, so a cut costs only the bytes on the wire
            headers[HEADER_UPLOAD_LENGTH] = str(len(body))
            offset = self.held(digest, len(body)) if resume else 0
            if offset:
                headers[HEADER_UPLOAD_OFFSET] = str(offset)
                content = body[offset:]
                if not content:
                    headers["Content-Length"] = "0"
        resp = self._send("POST", "/push", content=content or None, headers=headers, expect=ops * 64,
                          on_sent=on_sent)  # fmt: skip
        answer = self._parse(resp, PushResponse)
        if sent is None:
            return answer
        try:
            return answer.model_copy(update={"results": matched_results(answer.results, sent)})
        except ValueError as exc:
            raise SyncError("bad_response", "Jawaban server tidak dapat dibaca.") from exc

    def arrived(self, sha256: str, length: int) -> int:
        """How far into the push body ``sha256`` the request still receiving it got (``push_resume``,
        ``?live=true``: answered at once), or ``length`` when the server has applied the whole body (its
        answer is on the way or lost); -1 when the server names neither: the request may not be known yet
        to the worker asked (an upload is noted for the other workers after half a second), so nothing can
        be told from it."""
        resp = self._send("GET", f"/push/upload/{sha256}", params={"live": "true"}, expect=256)
        answer = self._parse(resp, UploadOffsetResponse)
        if answer.length == length and answer.offset == length:
            return length
        return min(length, answer.receiving) if answer.receiving > 0 else -1

    def held(self, sha256: str, length: int) -> int:
        """Bytes of the push body ``sha256`` (``length`` bytes) the server holds from this desk's earlier
        requests (``push_resume``); 0 when it holds none or names another length."""
        answer = self._parse(self._send("GET", f"/push/upload/{sha256}", expect=256), UploadOffsetResponse)
        return answer.offset if answer.length == length and 0 <= answer.offset <= length else 0

    def anchor(self, body: AnchorRequest) -> AnchorResponse:
        """Send the audit chain's head (``app/sync/anchor.py``); only to a server listing the feature."""
        raw = json.dumps(body.model_dump(mode="json"), separators=(",", ":")).encode()
        resp = self._send(
            "POST", "/anchor", content=raw, headers={"Content-Type": "application/json"}, expect=1024
        )
        return self._parse(resp, AnchorResponse)

    def push(
        self, ops: list[Op], batch_id: str = "", *, on_sent: Callable[[], None] | None = None
    ) -> PushResponse:
        if not self.device_id:
            raise SyncError("auth_missing", "Perangkat belum terdaftar.")
        body = self.encode_push(
            self.device_id, ops, batch_id, delta=self.delta_ops, compact=self.compact_wire
        )
        return self.push_body(body, ops=len(ops), on_sent=on_sent, sent=ops)

    def pull(self, cursor: str = "", limit: int = 200, max_bytes: int = 512 * 1024, *,
             on_head: Callable[[str, bool], None] | None = None, skip_own: bool = False,
             after_seq: int | None = None) -> PullResponse:  # fmt: skip
        """One page. ``on_head(next_cursor, more)`` is called as soon as the page's first bytes reveal them
        (when the server writes them before the items), while the rest of the page is still on the wire, or
        else from the body's tail once the page is in, before it is parsed.
        ``skip_own``: leave out records whose current version is one this desk pushed (it holds them).
        ``after_seq``: resume a cut page after the last item kept from it (``PartialPage``).

        A page cut on the way (feature ``pull_resume``) raises its ``SyncError`` with ``partial`` set to the
        items that arrived whole, so the caller stores them instead of downloading them again."""
        reader = _HeadReader(on_head)
        kept = PageKeeper(reader.feed)
        started = time.monotonic()
        params: dict[str, Any] = {"cursor": cursor, "limit": limit, "max_bytes": max_bytes}
        if skip_own:
            params["skip_own"] = "true"
        if after_seq is not None:
            params["after_seq"] = after_seq
        try:
            resp = self._send("GET", "/pull", params=params, expect=max_bytes // 16, on_chunk=kept.feed,
                              on_headers=kept.headers if self.pull_resume else None,
                              flow_timeout=self.resumable_stall if self.pull_resume else None)  # fmt: skip
        except SyncError as exc:
            exc.partial = kept.salvage()
            raise
        if reader.head_first is not None:
            self.head_first = reader.head_first
        if reader.first_at is not None:  # the link's idle time before a page: round trip + server's work
            wait = reader.first_at - started
            self.pull_wait = wait if self.pull_wait is None else 0.5 * self.pull_wait + 0.5 * wait
        if len(resp.content) >= 4096:
            self.pull_ratio = int(resp.headers.get("content-length") or len(resp.content)) / len(resp.content)
        tail = _TAIL.search(resp.content[-1024:]) if on_head is not None and not reader.head_first else None
        if on_head is not None and tail is not None:
            # the server writes the head last: the next page is asked for before this one is parsed (seconds
            # of a large page on a slow desk, with the link idle); a page that does not parse is an error as
            # before, and the page asked for early is then never used
            on_head(tail.group(1).decode(), tail.group(2) == b"true")
        return self._parse(resp, PullResponse)

    def checksum(self, buckets: int = 256) -> ChecksumResponse:
        return self._parse(self._send("GET", "/checksum", params={"buckets": buckets}), ChecksumResponse)

    def bucket(self, bucket: int, buckets: int = 256) -> BucketListResponse:
        resp = self._send("GET", f"/checksum/{bucket}", params={"buckets": buckets})
        return self._parse(resp, BucketListResponse)

    def fetch(self, entity_ids: list[str]) -> FetchResponse:
        body = FetchRequest(entity_ids=entity_ids).model_dump_json().encode()
        resp = self._send("POST", "/fetch", content=body, headers={"Content-Type": "application/json"})
        return self._parse(resp, FetchResponse)

"""Plain ASGI middleware for the sync API: the ``X-PPID-Sync`` signature on every answer and one log line per
request. A raw ASGI class instead of ``@app.middleware("http")`` (Starlette's BaseHTTPMiddleware), which runs
every request through an extra task, memory streams and a re-wrapped response: measurable CPU on a busy server.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("ppid.server")


class SignAndLog:
    def __init__(self, app: ASGIApp, header: str, value: str) -> None:
        self.app = app
        self.header = (header.lower().encode("latin-1"), value.encode("latin-1"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = [500]

        async def signed_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                name = self.header[
                    0
                ]  # once: an answer made with the header already (``_error``) keeps one copy
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() != name]
                message["headers"] = [*kept, self.header]
            await send(message)

        try:
            await self.app(scope, receive, signed_send)
        finally:
            if log.isEnabledFor(logging.INFO):
                log.info("request", extra=_fields(scope, status[0], start))


def _fields(scope: Scope, status: int, start: float) -> dict[str, Any]:
    headers = dict(scope.get("headers") or [])
    length = headers.get(b"content-length", b"0")
    return {
        "method": scope["method"], "path": scope["path"], "status": status,
        "ms": round((time.perf_counter() - start) * 1000, 1),
        "device": headers.get(b"x-device-id", b"").decode("latin-1"),
        "bytes_in": int(length) if length.isdigit() else 0,
    }  # fmt: skip


class BodyTooLarge(Exception):
    """Raised from ``receive`` when a request body without a usable Content-Length passes its cap."""


class BodyCap:
    """Every request body is capped before it is read: a declared ``Content-Length`` over the cap is answered
    413 at once, and a body sent without one (chunked) is counted as it arrives and refused when it passes the
    cap. Before, ``/enroll`` (unauthenticated) and ``/fetch`` read a body of any size into memory first.

    ``limits`` maps a path suffix to its cap; other paths get ``default``."""

    def __init__(self, app: ASGIApp, limits: dict[str, int], default: int, refuse: Any) -> None:
        self.app, self.limits, self.default, self.refuse = app, limits, default, refuse

    def _cap(self, path: str) -> int:
        for suffix, cap in self.limits.items():
            if path.endswith(suffix):
                return cap
        return self.default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cap = self._cap(scope["path"])
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > cap:
            await self.refuse(cap)(scope, receive, send)
            return
        seen = [0]
        over = [False]

        async def counted() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                seen[0] += len(message.get("body", b""))
                if seen[0] > cap:
                    over[0] = True
                    raise BodyTooLarge
            return message

        async def capped_send(message: Message) -> None:
            # the app answers however it handles the failed read (FastAPI: 400); the answer is the cap's
            if over[0]:
                if message["type"] == "http.response.start":
                    await self.refuse(cap)(scope, receive, send)
                return
            await send(message)

        try:
            await self.app(scope, counted, capped_send)
        except BodyTooLarge:
            await self.refuse(cap)(scope, receive, send)

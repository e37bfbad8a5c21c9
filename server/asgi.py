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
                message["headers"] = [*message.get("headers", []), self.header]
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

"""The sync client's sockets: shut down all of them (the watchdog's abort) or the one a given thread is using
(a push whose answer stalled on a half-open link, while later pushes were answered).

``close()`` from another thread does not wake a thread blocked in ``recv()`` on Linux; ``shutdown()`` does, and
the blocked request then fails at once as a network error, which the engine retries like any cut.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import weakref
from typing import Any

import httpcore


class Sockets(httpcore.SyncBackend):
    """httpcore's network backend, remembering the sockets it opens, and which thread last wrote on each."""

    def __init__(self) -> None:
        self.open: weakref.WeakSet[socket.socket] = weakref.WeakSet()
        self._writer: dict[int, socket.socket] = {}  # thread ident -> the socket its request is on
        self._lock = threading.Lock()

    def connect_tcp(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        stream = super().connect_tcp(*args, **kwargs)
        sock = stream.get_extra_info("socket")
        if not isinstance(sock, socket.socket):
            return stream
        self.open.add(sock)
        return _Owned(stream, sock, self)

    def wrote(self, sock: socket.socket) -> None:
        with self._lock:
            self._writer[threading.get_ident()] = sock

    def shutdown(self) -> None:
        for sock in list(self.open):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def shutdown_thread(self, ident: int) -> None:
        """Fail the request the thread ``ident`` is waiting on (its socket is shut down)."""
        with self._lock:
            sock = self._writer.get(ident)
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class _Owned(httpcore.NetworkStream):
    """A network stream that tells ``Sockets`` which thread writes on it (a request writes before it waits)."""

    def __init__(self, stream: httpcore.NetworkStream, sock: socket.socket, owner: Sockets) -> None:
        self._stream, self._sock, self._owner = stream, sock, owner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._owner.wrote(self._sock)
        self._stream.write(buffer, timeout)

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:  # fmt: skip
        return _Owned(self._stream.start_tls(ssl_context, server_hostname, timeout), self._sock, self._owner)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)

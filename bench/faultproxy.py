"""A fault-injecting, rate- and delay-shaping TCP proxy on 127.0.0.1 (asyncio), standing in for a bad 2G link.

Per connection a ``ConnPlan`` decides what goes wrong: cut after N bytes (up, down or total; FIN or RST),
stall silently at that point instead (a half-open connection: nothing more arrives, nothing is closed), drop
the server's answer after the server received the whole request (ack loss: the server committed, the desk
never hears it), or send the request twice (a duplicate on a second upstream connection). A ``Link`` shared
by all connections shapes each direction to a bit rate and adds a one-way delay, with a bounded queue so the
sender feels back-pressure as on a real link.

Used by tests/sync (imported through tests/sync/conftest.py) and by bench/sync_link.py. ``ProxyThread`` runs
a proxy in its own event loop for synchronous callers.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

CHUNK = 1024
RCVBUF = 16 * 1024


async def _connect_small(addr: tuple[str, int]) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RCVBUF)
    sock.setblocking(False)
    await asyncio.get_running_loop().sock_connect(sock, addr)
    return await asyncio.open_connection(sock=sock)


@dataclass
class ConnPlan:
    cut_up_after: int | None = None  # client -> server bytes delivered before the cut
    cut_down_after: int | None = None  # server -> client bytes delivered before the cut
    cut_total_after: int | None = None  # both directions together
    stall: bool = False  # at the cut point: black-hole the connection instead of closing it
    reset: bool = False  # close with RST instead of FIN
    drop_response: bool = False  # deliver the request, swallow the answer, then close the client side
    duplicate: bool = False  # also send the client's bytes over a second upstream connection


Planner = Callable[[int], ConnPlan]


def clean(_index: int) -> ConnPlan:
    return ConnPlan()


def random_cuts(seed: int, mean_bytes: int, spread: float = 0.5, stall_ratio: float = 0.2,
                drop_ratio: float = 0.0, duplicate_ratio: float = 0.0) -> Planner:  # fmt: skip
    """Cut every connection after ``mean_bytes`` ± ``spread`` (total bytes); a share of cuts are stalls;
    optionally drop answers or duplicate requests on a share of connections. Deterministic for a seed."""
    rng = random.Random(seed)

    def plan(_index: int) -> ConnPlan:
        after = int(mean_bytes * (1 + rng.uniform(-spread, spread)))
        return ConnPlan(
            cut_total_after=max(1, after), stall=rng.random() < stall_ratio,
            drop_response=rng.random() < drop_ratio, duplicate=rng.random() < duplicate_ratio,
        )  # fmt: skip

    return plan


@dataclass
class Link:
    """Per-direction bit rate (None = unlimited) and one-way delay, shared by every connection."""

    rate_bps: float | None = None
    delay_s: float = 0.0
    queue_chunks: int = 16
    _free_at: dict[str, float] = field(default_factory=lambda: {"up": 0.0, "down": 0.0})

    def schedule(self, direction: str, arrived: float, size: int) -> float:
        """When a chunk that arrived at ``arrived`` is delivered at the far end."""
        start = max(arrived, self._free_at[direction])
        finish = start + (size * 8 / self.rate_bps if self.rate_bps else 0.0)
        self._free_at[direction] = finish
        return finish + self.delay_s


@dataclass
class Stats:
    connections: int = 0
    bytes_up: int = 0
    bytes_down: int = 0
    cuts: int = 0
    stalls: int = 0
    dropped_responses: int = 0
    duplicates: int = 0
    busy_up: float = 0.0  # seconds the shaped link spent delivering bytes, per direction (0 when unshaped)
    busy_down: float = 0.0


class _Conn:
    def __init__(self, proxy: FaultProxy, plan: ConnPlan) -> None:
        self.proxy, self.plan = proxy, plan
        self.sent = {"up": 0, "down": 0}
        self.done = asyncio.Event()
        self.stalled = False
        self.writers: list[asyncio.StreamWriter] = []

    def budget(self, direction: str) -> int | None:
        """Bytes this direction may still deliver before the planned cut (None = no limit)."""
        limits = []
        one = self.plan.cut_up_after if direction == "up" else self.plan.cut_down_after
        if one is not None:
            limits.append(one - self.sent[direction])
        if self.plan.cut_total_after is not None:
            limits.append(self.plan.cut_total_after - self.sent["up"] - self.sent["down"])
        return max(0, min(limits)) if limits else None

    def cut(self) -> None:
        if self.done.is_set() or self.stalled:
            return
        stats = self.proxy.stats
        if self.plan.stall:
            self.stalled = True
            stats.stalls += 1
            return
        stats.cuts += 1
        self.close(reset=self.plan.reset)

    def close(self, reset: bool = False) -> None:
        for w in self.writers:
            with contextlib.suppress(Exception):
                if reset:
                    w.transport.abort()
                else:
                    w.close()
        self.done.set()


class FaultProxy:
    def __init__(self, upstream_port: int, *, upstream_host: str = "127.0.0.1", link: Link | None = None,
                 planner: Planner = clean, listen_port: int = 0) -> None:  # fmt: skip
        self.upstream = (upstream_host, upstream_port)
        self.link = link or Link()
        self.planner = planner
        self.listen_port = listen_port
        self.stats = Stats()
        self._server: asyncio.base_events.Server | None = None
        self._conns: set[_Conn] = set()
        self._index = 0

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.sockets[0].getsockname()[1])

    async def start(self) -> None:
        # Small receive buffers on both legs: bytes wait on the sender's side as they would in front of a real
        # slow link, instead of vanishing into megabytes of loopback socket buffers.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RCVBUF)
        sock.bind(("127.0.0.1", self.listen_port))
        sock.listen(128)
        sock.setblocking(False)
        self._server = await asyncio.start_server(self._handle, sock=sock)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
        for conn in list(self._conns):
            conn.close(reset=True)
        if self._server is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2)

    async def _handle(self, c_reader: asyncio.StreamReader, c_writer: asyncio.StreamWriter) -> None:
        plan = self.planner(self._index)
        self._index += 1
        self.stats.connections += 1
        conn = _Conn(self, plan)
        conn.writers.append(c_writer)
        self._conns.add(conn)
        try:
            try:
                u_reader, u_writer = await _connect_small(self.upstream)
            except OSError:
                conn.close(reset=True)
                return
            conn.writers.append(u_writer)
            dup_writer: asyncio.StreamWriter | None = None
            tasks = []
            if plan.duplicate:
                d_reader, dup_writer = await _connect_small(self.upstream)
                conn.writers.append(dup_writer)
                self.stats.duplicates += 1
                tasks.append(asyncio.create_task(self._discard(d_reader)))
            tasks += [
                asyncio.create_task(self._pipe(conn, c_reader, u_writer, "up", dup_writer)),
                asyncio.create_task(self._pipe(conn, u_reader, c_writer, "down", None)),
            ]
            await conn.done.wait()
            for t in tasks:
                t.cancel()
        finally:
            conn.close()
            self._conns.discard(conn)

    async def _discard(self, reader: asyncio.StreamReader) -> None:
        with contextlib.suppress(Exception):
            while await reader.read(65536):
                pass

    async def _pipe(self, conn: _Conn, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, direction: str,
                    dup: asyncio.StreamWriter | None) -> None:  # fmt: skip
        queue: asyncio.Queue[tuple[float, bytes] | None] = asyncio.Queue(self.link.queue_chunks)
        deliver = asyncio.create_task(self._deliver(conn, queue, writer, direction, dup))
        try:
            while True:
                try:
                    data = await reader.read(CHUNK)
                except (ConnectionError, OSError):
                    data = b""
                if not data:
                    await queue.put(None)
                    break
                if conn.stalled:
                    continue  # black hole: swallow, never deliver
                await queue.put((time.monotonic(), data))
            await deliver
        finally:
            deliver.cancel()

    async def _deliver(self, conn: _Conn, queue: asyncio.Queue[tuple[float, bytes] | None],
                       writer: asyncio.StreamWriter, direction: str, dup: asyncio.StreamWriter | None) -> None:  # fmt: skip
        stats = self.stats
        while True:
            item = await queue.get()
            if item is None:
                if conn.stalled:
                    conn.close()  # the client gave up on the stalled connection
                    return
                with contextlib.suppress(Exception):
                    writer.write_eof()
                if direction == "down":
                    conn.close()
                return
            arrived, data = item
            if conn.stalled:
                continue
            if direction == "down" and conn.plan.drop_response:
                stats.dropped_responses += 1
                conn.close(reset=True)  # the server answered (it has committed); the desk never hears it
                return
            budget = conn.budget(direction)
            cut_now = budget is not None and budget <= len(data)
            if budget is not None:
                data = data[:budget]
            if data:
                due = self.link.schedule(direction, arrived, len(data))
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                if conn.stalled or conn.done.is_set():
                    return
                # counted before the write: a test thread reads the stats the moment its client holds the
                # bytes, and this thread may lose the CPU between handing them to the socket and counting them
                conn.sent[direction] += len(data)
                busy = len(data) * 8 / self.link.rate_bps if self.link.rate_bps else 0.0
                if direction == "up":
                    stats.bytes_up += len(data)
                    stats.busy_up += busy
                else:
                    stats.bytes_down += len(data)
                    stats.busy_down += busy
                try:
                    writer.write(data)
                    if dup is not None:
                        dup.write(data)
                    await writer.drain()
                except (ConnectionError, OSError):
                    conn.close()
                    return
            if cut_now:
                conn.cut()
                if not conn.stalled:
                    return


class ProxyThread:
    """A ``FaultProxy`` in its own thread and event loop, for synchronous tests and benchmarks."""

    def __init__(self, upstream_port: int, **kwargs: object) -> None:
        self._kwargs = kwargs
        self._upstream_port = upstream_port
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True, name="faultproxy")
        self.proxy: FaultProxy | None = None

    def start(self) -> ProxyThread:
        self._thread.start()
        self.proxy = FaultProxy(self._upstream_port, **self._kwargs)  # type: ignore[arg-type]
        asyncio.run_coroutine_threadsafe(self.proxy.start(), self._loop).result(10)
        return self

    @property
    def port(self) -> int:
        assert self.proxy is not None
        return self.proxy.port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def stats(self) -> Stats:
        assert self.proxy is not None
        return self.proxy.stats

    def set_planner(self, planner: Planner) -> None:
        assert self.proxy is not None
        self._loop.call_soon_threadsafe(setattr, self.proxy, "planner", planner)

    def stop(self) -> None:
        if self.proxy is not None:
            asyncio.run_coroutine_threadsafe(self.proxy.stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)

    def __enter__(self) -> ProxyThread:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

"""The fault-injecting proxy itself: exact cuts, silent stalls, dropped answers, duplicates, shaping."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

import pytest
from faultproxy import ConnPlan, FaultProxy, Link, random_cuts

Received = list[bytes]


async def with_upstream(
    body: Callable[[int, Received], Awaitable[None]], reply: bytes | None = None
) -> Received:
    """An upstream that records what it receives and answers ``reply`` once the first bytes arrive
    (or echoes everything when ``reply`` is None)."""
    received: Received = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        buf = bytearray()
        answered = False
        while data := await reader.read(65536):
            buf += data
            if reply is None:
                writer.write(data)
                await writer.drain()
            elif not answered:
                answered = True
                writer.write(reply)
                await writer.drain()
        received.append(bytes(buf))
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        await body(port, received)
    finally:
        server.close()
    return received


async def read_all(reader: asyncio.StreamReader, timeout: float = 5.0) -> bytes:
    out = bytearray()
    while True:
        data = await asyncio.wait_for(reader.read(65536), timeout)
        if not data:
            return bytes(out)
        out += data


def run(coro: Awaitable[None]) -> None:
    asyncio.run(coro)  # type: ignore[arg-type]


def test_clean_connection_passes_bytes_unchanged() -> None:
    payload = bytes(range(256)) * 400

    async def body(port: int, received: Received) -> None:
        proxy = FaultProxy(port)
        await proxy.start()
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
        writer.write(payload)
        await writer.drain()
        writer.write_eof()
        assert await read_all(reader) == payload
        writer.close()
        await proxy.stop()
        assert proxy.stats.bytes_up == len(payload) and proxy.stats.bytes_down == len(payload)

    run(with_upstream(body))


def test_bytes_are_counted_before_the_client_can_hold_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test reads ``stats`` the moment its client has an answer (test_link_resume plans a cut from the size of
    a hello it has just received). The proxy, descheduled right after handing bytes to the socket (here: every
    drain takes 0.3 s longer), must already have counted them, or the planned cut falls inside that hello."""
    real_drain = asyncio.StreamWriter.drain

    async def slow_drain(self: asyncio.StreamWriter) -> None:
        await real_drain(self)
        await asyncio.sleep(0.3)

    monkeypatch.setattr(asyncio.StreamWriter, "drain", slow_drain)

    async def body(port: int, received: Received) -> None:
        proxy = FaultProxy(port)
        await proxy.start()
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
        writer.write(b"HELLO")
        answer = await asyncio.wait_for(reader.readexactly(len(b"WELCOME")), 5)
        assert answer == b"WELCOME"
        assert proxy.stats.bytes_up == 5 and proxy.stats.bytes_down == len(answer)
        writer.close()
        await proxy.stop()

    run(with_upstream(body, reply=b"WELCOME"))


@pytest.mark.parametrize("limit", [0, 1, 1000, 5000])
def test_cut_up_delivers_exactly_n_bytes_to_the_server(limit: int) -> None:
    payload = b"x" * 10_000

    async def body(port: int, received: Received) -> None:
        proxy = FaultProxy(port, planner=lambda _i: ConnPlan(cut_up_after=limit))
        await proxy.start()
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
        writer.write(payload)
        await writer.drain()
        assert await read_all(reader) == b""  # closed by the proxy
        writer.close()
        for _ in range(200):
            if received:
                break
            await asyncio.sleep(0.01)
        await proxy.stop()
        assert received == [payload[:limit]]
        assert proxy.stats.cuts == 1

    run(with_upstream(body, reply=b""))


def test_cut_down_delivers_exactly_n_bytes_to_the_client() -> None:
    async def body(port: int, _received: Received) -> None:
        proxy = FaultProxy(port, planner=lambda _i: ConnPlan(cut_down_after=700, reset=True))
        await proxy.start()
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
        writer.write(b"hello")
        await writer.drain()
        got = bytearray()
        with pytest.raises((ConnectionResetError, asyncio.IncompleteReadError)):
            while True:
                data = await asyncio.wait_for(reader.read(65536), 5)
                if not data:
                    raise asyncio.IncompleteReadError(bytes(got), None)
                got += data
        assert bytes(got) == (b"A" * 2000)[:700]
        writer.close()
        await proxy.stop()

    run(with_upstream(body, reply=b"A" * 2000))


def test_stall_keeps_the_connection_open_and_silent() -> None:
    async def body(port: int, received: Received) -> None:
        proxy = FaultProxy(port, planner=lambda _i: ConnPlan(cut_total_after=5, stall=True))
        await proxy.start()
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
        writer.write(b"0123456789")
        await writer.drain()
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(reader.read(1), 0.5)  # neither an answer nor a close: a half-open link
        assert not reader.at_eof()
        assert proxy.stats.stalls == 1 and proxy.stats.bytes_up == 5
        writer.close()
        await proxy.stop()

    run(with_upstream(body, reply=b"never seen"))


def test_drop_response_delivers_request_but_not_the_answer() -> None:
    async def body(port: int, received: Received) -> None:
        proxy = FaultProxy(port, planner=lambda _i: ConnPlan(drop_response=True))
        await proxy.start()
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
        writer.write(b"PUSH")
        await writer.drain()
        try:
            got = await read_all(reader)
        except ConnectionResetError:
            got = b""
        assert got == b""
        writer.close()
        for _ in range(200):
            if received:
                break
            await asyncio.sleep(0.01)
        await proxy.stop()
        assert received == [b"PUSH"] and proxy.stats.dropped_responses == 1

    run(with_upstream(body, reply=b"ACK"))


def test_duplicate_sends_the_request_twice_and_returns_one_answer() -> None:
    async def body(port: int, received: Received) -> None:
        proxy = FaultProxy(port, planner=lambda _i: ConnPlan(duplicate=True))
        await proxy.start()
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
        writer.write(b"PUSH")
        await writer.drain()
        writer.write_eof()
        assert await read_all(reader) == b"ACK"
        writer.close()
        for _ in range(200):
            if len(received) == 2:
                break
            await asyncio.sleep(0.01)
        await proxy.stop()
        assert received == [b"PUSH", b"PUSH"]

    run(with_upstream(body, reply=b"ACK"))


def test_rate_and_delay_shape_the_link() -> None:
    """A lower bound only (a shaped link can never be faster than its rate); no upper bound is asserted."""
    payload = b"r" * 4000

    async def body(port: int, _received: Received) -> None:
        proxy = FaultProxy(port, link=Link(rate_bps=64_000, delay_s=0.15))
        await proxy.start()
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
        start = time.monotonic()
        writer.write(payload)
        await writer.drain()
        writer.write_eof()
        assert await read_all(reader, timeout=20) == payload
        elapsed = time.monotonic() - start
        # 4000 B each way at 8000 B/s (overlapping) plus one delay each way
        assert elapsed >= len(payload) * 8 / 64_000 + 2 * 0.15
        writer.close()
        await proxy.stop()

    run(with_upstream(body))


def test_random_cuts_are_deterministic_for_a_seed() -> None:
    a, b = random_cuts(7, 256 * 1024), random_cuts(7, 256 * 1024)
    plans_a, plans_b = [a(i) for i in range(50)], [b(i) for i in range(50)]
    assert plans_a == plans_b
    sizes = [p.cut_total_after or 0 for p in plans_a]
    assert min(sizes) >= 128 * 1024 and max(sizes) <= 384 * 1024
    assert 0 < sum(p.stall for p in plans_a) < 50

"""What arrived of a cut push body, kept per device, and which ops a whole one carried (feature
``push_resume``, docs/sync-protocol.md *Resuming a cut push*). On a 2G link a cut push batch was sent again
whole; now the server keeps the bytes that arrived, the desk asks how many (``offset``) and sends only the
rest. A cut only happens when a connection breaks, so only then are bytes written, in a transaction of their
own (``synchronous_commit = off``: a lost row costs a re-sent body, not data). A body that arrived whole is
not kept: the push's own transaction records its SHA-256, length and op ids (``mark``, no extra commit), so a
push whose answer was lost is answered again from ``applied_ops`` (its ops come back as duplicates) without
the desk sending it again.

Nothing kept is trusted: a row belongs to the device whose token sent it (another device never sees or
continues it), it is never longer than the push cap, each device keeps at most ``MAX_PER_DEVICE`` cut
bodies, rows expire after ``TTL`` (never read after that, deleted at most once per ``SWEEP_EVERY`` per
process), and a body completed from a row goes through the same length and SHA-256 check and the same
parsing as a body sent whole (a row whose bytes do not add up to the checksum is deleted).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool

from server.admin import utcnow
from server.jsonfast import dumps
from server.models import PushAnswer, PushReceiving, PushUpload

TTL = timedelta(minutes=30)
"""A desk continues within seconds; a row older than this is a desk that went away (or a body whose answer
arrived): never read, deleted by the next sweep."""
MAX_PER_DEVICE = 8
"""More than the desk's open pushes (``push_window``): the oldest cut bodies go first."""
PUBLISH_AFTER = 0.5
"""An upload still receiving after this many seconds notes its progress for the other workers (``Arrivals``)."""
PUBLISH_EVERY = 0.5
"""Seconds between two notes of one upload (only when it moved): well under the desk's ``resumable_stall``."""
RECEIVING_FRESH = timedelta(minutes=2)
"""A note not renewed for this long is a request that died with its worker: not waited for."""
SWEEP_EVERY = 60.0
"""Seconds between two deletions of expired rows by one process: not a statement per push."""

_sweep_lock = threading.Lock()
_last_sweep = -SWEEP_EVERY


def _fresh(now: datetime) -> datetime:
    return now - TTL


def held(engine: Engine, device_id: str, sha256: str) -> tuple[bytes, int]:
    """(bytes kept of a cut body, whole body's length) for this device's body, ``(b"", 0)`` when none."""
    with engine.connect() as conn:
        row = conn.execute(
            select(PushUpload.body, PushUpload.length).where(
                PushUpload.device_id == device_id,
                PushUpload.sha256 == sha256,
                PushUpload.updated_at > _fresh(utcnow()),
            )
        ).first()
    return (bytes(row.body), int(row.length)) if row is not None else (b"", 0)


def answered(engine: Engine, device_id: str, sha256: str) -> tuple[int, list[str]] | None:
    """(length, op ids) of this device's whole body with this SHA-256 that a push applied, None when none."""
    with engine.connect() as conn:
        row = conn.execute(
            select(PushAnswer.length, PushAnswer.op_ids).where(
                PushAnswer.device_id == device_id,
                PushAnswer.sha256 == sha256,
                PushAnswer.created_at > _fresh(utcnow()),
            )
        ).first()
    return (int(row.length), [str(i) for i in row.op_ids]) if row is not None else None


def offset(engine: Engine, device_id: str, sha256: str) -> tuple[int, int]:
    """(offset, length) the desk may continue from: the whole length for an applied body, else the cut
    bytes kept, ``(0, 0)`` when nothing."""
    done = answered(engine, device_id, sha256)
    if done is not None:
        return done[0], done[0]
    body, length = held(engine, device_id, sha256)
    return len(body), length


ANSWER_CTE = (
    "WITH answer AS (INSERT INTO push_answers (device_id, sha256, length, op_ids, created_at) "
    "VALUES (%(dev)s, %(answer_sha)s, %(answer_length)s, %(answer_ids)s::jsonb, %(now)s) ON CONFLICT DO NOTHING) "
)
"""On PostgreSQL the record rides on the push's ``applied_ops`` insert (``server/push.py``): no statement and
no round trip of its own."""


def answer_params(sha256: str, length: int, op_ids: list[str]) -> dict[str, Any]:
    return {"answer_sha": sha256, "answer_length": length, "answer_ids": dumps(op_ids)}


def mark(
    conn: Connection,
    device_id: str,
    sha256: str,
    length: int,
    op_ids: list[str],
    continued: bool,
    insert_row: bool = True,
) -> None:
    """Inside the push's own transaction: this body was applied with these ops (a lost answer is given
    again from them; ``insert_row`` False when the push's ``applied_ops`` statement carries the row,
    ``ANSWER_CTE``). A continuation's cut bytes are no longer needed."""
    now = utcnow()
    if insert_row and conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            "INSERT INTO push_answers (device_id, sha256, length, op_ids, created_at) "
            "VALUES (%(dev)s, %(answer_sha)s, %(answer_length)s, %(answer_ids)s::jsonb, %(now)s) "
            "ON CONFLICT DO NOTHING",
            {"dev": device_id, "now": now, **answer_params(sha256, length, op_ids)},
        )
    elif insert_row:
        conn.execute(
            sqlite.insert(PushAnswer)
            .values(device_id=device_id, sha256=sha256, length=length, op_ids=op_ids, created_at=now)
            .on_conflict_do_nothing()
        )
    if continued:
        conn.execute(delete(PushUpload).where(PushUpload.device_id == device_id, PushUpload.sha256 == sha256))
    sweep(conn, now)


def sweep(conn: Connection, now: datetime, force: bool = False) -> None:
    """Delete expired rows, at most once per ``SWEEP_EVERY`` seconds per process (``force``: now)."""
    global _last_sweep
    with _sweep_lock:
        if not force and time.monotonic() - _last_sweep < SWEEP_EVERY:
            return
        _last_sweep = time.monotonic()
    conn.execute(delete(PushUpload).where(PushUpload.updated_at <= _fresh(now)))
    conn.execute(delete(PushAnswer).where(PushAnswer.created_at <= _fresh(now)))
    conn.execute(delete(PushReceiving).where(PushReceiving.updated_at <= _fresh(now)))


def keep(engine: Engine, device_id: str, sha256: str, length: int, body: bytes) -> None:
    """Keep ``body`` (the first bytes of a cut body of ``length`` bytes) unless as much or more is kept
    already: a continuation racing the cut request it continues never shortens what is held. This device's
    rows beyond ``MAX_PER_DEVICE`` are deleted on the way."""
    if not body or len(body) > length:
        return
    with contextlib.suppress(IntegrityError):  # the same body kept at the same moment by a racing request
        _keep(engine, device_id, sha256, length, body)


def _keep(engine: Engine, device_id: str, sha256: str, length: int, body: bytes) -> None:
    now = utcnow()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":  # a cache: a row lost in a crash costs a re-sent body
            conn.execute(text("SET LOCAL synchronous_commit = off"))
        sweep(conn, now)
        current = conn.execute(
            select(PushUpload.length, PushUpload.body)
            .where(PushUpload.device_id == device_id, PushUpload.sha256 == sha256)
            .with_for_update()
        ).first()
        if current is None:
            conn.execute(
                insert(PushUpload).values(
                    device_id=device_id, sha256=sha256, length=length, body=body, updated_at=now
                )
            )
        elif current.length != length or len(current.body) < len(body):
            conn.execute(
                update(PushUpload)
                .where(PushUpload.device_id == device_id, PushUpload.sha256 == sha256)
                .values(length=length, body=body, updated_at=now)
            )
        else:
            conn.execute(
                update(PushUpload)
                .where(PushUpload.device_id == device_id, PushUpload.sha256 == sha256)
                .values(updated_at=now)
            )
        stale = (
            conn.execute(
                select(PushUpload.sha256)
                .where(PushUpload.device_id == device_id)
                .order_by(PushUpload.updated_at.desc())
                .offset(MAX_PER_DEVICE)
            )
            .scalars()
            .all()
        )
        if stale:
            conn.execute(
                delete(PushUpload).where(PushUpload.device_id == device_id, PushUpload.sha256.in_(stale))
            )


def forget(engine: Engine, device_id: str, sha256: str) -> None:
    """Delete a kept body (its bytes did not add up to its checksum: the next attempt starts from 0)."""
    with engine.begin() as conn:
        conn.execute(delete(PushUpload).where(PushUpload.device_id == device_id, PushUpload.sha256 == sha256))


def publish(engine: Engine, row_id: str, key: tuple[str, str], reached: int) -> None:
    """Note how far a slow upload got, for every worker (``synchronous_commit = off``: a progress note)."""
    values = {"token_hash": key[0], "sha256": key[1], "reached": reached, "updated_at": utcnow()}
    with engine.begin() as conn:
        dialect: Any = postgresql if conn.dialect.name == "postgresql" else sqlite
        if conn.dialect.name == "postgresql":
            conn.execute(text("SET LOCAL synchronous_commit = off"))
        conn.execute(
            dialect.insert(PushReceiving)
            .values(id=row_id, **values)
            .on_conflict_do_update(index_elements=["id"], set_=values)
        )


def unpublish(engine: Engine, row_id: str) -> None:
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SET LOCAL synchronous_commit = off"))
        conn.execute(delete(PushReceiving).where(PushReceiving.id == row_id))


def published(engine: Engine, key: tuple[str, str]) -> tuple[int, int]:
    """(requests open, furthest position) of the slow uploads of this body noted by any worker."""
    with engine.connect() as conn:
        row = conn.execute(
            select(func.count(), func.coalesce(func.max(PushReceiving.reached), 0)).where(
                PushReceiving.token_hash == key[0],
                PushReceiving.sha256 == key[1],
                PushReceiving.updated_at > utcnow() - RECEIVING_FRESH,
            )
        ).one()
    return int(row[0]), int(row[1])


@dataclass(eq=False)
class Arrival:
    """One request receiving a resumable body: ``reached`` is the position in the whole body its bytes got
    to so far; ``done`` is set when the request has ended (kept what arrived, or applied the body)."""

    reached: int = 0
    done: asyncio.Event = field(default_factory=asyncio.Event)
    closing: asyncio.Event = field(default_factory=asyncio.Event)
    row_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    noted: bool = False
    timer: asyncio.TimerHandle | None = None

    def received(self) -> None:
        """The body has arrived (or was cut): an upload not yet noted is not noted while it waits for a
        database thread or is applied, so a push that crossed quickly writes nothing under load either. One
        already noted stays noted until it ends (a question about it waits for its answer)."""
        if self.timer is not None:
            self.timer.cancel()


class Arrivals:
    """Resumable push bodies being received, by (token hash, SHA-256). The desk asks how much of a cut body
    the server holds the moment its connection broke; the server may learn of the break a moment later (or
    still be applying a body whose answer was lost), so ``settled`` waits for those requests to end (at most
    ``timeout``) before the offset is read. ``receiving`` tells a desk whose upload went quiet whether its
    bytes still arrive (a silent stall) without waiting. The key holds the token's hash, not the device id
    the request claims, so nobody without the token can make a desk wait or read its progress.

    With several server workers the question may reach another process than the upload: an upload still
    still receiving after ``PUBLISH_AFTER`` notes its position in ``push_receiving`` (at most every ``PUBLISH_EVERY``,
    only when it moved) until it ends, and the question reads those notes too. A push on a fast link ends
    before it would note anything: no write at all. (On the link where cuts happen a batch takes seconds, so
    the upload a desk asks about has noted itself; a question about one that has not is answered from what
    is kept, which is never wrong, only possibly shorter: the desk then sends a few bytes twice.)"""

    def __init__(self, engine: Engine | None = None) -> None:
        self._open: dict[tuple[str, str], list[Arrival]] = {}
        self._engine = engine

    @contextlib.asynccontextmanager
    async def arriving(self, key: tuple[str, str]) -> AsyncIterator[Arrival]:
        arrival = Arrival()
        self._open.setdefault(key, []).append(arrival)
        task: asyncio.Task[None] | None = None
        if self._engine is not None:
            loop = asyncio.get_running_loop()

            def start() -> None:
                nonlocal task
                task = loop.create_task(self._note(key, arrival))

            arrival.timer = loop.call_later(PUBLISH_AFTER, start)
        try:
            yield arrival
        finally:
            arrival.closing.set()
            arrival.received()
            if task is not None:
                with contextlib.suppress(Exception):
                    await task
            if arrival.noted and self._engine is not None:
                with contextlib.suppress(Exception):
                    await run_in_threadpool(unpublish, self._engine, arrival.row_id)
            arrival.done.set()
            open_ = self._open.get(key, [])
            if arrival in open_:
                open_.remove(arrival)
            if not open_:
                self._open.pop(key, None)

    async def _note(self, key: tuple[str, str], arrival: Arrival) -> None:
        assert self._engine is not None
        last = -1
        while not arrival.closing.is_set():
            if arrival.reached != last:
                last = arrival.reached
                await run_in_threadpool(publish, self._engine, arrival.row_id, key, last)
                arrival.noted = True
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(arrival.closing.wait(), PUBLISH_EVERY)

    async def settled(self, key: tuple[str, str], timeout: float) -> None:
        """Wait (at most ``timeout``) until no request of any worker is receiving or applying this body."""
        deadline = time.monotonic() + timeout
        pending = list(self._open.get(key, []))
        if pending:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.gather(*(a.done.wait() for a in pending)), timeout)
        if self._engine is None:
            return
        while time.monotonic() < deadline:
            count, _reached = await run_in_threadpool(published, self._engine, key)
            if not count:
                return
            await asyncio.sleep(0.05)

    async def receiving(self, key: tuple[str, str]) -> int:
        """How far the requests still open for this body got, in any worker (0 when none is open)."""
        here = max((a.reached for a in self._open.get(key, [])), default=0)
        if self._engine is None:
            return here
        _count, there = await run_in_threadpool(published, self._engine, key)
        return max(here, there)

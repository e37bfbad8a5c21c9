"""What arrived of a push body, kept per device (feature ``push_resume``, docs/sync-protocol.md *Resuming a
cut push*). On a 2G link a cut push batch was sent again whole; now the server keeps the bytes that arrived,
the desk asks how many (``offset``) and sends only the rest. A body that arrived whole is kept as well, so a
push whose answer was lost is answered again from it (its ops come back as duplicates) without the desk
sending it again.

Nothing kept is trusted: a row belongs to the device whose token sent it (another device never sees or
continues it), it is never longer than the push cap, each device keeps at most ``MAX_PER_DEVICE`` rows, rows
expire after ``TTL``, and a body completed from a row goes through the same length and SHA-256 check and the
same parsing as a body sent whole (a row whose bytes do not add up to the checksum is deleted).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from server.admin import utcnow
from server.models import PushUpload

TTL = timedelta(minutes=30)
"""A desk continues within seconds; a row older than this is a desk that went away (or a completed body whose
answer arrived): deleted on the next write."""
MAX_PER_DEVICE = 8
"""More than the desk's open pushes (``push_window``): the oldest rows go first."""


def _fresh(now: datetime) -> datetime:
    return now - TTL


def held(engine: Engine, device_id: str, sha256: str) -> tuple[bytes, int]:
    """(bytes kept, whole body's length) for this device's body, ``(b"", 0)`` when nothing is kept."""
    with engine.connect() as conn:
        row = conn.execute(
            select(PushUpload.body, PushUpload.length).where(
                PushUpload.device_id == device_id,
                PushUpload.sha256 == sha256,
                PushUpload.updated_at > _fresh(utcnow()),
            )
        ).first()
    return (bytes(row.body), int(row.length)) if row is not None else (b"", 0)


def keep(engine: Engine, device_id: str, sha256: str, length: int, body: bytes) -> None:
    """Keep ``body`` (the first bytes of a body of ``length`` bytes) unless as much or more is kept already:
    a continuation racing the cut request it continues never shortens what is held. Expired rows of every
    device and this device's rows beyond ``MAX_PER_DEVICE`` are deleted on the way."""
    if not body or len(body) > length:
        return
    with contextlib.suppress(IntegrityError):  # the same body kept at the same moment by a racing request
        _keep(engine, device_id, sha256, length, body)


def _keep(engine: Engine, device_id: str, sha256: str, length: int, body: bytes) -> None:
    now = utcnow()
    with engine.begin() as conn:
        conn.execute(delete(PushUpload).where(PushUpload.updated_at <= _fresh(now)))
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


@dataclass(eq=False)
class Arrival:
    """One request receiving a resumable body: ``reached`` is the position in the whole body its bytes got
    to so far; ``done`` is set when the request has ended (kept what arrived, or applied the body)."""

    reached: int = 0
    done: asyncio.Event = field(default_factory=asyncio.Event)


class Arrivals:
    """Resumable push bodies this process is receiving, by (token hash, SHA-256). The desk asks how much of a
    cut body the server holds the moment its connection broke; the server may learn of the break a moment
    later (or still be applying a body whose answer was lost), so ``settled`` waits for those requests to end
    (at most ``timeout``) before the offset is read. ``reached`` tells a desk whose upload went quiet whether
    its bytes still arrive (a silent stall) without waiting. The key holds the token's hash, not the device id
    the request claims, so nobody without the token can make a desk wait or read its progress."""

    def __init__(self) -> None:
        self._open: dict[tuple[str, str], list[Arrival]] = {}

    @contextlib.asynccontextmanager
    async def arriving(self, key: tuple[str, str]) -> AsyncIterator[Arrival]:
        arrival = Arrival()
        self._open.setdefault(key, []).append(arrival)
        try:
            yield arrival
        finally:
            arrival.done.set()
            open_ = self._open.get(key, [])
            if arrival in open_:
                open_.remove(arrival)
            if not open_:
                self._open.pop(key, None)

    async def settled(self, key: tuple[str, str], timeout: float) -> None:
        pending = list(self._open.get(key, []))
        if pending:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.gather(*(a.done.wait() for a in pending)), timeout)

    def reached(self, key: tuple[str, str]) -> int:
        """How far the requests still open for this body got (0 when none is open)."""
        return max((a.reached for a in self._open.get(key, [])), default=0)

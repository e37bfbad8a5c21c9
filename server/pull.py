"""Reading a desk's scope: pull after a cursor, per-bucket checksums, and targeted fetch for repair.

The cursor is the ``server_seq`` of the last item the desk stored, wrapped with the scope and protocol it was
made for. Because ``server_seq`` is stamped under a lock held until commit (see push.py), every change with a
smaller seq is already visible when a larger one is: paging by seq never skips a committed change.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

import orjson
from sqlalchemy import Connection, Engine, Text, cast, or_, select

from ppid_protocol.hashing import bucket_of, item_hash, xor_hex
from ppid_protocol.wire import PROTOCOL_VERSION, BucketEntry, BucketListResponse, BucketSum, ChecksumResponse
from server.context import DeviceCtx
from server.db import reader
from server.models import Counter, Event, Office, Record, ScopeLog


class CursorError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def encode_cursor(seq: int, scope_key: str) -> str:
    raw = json.dumps({"s": seq, "k": scope_key, "p": PROTOCOL_VERSION}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, scope_key: str) -> int:
    """The seq inside ``cursor``; a cursor of another scope or protocol means "re-pull this scope" (409)."""
    if not cursor:
        return 0
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        seq, key, proto = int(data["s"]), str(data["k"]), int(data["p"])
        if not 0 <= seq < 2**63:
            raise ValueError(seq)
    except (ValueError, KeyError, TypeError, OverflowError, RecursionError, binascii.Error) as exc:
        raise CursorError("bad_cursor", "Kursor sinkronisasi rusak.") from exc
    if key != scope_key or proto != PROTOCOL_VERSION:
        raise CursorError("resync_scope", "Cakupan data meja berubah; data perlu ditarik ulang.")
    return seq


class PulledPage(NamedTuple):
    body: bytes
    start_cursor: str
    """The cursor the page starts from, with the device's scope: a desk resumes a cut page from it."""


class PullService:
    def __init__(self, engine: Engine) -> None:
        self.engine = reader(engine)
        self.is_pg = engine.dialect.name == "postgresql"

    def _connect(self) -> Connection:
        conn = self.engine.connect()
        if self.is_pg:  # both queries of one page must see the same snapshot
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        return conn

    def _scoped(self, stmt: Any, device: DeviceCtx) -> Any:
        return stmt if device.is_city else stmt.where(Record.office_id == device.office_id)

    def pull(
        self,
        auth: Callable[[Connection], DeviceCtx],
        cursor: str,
        limit: int,
        max_bytes: int,
        skip_own: bool = False,
        after_seq: int | None = None,
    ) -> PulledPage:
        """The page as JSON bytes (``PullResponse`` with defaults left out), serialised once with orjson, and
        the cursor it starts from, bound to the device's scope (sent as the ``X-PPID-Page-Cursor`` header).

        This is the server's hottest read: each item is encoded exactly once, its size counted from those
        bytes, and the page assembled from them; no models are built for data read from our own database.

        ``skip_own``: records whose current version is the one this device pushed (``origin_device``) are left
        out: the desk holds them already (it recorded the versions from the push answers). A change another
        desk (or a merge, a hold, a route) made after it is a new version with another origin, so it comes.
        When the page is the last one, its cursor moves to the snapshot's high water: the records left out (and
        other offices' records) are never scanned again.

        ``after_seq`` (feature ``pull_resume``): a desk whose page was cut keeps the items it received whole
        and asks again after the last of them: the page starts above both the cursor and ``after_seq``. The
        cursor still carries the scope (the cut page's ``X-PPID-Page-Cursor``), so a scope that changed in
        between is refused (409) as for any cursor; a seq past what the desk saw only skips its own data."""
        with self._connect() as conn, conn.begin():
            device = auth(conn)  # the token is checked in the page's own transaction: one connection per pull
            after = decode_cursor(cursor, device.scope_key)
            if after_seq is not None:
                after = max(after, after_seq)
            start = encode_cursor(after, device.scope_key)
            high = conn.execute(select(Counter.value).where(Counter.name == "server_seq")).scalar_one()
            rows = conn.execute(
                self._scoped(
                    select(
                        Record.entity_id, Record.entity, Record.office_id, Record.version, Record.server_seq,
                        cast(Record.data, Text).label("data"), Record.needs_review,
                    ).where(Record.server_seq > after, *self._not_own(device, skip_own)),
                    device,
                )
                .order_by(Record.server_seq)
                .limit(limit + 1)
            ).all()  # fmt: skip
            removed: Sequence[Any] = []
            if not device.is_city:
                removed = conn.execute(  # with where the record is now, so the old desk can say so
                    select(ScopeLog.entity_id, ScopeLog.server_seq, Record.entity, Record.office_id)
                    .join(Record, Record.entity_id == ScopeLog.entity_id)
                    .where(ScopeLog.office_id == device.office_id, ScopeLog.present.is_(False))
                    .where(ScopeLog.server_seq > after)
                    .order_by(ScopeLog.server_seq)
                    .limit(limit + 1)
                ).all()
            merged = sorted([(r.server_seq, 0, r) for r in rows] + [(r.server_seq, 1, r) for r in removed],
                            key=lambda x: (x[0], x[1]))  # fmt: skip
            page = merged[:limit]
            office_rows = conn.execute(select(Office.id, Office.code, Office.name)).all()
            offices = {r.id: r.code for r in office_rows}
            names = {r.id: r.name for r in office_rows}
            events = self._events(conn, [r.entity_id for _s, kind, r in page if kind == 0])
        parts: list[bytes] = []
        used, last = 0, after
        for seq, kind, r in page:
            if kind == 1:
                code = offices.get(r.office_id, "")
                where = {"office_code": code, "office_name": names.get(r.office_id, "")}
                gone = {"seq": seq, "entity": r.entity, "entity_id": r.entity_id, "removed": True}
                item = orjson.dumps({**gone, "office_code": code, "record": where})
            else:
                item = _item(r, offices, events.get(r.entity_id, []))
            if parts and used + len(item) > max_bytes:
                break
            parts.append(item)
            used += len(item)
            last = seq
        more = len(parts) < len(merged)
        if not more:
            # every committed seq up to ``high`` is in this snapshot (the counter moves in the stamping
            # transaction, under the lock held to its commit), and nothing above ``last`` was left for this desk
            last = max(last, high)
        tail = orjson.dumps(
            {"next_cursor": encode_cursor(last, device.scope_key), "more": more, "high_water": high}
        )
        return PulledPage(b'{"items":[' + b",".join(parts) + b"]," + tail[1:], start)

    @staticmethod
    def _not_own(device: DeviceCtx, skip_own: bool) -> list[Any]:
        if not skip_own:
            return []
        return [or_(Record.origin_device.is_(None), Record.origin_device != device.id)]

    def _events(self, conn: Connection, ids: list[str]) -> dict[str, list[str]]:
        """Each record's timeline as the JSON text of its events (spliced into the page as it is stored)."""
        out: dict[str, list[str]] = {}
        if not ids:
            return out
        if self.is_pg:  # fixed text over an array: prepared once per connection
            rows: Any = conn.exec_driver_sql(
                "SELECT entity_id, data::text AS data FROM events WHERE entity_id = ANY(%(ids)s) "
                "ORDER BY server_seq, event_id",
                {"ids": ids},
            )
            for r in rows:
                out.setdefault(r.entity_id, []).append(r.data)
            return out
        for chunk in _chunks(ids, 500):
            for r in conn.execute(
                select(Event.entity_id, cast(Event.data, Text).label("data"))
                .where(Event.entity_id.in_(chunk))
                .order_by(Event.server_seq, Event.event_id)
            ):
                out.setdefault(r.entity_id, []).append(r.data)
        return out

    def _versions(self, device: DeviceCtx) -> list[tuple[str, int]]:
        with self._connect() as conn:
            return list(conn.execute(self._scoped(select(Record.entity_id, Record.version), device)).all())

    def checksum(self, device: DeviceCtx, buckets: int) -> ChecksumResponse:
        sums: dict[int, list[int]] = {}
        total = 0
        rows = self._versions(device)
        for entity_id, version in rows:
            h = item_hash(entity_id, version)
            total ^= h
            acc = sums.setdefault(bucket_of(entity_id, buckets), [0, 0])
            acc[0] ^= h
            acc[1] += 1
        return ChecksumResponse(
            buckets_total=buckets, count=len(rows), xor=xor_hex(total),
            buckets=[BucketSum(bucket=b, count=c, xor=xor_hex(x)) for b, (x, c) in sorted(sums.items())],
        )  # fmt: skip

    def bucket(self, device: DeviceCtx, bucket: int, buckets: int) -> BucketListResponse:
        entries = [
            BucketEntry(entity_id=i, version=v)
            for i, v in sorted(self._versions(device))
            if bucket_of(i, buckets) == bucket
        ]
        return BucketListResponse(bucket=bucket, entries=entries)

    def fetch(self, device: DeviceCtx, entity_ids: list[str]) -> bytes:
        """Current state of the named records that are in scope (others are silently left out), as the JSON of
        a ``FetchResponse`` (defaults left out)."""
        with self._connect() as conn, conn.begin():
            rows = conn.execute(
                self._scoped(
                    select(
                        Record.entity_id, Record.entity, Record.office_id, Record.version, Record.server_seq,
                        cast(Record.data, Text).label("data"), Record.needs_review,
                    ).where(Record.entity_id.in_(entity_ids)),
                    device,
                ).order_by(Record.server_seq)
            ).all()  # fmt: skip
            offices = dict(conn.execute(select(Office.id, Office.code)).all())
            events = self._events(conn, [r.entity_id for r in rows])
        return b'{"items":[' + b",".join(_item(r, offices, events.get(r.entity_id, [])) for r in rows) + b"]}"


def _item(r: Any, offices: dict[int, str], events: list[str]) -> bytes:
    """A ``PullItem``'s JSON, leaving out the fields that equal their defaults (as exclude_defaults does). The
    record and its events are spliced in as the JSON text the database returns: no parse and re-encode of the
    bulk of every page."""
    out = [
        b'{"seq":%d,"entity":' % r.server_seq,
        orjson.dumps(r.entity),
        b',"entity_id":',
        orjson.dumps(r.entity_id),
    ]
    if r.version:
        out.append(b',"version":%d' % r.version)
    office = offices.get(r.office_id, "")
    if office:
        out += (b',"office_code":', orjson.dumps(office))
    if r.needs_review:
        out.append(b',"needs_review":true')
    if r.data is not None:
        out += (b',"record":', r.data.encode())
    if events:
        out += (b',"events":[', ",".join(events).encode(), b"]")
    out.append(b"}")
    return b"".join(out)


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]

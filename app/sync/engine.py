"""The desk's sync engine: enroll once, then push the outbox, then pull the scope, then check integrity.

Everything is resumable by construction: acknowledgements are committed per pushed batch, the pull cursor per
page (in the same SQLite transaction as the page's rows), so an app restart, a power cut or a cut 2G link
simply continues where the last commit left off. ``sync()`` retries retryable failures with exponential
back-off and full jitter; ``SyncWorker`` runs it off the GUI thread with a progress watchdog.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import random
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app.sync import outbox, state
from app.sync.apply import apply_items
from app.sync.client import SyncClient, SyncError
from app.sync.protocol import Op, PullItem, bucket_of, item_hash, xor_hex
from app.sync.secrets import SecretStoreUnavailable, TokenStore
from db.engine import Database
from db.models import Office

log = logging.getLogger("ppid.sync")
CHECK_BUCKETS = 64


@dataclass(frozen=True)
class Enrollment:
    server_url: str
    device_id: str
    office_code: str
    office_name: str
    is_city: bool
    desk_letter: str
    ca_bundle: str | None = None


@dataclass
class SyncReport:
    ok: bool = False
    pushed: int = 0
    duplicates: int = 0
    merged: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    removed: int = 0
    repaired: int = 0
    pending: int = 0
    open_conflicts: int = 0
    attempts: int = 0
    error_code: str | None = None
    error: str | None = None
    clock_offset_seconds: float | None = None
    last_success: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


ClientFactory = Callable[[Enrollment, str | None], SyncClient]


def default_client(enr: Enrollment, token: str | None) -> SyncClient:
    return SyncClient(enr.server_url, token=token, device_id=enr.device_id, ca_bundle=enr.ca_bundle)


class SyncEngine:
    def __init__(self, db: Database, tokens: TokenStore | None = None, *, client_factory: ClientFactory = default_client,
                 batch_cap: int = 200, page_limit: int = 500, page_bytes: int = 512 * 1024,
                 clock: Callable[[], datetime] = datetime.now) -> None:  # fmt: skip
        self.db = db
        self.tokens = tokens or TokenStore()
        self.client_factory = client_factory
        self.batch_cap, self.batch = batch_cap, min(50, batch_cap)
        self.page_limit, self.page_bytes = page_limit, page_bytes
        self.push_window = 2
        self.clock = clock
        self.last_progress = time.monotonic()
        self._client: SyncClient | None = None
        state.ensure_tables(db.engine)

    # ------------------------------------------------------------------ enrollment
    def enrollment(self) -> Enrollment | None:
        with self.db.reader() as s:
            data = state.get(s, "enrollment")
        return Enrollment(**data) if data else None

    def enroll(
        self, server_url: str, code: str, *, ca_bundle: str | None = None, label: str = ""
    ) -> Enrollment:
        """Exchange a one-time code for this desk's identity; the token goes to the keyring before anything
        is recorded, so a desk never believes it is enrolled without a usable token."""
        self.tokens.backend()  # fail early and clearly when no keyring exists, before spending the code
        key = "enroll_attempt:" + hashlib.sha256(code.strip().upper().encode()).hexdigest()[:16]
        with self.db.transaction() as s:
            request_id = state.get(s, key) or str(uuid.uuid4())
            state.put(s, key, request_id)  # the same attempt id is re-used if the answer gets lost
            office = s.execute(select(Office)).scalars().first()
            local_code = office.code if office else None
        with SyncClient(server_url, ca_bundle=ca_bundle) as client:
            done = client.enroll(code, request_id=request_id, label=label)
        if local_code is not None and local_code != done.office_code:
            raise SyncError(
                "office_mismatch",
                f"Kode pendaftaran untuk kantor {done.office_code}, padahal meja ini kantor {local_code}. "
                "Minta kode untuk kantor yang benar.",
            )
        self.tokens.save(done.device_id, done.token)
        enr = Enrollment(server_url.rstrip("/"), done.device_id, done.office_code, done.office_name, done.is_city,
                         done.desk_letter, ca_bundle)  # fmt: skip
        with self.db.transaction() as s:
            state.put(s, "enrollment", asdict(enr))
            state.put(s, "cursor", "")
            if office is not None:
                s.execute(update(Office).values(desk_letter=done.desk_letter))
        return enr

    def status(self) -> dict[str, Any]:
        """What the UI and ``ppid-desk sync --status`` show, without touching the network."""
        from app.services.clock_check import clock_status

        with self.db.reader() as s:
            data = state.get_all(s)
            enr = data.get("enrollment") or {}
            clk = clock_status(s)
            return {
                "enrolled": bool(enr), "server_url": enr.get("server_url"), "office_code": enr.get("office_code"),
                "desk_letter": enr.get("desk_letter"), "is_city": enr.get("is_city"),
                "last_success": data.get("last_success"), "last_error": data.get("last_error"),
                "pending": outbox.pending_count(s), "open_conflicts": open_conflicts(s),
                "clock_skew_seconds": clk.skew_seconds if clk else None,
                "clock_suspicious": bool(clk and clk.suspicious),
            }  # fmt: skip

    # ------------------------------------------------------------------ one attempt
    def abort(self) -> None:
        """Called by the watchdog: closing the client makes a stuck request fail at once."""
        client = self._client
        if client is not None:
            client.close()

    def _progress(self) -> None:
        self.last_progress = time.monotonic()

    def run_once(self, report: SyncReport | None = None) -> SyncReport:
        report = report or SyncReport()
        enr = self.enrollment()
        if enr is None:
            raise SyncError("not_enrolled", "Meja ini belum didaftarkan ke server kota (ppid-desk enroll).")
        try:
            token = self.tokens.load(enr.device_id)
        except SecretStoreUnavailable as exc:
            raise SyncError("keyring_unavailable", str(exc)) from exc
        if not token:
            raise SyncError("auth_missing", "Token perangkat tidak ada di keyring; daftarkan ulang meja ini.")
        client = self._client = self.client_factory(enr, token)
        try:
            hello, clk = client.hello()
            self._progress()
            report.clock_offset_seconds = round(clk.offset_seconds, 1)
            self._record_clock(clk.offset_seconds)
            self._push(client, report)
            self._pull(client, enr, report)
            self._repair_stale(client, enr, report)
            self._verify(client, enr, report)
        finally:
            client.close()
            self._client = None
        report.ok, report.error, report.error_code = True, None, None
        with self.db.transaction() as s:
            report.last_success = state.now_iso(self.clock())
            state.put(s, "last_success", report.last_success)
            state.put(s, "last_error", None)
        return report

    def _record_clock(self, offset: float) -> None:
        from app.services.clock_check import record_server_time

        now = self.clock()
        with self.db.transaction() as s:
            record_server_time(s, now, now + timedelta(seconds=offset))

    def _push(self, client: SyncClient, report: SyncReport) -> None:
        """Batches in outbox order, with up to ``push_window`` in flight when they touch disjoint records: the
        link uploads the next batch while the server applies the previous one. Ops on one record are never
        in two in-flight batches, so their order on the server is the desk's order."""
        inflight: list[tuple[list[Op], Future[Any]]] = []
        after = 0
        with ThreadPoolExecutor(max_workers=self.push_window, thread_name_prefix="ppid-push") as pool:
            try:
                while True:
                    busy = {op.entity_id for ops, _f in inflight for op in ops}
                    ops: list[Op] = []
                    if len(inflight) < self.push_window:
                        with self.db.reader() as s:
                            ops = outbox.pending(s, self.batch, after_seq=after)
                    if ops and not busy.intersection(op.entity_id for op in ops):
                        inflight.append((ops, pool.submit(client.push, ops)))
                        after = ops[-1].seq
                        continue
                    if not inflight:
                        return
                    done_ops, fut = inflight.pop(0)
                    self._settle(done_ops, fut.result(), report)
            except SyncError as exc:
                for _ops, fut in inflight:  # let the others finish; their effects are recorded next time
                    with contextlib.suppress(Exception):
                        self._settle(_ops, fut.result(), report)
                self.batch = max(1, self.batch // 2)  # AIMD: a failed batch halves the next one
                if exc.code in {"batch_too_large", "body_too_large"} and self.batch > 1:
                    self._push(client, report)
                    return
                raise

    def _settle(self, ops: list[Op], resp: Any, report: SyncReport) -> None:
        with self.db.transaction() as s:
            counts = outbox.record_results(s, ops, resp.results, self.clock())
        self._progress()
        self.batch = min(self.batch_cap, self.batch * 2)
        report.pushed += len(ops)
        report.duplicates += counts["duplicate"]
        report.merged += counts["merged"]
        report.conflicts += counts["conflict"]
        report.rejected += counts["rejected"]

    def _pull(self, client: SyncClient, enr: Enrollment, report: SyncReport) -> None:
        """Pages in cursor order; the next page is fetched while the current one is written (the cursor is
        committed with each page's rows, in order)."""
        with self.db.reader() as s:
            cursor = state.get(s, "cursor", "")
        resynced = False
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ppid-pull") as pool:
            while True:
                try:
                    page = client.pull(cursor, limit=self.page_limit, max_bytes=self.page_bytes)
                    break
                except SyncError as exc:
                    if exc.code == "resync_scope" and not resynced:
                        cursor, resynced = "", True
                        continue
                    raise
            while True:
                nxt = (
                    pool.submit(
                        client.pull, page.next_cursor, limit=self.page_limit, max_bytes=self.page_bytes
                    )
                    if page.more
                    else None
                )
                with self.db.transaction() as s:
                    self._apply_page(s, page.items, enr, report)
                    state.put(s, "cursor", page.next_cursor)
                self._progress()
                if nxt is None:
                    return
                page = nxt.result()

    def _apply_page(self, s: Session, items: list[PullItem], enr: Enrollment, report: SyncReport) -> None:
        busy = outbox.pending_entities(s, [i.entity_id for i in items])
        rows: list[dict[str, Any]] = []
        fresh: list[PullItem] = []
        for item in items:
            row: dict[str, Any] = {"entity_id": item.entity_id, "entity": item.entity or "request",
                                   "server_seq": item.seq}  # fmt: skip
            if item.removed:
                report.removed += 1
                s.execute(update(state.sync_records).where(state.sync_records.c.entity_id == item.entity_id)
                          .values(in_scope=False, server_seq=item.seq))  # fmt: skip
                continue
            row.update(server_version=item.version, in_scope=True, needs_review=item.needs_review)
            # local unsent work wins for now: such a record is re-fetched once its ops are acknowledged
            row["stale"] = item.entity_id in busy
            if not row["stale"]:
                fresh.append(item)
            rows.append(row)
        # one page may carry a record twice (fetch after pull); keep its last state
        fresh = list({i.entity_id: i for i in fresh}.values())
        report.pulled += apply_items(s, fresh, office_code=enr.office_code, desk_letter=enr.desk_letter)
        if rows:
            stmt = insert(state.sync_records)
            cols = ("entity", "server_version", "server_seq", "in_scope", "needs_review", "stale")
            s.execute(stmt.on_conflict_do_update(index_elements=["entity_id"],
                                                 set_={c: stmt.excluded[c] for c in cols}),
                      list({r["entity_id"]: r for r in rows}.values()))  # fmt: skip

    def _repair_stale(
        self, client: SyncClient, enr: Enrollment, report: SyncReport, ids: list[str] | None = None
    ) -> None:
        with self.db.reader() as s:
            if ids is None:
                ids = list(
                    s.scalars(
                        select(state.sync_records.c.entity_id).where(state.sync_records.c.stale.is_(True))
                    )
                )
            ids = [i for i in ids if i not in outbox.pending_entities(s, ids)]
        for start in range(0, len(ids), 200):
            chunk = ids[start : start + 200]
            items = client.fetch(chunk).items
            with self.db.transaction() as s:
                self._apply_page(s, items, enr, report)
                present = {i.entity_id for i in items}
                gone = [i for i in chunk if i not in present]
                if gone:
                    s.execute(update(state.sync_records).where(state.sync_records.c.entity_id.in_(gone))
                              .values(in_scope=False, stale=False))  # fmt: skip
            report.repaired += len(chunk)
            self._progress()

    def local_checksums(self, s: Session, buckets: int = CHECK_BUCKETS) -> dict[int, tuple[str, int]]:
        sums: dict[int, list[int]] = {}
        rows = s.execute(select(state.sync_records.c.entity_id, state.sync_records.c.server_version)
                         .where(state.sync_records.c.in_scope.is_(True)))  # fmt: skip
        for eid, ver in rows:
            acc = sums.setdefault(bucket_of(eid, buckets), [0, 0])
            acc[0] ^= item_hash(eid, ver)
            acc[1] += 1
        return {b: (xor_hex(x), c) for b, (x, c) in sums.items()}

    def _verify(self, client: SyncClient, enr: Enrollment, report: SyncReport) -> None:
        """Compare per-bucket checksums with the server; re-fetch only the records of differing buckets."""
        server = client.checksum(CHECK_BUCKETS)
        with self.db.reader() as s:
            mine = self.local_checksums(s)
            pending = set(
                s.scalars(select(outbox.OutboxOp.entity_id).where(outbox.OutboxOp.acked_at.is_(None)))
            )
        theirs = {b.bucket: (b.xor, b.count) for b in server.buckets}
        differing = [b for b in set(mine) | set(theirs) if mine.get(b) != theirs.get(b)]
        wanted: list[str] = []
        for bucket in sorted(differing):
            listed = {e.entity_id: e.version for e in client.bucket(bucket, CHECK_BUCKETS).entries}
            with self.db.reader() as s:
                local = dict(s.execute(select(state.sync_records.c.entity_id, state.sync_records.c.server_version)
                                       .where(state.sync_records.c.in_scope.is_(True))).all())  # fmt: skip
            local = {k: v for k, v in local.items() if bucket_of(k, CHECK_BUCKETS) == bucket}
            wanted += [i for i, v in listed.items() if local.get(i) != v and i not in pending]
            wanted += [i for i in local if i not in listed and i not in pending]
        if wanted:
            log.warning("checksum mismatch: repairing", extra={"records": len(wanted)})
            self._repair_stale(client, enr, report, wanted)

    # ------------------------------------------------------------------ with retries
    def sync(self, *, max_attempts: int = 6, base_delay: float = 2.0, max_delay: float = 300.0,
             sleep: Callable[[float], None] = time.sleep, rng: random.Random | None = None) -> SyncReport:  # fmt: skip
        """``run_once`` until it succeeds, a non-retryable error occurs, or attempts run out. Back-off is
        exponential with full jitter (uniform in [0, min(max, base·2^n)])."""
        rng = rng or random.Random()
        report = SyncReport()
        for attempt in range(max_attempts):
            report.attempts = attempt + 1
            try:
                self.run_once(report)
                break
            except SyncError as exc:
                report.ok, report.error, report.error_code = False, str(exc), exc.code
                log.info("sync attempt failed", extra={"code": exc.code, "attempt": attempt + 1})
                if not exc.retryable or attempt == max_attempts - 1:
                    break
                sleep(rng.uniform(0, min(max_delay, base_delay * 2**attempt)))
        with self.db.transaction() as s:
            if not report.ok:
                state.put(s, "last_error", {"code": report.error_code, "message": report.error})
            report.pending = outbox.pending_count(s)
            report.open_conflicts = open_conflicts(s)
            report.last_success = state.get(s, "last_success")
        return report


def open_conflicts(s: Session) -> int:
    from sqlalchemy import func

    c = state.sync_conflicts.c
    return int(s.scalar(select(func.count()).where(c.resolved_at.is_(None))) or 0)


@dataclass
class SyncWorker:
    """Runs ``engine.sync()`` every ``interval`` seconds on its own thread; a watchdog aborts a sync that made
    no progress for ``stuck_after`` seconds (a wedged socket) so the next round starts afresh."""

    engine: SyncEngine
    interval: float = 60.0
    stuck_after: float = 600.0
    on_report: Callable[[SyncReport], None] | None = None
    _stop: threading.Event = field(default_factory=threading.Event)
    _wake: threading.Event = field(default_factory=threading.Event)
    _running: bool = False
    restarts: int = 0

    def start(self) -> None:
        threading.Thread(target=self._loop, daemon=True, name="ppid-sync").start()
        threading.Thread(target=self._watch, daemon=True, name="ppid-sync-watchdog").start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self.engine.abort()

    def sync_now(self) -> None:
        self._wake.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._running = True
            self.engine.last_progress = time.monotonic()
            try:
                report = self.engine.sync(sleep=self._nap)
            except Exception:  # noqa: BLE001 - the worker must survive anything and try again later
                log.exception("sync worker error")
                report = SyncReport(error_code="internal", error="Kesalahan internal sinkronisasi.")
            self._running = False
            if self.on_report is not None:
                self.on_report(report)
            self._wake.wait(self.interval)
            self._wake.clear()

    def _nap(self, seconds: float) -> None:
        self._stop.wait(seconds)

    def _watch(self) -> None:
        while not self._stop.wait(min(5.0, self.stuck_after / 4)):
            if self._running and time.monotonic() - self.engine.last_progress > self.stuck_after:
                log.warning("sync watchdog: no progress, restarting")
                self.restarts += 1
                self.engine.last_progress = time.monotonic()
                self.engine.abort()

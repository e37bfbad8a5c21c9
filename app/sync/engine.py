"""The desk's sync engine: enroll once, then push the outbox, then pull the scope, then check integrity.

Everything is resumable by construction: acknowledgements are committed per pushed batch, the pull cursor per
page (in the same SQLite transaction as the page's rows), so an app restart, a power cut or a cut 2G link
simply continues where the last commit left off. ``sync()`` retries retryable failures with exponential
back-off and full jitter; ``SyncWorker`` runs it off the GUI thread with a progress watchdog.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import logging
import random
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app.sync import anchor, outbox, quarantine, state
from app.sync.apply import apply_items
from app.sync.client import SyncClient, SyncError
from app.sync.clock import record_server_time
from app.sync.quiet import QuietUpload
from app.sync.secrets import SecretStoreUnavailable, TokenStore
from app.sync.status import open_conflicts, read_status
from db.engine import Database
from db.models import Office
from ppid_protocol.hashing import bucket_of, item_hash, xor_hex
from ppid_protocol.wire import Op, OpResult, PullItem

log = logging.getLogger("ppid.sync")
trace = logging.getLogger("ppid.sync.client.engine")  # the exchange timeline (bench/sync_link.py --trace)
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
    quarantined: int = 0
    """Pulled items this desk could not store, set aside (``app.sync.quarantine``): all of them so far."""
    quarantined_items: list[dict[str, Any]] = field(default_factory=list)
    busy: int = 0
    """Batches and pages the server refused as busy (``503 server_busy``) and this desk sent again after the
    server's ``Retry-After``."""
    attempts: int = 0
    error_code: str | None = None
    error: str | None = None
    clock_offset_seconds: float | None = None
    last_success: str | None = None
    anchored_seq: int | None = None
    """The audit chain's head the city server recorded in this round (``app.sync.anchor``)."""
    anchor_warning: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


ClientFactory = Callable[[Enrollment, str | None], SyncClient]

REQUEST_OVERHEAD = 600  # bytes of HTTP headers per exchange (request and answer)
LINK_CODES = frozenset(
    {"network", "timeout", "body_truncated", "checksum_mismatch", "bad_gzip", "upload_offset"}
)


def _transient(exc: SyncError) -> bool:
    """A failure of the link (cut, stall, damaged body) or a server hiccup: worth re-sending at once."""
    return exc.code in LINK_CODES or (exc.status is not None and exc.status >= 500)


@dataclass
class _Flight:
    """One push batch on its way: ``sent`` is set once its body is in the socket (at ``sent_at``); ``thread``
    is the pool thread carrying it (to fail it alone when its answer stalls)."""

    ops: list[Op]
    size: int = 0
    body: bytes = b""
    sent: threading.Event = field(default_factory=threading.Event)
    future: Future[Any] = field(default_factory=Future)
    sent_at: float = 0.0
    thread: int = 0
    cut: bool = False

    def open(self) -> bool:
        """Still waiting for its answer, and not failed on purpose."""
        return not self.future.done() and not self.cut


Position = tuple[str, "int | None"]
"""Where a pull goes on: a cursor and, after a cut page, the seq of the last item kept from it."""


def default_client(enr: Enrollment, token: str | None) -> SyncClient:
    return SyncClient(enr.server_url, token=token, device_id=enr.device_id, ca_bundle=enr.ca_bundle)


class SyncEngine:
    def __init__(self, db: Database, tokens: TokenStore | None = None, *, client_factory: ClientFactory = default_client,
                 batch_cap: int = 200, page_limit: int = 2000, page_bytes: int = 4 * 1024 * 1024,
                 clock: Callable[[], datetime] = datetime.now) -> None:  # fmt: skip
        self.db = db
        self.tokens = tokens or TokenStore()
        self.client_factory = client_factory
        self.batch_cap, self.batch = batch_cap, batch_cap  # the byte cap (_batch_ops) sizes the first batches
        self.page_limit, self.page_bytes = page_limit, page_bytes
        self.push_window = 6
        self.pace_lead = 1.5  # seconds of queued upload left when the next batch starts
        self.pace_gain = 1.2
        self.min_batch_bytes, self.min_page_wire = 8 * 1024, 16 * 1024
        self.max_seconds = 20.0  # no batch or page longer than this on the wire at the learnt rate
        self.fault_prior_seconds = 30.0  # before the link has failed: assume once per 30 s of link time
        self.max_link_failures = (
            4  # failed requests in a row (no success between) before giving up the attempt
        )
        self.max_busy_seconds = 120.0  # a server busy for this long without one answer: the attempt ends
        # a batch's answer is overdue this long (0: the read timeout) after a later batch's answer, plus the
        # time every open upload's bytes need at the measured rate (_cut_stalled)
        self.answer_lag = 0.0
        self._abort_wait = threading.Event()
        self.clock = clock
        self._op_bytes = 0.0
        self._push_rate = 0.0  # bytes/s of push bodies acknowledged while the pipeline kept the link busy
        self._push_warmup = self._page_warmup = 0.0  # gzip's extra bytes per batch / page (no history yet)
        self._moved, self._failures = 0, 0  # bytes carried and failed requests, for bytes between failures
        self._aborted = False
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
            try:
                done = client.enroll(code, request_id=request_id, label=label, office_code=local_code)
            except SyncError as exc:  # the server checked the office before spending the code: same refusal
                if exc.code == "enroll_office_mismatch":
                    raise SyncError("office_mismatch", str(exc), status=exc.status) from exc
                raise
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
            state.put(s, state.CURSOR_AFTER_KEY, None)
            s.execute(delete(state.sync_state).where(state.sync_state.c.key == key))  # the attempt is done
            if office is not None:
                s.execute(update(Office).values(desk_letter=done.desk_letter))
        return enr

    def status(self) -> dict[str, Any]:
        """What the UI and ``ppid-desk sync --status`` show, without touching the network."""
        return read_status(self.db)

    # ------------------------------------------------------------------ one attempt
    def abort(self) -> None:
        """Called by the watchdog: closing the client makes a stuck request fail at once."""
        self._aborted = True
        self._abort_wait.set()
        client = self._client
        if client is not None:
            client.abort()

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
        self._aborted = False
        self._abort_wait.clear()
        client = self._client = self.client_factory(enr, token)
        try:
            hello, clk = client.hello()
            self._progress()
            report.clock_offset_seconds = round(clk.offset_seconds, 1)
            self._record_clock(clk.offset_seconds)
            self._push(client, report)
            with self.db.transaction() as s:
                outbox.compact_acked(s)  # a register from before compaction shrinks a little per sync
            self._pull(client, enr, report)
            self._repair_stale(client, enr, report)
            self._verify(client, enr, report)
            report.anchored_seq, report.anchor_warning = anchor.send_head(
                self.db, client, hello, self.clock()
            )
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
        now = self.clock()
        with self.db.transaction() as s:
            record_server_time(s, now, now + timedelta(seconds=offset))

    def _refused_op(self, exc: SyncError, ops: list[Op], report: SyncReport) -> str | None:
        """An op whose content the server refuses (422 ``invalid_record`` naming it) would refuse every batch
        it is in, for ever: it is recorded as rejected (the supervisor sees it with the conflicts) and the
        batch goes again without it. Returns its op id, or None when ``exc`` is not such a refusal."""
        detail = exc.detail if isinstance(exc.detail, dict) else {}
        op_id = detail.get("op_id")
        if exc.code != "invalid_record" or op_id not in {op.op_id for op in ops}:
            return None
        result = OpResult(op_id=str(op_id), status="rejected", code="invalid_record", message=str(exc))
        with self.db.transaction() as s:
            outbox.record_results(s, [op for op in ops if op.op_id == op_id], [result], self.clock())
        report.rejected += 1
        log.warning(
            "op refused by the server for its content", extra={"op_id": op_id, "field": detail.get("field")}
        )
        return str(op_id)

    def _push(self, client: SyncClient, report: SyncReport) -> None:
        """Batches in outbox order, pipelined and paced: the next upload starts once the previous body is in the
        socket and the link is due to finish what is already queued within ``pace_lead`` seconds (a model of
        the link fed with the learnt rate), so uploads follow each other instead of sharing the link and
        finishing together, and the link keeps uploading while the server applies earlier batches and their
        answers come back (up to ``push_window`` requests open). Ops on one record are never in two open batches, so their
        order on the server is the desk's order. A batch lost to a cut or a stall is re-sent at once on a new
        connection while the others carry on (the server answers a re-sent op as a duplicate); only repeated
        failures without any progress end the attempt and leave it to ``sync()``'s back-off."""
        flights: list[_Flight] = []
        # batches to send again; with the body when the server keeps what arrived of it (``push_resume``)
        retry: deque[tuple[list[Op], bytes | None]] = deque()
        after, exhausted, failures = 0, False, 0
        resume_at, busy_since = 0.0, 0.0  # a busy server's Retry-After: nothing is sent before ``resume_at``
        acks: deque[tuple[float, int]] = deque(maxlen=8)  # (when, bytes) of the last acknowledged batches
        answered: deque[tuple[float, float]] = deque(maxlen=16)  # (body sent, answered) of the last batches
        wake = threading.Event()
        staged: list[Op] = []
        backlog: list[Op] = []  # read from the outbox, not yet in a batch (in outbox order)
        staged_body = b""
        link_free = time.monotonic()  # when the link should have sent everything started so far
        quiet = QuietUpload(client.arrived, wake.set, client.resumable_stall) if client.push_resume else None
        with ThreadPoolExecutor(max_workers=self.push_window, thread_name_prefix="ppid-push") as pool:

            def start(ops: list[Op], body: bytes | None = None, resume: bool = False) -> None:
                nonlocal link_free
                body = (
                    body
                    if body is not None
                    else client.encode_push(
                        client.device_id or "", ops, delta=client.delta_ops, compact=client.compact_wire
                    )
                )
                flight = _Flight(ops, len(body), body)
                self._op_bytes = len(body) / len(ops)
                if not self._push_warmup:  # once: what a batch pays before gzip has history to work with
                    cold = len(
                        client.encode_push(
                            client.device_id or "",
                            ops[:1],
                            delta=client.delta_ops,
                            compact=client.compact_wire,
                        )
                    )
                    self._push_warmup = max(0.0, cold - self._op_bytes)
                if len(acks) < 3:  # no measured rate yet: the pacing starts from now once there is one
                    link_free = time.monotonic()
                elif not resume:  # a continued body's rest was counted when the batch first started
                    link_free = (
                        max(link_free, time.monotonic()) + (len(body) + REQUEST_OVERHEAD) / self._pace_rate()
                    )

                def on_sent() -> None:
                    flight.sent_at = time.monotonic()
                    flight.sent.set()
                    wake.set()

                def carry() -> Any:
                    flight.thread = threading.get_ident()
                    return client.push_body(body, ops=len(ops), on_sent=on_sent, sent=ops, resume=resume)

                trace.debug(
                    "push start ops=%d bytes=%d at=%.3f open=%d",
                    len(ops),
                    len(body),
                    time.monotonic(),
                    len(flights),
                )
                flight.future = pool.submit(carry)
                flight.future.add_done_callback(lambda _f: wake.set())
                flights.append(flight)

            def stage() -> list[Op]:
                """The next batch: outbox ops in order, skipping every op of a record that has an op in an
                open batch or waiting to be re-sent (those follow once it is acknowledged), so batches open
                together stay disjoint. Without the skipping a lifecycle outbox (each record's steps spread
                over the whole outbox) waited for nearly every answer with the link idle."""
                nonlocal after, exhausted
                want = self._batch_ops()
                blocked = {op.entity_id for f in flights for op in f.ops}
                blocked.update(op.entity_id for ops, _body in retry for op in ops)
                while True:
                    taken: list[Op] = []
                    for op in backlog:
                        if op.entity_id in blocked:
                            blocked.add(op.entity_id)
                        elif len(taken) < want:
                            taken.append(op)
                    if len(taken) >= want or exhausted:
                        break
                    with self.db.reader() as s:
                        more = outbox.pending(s, 2 * want, after_seq=after)
                    exhausted = len(more) < 2 * want
                    after = more[-1].seq if more else after
                    backlog.extend(more)
                chosen = {op.op_id for op in taken}
                backlog[:] = [op for op in backlog if op.op_id not in chosen]
                return taken

            try:
                while True:
                    for flight in [f for f in flights if f.future.done()]:
                        flights.remove(flight)
                        try:
                            resp = flight.future.result()
                        except SyncError as exc:
                            if self._busy(exc, busy_since, report):  # not the link's fault: wait as asked
                                busy_since = busy_since or time.monotonic()
                                resume_at = max(resume_at, time.monotonic() + self._busy_wait(exc))
                                retry.append((flight.ops, None))
                                continue
                            failures += 1
                            self._failed(flight.size)
                            if not (client.push_resume and _transient(exc)):  # a resumed cut loses no bytes
                                self.batch = max(
                                    1, self.batch // 2
                                )  # AIMD: a failed batch halves the next ones
                            refused = self._refused_op(exc, flight.ops, report)
                            if (
                                refused is not None
                            ):  # one op the server will never take: set aside, send the rest
                                rest = [op for op in flight.ops if op.op_id != refused]
                                if rest:
                                    retry.appendleft((rest, None))
                                continue
                            if exc.code in {"batch_too_large", "body_too_large"} and len(flight.ops) > 1:
                                half = len(flight.ops) // 2
                                retry.extendleft([(flight.ops[half:], None), (flight.ops[:half], None)])
                                continue
                            if self._aborted or not _transient(exc) or failures > self.max_link_failures:
                                raise
                            log.info("push batch failed, re-sending", extra={"code": exc.code})
                            trace.debug(
                                "push failed %s ops=%d at=%.3f", exc.code, len(flight.ops), time.monotonic()
                            )
                            # the same bytes again: a server that kept what arrived takes only the rest
                            retry.append((flight.ops, flight.body if client.push_resume else None))
                            continue
                        failures, busy_since = 0, 0.0
                        answered.append((flight.sent_at, time.monotonic()))
                        self._settle(flight.ops, resp, report)
                        self._moved += flight.size
                        acks.append((time.monotonic(), flight.size))
                        if len(acks) >= 3 and acks[-1][0] - acks[0][0] > 0.5:  # the ack clock: recent goodput
                            self._push_rate = sum(n for _t, n in list(acks)[1:]) / (acks[-1][0] - acks[0][0])
                            client.link_rate = self._push_rate
                    self._cut_stalled(client, flights, answered)
                    if quiet is not None:  # push_resume: the server says whether a lone upload still moves
                        alone = quiet.check(flights, answered[-1][1] if answered else 0.0)
                        if isinstance(alone, _Flight):
                            alone.cut = True
                            trace.debug("push upload quiet ops=%d at=%.3f", len(alone.ops), time.monotonic())
                            client.abort_thread(alone.thread)
                    if not staged and (backlog or not exhausted):  # the next batch, while the link is busy
                        staged = stage()
                        staged_body = (
                            client.encode_push(
                                client.device_id or "",
                                staged,
                                delta=client.delta_ops,
                                compact=client.compact_wire,
                            )
                            if staged
                            else b""
                        )
                    uploading = any(not f.sent.is_set() for f in flights)
                    # until three batches are acknowledged the rate is a guess: two uploads at a time, unpaced
                    paced = len(acks) >= 3
                    due = link_free - self.pace_lead - time.monotonic() if paced else 0.0
                    due = max(due, resume_at - time.monotonic())
                    window = self.push_window if paced else min(2, self.push_window)
                    # a batch continued from what the server holds sends bytes the pacing already counted
                    # when it first started: it goes as soon as nothing uploads (a busy server still waits)
                    resumed = bool(retry) and retry[0][1] is not None and resume_at <= time.monotonic()
                    if not uploading and (due <= 0 or resumed) and len(flights) < window:
                        if retry:
                            ops, body = retry.popleft()
                            start(ops, body, resume=body is not None)
                            continue
                        busy = {op.entity_id for f in flights for op in f.ops}
                        if staged and not busy.intersection(op.entity_id for op in staged):
                            start(staged, staged_body)
                            staged = []
                            continue
                    if not flights and not retry and not staged and exhausted and not backlog:
                        return
                    wake.wait(min(1.0, max(0.02, due)))
                    wake.clear()
            except SyncError:
                for flight in flights:  # let the others finish; their effects are recorded now or next time
                    with contextlib.suppress(Exception):
                        self._settle(flight.ops, flight.future.result(), report)
                raise
            finally:
                if quiet is not None:
                    quiet.close()
                    trace.debug("push quiet probes=%d", quiet.probes)

    def _cut_stalled(
        self, client: SyncClient, flights: list[_Flight], answered: deque[tuple[float, float]]
    ) -> None:
        """Fail a batch whose answer stalled (a half-open link swallows it: no close, no error) once a batch
        whose body went into its socket later has been answered ``answer_lag`` seconds ago: the server got
        this body first, so its answer is overdue. Before, such a batch waited for its header timeout, which
        covers every open upload's buffered bytes at a low rate (80 s on the bench's 2G link, 22 s of it
        with nothing else to send). The batch is re-sent like any cut one; had the server applied it, its
        ops come back as duplicates.

        A later batch answered first is no proof on its own: uploads share the link, and a body that entered
        its socket first may still be crossing it behind the others (with 4–5 uploads open, by more than 8 s:
        false alarms re-sent whole batches, 648 B/request against 573). So the wait also gives every open
        upload's bytes time to cross at the measured rate (before one is measured, the client's estimate)."""
        rate = max(self._push_rate or client.link_rate or client.rate_estimate, 1.0)
        in_flight = sum(f.size for f in flights if not f.future.done())
        now = time.monotonic()
        lag = (self.answer_lag or client.base_read_timeout) + in_flight / rate
        for f in flights:
            if f.cut or not f.sent.is_set() or not f.thread or f.future.done():
                continue
            if any(sent > f.sent_at and now - at > lag for sent, at in answered):
                f.cut = True
                trace.debug("push answer overdue ops=%d at=%.3f", len(f.ops), now)
                client.abort_thread(f.thread)

    def _busy(self, exc: SyncError, since: float, report: SyncReport) -> bool:
        """True for a load-shedding refusal (``503 server_busy``: the server is well, its queue is full) that
        is sent again within the attempt after ``Retry-After``, as long as the server has not been busy for
        ``max_busy_seconds`` without answering anything. Any other refusal with ``Retry-After`` (the city's
        database down) ends the attempt as before, and ``sync()`` waits at least as long as asked."""
        if exc.code != "server_busy" or exc.retry_after is None or self._aborted:
            return False
        if since and time.monotonic() - since > self.max_busy_seconds:
            return False
        report.busy += 1
        log.info("server busy, sending again later", extra={"code": exc.code, "retry_after": exc.retry_after})
        return True

    @staticmethod
    def _busy_wait(exc: SyncError) -> float:
        """The server's ``Retry-After`` plus up to half of it again: desks refused together do not all come
        back in the same second."""
        return float(exc.retry_after or 0.0) * random.uniform(1.0, 1.5)

    def _pace_rate(self) -> float:
        """The link rate the pacing assumes: the rate at which the last batches were acknowledged (or the
        client's estimate, whichever is higher), a little optimistic. Paced below the link, acknowledgements
        come at the pace and the estimate climbs by ``pace_gain`` per round until the link is full; paced
        above, uploads only share the link for a while (``push_window`` bounds how many)."""
        client_rate = self._client.rate_estimate if self._client is not None else 2048.0
        return self.pace_gain * max(self._push_rate, client_rate)

    def _batch_ops(self) -> int:
        """Ops for the next batch: the AIMD size, capped in bytes (``_fault_cap``: a cut throws away the part of
        one batch already sent, each batch costs its headers; pipelining hides the round trips). A server that
        keeps what arrived of a cut body (``push_resume``) loses nothing to a cut but a round trip, so batches
        are only bounded by ``max_seconds`` on the wire, as pull pages are."""
        per_op = self._op_bytes or 150.0
        rate = max(self._push_rate, self._client.rate_estimate if self._client is not None else 2048.0)
        wanted = rate * self.max_seconds
        if self._client is None or not self._client.push_resume:
            wanted = min(wanted, self._fault_cap(REQUEST_OVERHEAD + self._push_warmup, rate))
        by_bytes = int(max(self.min_batch_bytes, wanted) / per_op)
        return max(1, min(self.batch, by_bytes, self.batch_cap))

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
        """Pages in cursor order, committed one by one with their cursor. The next page is asked for as soon as
        the current page's head (``next_cursor``, ``more``) has arrived, so the server builds it and the round
        trip passes while the current page is still on the wire (when the server writes the head first); pages
        are written while later ones travel. A page lost to a cut or a stall is asked for again at once: from
        after its last complete item when the server resumes pages (``pull_resume``: the items that arrived
        whole are stored with that position, ``app/sync/partial.py``), else from the last committed cursor. A
        position is a cursor and, after a cut page, the seq of the last item kept from it."""
        with self.db.reader() as s:
            pos: Position = (state.get(s, "cursor", ""), state.get(s, state.CURSOR_AFTER_KEY))
            # a register restored from a backup lacks what this desk pushed after it: pull its own records too,
            # until the pull has caught up (app.services.restore sets the flag)
            skip_own = not state.get(s, state.PULL_OWN_KEY, False)
        resynced, failures, seen = False, 0, client.bytes_received
        busy_since = 0.0
        asked: dict[Position, Future[Any]] = {}
        lock = threading.Lock()
        pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="ppid-pull")

        def ask(at: Position) -> Future[Any]:
            with lock:
                fut = asked.get(at)
                if fut is None:
                    fut = asked[at] = pool.submit(client.pull, at[0], limit=self.page_limit,
                                                  max_bytes=self._page_bytes(client), on_head=early,
                                                  skip_own=skip_own, after_seq=at[1])  # fmt: skip
                return fut

        def early(next_cursor: str, more: bool) -> None:
            if more and not self._aborted:
                ask((next_cursor, None))

        def store(items: list[PullItem], at: Position, last: bool) -> None:
            with self.db.transaction() as s:
                self._apply_page(s, items, enr, report)
                state.put(s, "cursor", at[0])
                state.put(s, state.CURSOR_AFTER_KEY, at[1])
                if last and not skip_own:  # caught up: from now on its own pushes are held
                    state.put(s, state.PULL_OWN_KEY, False)
            self._progress()

        try:
            fut = ask(pos)
            while True:
                try:
                    page = fut.result()
                except SyncError as exc:
                    with lock:
                        asked.pop(pos, None)
                    if exc.code == "resync_scope" and not resynced:
                        pos, resynced = ("", None), True
                        fut = ask(pos)
                        continue
                    if self._busy(exc, busy_since, report):
                        busy_since = busy_since or time.monotonic()
                        self._abort_wait.wait(self._busy_wait(exc))
                        fut = ask(pos)
                        continue
                    failures += 1
                    self._failed(0)
                    if exc.partial is not None:  # what arrived whole is kept; the rest is asked for after it
                        pos = (exc.partial.cursor, exc.partial.after_seq)
                        store(exc.partial.items, pos, last=False)
                        failures = 0
                    if self._aborted or not _transient(exc) or failures > self.max_link_failures:
                        raise
                    log.info("pull page failed, asking again", extra={"code": exc.code})
                    trace.debug("pull failed %s kept=%d at=%.3f", exc.code,
                                len(exc.partial.items) if exc.partial else 0, time.monotonic())  # fmt: skip
                    fut = ask(pos)
                    continue
                failures, busy_since = 0, 0.0
                self._moved += client.bytes_received - seen
                if page.items and not self._page_warmup:  # once: gzip's cost before it has history
                    item = page.items[0].model_dump_json(exclude_defaults=True).encode()
                    self._page_warmup = max(0.0, len(gzip.compress(item)) - client.pull_ratio * len(item))
                seen = client.bytes_received
                with lock:
                    asked.pop(pos, None)
                nxt = ask((page.next_cursor, None)) if page.more else None
                pos = (page.next_cursor, None)
                store(page.items, pos, last=not page.more)
                if nxt is None:
                    return
                fut = nxt
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _failed(self, size: int) -> None:
        """A batch or page was lost: one more failure for the link's bytes-between-failures estimate."""
        self._moved += size
        self._failures += 1

    def _fault_cap(self, overhead: float, rate: float) -> float:
        """Batch or page bytes that balance what a failure throws away (about one batch or page) against the
        fixed cost of each request (``overhead`` bytes, or their equivalent in idle link time): the classic
        √(2 · overhead · bytes between failures). The estimate of the latter starts from a prior of one failure
        per ``fault_prior_seconds`` of link time, counted as one observation, and learns from every byte
        carried and every failure since the engine started."""
        between = (rate * self.fault_prior_seconds + self._moved) / (1 + self._failures)
        return float((2 * overhead * between) ** 0.5)

    def _page_bytes(self, client: SyncClient) -> int:
        """``max_bytes`` (JSON before gzip) for the next page, from the wire size wanted and the learnt
        compression ratio, within ``page_bytes``. Each page costs its headers and, unless the server writes the
        page's head first (then the next page is asked for while this one arrives), the idle link time of one
        round trip plus the server's work. Against an older server a page is committed whole or not at all, so
        a cut throws away the part received and the wire size balances the two (``_fault_cap``); a server that
        resumes cut pages (``pull_resume``) loses only the item on the wire, so pages take ``max_seconds``."""
        rate = client.down_rate or client.rate_estimate
        idle = 0.0 if client.head_first else (client.pull_wait or 0.5) * rate
        overhead = REQUEST_OVERHEAD + self._page_warmup + idle
        cap = rate * self.max_seconds
        wire = max(
            self.min_page_wire, cap if client.pull_resume else min(cap, self._fault_cap(overhead, rate))
        )
        return int(min(self.page_bytes, max(16 * 1024, wire / max(client.pull_ratio, 0.01))))

    def _apply_page(self, s: Session, items: list[PullItem], enr: Enrollment, report: SyncReport) -> None:
        busy = outbox.pending_entities(s, [i.entity_id for i in items])
        rows: list[dict[str, Any]] = []
        fresh: list[PullItem] = []
        gone: list[PullItem] = []  # routed away: apply records where to ("Diteruskan ke …") on the kept row
        for item in items:
            row: dict[str, Any] = {"entity_id": item.entity_id, "entity": item.entity or "request",
                                   "server_seq": item.seq}  # fmt: skip
            if item.removed:
                report.removed += 1
                s.execute(update(state.sync_records).where(state.sync_records.c.entity_id == item.entity_id)
                          .values(in_scope=False, server_seq=item.seq))  # fmt: skip
                gone.append(item)
                continue
            row.update(server_version=item.version, in_scope=True, needs_review=item.needs_review)
            # local unsent work wins for now: such a record is re-fetched once its ops are acknowledged
            row["stale"] = item.entity_id in busy
            if not row["stale"]:
                fresh.append(item)
            rows.append(row)
        # one page may carry a record twice (fetch after pull); keep its last state
        fresh = list({i.entity_id: i for i in fresh}.values())
        report.pulled += apply_items(
            s, fresh + gone, office_code=enr.office_code, desk_letter=enr.desk_letter, now=self.clock()
        )
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
        """``run_once`` until it succeeds, a non-retryable error occurs, or ``max_attempts`` attempts in a row
        fail without progress. Back-off is exponential with full jitter (uniform in [0, min(max, base·2^n)],
        n = failures in a row without progress): an attempt that acknowledged ops or stored pages before a cut
        starts the count again, so a long 2G sync is not slowed down by the cuts it survived."""
        rng = rng or random.Random()
        report = SyncReport()
        streak = 0
        while report.attempts < 10 * max_attempts:
            report.attempts += 1
            before = _progress_of(report)
            try:
                self.run_once(report)
                break
            except SyncError as exc:
                report.ok, report.error, report.error_code = False, str(exc), exc.code
                log.info("sync attempt failed", extra={"code": exc.code, "attempt": report.attempts})
                streak = 0 if _progress_of(report) > before else streak + 1
                if not exc.retryable or streak >= max_attempts:
                    break
                jitter = rng.uniform(0, min(max_delay, base_delay * 2 ** max(0, streak - 1)))
                sleep(max(jitter, exc.retry_after or 0.0))  # never sooner than the server asked
        with self.db.transaction() as s:
            if not report.ok:
                state.put(s, "last_error", {"code": report.error_code, "message": report.error})
            report.pending = outbox.pending_count(s)
            report.open_conflicts = open_conflicts(s)
            report.quarantined = quarantine.count(s)
            report.quarantined_items = quarantine.as_json(quarantine.recent(s))
            report.last_success = state.get(s, "last_success")
        return report


def _progress_of(report: SyncReport) -> int:
    return report.pushed + report.pulled + report.removed + report.repaired


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

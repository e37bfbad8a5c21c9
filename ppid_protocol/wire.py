"""The wire format: version, paths, headers and the pydantic models of every request and answer.

The server validates what the desk sends with these models, and the desk parses the server's answers with
them, so a field renamed here is renamed on both sides at once. See docs/sync-protocol.md for the prose
contract and examples.
"""

from __future__ import annotations

import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from ppid_protocol.delta import expand_event, is_delta, op_created_at, restore_nulls
from ppid_protocol.hashing import canonical_json

PROTOCOL_VERSION = 1
"""Bumped only on an incompatible change of the wire format; the server lists what it still accepts."""

API_PREFIX = "/api/sync/v1"
FEATURE_AUDIT_ANCHOR = "audit_anchor"
FEATURE_PULL_RESUME = "pull_resume"
"""The server takes ``after_seq`` on ``/pull`` and names each page's starting cursor (``HEADER_PAGE_CURSOR``):
a desk keeps the complete items of a cut page and resumes after the last of them."""
FEATURE_PUSH_RESUME = "push_resume"
"""The server keeps what arrived of a cut push body (``HEADER_UPLOAD_LENGTH``), tells how much it holds
(``GET /push/upload/{sha256}``) and takes the rest from that offset (``HEADER_UPLOAD_OFFSET``); a body that
arrived whole is kept too, so a push whose answer was lost is answered again without sending it again."""

# Headers. ``X-PPID-Sync`` is set on every server answer so that a captive portal's "200 OK" page is never
# mistaken for a successful sync (the OpenRosa lesson).
HEADER_SIGNATURE = "X-PPID-Sync"
HEADER_PROTOCOL = "X-PPID-Protocol"
HEADER_APP_VERSION = "X-App-Version"
HEADER_DEVICE = "X-Device-Id"
HEADER_BODY_SHA256 = "X-Body-SHA256"
HEADER_PAGE_CURSOR = "X-PPID-Page-Cursor"
"""On a pull page: the cursor the page starts from, bound to the device's scope (feature ``pull_resume``)."""
HEADER_UPLOAD_LENGTH = "X-PPID-Upload-Length"
"""On a push (feature ``push_resume``): the length of the whole gzip body whose SHA-256 is ``X-Body-SHA256``;
its presence asks the server to keep what arrives of it."""
HEADER_UPLOAD_OFFSET = "X-PPID-Upload-Offset"
"""On a push (feature ``push_resume``): where this request's content starts in the whole body (0 when absent)."""
HEADER_COMPACT = "X-PPID-Compact"
"""``1`` on a push from a desk that reads positional answers (feature ``compact_wire``, ``ppid_protocol.delta``)."""

ENTITIES = ("request", "objection", "requester", "calendar", "letter", "dik", "dip")
Entity = Literal["request", "objection", "requester", "calendar", "letter", "dik", "dip"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


# ---------------------------------------------------------------- errors


class ErrorBody(_Model):
    code: str
    message: str
    detail: dict[str, Any] = Field(default_factory=dict)


class ErrorResponse(_Model):
    error: ErrorBody


# ---------------------------------------------------------------- hello / enroll


class HelloResponse(_Model):
    ok: bool = True
    protocol: int = PROTOCOL_VERSION
    protocols_supported: list[int]
    server_version: str
    min_app_version: str
    server_time: str  # aware ISO 8601, UTC
    device_id: str
    office_code: str
    office_name: str
    is_city: bool
    desk_letter: str
    max_batch_ops: int
    max_body_bytes: int
    features: list[str] = Field(default_factory=list)
    """Optional abilities beyond protocol 1, each listed by a server that has it: ``delta_ops`` (push payloads
    may carry field changes) and ``audit_anchor`` (``POST /anchor`` keeps the desk's audit-chain head). Absent
    from older servers: a desk only uses what is listed, so a newer desk and an older server (or the reverse)
    still sync."""


class EnrollRequest(_Model):
    code: str = Field(min_length=4, max_length=40)
    request_id: str = Field(min_length=8, max_length=64)
    """Made once by the desk per enrollment attempt: re-sending the same code with the same request_id after a
    lost answer mints a fresh token for the same device instead of failing with "code already used"."""
    label: str = Field(default="", max_length=100)
    app_version: str = Field(default="", max_length=30)
    office_code: str | None = Field(default=None, max_length=20)
    """The office the desk belongs to, when it has one: a code of another office is refused unspent (409)."""


class EnrollResponse(_Model):
    device_id: str
    office_code: str
    office_name: str
    is_city: bool
    desk_letter: str
    token: str
    server_time: str


# ---------------------------------------------------------------- push


class Op(_Model):
    """One service intent from the desk's outbox (table ``outbox_ops``)."""

    seq: int = Field(ge=0)
    op_id: str = Field(min_length=1, max_length=64)
    entity: Entity
    entity_id: str = Field(min_length=1, max_length=64)
    action: str = Field(min_length=1, max_length=40)
    payload: dict[str, Any]
    """``{"state": {...full state after the intent...}, "event": {...timeline event...} | null}`` (``record`` is
    accepted for ``state``), or, to a server listing ``delta_ops`` in its features, ``{"changes": {...only the
    fields the intent changed...}, "event": ...}`` on top of ``base_version`` (``ppid_protocol.delta``); a
    payload without any of these keys is taken as the record itself."""
    base_version: int = Field(ge=0)
    created_at: str = ""
    """The desk's wall time of the intent; left out on the wire when it is the timeline line's ``at``
    (``compact_op``) and put back here, so the server stores what the desk wrote."""
    _canonical: bytes | None = PrivateAttr(default=None)
    """``canonical_json`` of the fingerprinted fields when a faster encoder made the same bytes
    (``use_canonical``): the server's, for ops parsed from a body holding no float."""

    @model_validator(mode="after")
    def _restore_created_at(self) -> Op:
        if not self.created_at:
            self.created_at = op_created_at(self.created_at, self.payload)
        return self

    def record(self) -> dict[str, Any]:
        """The whole state sent, or for a delta op only its changed fields (``is_delta``)."""
        for key in ("record", "state", "changes"):
            rec = self.payload.get(key)
            if isinstance(rec, dict):
                return dict(rec)
        return {k: v for k, v in self.payload.items() if k not in ("event", "events", "resolves")}

    def is_delta(self) -> bool:
        """True when the op carries field changes on top of ``base_version`` instead of a whole state."""
        return is_delta(self.payload)

    def events(self) -> list[dict[str, Any]]:
        """The timeline lines the op carries, as the desk wrote them (``ppid_protocol.delta.expand_event``)."""
        ev = self.payload.get("event")
        evs = self.payload.get("events")
        out: list[dict[str, Any]] = [ev] if isinstance(ev, dict) else []
        if isinstance(evs, list):
            out.extend(e for e in evs if isinstance(e, dict))
        return [expand_event(e, self.action) for e in out]

    def fingerprinted(self) -> dict[str, Any]:
        """The fields the fingerprint covers."""
        return {
            "entity": self.entity,
            "entity_id": self.entity_id,
            "action": self.action,
            "payload": self.payload,
            "base_version": self.base_version,
        }

    def use_canonical(self, canonical: bytes) -> None:
        """Take ``canonical`` as ``canonical_json(self.fingerprinted())``; the caller vouches they are the same
        bytes (the server encodes with orjson where the two encoders agree: server/fingerprints.py). Set on an
        op that is not changed afterwards."""
        self._canonical = canonical

    def fingerprint(self) -> str:
        """Same op_id with a different fingerprint = a desk bug; with the same one = a harmless re-send."""
        canonical = self._canonical
        if canonical is None:
            canonical = canonical_json(self.fingerprinted())
        return hashlib.sha256(canonical).hexdigest()


class AnchorRequest(_Model):
    """The head of the desk's audit chain (``db/chain.py``), sent after every push so the city holds a copy: a
    register rewritten or cut behind the desk's back no longer reaches the head the city recorded."""

    device_id: str
    seq: int = Field(ge=0)
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    audit_id: int = Field(ge=0)


class AnchorResponse(_Model):
    accepted: bool
    """False when the desk's chain is shorter than, or differs at, the head recorded before (kept anyway, and
    logged: the city has both)."""
    seq: int
    hash: str
    previous_seq: int | None = None
    message: str = ""


class PushRequest(_Model):
    device_id: str
    batch_id: str = ""
    compact: bool = False
    """True from a desk using the ``compact_wire`` feature: the null fields of whole states were left out
    (``ppid_protocol.delta.strip_nulls``); the server puts them back (``restored_ops``) before anything else."""
    ops: list[Op] = Field(max_length=1000)

    def restored_ops(self) -> list[Op]:
        """The ops as the desk holds them: a compact push's whole states with their null fields again."""
        if not self.compact:
            return self.ops
        return [
            op.model_copy(update={"payload": restore_nulls(op.payload, op.entity, op.entity_id)})
            for op in self.ops
        ]


OpStatus = Literal["applied", "merged", "conflict", "rejected"]


class OpResult(_Model):
    op_id: str = ""
    """Empty in a positional answer (``X-PPID-Compact``): the result of the op sent at the same place."""
    status: OpStatus
    """applied: as sent; merged: applied together with disjoint server changes (the record in ``record``);
    conflict: held for a supervisor, nothing changed; rejected: refused for good (``code`` says why)."""
    duplicate: bool = False
    """True when this op was already applied earlier: the stored outcome is returned, nothing happened again."""
    version: int | None = None
    code: str | None = None
    message: str | None = None
    conflict_id: int | None = None
    fields: dict[str, dict[str, Any]] = Field(default_factory=dict)
    """For a conflict: field -> {"server": value, "desk": value}. For a merge: the server's fields kept."""
    record: dict[str, Any] | None = None


class PushResponse(_Model):
    results: list[OpResult]
    server_time: str


class UploadOffsetResponse(_Model):
    """``GET /push/upload/{sha256}`` (feature ``push_resume``): how much of that body this device's cut push
    left on the server. ``offset`` 0 and ``length`` 0: nothing kept (never sent, expired, or refused)."""

    offset: int = 0
    length: int = 0
    receiving: int = 0
    """With ``?live=true``: how far into the body the server's requests still receiving it got (0: none open)."""


def matched_results(results: list[OpResult], ops: list[Op]) -> list[OpResult]:
    """The results with their ``op_id``: a positional answer's results are those of ``ops``, in order."""
    if all(r.op_id for r in results):
        return results
    if len(results) != len(ops):
        raise ValueError(f"{len(results)} results for {len(ops)} ops")
    return [
        r if r.op_id else r.model_copy(update={"op_id": op.op_id}) for r, op in zip(results, ops, strict=True)
    ]


# ---------------------------------------------------------------- pull / checksum


class PullItem(_Model):
    seq: int
    entity: str
    entity_id: str
    removed: bool = False
    """True: the record left this desk's scope (routed to another office); the desk drops its copy."""
    version: int = 0
    office_code: str = ""
    needs_review: bool = False
    record: dict[str, Any] | None = None
    events: list[dict[str, Any]] = Field(default_factory=list)


class PullResponse(_Model):
    # The head fields come before ``items`` so that the serialised page starts with them: a desk reading the
    # page as it arrives can ask for the next page at once, while this one is still on the wire. JSON key order
    # is not part of the contract (any order parses); it only lets a streaming reader start early.
    next_cursor: str
    more: bool
    high_water: int
    items: list[PullItem]


class BucketSum(_Model):
    bucket: int
    count: int
    xor: str  # 16 hex digits


class ChecksumResponse(_Model):
    buckets_total: int
    count: int
    xor: str
    buckets: list[BucketSum]


class BucketEntry(_Model):
    entity_id: str
    version: int


class BucketListResponse(_Model):
    bucket: int
    entries: list[BucketEntry]


class FetchRequest(_Model):
    entity_ids: list[str] = Field(max_length=500)


class FetchResponse(_Model):
    items: list[PullItem]


# ---------------------------------------------------------------- offices (city desks only)

OFFICES_PATH = "/offices"
"""``GET {API_PREFIX}/offices``: the offices a city desk may route a request to (403 ``city_only`` otherwise)."""


class DeskEntry(BaseModel):
    """One active desk (device) of an office, as the city desk's report lists it: when it last reached the
    server (``last_seen``, ISO UTC, empty when never), so PPID Utama sees which desks have gone quiet."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    desk_letter: str
    label: str = ""
    last_seen: str = ""


class OfficeEntry(BaseModel):
    """One office known to the city server, with its active desks (older servers send none)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    code: str
    name: str
    is_city: bool = False
    desks: list[DeskEntry] = Field(default_factory=list)


class OfficesResponse(_Model):
    offices: list[OfficeEntry] = Field(default_factory=list)
    server_time: str = ""

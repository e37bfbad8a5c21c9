"""A push body: length and checksum first, then gunzip with a size cap, then parse — a damaged body has no
effect. Split in two so the endpoint can read the body while the device is checked on the push's own database
connection: ``receive`` (async, no database) keeps its refusal for later, ``parse`` raises it after the token
was checked, so the answers come in the same order as ever (401 before 411/413/400)."""

from __future__ import annotations

import gzip
import hashlib
import re
import zlib
from dataclasses import dataclass

from pydantic import ValidationError
from sqlalchemy import Engine
from starlette.requests import ClientDisconnect, Request

from ppid_protocol.content import (
    ContentError,
    check_event,
    check_record,
    control_character,
    json_may_hold_control,
)
from ppid_protocol.delta import PATCH
from ppid_protocol.wire import HEADER_BODY_SHA256, HEADER_UPLOAD_LENGTH, HEADER_UPLOAD_OFFSET, Op, PushRequest
from server import fingerprints, uploads
from server.auth import ApiError
from server.context import DeviceCtx

_TRUNCATED = "Kiriman terputus di tengah jalan; tidak ada yang diterapkan."


def _mismatch() -> ApiError:
    return ApiError(
        400, "checksum_mismatch", "Kiriman rusak di jalan (checksum tidak cocok); tidak ada yang diterapkan."
    )


_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass
class Received:
    body: bytes = b""
    sha256: str = ""
    gzipped: bool = False
    refusal: ApiError | None = None
    length: int | None = None
    """The whole body's length when the desk asked the server to keep what arrives (``push_resume``)."""
    offset: int = 0
    """Where ``body`` starts in the whole body (a continuation of a cut push)."""
    cut: bool = False
    """The desk went away before the body was complete: ``body`` is what arrived (kept when resumable)."""
    answered: list[str] | None = None
    """A continuation of a body already applied: the op ids it carried (its answer is given again)."""


def _header_int(request: Request, name: str) -> int | None:
    value = request.headers.get(name)
    return int(value) if value is not None and value.isdigit() and len(value) <= 12 else None


async def receive(request: Request, max_body_bytes: int, arrival: uploads.Arrival | None = None) -> Received:
    """The body as sent, its headers checked first; ``arrival`` follows how far a resumable body got."""
    declared = request.headers.get("content-length")
    if declared is None or not declared.isdigit():
        return Received(
            refusal=ApiError(411, "length_required", "Panjang isi permintaan (Content-Length) wajib.")
        )
    too_large = ApiError(413, "body_too_large", "Kiriman terlalu besar; kirim dalam kelompok lebih kecil.")
    if int(declared) > max_body_bytes:
        return Received(refusal=too_large)
    expected_sha = (request.headers.get(HEADER_BODY_SHA256) or "").lower()
    if not expected_sha:
        return Received(refusal=ApiError(400, "checksum_missing", f"Header {HEADER_BODY_SHA256} wajib."))
    length: int | None = None
    offset = 0
    if HEADER_UPLOAD_LENGTH in request.headers:  # push_resume: checked before a byte of the body is read
        length = _header_int(request, HEADER_UPLOAD_LENGTH)
        start = _header_int(request, HEADER_UPLOAD_OFFSET) if HEADER_UPLOAD_OFFSET in request.headers else 0
        if length is not None and length > max_body_bytes:
            return Received(refusal=too_large)
        offset = start or 0
        if (
            length is None
            or start is None
            or not _SHA256.fullmatch(expected_sha)
            or offset + int(declared) != length
        ):
            return Received(
                refusal=ApiError(
                    400, "bad_upload", f"{HEADER_UPLOAD_LENGTH}, {HEADER_UPLOAD_OFFSET}, Content-Length dan "
                    f"{HEADER_BODY_SHA256} tidak cocok satu sama lain; tidak ada yang diterapkan.",
                )
            )  # fmt: skip
    gzipped = "gzip" in (request.headers.get("content-encoding") or "").lower()
    if arrival is not None:
        arrival.reached = offset
    parts: list[bytes] = []
    try:
        async for chunk in request.stream():
            parts.append(chunk)
            if arrival is not None:
                arrival.reached += len(chunk)
    except ClientDisconnect:
        if arrival is not None:
            arrival.received()
        body = b"".join(parts)
        return Received(body=body, sha256=expected_sha, gzipped=gzipped, length=length, offset=offset, cut=True,
                        refusal=ApiError(400, "body_truncated", _TRUNCATED))  # fmt: skip
    if arrival is not None:
        arrival.received()
    body = b"".join(parts)
    if len(body) != int(declared):
        return Received(refusal=ApiError(400, "body_truncated", _TRUNCATED))
    return Received(body=body, sha256=expected_sha, gzipped=gzipped, length=length, offset=offset)


def completed(received: Received, dev: DeviceCtx, engine: Engine) -> Received:
    """A resumable push's whole body: the bytes this device's earlier requests left (``server/uploads.py``)
    up to ``offset``, then this request's. A continuation of a body already applied (its answer was lost)
    comes back with ``answered``, the op ids it carried. A continuation from an offset the server does not
    hold is refused with ``409 upload_offset`` naming what it holds; a body that fails its checksum is
    forgotten. A body sent whole is not looked up nor kept: no cost beyond a plain push."""
    if received.refusal is not None or received.length is None:
        return received
    body = received.body
    if received.offset:
        done = uploads.answered(engine, dev.id, received.sha256)
        if done is not None and done[0] == received.length:
            return Received(sha256=received.sha256, answered=done[1])
        held, length = uploads.held(engine, dev.id, received.sha256)
        if length != received.length or len(held) < received.offset:
            raise ApiError(
                409, "upload_offset", "Server tidak menyimpan bagian kiriman ini; kirim dari posisi yang disebut.",
                offset=len(held) if length == received.length else 0,
            )  # fmt: skip
        body = held[: received.offset] + body
    if hashlib.sha256(body).hexdigest() != received.sha256:
        uploads.forget(engine, dev.id, received.sha256)
        raise _mismatch()
    return Received(body=body, sha256=received.sha256, gzipped=received.gzipped)


def keep_cut(received: Received, dev: DeviceCtx, engine: Engine) -> None:
    """What arrived of a resumable push cut on the way, after the bytes this device's earlier requests left
    for the same body (``offset``): the desk's next request goes on from there."""
    if not received.cut or received.length is None or not received.body:
        return
    held, length = (
        uploads.held(engine, dev.id, received.sha256) if received.offset else (b"", received.length)
    )
    if length != received.length or len(held) < received.offset:
        return
    uploads.keep(engine, dev.id, received.sha256, received.length, held[: received.offset] + received.body)


def parse(received: Received, dev: DeviceCtx, max_inflated_bytes: int, max_batch_ops: int) -> list[Op]:
    if received.refusal is not None:
        raise received.refusal
    body = received.body
    if hashlib.sha256(body).hexdigest() != received.sha256:
        raise _mismatch()
    raw = body
    if received.gzipped:
        try:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            raw = inflater.decompress(body, max_inflated_bytes)
            if inflater.unconsumed_tail or not inflater.eof:
                raise ApiError(400, "bad_gzip", "Isi gzip tidak lengkap atau terlalu besar.")
        except (zlib.error, EOFError, gzip.BadGzipFile) as exc:
            raise ApiError(400, "bad_gzip", "Isi gzip rusak.") from exc
    try:
        req = PushRequest.model_validate_json(raw)
    except ValidationError as exc:
        raise ApiError(
            422, "invalid_body", "Isi kiriman tidak sesuai protokol.",
            errors=exc.errors(include_url=False, include_context=False, include_input=False)[:5],
        ) from exc  # fmt: skip
    if req.device_id != dev.id:
        raise ApiError(400, "device_mismatch", "ID perangkat dalam kiriman tidak cocok dengan token.")
    if len(req.ops) > max_batch_ops:
        raise ApiError(413, "batch_too_large", f"Maksimal {max_batch_ops} operasi per kiriman.")
    ops = req.restored_ops()
    fingerprints.prepare(ops)
    check_content(ops, text_checked=not json_may_hold_control(raw))
    return ops


def check_content(ops: list[Op], text_checked: bool = False) -> None:
    """Every record and timeline line meets the content rules the desks store by (``ppid_protocol.content``);
    otherwise 422 naming the op and the field, and nothing of the batch is applied: a value a desk cannot
    store never reaches another desk.

    ``text_checked``: the body the ops were parsed from holds no control character anywhere
    (``json_may_hold_control``, one pass over the bytes), so no op's text is scanned again; otherwise every op's
    own fields, record and lines are scanned, and the first breach is named."""
    seen: dict[str, Op] = {}
    for op in ops:
        # a fingerprint (a serialisation of the op) only for an op id sent twice
        first = seen.setdefault(op.op_id, op)
        if first is not op and first.fingerprint() != op.fingerprint():
            raise ApiError(
                422, "op_id_reused", "Dua operasi berbeda dengan ID operasi yang sama dalam satu kiriman.",
                op_id=op.op_id,
            )  # fmt: skip
        for name in () if text_checked else ("op_id", "entity_id", "action", "created_at"):
            pos = control_character(getattr(op, name))  # stored as text: PostgreSQL takes no NUL
            if pos is not None:
                raise ApiError(
                    422, "invalid_record", f"Isi operasi tidak sah ({name}: berisi karakter kendali); tidak ada yang "
                    "diterapkan.", op_id=op.op_id, entity_id=op.entity_id, field=name, reason="karakter kendali",
                )  # fmt: skip
        try:
            check_record(op.entity, op.record(), text_checked=text_checked)
            patch = op.payload.get(PATCH)
            if patch is not None:  # nested changes (compact wire): judged like the fields they change
                if not isinstance(patch, dict) or not all(isinstance(v, dict) for v in patch.values()):
                    raise ContentError("patch", "bukan objek")
                check_record(op.entity, patch, text_checked=text_checked)
            for index, event in enumerate(op.events()):
                check_event(event, index, text_checked=text_checked)
        except ContentError as exc:
            raise ApiError(
                422, "invalid_record", f"Isi data tidak sah ({exc.field}: {exc.reason}); tidak ada yang diterapkan.",
                op_id=op.op_id, entity_id=op.entity_id, field=exc.field, reason=exc.reason,
            ) from None  # fmt: skip

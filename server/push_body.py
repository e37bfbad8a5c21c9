"""A push body: length and checksum first, then gunzip with a size cap, then parse — a damaged body has no
effect. Split in two so the endpoint can read the body while the device is checked on the push's own database
connection: ``receive`` (async, no database) keeps its refusal for later, ``parse`` raises it after the token
was checked, so the answers come in the same order as ever (401 before 411/413/400)."""

from __future__ import annotations

import gzip
import hashlib
import zlib
from dataclasses import dataclass

from pydantic import ValidationError
from starlette.requests import ClientDisconnect, Request

from ppid_protocol.content import (
    ContentError,
    check_event,
    check_record,
    control_character,
    json_may_hold_control,
)
from ppid_protocol.delta import PATCH
from ppid_protocol.wire import HEADER_BODY_SHA256, Op, PushRequest
from server.auth import ApiError
from server.context import DeviceCtx

_TRUNCATED = "Kiriman terputus di tengah jalan; tidak ada yang diterapkan."


@dataclass
class Received:
    body: bytes = b""
    sha256: str = ""
    gzipped: bool = False
    refusal: ApiError | None = None


async def receive(request: Request, max_body_bytes: int) -> Received:
    declared = request.headers.get("content-length")
    if declared is None or not declared.isdigit():
        return Received(
            refusal=ApiError(411, "length_required", "Panjang isi permintaan (Content-Length) wajib.")
        )
    if int(declared) > max_body_bytes:
        return Received(
            refusal=ApiError(
                413, "body_too_large", "Kiriman terlalu besar; kirim dalam kelompok lebih kecil."
            )
        )
    expected_sha = (request.headers.get(HEADER_BODY_SHA256) or "").lower()
    if not expected_sha:
        return Received(refusal=ApiError(400, "checksum_missing", f"Header {HEADER_BODY_SHA256} wajib."))
    try:
        body = await request.body()
    except ClientDisconnect:
        return Received(refusal=ApiError(400, "body_truncated", _TRUNCATED))
    if len(body) != int(declared):
        return Received(refusal=ApiError(400, "body_truncated", _TRUNCATED))
    gzipped = "gzip" in (request.headers.get("content-encoding") or "").lower()
    return Received(body=body, sha256=expected_sha, gzipped=gzipped)


def parse(received: Received, dev: DeviceCtx, max_inflated_bytes: int, max_batch_ops: int) -> list[Op]:
    if received.refusal is not None:
        raise received.refusal
    body = received.body
    if hashlib.sha256(body).hexdigest() != received.sha256:
        raise ApiError(
            400,
            "checksum_mismatch",
            "Kiriman rusak di jalan (checksum tidak cocok); tidak ada yang diterapkan.",
        )
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

"""What the OpenAPI schema says beyond the route signatures: the push body (read raw by the endpoint, so FastAPI
cannot see it) with its checksum header, and every error status with the one error body the server answers.

With these, a schema-driven fuzzer (schemathesis, ``tests/server/test_openapi_fuzz.py``) reaches the push path
and can tell a documented refusal from an undocumented one; before, the push operation had no body at all and
every refusal was missing from the schema.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ppid_protocol.wire import HEADER_BODY_SHA256, PushRequest


class ErrorDetail(BaseModel):
    code: str
    """Stable, for logic and logs (docs/sync-protocol.md, *Error codes*)."""
    message: str
    """Indonesian, for the officer."""
    detail: dict[str, Any] = {}


class ErrorBody(BaseModel):
    """Every refusal: signed (``X-PPID-Sync``), with a specific code."""

    error: ErrorDetail


def _error(description: str, **extra: Any) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description, **extra}


RETRY_AFTER = {
    "Retry-After": {"description": "seconds to wait before sending again", "schema": {"type": "integer"}}
}

ERRORS: dict[int | str, dict[str, Any]] = {
    400: _error("damaged or malformed request (body, cursor, bucket, header); nothing applied"),
    401: _error("token missing, unknown or revoked"),
    403: _error("another office's data (forbidden_scope) or a city-only call"),
    405: _error("method not allowed"),
    409: _error("cursor of another scope (resync_scope)"),
    411: _error("Content-Length required"),
    413: _error("body or batch over its cap, refused before it is read"),
    422: _error(
        "body does not match the protocol (invalid_body) or breaks the content rules (invalid_record)"
    ),
    426: _error("app or protocol too old (client_too_old)"),
    500: _error("unexpected server fault; still signed, retry later"),
    503: _error("database unavailable (server_unavailable) or load shed (server_busy)", headers=RETRY_AFTER),
}
"""The refusals every call of the sync API may answer."""

ENROLL_ERRORS: dict[int | str, dict[str, Any]] = {
    404: _error("enrollment code unknown"),
    409: _error("enrollment code used, or of another office"),
    410: _error("enrollment code expired"),
}


def push_body() -> dict[str, Any]:
    """``openapi_extra`` of the push operation: its JSON body (gzip when ``Content-Encoding: gzip``) and the
    SHA-256 header of the bytes as sent."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}},
        },
        "parameters": [
            {
                "name": HEADER_BODY_SHA256, "in": "header", "required": True,
                "description": "hex SHA-256 of the body bytes as sent (after gzip)",
                "schema": {"type": "string", "pattern": "^[0-9a-fA-F]{64}$"},
            },
            {
                "name": "Content-Encoding", "in": "header", "required": False,
                "description": "gzip: the body is gzip (what desks send); anything else: plain JSON",
                "schema": {"type": "string"},
            },
        ],
    }  # fmt: skip


def add_push_schemas(openapi: dict[str, Any]) -> dict[str, Any]:
    """Put ``PushRequest`` and the models it uses into the components the push body refers to."""
    schema = PushRequest.model_json_schema(ref_template="#/components/schemas/{model}")
    components = openapi.setdefault("components", {}).setdefault("schemas", {})
    for name, sub in schema.pop("$defs", {}).items():
        components.setdefault(name, sub)
    components["PushRequest"] = schema
    return openapi

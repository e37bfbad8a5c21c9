"""Request authentication: app/protocol version gate first (426), then the device token (401)."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import Connection, Engine, bindparam, select, update

from ppid_protocol.wire import PROTOCOL_VERSION
from server.admin import as_aware, sha256_hex, utcnow
from server.context import DeviceCtx
from server.db import reader
from server.models import Device, Office

SUPPORTED_PROTOCOLS = (PROTOCOL_VERSION,)


class ApiError(Exception):
    """Turned into ``{"error": {"code", "message", "detail"}}`` with the given HTTP status."""

    def __init__(self, status: int, code: str, message: str, **detail: object) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.detail = status, code, message, detail


MAX_APP_VERSION = 30
"""Longest ``X-App-Version`` (the ``devices.app_version`` column): a longer one is refused before any work."""
_APP_VERSION = re.compile(r"[0-9A-Za-z.+\-]{1,30}")
_PROTOCOL = re.compile(r"[0-9]{1,4}")


def parse_version(text: str) -> tuple[int, ...]:
    """Numeric parts of a version ("0.1.0rc2" -> (0, 1, 2)); ASCII digits only, at most 9 per part."""
    parts = []
    for piece in text.strip().split("."):
        digits = "".join(ch for ch in piece if "0" <= ch <= "9")[:9]
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def check_versions(app_version: str | None, protocol: str | None, min_app_version: str) -> None:
    """A too-old desk gets 426 with a plain message; it must keep its outbox and sync after updating.
    A malformed version header (too long, not a version) is a 400 naming the header."""
    if app_version and not _APP_VERSION.fullmatch(app_version):
        raise ApiError(400, "bad_app_version", f"Header X-App-Version tidak sah (maksimal {MAX_APP_VERSION} "
                       "karakter: angka, huruf, titik).")  # fmt: skip
    proto = int(protocol) if protocol and _PROTOCOL.fullmatch(protocol) else None
    if proto is None or proto not in SUPPORTED_PROTOCOLS or not app_version:
        raise ApiError(
            426, "client_too_old",
            "Versi aplikasi PPID Desk ini terlalu lama untuk server kota. Perbarui aplikasi; data yang belum "
            "terkirim tetap tersimpan dan akan dikirim setelah pembaruan.",
            min_app_version=min_app_version, protocols_supported=list(SUPPORTED_PROTOCOLS),
        )  # fmt: skip
    if parse_version(app_version) < parse_version(min_app_version):
        raise ApiError(
            426, "client_too_old",
            f"Versi aplikasi {app_version} terlalu lama; minimal {min_app_version}. Perbarui aplikasi; data yang "
            "belum terkirim tetap tersimpan dan akan dikirim setelah pembaruan.",
            min_app_version=min_app_version, protocols_supported=list(SUPPORTED_PROTOCOLS),
        )  # fmt: skip


def bearer_hash(authorization: str | None) -> str:
    """The stored form (SHA-256) of the request's bearer token; 401 ``auth_missing`` without one."""
    if not authorization or not authorization.startswith("Bearer "):
        raise ApiError(401, "auth_missing", "Perangkat belum terdaftar atau token tidak dikirim.")
    return sha256_hex(authorization[7:].strip())


def authenticate(
    engine: Engine, authorization: str | None, device_header: str | None, app_version: str
) -> DeviceCtx:
    token_hash = bearer_hash(authorization)
    with reader(engine).connect() as conn:
        return authenticate_on(conn, engine, token_hash, device_header, app_version)


_DEVICE_BY_TOKEN = (
    select(
        Device.id, Device.office_id, Device.desk_letter, Device.revoked_at, Device.last_seen,
        Device.app_version, Office.code, Office.name, Office.is_city,
    )
    .join(Office, Office.id == Device.office_id)
    .where(Device.token_hash == bindparam("token_hash"))
)  # fmt: skip
"""Built once: every push and pull reads its device with it (building the statement cost more CPU than
running it)."""


def authenticate_on(
    conn: Connection, engine: Engine, token_hash: str, device_header: str | None, app_version: str
) -> DeviceCtx:
    """The device of ``token_hash``, read on ``conn`` (a push or pull checks its token inside its own
    transaction: one connection and round trip fewer per request, and still a fresh read, so a revoked device
    is refused at once)."""
    row = conn.execute(_DEVICE_BY_TOKEN, {"token_hash": token_hash}).first()
    if row is None:
        raise ApiError(
            401, "auth_invalid", "Token perangkat tidak dikenal server; daftarkan ulang perangkat ini."
        )
    if device_header and device_header != row.id:
        raise ApiError(401, "auth_invalid", "Token tidak cocok dengan ID perangkat.")
    if row.revoked_at is not None:
        raise ApiError(
            401, "device_revoked", "Perangkat ini sudah dicabut oleh admin kota; hubungi PPID Utama."
        )
    now = utcnow()
    if (
        row.last_seen is None
        or as_aware(row.last_seen) < now - timedelta(seconds=60)
        or row.app_version != app_version
    ):  # its own short transaction (at most once a minute per device), never the caller's
        values: dict[str, object] = {"last_seen": now, "app_version": app_version}
        if row.last_seen is None:
            values["enroll_request_id"] = (
                ""  # the desk has its token: its enrollment can no longer be replayed
            )
        with engine.begin() as upd:
            upd.execute(update(Device).where(Device.id == row.id).values(values))
    return DeviceCtx(row.id, row.office_id, row.code, row.name, row.is_city, row.desk_letter)

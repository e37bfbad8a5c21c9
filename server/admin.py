"""Administration of offices, enrollment codes and devices: used by the ``ppid-server`` CLI and the API.

Secrets (enrollment codes, device tokens) are stored only as SHA-256 hashes: they carry enough entropy
(≥ 50 bits for a short-lived single-use code, 256 bits for a token) that a slow hash adds nothing.
"""

from __future__ import annotations

import hashlib
import secrets
import string
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, and_, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from server.models import Device, EnrollCode, Office

CODE_ALPHABET = "".join(c for c in string.ascii_uppercase + string.digits if c not in "O0I1L")
LETTERS = string.ascii_uppercase


class AdminError(Exception):
    """A refused administrative action; ``code`` is machine-readable, the message is for the admin."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_aware(value: datetime) -> datetime:
    """SQLite gives naive datetimes back; everything the server writes is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


@dataclass(frozen=True)
class OfficeInfo:
    id: int
    code: str
    name: str
    is_city: bool


@dataclass(frozen=True)
class DeviceInfo:
    id: str
    office_code: str
    desk_letter: str
    label: str
    enrolled_at: datetime
    revoked_at: datetime | None
    last_seen: datetime | None
    app_version: str


def add_office(engine: Engine, code: str, name: str, is_city: bool = False) -> OfficeInfo:
    code = code.strip()
    if not code or not name.strip():
        raise AdminError("invalid", "Kode dan nama kantor wajib diisi.")
    try:
        with engine.begin() as conn:
            new_id = conn.execute(
                insert(Office)
                .values(code=code, name=name.strip(), is_city=is_city, created_at=utcnow())
                .returning(Office.id)
            ).scalar_one()
    except IntegrityError as exc:
        raise AdminError("office_exists", f"Kantor dengan kode {code} sudah ada.") from exc
    return OfficeInfo(new_id, code, name.strip(), is_city)


def list_offices(engine: Engine) -> list[OfficeInfo]:
    with engine.connect() as conn:
        rows = conn.execute(select(Office.id, Office.code, Office.name, Office.is_city).order_by(Office.code))
        return [OfficeInfo(r.id, r.code, r.name, r.is_city) for r in rows]


def office_by_code(engine: Engine, code: str) -> OfficeInfo:
    with engine.connect() as conn:
        r = conn.execute(
            select(Office.id, Office.code, Office.name, Office.is_city).where(Office.code == code)
        ).first()
    if r is None:
        raise AdminError("office_unknown", f"Kantor dengan kode {code} tidak ada.")
    return OfficeInfo(r.id, r.code, r.name, r.is_city)


def new_enroll_code(
    engine: Engine, office_code: str, ttl: timedelta = timedelta(hours=24)
) -> tuple[str, datetime]:
    """A one-time code (shown once, stored hashed) that binds a new desk to ``office_code``."""
    office = office_by_code(engine, office_code)
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    now = utcnow()
    expires = now + ttl
    with engine.begin() as conn:
        conn.execute(
            insert(EnrollCode).values(
                office_id=office.id, code_hash=sha256_hex(raw), created_at=now, expires_at=expires
            )
        )
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4)), expires


def _next_letter(used: set[str]) -> str:
    """Letters are never recycled within an office (a replaced desk gets a new one): A..Z, then AA..ZZ."""
    for letter in LETTERS:
        if letter not in used:
            return letter
    for a in LETTERS:
        for b in LETTERS:
            if a + b not in used:
                return a + b
    raise AdminError("letters_exhausted", "Huruf meja untuk kantor ini sudah habis.")


@dataclass(frozen=True)
class Enrolled:
    device_id: str
    office: OfficeInfo
    desk_letter: str
    token: str


REPLAY_WINDOW = timedelta(minutes=10)
"""How long after a code's first use the same enrollment attempt may be re-sent (its answer was lost)."""


def enroll(
    engine: Engine, code: str, request_id: str, label: str = "", app_version: str = "",
    office_code: str | None = None,
) -> Enrolled:  # fmt: skip
    """Exchange a one-time code for a device identity and token; single use, except that the *same* enrollment
    attempt (same ``request_id``) may be re-sent after a lost answer and then gets a fresh token: only within
    ``REPLAY_WINDOW`` of the first use and while that device has never authenticated (its first authenticated
    call forgets the attempt, see ``server.auth``), so a replay can never take over a working desk.

    ``office_code``, when the desk sends it, is the office it belongs to: a code of another office is refused
    before it is spent, so no orphan device is left behind."""
    code_hash = sha256_hex(normalise_code(code))
    token = "ppid_" + secrets.token_urlsafe(32)
    now = utcnow()
    for _attempt in range(5):
        try:
            with engine.begin() as conn:
                row = conn.execute(
                    select(
                        EnrollCode.id,
                        EnrollCode.office_id,
                        EnrollCode.used_at,
                        EnrollCode.device_id,
                        EnrollCode.expires_at,
                        Office.code,
                        Office.name,
                        Office.is_city,
                    )
                    .join(Office, Office.id == EnrollCode.office_id)
                    .where(EnrollCode.code_hash == code_hash)
                    .with_for_update(of=EnrollCode)
                ).first()
                if row is None:
                    raise AdminError("enroll_code_invalid", "Kode pendaftaran tidak dikenal.")
                ec = row
                office = OfficeInfo(ec.office_id, row.code, row.name, row.is_city)
                if office_code is not None and office_code != row.code:
                    raise AdminError(
                        "enroll_office_mismatch",
                        f"Kode pendaftaran ini untuk kantor {row.code}, bukan {office_code}; kode tidak dipakai. "
                        "Minta kode untuk kantor yang benar.",
                    )
                if ec.used_at is not None:
                    dev = conn.execute(
                        select(
                            Device.id,
                            Device.enroll_request_id,
                            Device.revoked_at,
                            Device.desk_letter,
                            Device.last_seen,
                        ).where(Device.id == ec.device_id)
                    ).first()
                    if (
                        dev is not None
                        and dev.enroll_request_id == request_id
                        and dev.revoked_at is None
                        and dev.last_seen is None
                        and as_aware(ec.used_at) > now - REPLAY_WINDOW
                    ):
                        conn.execute(
                            update(Device).where(Device.id == dev.id).values(token_hash=sha256_hex(token))
                        )
                        return Enrolled(dev.id, office, dev.desk_letter, token)
                    raise AdminError("enroll_code_used", "Kode pendaftaran sudah dipakai.")
                if as_aware(ec.expires_at) <= now:
                    raise AdminError(
                        "enroll_code_expired", "Kode pendaftaran sudah kedaluwarsa; minta kode baru."
                    )
                used = set(
                    conn.execute(select(Device.desk_letter).where(Device.office_id == ec.office_id)).scalars()
                )
                letter = _next_letter(used)
                device_id = str(uuid.uuid4())
                conn.execute(
                    insert(Device).values(
                        id=device_id,
                        office_id=ec.office_id,
                        desk_letter=letter,
                        label=label,
                        token_hash=sha256_hex(token),
                        enroll_request_id=request_id,
                        enrolled_at=now,
                        app_version=app_version,
                    )
                )
                done = conn.execute(
                    update(EnrollCode)
                    .where(EnrollCode.id == ec.id, EnrollCode.used_at.is_(None))
                    .values(used_at=now, device_id=device_id)
                )
                if done.rowcount != 1:
                    raise AdminError("enroll_code_used", "Kode pendaftaran sudah dipakai.")
                return Enrolled(device_id, office, letter, token)
        except IntegrityError:
            continue  # two desks took the same letter at once: try again with the next one
    raise AdminError("enroll_busy", "Pendaftaran bentrok; coba lagi.")


def list_devices(
    engine: Engine, office_code: str | None = None, *, silent_since: datetime | None = None
) -> list[DeviceInfo]:
    """Every device (of ``office_code``). With ``silent_since``: only the active desks that have not reached
    the server since then (``last_seen`` is the last authenticated request, kept to the minute), including
    desks enrolled before then that never synced at all: the desks an administrator should telephone."""
    stmt = (
        select(Device.__table__, Office.code.label("office_code"))
        .join(Office, Office.id == Device.office_id)
        .order_by(Office.code, Device.desk_letter)
    )
    if office_code:
        stmt = stmt.where(Office.code == office_code)
    if silent_since is not None:
        stmt = stmt.where(
            Device.revoked_at.is_(None),
            or_(
                Device.last_seen < silent_since,
                and_(Device.last_seen.is_(None), Device.enrolled_at < silent_since),
            ),
        )
    with engine.connect() as conn:
        out = []
        for dev in conn.execute(stmt):
            out.append(
                DeviceInfo(
                    dev.id,
                    dev.office_code,
                    dev.desk_letter,
                    dev.label,
                    as_aware(dev.enrolled_at),
                    as_aware(dev.revoked_at) if dev.revoked_at else None,
                    as_aware(dev.last_seen) if dev.last_seen else None,
                    dev.app_version,
                )
            )
        return out


def revoke_device(engine: Engine, device_id: str) -> None:
    with engine.begin() as conn:
        done = conn.execute(
            update(Device)
            .where(Device.id == device_id, Device.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
        if done.rowcount == 0:
            exists = conn.execute(select(Device.id).where(Device.id == device_id)).first()
            if exists is None:
                raise AdminError("device_unknown", f"Perangkat {device_id} tidak ada.")
            raise AdminError("device_already_revoked", f"Perangkat {device_id} sudah dicabut.")

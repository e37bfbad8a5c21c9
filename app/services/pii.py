"""Encryption of the NIK at rest (UU 27/2022 PDP: security of personal data).

The NIK is stored encrypted (Fernet) with a key kept in the data folder outside the database file, so a copied
register file alone does not reveal NIKs. An HMAC of the NIK under the same key allows exact lookup of a
returning requester without decrypting every row.

The key is created once, when a register is set up empty (``create=True``); afterwards it is only ever read.
A missing or foreign key stops the desk with ``KeyUnavailable`` (restore the key from a backup) instead of
being replaced: a replaced key makes every NIK taken before it unreadable and breaks the returning-requester
lookup, silently. ``verify_tokens`` checks every stored value (``ppid-desk check``), not a sample.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Iterable
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from app.errors import KeyUnavailable

KEY_FILE_NAME = "pii.key"
RECOVERY = (
    "Pulihkan file kunci dari cadangan: ppid-desk key recover CADANGAN.sqlite3 (memakai berkas "
    "CADANGAN.sqlite3.key atau .key.recovery di sampingnya), atau salin CADANGAN.sqlite3.key ke {path}. "
    'Lihat docs/security.md, "Recovering the PII key". Jangan membuat kunci baru.'
)


def key_path(key_dir: Path) -> Path:
    return key_dir / KEY_FILE_NAME


def missing_key_error(path: Path) -> KeyUnavailable:
    return KeyUnavailable(
        f"Kunci data pribadi {path} tidak ada. Register ini sudah disiapkan, jadi kunci baru tidak dibuat: "
        "NIK yang tersimpan hanya dapat dibuka dengan kunci aslinya. " + RECOVERY.format(path=path)
    )


def wrong_key_error(path: Path) -> KeyUnavailable:
    return KeyUnavailable(
        f"Kunci data pribadi {path} bukan kunci register ini: NIK yang tersimpan tidak dapat dibuka dengan "
        "kunci tersebut. " + RECOVERY.format(path=path)
    )


def write_new_key(path: Path) -> None:
    """A fresh key, owner-only (0600), durable; refuses to overwrite (O_EXCL) so a key is never replaced."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(Fernet.generate_key())
        handle.flush()
        os.fsync(handle.fileno())


class PiiVault:
    def __init__(self, key: bytes) -> None:
        self._fernet = Fernet(key)
        self._mac_key = hashlib.sha256(b"ppid-desk-nik-lookup:" + key).digest()

    @classmethod
    def open(cls, key_dir: Path, *, create: bool = False) -> PiiVault:
        """Load the key. Only ``create`` (an empty register being set up) may write a new one."""
        path = key_path(key_dir)
        if not path.exists():
            if not create:
                raise missing_key_error(path)
            write_new_key(path)
        try:
            return cls(path.read_bytes().strip())
        except ValueError:  # not a Fernet key at all (truncated, edited)
            raise wrong_key_error(path) from None

    def opens(self, token: str) -> bool:
        try:
            self._fernet.decrypt(token.encode())
        except InvalidToken:
            return False
        return True

    def encrypt(self, value: str) -> str:
        return self._fernet.encrypt(value.encode()).decode()

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken as exc:
            raise KeyUnavailable(
                "NIK tidak dapat dibuka: kunci data pribadi (pii.key) tidak cocok dengan register ini. "
                + RECOVERY.format(path="folder keys/ di folder data")
            ) from exc

    def lookup_hash(self, nik: str) -> str:
        return hmac.new(self._mac_key, nik.encode(), hashlib.sha256).hexdigest()


def unreadable_tokens(rows: Iterable[tuple[str, str, str | None]], vault: PiiVault) -> list[str]:
    """The ids of the rows (id, token, lookup hash) whose token this key cannot open, or whose lookup hash is
    not the key's hash of the opened value (a NIK written under another key and re-encrypted by hand)."""
    bad: list[str] = []
    for row_id, token, lookup in rows:
        try:
            value = vault._fernet.decrypt(token.encode()).decode()
        except (InvalidToken, UnicodeDecodeError):
            bad.append(row_id)
            continue
        if lookup is not None and not hmac.compare_digest(lookup, vault.lookup_hash(value)):
            bad.append(row_id)
    return bad

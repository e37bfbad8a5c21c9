"""Encryption of the NIK at rest (UU 27/2022 PDP: security of personal data).

The NIK is stored encrypted (Fernet) with a key kept in the data folder outside the database file, so a copied
register file alone does not reveal NIKs. An HMAC of the NIK under the same key allows exact lookup of a
returning requester without decrypting every row.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from app.errors import DeskError

KEY_FILE_NAME = "pii.key"


class PiiVault:
    def __init__(self, key: bytes) -> None:
        self._fernet = Fernet(key)
        self._mac_key = hashlib.sha256(b"ppid-desk-nik-lookup:" + key).digest()

    @classmethod
    def open(cls, key_dir: Path) -> PiiVault:
        """Load the key, creating it (readable by the owner only) on first use."""
        path = key_dir / KEY_FILE_NAME
        if not path.exists():
            key_dir.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(Fernet.generate_key())
                handle.flush()
                os.fsync(handle.fileno())
        return cls(path.read_bytes().strip())

    def encrypt(self, value: str) -> str:
        return self._fernet.encrypt(value.encode()).decode()

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken as exc:
            raise DeskError(
                "NIK tidak dapat dibuka: kunci data pribadi (pii.key) tidak cocok dengan register ini. "
                "Pulihkan file kunci dari cadangan."
            ) from exc

    def lookup_hash(self, nik: str) -> str:
        return hmac.new(self._mac_key, nik.encode(), hashlib.sha256).hexdigest()

"""The PII key sealed under a recovery passphrase, so a copied backup does not carry the key in the clear.

Why: a backup used to travel with ``FILE.key`` beside it, so whoever found the two files could read every NIK.
An admin who sets a recovery passphrase (at ``init``, or later with ``ppid-desk key passphrase``) gets
``keys/pii.key.recovery``: the key encrypted (Fernet) under a key derived from the passphrase (scrypt,
memory-hard, random salt). From then on a backup carries only ``FILE.key.recovery`` — writing it needs no
passphrase — and restoring it, or ``ppid-desk key recover``, asks for the passphrase. The live key stays in
``keys/pii.key`` (the desk must open NIKs without asking anyone); protecting that is the disk encryption's job.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.errors import ValidationError
from db.private import private_dir

RECOVERY_FILE_NAME = "pii.key.recovery"
RECOVERY_SUFFIX = ".key.recovery"
MIN_PASSPHRASE = 12
_N, _R, _P = 2**15, 8, 1


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    kdf = Scrypt(salt=salt, length=32, n=n, r=r, p=p)
    return base64.urlsafe_b64encode(kdf.derive(passphrase.encode()))


def check_passphrase(passphrase: str) -> str:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            {"passphrase": f"Frasa pemulihan minimal {MIN_PASSPHRASE} karakter (mis. empat kata acak)."}
        )
    return passphrase


def seal(key: bytes, passphrase: str) -> bytes:
    check_passphrase(passphrase)

    salt = os.urandom(16)
    token = Fernet(_derive(passphrase, salt, _N, _R, _P)).encrypt(key)
    blob = {"v": 1, "kdf": "scrypt", "n": _N, "r": _R, "p": _P,
            "salt": base64.b64encode(salt).decode(), "token": token.decode()}  # fmt: skip
    return json.dumps(blob).encode()


def unseal(blob: bytes, passphrase: str) -> bytes:
    try:
        data = json.loads(blob)
        salt = base64.b64decode(data["salt"])
        derived = _derive(passphrase, salt, int(data["n"]), int(data["r"]), int(data["p"]))
        return Fernet(derived).decrypt(str(data["token"]).encode())
    except InvalidToken:
        raise ValidationError({"passphrase": "Frasa pemulihan salah."}) from None
    except (ValueError, KeyError, TypeError):
        raise ValidationError({"file": "Berkas kunci tersegel rusak atau bukan berkas PPID Desk."}) from None


def recovery_path(key_dir: Path) -> Path:
    return key_dir / RECOVERY_FILE_NAME


def set_passphrase(key_dir: Path, key: bytes, passphrase: str) -> Path:
    """Seal ``key`` under ``passphrase`` into ``keys/pii.key.recovery`` (replacing an earlier passphrase)."""
    from app.services.backup import write_private

    private_dir(key_dir)
    path = recovery_path(key_dir)
    write_private(path, seal(key, passphrase))
    return path

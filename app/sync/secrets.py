"""The device token in the operating system's keyring (Windows Credential Locker, macOS Keychain, Secret
Service on Linux) via ``keyring``; never in the register file or a config file.

``PYTHON_KEYRING_BACKEND`` is honoured (headless machines and tests choose a backend explicitly). When no
usable backend exists the officer gets a clear message and a remedy; a plaintext backend is used only when it
was chosen explicitly through that variable, never as a silent fallback.
"""

from __future__ import annotations

import contextlib
import os

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError

SERVICE = "ppid-desk"
NO_BACKEND_MESSAGE = (
    "Penyimpanan rahasia sistem (keyring) tidak tersedia, jadi token perangkat tidak dapat disimpan dengan aman. "
    "Di Windows/macOS pastikan layanan kredensial berjalan; di Linux pasang dan jalankan Secret Service "
    "(mis. gnome-keyring) atau pilih backend lewat variabel PYTHON_KEYRING_BACKEND. "
    "Token tidak pernah disimpan dalam berkas biasa."
)


class SecretStoreUnavailable(Exception):
    """No secure place for the token: enrollment and sync stop with ``NO_BACKEND_MESSAGE``."""

    code = "keyring_unavailable"


def _is_plaintext(backend: KeyringBackend) -> bool:
    module = type(backend).__module__
    return module.startswith("keyrings.alt") and "Plaintext" in type(backend).__name__


def _usable(backend: KeyringBackend) -> bool:
    from keyring.backends import chainer, fail

    if isinstance(backend, fail.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return any(_usable(b) for b in backend.backends)
    return True


class TokenStore:
    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._given = backend

    def backend(self) -> KeyringBackend:
        kr = self._given or keyring.get_keyring()
        if not _usable(kr):
            raise SecretStoreUnavailable(NO_BACKEND_MESSAGE)
        if _is_plaintext(kr) and self._given is None and not os.environ.get("PYTHON_KEYRING_BACKEND"):
            raise SecretStoreUnavailable(NO_BACKEND_MESSAGE)
        return kr

    def save(self, device_id: str, token: str) -> None:
        try:
            self.backend().set_password(SERVICE, device_id, token)
        except KeyringError as exc:
            raise SecretStoreUnavailable(f"{NO_BACKEND_MESSAGE} ({exc})") from exc

    def load(self, device_id: str) -> str | None:
        try:
            return self.backend().get_password(SERVICE, device_id)
        except KeyringError as exc:
            raise SecretStoreUnavailable(f"{NO_BACKEND_MESSAGE} ({exc})") from exc

    def delete(self, device_id: str) -> None:
        with contextlib.suppress(KeyringError):
            self.backend().delete_password(SERVICE, device_id)


class MemoryKeyring(KeyringBackend):
    """An in-process backend for tests (``priority`` keeps it from ever being chosen automatically)."""

    priority = -1

    def __init__(self) -> None:
        super().__init__()
        self._data: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self._data[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self._data.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self._data.pop((service, username), None)

"""The NIK vault: encrypted at rest with a key outside the register file, exact lookup by keyed hash."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from app.errors import DeskError, KeyUnavailable
from app.services.pii import KEY_FILE_NAME, PiiVault

NIK = "3673054512850012"


def test_key_created_once_owner_only(tmp_path: Path) -> None:
    vault = PiiVault.open(tmp_path / "keys", create=True)
    key_file = tmp_path / "keys" / KEY_FILE_NAME
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_bytes()
    again = PiiVault.open(tmp_path / "keys")
    assert key_file.read_bytes() == key
    assert again.decrypt(vault.encrypt(NIK)) == NIK


def test_encryption_is_randomised_but_lookup_is_stable(tmp_path: Path) -> None:
    vault = PiiVault.open(tmp_path, create=True)
    first, second = vault.encrypt(NIK), vault.encrypt(NIK)
    assert first != second and NIK not in first
    assert vault.lookup_hash(NIK) == vault.lookup_hash(NIK)
    assert vault.lookup_hash(NIK) != vault.lookup_hash("3673051203900007")
    assert NIK not in vault.lookup_hash(NIK)


def test_another_key_cannot_read_or_match(tmp_path: Path) -> None:
    ours, theirs = PiiVault.open(tmp_path / "a", create=True), PiiVault.open(tmp_path / "b", create=True)
    with pytest.raises(DeskError, match="pii.key"):
        theirs.decrypt(ours.encrypt(NIK))
    assert ours.lookup_hash(NIK) != theirs.lookup_hash(NIK)  # a copied file alone allows no NIK guessing


def test_a_missing_key_is_never_created_unless_asked(tmp_path: Path) -> None:
    with pytest.raises(KeyUnavailable, match="cadangan"):
        PiiVault.open(tmp_path / "keys")
    assert not (tmp_path / "keys" / KEY_FILE_NAME).exists()


def test_a_garbled_key_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / KEY_FILE_NAME).write_bytes(b"bukan kunci")
    with pytest.raises(KeyUnavailable, match="bukan kunci register ini"):
        PiiVault.open(tmp_path)

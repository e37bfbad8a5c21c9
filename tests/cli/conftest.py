"""Fixtures for the CLI tests: an initialised data folder (office KEC-SRG, admin ``admin``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import init_args, run_in_process


@pytest.fixture
def desk_dir(tmp_path: Path) -> Path:
    data_dir = tmp_path / "meja"
    result = run_in_process(*init_args(data_dir))
    assert result.code == 0, result.err
    return data_dir


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every in-process command signs in, and argon2 with production parameters takes about a second under load.

    Hashes made during these tests use tiny argon2 parameters instead (verification reads the parameters from
    the stored hash, so sign-in stays the real code path). Subprocess tests are not affected.
    """
    from argon2 import PasswordHasher

    import app.services.users as users

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))

"""Fixtures for the CLI tests: an initialised data folder (office KEC-SRG, admin ``admin``).

Why a template: ``ppid-desk init`` (the migrations, the office, the admin) is the same for every test that just
needs an initialised folder, so it runs once per test session and each test gets its own copy of the folder (a
real, separate register). The tests of ``init`` itself run it in their own folders.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cli_helpers import init_args, run_in_process


def _cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    import app.services.users as users

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture(scope="session")
def _initialised_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("cli-template") / "meja"
    with pytest.MonkeyPatch.context() as monkeypatch:
        _cheap_password_hashing(
            monkeypatch
        )  # the admin's hash is made once, here, and copied with the folder
        result = run_in_process(*init_args(data_dir))
    assert result.code == 0, result.err
    return data_dir


@pytest.fixture
def desk_dir(tmp_path: Path, _initialised_folder: Path) -> Path:
    data_dir = tmp_path / "meja"
    shutil.copytree(_initialised_folder, data_dir)
    return data_dir


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every in-process command signs in, and argon2 with production parameters takes about a second under load.

    Hashes made during these tests use tiny argon2 parameters instead (verification reads the parameters from
    the stored hash, so sign-in stays the real code path). Subprocess tests are not affected.
    """
    _cheap_password_hashing(monkeypatch)

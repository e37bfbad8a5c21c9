"""Fixtures for the workstation's sync tests (tests/gui/sync/):

* ``city``            a real city server (SQLite-backed uvicorn on 127.0.0.1) that knows the test desk's office
                      ``CPJ`` (plus the standard offices 3673, 3673.01, 3673.02);
* ``memory_keyring``  an in-memory keyring behind ``keyring.get_keyring()``, so the code under test uses its
                      ordinary ``TokenStore()``;
* ``enroll_desk``     ``enroll_desk()`` enrolls the ``desk`` with ``city`` the way ``ppid-desk enroll`` does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest

from app.services.desk import DeskServices
from app.sync.engine import Enrollment, SyncEngine
from app.sync.secrets import MemoryKeyring, TokenStore
from server import admin as server_admin
from server.testing import LiveServer, init_db, live_server, standard_offices


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    return backend


@pytest.fixture
def city(tmp_path: Path) -> Iterator[LiveServer]:
    engine = init_db(f"sqlite:///{tmp_path}/city.sqlite3")
    standard_offices(engine)
    server_admin.add_office(engine, "CPJ", "Kecamatan Cipocok Jaya")
    with live_server(engine) as srv:
        yield srv
    engine.dispose()


@pytest.fixture
def enroll_desk(
    desk: DeskServices, city: LiveServer, memory_keyring: MemoryKeyring
) -> Callable[[], Enrollment]:
    def enroll() -> Enrollment:
        code, _ = server_admin.new_enroll_code(city.engine, "CPJ")
        engine = SyncEngine(desk.ctx.db, TokenStore(memory_keyring), clock=desk.ctx.clock)
        return engine.enroll(city.url, code)

    return enroll

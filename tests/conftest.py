"""Shared fixtures for every test that needs a real desk: a real SQLite register in a temporary folder.

Why a controllable clock: deadlines, "future time" checks and the 3-working-day windows all depend on
"now", so tests set ``clock.now`` explicitly instead of depending on the wall clock.

Fixtures:

* ``data_dir``   a fresh, empty data folder (``tmp_path``).
* ``clock``      a ``FakeClock`` starting at Monday 16 March 2026 10:00; set ``clock.now`` to move time.
* ``desk``       ``DeskServices`` opened on ``data_dir`` with ``clock`` and set up as office CPJ (desk A),
                 with users ``admin`` (admin), ``spv`` (supervisor) and ``petugas`` (petugas); closed after
                 the test.
* ``admin``, ``supervisor``, ``officer``  the signed-in ``Actor`` objects of those three users
                 (passwords: ``ADMIN_PASSWORD`` for admin, ``USER_PASSWORD`` for the other two).
* ``walk_in``    factory: ``walk_in(**overrides)`` returns a valid intake dict (a woman from Cipocok Jaya,
                 NIK ``VALID_NIK``, phone 0812-3456-7890, complete at the desk, received at ``clock.now``);
                 a dict given as ``requester=`` is merged into the requester sub-dict, anything else
                 replaces it.

Why some tests are marked ``slow`` here rather than in their modules: every test under tests/sync and every
test that asks for a city-server database (``db_url``, ``pg_url``: a migrated SQLite file or PostgreSQL schema,
nearly always behind a live uvicorn) is end to end by construction, so the rule lives in one place and a new
test of that kind is marked without anyone remembering to. Other end-to-end tests (real child processes, long
property tests) carry ``@pytest.mark.slow`` themselves. ``pytest -m "not slow"`` is the fast subset.

Why a template: argon2 is deliberately slow (about half a second per hash here), so the office set-up, the
two ``desk.users.add`` calls and the three ``desk.users.authenticate`` calls run once per test session into a
template folder, and each test gets its own copy of that folder (a real, separate register file).
"""

from __future__ import annotations

import os
import sys

# Why bytecode is written even where PYTHONDONTWRITEBYTECODE is set (as on this project's machines): without
# the cached, assertion-rewritten test modules and the compiled app/ui modules, every xdist worker and every
# child process compiles them again, about 5 CPU-seconds per worker. Set before the imports below, so the
# app modules this file imports are cached too; __pycache__ is ignored by git.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

from home_isolation import isolate_home  # noqa: E402

# Why before anything else is imported: the tests must never write to the developer's home (Qt's file dialog
# keeps its history in ~/.config/QtProject.conf, platformdirs and the keyring look there too), and Qt, the
# keyring and platformdirs read these variables when first used. Child processes inherit them.
isolate_home()

import shutil  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402

from app.services.context import Actor  # noqa: E402
from app.services.desk import DeskServices  # noqa: E402

ADMIN_PASSWORD = "rahasia123"
USER_PASSWORD = "sandi-rahasia-1"
#: 36 73 05 (Kota Serang, Cipocok Jaya), day 45 = 5 + 40 (woman), December 1985, serial 0012.
VALID_NIK = "3673054512850012"


class FakeClock:
    """A clock the test controls: ``clock.now`` is what every service sees as the current moment."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


SYNC_TESTS = Path(__file__).parent / "sync"
CITY_SERVER_FIXTURES = frozenset({"db_url", "pg_url"})


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("markexpr", "").strip() == "not slow":  # the fast subset: fewer property examples
        from property_examples import use_fast_subset_profile

        use_fast_subset_profile()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        drives_the_city = CITY_SERVER_FIXTURES.intersection(getattr(item, "fixturenames", ()))
        if drives_the_city or SYNC_TESTS in item.path.parents:
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "desk-data"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 16, 10, 0))


@dataclass(frozen=True)
class _Template:
    folder: Path
    admin: Actor
    supervisor: Actor
    officer: Actor


@pytest.fixture(scope="session")
def _desk_template(tmp_path_factory: pytest.TempPathFactory) -> _Template:
    folder = tmp_path_factory.mktemp("desk-template") / "data"
    services = DeskServices.open(folder, clock=FakeClock(datetime(2026, 3, 16, 8, 0)))
    try:
        services.office.setup(
            office_code="CPJ",
            office_name="Kecamatan Cipocok Jaya",
            admin_username="admin",
            admin_password=ADMIN_PASSWORD,
        )
        admin = services.users.authenticate("admin", ADMIN_PASSWORD)
        actors = {}
        for username, role in (("spv", "supervisor"), ("petugas", "petugas")):
            services.users.add(
                admin, username=username, full_name=username.title(), role=role, password=USER_PASSWORD
            )
            actors[role] = services.users.authenticate(username, USER_PASSWORD)
    finally:
        services.close()
    return _Template(folder, admin, actors["supervisor"], actors["petugas"])


@pytest.fixture
def desk(data_dir: Path, clock: FakeClock, _desk_template: _Template) -> Iterator[DeskServices]:
    shutil.copytree(_desk_template.folder, data_dir)
    services = DeskServices.open(data_dir, clock=clock)
    yield services
    services.close()


@pytest.fixture
def admin(desk: DeskServices, _desk_template: _Template) -> Actor:
    return _desk_template.admin


@pytest.fixture
def supervisor(desk: DeskServices, _desk_template: _Template) -> Actor:
    return _desk_template.supervisor


@pytest.fixture
def officer(desk: DeskServices, _desk_template: _Template) -> Actor:
    return _desk_template.officer


@pytest.fixture
def walk_in(clock: FakeClock) -> Callable[..., dict[str, Any]]:
    def make(**overrides: Any) -> dict[str, Any]:
        data: dict[str, Any] = {
            "received_at": clock.now.isoformat(),
            "channel": "datang_langsung",
            "complete": True,
            "requester": {
                "kind": "perorangan",
                "name": "Siti Aminah",
                "nik": VALID_NIK,
                "address": "Jl. Bhayangkara No. 5, Cipocok Jaya, Kota Serang",
                "phone": "0812-3456-7890",
                "email": "siti.aminah@example.id",
                "occupation": "Guru",
            },
            "documents": ["ktp"],
            "information": "Salinan DPA Kecamatan Cipocok Jaya tahun anggaran 2025",
            "purpose": "Penelitian skripsi tentang anggaran kecamatan",
            "obtain_method": "salinan_softcopy",
            "delivery_method": "email",
        }
        requester = overrides.pop("requester", None)
        if isinstance(requester, dict):
            data["requester"] = {**data["requester"], **requester}
        elif requester is not None:
            data["requester"] = requester
        data.update(overrides)
        return data

    return make

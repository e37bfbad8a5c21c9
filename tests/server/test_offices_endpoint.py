"""``GET /api/sync/v1/offices``: the list a city desk routes to; office desks are refused (403 city_only), and the
usual version gate and token check apply."""

from __future__ import annotations

import pytest

from app.sync import offices
from app.sync.client import SyncClient, SyncError
from server import admin
from server.testing import LiveServer
from tests.server.conftest import Enroller


def test_city_device_gets_every_office(enroll: Enroller, server: LiveServer) -> None:
    city = enroll("3673")
    admin.add_office(server.engine, "3673.03", "Kecamatan Kasemen")
    listed = offices.fetch(city)
    assert [(o.code, o.name, o.is_city) for o in listed] == [
        ("3673", "PPID Utama Kota Serang", True),
        ("3673.01", "Kecamatan Serang", False),
        ("3673.02", "Kecamatan Cipocok Jaya", False),
        ("3673.03", "Kecamatan Kasemen", False),
    ]


def test_office_device_is_refused(enroll: Enroller) -> None:
    desk = enroll("3673.01")
    with pytest.raises(SyncError) as info:
        offices.fetch(desk)
    assert info.value.status == 403 and info.value.code == "city_only"
    assert "PPID kota" in str(info.value)


def test_unauthenticated_and_old_app_are_refused(enroll: Enroller, server: LiveServer) -> None:
    city = enroll("3673")
    with SyncClient(server.url) as anonymous, pytest.raises(SyncError) as info:
        offices.fetch(anonymous)
    assert info.value.status == 401 and info.value.code == "auth_missing"
    old = SyncClient(server.url, token=city.token, device_id=city.device_id, app_version="0.0.1")
    with old, pytest.raises(SyncError) as info:
        offices.fetch(old)
    assert info.value.status == 426 and info.value.code == "client_too_old"
    admin.revoke_device(server.engine, str(city.device_id))
    with pytest.raises(SyncError) as info:
        offices.fetch(city)
    assert info.value.code == "device_revoked"


def test_offices_carry_their_active_desks_and_when_each_was_last_seen(
    enroll: Enroller, server: LiveServer
) -> None:
    city = enroll("3673")
    seen = enroll("3673.01")
    seen.hello()  # an authenticated call stamps last_seen
    quiet = enroll("3673.01")
    gone = enroll("3673.01")
    admin.revoke_device(server.engine, str(gone.device_id))
    listed = {o.code: o for o in offices.fetch(city)}
    desks = {d.desk_letter: d for d in listed["3673.01"].desks}
    assert len(desks) == 2  # the revoked desk is not listed
    by_device = {str(row.id): row for row in admin.list_devices(server.engine)}
    stamped = desks[by_device[str(seen.device_id)].desk_letter]
    assert stamped.last_seen and stamped.label == "meja 3673.01"
    assert desks[by_device[str(quiet.device_id)].desk_letter].last_seen == ""
    assert listed["3673.02"].desks == []

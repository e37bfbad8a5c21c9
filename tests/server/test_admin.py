"""Enrollment codes: single use, expiring, stored hashed; desk letters unique per office, never recycled."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine, select

from app.sync.client import SyncClient, SyncError
from server import admin
from server.models import Device, EnrollCode
from server.testing import LiveServer


def test_code_is_single_use_and_stored_hashed(server: LiveServer, engine: Engine) -> None:
    code, _ = admin.new_enroll_code(engine, "3673.01")
    with SyncClient(server.url) as c:
        done = c.enroll(code, request_id="attempt-0001")
        assert done.desk_letter == "A" and done.office_code == "3673.01" and done.token.startswith("ppid_")
        with pytest.raises(SyncError) as info:
            c.enroll(code, request_id="attempt-0002")
        assert info.value.status == 409 and info.value.code == "enroll_code_used" and not info.value.retryable
    with engine.connect() as conn:
        stored = conn.execute(select(EnrollCode.code_hash)).scalars().all()
        tokens = conn.execute(select(Device.token_hash)).scalars().all()
    assert code not in stored and admin.normalise_code(code) not in stored
    assert tokens == [admin.sha256_hex(done.token)]


def test_lost_answer_retry_with_same_request_id_gets_a_fresh_token(
    server: LiveServer, engine: Engine
) -> None:
    code, _ = admin.new_enroll_code(engine, "3673.01")
    with SyncClient(server.url) as c:
        first = c.enroll(code, request_id="attempt-0001")
        again = c.enroll(code.lower().replace("-", ""), request_id="attempt-0001")
    assert again.device_id == first.device_id and again.token != first.token
    with (
        SyncClient(server.url, token=first.token, device_id=first.device_id) as old,
        pytest.raises(SyncError),
    ):
        old.hello()
    with SyncClient(server.url, token=again.token, device_id=again.device_id) as new:
        assert new.hello()[0].device_id == first.device_id


def test_expired_and_unknown_codes_are_refused(server: LiveServer, engine: Engine) -> None:
    code, _ = admin.new_enroll_code(engine, "3673.01", ttl=timedelta(seconds=-1))
    with SyncClient(server.url) as c:
        with pytest.raises(SyncError) as info:
            c.enroll(code)
        assert info.value.status == 410 and info.value.code == "enroll_code_expired"
        with pytest.raises(SyncError) as info:
            c.enroll("AAAA-BBBB-CCCC")
        assert info.value.status == 404 and info.value.code == "enroll_code_invalid"


def test_desk_letters_are_unique_per_office_and_not_recycled(engine: Engine) -> None:
    letters = []
    for _ in range(3):
        code, _ = admin.new_enroll_code(engine, "3673.01")
        letters.append(admin.enroll(engine, code, request_id=f"r-{len(letters)}-xxxxx").desk_letter)
    assert letters == ["A", "B", "C"]
    admin.revoke_device(engine, admin.list_devices(engine, "3673.01")[1].id)
    code, _ = admin.new_enroll_code(engine, "3673.01")
    assert admin.enroll(engine, code, request_id="r-next-xxxx").desk_letter == "D"
    code, _ = admin.new_enroll_code(engine, "3673.02")
    assert admin.enroll(engine, code, request_id="r-other-xxx").desk_letter == "A"
    assert admin._next_letter(set(admin.LETTERS)) == "AA"


def test_revoking_twice_or_unknown_device_is_explained(engine: Engine) -> None:
    code, _ = admin.new_enroll_code(engine, "3673.01")
    dev = admin.enroll(engine, code, request_id="r-0000-xxxx")
    admin.revoke_device(engine, dev.device_id)
    with pytest.raises(admin.AdminError, match="sudah dicabut"):
        admin.revoke_device(engine, dev.device_id)
    with pytest.raises(admin.AdminError, match="tidak ada"):
        admin.revoke_device(engine, "nope")


def test_duplicate_office_code_is_refused(engine: Engine) -> None:
    with pytest.raises(admin.AdminError, match="sudah ada"):
        admin.add_office(engine, "3673.01", "lagi")


def test_lost_answer_replay_is_refused_once_the_desk_works_or_after_the_window(
    server: LiveServer, engine: Engine
) -> None:
    code, _ = admin.new_enroll_code(engine, "3673.01")
    with SyncClient(server.url) as c:
        first = c.enroll(code, request_id="attempt-0001")
    with SyncClient(server.url, token=first.token, device_id=first.device_id) as desk:
        desk.hello()  # the desk got its token and works
        with SyncClient(server.url) as c, pytest.raises(SyncError) as info:
            c.enroll(code, request_id="attempt-0001")
        assert info.value.code == "enroll_code_used"
        assert desk.hello()[0].device_id == first.device_id  # its token was not replaced
    with engine.connect() as conn:
        assert conn.execute(select(Device.enroll_request_id)).scalar_one() == ""  # the attempt is forgotten
    # a desk that never authenticated: the replay works only minutes after the first use
    late, _ = admin.new_enroll_code(engine, "3673.01")
    with SyncClient(server.url) as c:
        c.enroll(late, request_id="attempt-0002")
        with engine.begin() as conn:
            conn.execute(
                EnrollCode.__table__.update()
                .where(EnrollCode.code_hash == admin.sha256_hex(admin.normalise_code(late)))
                .values(used_at=admin.utcnow() - timedelta(days=30))
            )
        with pytest.raises(SyncError) as info:
            c.enroll(late, request_id="attempt-0002")
        assert info.value.code == "enroll_code_used"


def test_a_code_of_another_office_is_refused_unspent(server: LiveServer, engine: Engine) -> None:
    code, _ = admin.new_enroll_code(engine, "3673.02")
    with SyncClient(server.url) as c:
        with pytest.raises(SyncError) as info:
            c.enroll(code, request_id="attempt-0001", office_code="3673.01")
        assert info.value.status == 409 and info.value.code == "enroll_office_mismatch"
        with engine.connect() as conn:
            assert conn.execute(select(Device.id)).first() is None  # no orphan device
            assert conn.execute(select(EnrollCode.used_at)).scalar_one() is None  # the code is not spent
        assert c.enroll(code, request_id="attempt-0002", office_code="3673.02").office_code == "3673.02"

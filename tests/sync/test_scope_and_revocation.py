"""Office scope on every read path and device revocation in the middle of work.

tests/server/test_scope.py covers push, pull and fetch of one record; here: the checksum bucket listings (a
read path that names records), fetch of a mixed list, a token presented with another device's id or body,
revocation closing every read path, and a desk revoked between two push batches that keeps the rest of its
outbox and hands it over after it is enrolled again.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from app.services.desk import DeskServices
from app.sync.client import SyncClient, SyncError
from app.sync.engine import Enrollment, SyncEngine
from app.sync.secrets import MemoryKeyring, TokenStore
from ppid_protocol.wire import PushResponse
from server import admin as city_admin
from server.models import AppliedOp, Record
from server.testing import LiveServer, init_db, live_server
from tests.server.conftest import Enroller, make_op
from tests.sync.sync_checks import assert_server_tables_agree, desk_pending, desk_request_ids

A, B = "3673.01", "3673.02"


def _record(office: str) -> dict[str, Any]:
    return {"office_code": office, "status": "verifikasi", "information": "APBD 2025"}


def test_bucket_listings_and_fetch_never_show_another_office(enroll: Enroller) -> None:
    a, b = enroll(A), enroll(B)
    ops_a = [make_op(record=_record(A)) for _ in range(6)]
    ops_b = [make_op(record=_record(B)) for _ in range(6)]
    a.push(ops_a)
    b.push(ops_b)
    ids_a, ids_b = {op.entity_id for op in ops_a}, {op.entity_id for op in ops_b}
    summary = a.checksum(4)
    assert summary.count == 6
    listed: set[str] = set()
    for bucket in range(4):
        listed |= {e.entity_id for e in a.bucket(bucket, 4).entries}
    assert listed == ids_a  # every bucket of office A lists only A's records
    assert {i.entity_id for i in a.fetch(sorted(ids_a | ids_b)).items} == ids_a
    assert {i.entity_id for i in b.fetch(sorted(ids_a | ids_b)).items} == ids_b


def test_a_token_with_another_devices_id_or_body_is_refused(enroll: Enroller, engine: Engine) -> None:
    a, b = enroll(A), enroll(B)
    b.push([make_op(record=_record(B))])
    with SyncClient(a.base, token=a.token, device_id=b.device_id) as posing:
        for call in (posing.hello, posing.pull, lambda: posing.push([make_op(record=_record(A))])):
            with pytest.raises(SyncError) as info:
                call()
            assert info.value.status == 401 and info.value.code == "auth_invalid"
    # A's own headers, but a push body that claims to come from B
    body = SyncClient.encode_push(b.device_id or "", [make_op(record=_record(A))])
    with pytest.raises(SyncError) as info:
        a.push_body(body)
    assert info.value.code == "device_mismatch"
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(AppliedOp)).scalar_one() == 1


def test_a_revoked_device_is_refused_on_every_read_path(enroll: Enroller, engine: Engine) -> None:
    a = enroll(A)
    op = make_op(record=_record(A))
    a.push([op])
    city_admin.revoke_device(engine, a.device_id or "")
    calls = (a.checksum, lambda: a.bucket(0, 4), lambda: a.fetch([op.entity_id]), lambda: a.pull(""))
    for call in calls:
        with pytest.raises(SyncError) as info:
            call()
        assert info.value.code == "device_revoked" and not info.value.retryable


@pytest.fixture
def city(tmp_path: Path) -> Iterator[tuple[Engine, LiveServer]]:
    engine = init_db(f"sqlite:///{tmp_path}/server.sqlite3")
    city_admin.add_office(engine, "CPJ", "Kecamatan Cipocok Jaya")
    with live_server(engine) as srv:
        yield engine, srv
    engine.dispose()


def test_desk_revoked_between_batches_keeps_the_rest_and_hands_it_over_after_enrolling_again(
    desk: DeskServices, officer: Any, walk_in: Any, city: tuple[Engine, LiveServer]
) -> None:
    engine, srv = city
    for _ in range(30):
        desk.register.receive(officer, walk_in())
    kr = MemoryKeyring()
    eng = SyncEngine(desk.ctx.db, TokenStore(kr), clock=desk.ctx.clock)
    first = eng.enroll(srv.url, city_admin.new_enroll_code(engine, "CPJ")[0])

    class RevokedAfterFirstBatch(SyncClient):
        """The city revokes the desk right after its first batch is applied."""

        def push_body(self, body: bytes, **kwargs: Any) -> PushResponse:
            resp = super().push_body(body, **kwargs)
            city_admin.revoke_device(engine, first.device_id)
            return resp

    def revoking(e: Enrollment, token: str | None) -> SyncClient:
        return RevokedAfterFirstBatch(e.server_url, token=token, device_id=e.device_id)

    eng.client_factory, eng.batch_cap, eng.batch, eng.push_window = revoking, 10, 10, 1
    report = eng.sync(sleep=lambda _d: None)
    assert not report.ok and report.error_code == "device_revoked" and report.attempts == 1
    assert report.pushed == 10 and report.pending == 20 == desk_pending(desk)

    # enrolled again with a new code (a new device of the same office): the rest goes, nothing twice
    eng = SyncEngine(desk.ctx.db, TokenStore(kr), clock=desk.ctx.clock)
    second = eng.enroll(srv.url, city_admin.new_enroll_code(engine, "CPJ")[0])
    assert second.device_id != first.device_id
    report = eng.sync(sleep=lambda _d: None)
    assert report.ok and report.pushed == 20 and report.duplicates == 0 and desk_pending(desk) == 0
    with engine.connect() as conn:
        per_device = dict(
            conn.execute(select(AppliedOp.device_id, func.count()).group_by(AppliedOp.device_id)).all()
        )
        records = set(conn.execute(select(Record.entity_id)).scalars())
    assert per_device == {first.device_id: 10, second.device_id: 20}
    assert records == desk_request_ids(desk)
    assert_server_tables_agree(engine)

"""RoutingService without a server: a desk enrolled to a city office (enrollment and office list as the sync
engine and ``app/sync/offices.py`` keep them) routes a request in one transaction; every refusal changes
nothing. The end-to-end flow over a live server is in tests/sync/test_city_desk.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import select
from svc_helpers import counts, request_row

from app.domain.lifecycle import Status
from app.errors import ActionRefused, ValidationError
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.routing import OfficesUnavailable
from app.sync.secrets import MemoryKeyring, TokenStore
from db.models import AuditEntry, OutboxOp
from ppid_protocol.fields import ROUTE_ACTIONS
from ppid_protocol.wire import OfficeEntry, Op
from tests.city_desk import record_enrollment

OFFICES = [
    OfficeEntry(code="3673", name="PPID Utama Kota Serang", is_city=True),
    OfficeEntry(code="CPJ", name="Kecamatan Cipocok Jaya"),
    OfficeEntry(code="3673.01", name="Kecamatan Serang"),
]


def enrol_as(desk: DeskServices, office: str, *, city: bool, with_offices: bool = True) -> None:
    """Record an enrollment (``tests/city_desk.py``); the token is in an in-memory keyring."""
    keyring = MemoryKeyring()
    keyring.set_password("ppid-desk", "dev-1", "ppid_token")
    desk.routing.tokens = TokenStore(keyring)
    when = datetime(2026, 3, 16, 8, 0) if with_offices else None
    record_enrollment(desk.ctx.db, office, city=city, office_list=OFFICES, fetched_at=when)


@pytest.fixture
def number(desk: DeskServices, officer: Actor, walk_in: Callable[..., dict[str, Any]]) -> str:
    return desk.register.receive(officer, walk_in()).number


def test_city_desk_routes_in_one_transaction(
    desk: DeskServices, officer: Actor, number: str, clock: Any
) -> None:
    enrol_as(desk, "3673", city=True)
    before = counts(desk, number)
    old_version = request_row(desk, number)["version"]
    view = desk.routing.route(
        officer, number, to_office="3673.01", reason="Lokasi informasi di Kecamatan Serang"
    )
    after = counts(desk, number)
    assert view.status == Status.IN_PROCESS  # routing is not a lifecycle step: status and deadlines stay
    row = request_row(desk, number)
    assert row["office_code"] == "3673.01" and row["version"] == old_version + 1
    assert after["events"] == before["events"] + 1 and after["audit_log"] == before["audit_log"] + 1
    assert after["outbox_ops"] == before["outbox_ops"] + 1
    event = view.events[-1]
    assert event.kind == "route" and event.username == officer.username and event.at == clock.now
    assert event.summary == (
        "Diteruskan ke Kecamatan Serang (3673.01) dari Kecamatan Cipocok Jaya: Lokasi informasi di Kecamatan Serang"
    )
    with desk.ctx.db.reader() as s:
        op = s.scalars(select(OutboxOp).order_by(OutboxOp.seq.desc())).first()
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert op is not None and entry is not None
        wire = Op(seq=op.seq, op_id=op.op_id, entity="request", entity_id=op.entity_id, action=op.action,
                  payload=op.payload, base_version=op.base_version)  # fmt: skip
        audit_action, audit_details = entry.action, dict(entry.details)
    assert wire.action in ROUTE_ACTIONS and wire.base_version == old_version
    assert wire.record()["office_code"] == "3673.01" and wire.events()[0]["id"] == event.id
    assert "nik_encrypted" not in wire.record()["requester"]
    assert audit_action == "request_route" and audit_details["from_office"] == "CPJ"


def test_choices_list_the_other_offices(desk: DeskServices, officer: Actor, number: str) -> None:
    enrol_as(desk, "3673", city=True)
    choice = desk.routing.choices(officer, number)
    assert choice.current.code == "CPJ" and choice.current.name == "Kecamatan Cipocok Jaya"
    assert [o.code for o in choice.targets] == ["3673", "3673.01"]
    assert choice.fetched_at.startswith("2026-03-16")


@pytest.mark.parametrize(
    ("enrolment", "message"),
    [(None, "belum didaftarkan"), ("CPJ", "terdaftar untuk kantor CPJ")],
)
def test_a_desk_that_is_not_the_city_is_refused(
    desk: DeskServices, officer: Actor, number: str, enrolment: str | None, message: str
) -> None:
    if enrolment is not None:
        enrol_as(desk, enrolment, city=False)
    before, row = counts(desk, number), request_row(desk, number)
    assert desk.routing.is_city() is False
    with pytest.raises(ActionRefused) as info:
        desk.routing.route(officer, number, to_office="3673.01", reason="Lokasi informasi di Serang")
    assert "Hanya meja PPID kota" in str(info.value) and message in str(info.value)
    with pytest.raises(ActionRefused):
        desk.routing.choices(officer, number)
    assert counts(desk, number) == before and request_row(desk, number) == row


def test_refusals_change_nothing(
    desk: DeskServices, officer: Actor, supervisor: Actor, number: str, walk_in: Callable[..., dict[str, Any]]
) -> None:
    enrol_as(desk, "3673", city=True)
    voided = desk.register.receive(officer, walk_in()).number
    desk.actions.act(supervisor, voided, "void", {"reason": "Salah input, pemohon yang sama"})
    before = counts(desk)
    rows = {n: request_row(desk, n) for n in (number, voided)}
    cases: list[tuple[str, dict[str, Any], type[Exception], str]] = [
        (number, {"to_office": "CPJ"}, ActionRefused, "sudah berada di kantor CPJ"),
        (number, {"to_office": "9999.99"}, ValidationError, "Kantor 9999.99 tidak dikenal"),
        (number, {"to_office": ""}, ValidationError, "Kantor tujuan wajib dipilih"),
        (number, {"to_office": "3673.01", "reason": "ok"}, ValidationError, "Alasan meneruskan wajib diisi"),
        (voided, {"to_office": "3673.01"}, ActionRefused, "berstatus 'Batal' tidak dapat diteruskan"),
        (number, {"to_office": "3673.01", "at": "2026-03-01T09:00"}, ValidationError, "sebelum permohonan diterima"),
    ]  # fmt: skip
    for target, kwargs, error, text in cases:
        args = {"reason": "Informasi dikuasai kecamatan lain", **kwargs}
        with pytest.raises(error) as info:
            desk.routing.route(officer, target, **args)
        assert text in str(info.value), (kwargs, str(info.value))
    assert counts(desk) == before
    assert {n: request_row(desk, n) for n in rows} == rows


def test_closed_request_is_refused(
    desk: DeskServices, to_state: Callable[[Status], str], officer: Actor
) -> None:
    enrol_as(desk, "3673", city=True)
    for status in (Status.CLOSED, Status.NOT_PROCESSABLE):
        number = to_state(status)
        with pytest.raises(ActionRefused, match="tidak dapat diteruskan"):
            desk.routing.route(
                officer, number, to_office="3673.01", reason="Informasi dikuasai kecamatan lain"
            )


def test_unknown_office_without_any_list_says_to_fetch_it(
    desk: DeskServices, officer: Actor, number: str
) -> None:
    enrol_as(desk, "3673", city=True, with_offices=False)
    with pytest.raises(ValidationError, match="belum pernah diambil"):
        desk.routing.route(officer, number, to_office="3673.01", reason="Informasi dikuasai kecamatan lain")
    # no server at the enrolled address and nothing kept: a plain "try later", not a traceback
    with pytest.raises(OfficesUnavailable, match="Coba lagi saat tersambung"):
        desk.routing.refresh_offices()


def test_refresh_falls_back_to_the_kept_list(desk: DeskServices) -> None:
    enrol_as(desk, "3673", city=True)
    kept = desk.routing.refresh_offices()  # the enrolled address answers nothing: the kept list serves
    assert [o.code for o in kept.offices] == ["3673", "3673.01", "CPJ"]

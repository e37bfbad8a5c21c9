"""Intake: validation with nothing half-saved, returning requesters, and the registration number.

The number printed on a receipt must exist in the register, never be issued twice, and never be reused, even
when the intake fails after the counter moved.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from svc_helpers import BODIES, counts

from app.domain.lifecycle import Status
from app.errors import ConfirmationRequired, PermissionDenied, ValidationError
from app.services import register as register_module
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.identity import IdentityAnswer
from app.services.register import next_counter

UNKNOWN_REGION_NIK = "3699054512850012"  # 36.99 is not a Banten regency; everything else is valid


# --- validation ------------------------------------------------------------------------------------------


def test_bad_input_reports_every_field_and_saves_nothing(desk: DeskServices, officer: Actor, walk_in) -> None:
    before = counts(desk)
    data = walk_in(
        information="",
        purpose="   ",
        channel="merpati",
        requester={"nik": "3673", "phone": "12345", "address": ""},
    )
    with pytest.raises(ValidationError) as bad:
        desk.register.receive(officer, data)
    fields = bad.value.fields
    assert set(fields) >= {
        "information",
        "purpose",
        "channel",
        "requester.nik",
        "requester.phone",
        "requester.address",
    }
    assert all(message.strip() for message in fields.values())
    assert "16 angka" in fields["requester.nik"]
    assert counts(desk) == before


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"requester": "Siti"}, "requester"),
        ({"requester": {"name": ""}}, "requester.name"),
        ({"requester": {"nik": None}}, "requester.nik"),
        ({"requester": {"nik": "3673054512850000"}}, "requester.nik"),  # serial 0000
        ({"requester": {"nik": "3673057213850012"}}, "requester.nik"),  # month 13
        ({"requester": {"phone": None, "email": None}}, "requester.phone"),
        ({"requester": {"email": "bukan-email"}}, "requester.email"),
        ({"requester": {"kind": "koperasi"}}, "requester.kind"),
        ({"requester": {"kind": "badan_hukum"}}, "requester.legal_number"),
        ({"requester": {"kind": "kelompok"}}, "requester.documents"),
        ({"requester": {"proxy": {"name": "Ahmad"}}}, "requester.proxy.phone"),
        ({"documents": ["paspor"]}, "documents"),
        ({"complete": "ya"}, "complete"),
        ({"complete": True, "missing_items": ["KTP"]}, "missing_items"),
        ({"obtain_method": "telepati"}, "obtain_method"),
        ({"delivery_method": "merpati"}, "delivery_method"),
        ({"received_at": "16/03/2026"}, "received_at"),
        ({"information": "x" * 5001}, "information"),
    ],
)
def test_each_invalid_field_is_named(
    desk: DeskServices, officer: Actor, walk_in, overrides: dict, field: str
) -> None:
    before = counts(desk)
    with pytest.raises(ValidationError) as bad:
        desk.register.receive(officer, walk_in(**overrides))
    assert field in bad.value.fields
    assert counts(desk) == before


def test_unknown_region_needs_confirmation_then_saves(desk: DeskServices, officer: Actor, walk_in) -> None:
    data = walk_in(requester={"nik": UNKNOWN_REGION_NIK})
    before = counts(desk)
    with pytest.raises(ConfirmationRequired) as confirm:
        desk.register.receive(officer, data)
    assert "requester.nik" in confirm.value.warnings
    assert "36.99" in confirm.value.warnings["requester.nik"]
    assert counts(desk) == before

    view = desk.register.receive(officer, data, confirm_warnings=True)
    assert view.status == Status.IN_PROCESS
    assert view.events[0].data["warnings_confirmed"] == {"nik": confirm.value.warnings["requester.nik"]}
    assert counts(desk)["requests"] == before["requests"] + 1


def test_phone_stored_in_e164_and_shown_nationally(desk: DeskServices, supervisor: Actor, walk_in) -> None:
    view = desk.register.receive(supervisor, walk_in())
    assert view.requester.phone == "+6281234567890"
    assert view.requester.phone_display.startswith("0812")


def test_returning_requester_is_reused_and_changes_recorded(
    desk: DeskServices, supervisor: Actor, walk_in
) -> None:
    first = desk.register.receive(supervisor, walk_in())
    second = desk.register.receive(
        supervisor, walk_in(requester={"phone": "0857-1122-3344", "address": "Jl. Baru No. 1, Serang"})
    )
    assert second.requester.id == first.requester.id
    assert counts(desk)["requesters"] == 1
    changed = second.events[0].data["requester_updated"]
    assert changed["phone"] == {"old": "+6281234567890", "new": "+6285711223344"}
    assert changed["address"]["new"] == "Jl. Baru No. 1, Serang"
    assert set(changed) == {"phone", "address"}
    # the earlier request keeps the phone it recorded (app/services/identity.py)
    assert desk.register.get(supervisor, first.number).requester.phone == "+6281234567890"
    assert desk.register.get(supervisor, second.number).requester.phone == "+6285711223344"
    same_again = desk.register.receive(
        supervisor, walk_in(requester={"phone": "0857-1122-3344", "address": "Jl. Baru No. 1, Serang"})
    )
    assert same_again.events[0].data["requester_updated"] == {}


def test_full_nik_is_not_stored_in_clear(desk: DeskServices, officer: Actor, walk_in) -> None:
    nik = walk_in()["requester"]["nik"]
    desk.register.receive(officer, walk_in())
    raw = Path(desk.ctx.db.path).read_bytes()
    wal = Path(str(desk.ctx.db.path) + "-wal")
    if wal.exists():
        raw += wal.read_bytes()
    assert nik.encode() not in raw


def test_officer_sees_masked_personal_data(
    desk: DeskServices, officer: Actor, supervisor: Actor, walk_in
) -> None:
    nik = walk_in()["requester"]["nik"]
    as_officer = desk.register.receive(officer, walk_in())
    assert as_officer.requester.nik != nik
    assert as_officer.requester.nik == as_officer.requester.nik_masked
    assert as_officer.requester.phone is None
    assert "3456" not in (as_officer.requester.phone_display or "")
    as_supervisor = desk.register.get(supervisor, as_officer.number)
    assert as_supervisor.requester.nik == nik


# --- one transaction per intent --------------------------------------------------------------------------


def test_receive_writes_one_event_one_audit_one_outbox(desk: DeskServices, officer: Actor, walk_in) -> None:
    before = counts(desk)
    view = desk.register.receive(officer, walk_in())
    after = counts(desk, view.number)
    for table in ("requests", "events", "audit_log", "outbox_ops", "requesters"):
        assert after[table] == before[table] + 1, table
    assert after["request_events"] == 1
    assert view.version == 1


def test_failure_after_counter_advance_rolls_everything_back(
    desk: DeskServices, officer: Actor, walk_in, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = desk.register.receive(officer, walk_in()).number
    before = counts(desk)

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("listrik padam")

    monkeypatch.setattr(register_module, "index_request", explode)
    with pytest.raises(RuntimeError):
        desk.register.receive(
            officer, walk_in(requester={"name": "Budi Santoso"}), identity=IdentityAnswer.SAME_PERSON
        )
    assert counts(desk) == before
    monkeypatch.undo()
    second = desk.register.receive(officer, walk_in()).number
    assert (first, second) == ("CPJ/2026/A-0001", "CPJ/2026/A-0002")


def test_counter_advance_inside_a_failed_transaction_does_not_stick(desk: DeskServices) -> None:
    with pytest.raises(RuntimeError), desk.ctx.db.transaction() as session:
        assert next_counter(session, "request:2026") == 1
        raise RuntimeError("gagal sesudah nomor diambil")
    with desk.ctx.db.transaction() as session:
        assert next_counter(session, "request:2026") == 1


# --- numbering -------------------------------------------------------------------------------------------


def _seq(number: str) -> int:
    return int(number.rsplit("-", 1)[1])


def test_numbers_unique_and_increasing_within_a_year(desk: DeskServices, officer: Actor, walk_in) -> None:
    numbers = [desk.register.receive(officer, walk_in()).number for _ in range(6)]
    assert len(set(numbers)) == len(numbers)
    assert [_seq(n) for n in numbers] == sorted(_seq(n) for n in numbers)
    assert all(n.startswith("CPJ/2026/A-") for n in numbers)
    assert _seq(numbers[-1]) - _seq(numbers[0]) == len(numbers) - 1


def test_new_year_restarts_the_sequence(desk: DeskServices, officer: Actor, clock, walk_in) -> None:
    clock.now = datetime(2025, 12, 30, 10, 0)
    old = [desk.register.receive(officer, walk_in()).number for _ in range(2)]
    clock.now = datetime(2026, 1, 5, 8, 0)
    new = desk.register.receive(officer, walk_in()).number
    late_entry = desk.register.receive(officer, walk_in(received_at="2025-12-31T15:00")).number
    assert old == ["CPJ/2025/A-0001", "CPJ/2025/A-0002"]
    assert new == "CPJ/2026/A-0001"
    assert late_entry == "CPJ/2025/A-0003"  # a back-dated intake takes the next number of its own year


def test_voided_request_keeps_its_number_and_it_is_not_reused(
    desk: DeskServices, officer: Actor, supervisor: Actor, walk_in
) -> None:
    number = desk.register.receive(officer, walk_in()).number
    voided = desk.actions.act(supervisor, number, "void", BODIES["void"])
    assert voided.number == number and voided.status == Status.VOID
    following = desk.register.receive(officer, walk_in()).number
    assert following != number
    assert _seq(following) == _seq(number) + 1
    assert desk.register.get(officer, number).status == Status.VOID


def test_two_desks_never_issue_the_same_number(tmp_path: Path, clock, walk_in) -> None:
    issued: list[str] = []
    for letter in ("A", "B"):
        services = DeskServices.open(tmp_path / f"meja-{letter}", clock=clock)
        try:
            admin = services.office.setup(
                office_code="CPJ",
                office_name="Kecamatan Cipocok Jaya",
                admin_username="admin",
                admin_password="rahasia123",
                desk_letter=letter,
            )
            issued += [services.register.receive(admin, walk_in()).number for _ in range(3)]
        finally:
            services.close()
    assert len(set(issued)) == 6
    assert {n.split("/")[2][0] for n in issued} == {"A", "B"}


def test_unique_constraint_guards_number(desk: DeskServices, officer: Actor, walk_in) -> None:
    """Even a bug that rendered the same number twice could not store it twice."""
    from sqlalchemy.exc import IntegrityError

    number = desk.register.receive(officer, walk_in()).number
    with pytest.raises(IntegrityError, match="UNIQUE"), desk.ctx.db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO requests SELECT 'dup-id', number, office_code, desk_letter, year, seq + 1000, "
                + ", ".join(
                    c
                    for c in _columns(desk)
                    if c not in ("id", "number", "office_code", "desk_letter", "year", "seq")
                )
                + " FROM requests WHERE number = :n"
            ),
            {"n": number},
        )


def _columns(desk: DeskServices) -> list[str]:
    with desk.ctx.db.read_engine.connect() as conn:
        return [r[1] for r in conn.execute(text("PRAGMA table_info(requests)"))]


def test_find_requesters(desk: DeskServices, officer: Actor, walk_in) -> None:
    desk.register.receive(officer, walk_in())
    nik = walk_in()["requester"]["nik"]
    for query in (nik, "Siti", "0812-3456-7890", "081234567890"):
        found = desk.register.find_requesters(officer, query)
        assert [r.name for r in found] == ["Siti Aminah"], query
    assert desk.register.find_requesters(officer, "Budi") == []
    assert desk.register.find_requesters(officer, "  ") == []


def test_receive_requires_an_office(tmp_path: Path, clock, walk_in) -> None:
    from app.domain.permissions import Role
    from app.errors import NotFound
    from app.services.context import Actor as A

    services = DeskServices.open(tmp_path / "kosong", clock=clock)
    try:
        with pytest.raises(NotFound, match="Kantor belum disiapkan"):
            services.register.receive(A("x", "x", "X", Role.ADMIN), walk_in())
    finally:
        services.close()


def test_permission_denied_message_is_indonesian(desk: DeskServices, officer: Actor) -> None:
    with pytest.raises(PermissionDenied, match="tidak berwenang membatalkan permohonan"):
        desk.actions.act(officer, "CPJ/2026/A-0001", "void", BODIES["void"])


def test_concurrent_intakes_on_one_register_get_distinct_consecutive_numbers(
    desk: DeskServices, officer: Actor, clock, walk_in
) -> None:
    """Two windows (two service instances, as two processes would be) on the same file, writing at once."""
    import threading

    other = DeskServices.open(desk.ctx.data_dir, clock=clock)
    issued: list[str] = []
    errors: list[BaseException] = []

    def intake(services: DeskServices) -> None:
        try:
            for _ in range(8):
                issued.append(services.register.receive(officer, walk_in()).number)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=intake, args=(s,)) for s in (desk, other, desk)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        other.close()
    assert errors == []
    assert sorted(_seq(n) for n in issued) == list(range(1, 25))
    assert counts(desk)["requests"] == 24


def test_find_requesters_by_name_does_not_reveal_nik_to_an_officer(
    desk: DeskServices, supervisor: Actor, officer: Actor, walk_in
) -> None:
    nik = walk_in()["requester"]["nik"]
    desk.register.receive(supervisor, walk_in())
    found = desk.register.find_requesters(officer, "S")
    assert [r.name for r in found] == ["Siti Aminah"]
    assert found[0].nik != nik


def test_viewing_full_personal_data_is_audited(
    desk: DeskServices, supervisor: Actor, officer: Actor, walk_in
) -> None:
    number = desk.register.receive(officer, walk_in()).number
    before = counts(desk)["audit_log"]
    assert desk.register.get(supervisor, number).requester.nik == walk_in()["requester"]["nik"]
    assert counts(desk)["audit_log"] == before + 1


def test_officer_reuses_a_returning_requester_by_id_without_seeing_the_nik(
    desk: DeskServices, supervisor: Actor, officer: Actor, walk_in
) -> None:
    first = desk.register.receive(supervisor, walk_in())
    found = desk.register.find_requesters(officer, "Siti")
    assert found[0].nik == found[0].nik_masked  # masked for the officer
    again = walk_in(requester={"id": found[0].id, "nik": found[0].nik, "phone": "0813-1111-2222"})
    second = desk.register.receive(officer, again)
    assert second.requester.id == first.requester.id
    assert desk.register.get(supervisor, second.number).requester.nik == walk_in()["requester"]["nik"]
    assert (
        "requester_updated" in second.events[0].data and second.events[0].data["requester_updated"]["phone"]
    )


def test_full_nik_never_reaches_file_after_correction_either(
    desk: DeskServices, supervisor: Actor, walk_in
) -> None:
    """Events, audit details and outbox payloads hold the masked form only, also for a corrected NIK."""
    number = desk.register.receive(supervisor, walk_in()).number
    new_nik = "3673051203900007"
    body = {"field": "requester.nik", "value": new_nik, "reason": "salah ketik NIK"}
    desk.actions.act(supervisor, number, "correct", body)
    desk.close()  # checkpoint the WAL so the main file holds everything
    raw = Path(desk.ctx.db.path).read_bytes()
    assert new_nik.encode() not in raw
    assert walk_in()["requester"]["nik"].encode() not in raw

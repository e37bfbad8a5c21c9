"""A number shown is a number kept (issue 13 item 9): a retried intake is caught before a second number.

An intake killed between its commit and the receipt registered a person whose number was never shown; the retry
registered them twice. ``receive`` now refuses (``PossibleDuplicate``, nothing saved) when the same NIK, or the
same name and phone, asked for similar information within the hour, and records the officer's decision.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text
from svc_helpers import counts

from app.errors import PossibleDuplicate
from app.services.duplicates import DuplicateCheck, similar

ASK, CONFIRMED = DuplicateCheck.ASK, DuplicateCheck.CONFIRMED


def _audit(desk, action: str) -> list[str]:  # type: ignore[no-untyped-def]
    with desk.ctx.db.read_engine.connect() as conn:
        return (
            conn.execute(text("SELECT details FROM audit_log WHERE action = :a"), {"a": action})
            .scalars()
            .all()
        )


def test_the_same_nik_asking_again_within_the_hour_is_refused_and_nothing_is_saved(
    desk, officer, walk_in, clock
):
    first = desk.register.receive(officer, walk_in(), duplicates=ASK)
    before = counts(desk)
    clock.now += timedelta(minutes=20)
    retry = walk_in(
        received_at=clock.now.isoformat(),
        information="salinan DPA kecamatan Cipocok Jaya, tahun anggaran 2025.",  # retyped, not copied
        requester={"name": "SITI AMINAH", "phone": "0877-1111-2222"},  # same NIK, other details
    )
    with pytest.raises(PossibleDuplicate) as refused:
        desk.register.receive(officer, retry, duplicates=ASK)
    assert refused.value.numbers == [first.number]
    assert first.number in str(refused.value) and "satu jam terakhir" in str(refused.value)
    assert counts(desk) == before  # nothing written: no request, event, audit entry


def test_the_same_name_and_phone_without_a_nik_is_caught_too(desk, officer, walk_in):
    badan = walk_in(requester={"kind": "badan_hukum", "nik": None, "name": "Yayasan Cahaya",
                               "legal_number": "AHU-1"}, documents=["sk_pengesahan"])  # fmt: skip
    first = desk.register.receive(officer, badan)
    with pytest.raises(PossibleDuplicate):
        desk.register.receive(
            officer, dict(badan, requester={**badan["requester"], "legal_number": "AHU-2"}), duplicates=ASK
        )
    other_name = dict(
        badan, requester={**badan["requester"], "name": "Yayasan Lain", "legal_number": "AHU-3"}
    )
    assert (
        desk.register.receive(officer, other_name, duplicates=ASK).number != first.number
    )  # same phone, other person


def test_other_information_or_an_earlier_hour_is_a_new_request(desk, officer, walk_in, clock):
    desk.register.receive(officer, walk_in(), duplicates=ASK)
    other = desk.register.receive(
        officer, walk_in(information="Daftar penerima bantuan sosial 2025"), duplicates=ASK
    )
    assert other.number.endswith("0002")
    clock.now += timedelta(minutes=61)
    later = desk.register.receive(officer, walk_in(received_at=clock.now.isoformat()), duplicates=ASK)
    assert later.number.endswith("0003")


def test_a_voided_request_does_not_count(desk, officer, supervisor, walk_in):
    first = desk.register.receive(officer, walk_in(), duplicates=ASK)
    desk.actions.act(supervisor, first.number, "void", {"reason": "Salah input, diulang."})
    assert desk.register.receive(officer, walk_in(), duplicates=ASK).number.endswith("0002")


def test_the_officers_decision_to_continue_is_on_the_timeline_and_in_the_audit(desk, officer, walk_in):
    first = desk.register.receive(officer, walk_in(), duplicates=ASK)
    second = desk.register.receive(officer, walk_in(), duplicates=CONFIRMED)
    assert second.number != first.number
    receipt = second.events[0]
    assert first.number in receipt.summary and "meski mirip" in receipt.summary
    assert receipt.data["similar_to"] == [first.number]
    assert any(
        first.number in str(d) and second.number in str(d)
        for d in _audit(desk, "request_duplicate_confirmed")
    )


def test_the_officers_decision_to_use_the_earlier_number_is_audited(desk, officer, walk_in):
    first = desk.register.receive(officer, walk_in(), duplicates=ASK)
    desk.register.record_duplicate_declined(officer, first.number)
    assert any(first.number in str(d) for d in _audit(desk, "request_duplicate_declined"))


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("Salinan DPA 2025", "salinan dpa 2025.", True),
        ("Salinan DPA Kecamatan 2025", "Salinan DPA Kecamatan tahun 2025", True),
        ("Salinan DPA 2025", "Daftar penerima bansos 2024", False),
        ("Salinan DPA 2025", "Salinan DPA 2024", False),  # another year is another request
        ("Dokumen nomor 0", "Dokumen nomor 1", False),
        ("", "Salinan DPA", False),
    ],
)
def test_similar_information(a: str, b: str, alike: bool) -> None:
    assert similar(a, b) is alike


def test_an_import_or_seeding_registers_what_it_is_given_and_records_no_decision(desk, officer, walk_in):
    first = desk.register.receive(officer, walk_in())
    second = desk.register.receive(officer, walk_in())  # the default: not an officer's intake
    assert second.number != first.number and "similar_to" not in second.events[0].data
    third = desk.register.receive(officer, walk_in(information="Hal lain sama sekali"), duplicates=CONFIRMED)
    assert "similar_to" not in third.events[0].data and not _audit(desk, "request_duplicate_confirmed")


def test_the_same_name_and_phone_with_another_nik_is_another_person(desk, officer, walk_in):
    desk.register.receive(officer, walk_in())
    namesake = walk_in(requester={"nik": "3673011506850002"})  # same name and family phone, own NIK
    assert desk.register.receive(officer, namesake, duplicates=ASK).number.endswith("0002")

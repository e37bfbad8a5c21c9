"""Reading the register: search (name, full NIK, number, trigram free text), filters, sorting, paging, and
personal data masked for an officer."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest
from svc_helpers import BODIES

from app.domain.lifecycle import Status
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.register_query import RegisterFilter

SITI_NIK = "3673054512850012"
BUDI_NIK = "3673051203900007"


@pytest.fixture
def register(desk: DeskServices, supervisor: Actor, clock, walk_in) -> dict[str, str]:
    """Four requests on different days, channels, kinds and statuses; returns name -> number."""
    numbers: dict[str, str] = {}
    clock.now = datetime(2026, 3, 2, 9, 0)
    numbers["siti"] = desk.register.receive(supervisor, walk_in()).number
    clock.now = datetime(2026, 3, 10, 10, 0)
    numbers["budi"] = desk.register.receive(
        supervisor,
        walk_in(
            channel="email",
            complete=False,
            missing_items=["Fotokopi KTP"],
            information="Dokumen kontrak normalisasi drainase Jalan Raya Petir",
            requester={"name": "Budi Santoso", "nik": BUDI_NIK, "phone": "0857-1122-3344", "email": None},
        ),
    ).number
    clock.now = datetime(2026, 3, 16, 11, 0)
    numbers["yayasan"] = desk.register.receive(
        supervisor,
        walk_in(
            channel="surat",
            complete=False,
            documents=["sk_pengesahan"],
            information="Daftar penerima bantuan sosial 2025",
            requester={
                "kind": "badan_hukum",
                "name": "Yayasan Peduli Serang",
                "nik": None,
                "legal_number": "AHU-0012345.AH.01.04.Tahun 2020",
                "email": "yayasan@example.id",
                "phone": None,
            },
        ),
    ).number
    clock.now = datetime(2026, 3, 17, 8, 0)
    numbers["batal"] = desk.register.receive(
        supervisor, walk_in(requester={"name": "Siti Aminah"}, information="Salinan SK camat")
    ).number
    desk.actions.act(supervisor, numbers["batal"], "void", BODIES["void"])
    return numbers


def _numbers(desk: DeskServices, actor: Actor, **kwargs: Any) -> set[str]:
    flt = RegisterFilter(today=date(2026, 3, 18), **kwargs)
    rows = desk.query.rows(actor, flt)
    assert desk.query.count(actor, flt) == len(rows)
    return {r.number for r in rows}


def test_search_by_name(desk: DeskServices, officer: Actor, register: dict[str, str]) -> None:
    assert _numbers(desk, officer, text="Budi") == {register["budi"]}
    assert _numbers(desk, officer, text="santoso") == {register["budi"]}
    assert _numbers(desk, officer, text="Bu") == {register["budi"]}  # short: name prefix
    assert _numbers(desk, officer, text="Siti Aminah") == {register["siti"], register["batal"]}


def test_search_by_full_nik(desk: DeskServices, officer: Actor, register: dict[str, str]) -> None:
    assert _numbers(desk, officer, text=BUDI_NIK) == {register["budi"]}
    assert _numbers(desk, officer, text=SITI_NIK) == {register["siti"], register["batal"]}
    assert _numbers(desk, officer, text="3673059999990001") == set()


def test_search_by_number(desk: DeskServices, officer: Actor, register: dict[str, str]) -> None:
    assert _numbers(desk, officer, text=register["yayasan"]) == {register["yayasan"]}
    assert _numbers(desk, officer, text="CPJ/2026/A-") == set(register.values())


def test_free_text_word_prefixes(desk: DeskServices, officer: Actor, register: dict[str, str]) -> None:
    assert _numbers(desk, officer, text="drainase") == {register["budi"]}
    assert _numbers(desk, officer, text="DRAIN") == {register["budi"]}  # as typed so far, any case
    assert _numbers(desk, officer, text="rainas") == set()  # word beginnings, not the middle of words
    assert _numbers(desk, officer, text="bantuan sos") == {register["yayasan"]}  # every word must match
    assert _numbers(desk, officer, text="bantuan sosial") == {register["yayasan"]}
    assert _numbers(desk, officer, text="AHU-0012345") == {register["yayasan"]}
    assert _numbers(desk, officer, text='kutip "aneh') == set()  # quotes cannot break the query
    assert _numbers(desk, officer, text="xyzzy") == set()


def test_search_follows_corrections(
    desk: DeskServices, supervisor: Actor, officer: Actor, register: dict[str, str]
) -> None:
    body = {"field": "requester.name", "value": "Budi Santosa Wijaya", "reason": "Salah ketik nama"}
    desk.actions.act(supervisor, register["budi"], "correct", body)
    assert _numbers(desk, officer, text="Wijaya") == {register["budi"]}


def test_filters(desk: DeskServices, officer: Actor, register: dict[str, str]) -> None:
    assert _numbers(desk, officer, statuses=(Status.INCOMPLETE.value,)) == {register["budi"]}
    assert _numbers(desk, officer, statuses=(Status.VOID.value, Status.VERIFICATION.value)) == {
        register["batal"],
        register["yayasan"],
    }
    assert _numbers(desk, officer, include_void=False) == set(register.values()) - {register["batal"]}
    assert _numbers(desk, officer, date_from=date(2026, 3, 10), date_to=date(2026, 3, 16)) == {
        register["budi"],
        register["yayasan"],
    }
    assert _numbers(desk, officer, date_to=date(2026, 3, 2)) == {register["siti"]}
    assert _numbers(desk, officer, channel="email") == {register["budi"]}
    assert _numbers(desk, officer, requester_kind="badan_hukum") == {register["yayasan"]}
    assert _numbers(desk, officer, text="Siti", include_void=False) == {register["siti"]}


def test_overdue(desk: DeskServices, officer: Actor, register: dict[str, str]) -> None:
    view = desk.register.get(officer, register["budi"])
    assert view.due_completion is not None
    flt = RegisterFilter(overdue_only=True, today=view.due_completion)
    assert register["budi"] not in {r.number for r in desk.query.rows(officer, flt)}
    later = replace(flt, today=date(2026, 6, 1))
    overdue = {r.number for r in desk.query.rows(officer, later)}
    assert overdue == {register["siti"], register["budi"], register["yayasan"]}  # not the voided one
    rows = desk.query.rows(officer, RegisterFilter(today=date(2026, 6, 1)))
    assert {r.number for r in rows if r.overdue} == overdue


def test_sorting(desk: DeskServices, officer: Actor, register: dict[str, str]) -> None:
    by_number = [r.number for r in desk.query.rows(officer, order_by="number", descending=False)]
    assert by_number == sorted(register.values())
    by_received = [r.received_at for r in desk.query.rows(officer, order_by="received_at")]
    assert by_received == sorted(by_received, reverse=True)
    by_name = [r.name for r in desk.query.rows(officer, order_by="name", descending=False)]
    assert by_name == sorted(by_name)
    assert desk.query.ids(officer, order_by="number", descending=False) == by_number


def test_paging(desk: DeskServices, officer: Actor, register: dict[str, str]) -> None:
    total = desk.query.count(officer)
    pages = [
        [r.number for r in desk.query.rows(officer, offset=offset, limit=3, order_by="number")]
        for offset in range(0, total, 3)
    ]
    flat = [n for page in pages for n in page]
    assert len(flat) == len(set(flat)) == total == len(register)
    assert [len(p) for p in pages] == [3, 1]
    assert [r.number for r in desk.query.all_rows(officer, chunk=2, order_by="number")] == sorted(flat)


def test_personal_data_masked_for_officer(
    desk: DeskServices, officer: Actor, supervisor: Actor, register: dict[str, str]
) -> None:
    flt = RegisterFilter(text=BUDI_NIK)
    as_officer = desk.query.rows(officer, flt)[0]
    as_supervisor = desk.query.rows(supervisor, flt)[0]
    assert BUDI_NIK not in str(as_officer.to_dict())
    assert BUDI_NIK not in str(as_supervisor.to_dict())  # the register never shows a full NIK
    assert as_officer.nik_masked and as_officer.nik_masked.endswith("0007")
    assert "1122" not in as_officer.contact
    assert "3344" in as_officer.contact
    assert "1122" in as_supervisor.contact


def test_search_finds_every_request_of_a_renamed_requester(
    desk: DeskServices, supervisor: Actor, officer: Actor, register: dict[str, str]
) -> None:
    body = {"field": "requester.name", "value": "Siti Aminah Rahayu", "reason": "Nama lengkap sesuai KTP"}
    desk.actions.act(supervisor, register["siti"], "correct", body)
    # the correction is recorded on one request: that one shows the corrected name, the other keeps the name it
    # recorded at its intake (issue 12: the requester as recorded); search by the new name finds both
    names = {r.number: r.name for r in desk.query.rows(officer)}
    assert names[register["siti"]] == "Siti Aminah Rahayu" and names[register["batal"]] == "Siti Aminah"
    assert _numbers(desk, officer, text="Rahayu") == {register["siti"], register["batal"]}


def test_text_search_with_a_period_and_paging_newest_first(
    desk: DeskServices, officer: Actor, register: dict[str, str]
) -> None:
    """Text-only searches walk the date index (their own SQL path): periods, order and pages must match."""
    siti_both = {register["siti"], register["batal"]}
    assert _numbers(desk, officer, text="siti") == siti_both
    assert _numbers(desk, officer, text="siti", date_from=date(2026, 3, 17)) == {register["batal"]}
    assert _numbers(desk, officer, text="siti", date_to=date(2026, 3, 16)) == {register["siti"]}
    assert (
        _numbers(desk, officer, text="siti", date_from=date(2026, 3, 3), date_to=date(2026, 3, 16)) == set()
    )
    newest = [r.number for r in desk.query.rows(officer, RegisterFilter(text="siti"), limit=1)]
    older = [r.number for r in desk.query.rows(officer, RegisterFilter(text="siti"), offset=1, limit=1)]
    assert newest + older == [register["batal"], register["siti"]]
    oldest_first = desk.query.rows(officer, RegisterFilter(text="siti"), descending=False)
    assert [r.number for r in oldest_first] == [register["siti"], register["batal"]]

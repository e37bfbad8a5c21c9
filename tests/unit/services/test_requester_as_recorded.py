"""The requester as recorded (issue 12 item 3): each request keeps the identity given at its intake, and a NIK
registered under another name is asked, never decided silently."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select, text
from svc_helpers import counts

from app.errors import IdentityQuestion
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.identity import IdentityAnswer
from app.services.register_query import RegisterFilter
from db.models import Requester
from tests.unit.documents.doc_samples import pdf_text

NAMES = ("Siti Aminah", "Siti Aminah Lubis", "Sitti Aminah")
ADDRESSES = ("Jl. Bhayangkara No. 5, Serang", "Jl. Ciwaru No. 12, Serang", "Kp. Kaloran RT 02, Serang")


def _three(desk: DeskServices, actor: Actor, walk_in: Any, clock: Any) -> list[str]:
    """Three requests by one NIK, each under the name (and address) given that day."""
    numbers = []
    for i, (name, address) in enumerate(zip(NAMES, ADDRESSES, strict=True)):
        answer = IdentityAnswer.ASK if i == 0 else IdentityAnswer.SAME_PERSON
        view = desk.register.receive(
            actor,
            walk_in(
                requester={"name": name, "address": address}, information=f"Salinan dokumen nomor {i + 1}"
            ),
            identity=answer,
        )
        numbers.append(view.number)
        clock.now = clock.now + dt.timedelta(hours=2)
    return numbers


def test_a_nik_under_another_name_is_asked_and_nothing_is_saved(
    desk: DeskServices, officer: Actor, walk_in: Any
) -> None:
    desk.register.receive(officer, walk_in())
    before = counts(desk)
    for answer in (IdentityAnswer.ASK, IdentityAnswer.NIK_CORRECTED):
        with pytest.raises(IdentityQuestion) as caught:
            desk.register.receive(officer, walk_in(requester={"name": "Budi Santoso"}), identity=answer)
        assert caught.value.stored_name == "Siti Aminah" and caught.value.typed_name == "Budi Santoso"
        assert "salah ketik" in str(caught.value)
    assert counts(desk) == before
    # the same name in other letter case or spacing is not a different name
    desk.register.receive(
        officer, walk_in(requester={"name": "SITI  aminah"}, information="Dokumen lain saja")
    )


def test_same_person_answer_is_on_the_timeline(desk: DeskServices, officer: Actor, walk_in: Any) -> None:
    desk.register.receive(officer, walk_in())
    view = desk.register.receive(
        officer, walk_in(requester={"name": "Siti Aminah Lubis"}), identity=IdentityAnswer.SAME_PERSON
    )
    event = view.events[0]
    assert event.data["identity"]["answer"] == "same_person"
    assert event.data["identity"]["previous_name"] == "Siti Aminah"
    assert "orang yang sama" in event.summary and "Siti Aminah Lubis" in event.summary
    assert counts(desk)["requesters"] == 1


def test_nik_corrected_answer_is_on_the_timeline(desk: DeskServices, officer: Actor, walk_in: Any) -> None:
    desk.register.receive(officer, walk_in())
    other_nik = "3673050101900003"
    view = desk.register.receive(
        officer,
        walk_in(requester={"name": "Budi Santoso", "nik": other_nik}),
        identity=IdentityAnswer.NIK_CORRECTED,
    )
    assert view.events[0].data["identity"]["answer"] == "nik_corrected"
    assert "NIK diperbaiki" in view.events[0].summary
    assert counts(desk)["requesters"] == 2


def test_three_requests_by_one_nik_keep_their_own_names(
    desk: DeskServices, supervisor: Actor, walk_in: Any, clock: Any, tmp_path: Path
) -> None:
    numbers = _three(desk, supervisor, walk_in, clock)
    # the requester's current record carries the latest name; each request the one it recorded
    with desk.ctx.db.reader() as session:
        assert [r.name for r in session.scalars(select(Requester))] == [NAMES[-1]]
    for number, name, address in zip(numbers, NAMES, ADDRESSES, strict=True):
        view = desk.register.get(supervisor, number)
        assert (view.requester.name, view.requester.address) == (name, address)
        for kind in ("receipt", "form"):
            printed = pdf_text(desk.letters.issue(supervisor, kind, number).pdf)
            assert name in printed, (kind, number)
            assert all(other not in printed for other in NAMES if other not in name), (kind, number)
    rows = desk.query.rows(supervisor, RegisterFilter(), order_by="received_at")
    assert {r.number: r.name for r in rows} == dict(zip(numbers, NAMES, strict=True))
    day = clock.now.date()
    register = pdf_text(desk.letters.register_pdf(supervisor, day - dt.timedelta(days=1), day)[0])
    assert all(name in register for name in NAMES)
    assert register.index(NAMES[0]) < register.index(NAMES[1]) < register.index(NAMES[2])
    out = tmp_path / "register.xlsx"
    desk.export.export(supervisor, out=out)
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    cells = {str(c.value) for row in sheet.iter_rows() for c in row if c.value}
    assert set(NAMES) <= cells
    dossier = pdf_text(desk.letters.dossier_pdf(supervisor, numbers[0])[0])
    assert NAMES[0] in dossier and ADDRESSES[0] in dossier


def test_a_request_is_found_by_its_recorded_and_current_name(
    desk: DeskServices, supervisor: Actor, walk_in: Any, clock: Any
) -> None:
    numbers = _three(desk, supervisor, walk_in, clock)

    def found(needle: str) -> set[str]:
        return {r.number for r in desk.query.rows(supervisor, RegisterFilter(text=needle))}

    assert found("Lubis") == {numbers[1]}  # the name only the second request recorded
    assert found("Sitti") == set(numbers)  # the current name finds every request of the person


def test_a_correction_changes_only_the_corrected_request(
    desk: DeskServices, supervisor: Actor, walk_in: Any, clock: Any
) -> None:
    numbers = _three(desk, supervisor, walk_in, clock)
    desk.actions.act(
        supervisor,
        numbers[1],
        "correct",
        {"field": "requester.name", "value": "Siti Aminah Lubis S.Pd.", "reason": "Gelar tertinggal"},
    )
    names = [desk.register.get(supervisor, n).requester.name for n in numbers]
    assert names == [NAMES[0], "Siti Aminah Lubis S.Pd.", NAMES[2]]


def test_the_recorded_identity_travels_with_the_request(
    desk: DeskServices, officer: Actor, walk_in: Any
) -> None:
    number = desk.register.receive(officer, walk_in()).number
    with desk.ctx.db.reader() as session:
        payloads = [
            str(p)
            for (p,) in session.execute(text("SELECT payload FROM outbox_ops WHERE entity = 'request'"))
        ]
    assert payloads and '"requester_recorded"' in payloads[0] and '"Siti Aminah"' in payloads[0]
    assert "3673054512850012" not in payloads[0]  # the NIK only masked, as everywhere on the wire
    assert number


def test_a_malformed_recorded_identity_falls_back_to_the_requester(
    desk: DeskServices, supervisor: Actor, walk_in: Any
) -> None:
    """Trust nothing that arrives: a ``requester_recorded`` that is not a mapping of texts (a hostile or broken
    pull) is ignored field by field rather than printed or crashing the register."""
    number = desk.register.receive(supervisor, walk_in()).number
    for bad in ('"just text"', '{"name": 42, "address": "Jl. Lain No. 1", "nik_hash": "x"}'):
        with desk.ctx.db.transaction() as session:
            session.execute(text("UPDATE requests SET requester_recorded = :v"), {"v": bad})
        view = desk.register.get(supervisor, number)
        assert view.requester.name == "Siti Aminah"
        rows = desk.query.rows(supervisor, RegisterFilter())
        assert rows[0].name == "Siti Aminah"
    assert view.requester.address == "Jl. Lain No. 1"


def test_a_field_left_empty_at_intake_stays_empty_on_that_request(
    desk: DeskServices, supervisor: Actor, walk_in: Any
) -> None:
    """An empty field is not stored in the recorded identity (a register keeps one per request); it still reads
    as empty on that request after the requester gives it on a later visit."""
    first = desk.register.receive(supervisor, walk_in(requester={"email": None})).number
    with desk.ctx.db.reader() as session:
        stored = session.execute(text("SELECT requester_recorded FROM requests")).scalar_one()
    assert '"email"' not in str(stored) and '"legal_number"' not in str(stored)
    later = desk.register.receive(
        supervisor, walk_in(requester={"email": "siti@example.id"}, information="Salinan dokumen lain")
    ).number
    assert desk.register.get(supervisor, later).requester.email == "siti@example.id"
    assert desk.register.get(supervisor, first).requester.email is None

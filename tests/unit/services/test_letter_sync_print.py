"""An issued letter is rendered once (issue 16, item 12): the synced copy's fingerprint is the original's when the
copy differs only in the requester's NIK field and the letter does not print that field; it is rendered and
hashed only when it would print differently. Checked against real renders and the PDFs' text."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from pdf_text import pdf_text as _text
from sqlalchemy import select

import app.services.letters as letters_module
from app.documents.kinds import DOCUMENT_KINDS
from app.documents.rendering import render
from app.documents.samples import sample
from app.documents.snapshot import Snapshot
from app.services.letter_sync import PRINTS_NIK
from app.services.letters import pdf_sha256
from db.models import OutboxOp
from tests.conftest import VALID_NIK

NIK = "3673011506850001"


def test_the_kinds_that_print_the_nik_are_named():
    printing = set()
    for kind in DOCUMENT_KINDS:
        try:
            snap = sample(kind)
        except (KeyError, ValueError):
            continue
        requester = getattr(snap, "requester", None)
        if requester is None:
            continue
        snap = dataclasses.replace(snap, requester=dataclasses.replace(requester, nik=NIK))
        if NIK in _text(render(snap)).replace(" ", ""):
            printing.add(kind)
    assert printing == PRINTS_NIK


@pytest.fixture
def renders(monkeypatch) -> list[str]:
    """Every render the letters service makes, by kind."""
    made: list[str] = []
    real = letters_module.render

    def counting(snapshot: Snapshot, paper: str | None = None) -> bytes:
        made.append(snapshot.KIND)
        return real(snapshot, paper)

    monkeypatch.setattr(letters_module, "render", counting)
    return made


def _synced(desk) -> dict[str, Any]:
    with desk.ctx.db.reader() as s:
        op = s.scalars(
            select(OutboxOp).where(OutboxOp.entity == "letter").order_by(OutboxOp.seq.desc())
        ).first()
        return dict(op.payload["state"])


def _render_stored(stored: dict[str, Any]) -> bytes:
    data = dict(stored)
    paper = str(data.pop("paper", "A4"))
    return render(Snapshot.from_dict(data), paper)


def test_a_receipt_is_rendered_once_and_its_copy_prints_the_same(desk, admin, walk_in, renders):
    view = desk.register.receive(admin, walk_in(), confirm_warnings=True)
    issued = desk.letters.issue(admin, "receipt", view.number)
    assert renders == ["receipt"]
    state = _synced(desk)
    assert state["masked"] is True and VALID_NIK not in str(state["snapshot"])  # the NIK never leaves
    assert state["sha256"] == issued.sha256 == pdf_sha256(_render_stored(state["snapshot"]))


def test_a_nik_in_printed_text_still_gets_the_copys_own_fingerprint(desk, admin, walk_in, renders):
    data = walk_in(information=f"Salinan surat keterangan atas nama NIK {VALID_NIK}")
    view = desk.register.receive(admin, data, confirm_warnings=True)
    issued = desk.letters.issue(admin, "receipt", view.number)
    assert len(renders) == 2  # the copy prints differently: rendered to be hashed
    state = _synced(desk)
    assert state["sha256"] != issued.sha256
    assert state["sha256"] == pdf_sha256(_render_stored(state["snapshot"]))


def test_the_form_prints_the_nik_so_its_copy_is_rendered(desk, admin, walk_in, renders: list[str]):
    view = desk.register.receive(admin, walk_in(), confirm_warnings=True)
    desk.letters.issue(admin, "form", view.number)
    assert renders == ["form", "form"]
    state = _synced(desk)
    assert state["sha256"] == pdf_sha256(_render_stored(state["snapshot"]))

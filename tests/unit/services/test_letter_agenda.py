"""The agenda's view-facing parts (``app/services/letter_agenda.py``): the issuer's full name and the paper of
every line, narrowing by kind and text, spreadsheet-safe exports and the printed agenda (its PDF text)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pypdf
from openpyxl import load_workbook

from app.domain.lifecycle import Status
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.letter_agenda import LetterAgenda, matching

FORMULA_NAME = '=HYPERLINK("http://x","Klik")'


def _issue_two(desk: DeskServices, supervisor: Actor, to_state: Callable[[Status], str]) -> tuple[str, str]:
    answered = to_state(Status.ANSWERED)
    rejected = to_state(Status.REJECTED)
    notice = desk.letters.issue(supervisor, "notice", answered).number
    rejection = desk.letters.issue(supervisor, "rejection", rejected, paper="F4").number
    assert notice and rejection
    return notice, rejection


def test_each_line_names_the_issuer_in_full_and_the_paper_it_went_out_on(
    desk: DeskServices, supervisor: Actor, to_state: Callable[[Status], str]
) -> None:
    notice, rejection = _issue_two(desk, supervisor, to_state)
    entries = LetterAgenda(desk.ctx).entries(supervisor, 2026)
    assert [(e.number, e.paper) for e in entries] == [(notice, "A4"), (rejection, "F4")]
    assert {e.issued_by_name for e in entries} == {supervisor.full_name} != {supervisor.username}
    assert {e.record for e in entries} == {"request"}


def test_matching_narrows_by_kind_and_by_text_in_any_listed_column(
    desk: DeskServices, supervisor: Actor, to_state: Callable[[Status], str]
) -> None:
    notice, rejection = _issue_two(desk, supervisor, to_state)
    entries = LetterAgenda(desk.ctx).entries(supervisor, 2026)
    assert [e.number for e in matching(entries, "rejection")] == [rejection]
    assert [e.number for e in matching(entries, None, "penolakan")] == [rejection]  # the subject, any case
    assert [e.number for e in matching(entries, None, entries[0].record_number)] == [notice]
    assert matching(entries, "notice", "penolakan") == []
    assert matching(entries, None, "  ") == entries


def test_exports_neutralise_a_requesters_formula_and_write_only_the_chosen_lines(
    desk: DeskServices, supervisor: Actor, walk_in: Callable[..., dict[str, object]], tmp_path: Path
) -> None:
    number = desk.register.receive(supervisor, walk_in(requester={"name": FORMULA_NAME})).number
    desk.actions.act(supervisor, number, "respond", {"decision": "diterima", "info_form": "softcopy"})
    desk.letters.issue(supervisor, "notice", number)
    agenda = LetterAgenda(desk.ctx)
    assert agenda.entries(supervisor, 2026)[0].addressee == FORMULA_NAME  # the name as recorded on screen

    assert agenda.export(supervisor, 2026, tmp_path / "a.csv") == 1
    with open(tmp_path / "a.csv", encoding="utf-8-sig") as handle:
        header, row = list(csv.reader(handle))
    assert row[header.index("Kepada")] == "'" + FORMULA_NAME
    assert row[header.index("Diterbitkan oleh")] == supervisor.full_name and row[-1] == "A4"

    agenda.export(supervisor, 2026, tmp_path / "a.xlsx")
    sheet = load_workbook(tmp_path / "a.xlsx").active
    assert sheet is not None and sheet["D2"].value == "'" + FORMULA_NAME and sheet["D2"].data_type == "s"

    assert agenda.export(supervisor, 2026, tmp_path / "none.csv", kind="rejection") == 0


def test_the_printed_agenda_lists_the_chosen_letters_and_says_what_was_chosen(
    desk: DeskServices, supervisor: Actor, to_state: Callable[[Status], str]
) -> None:
    notice, rejection = _issue_two(desk, supervisor, to_state)
    pdf = LetterAgenda(desk.ctx).pdf(supervisor, 2026, kind="rejection", paper="F4")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "BUKU AGENDA SURAT KELUAR" in text and "Tahun 2026" in text
    assert rejection in text and notice not in text
    assert "Jenis: Surat Keputusan PPID tentang Penolakan" in text and "Jumlah surat: 1" in text
    assert round(float(reader.pages[0].mediabox.width) / 72 * 25.4) == 330  # landscape F4

"""The dossier for the Komisi Informasi, the berita acara's officer and a reprint on other paper, read from
the PDFs the services issue over a real register."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

from pdf_text import pdf_text as _text
from sqlalchemy.exc import SADeprecationWarning

from app.domain.lifecycle import Status
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.letters import LetterService

VALID_NIK = "3673054512850012"  # walk_in's (tests/conftest.py)


def test_dossier_is_indonesian_names_officials_and_shows_the_sengketa(
    desk: DeskServices, to_state: Callable[[Status], str], supervisor: Actor, clock: object
) -> None:
    letters = LetterService(desk.ctx)
    number = to_state(Status.REJECTED)
    rejection = letters.issue(supervisor, "rejection", number)
    objection = desk.objections.add(supervisor, request_number=number, grounds="a")
    desk.objections.act(
        supervisor,
        objection.number,
        "decide",
        {"decision": "ditolak", "text": "Menguatkan keputusan PPID", "atasan_name": "Ir. Budi Rahardjo"},
    )
    desk.objections.act(
        supervisor, objection.number, "dispute", {"register_number": "012/III/KI-BTN-PS/2026"}
    )
    desk.objections.act(supervisor, objection.number, "dispute_outcome", {"outcome": "mediasi_berhasil"})
    text = _text(letters.dossier_pdf(supervisor, number)[0])
    assert "(rejection)" not in text and "(receipt)" not in text
    assert "Surat Keputusan PPID tentang Penolakan" in text
    assert " spv " not in f" {text} " and "Spv" in text  # the user's full name, not the login
    assert "H. Sengketa Informasi di Komisi Informasi" in text
    assert "012/III/KI-BTN-PS/2026" in text and "Mediasi berhasil" in text
    assert f"Batas tanggapan Atasan PPID ({objection.number})" in text
    assert f"Batas mengajukan sengketa ({objection.number})" in text
    assert rejection.number in text


def test_berita_acara_names_the_officer_who_handed_over_not_who_prints(
    desk: DeskServices, to_state: Callable[[Status], str], supervisor: Actor, officer: Actor, admin: Actor
) -> None:
    letters = LetterService(desk.ctx)
    number = to_state(Status.ANSWERED)
    desk.actions.act(officer, number, "deliver", {"method": "email"})
    text = _text(letters.issue(supervisor, "handover", number).pdf)
    signatures = text[text.index("Yang Menyerahkan") :]
    assert "Petugas" in signatures and "Spv" not in signatures


def test_a_reprint_on_other_paper_does_not_claim_to_be_identical(
    desk: DeskServices, to_state: Callable[[Status], str], supervisor: Actor
) -> None:
    letters = LetterService(desk.ctx)
    number = to_state(Status.REJECTED)
    letters.issue(supervisor, "rejection", number, paper="A4")
    same = letters.issue(supervisor, "rejection", number)
    other = letters.issue(supervisor, "rejection", number, paper="F4")
    assert same.identical and not same.other_paper
    assert not other.identical and other.other_paper and other.to_dict()["other_paper"] is True

    from pathlib import Path

    from app.cli.print_cmd import _describe

    note = _describe(other, Path("x.pdf"))
    assert "identik" not in note and "F4" in note and "A4" in note


def test_berita_acara_keeps_the_officers_nip_under_the_name_and_lists_the_item_briefly(
    desk: DeskServices, to_state: Callable[[Status], str], supervisor: Actor, officer: Actor, admin: Actor
) -> None:
    desk.office.save_official(
        admin, role="petugas_informasi", name="Petugas", jabatan="Petugas Informasi", nip="199001012015032002"
    )
    letters = LetterService(desk.ctx)
    number = to_state(Status.ANSWERED)
    desk.actions.act(officer, number, "deliver", {"method": "email"})
    text = _text(letters.issue(supervisor, "handover", number).pdf)
    signatures = text[text.index("Yang Menyerahkan") :]
    assert signatures.index("Petugas Siti") < signatures.index("NIP. 19900101 201503 2 002")


def test_the_handed_item_is_named_in_brief() -> None:
    from app.services.letter_snapshots import brief

    long = "Salinan dokumen rencana anggaran biaya pembangunan jalan lingkungan RT 03 RW 05 " * 10
    short = brief(long)
    assert len(short) <= 92 and short.endswith(" …") and long.startswith(short[:-2])
    assert brief("Salinan RAB 2025") == "Salinan RAB 2025"


def test_the_dossier_uses_no_api_sqlalchemy_deprecates(
    desk: DeskServices, to_state: Callable[[Status], str], supervisor: Actor
) -> None:
    """Why: a deprecated call (``Result.tuples()`` in SQLAlchemy 2.1) warns today and breaks on the next major
    release; the dossier reads the officers' names through the ordinary row unpacking instead."""
    letters = LetterService(desk.ctx)
    number = to_state(Status.REJECTED)
    with warnings.catch_warnings():
        warnings.simplefilter("error", SADeprecationWarning)
        text = _text(letters.dossier_pdf(supervisor, number)[0])
    assert "Spv" in text


def test_a_petugas_dossier_shows_the_contacts_masked_as_the_screens_do(
    desk: DeskServices, officer: Actor, supervisor: Actor, walk_in: Callable[..., Any]
) -> None:
    """Seen on a real print: the dossier printed by a petugas masked the NIK but printed the requester's and
    the kuasa's phone and e-mail in full, which the request page, the CLI and the printed register mask for
    that role (docs/security.md). A supervisor's dossier shows them in full."""
    kuasa = {"name": "Dewi Lestari", "address": "Jl. Merdeka No. 3, Serang", "phone": "0819-2222-3333"}
    number = desk.register.receive(
        officer, walk_in(requester={"proxy": kuasa}, documents=["ktp", "surat_kuasa"]), confirm_warnings=True
    ).number
    masked = _text(desk.letters.dossier_pdf(officer, number)[0])
    assert "3673••••••••0012" in masked and VALID_NIK not in masked
    assert "0812-••••-7890" in masked and "0812-3456-7890" not in masked
    assert "s•••h@example.id" in masked and "siti.aminah@example.id" not in masked
    assert "0819-••••-3333" in masked and "0819-2222-3333" not in masked
    full = _text(desk.letters.dossier_pdf(supervisor, number)[0])
    assert VALID_NIK in full and "0812-3456-7890" in full and "siti.aminah@example.id" in full
    assert "0819-2222-3333" in full

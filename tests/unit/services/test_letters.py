"""Issuing letters from the real register: numbers, timeline, stored snapshots, identical reprints, registers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pdf_text import pdf_text as _text
from sqlalchemy import text

from app.domain.lifecycle import Status
from app.errors import ActionRefused, NotFound
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.letters import LetterService


@pytest.fixture
def letters(desk: DeskServices) -> LetterService:
    return LetterService(desk.ctx)


@pytest.fixture
def signed(desk: DeskServices, admin: Actor) -> None:
    desk.office.update_profile(admin, {"address": "Jl. Raya Cipocok Jaya No. 1", "phone": "(0254) 123456"})
    desk.office.save_official(
        admin,
        role="ppid",
        name="Drs. H. Ahmad Fauzi, M.Si.",
        jabatan="PPID Pelaksana Kecamatan Cipocok Jaya",
        nip="196805071987121001",
        pangkat="Pembina (IV/a)",
    )
    desk.office.save_official(
        admin, role="atasan_ppid", name="Ir. Budi Rahardjo", jabatan="Sekretaris Daerah Kota Serang"
    )


def test_receipt_is_recorded_on_the_timeline_and_reprints_identically(
    desk: DeskServices,
    letters: LetterService,
    officer: Actor,
    walk_in: Callable[..., dict[str, Any]],
    signed: None,
) -> None:
    number = desk.register.receive(officer, walk_in()).number
    first = letters.issue(officer, "receipt", number)
    assert not first.reprint and first.number == ""
    text_ = _text(first.pdf)
    assert number in text_ and "Siti Aminah" in text_ and "LENGKAP" in text_
    again = letters.issue(officer, "receipt", number)
    assert again.reprint and again.identical and again.pdf == first.pdf and again.id == first.id
    assert letters.reprint(officer, first.id).pdf == first.pdf
    events = [e for e in desk.register.get(officer, number).events if e.kind == "letter"]
    assert len(events) == 1 and "Tanda Bukti" in events[0].summary


def test_numbered_letters_use_the_office_pattern_and_one_agenda_for_all_kinds(
    to_state: Callable[[Status], str], letters: LetterService, supervisor: Actor, signed: None
) -> None:
    rejected = to_state(Status.REJECTED)
    extended = to_state(Status.EXTENDED)
    sk = letters.issue(supervisor, "rejection", rejected)
    ext = letters.issue(supervisor, "extension", extended)
    # DEFAULT_LETTER_TEMPLATE "{classification}/{seq}/{unit}-{desk}/{month_roman}/{year}", March 2026
    assert sk.number == "000.5.9/1/PPID-A/III/2026"
    assert ext.number == "000.5.9/2/PPID-A/III/2026"  # the next entry of the one agenda, not a second "1"
    again = letters.issue(supervisor, "rejection", rejected, reissue=True)
    assert again.number == "000.5.9/3/PPID-A/III/2026" and not again.reprint
    text_ = _text(sk.pdf)
    assert "Pasal 17 huruf h" in text_ and "Drs. H. Ahmad Fauzi, M.Si." in text_
    assert "NIP. 19680507 198712 1 001" in text_ and "Sekretaris Daerah Kota Serang" in text_
    assert "30 (tiga puluh) hari kerja" in text_


@pytest.mark.parametrize(
    "status, kind, expected",
    [
        (Status.INCOMPLETE, "incomplete", "Fotokopi KTP"),
        (Status.ANSWERED, "notice", "A. Informasi dapat diberikan"),
        (Status.FORWARDED, "forward", "Dinas Kependudukan dan Pencatatan Sipil Kota Serang"),
        (Status.DELIVERED, "handover", "BERITA ACARA"),
        (Status.IN_PROCESS, "form", "FORMULIR PERMOHONAN INFORMASI PUBLIK"),
    ],
)
def test_each_letter_kind_from_the_register(
    to_state: Callable[[Status], str],
    letters: LetterService,
    supervisor: Actor,
    signed: None,
    status: Status,
    kind: str,
    expected: str,
) -> None:
    number = to_state(status)
    doc = letters.issue(supervisor, kind, number)
    text_ = _text(doc.pdf)
    assert expected in text_ and number in text_


def test_a_letter_the_facts_cannot_carry_is_refused_and_nothing_is_stored(
    desk: DeskServices, to_state: Callable[[Status], str], letters: LetterService, supervisor: Actor
) -> None:
    number = to_state(Status.IN_PROCESS)
    with pytest.raises(ActionRefused):
        letters.issue(supervisor, "rejection", number)
    with desk.ctx.db.read_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM issued_letters")).scalar_one() == 0
        assert (
            conn.execute(
                text("SELECT coalesce(sum(value),0) FROM counters WHERE key LIKE 'letter%'")
            ).scalar_one()
            == 0
        )


def test_objection_form_and_tanda_bukti(
    desk: DeskServices,
    to_state: Callable[[Status], str],
    letters: LetterService,
    supervisor: Actor,
    signed: None,
) -> None:
    number = to_state(Status.REJECTED)
    objection = desk.objections.add(
        supervisor,
        request_number=number,
        grounds="a,c",
        body={"case_summary": "Informasi seharusnya terbuka."},
    )
    doc = letters.issue(supervisor, "objection", objection.number)
    text_ = _text(doc.pdf)
    assert objection.number in text_ and number in text_
    assert "TANDA BUKTI PENERIMAAN KEBERATAN" in text_ and "Informasi seharusnya terbuka." in text_


def test_registers_and_dossier(
    desk: DeskServices,
    to_state: Callable[[Status], str],
    letters: LetterService,
    supervisor: Actor,
    signed: None,
) -> None:
    numbers = [to_state(Status.REJECTED), to_state(Status.ANSWERED)]
    desk.objections.add(supervisor, request_number=numbers[0], grounds="a")
    pdf, warnings = letters.register_pdf(supervisor, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    text_ = _text(pdf)
    assert warnings == [] and all(n.replace(" ", "") in text_.replace(" ", "") for n in numbers)
    assert "Periode: 1 Maret 2026 s.d. 31 Maret 2026" in text_
    pdf, _ = letters.register_pdf(supervisor, dt.date(2026, 3, 1), dt.date(2026, 3, 31), objections=True)
    assert "REGISTER KEBERATAN" in _text(pdf)
    letters.issue(supervisor, "rejection", numbers[0])
    pdf, _ = letters.dossier_pdf(supervisor, numbers[0])
    text_ = _text(pdf)
    assert "BERKAS PERMOHONAN INFORMASI PUBLIK" in text_ and "Surat Keputusan PPID tentang Penolakan" in text_


def test_office_template_override_is_frozen_into_the_letter(
    desk: DeskServices,
    data_dir: Path,
    to_state: Callable[[Status], str],
    letters: LetterService,
    supervisor: Actor,
) -> None:
    from app.documents.templates import BUILTIN_DIR

    folder = data_dir / "templates"
    folder.mkdir()
    builtin = (BUILTIN_DIR / "forward.toml").read_text(encoding="utf-8")
    (folder / "forward.toml").write_text(
        builtin.replace("Demikian pemberitahuan", "Kalimat kantor. Demikian")
    )
    number = to_state(Status.FORWARDED)
    first = letters.issue(supervisor, "forward", number)
    assert "Kalimat kantor." in _text(first.pdf)
    (folder / "forward.toml").write_text("rusak = [")
    again = letters.issue(supervisor, "forward", number)
    assert again.reprint and again.pdf == first.pdf  # stored wording, not today's (broken) template


def test_broken_override_is_reported_on_issue(
    data_dir: Path, to_state: Callable[[Status], str], letters: LetterService, supervisor: Actor
) -> None:
    (data_dir / "templates").mkdir()
    (data_dir / "templates" / "extension.toml").write_text("judul = 'x'")
    doc = letters.issue(supervisor, "extension", to_state(Status.EXTENDED))
    assert doc.warnings and "extension.toml" in doc.warnings[0]
    assert "Pemberitahuan Perpanjangan Waktu" in _text(doc.pdf)


def test_unknown_number_and_kind(letters: LetterService, supervisor: Actor) -> None:
    with pytest.raises(NotFound):
        letters.issue(supervisor, "receipt", "TIDAK-ADA")
    from app.errors import ValidationError

    with pytest.raises(ValidationError):
        letters.issue(supervisor, "kuitansi", "X")


def test_ppid_name_is_not_doubled() -> None:
    from types import SimpleNamespace

    from app.services.letter_snapshots import ppid_name

    assert (
        ppid_name(SimpleNamespace(name="Kecamatan Cipocok Jaya")) == "PPID Pelaksana Kecamatan Cipocok Jaya"
    )  # type: ignore[arg-type]
    assert (
        ppid_name(SimpleNamespace(name="PPID Pelaksana Kecamatan Serang"))
        == "PPID Pelaksana Kecamatan Serang"
    )  # type: ignore[arg-type]


def test_print_settings_share_the_workstation_setting_shape(
    desk: DeskServices, letters: LetterService, admin: Actor
) -> None:
    desk.office.set_setting(
        admin, "printing", {"kinds": {"receipt": {"paper": "A5", "printer": "HP"}}, "receipt_autoprint": True}
    )
    assert letters.print_settings()["receipt"] == {"paper": "A5", "printer": "HP"}
    letters.set_print_settings(admin, {"register": {"paper": "F4"}})
    stored = desk.office.setting("printing")
    assert stored["receipt_autoprint"] is True
    assert stored["kinds"]["register"]["paper"] == "F4" and stored["kinds"]["receipt"]["printer"] == "HP"
    from app.errors import ValidationError

    with pytest.raises(ValidationError):
        letters.set_print_settings(admin, {"register": {"paper": "A5"}})


def test_reprints_are_audited(
    desk: DeskServices, letters: LetterService, officer: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    number = desk.register.receive(officer, walk_in()).number
    first = letters.issue(officer, "receipt", number)
    letters.issue(officer, "receipt", number)
    letters.reprint(officer, first.id)
    with desk.ctx.db.read_engine.connect() as conn:
        actions = [
            r[0]
            for r in conn.execute(text("SELECT action FROM audit_log WHERE entity = 'letter' ORDER BY id"))
        ]
    assert actions == ["letter_issue", "letter_reprint", "letter_reprint"]


def test_phones_print_in_the_national_form_on_letters_registers_and_the_dossier(
    desk: DeskServices, letters: LetterService, supervisor: Actor, walk_in: Callable[..., dict[str, Any]],
    signed: None,
) -> None:  # fmt: skip
    """The register stores E.164 (+6281234567890); paper shows the number as Indonesians write it."""
    number = desk.register.receive(supervisor, walk_in()).number
    day = desk.register.get(supervisor, number).received_at.date()
    printed = [
        letters.issue(supervisor, "form", number).pdf,
        letters.issue(supervisor, "receipt", number).pdf,
        letters.register_pdf(supervisor, day, day)[0],
        letters.dossier_pdf(supervisor, number)[0],
    ]
    for pdf in printed:
        text_ = _text(pdf)
        assert "+62" not in text_ and "6281234567890" not in text_.replace("-", "")
    assert "0812-3456-7890" in _text(printed[0])
    assert "0812-3456-7890" in _text(printed[2]).replace(" ", "")  # the register's narrow column wraps it
    assert "(0254) 123456" in _text(printed[1])  # the office's phone on the receipt


def test_the_agenda_lists_every_numbered_letter_once_and_exports(
    to_state: Callable[[Status], str], letters: LetterService, supervisor: Actor, signed: None, tmp_path: Path,
    desk: DeskServices,
) -> None:  # fmt: skip
    import csv
    import json

    from openpyxl import load_workbook

    from app.services.letter_agenda import LetterAgenda

    delivered = to_state(Status.DELIVERED)
    issued = [letters.issue(supervisor, k, delivered) for k in ("notice", "handover", "receipt")]
    letters.issue(supervisor, "notice", delivered)  # a reprint is no new agenda line
    agenda = LetterAgenda(desk.ctx)
    entries = agenda.entries(supervisor, 2026)
    assert [e.number for e in entries] == [issued[0].number, issued[1].number]
    assert entries[0].addressee == "Siti Aminah" and entries[1].subject.startswith("Berita Acara")
    assert agenda.entries(supervisor, 2025) == []
    assert agenda.export(supervisor, 2026, tmp_path / "agenda.csv") == 2
    with open(tmp_path / "agenda.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["No.", "Nomor Surat", "Tanggal Surat"] and rows[2][1] == issued[1].number
    agenda.export(supervisor, 2026, tmp_path / "agenda.xlsx")
    sheet = load_workbook(tmp_path / "agenda.xlsx").active
    assert sheet is not None and sheet["B3"].value == issued[1].number
    agenda.export(supervisor, 2026, tmp_path / "a.json")
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["count"] == 2


def _notice_after(
    desk: DeskServices, to_state: Callable[[Status], str], supervisor: Actor, body: dict[str, Any]
) -> str:
    number = to_state(Status.IN_PROCESS)
    desk.actions.act(supervisor, number, "respond", body)
    return _text(LetterService(desk.ctx).issue(supervisor, "notice", number).pdf)


def test_notice_prints_the_payment_method(
    desk: DeskServices, to_state: Callable[[Status], str], supervisor: Actor, signed: None
) -> None:
    body = {
        "decision": "diterima", "info_form": "hardcopy", "costs": {"pages": 10, "price_per_page": 500},
        "payment_method": "Transfer ke rekening Kas Daerah", "provision_days": 3,
    }  # fmt: skip
    text_ = _notice_after(desk, to_state, supervisor, body)
    assert "Cara pembayaran: Transfer ke rekening Kas Daerah" in text_


def test_notice_for_information_not_held_ticks_that_box_and_names_the_holder(
    desk: DeskServices, to_state: Callable[[Status], str], supervisor: Actor, signed: None
) -> None:
    body = {"decision": "tidak_dikuasai", "holder_body": "Dinas PUPR Kota Serang"}
    text_ = _notice_after(desk, to_state, supervisor, body)
    assert "[ ] Informasi yang diminta belum dikuasai" in text_
    assert "[√] Informasi yang diminta tidak dikuasai oleh PPID Pelaksana Kecamatan Cipocok Jaya" in text_
    assert "badan publik lain, yaitu Dinas PUPR Kota Serang" in text_


def test_notice_for_undocumented_information_says_when_not_the_officers_note(
    desk: DeskServices, to_state: Callable[[Status], str], supervisor: Actor, signed: None
) -> None:
    note = "Arsip masih di gudang, tanya Pak Dedi"
    body = {"decision": "belum_didokumentasikan", "provision_days": 14, "note": note}
    text_ = _notice_after(desk, to_state, supervisor, body)
    assert "[√] Informasi yang diminta belum didokumentasikan" in text_
    assert "dalam jangka waktu 14 (empat belas) hari kerja sejak tanggal pemberitahuan ini." in text_
    assert note not in text_
    bare = _notice_after(desk, to_state, supervisor, {"decision": "belum_didokumentasikan", "note": note})
    assert "dalam jangka waktu …" in bare and note not in bare

"""The DIK and DIP registers on a real register: validation, supervisors only, revocation kept, DIP lookup,
the reject action citing a DIK entry (picked or recorded with it) and the rejection letter citing its SK."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pdf_text import pdf_text as _text
from sqlalchemy import text

from app.domain.lifecycle import Status
from app.errors import ActionRefused, PermissionDenied, ValidationError
from app.services.context import Actor
from app.services.desk import DeskServices

DIK: dict[str, Any] = {
    "information": "Data pribadi pemohon KTP elektronik warga",
    "article": "h",
    "consequence_test": "Membuka informasi ini mengungkap rahasia pribadi warga yang dilindungi.",
    "excluded_period": "5 (lima) tahun",
    "sk_number": "800/12/PPID-CPJ/2026",
    "sk_date": "2026-01-15",
}
DIP: dict[str, Any] = {
    "title": "Rekapitulasi realisasi anggaran kecamatan 2025",
    "summary": "Realisasi belanja per kegiatan",
    "holder": "Subbagian Keuangan",
    "form": "Softcopy dan hardcopy",
    "location": "Meja layanan PPID",
}


def test_supervisor_adds_and_revokes_a_dik_entry_which_is_kept(desk: DeskServices, supervisor: Actor) -> None:
    lists = desk.information_lists
    entry = lists.add_dik(supervisor, DIK)
    assert entry.active and entry.sk_text == "800/12/PPID-CPJ/2026, 15 Januari 2026"
    assert [e.id for e in lists.dik()] == [entry.id]
    revoked = lists.revoke(supervisor, "dik", entry.id, "SK dicabut oleh SK baru")
    assert revoked.revoked_by == supervisor.username and revoked.revoke_reason == "SK dicabut oleh SK baru"
    assert lists.dik() == [] and [e.id for e in lists.dik(include_revoked=True)] == [entry.id]
    with pytest.raises(ActionRefused):
        lists.revoke(supervisor, "dik", entry.id, "sekali lagi")
    with desk.ctx.db.reader() as session:
        actions = [r[0] for r in session.execute(text("SELECT action FROM audit_log WHERE entity = 'dik'"))]
    assert actions == ["dik_added", "dik_revoked"]
    labels = [e.label for e in desk.audit_log.entries(supervisor)[:2]]
    assert labels == [
        "Entri daftar informasi dikecualikan dicabut",
        "Entri daftar informasi dikecualikan ditambahkan",
    ]


def test_dik_entries_cannot_be_deleted(desk: DeskServices, supervisor: Actor) -> None:
    entry = desk.information_lists.add_dik(supervisor, DIK)
    with pytest.raises(Exception, match="DELETE tidak diizinkan"), desk.ctx.db.transaction() as session:
        session.execute(text("DELETE FROM dik_entries WHERE id = :id"), {"id": entry.id})


def test_officer_cannot_edit_the_lists(desk: DeskServices, officer: Actor) -> None:
    with pytest.raises(PermissionDenied):
        desk.information_lists.add_dik(officer, DIK)
    with pytest.raises(PermissionDenied):
        desk.information_lists.add_dip(officer, DIP)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"article": "k"}, "article"),
        ({"consequence_test": "pendek"}, "consequence_test"),
        ({"sk_number": ""}, "sk_number"),
        ({"sk_date": "15-01-2026"}, "sk_date"),
        ({"excluded_period": None}, "excluded_until"),
        ({"excluded_until": "2025-01-01"}, "excluded_until"),
        ({"surplus": 1}, "json"),
    ],
)
def test_a_bad_dik_entry_is_refused_naming_the_field(
    desk: DeskServices, supervisor: Actor, change: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        desk.information_lists.add_dik(supervisor, {**DIK, **change})
    assert field in exc.value.fields
    assert desk.information_lists.dik(include_revoked=True) == []


def test_dip_lookup_finds_entries_by_words_of_the_request(desk: DeskServices, supervisor: Actor) -> None:
    lists = desk.information_lists
    budget = lists.add_dip(supervisor, DIP)
    lists.add_dip(supervisor, {**DIP, "title": "Profil kecamatan", "summary": "Struktur organisasi"})
    with pytest.raises(ValidationError) as exc:
        lists.add_dip(supervisor, {**DIP, "holder": " "})
    assert "holder" in exc.value.fields
    found = lists.match_dip("Mohon salinan realisasi anggaran tahun 2025")
    assert [e.id for e in found] == [budget.id]
    assert lists.match_dip("data penduduk miskin") == []
    lists.revoke(supervisor, "dip", budget.id, "Sudah tidak berlaku")
    assert lists.match_dip("realisasi anggaran") == []


def test_lists_print_as_pdf_and_export_as_xlsx(desk: DeskServices, supervisor: Actor, tmp_path: Path) -> None:
    lists = desk.information_lists
    lists.add_dik(supervisor, DIK)
    lists.add_dip(supervisor, DIP)
    dik_text = _text(lists.pdf("dik"))
    assert "DAFTAR INFORMASI YANG DIKECUALIKAN" in dik_text
    assert "800/12/PPID-CPJ/2026, 15 Januari 2026" in dik_text and "Pasal 17 huruf h" in dik_text
    assert "5 (lima) tahun" in dik_text
    dip_text = _text(lists.pdf("dip", "F4"))
    assert "DAFTAR INFORMASI PUBLIK" in dip_text and "Subbagian Keuangan" in dip_text
    out = lists.xlsx("dik", tmp_path / "dik.xlsx")
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert sheet["B2"].value == "Informasi yang Dikecualikan"
    assert (
        sheet["B3"].value == DIK["information"]
        and sheet["F3"].value == "800/12/PPID-CPJ/2026, 15 Januari 2026"
    )


def test_rejection_picking_a_dik_entry_cites_its_sk_in_the_letter(
    desk: DeskServices, supervisor: Actor, to_state: Callable[[Status], str]
) -> None:
    entry = desk.information_lists.add_dik(supervisor, DIK)
    number = to_state(Status.IN_PROCESS)
    view = desk.actions.act(supervisor, number, "reject", {"dik_id": entry.id})
    assert view.rejection_article == "h" and view.consequence_test == DIK["consequence_test"]
    letter = desk.letters.issue(supervisor, "rejection", number)
    body = _text(letter.pdf)
    assert "Nomor 800/12/PPID-CPJ/2026 tanggal 15 Januari 2026" in body
    assert "Membuka informasi ini mengungkap rahasia pribadi warga" in body
    assert "Jangka waktu pengecualian: 5 (lima) tahun" in body


def test_rejection_with_a_new_uji_konsekuensi_adds_the_dik_entry_in_the_same_step(
    desk: DeskServices, supervisor: Actor, officer: Actor, to_state: Callable[[Status], str]
) -> None:
    number = to_state(Status.IN_PROCESS)
    with pytest.raises(ValidationError) as exc:
        desk.actions.act(supervisor, number, "reject", {"dik": {**DIK, "sk_number": ""}})
    assert "dik.sk_number" in exc.value.fields
    with pytest.raises(PermissionDenied):
        desk.actions.act(officer, number, "reject", {"dik": DIK})
    assert desk.information_lists.dik() == []
    desk.actions.act(supervisor, number, "reject", {"dik": {**DIK, "sk_number": "800/13/PPID-CPJ/2026"}})
    [entry] = desk.information_lists.dik()
    assert entry.sk_number == "800/13/PPID-CPJ/2026"
    assert "800/13/PPID-CPJ/2026" in _text(desk.letters.issue(supervisor, "rejection", number).pdf)


def test_a_revoked_dik_entry_cannot_be_cited(
    desk: DeskServices, supervisor: Actor, to_state: Callable[[Status], str]
) -> None:
    entry = desk.information_lists.add_dik(supervisor, DIK)
    desk.information_lists.revoke(supervisor, "dik", entry.id, "Jangka waktu habis")
    number = to_state(Status.IN_PROCESS)
    with pytest.raises(ValidationError) as exc:
        desk.actions.act(supervisor, number, "reject", {"dik_id": entry.id})
    assert "dicabut" in exc.value.fields["dik_id"]


def test_every_form_label_is_its_fields_label_with_a_mnemonic() -> None:
    """The DIK and DIP forms show ``form.label``; a refused entry names ``label``: the same words, the form's
    with one ``&`` and a colon (tests/gui/settings/test_information_lists_tab.py checks the form shows them)."""
    from app.services.record_fields import TABLES

    for fields in TABLES.values():
        for spec in fields:
            if spec.form is not None:
                assert spec.form.label.count("&") == 1 and spec.form.label.endswith(":"), spec.name
                assert spec.form.label.replace("&", "").removesuffix(":") == spec.label, spec.name

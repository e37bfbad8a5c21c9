"""Kuasa and badan hukum on the letters (issue 12 item 4): the receipt, the form and the Register Keberatan show the
kuasa (name, address, contact) and who signs for a badan hukum; the form names an organisation rightly."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.documents import render
from app.documents.snapshot import Snapshot
from app.services.context import Actor
from app.services.desk import DeskServices
from tests.unit.documents.doc_samples import pdf_text

KUASA = {
    "name": "Rahmat Hidayat",
    "address": "Jl. Veteran No. 9, Kota Serang",
    "phone": "0813-1111-2222",
}


def _badan_hukum(walk_in: Any, *, proxy: bool) -> dict[str, Any]:
    requester: dict[str, Any] = {
        "kind": "badan_hukum",
        "name": "Yayasan Lentera Banten",
        "nik": None,
        "legal_number": "AHU-0012345.AH.01.04.Tahun 2019",
        "occupation": None,
    }
    documents = ["akta"]
    if proxy:
        requester["proxy"] = dict(KUASA)
        documents.append("surat_kuasa")
    return walk_in(requester=requester, documents=documents)


def test_receipt_and_form_show_the_kuasa_and_the_organisation(
    desk: DeskServices, supervisor: Actor, walk_in: Any
) -> None:
    number = desk.register.receive(supervisor, _badan_hukum(walk_in, proxy=True)).number
    for kind in ("receipt", "form"):
        printed = pdf_text(desk.letters.issue(supervisor, kind, number).pdf)
        assert "Nama Badan Hukum" in printed, kind
        assert "Nama (sesuai KTP)" not in printed, kind
        for shown in (KUASA["name"], KUASA["address"], "0813-1111-2222", "Alamat Kuasa"):
            assert shown in printed, (kind, shown)
        assert "Kuasa dari Yayasan Lentera Banten" in printed, kind  # who signs, for whom


def test_a_badan_hukum_without_kuasa_signs_through_a_named_person(
    desk: DeskServices, supervisor: Actor, walk_in: Any
) -> None:
    number = desk.register.receive(supervisor, _badan_hukum(walk_in, proxy=False)).number
    printed = pdf_text(desk.letters.issue(supervisor, "form", number).pdf)
    assert "Nama Badan Hukum" in printed
    assert "Untuk dan atas nama Yayasan Lentera Banten" in printed
    assert "(nama jelas dan jabatan)" in printed
    assert "Kuasa Pemohon" not in printed


def test_a_kelompok_is_named_as_a_group(desk: DeskServices, supervisor: Actor, walk_in: Any) -> None:
    data = walk_in(
        requester={"kind": "kelompok", "name": "Kelompok Tani Makmur", "occupation": None},
        documents=["ktp", "surat_kuasa"],
    )
    number = desk.register.receive(supervisor, data, confirm_warnings=True).number
    printed = pdf_text(desk.letters.issue(supervisor, "form", number).pdf)
    assert "Nama Kelompok" in printed and "Nama (sesuai KTP)" not in printed


def test_a_person_still_reads_sesuai_ktp(desk: DeskServices, supervisor: Actor, walk_in: Any) -> None:
    number = desk.register.receive(supervisor, walk_in()).number
    printed = pdf_text(desk.letters.issue(supervisor, "form", number).pdf)
    assert "Nama (sesuai KTP)" in printed and "Untuk dan atas nama" not in printed


def test_the_keberatan_register_shows_the_kuasa(
    desk: DeskServices, supervisor: Actor, walk_in: Any, clock: Any
) -> None:
    number = desk.register.receive(supervisor, walk_in()).number
    desk.objections.add(
        supervisor,
        request_number=number,
        grounds=["a"],
        body={
            "proxy": {
                "name": "Dewi Lestari",
                "address": "Jl. Merdeka No. 3, Serang",
                "phone": "0819-2222-3333",
            }
        },
    )
    day = clock.now.date()
    pdf, _ = desk.letters.register_pdf(supervisor, day - dt.timedelta(days=1), day, objections=True)
    printed = pdf_text(pdf)
    assert "Kuasa: Dewi Lestari" in printed
    assert "Kuasa: Jl. Merdeka No. 3" in printed
    assert "Kuasa: 0819-2222-3333" in printed


def test_letters_issued_before_reprint_as_they_were(
    desk: DeskServices, supervisor: Actor, walk_in: Any
) -> None:
    """A receipt or form stored before this layout (no ``identity_layout`` in its snapshot) prints the old
    rows: the receipt without the kuasa, the form with the kuasa's name only and "Nama (sesuai KTP)" for all."""
    number = desk.register.receive(supervisor, _badan_hukum(walk_in, proxy=True)).number
    for kind in ("receipt", "form"):
        stored = _stored_snapshot(desk, desk.letters.issue(supervisor, kind, number).id)
        assert stored["data"]["identity_layout"] == 2
        old = {**stored, "data": {k: v for k, v in stored["data"].items() if k != "identity_layout"}}
        old_text = pdf_text(render(Snapshot.from_dict(old)))
        assert (KUASA["name"] in old_text) is (kind == "form"), kind  # the old form named the kuasa only
        assert "Alamat Kuasa" not in old_text, kind
        assert "Nama Badan Hukum" not in old_text and "Kuasa dari" not in old_text, kind
        assert ("Nama (sesuai KTP)" in old_text) is (kind == "form"), kind


def _stored_snapshot(desk: DeskServices, letter_id: str) -> dict[str, Any]:
    from app.services.letter_pii import unseal
    from db.models import IssuedLetter

    with desk.ctx.db.reader() as session:
        row = session.get(IssuedLetter, letter_id)
        assert row is not None
        return dict(unseal(dict(row.snapshot), desk.ctx.vault, full=True))

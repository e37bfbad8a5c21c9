"""Register printouts: columns, period, repeated headers, page x of y, signature, voided rows, empty periods."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from doc_samples import (
    NIP_GROUPED,
    OFFICE,
    PPID,
    ink_outside_margin,
    page_texts,
    pdf_text,
    register_sample,
    sample,
)

from app.documents import render
from app.documents.snapshot import RegisterSnapshot, RequestRow


def flat(text: str) -> str:
    """The text with line breaks as spaces: narrow columns wrap their headers and values."""
    return " ".join(text.split())


def bare(text: str) -> str:
    """The text without any whitespace: a number wrapped at its "/" still reads whole."""
    return "".join(text.split())


HEADERS = [
    "No. Pendaftaran",
    "Tanggal",
    "Nama",
    "Alamat",
    "Nomor Kontak",
    "Pekerjaan",
    "Informasi yang Diminta",
    "Tujuan Penggunaan Informasi",
    "Status Informasi",
    "Bentuk Informasi yang Dikuasai",
    "Jenis Permohonan",
    "Keputusan",
    "Alasan Penolakan",
    "Hari dan Tanggal",
    "Biaya dan Cara Pembayaran",
    "Pemberitahuan",
    "Pemberian Informasi",
    "Cara Pembayaran",
]


def test_every_page_repeats_title_period_and_headers_and_is_numbered() -> None:
    pages = page_texts(render(register_sample(120)))
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        text = flat(page)
        assert "REGISTER PERMOHONAN INFORMASI PUBLIK" in text
        assert "Periode: 1 Januari 2026 s.d. 31 Maret 2026" in text
        assert all(h in text for h in HEADERS), f"halaman {number}"
        assert f"Halaman {number} dari {len(pages)}" in text


def test_rows_fields_and_signature() -> None:
    text = flat(pdf_text(render(register_sample(120))))
    for i in (1, 60, 120):
        assert f"PPID-CPJ/{i:04d}/2026" in bare(text)
        assert f"Pemohon ke-{i}" in text
    assert "DisdukcapilKotaSerang" in bare(text)  # narrow column: the word may wrap
    assert "Rp10.000 " in text  # whole rupiah in the register's cost column
    assert "Jumlah permohonan: 120" in text
    assert "Serang, 1 April 2026" in text and PPID.name in text and f"NIP. {NIP_GROUPED}" in text


def test_signature_is_on_the_last_page() -> None:
    pages = page_texts(render(register_sample(120)))
    assert PPID.name in pages[-1]
    assert all(PPID.name not in p for p in pages[:-1])


def test_voided_rows_stay_and_are_marked() -> None:
    snap = register_sample(2)
    voided = replace(snap.rows[1], voided=True, decision="")
    text = pdf_text(render(replace(snap, rows=(snap.rows[0], voided))))
    assert "PPID-CPJ/0002/2026(BATAL)" in bare(text)


def test_empty_period_says_so() -> None:
    snap = RegisterSnapshot(
        office=OFFICE,
        period_from=dt.date(2026, 7, 1),
        period_to=dt.date(2026, 7, 31),
        printed_on=dt.date(2026, 8, 1),
        signatory=PPID,
    )
    text = pdf_text(render(snap))
    assert "Tidak ada permohonan pada periode ini." in text
    assert "Periode: 1 Juli 2026 s.d. 31 Juli 2026" in text


def test_very_long_row_is_split_not_lost() -> None:
    long_info = "Rincian informasi yang sangat panjang sekali. " * 400
    row = RequestRow(
        number="PPID-CPJ/0001/2026", received_on=dt.date(2026, 1, 5), name="Budi", information=long_info
    )
    snap = RegisterSnapshot(
        office=OFFICE,
        period_from=dt.date(2026, 1, 1),
        period_to=dt.date(2026, 1, 31),
        printed_on=dt.date(2026, 2, 1),
        signatory=PPID,
        rows=(row,),
    )
    pdf = render(snap)
    assert len(page_texts(pdf)) >= 2
    assert pdf_text(pdf).count("sekali.") == 400  # every sentence printed, none cut at the page breaks
    assert ink_outside_margin(pdf, 8) == []


def test_objection_register_columns_and_grounds() -> None:
    text = flat(pdf_text(render(sample("register_objections"))))
    for header in (
        "REGISTER KEBERATAN",
        "No. Registrasi Keberatan",
        "Nomor Pendaftaran Permohonan Informasi",
        "Alasan Pengajuan Keberatan",
        "Keputusan Atasan PPID",
        "Nama dan Posisi Atasan PPID",
        "Tanggapan Pemohon Informasi",
        "Keterangan",
        "Periode: 1 Januari 2026 s.d. 30 Juni 2026",
    ):
        assert header in text
    assert "KEB-CPJ/003/IV/2026" in bare(text) and "Menguatkan putusan PPID" in text
    assert "Selasa, 12-05-2026" in text  # "Hari dan Tanggal" names the day
    assert text.count("√") == 2  # grounds a and c ticked

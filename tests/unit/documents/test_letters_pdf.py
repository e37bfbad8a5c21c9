"""Every document kind: the required fields appear in the extracted PDF text."""

from __future__ import annotations

import pytest
from doc_samples import (
    COSTS_TOTAL_TEXT,
    COSTS_WORDS,
    LETTER_NO,
    NIP_GROUPED,
    REG_NO,
    page_texts,
    pdf_text,
    sample,
)

from app.documents import render

KOP = [
    "PEMERINTAH KOTA SERANG",
    "KECAMATAN CIPOCOK JAYA",
    "(0254) 123456",
    "ppid@cipocokjaya.serangkota.go.id",
]
SIGN = ["Drs. H. Ahmad Fauzi, M.Si.", f"NIP. {NIP_GROUPED}", "Pembina (IV/a)"]

REQUIRED: dict[str, list[str]] = {
    "receipt": [
        "TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK",
        REG_NO,
        "Senin, 16 Maret 2026 pukul 09.30 WIB",
        "Budi Santoso",
        "LENGKAP",
        "Batas Waktu Pemberitahuan Tertulis",
        "Senin, 30 Maret 2026",
        "Siti Aminah, S.Sos.",
        "NIP. 19900101 201503 2 002",
        "Serang, 16 Maret 2026",
    ],
    "receipt_incomplete": [
        "TIDAK LENGKAP",
        "Fotokopi KTP",
        "Surat kuasa khusus",
        "Batas Waktu Melengkapi",
        "Kamis, 19 Maret 2026",
        "10 (sepuluh) hari kerja sejak permohonan dinyatakan lengkap",
    ],
    "form": [
        "FORMULIR PERMOHONAN INFORMASI PUBLIK",
        REG_NO,
        "Budi Santoso",
        "3673051203850001",
        "Wiraswasta",
        "081234567890 / budi@example.id",
        "Bahan penelitian skripsi",
        "Lembar 1: untuk Pemohon",
        "Lembar 2: untuk Petugas",
        "[√] Mendapatkan salinan informasi",
        "[√] Mengambil langsung",
        "Petugas Pelayanan Informasi (Penerima Permohonan)",
        "Pemohon Informasi",
    ],
    "incomplete": [
        LETTER_NO,
        "Pemberitahuan Kelengkapan Persyaratan Permohonan Informasi",
        REG_NO,
        "Kepada Yth.",
        "Budi Santoso",
        "belum lengkap",
        "1. Fotokopi KTP",
        "2. Surat kuasa khusus bermeterai",
        "Kamis, 19 Maret 2026",
        "Serang, 16 Maret 2026",
        *SIGN,
    ],
    "notice": [
        "PEMBERITAHUAN TERTULIS",
        LETTER_NO,
        REG_NO,
        "16 Maret 2026",
        "A. Informasi dapat diberikan",
        "Penguasaan informasi publik",
        "[√] Hardcopy/salinan tertulis",
        "Rp500,00",
        "Rp15.000,00",
        COSTS_TOTAL_TEXT,
        COSTS_WORDS,
        "3 (tiga) hari kerja",
        "Penjelasan penghitaman/pengaburan",
        *SIGN,
    ],
    "notice_b": [
        "PEMBERITAHUAN TERTULIS",
        "B. Informasi tidak dapat diberikan karena",
        "[√] Informasi yang diminta belum didokumentasikan",
        "14 (empat belas) hari kerja",
        *SIGN,
    ],
    "extension": [
        "Pemberitahuan Perpanjangan Waktu",
        LETTER_NO,
        REG_NO,
        "Senin, 30 Maret 2026",
        "Rabu, 8 April 2026",
        "Informasi masih dalam proses pendokumentasian",
        "tidak dapat diperpanjang lagi",
        *SIGN,
    ],
    "rejection": [
        "PENOLAKAN PERMOHONAN INFORMASI",
        LETTER_NO,
        REG_NO,
        "Wiraswasta",
        "INFORMASI YANG DIKECUALIKAN",
        "Pasal 17 huruf b dan huruf h Undang-Undang Nomor 14 Tahun 2008",
        "Pasal 6 ayat (3) huruf c UU 14/2008",
        "mengungkap data pribadi warga",
        "PERMOHONAN INFORMASI DITOLAK",
        "30 (tiga puluh) hari kerja",
        "Kamis, 30 April 2026",
        "Sekretaris Daerah Kota Serang selaku Atasan PPID",
        *SIGN,
    ],
    "forward": [
        "Pemberitahuan Informasi Tidak Dikuasai",
        LETTER_NO,
        REG_NO,
        "Dinas Kependudukan dan Pencatatan Sipil Kota Serang",
        "17 Maret 2026",
        "Pasal 22 ayat (7) huruf b",
        "Tembusan",
        "Penerusan Permohonan Informasi Publik",
        "PPID Dinas Kependudukan dan Pencatatan Sipil Kota Serang",
        "ditanggapi secara langsung kepada pemohon",
        *SIGN,
    ],
    "handover": [
        "TANDA BUKTI PENYERAHAN INFORMASI PUBLIK",
        LETTER_NO,
        REG_NO,
        "Rabu, 25 Maret 2026 pukul 10.15 WIB",
        "Salinan RAB jalan lingkungan RT 03",
        COSTS_TOTAL_TEXT,
        COSTS_WORDS,
        "Tunai",
        "Yang Menerima",
        "Budi Santoso",
        "Siti Aminah, S.Sos.",
    ],
    "objection": [
        "PERNYATAAN KEBERATAN ATAS PERMOHONAN INFORMASI",
        "KEB-CPJ/003/IV/2026",
        REG_NO,
        "[√] a. Permohonan informasi ditolak",
        "[√] c. Permintaan informasi tidak ditanggapi",
        "wajib tersedia setiap saat",
        "Jumat, 15 Mei 2026",
        "TANDA BUKTI PENERIMAAN KEBERATAN",
        "Rabu, 1 April 2026 pukul 10.00 WIB",
        "Sekretaris Daerah Kota Serang",
        "Pengaju Keberatan",
    ],
    "dossier": [
        "BERKAS PERMOHONAN INFORMASI PUBLIK",
        "Perorangan",
        "Mendapatkan salinan informasi (hardcopy)",
        REG_NO,
        "Budi Santoso",
        "3673051203850001",
        "Ditolak",
        "Pasal 17 huruf b",
        "Senin, 30 Maret 2026",
        "Permohonan diterima",
        "Surat penolakan diterbitkan",
        LETTER_NO,
        "Dicetak pada Kamis, 2 April 2026 pukul 14.05 WIB",
        "Halaman 1 dari",
    ],
}


@pytest.mark.parametrize("kind", sorted(REQUIRED))
def test_required_fields_are_printed(kind: str) -> None:
    text = pdf_text(render(sample(kind)))
    missing = [field for field in REQUIRED[kind] if field not in text]
    assert not missing, f"{kind}: tidak tercetak {missing}"


@pytest.mark.parametrize(
    "kind", ["incomplete", "notice", "extension", "rejection", "forward", "handover", "form"]
)
def test_letters_carry_the_kop(kind: str) -> None:
    text = pdf_text(render(sample(kind)))
    assert all(line in text for line in KOP)


def test_form_prints_two_copies_each_with_the_number() -> None:
    pages = page_texts(render(sample("form")))
    assert len(pages) == 2
    assert all(REG_NO in page for page in pages)
    assert "Lembar 1" in pages[0] and "Lembar 2" in pages[1]


def test_objection_tanda_bukti_is_its_own_page_with_the_response_date() -> None:
    pages = page_texts(render(sample("objection")))
    assert len(pages) == 2
    assert "TANDA BUKTI PENERIMAAN KEBERATAN" in pages[1]
    assert "Jumat, 15 Mei 2026" in pages[1]


def test_notice_variant_b_has_no_cost_table() -> None:
    text = pdf_text(render(sample("notice_b")))
    assert "Jumlah Biaya" not in text
    assert "A. Informasi dapat diberikan" not in text


def test_unknown_notice_variant_is_refused() -> None:
    from dataclasses import replace

    with pytest.raises(ValueError):
        render(replace(sample("notice"), variant="C"))  # type: ignore[type-var]


def test_rejection_lists_three_pasal17_letters_in_indonesian() -> None:
    from app.documents.rejection import pasal17_letters

    assert pasal17_letters(("b",)) == "huruf b"
    assert pasal17_letters(("b", "c", "h")) == "huruf b, huruf c, dan huruf h"


def test_kop_logo_is_drawn_when_the_file_exists_and_skipped_when_missing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import io
    from dataclasses import replace

    import pypdf
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 140), (200, 30, 30)).save(logo)
    snap = sample("incomplete")
    with_logo = render(replace(snap, office=replace(snap.office, logo_path=str(logo))))  # type: ignore[type-var]
    missing = render(replace(snap, office=replace(snap.office, logo_path=str(tmp_path / "hilang.png"))))  # type: ignore[type-var]

    def images(pdf: bytes) -> int:
        page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
        return len(page.images)

    assert images(with_logo) == 1
    assert images(missing) == 0
    assert "PEMERINTAH KOTA SERANG" in pdf_text(missing)


def test_user_text_is_printed_literally_never_as_markup() -> None:
    from dataclasses import replace

    snap = sample("rejection")
    odd = "PT Maju & Jaya <b>Tbk</b> – Dédé Šukma"
    tricky = replace(
        snap,
        requester=replace(snap.requester, name=odd),  # type: ignore[type-var]
        consequence="Nilai {ppid} & <i>rahasia</i>",
    )
    text = pdf_text(render(tricky))
    assert odd in text
    assert "Nilai {ppid} & <i>rahasia</i>" in text


def test_letters_print_on_f4() -> None:
    from doc_samples import page_sizes_mm

    width, height = page_sizes_mm(render(sample("rejection"), "F4"))[0]
    assert (round(width), round(height)) == (215, 330)

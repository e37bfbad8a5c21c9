"""The Laporan Layanan Informasi Publik counted from a hand-built register (``report_register.py``): every
figure below was worked out by hand from that register's table, and is checked in the JSON, the XLSX and the
PDF text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pdf_text import pdf_text as _text
from report_register import build

from app.errors import PermissionDenied, ValidationError
from app.services.context import Actor
from app.services.desk import DeskServices

ZERO_OUTCOMES = {"tidak_dikuasai": 0, "belum_didokumentasikan": 0}

EXPECTED_REQUESTS = {
    "total": 7,
    "by_month": {"2026-01": 0, "2026-02": 0, "2026-03": 5, "2026-04": 0, "2026-05": 0, "2026-06": 2},
    "by_channel": {"datang_langsung": 2, "email": 1, "surat": 1, "telepon": 1, "website": 1, "whatsapp": 1},
    "by_requester_kind": {"perorangan": 5, "badan_hukum": 0, "kelompok": 2},
    "by_outcome": {
        "diterima": 1,
        "diterima_sebagian": 1,
        **ZERO_OUTCOMES,
        "ditolak": 1,
        "diteruskan": 1,
        "tidak_dapat_diproses": 1,
        "belum_selesai": 2,
    },
    "rejections_by_article": {k: (1 if k == "h" else 0) for k in "abcdefghij"},
    "extended": 1,
    # R1 5, R2 14, R3 12 working days
    "response_working_days": {"mean": 10.3, "median": 12.0, "max": 14},
    "answered": 3,
    "on_time": 2,
    "late": 1,
    "response_distribution": {"0-5": 1, "6-10": 0, "11-17": 2, "18+": 0},
    # R1 6, R2 15 working days to the handing over
    "handover_working_days": {"mean": 10.5, "median": 10.5, "max": 15},
    "handed_over": 2,
}
EXPECTED_OBJECTIONS = {
    "total": 3,  # K1, K2, K4 (K3 is filed in July)
    "by_ground": {"a": 1, "b": 0, "c": 0, "d": 1, "e": 1, "f": 0, "g": 1},
    "by_decision": {"dikabulkan": 0, "dikabulkan_sebagian": 0, "ditolak": 1, "belum_diputus": 2},
    "late_filings": 1,  # K4
}
EXPECTED_DISPUTES = {
    "total": 1,
    "by_outcome": {
        "mediasi_berhasil": 0,
        "dikabulkan": 0,
        "dikabulkan_sebagian": 0,
        "ditolak": 0,
        "dicabut": 0,
        "gugur": 0,
        "belum_diputus": 1,
    },
}


@pytest.fixture
def register(desk: DeskServices, supervisor: Actor, clock, walk_in) -> dict[str, str]:
    return build(desk, supervisor, clock, walk_in)


def test_every_figure_of_the_semester_matches_the_hand_count(
    desk: DeskServices, supervisor: Actor, register: dict[str, str]
) -> None:
    figures = desk.reports.figures(supervisor, "2026-S1").to_dict()
    assert figures["period"] == {
        "from": "2026-01-01",
        "to": "2026-06-30",
        "code": "2026-S1",
        "label": "Semester I Tahun 2026",
    }
    assert figures["office"] == "CPJ"
    assert figures["requests"] == EXPECTED_REQUESTS
    assert figures["objections"] == EXPECTED_OBJECTIONS
    assert figures["disputes"] == EXPECTED_DISPUTES


def test_the_year_counts_what_happened_after_the_semester(
    desk: DeskServices, supervisor: Actor, register: dict[str, str]
) -> None:
    figures = desk.reports.figures(supervisor, "2026").to_dict()
    requests = figures["requests"]
    assert requests["total"] == 8  # R9 joins; R0 (2025) and the voided R7 stay out
    assert requests["by_outcome"]["belum_selesai"] == 2  # R8 and R9; R6 is now answered
    assert requests["by_outcome"]["diterima"] == 2
    assert figures["objections"]["total"] == 4
    assert figures["disputes"]["by_outcome"]["mediasi_berhasil"] == 1
    other = desk.reports.figures(supervisor, "2026", office="kec-lain").to_dict()
    assert (
        other["office"] == "KEC-LAIN"
        and other["requests"]["total"] == 0
        and other["objections"]["total"] == 0
    )
    march = desk.reports.figures(supervisor, "2026-03").to_dict()["requests"]
    assert march["total"] == 5 and march["by_month"] == {"2026-03": 5}
    # at the end of March, R2 and R3 had no written answer yet
    assert march["by_outcome"]["belum_selesai"] == 2 and march["answered"] == 1


def test_xlsx_holds_the_same_numbers_as_numbers_and_the_requests_behind_them(
    desk: DeskServices, supervisor: Actor, register: dict[str, str], tmp_path: Path
) -> None:
    out = desk.reports.xlsx(supervisor, "2026-S1", tmp_path / "laporan.xlsx")
    book = load_workbook(out)
    summary = {row[1]: row[2] for row in book["Ringkasan"].iter_rows(min_row=2, values_only=True)}
    assert summary["requests.total"] == 7 and isinstance(summary["requests.total"], int)
    assert summary["response_working_days.mean"] == 10.3
    assert summary["response_working_days.median"] == 12.0
    assert summary["response_working_days.max"] == 14
    assert (summary["requests.on_time"], summary["requests.late"], summary["requests.extended"]) == (2, 1, 1)
    assert summary["handover_working_days.max"] == 15
    assert (summary["objections.total"], summary["disputes.total"]) == (3, 1)
    assert summary["objections.late_filings"] == 1

    def table(name: str) -> dict[str, int]:
        return {row[2]: row[3] for row in book[name].iter_rows(min_row=2, values_only=True)}

    assert table("Per Bulan") == EXPECTED_REQUESTS["by_month"]
    assert table("Saluran") == EXPECTED_REQUESTS["by_channel"]
    assert table("Jenis Pemohon") == EXPECTED_REQUESTS["by_requester_kind"]
    assert table("Hasil") == EXPECTED_REQUESTS["by_outcome"]
    assert table("Penolakan Pasal 17") == EXPECTED_REQUESTS["rejections_by_article"]
    assert table("Waktu Pemberitahuan") == EXPECTED_REQUESTS["response_distribution"]
    assert table("Alasan Keberatan") == EXPECTED_OBJECTIONS["by_ground"]
    assert table("Tanggapan Keberatan") == EXPECTED_OBJECTIONS["by_decision"]
    assert table("Sengketa") == EXPECTED_DISPUTES["by_outcome"]
    rows = list(book["Permohonan"].iter_rows(min_row=2, values_only=True))
    by_number = {row[0]: row for row in rows}
    assert set(by_number) == {register[k] for k in ("R1", "R2", "R3", "R4", "R5", "R6", "R8")}
    r3 = by_number[register["R3"]]
    assert (r3[4], r3[7], r3[9], r3[11]) == ("ditolak", 12, "Tidak", "h")
    r2 = by_number[register["R2"]]
    assert (r2[4], r2[7], r2[9], r2[10], r2[13]) == ("diterima_sebagian", 14, "Ya", "Ya", 15)
    assert by_number[register["R6"]][4] == "belum_selesai"


def test_pdf_prints_the_figures_the_narrative_and_the_structure(
    desk: DeskServices, supervisor: Actor, register: dict[str, str]
) -> None:
    desk.reports.save_narrative(
        supervisor,
        2026,
        {"sdm": "Dua petugas informasi bersertifikat.", "kendala_eksternal": "Jaringan lambat."},
    )
    text = _text(desk.reports.pdf(supervisor, "2026-S1", kind="tahunan"))
    for chapter in ("BAB I", "BAB II", "BAB III", "BAB IV", "BAB V", "BAB VI"):
        assert chapter in text
    assert "LAPORAN LAYANAN INFORMASI PUBLIK" in text and "SEMESTER I TAHUN 2026" in text
    assert "menerima 7 permohonan" in text and "3 keberatan dan 1 sengketa" in text
    assert "Dua petugas informasi bersertifikat." in text and "Jaringan lambat." in text
    assert "Maret 2026 5" in text and "Juni 2026 2" in text
    assert "Rata-rata waktu pemberitahuan tertulis (hari kerja) 10,3" in text
    assert "Median waktu pemberitahuan tertulis (hari kerja) 12,0" in text
    assert "Waktu pemberitahuan tertulis terlama (hari kerja) 14" in text
    assert "Tepat waktu (sesuai jangka waktu yang berlaku) 2" in text
    assert "Melewati jangka waktu 1" in text
    assert "Permohonan yang diperpanjang (Pasal 22 ayat 8) 1" in text
    assert "Rata-rata waktu sampai penyerahan informasi (hari kerja) 10,5" in text
    assert "Pasal 17 huruf h: mengungkap rahasia pribadi 1" in text
    assert "Belum selesai pada akhir periode 2" in text
    assert "Diteruskan ke badan publik lain 1" in text
    assert "Jumlah keberatan yang diterima: 3." in text
    assert "Keberatan yang diajukan melewati jangka waktu 30 hari kerja: 1." in text
    assert "Keberatan ditolak (menguatkan keputusan PPID) 1" in text
    assert "Grafik permohonan per bulan" in text and "Grafik hasil permohonan" in text
    assert "Serang," in text  # the signature block's place and date
    semester = _text(desk.reports.pdf(supervisor, "2026-S1"))
    assert "LAPORAN SEMESTER" in semester and "PPID Utama" in semester
    assert "BAB I " not in semester and "BAB III" in semester and "menerima 7 permohonan" in semester


def test_officer_may_not_read_reports_and_bad_periods_are_refused(
    desk: DeskServices, officer: Actor, supervisor: Actor
) -> None:
    with pytest.raises(PermissionDenied):
        desk.reports.figures(officer, "2026")
    with pytest.raises(ValidationError, match="Semester hanya 1 atau 2"):
        desk.reports.figures(supervisor, "2026-S3")
    with pytest.raises(ValidationError, match="tidak dikenali"):
        desk.reports.figures(supervisor, "tahun lalu")


def test_narrative_is_saved_per_year_and_unknown_sections_are_refused(
    desk: DeskServices, supervisor: Actor
) -> None:
    saved = desk.reports.save_narrative(supervisor, 2025, {"anggaran": "Rp10.000.000 dari APBD."})
    assert saved["anggaran"] == "Rp10.000.000 dari APBD." and saved["kebijakan"] == ""
    desk.reports.save_narrative(supervisor, 2025, {"kebijakan": "SK PPID 2025."})
    assert desk.reports.narrative(supervisor, 2025)["anggaran"] == "Rp10.000.000 dari APBD."
    assert desk.reports.narrative(supervisor, 2026)["anggaran"] == ""
    with pytest.raises(ValidationError, match="tidak dikenal"):
        desk.reports.save_narrative(supervisor, 2025, {"gaji": "x"})


#: the chapter titles and the narrative's headings of the yearly report
_REPORT_HEADINGS = re.compile(r"(BAB [IV]+ [A-Z ]+|[A-D]\. [A-Z][a-z ]+(?:dan [a-z]+)?)$")


def test_no_page_of_the_report_ends_with_a_heading(
    desk: DeskServices, supervisor: Actor, register: dict[str, str]
) -> None:
    """Seen on a real print of the Laporan: page 2 ended with "BAB III RINCIAN PELAYANAN INFORMASI PUBLIK" and
    its first table opened page 3 (the title was kept with the spacer after it, not with the table). The
    narrative's length moves the chapters down the pages; no page but the last may end with a heading."""
    from pdf_text import page_texts

    bad = {}
    for length in range(0, 2100, 70):
        text = ("Kebijakan layanan informasi publik ditetapkan dengan SK PPID. " * 30)[:length]
        desk.reports.save_narrative(supervisor, 2026, {"kebijakan": text, "kendala_internal": text})
        pages = page_texts(desk.reports.pdf(supervisor, "2026"))
        for number, page in enumerate(pages[:-1], start=1):
            body = re.sub(r"\s*Halaman \d+ dari \d+\s*$", "", page)
            if found := _REPORT_HEADINGS.search(body):
                bad.setdefault(length, []).append(f"halaman {number}: {found.group(0)!r}")
    assert not bad, bad

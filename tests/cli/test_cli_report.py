"""``ppid-desk report`` and ``ppid-desk export --public``: the public contract of docs/cli.md (JSON shape, exit
codes, files written, the petugas refused)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pypdf
from cli_helpers import NIK, intake, run_in_process
from openpyxl import load_workbook


def _admin(desk_dir: Path, *argv: str | Path, stdin: str = ""):  # type: ignore[no-untyped-def]
    return run_in_process("--data-dir", desk_dir, "--user", "admin", *argv, stdin=stdin)


def _two_requests(desk_dir: Path) -> None:
    for when in ("2026-03-16T09:30:00", "2026-04-01T09:00:00"):
        added = _admin(desk_dir, "request", "add", stdin=json.dumps(intake(received_at=when)))
        assert added.code == 0, added.err


def test_report_json_has_the_documented_shape(desk_dir: Path) -> None:
    _two_requests(desk_dir)
    result = _admin(desk_dir, "report", "--period", "2026-03", "--format", "json")
    assert result.code == 0, result.err
    report = result.json()
    assert report["period"]["from"] == "2026-03-01" and report["period"]["to"] == "2026-03-31"
    requests = report["requests"]
    for key in ("total", "by_month", "by_channel", "by_requester_kind", "by_outcome", "rejections_by_article",
                "extended", "response_working_days", "on_time", "late"):  # fmt: skip
        assert key in requests
    assert set(requests["response_working_days"]) == {"mean", "median", "max"}
    assert requests["total"] == 1 and requests["by_month"] == {"2026-03": 1}
    assert requests["by_outcome"]["belum_selesai"] == 1
    assert set(report["objections"]) >= {"total", "by_ground", "by_decision", "late_filings"}
    assert set(report["disputes"]) >= {"total", "by_outcome"}


def test_report_pdf_and_xlsx_are_written(desk_dir: Path, tmp_path: Path) -> None:
    _two_requests(desk_dir)
    pdf = tmp_path / "laporan.pdf"
    assert _admin(desk_dir, "report", "--period", "2026", "--format", "pdf", "--out", pdf).code == 0
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "LAPORAN LAYANAN INFORMASI PUBLIK" in " ".join(text.split())
    xlsx = tmp_path / "laporan.xlsx"
    assert _admin(desk_dir, "report", "--period", "2026-Q1", "--format", "xlsx", "--out", xlsx).code == 0
    assert load_workbook(xlsx)["Ringkasan"]["C6"].value == 1
    missing = _admin(desk_dir, "report", "--period", "2026", "--format", "pdf")
    assert missing.code == 2 and "--out" in missing.err


def test_bad_period_and_petugas_are_refused_with_exit_2(desk_dir: Path) -> None:
    bad = _admin(desk_dir, "report", "--period", "2026-13")
    assert bad.code == 2 and "Bulan hanya 01 sampai 12" in bad.err
    added = run_in_process(
        "--data-dir", desk_dir, "--user", "admin", "user", "add", "siti", "--name", "Siti", "--role", "petugas",
        env={"PPID_DESK_NEW_PASSWORD": "sandi-siti-01"},
    )  # fmt: skip
    assert added.code == 0, added.err
    officer = run_in_process(
        "--data-dir", desk_dir, "--user", "siti", "report", "--period", "2026",
        env={"PPID_DESK_PASSWORD": "sandi-siti-01"},
    )  # fmt: skip
    assert officer.code == 2 and "tidak berwenang" in officer.err


def test_narrative_is_set_from_a_file_and_read_back(desk_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "narasi.json"
    source.write_text(json.dumps({"sdm": "Tiga petugas."}), encoding="utf-8")
    saved = _admin(desk_dir, "report", "narrative", "--year", "2026", "--set-from", source)
    assert saved.code == 0, saved.err
    read = _admin(desk_dir, "report", "narrative", "--year", "2026").json()
    assert read["sections"]["sdm"] == "Tiga petugas." and read["sections"]["kebijakan"] == ""
    source.write_text(json.dumps({"gaji": "x"}), encoding="utf-8")
    refused = _admin(desk_dir, "report", "narrative", "--year", "2026", "--set-from", source)
    assert refused.code == 2 and "tidak dikenal" in refused.err


def test_export_public_leaves_out_personal_data(desk_dir: Path, tmp_path: Path) -> None:
    _two_requests(desk_dir)
    out = tmp_path / "publik.csv"
    result = _admin(desk_dir, "export", "--public", "--out", out)
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8-sig")
    assert (
        NIK[:6] not in text and "Budi Santoso" not in text and "0812" not in text and "Ahmad Yani" not in text
    )
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 2 and "Nama" not in rows[0]


def test_city_report_on_the_city_desk_and_refused_elsewhere(desk_dir: Path) -> None:
    """``report --city``: refused on an office desk (exit 2), with --office, and --offline alone; on a city
    desk it prints the totals with a line per office."""
    from datetime import datetime

    from app.services.desk import DeskServices
    from ppid_protocol.wire import DeskEntry, OfficeEntry
    from tests.city_desk import record_enrollment

    _two_requests(desk_dir)
    office_desk = _admin(desk_dir, "report", "--city", "--offline", "--period", "2026")
    assert office_desk.code == 2 and "PPID Utama" in office_desk.err
    desk = DeskServices.open(desk_dir)
    try:
        kept = [OfficeEntry(code="3673.01", name="Kecamatan Serang", desks=[DeskEntry(desk_letter="A")])]
        record_enrollment(
            desk.ctx.db, "3673", city=True, office_list=kept, fetched_at=datetime(2026, 4, 2, 8)
        )
    finally:
        desk.close()
    result = _admin(desk_dir, "report", "--city", "--offline", "--period", "2026")
    assert result.code == 0, result.err
    report = result.json()
    assert report["scope"] == "kota" and report["requests"]["total"] == 2
    lines = {line["code"]: line for line in report["offices"]}
    assert lines["3673.01"]["requests"] == 0 and lines["3673.01"]["desks"][0]["quiet"] is True
    assert sum(line["requests"] for line in report["offices"]) == 2
    both = _admin(desk_dir, "report", "--city", "--office", "X", "--period", "2026")
    assert both.code == 2 and "--office" in both.err
    alone = _admin(desk_dir, "report", "--offline", "--period", "2026")
    assert alone.code == 2 and "--city" in alone.err

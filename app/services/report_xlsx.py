"""The report as a workbook (openpyxl): one sheet per table of the report, numbers stored as numbers, and a
sheet with the requests behind the figures, so a supervisor can check any count with a spreadsheet filter.

Every sheet has the same shape (No., Uraian, Kode, Jumlah), with the code next to its Indonesian label so the
sheet can be matched against ``ppid-desk report --format json``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from app.domain.lifecycle import CHANNELS, OBJECTION_GROUNDS, PASAL_17
from app.domain.report_terms import (
    DISPUTE_RESULTS,
    OBJECTION_OUTCOMES,
    OUTCOMES,
    REQUESTER_KIND_LABELS,
    RESPONSE_BUCKETS,
)
from app.services.reports import Report

SHEETS_HEADER = ["No.", "Uraian", "Kode", "Jumlah"]
ROW_HEADERS = [
    "No. Registrasi", "Tanggal Diterima", "Saluran", "Jenis Pemohon", "Hasil", "Tanggal Lengkap",
    "Tanggal Pemberitahuan Tertulis", "Hari Kerja sampai Pemberitahuan", "Jatuh Tempo yang Berlaku",
    "Tepat Waktu", "Diperpanjang", "Pasal 17 huruf", "Tanggal Penyerahan", "Hari Kerja sampai Penyerahan",
]  # fmt: skip


def _table(book: Any, title: str, counts: Mapping[str, Any], labels: Mapping[str, str]) -> None:
    sheet = book.create_sheet(title)
    sheet.append(SHEETS_HEADER)
    for i, (code, value) in enumerate(counts.items(), start=1):
        sheet.append([i, labels.get(code, code), code, value])
    sheet.column_dimensions["B"].width = 60
    sheet.column_dimensions["C"].width = 24


OFFICE_HEADERS = [
    "No.", "Kode Kantor", "Nama Kantor", "Permohonan", "Dijawab", "Tepat Waktu", "Terlambat", "Lewat Tenggat",
    "Belum Selesai", "Keberatan", "Keberatan Terlambat", "Sengketa", "Perlu Perhatian",
]  # fmt: skip
DESK_HEADERS = [
    "No.",
    "Kode Kantor",
    "Meja",
    "Keterangan",
    "Terakhir Tersambung",
    "Hari Sejak",
    "Tidak Aktif",
]
_OFFICE_KEYS = ("requests", "answered", "on_time", "late", "overdue", "pending", "objections", "late_filings",
                "disputes")  # fmt: skip


def _city_sheets(book: Any, offices: Sequence[Mapping[str, Any]]) -> None:
    """The city-wide report's breakdown: a line per office and one per desk."""
    from datetime import datetime

    sheet = book.create_sheet("Per Kantor")
    sheet.append(OFFICE_HEADERS)
    for i, line in enumerate(offices, start=1):
        sheet.append([i, line["code"], line["name"], *(line[k] for k in _OFFICE_KEYS),
                      "Ya" if line["behind"] else "Tidak"])  # fmt: skip
    sheet.column_dimensions["C"].width = 40
    desks = book.create_sheet("Meja")
    desks.append(DESK_HEADERS)
    i = 0
    for line in offices:
        for desk in line["desks"]:
            i += 1
            seen = datetime.fromisoformat(desk["last_sync"]) if desk["last_sync"] else None
            desks.append([i, line["code"], desk["desk"], desk["label"], seen, desk["days_since"],
                          "Ya" if desk["quiet"] else "Tidak"])  # fmt: skip
    for cell in desks["E"][1:]:
        cell.number_format = "yyyy-mm-dd hh:mm"
    desks.column_dimensions["D"].width = 30
    desks.column_dimensions["E"].width = 20


def write_xlsx(report: Report, path: Path, *, offices: Sequence[Mapping[str, Any]] = ()) -> None:
    """The workbook; ``offices`` (the city-wide report only) adds the *Per Kantor* and *Meja* sheets."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    fig = report.figures
    req, obj, dis = fig.requests, fig.objections, fig.disputes
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "Ringkasan"
    resp, hand = req["response_working_days"], req["handover_working_days"]
    summary_rows: list[tuple[str, str, Any]] = [
        ("Periode", "period", fig.period.label),
        ("Dari", "from", fig.period.start),
        ("Sampai", "to", fig.period.end),
        ("Kantor", "office", fig.office_code),
        ("Jumlah permohonan", "requests.total", req["total"]),
        ("Permohonan diperpanjang", "requests.extended", req["extended"]),
        ("Permohonan dengan pemberitahuan tertulis", "requests.answered", req["answered"]),
        ("Rata-rata hari kerja sampai pemberitahuan", "response_working_days.mean", resp["mean"]),
        ("Median hari kerja sampai pemberitahuan", "response_working_days.median", resp["median"]),
        ("Terlama (hari kerja) sampai pemberitahuan", "response_working_days.max", resp["max"]),
        ("Tepat waktu", "requests.on_time", req["on_time"]),
        ("Terlambat", "requests.late", req["late"]),
        ("Informasi diserahkan", "requests.handed_over", req["handed_over"]),
        ("Rata-rata hari kerja sampai penyerahan", "handover_working_days.mean", hand["mean"]),
        ("Median hari kerja sampai penyerahan", "handover_working_days.median", hand["median"]),
        ("Terlama (hari kerja) sampai penyerahan", "handover_working_days.max", hand["max"]),
        ("Jumlah keberatan", "objections.total", obj["total"]),
        ("Keberatan melewati jangka waktu", "objections.late_filings", obj["late_filings"]),
        ("Jumlah sengketa", "disputes.total", dis["total"]),
    ]
    summary.append(["Uraian", "Kode", "Nilai"])
    for label, code, value in summary_rows:
        summary.append([label, code, value])
    for cell in summary["C"][1:4]:
        if cell.row in (3, 4):
            cell.number_format = "yyyy-mm-dd"
    summary.column_dimensions["A"].width = 48
    summary.column_dimensions["B"].width = 32
    _table(book, "Per Bulan", req["by_month"], {})
    _table(book, "Saluran", req["by_channel"], CHANNELS)
    _table(book, "Jenis Pemohon", req["by_requester_kind"], REQUESTER_KIND_LABELS)
    _table(book, "Hasil", req["by_outcome"], OUTCOMES)
    _table(book, "Penolakan Pasal 17", req["rejections_by_article"], PASAL_17)
    _table(
        book, "Waktu Pemberitahuan", req["response_distribution"], {k: v for k, v, _, _ in RESPONSE_BUCKETS}
    )
    _table(book, "Alasan Keberatan", obj["by_ground"], OBJECTION_GROUNDS)
    _table(book, "Tanggapan Keberatan", obj["by_decision"], OBJECTION_OUTCOMES)
    _table(book, "Sengketa", dis["by_outcome"], DISPUTE_RESULTS)
    if offices:
        _city_sheets(book, offices)
    sheet = book.create_sheet("Permohonan")
    sheet.append(ROW_HEADERS)
    for r in report.rows:
        sheet.append([
            r.number, r.received_on, r.channel, r.requester_kind, r.outcome, r.completed_on, r.answered_on,
            r.response_days, r.deadline, None if r.on_time is None else ("Ya" if r.on_time else "Tidak"),
            "Ya" if r.extended else "Tidak", r.rejection_article or None, r.delivered_on, r.handover_days,
        ])  # fmt: skip
    for column in ("B", "F", "G", "I", "M"):
        for cell in sheet[column][1:]:
            cell.number_format = "yyyy-mm-dd"
    for ws in book.worksheets:
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
    book.save(path)

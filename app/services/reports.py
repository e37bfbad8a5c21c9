"""The Laporan Layanan Informasi Publik: its figures for a period, the narrative the office writes for the
year, and the PDF and XLSX built from both.

Supervisor and up (``Permission.REPORTS``): the report is the office's account to the Komisi Informasi and to
PPID Utama. It carries no personal data (counts, and request numbers in the XLSX sheet of requests), so reading
it is not audited; saving the narrative is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.domain.periods import Period, PeriodError, parse_period
from app.domain.permissions import Permission
from app.errors import ValidationError
from app.ids import new_id
from app.services import report_figures, report_rows
from app.services.calendar import load_calendar
from app.services.context import Actor, DeskContext
from app.services.journal import audit
from app.services.office import load_office
from app.services.report_figures import Figures
from app.services.report_rows import ReportRow
from db.models import ReportNarrative

#: The narrative sections of the report (domain §5), in the order the PDF prints them.
NARRATIVE_SECTIONS: dict[str, str] = {
    "kebijakan": "Gambaran umum kebijakan layanan informasi publik",
    "sarana_prasarana": "Sarana dan prasarana",
    "sdm": "Sumber daya manusia",
    "anggaran": "Anggaran layanan informasi dan penggunaannya",
    "kendala_internal": "Kendala internal",
    "kendala_eksternal": "Kendala eksternal",
    "rekomendasi": "Rekomendasi dan rencana tindak lanjut",
}
NARRATIVE_MAX = 20_000
REPORT_KINDS = ("tahunan", "semester")


@dataclass(frozen=True)
class Report:
    """What a printed report is made of: the figures, the requests behind them and the year's narrative."""

    figures: Figures
    rows: list[ReportRow]
    narrative: dict[str, str]


def period_of(value: str | Period) -> Period:
    if isinstance(value, Period):
        return value
    try:
        return parse_period(value)
    except PeriodError as exc:
        raise ValidationError({"period": str(exc)}) from None


def kind_for(period: Period, kind: str | None) -> str:
    """The report kind asked for, or the one the period implies (a semester gives the semester report)."""
    if kind is None:
        return "semester" if period.kind == "semester" else "tahunan"
    if kind not in REPORT_KINDS:
        raise ValidationError({"kind": "Jenis laporan harus 'tahunan' atau 'semester'."})
    return kind


class ReportService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def _office(self, session: Any, office: str | None) -> str:
        own = load_office(session).code
        code = (office or own).strip().upper()
        if not code:
            raise ValidationError({"office": "Kode kantor tidak boleh kosong."})
        return code

    def figures(self, actor: Actor, period: str | Period, *, office: str | None = None) -> Figures:
        """The figures of ``period`` (default office: this desk's own)."""
        actor.require(Permission.REPORTS)
        chosen = period_of(period)
        with self.ctx.db.reader() as session:
            cal = load_calendar(session)
            return report_figures.compute(session, cal, chosen, self._office(session, office))

    def report(
        self, actor: Actor, period: str | Period, *, office: str | None = None, with_rows: bool = True
    ) -> Report:
        """Figures, the requests behind them (unless ``with_rows`` is false: the PDF does not list them) and the
        narrative of the period's (last) year, read together."""
        actor.require(Permission.REPORTS)
        chosen = period_of(period)
        with self.ctx.db.reader() as session:
            cal = load_calendar(session)
            code = self._office(session, office)
            figures = report_figures.compute(session, cal, chosen, code)
            rows = report_rows.rows(session, cal, chosen, code) if with_rows else []
            narrative = _narrative(session, code, chosen.end.year)
        return Report(figures, rows, narrative)

    def rows(self, actor: Actor, period: str | Period, *, office: str | None = None) -> list[ReportRow]:
        """The requests behind the figures of ``period`` (what the Laporan page lists when a figure is chosen,
        read only then: on a busy year they cost as much as the figures themselves)."""
        actor.require(Permission.REPORTS)
        chosen = period_of(period)
        with self.ctx.db.reader() as session:
            cal = load_calendar(session)
            return report_rows.rows(session, cal, chosen, self._office(session, office))

    def narrative(self, actor: Actor, year: int, *, office: str | None = None) -> dict[str, str]:
        """The office's narrative for ``year``: every section, empty text where nothing was written yet."""
        actor.require(Permission.REPORTS)
        with self.ctx.db.reader() as session:
            return _narrative(session, self._office(session, office), year)

    def save_narrative(self, actor: Actor, year: int, sections: Mapping[str, Any]) -> dict[str, str]:
        """Save the sections given (the others keep their text); unknown sections are refused, not dropped."""
        actor.require(Permission.REPORTS)
        if not isinstance(sections, Mapping):
            raise ValidationError({"sections": "Narasi harus berupa objek JSON {bagian: teks}."})
        if not 2000 <= int(year) <= 9999:
            raise ValidationError({"year": f"Tahun {year} tidak masuk akal."})
        errors: dict[str, str] = {}
        clean: dict[str, str] = {}
        for key, value in sections.items():
            if key not in NARRATIVE_SECTIONS:
                errors[key] = "Bagian narasi tidak dikenal. Pilih: " + ", ".join(NARRATIVE_SECTIONS)
            elif not isinstance(value, str):
                errors[key] = "Isi bagian narasi harus berupa teks."
            elif len(value) > NARRATIVE_MAX:
                errors[key] = f"Teks terlalu panjang (paling banyak {NARRATIVE_MAX:,} karakter).".replace(
                    ",", "."
                )
            else:
                clean[key] = value.strip()
        if errors:
            raise ValidationError(errors)
        now = self.ctx.clock()
        with self.ctx.db.transaction() as session:
            code = load_office(session).code
            row = session.scalar(
                select(ReportNarrative).where(
                    ReportNarrative.office_code == code, ReportNarrative.year == year
                )
            )
            if row is None:
                row = ReportNarrative(
                    id=new_id(), office_code=code, year=year, sections={}, version=0, updated_at=now,
                    updated_by=actor.username,
                )  # fmt: skip
                session.add(row)
            row.sections = {**row.sections, **clean}
            row.version += 1
            row.updated_at = now
            row.updated_by = actor.username
            audit(
                session,
                actor,
                now,
                action="report_narrative",
                entity="report",
                entity_id=row.id,
                details={"year": year, "sections": sorted(clean)},
            )
            return _complete(row.sections)

    def pdf(
        self, actor: Actor, period: str | Period, *, office: str | None = None, kind: str | None = None
    ) -> bytes:
        """The Laporan as a PDF: the yearly report, or the shorter semester report to PPID Utama."""
        from app.services.report_documents import report_pdf

        chosen = period_of(period)
        report_kind = kind_for(chosen, kind)
        report = self.report(actor, chosen, office=office, with_rows=False)
        return report_pdf(self.ctx, report, semester=report_kind == "semester")

    def xlsx(self, actor: Actor, period: str | Period, out: Path, *, office: str | None = None) -> Path:
        """The figures as a workbook: one sheet per table (numbers as numbers) and the requests behind them."""
        from app.services.report_xlsx import write_xlsx

        report = self.report(actor, period, office=office)
        write_xlsx(report, Path(out))
        return Path(out)


def _complete(sections: Mapping[str, Any]) -> dict[str, str]:
    return {key: str(sections.get(key) or "") for key in NARRATIVE_SECTIONS}


def _narrative(session: Any, office_code: str, year: int) -> dict[str, str]:
    row = session.scalar(
        select(ReportNarrative).where(
            ReportNarrative.office_code == office_code, ReportNarrative.year == year
        )
    )
    return _complete(row.sections if row is not None else {})

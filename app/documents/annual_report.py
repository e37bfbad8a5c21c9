"""The Laporan Layanan Informasi Publik (yearly, Perki 1/2021 Pasal 56) and the shorter semester report to
PPID Utama, on portrait A4 with the office's kop and the PPID's signature.

The structure follows the minimum content of the law (domain §5): Bab I pendahuluan and the office's policy
(its narrative), Bab II the overall picture with the monthly chart, Bab III the rincian pelayanan (outcomes,
rejections by Pasal 17 huruf, time needed), Bab IV keberatan and sengketa, Bab V kendala and Bab VI rekomendasi.
The semester report keeps the figures (Bab II–IV, without charts) and leaves out the narrative chapters. The
city-wide report of PPID Utama adds an annex with a line per office and its desks (``city_annex.py``).
Numbers are written the Indonesian way (``1.234``, ``4,5``); every figure comes from the snapshot as counted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from app.documents.base import build_pdf, esc, letter_page, page_footer, styles
from app.documents.charts import bar_chart, column_chart
from app.documents.city_annex import city_annex
from app.documents.parts import Styles, grid_table, kop, signature
from app.documents.snapshot import ReportSnapshot
from app.documents.templates import Template, template_for
from app.domain.formatting import format_number, month_name
from app.domain.lifecycle import CHANNELS, OBJECTION_GROUNDS, PASAL_17
from app.domain.report_terms import (
    DISPUTE_RESULTS,
    OBJECTION_OUTCOMES,
    OUTCOMES,
    REQUESTER_KIND_LABELS,
    RESPONSE_BUCKETS,
)

_NARRATIVE_1 = ("kebijakan", "sarana_prasarana", "sdm", "anggaran")
_NARRATIVE_5 = ("kendala_internal", "kendala_eksternal")
_NARRATIVE_HEADINGS = {
    "kebijakan": "A. Kebijakan layanan informasi publik",
    "sarana_prasarana": "B. Sarana dan prasarana",
    "sdm": "C. Sumber daya manusia",
    "anggaran": "D. Anggaran dan penggunaannya",
    "kendala_internal": "A. Kendala internal",
    "kendala_eksternal": "B. Kendala eksternal",
}


def _n(value: Any, decimals: int = 0) -> str:
    return "-" if value is None else format_number(value, decimals)


def _month_label(key: str) -> str:
    year, month = key.split("-")
    return f"{month_name(int(month))} {year}"


class _Layout:
    def __init__(self, snap: ReportSnapshot, tpl: Template, st: Styles, width: float) -> None:
        self.snap, self.tpl, self.st, self.width = snap, tpl, st, width

    def heading(self, key: str) -> list[Flowable]:
        """A chapter title, kept on the page of what follows it (``keepWithNext``). Its space after is the
        style's, not a ``Spacer``: reportlab keeps a title with the next flowable, which a spacer would be
        (a real print ended page 2 with "BAB III …" and opened page 3 with its first table)."""
        heading = self.st["heading"]
        style = heading.clone("chapter", keepWithNext=1, spaceBefore=heading.spaceBefore + 6, spaceAfter=3)
        return [Paragraph(esc(self.tpl.plain(key)), style)]

    def table(
        self,
        title_key: str,
        rows: Sequence[tuple[str, str]],
        first: str = "col_item",
        total: str | None = None,
    ) -> Flowable:
        """A numbered table of (label, value) rows, with an unnumbered bold total row when the rows add up."""
        cell, num = self.st["cell"], self.st["right"]
        data: list[list[Any]] = [
            [Paragraph(esc(self.tpl.plain(k)), self.st["center"]) for k in ("col_no", first, "col_count")]
        ]
        for i, (label, value) in enumerate(rows, start=1):
            data.append([Paragraph(str(i), cell), Paragraph(esc(label), cell), Paragraph(esc(value), num)])
        if total is not None:
            data.append(["", Paragraph(f"<b>{esc(self.tpl.plain('total'))}</b>", cell),
                         Paragraph(f"<b>{esc(total)}</b>", num)])  # fmt: skip
        widths = (self.width * 0.08, self.width * 0.7, self.width * 0.22)
        caption = Paragraph(f"<b>{esc(self.tpl.plain(title_key))}</b>", self.st["left"])
        return KeepTogether([caption, Spacer(1, 2), grid_table(data, widths), Spacer(1, 6)])

    def counts(
        self, title_key: str, counts: Mapping[str, int], labels: Mapping[str, str], *, first: str = "col_item",
        total: bool = True,
    ) -> Flowable:  # fmt: skip
        rows = [(labels.get(k, k), _n(v)) for k, v in counts.items()]
        return self.table(title_key, rows, first, _n(sum(counts.values())) if total else None)

    def narrative(self, keys: Sequence[str], *, headed: bool = True) -> list[Flowable]:
        out: list[Flowable] = []
        for key in keys:
            if headed:  # kept with its text
                style = self.st["left"].clone("narrative_heading", keepWithNext=1)
                out.append(Paragraph(f"<b>{esc(_NARRATIVE_HEADINGS[key])}</b>", style))
            text = (self.snap.narrative.get(key) or "").strip() or self.tpl.plain("not_written")
            out += [Paragraph(esc(text), self.st["body"]), Spacer(1, 4)]
        return out


def _headings_kept(story: Sequence[Flowable]) -> list[Flowable]:
    """A ``keepWithNext`` title followed by a table is put inside the table's ``KeepTogether``: reportlab keeps a
    title with the next flowable only when that is no ``KeepTogether``, so a chapter title followed by its first
    table ended a page (seen on a real print: "BAB III …" at the foot of page 2)."""
    out: list[Flowable] = []
    for f in story:
        if isinstance(f, KeepTogether) and out and out[-1].getKeepWithNext():
            f = KeepTogether([out.pop(), *f._content])
        out.append(f)
    return out


def render_report(snap: ReportSnapshot) -> bytes:
    tpl = template_for("report", snap.wording)
    page = letter_page("A4")
    st = styles(10)
    lay = _Layout(snap, tpl, st, page.frame_width)
    req, obj, dis = snap.figures["requests"], snap.figures["objections"], snap.figures["disputes"]
    ppid = snap.office.ppid_name
    title = tpl.plain("title_semester" if snap.semester else "title_city" if snap.offices else "title")
    story: list[Flowable] = [*kop(snap.office, tpl, page, st)]
    story += [Paragraph(esc(title), st["title"]), Paragraph(esc(ppid.upper()), st["title"])]
    story += [Paragraph(esc(snap.period_label.upper()), st["title"])]
    if snap.semester:
        story.append(Paragraph(esc(tpl.plain("to_utama")), st["center"]))
    story.append(Spacer(1, 8))

    period = snap.period_label
    if not snap.semester:
        story += lay.heading("chapter_1")
        story.append(Paragraph(tpl.fmt("intro", ppid=ppid, period=period), st["body"]))
        story.append(Spacer(1, 4))
        story += lay.narrative(_NARRATIVE_1)

    story += lay.heading("chapter_2")
    story.append(
        Paragraph(
            tpl.fmt(
                "summary",
                period=period,
                ppid=ppid,
                total=_n(req["total"]),
                keberatan=_n(obj["total"]),
                sengketa=_n(dis["total"]),
            ),
            st["body"],
        )
    )
    story.append(Spacer(1, 6))
    months = req["by_month"]
    if not snap.semester:
        story.append(
            column_chart(
                tpl.plain("chart_month"),
                [month_name(int(k[5:]))[:3] for k in months],
                list(months.values()),
                page.frame_width,
            )
        )
    story.append(
        lay.counts("table_month", {_month_label(k): v for k, v in months.items()}, {}, first="col_month")
    )
    story.append(lay.counts("table_channel", req["by_channel"], CHANNELS))
    story.append(lay.counts("table_kind", req["by_requester_kind"], REQUESTER_KIND_LABELS))

    story += lay.heading("chapter_3")
    outcomes = req["by_outcome"]
    story.append(lay.counts("table_outcome", outcomes, OUTCOMES))
    if not snap.semester:
        story.append(
            bar_chart(tpl.plain("chart_outcome"), [OUTCOMES.get(k, k) for k in outcomes], list(outcomes.values()),
                      page.frame_width)
        )  # fmt: skip
    articles = {
        f"Pasal 17 huruf {k}: {v}": n
        for k, v in PASAL_17.items()
        if (n := req["rejections_by_article"].get(k))
    }
    story.append(lay.counts("table_rejection", articles, {}))
    resp, hand = req["response_working_days"], req["handover_working_days"]
    values = [
        _n(req["answered"]), _n(resp["mean"], 1), _n(resp["median"], 1), _n(resp["max"]), _n(req["on_time"]),
        _n(req["late"]), _n(req["extended"]), _n(req["handed_over"]), _n(hand["mean"], 1), _n(hand["max"]),
    ]  # fmt: skip
    story.append(lay.table("table_time", list(zip(tpl.lines("time_rows"), values, strict=True))))
    story.append(Paragraph(esc(tpl.plain("time_note")), st["small"]))
    story.append(Spacer(1, 6))
    buckets = req["response_distribution"]
    labels = {key: label for key, label, _, _ in RESPONSE_BUCKETS}
    story.append(lay.counts("table_distribution", buckets, labels))
    if not snap.semester:
        story.append(
            column_chart(
                tpl.plain("chart_distribution"),
                [k for k in buckets],
                list(buckets.values()),
                page.frame_width,
            )
        )

    story += lay.heading("chapter_4")
    story.append(Paragraph(tpl.fmt("objections_total", count=_n(obj["total"])), st["body"]))
    story.append(Spacer(1, 4))
    grounds = {f"Huruf {k}: {v}": obj["by_ground"].get(k, 0) for k, v in OBJECTION_GROUNDS.items()}
    story.append(lay.counts("table_ground", grounds, {}, total=False))
    story.append(lay.counts("table_decision", obj["by_decision"], OBJECTION_OUTCOMES))
    story.append(Paragraph(tpl.fmt("late_filings", count=_n(obj["late_filings"])), st["body"]))
    story.append(Spacer(1, 4))
    story.append(Paragraph(tpl.fmt("disputes_total", count=_n(dis["total"])), st["body"]))
    story.append(Spacer(1, 4))
    story.append(lay.counts("table_dispute", dis["by_outcome"], DISPUTE_RESULTS))

    if not snap.semester:
        story += lay.heading("chapter_5")
        story += lay.narrative(_NARRATIVE_5)
        story += lay.heading("chapter_6")
        story += lay.narrative(("rekomendasi",), headed=False)
    story.append(Paragraph(esc(tpl.plain("closing")), st["body"]))
    story.append(
        signature(
            snap.signatory, tpl, page, st, city=snap.office.city, date=snap.printed_on, gap=18 * mm,
            role=tpl.plain("signer_role") if not snap.signatory.jabatan else "",
        )
    )  # fmt: skip
    if snap.offices:
        story += city_annex(snap, tpl, st, page.frame_width)
    footer = page_footer(lambda n, t: tpl.plain("page_of", page=str(n), pages=str(t)), page)
    return build_pdf(_headings_kept(story), page, title=title, subject=period, author=ppid, on_page=footer)

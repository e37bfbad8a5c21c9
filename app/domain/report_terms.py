"""The words of the Laporan Layanan Informasi Publik: the outcomes a request is counted under, the keberatan
and sengketa results, the requester kinds (from ``requester.py``) and the response-time buckets, each with its Indonesian label.

One place for them because the figures (``app/services/report_figures.py``), the PDF, the XLSX and the JSON
all name the same rows.
"""

from __future__ import annotations

from app.domain.lifecycle import DECISION_LABELS, DISPUTE_OUTCOMES, OBJECTION_DECISIONS, Decision
from app.domain.requester import REQUESTER_KIND_LABELS
from app.domain.translatable import QT_TRANSLATE_NOOP

__all__ = [
    "DISPUTE_RESULTS",
    "FORWARDED",
    "NOT_PROCESSABLE",
    "OBJECTION_OUTCOMES",
    "OUTCOMES",
    "PENDING",
    "QUIET_AFTER_DAYS",
    "REQUESTER_KIND_LABELS",
    "RESPONSE_BUCKETS",
    "UNDECIDED",
]

PENDING = "belum_selesai"
FORWARDED = "diteruskan"
NOT_PROCESSABLE = "tidak_dapat_diproses"
UNDECIDED = "belum_diputus"
#: The city-wide report marks a desk that has not reached the city server for this many days as quiet.
QUIET_AFTER_DAYS = 7

#: Every outcome of a request, in the order of the report's tables, with its Indonesian label.
OUTCOMES: dict[str, str] = {
    **{d.value: DECISION_LABELS[d] for d in Decision},
    FORWARDED: QT_TRANSLATE_NOOP("Terms", "Diteruskan ke badan publik lain"),
    NOT_PROCESSABLE: QT_TRANSLATE_NOOP("Terms", "Tidak dapat diproses (tidak dilengkapi)"),
    PENDING: QT_TRANSLATE_NOOP("Terms", "Belum selesai pada akhir periode"),
}
UNDECIDED_LABEL = QT_TRANSLATE_NOOP("Terms", "Belum diputus pada akhir periode")
OBJECTION_OUTCOMES: dict[str, str] = {**OBJECTION_DECISIONS, UNDECIDED: UNDECIDED_LABEL}
DISPUTE_RESULTS: dict[str, str] = {**DISPUTE_OUTCOMES, UNDECIDED: UNDECIDED_LABEL}
#: Buckets of the response-time chart and table: (key, label, lowest, highest working day).
RESPONSE_BUCKETS: tuple[tuple[str, str, int, int], ...] = (
    ("0-5", "0–5 hari kerja", 0, 5),
    ("6-10", "6–10 hari kerja", 6, 10),
    ("11-17", "11–17 hari kerja (dengan perpanjangan)", 11, 17),
    ("18+", "Lebih dari 17 hari kerja", 18, 10**9),
)

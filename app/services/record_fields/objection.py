"""The keberatan's field table: one entry per field of a keberatan (objection)."""

from __future__ import annotations

from app.domain.lifecycle import (
    DISPUTE_OUTCOMES,
    OBJECTION_DECISIONS,
    OBJECTION_STATUS_LABELS,
)
from app.domain.translatable import QT_TRANSLATE_NOOP
from app.services.record_fields.fields import (
    Detail,
    RecordField,
    Screen,
    table,
)

_F = RecordField


# Order: the order of ``ObjectionView.to_dict()``; stored-only fields follow.
OBJECTION_FIELDS: tuple[RecordField, ...] = table(
    "objection",
    _F("id", "ID"),
    _F(
        "number",
        "Nomor registrasi",
        screen=Screen(QT_TRANSLATE_NOOP("ObjectionsPage", "No. Registrasi Keberatan"), True, 1),
    ),
    _F("request_id", "Permohonan (ID)", json=False),
    _F(
        "request_number",
        "Nomor permohonan",
        column=False,
        detail=Detail(QT_TRANSLATE_NOOP("ObjectionsPage", "Permohonan"), "objection", 1, always=True),
        screen=Screen(QT_TRANSLATE_NOOP("ObjectionsPage", "No. Permohonan"), True, 4),
    ),
    _F(
        "status",
        "Status",
        options=OBJECTION_STATUS_LABELS,
        screen=Screen(QT_TRANSLATE_NOOP("ObjectionsPage", "Status"), True, 6),
    ),
    _F(
        "grounds",
        "Alasan keberatan",
        detail=Detail(QT_TRANSLATE_NOOP("ObjectionsPage", "Alasan"), "objection", 4, always=True),
        screen=Screen(QT_TRANSLATE_NOOP("ObjectionsPage", "Alasan"), True, 5),
    ),
    _F(
        "filed_at",
        "Waktu diajukan",
        detail=Detail(QT_TRANSLATE_NOOP("ObjectionsPage", "Diterima"), "objection", 2, always=True),
        screen=Screen(QT_TRANSLATE_NOOP("ObjectionsPage", "Tanggal"), True, 2),
    ),
    _F(
        "case_summary",
        "Kasus posisi",
        detail=Detail(QT_TRANSLATE_NOOP("ObjectionsPage", "Kasus posisi"), "objection", 5, always=True),
    ),
    _F(
        "proxy",
        "Kuasa",
        personal=True,
        detail=Detail(QT_TRANSLATE_NOOP("ObjectionsPage", "Kuasa"), "objection", 6),
    ),
    _F(
        "due_response",
        "Batas jawaban",
        json=False,
        detail=Detail(QT_TRANSLATE_NOOP("ObjectionsPage", "Batas tanggapan Atasan PPID"), "objection", 7),
        screen=Screen(QT_TRANSLATE_NOOP("ObjectionsPage", "Batas Tanggapan"), True, 7),
    ),
    _F(
        "deadlines",
        "Rincian tenggat",
        detail=Detail(QT_TRANSLATE_NOOP("ObjectionsPage", "Batas mengajukan sengketa"), "objection", 8),
    ),
    _F(
        "decision",
        "Keputusan",
        detail=Detail(QT_TRANSLATE_NOOP("ObjectionsPage", "Keputusan Atasan PPID"), "objection", 9),
        options=OBJECTION_DECISIONS,
        screen=Screen(QT_TRANSLATE_NOOP("ObjectionsPage", "Keputusan Atasan PPID"), True, 8),
    ),
    _F(
        "decision_text",
        "Isi keputusan",
        detail=Detail(QT_TRANSLATE_NOOP("ObjectionsPage", "Isi tanggapan"), "objection", 10, always=True),
    ),
    _F("decided_at", "Tanggal keputusan"),
    _F(
        "atasan_name",
        "Nama atasan PPID",
        detail=Detail(QT_TRANSLATE_NOOP("ObjectionsPage", "Atasan PPID"), "objection", 11, always=True),
    ),
    _F("atasan_position", "Jabatan atasan PPID"),
    _F(
        "requester_response",
        "Tanggapan pemohon",
        detail=Detail(QT_TRANSLATE_NOOP("ObjectionsPage", "Tanggapan pemohon"), "objection", 12),
    ),
    _F("requester_response_at", "Tanggal tanggapan pemohon"),
    _F(
        "dispute_filed_at",
        "Tanggal sengketa diajukan",
        detail=Detail(QT_TRANSLATE_NOOP("ObjectionsPage", "Sengketa"), "objection", 13),
    ),
    _F("dispute_register", "Nomor register sengketa"),
    _F(
        "dispute_outcome",
        "Putusan sengketa",
        detail=Detail(QT_TRANSLATE_NOOP("ObjectionsPage", "Hasil sengketa"), "objection", 14),
        options=DISPUTE_OUTCOMES,
    ),
    _F("dispute_outcome_text", "Isi putusan sengketa"),
    _F("dispute_decided_at", "Tanggal putusan sengketa"),
    _F("closed_at", "Tanggal ditutup"),
    _F("voided_at", "Tanggal dibatalkan"),
    _F("void_reason", "Alasan pembatalan"),
    _F(
        "received_by",
        "Diterima oleh",
        detail=Detail(QT_TRANSLATE_NOOP("ObjectionsPage", "Petugas penerima"), "objection", 3, always=True),
    ),
    _F("received_by_name", "Nama petugas penerima", column=False),
    _F("version", "Versi"),
    _F("events", "Riwayat", column=False),
    _F("office_code", "Kantor pemilik", view=False),
    _F("desk_letter", "Huruf meja", view=False),
    _F("year", "Tahun", view=False),
    _F("seq", "Nomor urut", view=False),
    _F(
        "requester_name",
        "Nama pemohon",
        view=False,
        column=False,
        screen=Screen(QT_TRANSLATE_NOOP("ObjectionsPage", "Nama"), True, 3),
    ),  # the name its request records, beside each keberatan in the list
)

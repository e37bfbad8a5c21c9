"""The request's field table: one entry per field of a request (see ``app/services/record_fields``)."""

from __future__ import annotations

from app.domain.lifecycle import (
    CHANNELS,
    DECISION_LABELS,
    DELIVERY_METHODS,
    EXTENSION_REASONS,
    INFO_FORMS,
    OBTAIN_METHODS,
    STATUS_LABELS,
)
from app.domain.requester import DOCUMENT_KINDS
from app.domain.translatable import QT_TRANSLATE_NOOP
from app.services.record_fields.fields import (
    Correction,
    Detail,
    Export,
    RecordField,
    Screen,
    table,
)

_F = RecordField


# Order: the order of ``RequestView.to_dict()``; stored-only and export-only fields follow.
REQUEST_FIELDS: tuple[RecordField, ...] = table(
    "request",
    _F("id", "ID"),
    _F(
        "number",
        "Nomor registrasi",
        export=Export("No. Registrasi", 1),
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "No. Pendaftaran"), True),
    ),
    _F(
        "status",
        "Status",
        export=Export("Status", 23),
        options=STATUS_LABELS,
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Status"), True),
    ),
    _F(
        "received_at",
        "Waktu diterima",
        export=Export("Tanggal Diterima", 2),
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Diterima"), "request", 10, always=True),
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Tanggal"), True),
    ),
    _F(
        "completed_at",
        "Tanggal lengkap",
        export=Export("Tanggal Lengkap", 22),
        detail=Detail(
            QT_TRANSLATE_NOOP("RequestDetails", "Dinyatakan lengkap"),
            "request",
            18,
            always=True,
            dossier=True,
        ),
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Tgl. Lengkap")),
    ),
    _F(
        "channel",
        "Saluran",
        export=Export("Saluran", 21),
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Saluran"), "request", 11, always=True),
        correct=Correction(QT_TRANSLATE_NOOP("CorrectionFields", "Saluran"), 10),
        options=CHANNELS,
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Saluran"), True),
    ),
    _F("requester", "Identitas pemohon", column=False, personal=True),
    _F(
        "proxy",
        "Kuasa",
        personal=True,
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Kuasa"), "requester", 9),
    ),
    _F(
        "documents",
        "Berkas yang diperlihatkan",
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Berkas diterima"), "request", 17, always=True),
        options=DOCUMENT_KINDS,
    ),
    _F(
        "information",
        "Rincian informasi",
        export=Export("Informasi yang Diminta", 7),
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Rincian informasi"), "request", 13, always=True),
        correct=Correction(QT_TRANSLATE_NOOP("CorrectionFields", "Rincian informasi"), 8),
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Informasi yang Diminta"), True),
    ),
    _F(
        "purpose",
        "Tujuan penggunaan",
        export=Export("Tujuan Penggunaan Informasi", 8),
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Tujuan penggunaan"), "request", 14, always=True),
        correct=Correction(QT_TRANSLATE_NOOP("CorrectionFields", "Tujuan penggunaan informasi"), 9),
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Tujuan Penggunaan Informasi")),
    ),
    _F(
        "obtain_method",
        "Cara memperoleh informasi",
        export=Export("Jenis Permohonan", 12),
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Cara memperoleh"), "request", 15, always=True),
        correct=Correction(QT_TRANSLATE_NOOP("CorrectionFields", "Cara memperoleh informasi"), 11),
        options=OBTAIN_METHODS,
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Jenis Permohonan")),
    ),
    _F(
        "delivery_method",
        "Cara mendapatkan salinan",
        detail=Detail(
            QT_TRANSLATE_NOOP("RequestDetails", "Cara mendapatkan salinan"), "request", 16, always=True
        ),
        correct=Correction(QT_TRANSLATE_NOOP("CorrectionFields", "Cara mendapatkan salinan"), 12),
        options=DELIVERY_METHODS,
    ),
    _F(
        "missing_items",
        "Kekurangan berkas",
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Kekurangan"), "request", 19, dossier=True),
    ),
    _F("due_completeness", "Batas pemeriksaan kelengkapan", json=False),
    _F("due_completion", "Batas melengkapi", json=False),
    _F("due_response", "Batas jawaban", json=False),
    _F(
        "due_extended",
        "Batas setelah perpanjangan",
        json=False,
        export=Export("Jatuh Tempo Perpanjangan", 25),
    ),
    _F("deadlines", "Rincian tenggat"),
    _F(
        "extension_reason",
        "Alasan perpanjangan",
        export=Export("Alasan Perpanjangan", 26),
        detail=Detail(
            QT_TRANSLATE_NOOP("RequestDetails", "Alasan perpanjangan"), "outcome", 20, dossier=True
        ),
        options=EXTENSION_REASONS,
    ),
    _F(
        "decision",
        "Keputusan",
        export=Export("Keputusan", 13),
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Keputusan"), "outcome", 21, dossier=True),
        options=DECISION_LABELS,
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Keputusan")),
    ),
    _F(
        "decided_at",
        "Tanggal keputusan",
        export=Export("Tanggal Pemberitahuan Tertulis", 15),
        detail=Detail(
            QT_TRANSLATE_NOOP("RequestDetails", "Tanggal pemberitahuan"),
            "outcome",
            22,
            always=True,
            dossier=True,
        ),
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Tgl. Pemberitahuan Tertulis")),
    ),
    _F(
        "holder_body",
        "Badan publik yang menguasai",
        export=Export("Badan Publik yang Menguasai", 10),
        detail=Detail(
            QT_TRANSLATE_NOOP("RequestDetails", "Badan publik yang menguasai"), "outcome", 25, dossier=True
        ),
    ),
    _F(
        "info_form",
        "Bentuk informasi",
        export=Export("Bentuk Informasi", 11),
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Bentuk informasi"), "outcome", 23, dossier=True),
        options=INFO_FORMS,
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Bentuk Informasi")),
    ),
    _F(
        "redaction_reason",
        "Alasan penghitaman",
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Alasan penghitaman"), "outcome", 24, dossier=True),
    ),
    _F(
        "costs",
        "Biaya",
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Biaya"), "outcome", 26, dossier=True),
    ),
    _F(
        "payment_method",
        "Cara pembayaran",
        export=Export("Cara Pembayaran", 18),
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Cara pembayaran"), "outcome", 27, dossier=True),
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Cara Pembayaran")),
    ),
    _F(
        "rejection_article",
        "Pasal 17 huruf (penolakan)",
        export=Export("Alasan Penolakan", 14),
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Dasar penolakan"), "outcome", 28, dossier=True),
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Alasan Penolakan")),
    ),
    _F("rejection_other_basis", "Dasar penolakan lain"),
    _F(
        "consequence_test",
        "Uji konsekuensi",
        detail=Detail(
            QT_TRANSLATE_NOOP("RequestDetails", "Uji konsekuensi"), "outcome", 29, always=True, dossier=True
        ),
    ),
    _F(
        "forwarded_to",
        "Diteruskan ke",
        export=Export("Diteruskan ke", 27),
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Diteruskan ke"), "outcome", 30, dossier=True),
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Keterangan")),
    ),
    _F(
        "delivered_at",
        "Tanggal penyerahan",
        export=Export("Tanggal Pemberian Informasi", 16),
        detail=Detail(
            QT_TRANSLATE_NOOP("RequestDetails", "Informasi diserahkan"), "outcome", 31, dossier=True
        ),
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Tgl. Pemberian Informasi")),
    ),
    _F("delivered_method", "Cara penyerahan", options=DELIVERY_METHODS),
    _F(
        "closed_at",
        "Tanggal ditutup",
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Ditutup"), "outcome", 32, dossier=True),
    ),
    _F(
        "voided_at",
        "Tanggal dibatalkan",
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Dibatalkan"), "outcome", 33, dossier=True),
    ),
    _F("void_reason", "Alasan pembatalan"),
    _F(
        "received_by",
        "Diterima oleh",
        detail=Detail(
            QT_TRANSLATE_NOOP("RequestDetails", "Petugas penerima"), "request", 12, always=True, dossier=True
        ),
    ),
    _F("received_by_name", "Nama petugas penerima", column=False),  # the account's full name, for people
    _F("version", "Versi"),
    _F("routed_away", "Diteruskan kota ke kantor lain", column=False),
    _F("events", "Riwayat", column=False),
    _F("office_code", "Kantor pemilik", view=False),
    _F("desk_letter", "Huruf meja", view=False),
    _F("year", "Tahun", view=False),
    _F("seq", "Nomor urut", view=False),
    _F("requester_id", "Pemohon (ID)", view=False),
    _F("requester_recorded", "Identitas pemohon saat permohonan", view=False, personal=True),
    _F("incomplete_notice_at", "Tanggal pemberitahuan tidak lengkap", view=False),
    _F(
        "due_current",
        "Batas yang berlaku",
        view=False,
        export=Export("Jatuh Tempo", 24, "due"),
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Jatuh Tempo"), True),
    ),
    _F("extended_at", "Tanggal perpanjangan", view=False),
    _F("extension_note", "Catatan perpanjangan", view=False),
    _F(
        "info_held",
        "Informasi dikuasai",
        view=False,
        export=Export("Di Bawah Penguasaan", 9),
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Di Bawah Penguasaan")),
    ),
    _F("provision_days", "Waktu penyediaan (hari)", view=False),
    _F("response_note", "Catatan jawaban", view=False),
    _F("forwarded_at", "Tanggal diteruskan", view=False),
    _F("voided_by", "Dibatalkan oleh", view=False),
    _F(
        "cost_total",
        "Biaya (Rp)",
        view=False,
        column=False,
        export=Export("Biaya (Rp)", 17),
        reads=("costs",),
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Biaya")),
    ),
    _F(
        "overdue",
        "Terlambat",
        view=False,
        column=False,
        export=Export("Terlambat", 28),
        reads=("status", "due_current"),
    ),
)

"""The requester's field table: one entry per field of a requester as a request shows it."""

from __future__ import annotations

from app.domain.requester import REQUESTER_KIND_LABELS
from app.domain.translatable import QT_TRANSLATE_NOOP
from app.services.record_fields.fields import (
    MASKED_ROLES,
    Correction,
    Detail,
    Export,
    RecordField,
    Screen,
    table,
)

_F = RecordField


# The requester as ``RequesterView`` shows it (``nik``, ``phone_display``: masked or revealed per role).
REQUESTER_FIELDS: tuple[RecordField, ...] = table(
    "requester",
    _F("id", "ID"),
    _F(
        "kind",
        "Jenis pemohon",
        export=Export("Jenis Pemohon", 20, "requester_kind"),
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Jenis pemohon"), "requester", 1, always=True),
        options=REQUESTER_KIND_LABELS,
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Jenis Pemohon")),
    ),
    _F(
        "name",
        "Nama",
        export=Export("Nama", 3),
        personal=True,
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Nama"), "requester", 2, always=True),
        correct=Correction(QT_TRANSLATE_NOOP("CorrectionFields", "Nama pemohon"), 1),
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Nama"), True),
    ),
    _F(
        "nik",
        "NIK",
        column=False,
        personal=True,
        masked_for=MASKED_ROLES,
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "NIK"), "requester", 3, always=True),
        correct=Correction(QT_TRANSLATE_NOOP("CorrectionFields", "NIK pemohon"), 2),
    ),
    _F(
        "nik_masked",
        "NIK (disamarkan)",
        export=Export("NIK (disamarkan)", 19),
        personal=True,
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "NIK")),
    ),
    _F(
        "legal_number",
        "No. SK pengesahan",
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "No. SK pengesahan"), "requester", 4),
        correct=Correction(QT_TRANSLATE_NOOP("CorrectionFields", "No. SK pengesahan badan hukum"), 3),
    ),
    _F(
        "address",
        "Alamat",
        export=Export("Alamat", 4),
        personal=True,
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Alamat"), "requester", 5, always=True),
        correct=Correction(QT_TRANSLATE_NOOP("CorrectionFields", "Alamat pemohon"), 4),
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Alamat")),
    ),
    _F(
        "phone",
        "Telepon",
        personal=True,
        masked_for=MASKED_ROLES,
        correct=Correction(QT_TRANSLATE_NOOP("CorrectionFields", "Telepon pemohon"), 5),
    ),
    _F(
        "phone_display",
        "Telepon",
        column=False,
        personal=True,
        masked_for=MASKED_ROLES,
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Telepon"), "requester", 7, always=True),
    ),
    _F(
        "email",
        "Email",
        personal=True,
        masked_for=MASKED_ROLES,
        correct=Correction(QT_TRANSLATE_NOOP("CorrectionFields", "Email pemohon"), 6),
    ),
    _F(
        "email_display",
        "Email",
        column=False,
        personal=True,
        masked_for=MASKED_ROLES,
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Email"), "requester", 8, always=True),
    ),
    _F(
        "occupation",
        "Pekerjaan",
        export=Export("Pekerjaan", 6),
        detail=Detail(QT_TRANSLATE_NOOP("RequestDetails", "Pekerjaan"), "requester", 6, always=True),
        correct=Correction(QT_TRANSLATE_NOOP("CorrectionFields", "Pekerjaan pemohon"), 7),
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Pekerjaan")),
    ),
    _F(
        "contact",
        "Nomor kontak",
        view=False,
        column=False,
        export=Export("Nomor Kontak", 5),
        reads=("phone", "email"),
        personal=True,
        masked_for=MASKED_ROLES,
        screen=Screen(QT_TRANSLATE_NOOP("RegisterTableModel", "Nomor Kontak")),
    ),
    _F("nik_encrypted", "NIK (terenkripsi)", view=False, personal=True),
    _F("nik_hash", "NIK (sidik)", view=False, personal=True),
    _F("version", "Versi", view=False),
)

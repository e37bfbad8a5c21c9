"""The fields of an entry of the Daftar Informasi yang Dikecualikan (DIK) and of the Daftar Informasi Publik
(DIP): their labels, by which a refused entry names what is wrong and the audit log names what was recorded.
"""

from __future__ import annotations

from app.services.record_fields.fields import RecordField, table

_F = RecordField

DIK_FIELDS: tuple[RecordField, ...] = table(
    "dik",
    _F("information", "Informasi yang dikecualikan", view=False),
    _F("article", "Pasal 17 huruf", view=False),
    _F("consequence_test", "Uji konsekuensi", view=False),
    _F("excluded_until", "Dikecualikan sampai", view=False),
    _F("excluded_period", "Jangka waktu pengecualian", view=False),
    _F("sk_number", "Nomor SK penetapan", view=False),
    _F("sk_date", "Tanggal SK penetapan", view=False),
)

DIP_FIELDS: tuple[RecordField, ...] = table(
    "dip",
    _F("title", "Judul informasi", view=False),
    _F("summary", "Ringkasan", view=False),
    _F("holder", "Penguasa/penanggung jawab informasi", view=False),
    _F("form", "Bentuk informasi", view=False),
    _F("location", "Tempat memperoleh informasi", view=False),
)

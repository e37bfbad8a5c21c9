"""The fields of an entry of the Daftar Informasi yang Dikecualikan (DIK) and of the Daftar Informasi Publik
(DIP): their labels, by which a refused entry names what is wrong and the audit log names what was recorded,
and their rows in the forms that record them (``ui/settings/information_lists.py``: label with its mnemonic,
order, hint), so that the form and the messages name a field alike.
"""

from __future__ import annotations

from app.domain.translatable import QT_TRANSLATE_NOOP
from app.services.record_fields.fields import FormRow, RecordField, table

_F = RecordField

DIK_FIELDS: tuple[RecordField, ...] = table(
    "dik",
    _F("information", "Informasi yang dikecualikan", view=False,
       form=FormRow(QT_TRANSLATE_NOOP("InformationListForm", "&Informasi yang dikecualikan:"), 0)),
    _F("article", "Pasal 17 huruf", view=False,
       form=FormRow(QT_TRANSLATE_NOOP("InformationListForm", "Pasal 17 &huruf:"), 1)),
    _F("consequence_test", "Uji konsekuensi", view=False,
       form=FormRow(QT_TRANSLATE_NOOP("InformationListForm", "&Uji konsekuensi:"), 2,
                    QT_TRANSLATE_NOOP("InformationListForm",
                                      "Akibat bila informasi dibuka (min. 20 karakter)."))),
    _F("excluded_period", "Jangka waktu pengecualian", view=False,
       form=FormRow(QT_TRANSLATE_NOOP("InformationListForm", "&Jangka waktu pengecualian:"), 3,
                    QT_TRANSLATE_NOOP("InformationListForm",
                                      "Misalnya '5 (lima) tahun'; atau isi tanggal akhir di bawah."))),
    _F("excluded_until", "Dikecualikan sampai", view=False,
       form=FormRow(QT_TRANSLATE_NOOP("InformationListForm", "Dikecualikan &sampai:"), 4,
                    QT_TRANSLATE_NOOP("InformationListForm", "Boleh kosong."))),
    _F("sk_number", "Nomor SK penetapan", view=False,
       form=FormRow(QT_TRANSLATE_NOOP("InformationListForm", "&Nomor SK penetapan:"), 5)),
    _F("sk_date", "Tanggal SK penetapan", view=False,
       form=FormRow(QT_TRANSLATE_NOOP("InformationListForm", "Tanggal S&K penetapan:"), 6)),
)  # fmt: skip

DIP_FIELDS: tuple[RecordField, ...] = table(
    "dip",
    _F("title", "Judul informasi", view=False,
       form=FormRow(QT_TRANSLATE_NOOP("InformationListForm", "&Judul informasi:"), 0)),
    _F("summary", "Ringkasan", view=False,
       form=FormRow(QT_TRANSLATE_NOOP("InformationListForm", "&Ringkasan:"), 1)),
    _F("holder", "Penguasa/penanggung jawab informasi", view=False,
       form=FormRow(QT_TRANSLATE_NOOP("InformationListForm", "Pen&guasa/penanggung jawab informasi:"), 2,
                    QT_TRANSLATE_NOOP("InformationListForm", "Unit atau pejabat yang menguasai informasi."))),
    _F("form", "Bentuk informasi", view=False,
       form=FormRow(QT_TRANSLATE_NOOP("InformationListForm", "&Bentuk informasi:"), 3,
                    QT_TRANSLATE_NOOP("InformationListForm", "Softcopy, hardcopy, atau keduanya."))),
    _F("location", "Tempat memperoleh informasi", view=False,
       form=FormRow(QT_TRANSLATE_NOOP("InformationListForm", "T&empat memperoleh informasi:"), 4)),
)  # fmt: skip

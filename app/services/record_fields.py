"""The field tables: one declaration per field of a request, a keberatan and a requester.

Each entry says, once, what the rest of the desk used to repeat by hand: the field's Indonesian label (the
supervisor's conflict review), whether a concurrent change of it is legally significant (held for a person
instead of merged), whether it is personal data and for which roles it is masked, its column in the Register
Permohonan export, its row in the request's detail pane, and whether it is an attribute of the frozen view.
Derived from these tables: ``RequestView`` / ``ObjectionView`` ``of()`` and ``to_dict()`` (``views.py``), the
conflict labels (``sync_conflict_fields.py``), the export columns (``export.py``) and the labels of the
request's detail pane (``ui/request/details.py``).

Legal significance is decided by the wire protocol (``ppid_protocol.fields.LEGAL_FIELDS``), which the city
server applies and which must not import the desk: the tables read it from there (the desk imports the
protocol, never the reverse), so the two cannot disagree; a test checks that every legal field the protocol
names is a field of these tables.

Detail-pane labels are Indonesian source strings marked with ``QT_TRANSLATE_NOOP`` under the pane's context
(``DETAIL_CONTEXT``): ``tools/i18n.py`` feeds this module to lupdate and the pane translates them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal, NamedTuple

from app.domain.permissions import GRANTS, Permission, Role
from ppid_protocol.fields import is_legal_field

Entity = Literal["request", "objection", "requester", "calendar"]
DETAIL_CONTEXT = "RequestDetails"

#: Roles that see personal data masked: those without the right to see it in full (today: petugas).
MASKED_ROLES: frozenset[Role] = frozenset(
    role for role, allowed in GRANTS.items() if Permission.VIEW_PERSONAL_DATA not in allowed
)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for translation under ``context`` and returns it unchanged."""
    return text


class Export(NamedTuple):
    """A field's column in the Register Permohonan export: header, position (the Register Permohonan's order,
    domain §4.1, then the desk's internal columns) and JSON key (default: the field's name)."""

    header: str
    at: int
    key: str = ""


@dataclass(frozen=True)
class RecordField:
    """One field of a record.

    ``view``: an attribute of the frozen view; ``column``: stored in the register (and so compared by sync);
    ``json``: a key of the view's ``to_dict()`` in its own right (not only inside a group such as ``due``);
    ``masked_for``: the roles that see it masked; ``detail``: the label of its row in the detail pane.
    ``entity`` and ``legal`` are filled in by ``_table``.
    """

    name: str
    label: str
    view: bool = True
    column: bool = True
    json: bool = True
    export: Export | None = None
    personal: bool = False  # personal data (UU 27/2022)
    masked_for: frozenset[Role] = frozenset()
    detail: str | None = None
    entity: Entity = "request"
    legal: bool = False


_F = RecordField


def _table(entity: Entity, *fields: RecordField) -> tuple[RecordField, ...]:
    return tuple(
        replace(f, entity=entity, legal=is_legal_field(entity, f.name), json=f.json and f.view)
        for f in fields
    )


# Order: the order of ``RequestView.to_dict()``; stored-only and export-only fields follow.
REQUEST_FIELDS: tuple[RecordField, ...] = _table(
    "request",
    _F("id", "ID"),
    _F("number", "Nomor registrasi", export=Export("No. Registrasi", 1)),
    _F("status", "Status", export=Export("Status", 23)),
    _F(
        "received_at",
        "Waktu diterima",
        export=Export("Tanggal Diterima", 2),
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Diterima"),
    ),
    _F(
        "completed_at",
        "Tanggal lengkap",
        export=Export("Tanggal Lengkap", 22),
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Dinyatakan lengkap"),
    ),
    _F(
        "channel",
        "Saluran",
        export=Export("Saluran", 21),
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Saluran"),
    ),
    _F("requester", "Identitas pemohon", column=False, personal=True),
    _F("proxy", "Kuasa", personal=True, detail=QT_TRANSLATE_NOOP("RequestDetails", "Kuasa")),
    _F(
        "documents",
        "Berkas yang diperlihatkan",
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Berkas diterima"),
    ),
    _F(
        "information",
        "Rincian informasi",
        export=Export("Informasi yang Diminta", 7),
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Rincian informasi"),
    ),
    _F(
        "purpose",
        "Tujuan penggunaan",
        export=Export("Tujuan Penggunaan Informasi", 8),
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Tujuan penggunaan"),
    ),
    _F(
        "obtain_method",
        "Cara memperoleh informasi",
        export=Export("Jenis Permohonan", 12),
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Cara memperoleh"),
    ),
    _F(
        "delivery_method",
        "Cara mendapatkan salinan",
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Cara mendapatkan salinan"),
    ),
    _F("missing_items", "Kekurangan berkas", detail=QT_TRANSLATE_NOOP("RequestDetails", "Kekurangan")),
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
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Alasan perpanjangan"),
    ),
    _F(
        "decision",
        "Keputusan",
        export=Export("Keputusan", 13),
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Keputusan"),
    ),
    _F(
        "decided_at",
        "Tanggal keputusan",
        export=Export("Tanggal Pemberitahuan Tertulis", 15),
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Tanggal pemberitahuan"),
    ),
    _F(
        "holder_body",
        "Badan publik yang menguasai",
        export=Export("Badan Publik yang Menguasai", 10),
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Badan publik yang menguasai"),
    ),
    _F(
        "info_form",
        "Bentuk informasi",
        export=Export("Bentuk Informasi", 11),
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Bentuk informasi"),
    ),
    _F(
        "redaction_reason",
        "Alasan penghitaman",
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Alasan penghitaman"),
    ),
    _F("costs", "Biaya", detail=QT_TRANSLATE_NOOP("RequestDetails", "Biaya")),
    _F(
        "payment_method",
        "Cara pembayaran",
        export=Export("Cara Pembayaran", 18),
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Cara pembayaran"),
    ),
    _F(
        "rejection_article",
        "Pasal 17 huruf (penolakan)",
        export=Export("Alasan Penolakan", 14),
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Dasar penolakan"),
    ),
    _F("rejection_other_basis", "Dasar penolakan lain"),
    _F("consequence_test", "Uji konsekuensi", detail=QT_TRANSLATE_NOOP("RequestDetails", "Uji konsekuensi")),
    _F(
        "forwarded_to",
        "Diteruskan ke",
        export=Export("Diteruskan ke", 27),
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Diteruskan ke"),
    ),
    _F(
        "delivered_at",
        "Tanggal penyerahan",
        export=Export("Tanggal Pemberian Informasi", 16),
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Informasi diserahkan"),
    ),
    _F("delivered_method", "Cara penyerahan"),
    _F("closed_at", "Tanggal ditutup", detail=QT_TRANSLATE_NOOP("RequestDetails", "Ditutup")),
    _F("voided_at", "Tanggal dibatalkan", detail=QT_TRANSLATE_NOOP("RequestDetails", "Dibatalkan")),
    _F("void_reason", "Alasan pembatalan"),
    _F("received_by", "Diterima oleh", detail=QT_TRANSLATE_NOOP("RequestDetails", "Petugas penerima")),
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
    _F("due_current", "Batas yang berlaku", view=False, export=Export("Jatuh Tempo", 24, "due")),
    _F("extended_at", "Tanggal perpanjangan", view=False),
    _F("extension_note", "Catatan perpanjangan", view=False),
    _F("info_held", "Informasi dikuasai", view=False, export=Export("Di Bawah Penguasaan", 9)),
    _F("provision_days", "Waktu penyediaan (hari)", view=False),
    _F("response_note", "Catatan jawaban", view=False),
    _F("forwarded_at", "Tanggal diteruskan", view=False),
    _F("voided_by", "Dibatalkan oleh", view=False),
    _F("cost_total", "Biaya (Rp)", view=False, column=False, export=Export("Biaya (Rp)", 17)),
    _F("overdue", "Terlambat", view=False, column=False, export=Export("Terlambat", 28)),
)

# The requester as ``RequesterView`` shows it (``nik``, ``phone_display``: masked or revealed per role).
REQUESTER_FIELDS: tuple[RecordField, ...] = _table(
    "requester",
    _F("id", "ID"),
    _F(
        "kind",
        "Jenis pemohon",
        export=Export("Jenis Pemohon", 20, "requester_kind"),
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Jenis pemohon"),
    ),
    _F(
        "name",
        "Nama",
        export=Export("Nama", 3),
        personal=True,
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Nama"),
    ),
    _F(
        "nik",
        "NIK",
        column=False,
        personal=True,
        masked_for=MASKED_ROLES,
        detail=QT_TRANSLATE_NOOP("RequestDetails", "NIK"),
    ),
    _F("nik_masked", "NIK (disamarkan)", export=Export("NIK (disamarkan)", 19), personal=True),
    _F("legal_number", "No. SK pengesahan", detail=QT_TRANSLATE_NOOP("RequestDetails", "No. SK pengesahan")),
    _F(
        "address",
        "Alamat",
        export=Export("Alamat", 4),
        personal=True,
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Alamat"),
    ),
    _F("phone", "Telepon", personal=True, masked_for=MASKED_ROLES),
    _F(
        "phone_display",
        "Telepon",
        column=False,
        personal=True,
        masked_for=MASKED_ROLES,
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Telepon"),
    ),
    _F("email", "Email", personal=True, masked_for=MASKED_ROLES),
    _F(
        "email_display",
        "Email",
        column=False,
        personal=True,
        masked_for=MASKED_ROLES,
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Email"),
    ),
    _F(
        "occupation",
        "Pekerjaan",
        export=Export("Pekerjaan", 6),
        detail=QT_TRANSLATE_NOOP("RequestDetails", "Pekerjaan"),
    ),
    _F(
        "contact",
        "Nomor kontak",
        view=False,
        column=False,
        export=Export("Nomor Kontak", 5),
        personal=True,
        masked_for=MASKED_ROLES,
    ),
    _F("nik_encrypted", "NIK (terenkripsi)", view=False, personal=True),
    _F("nik_hash", "NIK (sidik)", view=False, personal=True),
    _F("version", "Versi", view=False),
)

# Order: the order of ``ObjectionView.to_dict()``; stored-only fields follow.
OBJECTION_FIELDS: tuple[RecordField, ...] = _table(
    "objection",
    _F("id", "ID"),
    _F("number", "Nomor registrasi"),
    _F("request_id", "Permohonan (ID)", json=False),
    _F("request_number", "Nomor permohonan", column=False),
    _F("status", "Status"),
    _F("grounds", "Alasan keberatan"),
    _F("filed_at", "Waktu diajukan"),
    _F("case_summary", "Kasus posisi"),
    _F("proxy", "Kuasa", personal=True),
    _F("due_response", "Batas jawaban", json=False),
    _F("deadlines", "Rincian tenggat"),
    _F("decision", "Keputusan"),
    _F("decision_text", "Isi keputusan"),
    _F("decided_at", "Tanggal keputusan"),
    _F("atasan_name", "Nama atasan PPID"),
    _F("atasan_position", "Jabatan atasan PPID"),
    _F("requester_response", "Tanggapan pemohon"),
    _F("requester_response_at", "Tanggal tanggapan pemohon"),
    _F("dispute_filed_at", "Tanggal sengketa diajukan"),
    _F("dispute_register", "Nomor register sengketa"),
    _F("dispute_outcome", "Putusan sengketa"),
    _F("dispute_outcome_text", "Isi putusan sengketa"),
    _F("dispute_decided_at", "Tanggal putusan sengketa"),
    _F("closed_at", "Tanggal ditutup"),
    _F("voided_at", "Tanggal dibatalkan"),
    _F("void_reason", "Alasan pembatalan"),
    _F("received_by", "Diterima oleh"),
    _F("received_by_name", "Nama petugas penerima", column=False),
    _F("version", "Versi"),
    _F("events", "Riwayat", column=False),
    _F("office_code", "Kantor pemilik", view=False),
    _F("desk_letter", "Huruf meja", view=False),
    _F("year", "Tahun", view=False),
    _F("seq", "Nomor urut", view=False),
)

# A calendar entry (holiday, closure), as the conflict review names its fields.
CALENDAR_FIELDS: tuple[RecordField, ...] = _table(
    "calendar",
    _F("day", "Tanggal", view=False),
    _F("kind", "Jenis", view=False),
    _F("name", "Nama", view=False),
    _F("removed_at", "Tanggal dihapus", view=False),
)

TABLES: dict[Entity, tuple[RecordField, ...]] = {
    "request": REQUEST_FIELDS,
    "objection": OBJECTION_FIELDS,
    "requester": REQUESTER_FIELDS,
    "calendar": CALENDAR_FIELDS,
}


def field_of(entity: Entity, name: str) -> RecordField:
    for spec in TABLES[entity]:
        if spec.name == name:
            return spec
    raise KeyError(f"{entity}.{name}")


def detail_label(name: str, entity: Entity = "request") -> str:
    """The (untranslated) label of ``name``'s row in the request's detail pane."""
    text = field_of(entity, name).detail
    if text is None:
        raise KeyError(f"{entity}.{name} has no row in the detail pane")
    return text


#: Plain Indonesian labels of the fields a held sync operation can differ in, for the conflict review (the
#: records share names; where two have a field, the label is the same: tested).
FIELD_LABELS: dict[str, str] = {
    f.name: f.label
    for table in (CALENDAR_FIELDS, OBJECTION_FIELDS, REQUEST_FIELDS)
    for f in table
    if f.view or f.column
}


def exported() -> list[tuple[RecordField, Export]]:
    """The exported fields with their columns, in column order."""
    columns = [(f, f.export) for table in TABLES.values() for f in table if f.export is not None]
    return sorted(columns, key=lambda pair: pair[1].at)

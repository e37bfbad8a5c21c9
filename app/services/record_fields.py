"""The field tables: one declaration per field of a request, a keberatan and a requester.

Each entry says, once, what the rest of the desk used to repeat by hand: the field's Indonesian label (the
supervisor's conflict review), whether a concurrent change of it is legally significant (held for a person
instead of merged), whether it is personal data and for which roles it is masked, its column in the Register
Permohonan export and on the register screen, its row in a detail pane (and whether the dossier prints that
row), whether an officer may correct it and under which name, the fixed choices its stored codes stand for,
and whether it is an attribute of the frozen view. Derived from these tables: ``RequestView`` /
``ObjectionView`` / ``RequesterView`` ``of()`` and ``to_dict()`` (``views.py``), the conflict labels
(``sync_conflict_fields.py``), the export columns and their coded cells (``export.py``), the columns a page of
the register reads (``register_query.py``), the columns of the register screen and of the Register Keberatan
(``ui/register/model.py``, ``ui/objections/page.py``, through ``ui/kit/columns.py``), the rows of the request's and the keberatan's detail panes and of the dossier's
"Penanganan Permohonan" (``record_details.py``), and the fields the "Koreksi data" action accepts
(``request_actions.py``, offered by ``ui/request/correction.py``).

Legal significance is decided by the wire protocol (``ppid_protocol.fields.LEGAL_FIELDS``), which the city
server applies and which must not import the desk: the tables read it from there (the desk imports the
protocol, never the reverse), so the two cannot disagree; a test checks that every legal field the protocol
names is a field of these tables.

Labels shown on screen are Indonesian source strings marked with ``QT_TRANSLATE_NOOP`` under the context of the
pane, dialog or table that shows them (``DETAIL_CONTEXTS``, ``CORRECTION_CONTEXT``,
``SCREEN_CONTEXTS``): ``tools/i18n.py`` feeds this module to lupdate and the UI translates them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, NamedTuple

from app.domain.lifecycle import (
    CHANNELS,
    DECISION_LABELS,
    DELIVERY_METHODS,
    DISPUTE_OUTCOMES,
    EXTENSION_REASONS,
    INFO_FORMS,
    OBJECTION_DECISIONS,
    OBJECTION_STATUS_LABELS,
    OBTAIN_METHODS,
    STATUS_LABELS,
)
from app.domain.permissions import GRANTS, Permission, Role
from app.domain.requester import DOCUMENT_KINDS, REQUESTER_KIND_LABELS
from app.domain.translatable import QT_TRANSLATE_NOOP
from ppid_protocol.fields import is_legal_field

Entity = Literal["request", "objection", "requester", "calendar"]
Pane = Literal["request", "objection"]
"""A detail pane: the request's (its requester's fields included) and the keberatan's."""

DETAIL_CONTEXT = "RequestDetails"
SCREEN_CONTEXT = "RegisterTableModel"
# The translation context of each listing's column headers (the keberatan's are the page's own strings).
SCREEN_CONTEXTS: dict[Pane, str] = {"request": SCREEN_CONTEXT, "objection": "ObjectionsPage"}
#: The translation context of each pane's labels (the keberatan's are the page's own strings).
DETAIL_CONTEXTS: dict[Pane, str] = {"request": DETAIL_CONTEXT, "objection": "ObjectionsPage"}
CORRECTION_CONTEXT = "CorrectionFields"

#: Roles that see personal data masked: those without the right to see it in full (today: petugas).
MASKED_ROLES: frozenset[Role] = frozenset(
    role for role, allowed in GRANTS.items() if Permission.VIEW_PERSONAL_DATA not in allowed
)


class Export(NamedTuple):
    """A field's column in the Register Permohonan export: header, position (the Register Permohonan's order,
    domain §4.1, then the desk's internal columns) and JSON key (default: the field's name)."""

    header: str
    at: int
    key: str = ""


class Screen(NamedTuple):
    """A field's column in a listing's table (the Register Permohonan screen, the Register Keberatan): its header
    (shorter than the export's where the screen is narrow), whether it shows before the officer picks columns,
    and its position (0: the export's, as on the register screen, where a field on screen is exported)."""

    header: str
    shown: bool = False
    at: int = 0


class Detail(NamedTuple):
    """A field's row in a detail pane: its label, the pane's section (``SECTIONS``) and position in the pane.

    ``always``: the row is shown even when the field is empty (else only once it has a value); ``dossier``: the
    dossier prints the row too, under "Penanganan Permohonan" (the form's own parts print the rest).
    """

    label: str
    section: str
    at: int
    always: bool = False
    dossier: bool = False


class Correction(NamedTuple):
    """A field the "Koreksi data" action may correct: its name in the dialog and its place in the list."""

    label: str
    at: int


@dataclass(frozen=True)
class RecordField:
    """One field of a record.

    ``view``: an attribute of the frozen view; ``column``: stored in the register (and so compared by sync);
    ``json``: a key of the view's ``to_dict()`` in its own right (not only inside a group such as ``due``);
    ``masked_for``: the roles that see it masked; ``screen``: its column on the register screen; ``detail``: its
    row in the detail pane; ``correct``: an officer
    may correct it; ``options``: the fixed choices its stored code stands for (code -> Indonesian text);
    ``reads``: for a field worked out rather than stored (``column`` false), the stored columns it is worked out
    from (what a register line must read to show it).
    ``entity`` and ``legal`` are filled in by ``_table``.
    """

    name: str
    label: str
    view: bool = True
    column: bool = True
    json: bool = True
    export: Export | None = None
    screen: Screen | None = None
    personal: bool = False  # personal data (UU 27/2022)
    masked_for: frozenset[Role] = frozenset()
    detail: Detail | None = None
    correct: Correction | None = None
    options: Mapping[Any, str] | None = field(default=None, compare=False)
    reads: tuple[str, ...] = ()
    entity: Entity = "request"
    legal: bool = False

    @property
    def key(self) -> str:
        """The field as a request names it: a requester's field is ``requester.<name>`` (the correction's key)."""
        return f"requester.{self.name}" if self.entity == "requester" else self.name


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

# The requester as ``RequesterView`` shows it (``nik``, ``phone_display``: masked or revealed per role).
REQUESTER_FIELDS: tuple[RecordField, ...] = _table(
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

# Order: the order of ``ObjectionView.to_dict()``; stored-only fields follow.
OBJECTION_FIELDS: tuple[RecordField, ...] = _table(
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


#: Each pane's sections in order, with their titles (translated under the pane's context).
SECTIONS: dict[Pane, tuple[tuple[str, str], ...]] = {
    "request": (
        ("requester", QT_TRANSLATE_NOOP("RequestDetails", "Pemohon")),
        ("request", QT_TRANSLATE_NOOP("RequestDetails", "Permohonan")),
        ("outcome", QT_TRANSLATE_NOOP("RequestDetails", "Keputusan dan penyelesaian")),
    ),
    "objection": (("objection", QT_TRANSLATE_NOOP("ObjectionsPage", "Rincian")),),
}
#: The tables whose rows a pane shows: the request's pane shows its requester's fields too.
PANE_TABLES: dict[Pane, tuple[tuple[RecordField, ...], ...]] = {
    "request": (REQUESTER_FIELDS, REQUEST_FIELDS),
    "objection": (OBJECTION_FIELDS,),
}


def pane_fields(pane: Pane) -> list[RecordField]:
    """The fields with a row in ``pane``, in the order the pane shows them (section, then position)."""
    order = [key for key, _ in SECTIONS[pane]]
    shown = [(f, f.detail) for table in PANE_TABLES[pane] for f in table if f.detail is not None]
    return [f for f, d in sorted(shown, key=lambda pair: (order.index(pair[1].section), pair[1].at))]


def correctable() -> dict[str, RecordField]:
    """The fields the "Koreksi data" action accepts, by key (``requester.name``, ``information``), in the
    order the dialog offers them."""
    shown = [(f, f.correct) for table in (REQUESTER_FIELDS, REQUEST_FIELDS) for f in table if f.correct]
    return {f.key: f for f, c in sorted(shown, key=lambda pair: pair[1].at)}


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


def register_fields() -> dict[str, RecordField]:
    """The fields of a line of the Register Permohonan (``RegisterRow``), by the line's key: the exported fields
    under their column's key (``requester_kind`` for the requester's ``kind``)."""
    return {column.key or f.name: f for f, column in exported()}


def register_columns(entity: Entity) -> tuple[str, ...]:
    """The stored columns of ``entity`` (``request`` or ``requester``) that a line of the Register Permohonan
    reads: its exported fields that are stored, and the columns the worked-out ones are worked out from."""
    names: dict[str, None] = {}
    for f, _ in exported():
        if f.entity == entity:
            names.update(dict.fromkeys((f.name,) if f.column else f.reads))
    return tuple(names)


def screen_columns(listing: Pane) -> dict[str, RecordField]:
    """The columns of a listing's table (the register screen's, the keberatan list's) by key, in order: the
    fields the listing's tables put on screen, under their register line's key (``requester_kind``), at their
    ``Screen.at`` or else their export's position (the paper Register Permohonan's order, domain §4.1)."""
    shown = [f for table in PANE_TABLES[listing] for f in table if f.screen is not None]

    def at(f: RecordField) -> int:
        assert f.screen is not None
        return f.screen.at or (f.export.at if f.export is not None else 0)

    return {
        (f.export.key if f.export is not None and f.export.key else f.name): f for f in sorted(shown, key=at)
    }

"""Frozen snapshots: everything a printed document shows, captured when it is issued.

Why: an issued letter is a legal record that may be shown to the Komisi Informasi years later. The letter is
rendered only from its snapshot (never from live register rows), the snapshot is stored as JSON with the issued
letter, and rendering the same snapshot again yields byte-identical PDF output. Values are kept raw (dates,
Decimal amounts, the 18-digit NIP); the renderer does all formatting, so a snapshot stays data, not layout.

``wording`` holds the template text in force when the letter was issued (see ``templates.py``); a reprint uses
it instead of today's template, so editing an office template never changes an already issued letter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar

from app.documents.codec import from_jsonable, to_jsonable

Wording = Mapping[str, str | tuple[str, ...]]

SNAPSHOT_VERSION = 1


@dataclass(frozen=True)
class Office:
    """The kop surat and the office facts printed in letters (from the office settings)."""

    kop_lines: tuple[str, ...]  # e.g. ("PEMERINTAH KOTA SERANG", "KECAMATAN CIPOCOK JAYA")
    address: str
    ppid_name: str  # e.g. "PPID Pelaksana Kecamatan Cipocok Jaya"
    city: str = "Serang"  # place in "Serang, 16 Maret 2026"
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""
    postal_code: str = ""
    logo_path: str = ""  # keep logo files content-addressed so a reprint finds the same picture
    time_zone: str = "WIB"


@dataclass(frozen=True)
class Signatory:
    """Who signs: jabatan (may contain line breaks), full name with gelar, NIP (18 digits) and pangkat."""

    jabatan: str
    name: str
    nip: str = ""
    pangkat: str = ""


@dataclass(frozen=True)
class Requester:
    """The pemohon (and the kuasa, if one acts for them)."""

    name: str
    address: str = ""
    nik: str = ""  # or the SK pengesahan number of a badan hukum
    kind: str = "perorangan"  # perorangan | badan_hukum | kelompok
    occupation: str = ""
    phone: str = ""
    email: str = ""
    proxy_name: str = ""
    proxy_address: str = ""
    proxy_phone: str = ""

    @property
    def contact(self) -> str:
        return " / ".join(x for x in (self.phone, self.email) if x)


@dataclass(frozen=True)
class RequestInfo:
    """The permohonan as registered."""

    registration_number: str
    received_at: dt.datetime
    information: str  # rincian informasi yang dibutuhkan (may be 2,000+ characters)
    purpose: str = ""
    channel: str = ""  # display text, e.g. "Datang langsung"
    obtain_method: str = ""  # "melihat" (melihat/membaca/mendengarkan/mencatat) | "salinan"
    copy_format: str = ""  # "hardcopy" | "softcopy" | ""
    delivery_method: str = ""  # mengambil langsung | kurir | pos | faksimili | email | ...
    attachments: tuple[str, ...] = ()  # berkas diterima: fotokopi KTP, akta, surat kuasa ...


@dataclass(frozen=True)
class Deadline:
    """A due date plus the rule it came from, e.g. "10 hari kerja sejak permohonan dinyatakan lengkap"."""

    due: dt.date
    basis: str = ""


@dataclass(frozen=True)
class LetterMeta:
    """Number and date of an issued letter. ``number`` is empty for documents numbered by registration only."""

    number: str
    date: dt.date
    subject: str = ""
    attachment: str = ""  # "Lampiran"; "-" when none
    nature: str = ""  # "Sifat": Biasa / Penting


@dataclass(frozen=True)
class CostLine:
    """One row of the costs table (penyalinan, pengiriman, lain-lain). Amounts in rupiah as Decimal."""

    label: str
    unit_cost: Decimal
    quantity: int = 1

    @property
    def amount(self) -> Decimal:
        return self.unit_cost * self.quantity


@dataclass(frozen=True)
class Snapshot:
    """Base of every document snapshot: the kind tag and the office."""

    KIND: ClassVar[str] = ""
    #: Values of fields added after letters were stored, as those letters were printed: a stored snapshot that
    #: lacks the field reprints as it was issued (byte-identical), while new snapshots get the field's default.
    STORED_BEFORE: ClassVar[dict[str, Any]] = {}
    office: Office

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict ``{"kind", "version", "data"}`` stored with the issued letter."""
        return {"kind": self.KIND, "version": SNAPSHOT_VERSION, "data": to_jsonable(self)}

    @staticmethod
    def from_dict(payload: Mapping[str, Any]) -> Snapshot:
        """Rebuild the snapshot of the right kind from :meth:`to_dict` output."""
        kind = payload.get("kind")
        cls = SNAPSHOT_KINDS.get(str(kind))
        if cls is None:
            raise ValueError(f"jenis dokumen tidak dikenal: {kind!r}")
        version = payload.get("version", SNAPSHOT_VERSION)
        if not isinstance(version, int) or version > SNAPSHOT_VERSION:
            raise ValueError(f"versi snapshot {version!r} lebih baru dari aplikasi ini")
        before: dict[str, Any] = {}
        for klass in reversed(cls.__mro__):  # a base class's later fields count for every subclass too
            before.update(vars(klass).get("STORED_BEFORE", {}))
        data = {**before, **payload["data"]}
        result: Snapshot = from_jsonable(cls, data)
        return result


@dataclass(frozen=True)
class LetterSnapshot(Snapshot):
    """A letter about one request: number/date, the request, the requester and the signatory."""

    letter: LetterMeta
    request: RequestInfo
    requester: Requester
    signatory: Signatory
    wording: Wording = field(default_factory=dict)
    #: 2: the ending (closing, place and date, signature, footnotes) always shares its page with body text, each
    #: lembar of the form is numbered on its own, the forward letter's address line says "di Tempat" when the
    #: address is unknown; 3: besides, a line introducing what follows (a notice's numbered point, "Biaya:",
    #: "… sebagai berikut:") never ends a page (``keep.lead_in``); 1 and 2: letters issued before, reprinted as
    #: they were.
    page_layout: int = 3
    STORED_BEFORE: ClassVar[dict[str, Any]] = {"page_layout": 1}


@dataclass(frozen=True)
class ReceiptSnapshot(LetterSnapshot):
    """Tanda bukti penerimaan permohonan; ``signatory`` is the receiving officer."""

    KIND: ClassVar[str] = "receipt"
    complete: bool = True
    completed_on: dt.date | None = None
    missing_items: tuple[str, ...] = ()
    completion_deadline: Deadline | None = None  # requester completes by (3 HK after the notice)
    response_deadline: Deadline | None = None  # pemberitahuan tertulis due (10 HK after complete)
    qr_payload: str = ""  # defaults to the registration number
    contact: str = ""  # where to follow up ("(0254) 123456 / ppid@...")
    #: "iso": a full QR symbol, the standard's mask, a 4-module quiet zone. "mask0": how receipts issued before
    #: were drawn (segno's choice of symbol, Micro QR for short numbers, mask 0, no quiet zone), kept so that
    #: they reprint identically.
    qr_style: str = "iso"
    #: 2: the kuasa's name, address and contact, an organisation's name label and who signs for it are printed;
    #: 1: receipts issued before (the kuasa's name only, "Nama" for every kind), reprinted as they were.
    identity_layout: int = 2
    STORED_BEFORE: ClassVar[dict[str, Any]] = {"qr_style": "mask0", "identity_layout": 1}


@dataclass(frozen=True)
class FormSnapshot(LetterSnapshot):
    """Formulir Permohonan Informasi, pre-filled, printed in ``copies`` copies for signature."""

    KIND: ClassVar[str] = "form"
    copies: int = 2
    #: 2: the kuasa's identity, "Nama Badan Hukum"/"Nama Kelompok" and who signs for an organisation; 1: forms
    #: issued before ("Nama (sesuai KTP)" for every kind, the kuasa's name only), reprinted as they were.
    identity_layout: int = 2
    STORED_BEFORE: ClassVar[dict[str, Any]] = {"identity_layout": 1}


@dataclass(frozen=True)
class IncompleteSnapshot(LetterSnapshot):
    """Surat keterangan permohonan tidak lengkap."""

    KIND: ClassVar[str] = "incomplete"
    missing_items: tuple[str, ...] = ()
    completion_deadline: Deadline | None = None


@dataclass(frozen=True)
class NoticeSnapshot(LetterSnapshot):
    """Pemberitahuan tertulis. Variant "A" (dapat diberikan) or "B" (tidak dapat diberikan)."""

    KIND: ClassVar[str] = "notice"
    variant: str = "A"
    partial: bool = False  # A: diberikan sebagian (with penghitaman)
    held_by_us: bool = True  # A.1 penguasaan: kami / badan publik lain
    other_body: str = ""
    forms: tuple[str, ...] = ()  # A.2 "softcopy", "hardcopy"
    costs: tuple[CostLine, ...] = ()  # A.3
    provision_time: str = ""  # A.4 e.g. "3 (tiga) hari kerja"
    redaction_explanation: str = ""  # A.5
    reason: str = (
        ""  # B: "belum_dikuasai" | "belum_didokumentasikan" | "tidak_dikuasai" (other_body holds it)
    )
    undocumented_provision: str = ""  # B: when the undocumented information will be provided
    payment_method: str = ""  # A.3: how the costs are paid (UU 14/2008 Pasal 22(7)g)


@dataclass(frozen=True)
class ExtensionSnapshot(LetterSnapshot):
    """Pemberitahuan perpanjangan waktu (once, +7 hari kerja)."""

    KIND: ClassVar[str] = "extension"
    reason: str = ""
    original_deadline: Deadline | None = None
    new_deadline: Deadline | None = None


@dataclass(frozen=True)
class RejectionSnapshot(LetterSnapshot):
    """Surat Keputusan PPID tentang Penolakan Permohonan Informasi."""

    KIND: ClassVar[str] = "rejection"
    pasal17: tuple[str, ...] = ()  # huruf of Pasal 17 UU KIP, e.g. ("b", "h")
    other_basis: str = ""  # Pasal … UU … (dasar hukum lain)
    consequence: str = ""  # result of the uji konsekuensi
    objection_deadline: Deadline | None = None  # last day to file keberatan (30 HK)
    atasan: str = ""  # who receives a keberatan, e.g. "Sekretaris Daerah Kota Serang selaku Atasan PPID"
    #: The SK penetapan informasi dikecualikan the rejection rests on (its DIK entry), and how long the
    #: information is excluded. Empty for letters issued before the DIK was kept: they reprint as they were.
    sk_number: str = ""
    sk_date: dt.date | None = None
    excluded_for: str = ""
    STORED_BEFORE: ClassVar[dict[str, Any]] = {"sk_number": "", "sk_date": None, "excluded_for": ""}


@dataclass(frozen=True)
class ForwardSnapshot(LetterSnapshot):
    """Information held by another public body: notice to the requester, optionally forwarded."""

    KIND: ClassVar[str] = "forward"
    holder_name: str = ""
    holder_address: str = ""
    forwarded: bool = False  # the request was also forwarded to the holder
    forwarded_on: dt.date | None = None


@dataclass(frozen=True)
class HandoverSnapshot(LetterSnapshot):
    """Tanda bukti penyerahan informasi / berita acara; ``signatory`` is the officer handing over."""

    KIND: ClassVar[str] = "handover"
    handed_at: dt.datetime | None = None
    items: tuple[str, ...] = ()
    form: str = ""  # softcopy / hardcopy / melihat di tempat
    costs: tuple[CostLine, ...] = ()
    payment_method: str = ""
    receiver_name: str = ""  # who collected, if not the requester
    notes: str = ""


@dataclass(frozen=True)
class ObjectionSnapshot(LetterSnapshot):
    """Formulir keberatan and its tanda bukti (page 2); ``letter.number`` is the nomor registrasi keberatan."""

    KIND: ClassVar[str] = "objection"
    received_at: dt.datetime | None = None
    grounds: tuple[str, ...] = ()  # Pasal 35 ayat (1) huruf a–g
    case: str = ""  # kasus posisi
    response_deadline: Deadline | None = None  # tanggapan Atasan PPID (30 HK)
    atasan: str = ""


@dataclass(frozen=True)
class RequestRow:
    """One line of the Register Permohonan (Perki 1/2010 columns)."""

    number: str
    received_on: dt.date
    name: str
    address: str = ""
    contact: str = ""
    occupation: str = ""
    information: str = ""
    purpose: str = ""
    held: bool | None = None  # di bawah penguasaan: Ya / Tidak
    holder: str = ""  # if not held: which badan publik
    softcopy: bool = False
    hardcopy: bool = False
    wants_copy: bool | None = None  # False: melihat/mengetahui, True: meminta salinan
    decision: str = ""
    rejection_reason: str = ""
    notice_on: dt.date | None = None
    delivered_on: dt.date | None = None
    cost: Decimal | None = None
    payment_method: str = ""
    voided: bool = False


@dataclass(frozen=True)
class ObjectionRow:
    """One line of the Register Keberatan."""

    number: str
    received_on: dt.date
    name: str
    address: str = ""
    contact: str = ""
    occupation: str = ""
    request_number: str = ""
    information: str = ""
    purpose: str = ""
    grounds: tuple[str, ...] = ()
    decision: str = ""
    response_on: dt.date | None = None
    atasan: str = ""
    requester_response: str = ""
    remarks: str = ""
    # the kuasa who filed the keberatan (domain §4.2: "identity of the kuasa, if any, in the identity columns")
    proxy_name: str = ""
    proxy_address: str = ""
    proxy_phone: str = ""


@dataclass(frozen=True)
class RegisterSnapshot(Snapshot):
    """Register Permohonan (``rows``) or Register Keberatan (``objection_rows``) for a period."""

    KIND: ClassVar[str] = "register"
    period_from: dt.date
    period_to: dt.date
    printed_on: dt.date
    signatory: Signatory
    objections: bool = False
    rows: tuple[RequestRow, ...] = ()
    objection_rows: tuple[ObjectionRow, ...] = ()
    paper: str = "A4"  # "A4" | "F4", always landscape
    wording: Wording = field(default_factory=dict)


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    action: str
    actor: str = ""
    detail: str = ""


@dataclass(frozen=True)
class IssuedLetterRef:
    kind: str
    title: str
    number: str
    date: dt.date


@dataclass(frozen=True)
class DisputeRow:
    """A sengketa at the Komisi Informasi that followed a keberatan: its KI register number, dates, outcome."""

    objection_number: str
    filed_on: dt.date | None = None
    register: str = ""
    outcome: str = ""
    decided_on: dt.date | None = None


@dataclass(frozen=True)
class LabeledValue:
    label: str
    value: str


@dataclass(frozen=True)
class DossierSnapshot(Snapshot):
    """A request's complete file for a dispute: all data, deadlines, timeline and issued letters."""

    KIND: ClassVar[str] = "dossier"
    request: RequestInfo
    requester: Requester
    printed_at: dt.datetime
    status: str = ""
    facts: tuple[LabeledValue, ...] = ()  # completeness, decision, costs, … already phrased by the service
    deadlines: tuple[tuple[str, Deadline], ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    letters: tuple[IssuedLetterRef, ...] = ()
    objections: tuple[ObjectionRow, ...] = ()
    signatory: Signatory | None = None
    wording: Wording = field(default_factory=dict)
    disputes: tuple[DisputeRow, ...] = ()


@dataclass(frozen=True)
class ReportSnapshot(Snapshot):
    """The Laporan Layanan Informasi Publik of a period: the figures as ``ppid-desk report --format json``
    gives them (``app/services/report_figures.py``), the year's narrative and who signs it. ``semester``: the
    shorter report to PPID Utama."""

    KIND: ClassVar[str] = "report"
    period_label: str
    period_from: dt.date
    period_to: dt.date
    printed_on: dt.date
    signatory: Signatory
    figures: Mapping[str, Any]
    narrative: Mapping[str, str]
    semester: bool = False
    wording: Wording = field(default_factory=dict)
    #: The city-wide report only: one line per office and its desks (``CityReport.to_dict()["offices"]``), and
    #: when the desk list was fetched from the city server.
    offices: tuple[Mapping[str, Any], ...] = ()
    desks_as_of: str = ""


@dataclass(frozen=True)
class AgendaRow:
    """One line of the buku agenda surat keluar, as ``app/services/letter_agenda.py`` lists it."""

    number: str
    date: dt.date
    subject: str  # the kind's Indonesian title
    addressee: str
    record_number: str
    issued_by: str  # the officer's full name
    paper: str = ""


@dataclass(frozen=True)
class AgendaSnapshot(Snapshot):
    """The buku agenda surat keluar of a year (optionally narrowed to a kind or a search), printed for the
    office's files. Not an issued letter: printed from the agenda as it is when printed."""

    KIND: ClassVar[str] = "agenda"
    year: int
    printed_on: dt.date
    signatory: Signatory
    rows: tuple[AgendaRow, ...] = ()
    scope: str = ""  # what the list was narrowed to ("Jenis: …; Cari: …"), empty for the whole year
    paper: str = "A4"  # "A4" | "F4", always landscape
    wording: Wording = field(default_factory=dict)


@dataclass(frozen=True)
class InformationListSnapshot(Snapshot):
    """The Daftar Informasi yang Dikecualikan (``variant`` "dik") or the Daftar Informasi Publik ("dip") as the
    office keeps it on the day printed: one tuple of printed cells per entry, in the columns of the variant."""

    KIND: ClassVar[str] = "information_list"
    variant: str
    printed_on: dt.date
    rows: tuple[tuple[str, ...], ...] = ()
    wording: Wording = field(default_factory=dict)


SNAPSHOT_KINDS: dict[str, type[Snapshot]] = {
    cls.KIND: cls
    for cls in (
        ReceiptSnapshot,
        FormSnapshot,
        IncompleteSnapshot,
        NoticeSnapshot,
        ExtensionSnapshot,
        RejectionSnapshot,
        ForwardSnapshot,
        HandoverSnapshot,
        ObjectionSnapshot,
        RegisterSnapshot,
        DossierSnapshot,
        ReportSnapshot,
        AgendaSnapshot,
        InformationListSnapshot,
    )
}

"""Filled snapshots of every document kind: realistic Kota Serang data for ``ppid-desk --self-check`` (which
renders each kind on each of its papers) and for the document tests.

``long=True`` swaps in a 2,000-character request text and a 200-character name to exercise wrapping and page
continuation.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from app.documents.kinds import DOCUMENT_KINDS
from app.documents.snapshot import (
    AgendaRow,
    AgendaSnapshot,
    CostLine,
    Deadline,
    DossierSnapshot,
    ExtensionSnapshot,
    FormSnapshot,
    ForwardSnapshot,
    HandoverSnapshot,
    IncompleteSnapshot,
    InformationListSnapshot,
    IssuedLetterRef,
    LabeledValue,
    LetterMeta,
    NoticeSnapshot,
    ObjectionRow,
    ObjectionSnapshot,
    Office,
    ReceiptSnapshot,
    RegisterSnapshot,
    RejectionSnapshot,
    ReportSnapshot,
    Requester,
    RequestInfo,
    RequestRow,
    Signatory,
    Snapshot,
    TimelineEntry,
)

NIP = "196805071987121001"
NIP_GROUPED = "19680507 198712 1 001"
REG_NO = "PPID-CPJ/0012/III/2026"
LETTER_NO = "000.8.3.3/15/PPID-CPJ/III/2026"
LONG_TEXT = (
    "Salinan dokumen rencana anggaran biaya pembangunan jalan lingkungan RT 03 RW 05 tahun anggaran 2025 "
    "beserta laporan realisasinya. "
) * 17  # > 2,000 characters
LONG_NAME = (
    "Raden Mas Muhammad Abdurrahman Wahyu Kusumaningrat Hadiningrat Prawiranegara Suryadiningrat "
    "Kartanegara Mangkubumi Wiryakusuma Jayaningrat Notonegoro Sosrodiningrat Purbonegoro"
)[:200]

OFFICE = Office(
    kop_lines=("PEMERINTAH KOTA SERANG", "KECAMATAN CIPOCOK JAYA"),
    address="Jl. Raya Cipocok Jaya No. 1, Kota Serang, Banten",
    ppid_name="PPID Pelaksana Kecamatan Cipocok Jaya",
    city="Serang",
    phone="(0254) 123456",
    email="ppid@cipocokjaya.serangkota.go.id",
    website="cipocokjaya.serangkota.go.id",
    postal_code="42121",
)
PPID = Signatory(
    jabatan="PPID Pelaksana Kecamatan Cipocok Jaya",
    name="Drs. H. Ahmad Fauzi, M.Si.",
    nip=NIP,
    pangkat="Pembina (IV/a)",
)
OFFICER = Signatory(jabatan="", name="Siti Aminah, S.Sos.", nip="199001012015032002")
COSTS = (
    CostLine("Penyalinan (fotokopi) per lembar", Decimal(500), 20),
    CostLine("Pengiriman (pos)", Decimal(15000)),
)
COSTS_TOTAL_TEXT = "Rp25.000,00"
COSTS_WORDS = "Dua puluh lima ribu rupiah"


def _common(long: bool = False) -> dict[str, Any]:
    return {
        "office": OFFICE,
        "letter": LetterMeta(number=LETTER_NO, date=dt.date(2026, 3, 16)),
        "request": RequestInfo(
            registration_number=REG_NO,
            received_at=dt.datetime(2026, 3, 16, 9, 30),
            information=LONG_TEXT if long else "Salinan RAB pembangunan jalan lingkungan RT 03 tahun 2025",
            purpose="Bahan penelitian skripsi",
            channel="Datang langsung",
            obtain_method="salinan",
            copy_format="hardcopy",
            delivery_method="Mengambil langsung",
            attachments=("Fotokopi KTP",),
        ),
        "requester": Requester(
            name=LONG_NAME if long else "Budi Santoso",
            address="Jl. Mawar No. 5 RT 01 RW 02, Cipocok Jaya",
            nik="3673051203850001",
            occupation="Wiraswasta",
            phone="081234567890",
            email="budi@example.id",
        ),
        "signatory": PPID,
    }


#: Layouts a kind draws differently, each with its sample (incomplete receipt, notice variant B, register of
#: keberatan, the semester report, the DIP); a kind not named here has one sample under its own code.
VARIANTS: dict[str, tuple[str, ...]] = {
    "receipt": ("receipt", "receipt_incomplete"),
    "notice": ("notice", "notice_b"),
    "register": ("register", "register_objections"),
    "report": ("report", "report_semester"),
    "information_list": ("information_list", "information_list_dip"),
}


def samples_of(kind: str) -> tuple[str, ...]:
    """The samples of one kind of the registry (``app/documents/kinds.py``)."""
    return VARIANTS.get(kind, (kind,))


#: Every sample of every kind, in the registry's order: what the self-check renders and the document tests use.
SAMPLES: tuple[str, ...] = tuple(name for code in DOCUMENT_KINDS for name in samples_of(code))


def sample(kind: str, *, long: bool = False) -> Snapshot:
    """A filled snapshot of ``kind`` (``notice`` = variant A; ``notice_b`` = variant B)."""
    c = _common(long)
    if kind == "receipt":
        return ReceiptSnapshot(
            **{**c, "signatory": OFFICER},
            complete=True,
            completed_on=dt.date(2026, 3, 16),
            response_deadline=Deadline(dt.date(2026, 3, 30), "10 hari kerja sejak lengkap"),
            contact="(0254) 123456",
        )
    if kind == "receipt_incomplete":
        return ReceiptSnapshot(
            **{**c, "signatory": OFFICER},
            complete=False,
            missing_items=("Fotokopi KTP", "Surat kuasa khusus"),
            completion_deadline=Deadline(dt.date(2026, 3, 19), "3 hari kerja"),
        )
    if kind == "form":
        return FormSnapshot(**{**c, "signatory": OFFICER})
    if kind == "incomplete":
        return IncompleteSnapshot(
            **c,
            missing_items=("Fotokopi KTP", "Surat kuasa khusus bermeterai"),
            completion_deadline=Deadline(dt.date(2026, 3, 19), "3 hari kerja"),
        )
    if kind == "notice":
        return NoticeSnapshot(
            **c, variant="A", forms=("hardcopy",), costs=COSTS, provision_time="3 (tiga) hari kerja"
        )
    if kind == "notice_b":
        return NoticeSnapshot(
            **c,
            variant="B",
            reason="belum_didokumentasikan",
            undocumented_provision="14 (empat belas) hari kerja",
        )
    if kind == "extension":
        return ExtensionSnapshot(
            **c,
            reason="Informasi masih dalam proses pendokumentasian",
            original_deadline=Deadline(dt.date(2026, 3, 30)),
            new_deadline=Deadline(dt.date(2026, 4, 8)),
        )
    if kind == "rejection":
        return RejectionSnapshot(
            **c,
            pasal17=("b", "h"),
            other_basis="Pasal 6 ayat (3) huruf c UU 14/2008",
            consequence="Membuka informasi dapat mengungkap data pribadi warga.",
            objection_deadline=Deadline(dt.date(2026, 4, 30)),
            atasan="Sekretaris Daerah Kota Serang selaku Atasan PPID",
            sk_number="800/12/PPID-CPJ/2026",
            sk_date=dt.date(2026, 1, 15),
            excluded_for="selama 5 (lima) tahun, sampai dengan 15 Januari 2031",
        )
    if kind == "forward":
        return ForwardSnapshot(
            **c,
            holder_name="Dinas Kependudukan dan Pencatatan Sipil Kota Serang",
            holder_address="Jl. Jenderal Sudirman, Kota Serang",
            forwarded=True,
            forwarded_on=dt.date(2026, 3, 17),
        )
    if kind == "handover":
        return HandoverSnapshot(
            **{**c, "signatory": OFFICER},
            handed_at=dt.datetime(2026, 3, 25, 10, 15),
            items=("Salinan RAB jalan lingkungan RT 03 (20 lembar)",),
            form="Hardcopy",
            costs=COSTS,
            payment_method="Tunai",
        )
    if kind == "objection":
        return ObjectionSnapshot(
            **{**c, "signatory": OFFICER, "letter": LetterMeta("KEB-CPJ/003/IV/2026", dt.date(2026, 4, 1))},
            received_at=dt.datetime(2026, 4, 1, 10, 0),
            grounds=("a", "c"),
            case="Permohonan ditolak padahal informasi tersebut wajib tersedia setiap saat.",
            response_deadline=Deadline(dt.date(2026, 5, 15), "30 hari kerja"),
            atasan="Sekretaris Daerah Kota Serang",
        )
    if kind == "register":
        return register_sample(3)
    if kind == "register_objections":
        return RegisterSnapshot(
            office=OFFICE,
            period_from=dt.date(2026, 1, 1),
            period_to=dt.date(2026, 6, 30),
            printed_on=dt.date(2026, 7, 1),
            signatory=PPID,
            objections=True,
            paper="F4",
            objection_rows=(
                ObjectionRow(
                    number="KEB-CPJ/003/IV/2026",
                    received_on=dt.date(2026, 4, 1),
                    name="Budi Santoso",
                    request_number=REG_NO,
                    grounds=("a", "c"),
                    decision="Menguatkan putusan PPID",
                    response_on=dt.date(2026, 5, 12),
                    atasan="Sekretaris Daerah Kota Serang",
                ),
            ),
        )
    if kind == "dossier":
        return DossierSnapshot(
            office=OFFICE,
            request=c["request"],
            requester=c["requester"],
            printed_at=dt.datetime(2026, 4, 2, 14, 5),
            status="Ditolak",
            facts=(LabeledValue("Keputusan", "Ditolak (Pasal 17 huruf b)"),),
            deadlines=(("Pemberitahuan tertulis", Deadline(dt.date(2026, 3, 30), "10 hari kerja")),),
            timeline=(
                TimelineEntry(dt.datetime(2026, 3, 16, 9, 30), "Permohonan diterima", "petugas", "lengkap"),
                TimelineEntry(
                    dt.datetime(2026, 3, 27, 11, 0), "Surat penolakan diterbitkan", "ppid", LETTER_NO
                ),
            ),
            letters=(
                IssuedLetterRef("rejection", "Surat Keputusan Penolakan", LETTER_NO, dt.date(2026, 3, 27)),
            ),
            signatory=PPID,
        )
    if kind in ("report", "report_semester"):
        return report_sample(semester=kind == "report_semester")
    if kind == "agenda":
        return AgendaSnapshot(
            office=OFFICE,
            year=2026,
            printed_on=dt.date(2026, 4, 2),
            signatory=PPID,
            rows=(
                AgendaRow(LETTER_NO, dt.date(2026, 3, 27), "Surat Keputusan PPID tentang Penolakan",
                          addressee="Budi Santoso", record_number=REG_NO, issued_by="Drs. H. Ahmad Fauzi, M.Si.",
                          paper="A4"),
                AgendaRow("000.8.3.3/16/PPID-CPJ/III/2026", dt.date(2026, 3, 30), "Pemberitahuan Tertulis",
                          addressee="Siti Aminah", record_number=REG_NO, issued_by="Rina Kartika, S.Sos.",
                          paper="F4"),
            ),
        )  # fmt: skip
    if kind in ("information_list", "information_list_dip"):
        return information_list_sample(dip=kind == "information_list_dip", long=long)
    raise ValueError(kind)


def information_list_sample(*, dip: bool = False, long: bool = False) -> InformationListSnapshot:
    """A DIK of two entries (the second excluded for a period in words) or a DIP of two entries."""
    text = LONG_TEXT if long else "Data pribadi pemohon KTP elektronik dan kartu keluarga warga"
    if dip:
        rows = (
            ("Profil Kecamatan Cipocok Jaya", "Struktur organisasi, tugas dan fungsi, alamat kantor", "Sekretariat",
             "Softcopy dan hardcopy", "Meja layanan PPID, ppid.serangkota.go.id"),
            ("Rekapitulasi realisasi anggaran 2025", text, "Subbagian Keuangan", "Hardcopy", "Meja layanan PPID"),
        )  # fmt: skip
    else:
        rows = (
            (text, "Pasal 17 huruf h: mengungkap rahasia pribadi",
             "Membuka informasi ini mengungkap data pribadi warga yang dilindungi UU 27/2022.",
             "selama 5 (lima) tahun, sampai dengan 15 Januari 2031", "800/12/PPID-CPJ/2026, 15 Januari 2026"),
            ("Dokumen evaluasi penawaran pengadaan barang/jasa yang sedang berjalan",
             "Pasal 17 huruf b: mengganggu kepentingan perlindungan hak atas kekayaan intelektual dan persaingan "
             "usaha tidak sehat", "Membuka dokumen sebelum penetapan pemenang mengganggu persaingan usaha.",
             "sampai pengumuman pemenang", "800/12/PPID-CPJ/2026, 15 Januari 2026"),
        )  # fmt: skip
    return InformationListSnapshot(
        office=OFFICE, variant="dip" if dip else "dik", printed_on=dt.date(2026, 3, 16), rows=rows
    )


def register_sample(rows: int, *, objections: bool = False) -> RegisterSnapshot:
    data = tuple(
        RequestRow(
            number=f"PPID-CPJ/{i + 1:04d}/2026",
            received_on=dt.date(2026, 1 + i % 3, 1 + i % 28),
            name=f"Pemohon ke-{i + 1}",
            address="Jl. Mawar No. 5 RT 01 RW 02, Cipocok Jaya",
            contact="081234567890",
            occupation="Wiraswasta",
            information="Salinan RAB pembangunan jalan lingkungan " * (1 + i % 3),
            purpose="Penelitian",
            held=i % 4 != 0,
            holder="Disdukcapil Kota Serang" if i % 4 == 0 else "",
            hardcopy=True,
            wants_copy=True,
            decision="Diterima",
            notice_on=dt.date(2026, 3, 20),
            delivered_on=dt.date(2026, 3, 25),
            cost=Decimal(10000),
            payment_method="Tunai",
        )
        for i in range(rows)
    )
    return RegisterSnapshot(
        office=OFFICE,
        period_from=dt.date(2026, 1, 1),
        period_to=dt.date(2026, 3, 31),
        printed_on=dt.date(2026, 4, 1),
        signatory=PPID,
        rows=data,
    )


def report_sample(*, semester: bool = False) -> ReportSnapshot:
    """A Laporan Layanan Informasi Publik of a small first semester, in the shape ``ppid-desk report`` gives."""
    months = {f"2026-{m:02d}": n for m, n in zip(range(1, 7), (3, 5, 4, 6, 2, 4), strict=True)}
    return ReportSnapshot(
        office=OFFICE,
        period_label="Semester I 2026",
        period_from=dt.date(2026, 1, 1),
        period_to=dt.date(2026, 6, 30),
        printed_on=dt.date(2026, 7, 6),
        signatory=PPID,
        semester=semester,
        narrative={"kebijakan": "SK PPID Kecamatan Cipocok Jaya Nomor 000.5.9/12/2026.", "rekomendasi": ""},
        figures={
            "period": {
                "from": "2026-01-01",
                "to": "2026-06-30",
                "code": "2026-S1",
                "label": "Semester I 2026",
            },
            "office": "CPJ",
            "requests": {
                "total": 24,
                "by_month": months,
                "by_channel": {"datang_langsung": 18, "email": 6},
                "by_requester_kind": {"perorangan": 21, "badan_hukum": 2, "kelompok": 1},
                "by_outcome": {
                    "diterima": 15,
                    "diterima_sebagian": 3,
                    "ditolak": 2,
                    "tidak_dikuasai": 1,
                    "diteruskan": 1,
                    "tidak_dapat_diproses": 1,
                    "belum_selesai": 1,
                },  # fmt: skip
                "rejections_by_article": {"b": 1, "j": 1},
                "extended": 2,
                "response_working_days": {"count": 20, "mean": 6.4, "median": 6.0, "max": 14},
                "answered": 20,
                "on_time": 19,
                "late": 1,
                "response_distribution": {"0-5": 8, "6-10": 10, "11-17": 2, "18+": 0},
                "handover_working_days": {"count": 16, "mean": 2.5, "median": 2.0, "max": 7},
                "handed_over": 16,
            },
            "objections": {
                "total": 2,
                "by_ground": {"a": 1, "c": 1},
                "by_decision": {"ditolak": 1, "belum_diputus": 1},
                "late_filings": 0,
            },  # fmt: skip
            "disputes": {"total": 1, "by_outcome": {"belum_diputus": 1}},
        },
    )

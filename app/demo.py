"""A realistic demo register: a few hundred requests of a kecamatan PPID over the last months.

Why through the services: the demo must look exactly like a real office (numbers, deadlines, timelines,
audit) and must never drift from the real code paths, so every intake and every action is an ordinary
service call. Events are replayed in time order on a controlled clock, so numbers follow the receipt order and
each timeline reads naturally. ``seed_demo`` is used by ``ppid-desk demo``, the screenshots script and the
UI benchmarks; the random generator is seeded, so the same call gives the same register.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.services.context import Actor
    from app.services.desk import DeskServices

DEMO_ADMIN = ("admin", "demo-rahasia")
DEMO_OFFICER = ("petugas", "demo-rahasia")

#: Written into every demo folder: ``ppid-desk demo`` tops up only a folder that carries it, so a mistyped
#: ``--dir``/``--data-dir`` naming a real office's folder is refused instead of filled with invented requests.
DEMO_MARKER = "DEMO-PPID-DESK.txt"

#: ``progress(done, total)``: called while seeding (from the seeding thread), so a window can show how far it is.
Progress = Callable[[int, int], None]

FIRST = [
    "Siti",
    "Ahmad",
    "Dewi",
    "Budi",
    "Rina",
    "Agus",
    "Nurul",
    "Hendra",
    "Lina",
    "Rudi",
    "Yuni",
    "Fajar",
    "Intan",
    "Dedi",
    "Ratna",
    "Eko",
    "Wulan",
    "Asep",
    "Maya",
    "Iwan",
    "Sri",
    "Joko",
    "Fitri",
    "Bayu",
]
LAST = [
    "Aminah",
    "Hidayat",
    "Lestari",
    "Santoso",
    "Marlina",
    "Saputra",
    "Hasanah",
    "Gunawan",
    "Suryani",
    "Permana",
    "Rahmawati",
    "Nugroho",
    "Wijaya",
    "Kurniawan",
    "Fauziah",
    "Setiawan",
    "Maulana",
    "Pertiwi",
]
JOBS = [
    "Guru",
    "Mahasiswa",
    "Wiraswasta",
    "Petani",
    "Karyawan swasta",
    "Jurnalis",
    "Ibu rumah tangga",
    "Pensiunan",
]
STREETS = ["Jl. Bhayangkara", "Jl. Syekh Nawawi", "Jl. Ciwaru Raya", "Jl. Kampung Tegal", "Jl. Raya Petir"]
TOPICS = [
    "Salinan DPA Kecamatan tahun anggaran {y}",
    "Daftar penerima bantuan sosial di kelurahan {k} tahun {y}",
    "Laporan realisasi dana kelurahan {k} tahun {y}",
    "Rencana kerja Kecamatan tahun {y}",
    "Notulen Musrenbang kecamatan tahun {y}",
    "Data jumlah penduduk per kelurahan semester II {y}",
    "Standar pelayanan administrasi kependudukan di kecamatan",
    "Daftar aset tanah milik pemerintah di kelurahan {k}",
    "Izin keramaian yang diterbitkan tahun {y}",
    "Laporan penanganan pengaduan masyarakat tahun {y}",
    "Rincian anggaran perbaikan jalan lingkungan kelurahan {k}",
    "Data sekolah dan posyandu di kelurahan {k}",
]
PURPOSES = [
    "Penelitian skripsi",
    "Bahan pemberitaan",
    "Pengawasan penggunaan anggaran",
    "Kepentingan pribadi",
    "Bahan diskusi warga",
    "Penyusunan proposal kegiatan",
    "Kajian lembaga swadaya masyarakat",
]
KELURAHAN = [
    "Cipocok Jaya",
    "Banjaragung",
    "Banjarsari",
    "Dalung",
    "Gelam",
    "Karundang",
    "Panancangan",
    "Tembong",
]
MOBILE = ["0812", "0813", "0821", "0852", "0857", "0878", "0896", "0838"]
CHANNELS = ["datang_langsung"] * 6 + ["email"] * 2 + ["surat", "telepon", "website"]


@dataclass
class _Clock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now


def _nik(rng: random.Random, female: bool) -> str:
    day = rng.randint(1, 28) + (40 if female else 0)
    return f"36730{rng.randint(1, 6)}{day:02d}{rng.randint(1, 12):02d}{rng.randint(60, 99):02d}{rng.randint(1, 9999):04d}"


def _work_time(rng: random.Random, day: date) -> datetime:
    return datetime.combine(day, time(8, 0)) + timedelta(minutes=rng.randint(0, 7 * 60))


def _later(cal: Any, rng: random.Random, start: datetime, low: int, high: int) -> datetime:
    """A moment ``low``..``high`` working days after ``start`` (same time band)."""
    day = start.date()
    for _ in range(rng.randint(low, high)):
        day += timedelta(days=1)
        while not cal.is_working_day(day):
            day += timedelta(days=1)
    return _work_time(rng, day)


def _intake(rng: random.Random, received: datetime) -> dict[str, Any]:
    female = rng.random() < 0.5
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    kel = rng.choice(KELURAHAN)
    complete = rng.random() < 0.8
    data: dict[str, Any] = {
        "received_at": received.isoformat(),
        "channel": rng.choice(CHANNELS),
        "complete": complete,
        "requester": {
            "kind": "perorangan",
            "name": name,
            "nik": _nik(rng, female),
            "address": f"{rng.choice(STREETS)} No. {rng.randint(1, 120)}, {kel}, Kota Serang",
            "phone": f"{rng.choice(MOBILE)}{rng.randint(1_000_000, 99_999_999):08d}",
            "email": f"{name.lower().replace(' ', '.')}{rng.randint(1, 99)}@example.id",
            "occupation": rng.choice(JOBS),
        },
        "documents": ["ktp"],
        "information": rng.choice(TOPICS).format(y=received.year - rng.randint(0, 1), k=kel),
        "purpose": rng.choice(PURPOSES),
        "obtain_method": rng.choice(["salinan_softcopy", "salinan_hardcopy", "melihat"]),
        "delivery_method": rng.choice(["email", "mengambil_langsung", "pos"]),
    }
    if not complete:
        data["missing_items"] = ["Fotokopi KTP belum dilampirkan"]
    return data


Step = tuple[datetime, Callable[[], Any]]

#: Keberatan of the demo: (grounds, case summary) per kind of outcome they follow. Why varied: a trainer shows
#: the Keberatan page with its grounds (Pasal 35 huruf a-g), filing dates and deadlines as a real office has them.
_AFTER_REJECTION = (["a"], "Pemohon tidak setuju dengan alasan pengecualian yang dipakai.")
_AFTER_SILENCE = (["c"], "Permohonan tidak ditanggapi sampai batas waktu berakhir.")
_AFTER_RESPONSE = (
    (["d"], "Informasi yang diberikan tidak sesuai dengan yang diminta."),
    (["e", "d"], "Sebagian dokumen yang diminta tidak diberikan."),
    (["f"], "Pemohon diminta membayar biaya penggandaan yang dinilai tidak wajar."),
)
_AFTER_EXTENSION = (["g"], "Informasi disampaikan melewati jangka waktu yang diatur.")


def _plan(
    desk: DeskServices, actor: Actor, rng: random.Random, now: datetime, days: int, count: int
) -> list[Step]:
    # Imported here: ``ppid-desk demo`` imports this module before its splash is shown, the lifecycle tables
    # (≈ 20 ms) are needed only by the seeding behind it.
    from app.domain.lifecycle import EXTENSION_REASONS

    cal = desk.calendar.calendar()
    first = now.date() - timedelta(days=days)
    working = [
        first + timedelta(days=i) for i in range(days) if cal.is_working_day(first + timedelta(days=i))
    ]
    steps: list[Step] = []
    numbers: dict[int, str] = {}
    objections: dict[int, str] = {}  # the keberatan filed on request i, by number
    names_by_nik: dict[str, str] = {}
    rng_obj = random.Random(rng.random())  # its own stream: the requests stay as they were without keberatan
    opening = datetime.combine(now.date(), time(8, 0))
    walk_ins_today = min(4, count // 10) if cal.is_working_day(now.date()) and now > opening else 0
    for i in range(count):
        received = _work_time(rng, rng.choice(working))
        if i >= count - walk_ins_today:  # the last few came in this morning: the dashboard shows them
            received = opening + (now - opening) * rng.random()
        data = _intake(rng, received)
        who = data["requester"]
        # a NIK drawn twice is one returning person (a new name would be asked: app/services/identity.py)
        who["name"] = names_by_nik.setdefault(who["nik"], who["name"])

        def receive(i: int = i, data: dict[str, Any] = data) -> None:
            numbers[i] = desk.register.receive(actor, data, confirm_warnings=True).number

        steps.append((received, receive))

        def act(i: int, action: str, body: dict[str, Any], at: datetime) -> Step:
            return (at, lambda: desk.actions.act(actor, numbers[i], action, body, at=at))

        def objection(i: int, filing: tuple[list[str], str], after: datetime) -> list[Step]:
            """A keberatan filed 2-12 working days after ``after`` (varied grounds and dates); most are answered
            by the Atasan PPID within its 30 working days, and some of those closed."""
            grounds, summary = filing
            filed = _later(cal, rng_obj, after, 2, 12)

            def add() -> None:
                objections[i] = desk.objections.add(actor, request_number=numbers[i], grounds=grounds,
                                                    filed_at=filed, body={"case_summary": summary}).number  # fmt: skip

            out: list[Step] = [(filed, add)]
            if rng_obj.random() < 0.85:
                decided = _later(cal, rng_obj, filed, 5, 25)
                decision = rng_obj.choices(("dikabulkan", "dikabulkan_sebagian", "ditolak"), (3, 2, 5))[0]
                answer = {
                    "decision": decision,
                    "text": "Atasan PPID telah memeriksa keberatan dan menanggapinya.",
                }
                out.append(
                    (decided, lambda: desk.objections.act(actor, objections[i], "decide", answer, at=decided))
                )
                if rng_obj.random() < 0.6:
                    closed = _later(cal, rng_obj, decided, 1, 10)
                    out.append(
                        (closed, lambda: desk.objections.act(actor, objections[i], "close", {}, at=closed))
                    )
            return out

        fate = rng.random()
        recent = (now - received).days < 21
        cursor = received
        if not data["complete"]:
            # registered as "tidak lengkap" with the missing items; most complete it within 3 working days
            if fate < 0.3:
                steps.append(act(i, "close", {}, _later(cal, rng, received, 5, 6)))
                continue
            cursor = _later(cal, rng, received, 1, 3)
            steps.append(act(i, "complete", {"documents": ["ktp"]}, cursor))
        if fate < (0.5 if recent else 0.03):
            if not recent and rng_obj.random() < 0.5:  # overdue and unanswered: the requester objects
                steps += objection(i, _AFTER_SILENCE, _later(cal, rng_obj, cursor, 10, 12))
            continue  # still being processed (a few old ones are overdue)
        extended = fate < 0.12
        if extended:
            cursor = _later(cal, rng, cursor, 5, 9)
            steps.append(act(i, "extend", {"reason": rng.choice(list(EXTENSION_REASONS))}, cursor))
            if recent:
                continue
        cursor = _later(cal, rng, cursor, 2, 9)
        if fate < 0.2:
            body = {
                "article": "c",
                "consequence_test": "Membuka informasi ini dapat mengganggu proses pengadaan yang berjalan.",
            }
            steps.append(act(i, "reject", body, cursor))
            if rng_obj.random() < 0.15:
                steps += objection(i, _AFTER_REJECTION, cursor)
            continue
        if fate < 0.26:
            steps.append(act(i, "forward", {"to_body": "Dinas Sosial Kota Serang"}, cursor))
            continue
        steps.append(act(i, "respond", {"decision": "diterima", "info_form": "softcopy"}, cursor))
        if rng_obj.random() < 0.08:
            filing = _AFTER_EXTENSION if extended else rng_obj.choice(_AFTER_RESPONSE)
            steps += objection(i, filing, cursor)
        if fate < 0.4:
            continue
        cursor = _later(cal, rng, cursor, 1, 3)
        steps.append(act(i, "deliver", {}, cursor))
        if fate < 0.6:
            continue
        cursor = _later(cal, rng, cursor, 1, 2)
        steps.append(act(i, "close", {}, cursor))
    return [(at, fn) for at, fn in steps if at <= now]


def seed_demo(
    data_dir: Path,
    *,
    count: int = 300,
    days: int = 365,
    now: datetime | None = None,
    seed: int = 14,
    progress: Progress | None = None,
) -> None:
    """Create (or top up) a demo office in ``data_dir`` with ``count`` requests received over ``days`` days."""
    from app.services.desk import DeskServices

    now = (now or datetime.now()).replace(microsecond=0)
    clock = _Clock(now - timedelta(days=days + 1))
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / DEMO_MARKER).write_text(
        "Folder ini berisi data demo PPID Desk (ppid-desk demo), bukan register kantor. Boleh dihapus.\n",
        encoding="utf-8",
    )
    desk = DeskServices.open(data_dir, clock=clock)
    _fast_writes(desk)
    try:
        if desk.office.is_initialized():
            admin = desk.users.authenticate(*DEMO_ADMIN)
        else:
            admin = desk.office.setup(
                office_code="CPJ",
                office_name="Kecamatan Cipocok Jaya",
                admin_username=DEMO_ADMIN[0],
                admin_password=DEMO_ADMIN[1],
                admin_full_name="Administrator Demo",
            )
            desk.office.update_profile(
                admin, {"address": "Jl. Bhayangkara No. 1, Cipocok Jaya", "phone": "0254-200100"}
            )
            desk.office.save_official(
                admin, role="ppid", name="Drs. Ahmad Fauzi", jabatan="Sekretaris Kecamatan"
            )
            desk.office.save_official(
                admin, role="atasan_ppid", name="H. Rahmat Hidayat, S.Sos.", jabatan="Camat Cipocok Jaya"
            )
            desk.users.add(
                admin,
                username=DEMO_OFFICER[0],
                full_name="Nurul Hasanah",
                role="petugas",
                password=DEMO_OFFICER[1],
            )
        officer = desk.users.authenticate(*DEMO_OFFICER)
        rng = random.Random(seed)
        steps = sorted(_plan(desk, officer, rng, now, days, count), key=lambda step: step[0])
        for done, (at, fn) in enumerate(steps):
            clock.now = max(clock.now, at)
            fn()
            if progress is not None and done % 25 == 0:
                progress(done, len(steps))
        clock.now = now
        if progress is not None:
            progress(len(steps), len(steps))
    finally:
        desk.close()


def is_demo_folder(data_dir: Path) -> bool:
    """True when ``data_dir`` holds no register yet, or a register that ``seed_demo`` made."""
    from app.paths import db_path

    return not db_path(data_dir).exists() or (data_dir / DEMO_MARKER).is_file()


def _fast_writes(desk: DeskServices) -> None:
    """Throw-away demo data needs no fsync per intake: reopen the pool with ``synchronous=OFF`` while seeding.

    The desk's own listener (WAL, ``synchronous=FULL``) runs first on every new connection; this one runs
    after it. Only the seeding services are affected; the GUI opens the folder again with the normal settings.
    """
    from sqlalchemy import event

    def relax(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA synchronous=OFF")

    for engine in (desk.ctx.db.engine, desk.ctx.db.read_engine):
        engine.dispose()
        event.listen(engine, "connect", relax)

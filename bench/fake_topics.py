"""What people ask a kecamatan / kota PPID for, and how such requests usually end.

Each topic carries the badan publik that actually holds the information (for "tidak dikuasai" and forwarding)
and the Pasal 17 letter a rejection would cite, so the generated register reads like a real one: bansos lists
get partly blacked out for personal data, building permits are forwarded to DPMPTSP, and so on.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    templates: tuple[str, ...]
    holder: str
    article: str  # Pasal 17 huruf used when such a request is refused
    weight: float


DINAS = {
    "dukcapil": "Dinas Kependudukan dan Pencatatan Sipil Kota Serang",
    "dpupr": "Dinas Pekerjaan Umum dan Penataan Ruang Kota Serang",
    "dinsos": "Dinas Sosial Kota Serang",
    "dpmptsp": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Serang",
    "bappeda": "Badan Perencanaan Pembangunan Daerah Kota Serang",
    "bpkad": "Badan Pengelolaan Keuangan dan Aset Daerah Kota Serang",
    "dlh": "Dinas Lingkungan Hidup Kota Serang",
    "dinkes": "Dinas Kesehatan Kota Serang",
    "bpbd": "Badan Penanggulangan Bencana Daerah Kota Serang",
}

TOPICS: tuple[Topic, ...] = (
    Topic(
        (
            "Salinan Dokumen Pelaksanaan Anggaran (DPA) Kecamatan {kec} Tahun Anggaran {y}.",
            "Rincian realisasi anggaran Kelurahan {kel} tahun {y}, termasuk dana kelurahan untuk "
            "pembangunan sarana dan prasarana.",
            "Laporan realisasi APBD Kota Serang tahun {y} untuk belanja hibah dan bantuan sosial.",
            "Rincian anggaran kegiatan pemberdayaan masyarakat Kelurahan {kel} tahun {y} beserta "
            "daftar penerima manfaat.",
        ),
        DINAS["bpkad"],
        "i",
        3.0,
    ),
    Topic(
        (
            "Data jumlah penduduk per RT/RW Kelurahan {kel} tahun {y} menurut jenis kelamin dan usia.",
            "Data penduduk miskin dan rumah tidak layak huni di Kecamatan {kec} tahun {y}.",
            "Jumlah penduduk Kecamatan {kec} menurut tingkat pendidikan dan pekerjaan, semester {s} {y}.",
        ),
        DINAS["dukcapil"],
        "h",
        2.0,
    ),
    Topic(
        (
            "Salinan izin usaha dan persetujuan bangunan gedung (PBG) {biz} di {street}, Kelurahan {kel}.",
            "Dokumen persetujuan lingkungan (UKL-UPL) {biz} yang beroperasi di Kecamatan {kec}.",
            "Daftar izin usaha mikro yang diterbitkan di Kecamatan {kec} tahun {y}.",
        ),
        DINAS["dpmptsp"],
        "b",
        1.5,
    ),
    Topic(
        (
            "Daftar penerima bantuan sosial (BPNT dan PKH) di Kelurahan {kel} periode {s} tahun {y}.",
            "Data penyaluran BLT dan bantuan sembako di Kecamatan {kec} tahun {y} beserta mekanisme "
            "penetapan penerima.",
            "Daftar penerima bantuan rumah tidak layak huni (rutilahu) Kelurahan {kel} tahun {y}.",
        ),
        DINAS["dinsos"],
        "h",
        2.5,
    ),
    Topic(
        (
            "Dokumen hasil Musrenbang Kecamatan {kec} tahun {y} beserta daftar usulan prioritas.",
            "Berita acara dan daftar hadir Musrenbang Kelurahan {kel} untuk rencana kerja tahun {y}.",
            "Rencana Kerja (Renja) Kecamatan {kec} tahun {y}.",
        ),
        DINAS["bappeda"],
        "i",
        2.0,
    ),
    Topic(
        (
            "Laporan kegiatan {act} di Kecamatan {kec} tahun {y}.",
            "Laporan pertanggungjawaban kegiatan {act} Kelurahan {kel} tahun {y}.",
        ),
        DINAS["bappeda"],
        "i",
        1.5,
    ),
    Topic(
        (
            "Data ruas jalan rusak dan rencana perbaikan jalan lingkungan di Kecamatan {kec} tahun {y}.",
            "Salinan kontrak dan RAB pekerjaan peningkatan jalan {street} tahun {y}.",
            "Data saluran drainase dan titik banjir di Kelurahan {kel} serta rencana penanganannya.",
        ),
        DINAS["dpupr"],
        "b",
        2.0,
    ),
    Topic(
        (
            "Data sampah dan laporan bank sampah di Kecamatan {kec} tahun {y}.",
            "Hasil pengawasan lingkungan terhadap {biz} di Kelurahan {kel}.",
        ),
        DINAS["dlh"],
        "a",
        0.8,
    ),
    Topic(
        (
            "Data balita stunting dan kegiatan posyandu di Kelurahan {kel} tahun {y}.",
            "Jumlah kasus demam berdarah di Kecamatan {kec} tahun {y} per kelurahan.",
        ),
        DINAS["dinkes"],
        "h",
        1.0,
    ),
    Topic(
        (
            "Data penyaluran bantuan korban banjir di Kecamatan {kec} tahun {y}.",
            "Daftar aset tanah milik Pemerintah Kota Serang di Kelurahan {kel}.",
            "SOP dan standar pelayanan administrasi di Kantor Kecamatan {kec}.",
        ),
        DINAS["bpbd"],
        "j",
        1.0,
    ),
)
_WEIGHTS = [t.weight for t in TOPICS]

BUSINESSES = (
    "PT Sinar Banten Perkasa",
    "CV Karya Mandiri",
    "minimarket",
    "pabrik tahu",
    "gudang bahan bangunan",
    "SPBU",
    "rumah makan",
    "peternakan ayam",
    "bengkel las",
    "perumahan Griya Serang Asri",
)
ACTIVITIES = (
    "posyandu",
    "pelatihan UMKM",
    "pembangunan MCK",
    "kerja bakti",
    "peringatan HUT RI",
    "pelatihan kader PKK",
    "penanganan stunting",
    "bimbingan teknis RT/RW",
    "festival budaya Banten",
)
STREETS = (
    "Jl. Raya Serang-Pandeglang",
    "Jl. Lingkar Selatan",
    "Jl. Ki Mas Jong",
    "Jl. Raya Petir",
    "Jl. Sempu",
    "Jl. Bhayangkara",
    "Jl. Syekh Nawawi Al-Bantani",
)
PURPOSES = (
    "Bahan penelitian skripsi di Universitas Sultan Ageng Tirtayasa.",
    "Pengawasan penggunaan anggaran oleh masyarakat.",
    "Bahan pemberitaan media daring.",
    "Kajian transparansi anggaran oleh lembaga kami.",
    "Mengetahui hak sebagai calon penerima bantuan.",
    "Bahan advokasi warga kepada DPRD Kota Serang.",
    "Perencanaan kegiatan kelompok.",
    "Persyaratan pengajuan kredit usaha rakyat.",
    "Keperluan pribadi dan keluarga.",
    "Bahan tesis program magister administrasi publik.",
    "Pemantauan pelayanan publik oleh warga.",
)
MISSING = (
    "fotokopi KTP",
    "rincian informasi yang diminta belum jelas",
    "surat kuasa",
    "tanda tangan pemohon",
    "akta pendirian badan hukum",
    "nomor telepon yang dapat dihubungi",
)
CONSEQUENCE = {
    "a": "Membuka informasi ini dapat menghambat proses penyelidikan yang sedang berjalan oleh aparat penegak "
    "hukum; kepentingan yang lebih besar dilindungi dengan menutupnya.",
    "b": "Dokumen memuat rahasia dagang dan rincian teknis usaha pihak ketiga yang bila dibuka dapat "
    "menimbulkan persaingan usaha tidak sehat.",
    "h": "Daftar memuat NIK, alamat dan kondisi ekonomi perorangan; membukanya mengungkap rahasia pribadi "
    "tanpa persetujuan yang bersangkutan.",
    "i": "Dokumen berupa memorandum dan telaahan staf internal yang belum menjadi keputusan; membukanya "
    "dapat mengganggu proses pengambilan kebijakan.",
    "j": "Informasi termasuk yang tidak boleh diungkapkan berdasarkan peraturan perundang-undangan yang "
    "mengatur kerahasiaan data tersebut.",
}


def pick_topic(rng: random.Random) -> Topic:
    return rng.choices(TOPICS, weights=_WEIGHTS)[0]


def request_text(rng: random.Random, topic: Topic, kec: str, kel: str, year: int) -> str:
    """One request text from the topic's templates, about the requester's own area and a recent year."""
    template = rng.choice(topic.templates)
    text = template.format(
        kec=kec,
        kel=kel,
        y=year - rng.choice((0, 0, 1, 1, 2)),
        s=rng.choice(("I", "II")),
        biz=rng.choice(BUSINESSES),
        act=rng.choice(ACTIVITIES),
        street=rng.choice(STREETS),
    )
    if rng.random() < 0.15:
        text += " Mohon disampaikan dalam bentuk softcopy (PDF)."
    return text

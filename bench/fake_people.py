"""Who comes to a Kota Serang PPID desk: people, organisations and groups with valid identity data.

Names mix Sundanese, Javanese and Bantenese given names (including the Bantenese titles Tb. and Ratu) with
common family names; addresses are Kp./Jl. with RT/RW in real kelurahan of the six kecamatan of Kota Serang;
NIKs follow ``PP KK CC DDMMYY SSSS`` (+40 on the day for women) with region codes the desk knows, so every
generated requester passes the same validation an officer's input goes through.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

# Kecamatan code (NIK digits 5-6 under 36.73) -> name and its kelurahan.
KECAMATAN: dict[str, tuple[str, tuple[str, ...]]] = {
    "01": (
        "Serang",
        (
            "Cimuncang",
            "Kagungan",
            "Kaligandu",
            "Lontarbaru",
            "Lopang",
            "Serang",
            "Sukawana",
            "Cipare",
            "Sumurpecung",
            "Unyur",
            "Kotabaru",
            "Terondol",
        ),
    ),
    "02": (
        "Kasemen",
        (
            "Banten",
            "Bendung",
            "Kasemen",
            "Kasunyatan",
            "Margaluyu",
            "Mesjid Priyayi",
            "Sawah Luhur",
            "Terumbu",
            "Warung Jaud",
            "Kilasah",
        ),
    ),
    "03": (
        "Walantaka",
        (
            "Cigoong",
            "Kalodran",
            "Kapuren",
            "Lebakwangi",
            "Nyapah",
            "Pabuaran",
            "Pager Agung",
            "Pasuluhan",
            "Pipitan",
            "Teritih",
            "Walantaka",
            "Tegalsari",
            "Kiara",
            "Pengampelan",
        ),
    ),
    "04": (
        "Curug",
        (
            "Cilaku",
            "Curug",
            "Curug Manis",
            "Kamanisan",
            "Pancalaksana",
            "Sukajaya",
            "Sukalaksana",
            "Tinggar",
            "Cipete",
            "Sukawana",
        ),
    ),
    "05": (
        "Cipocok Jaya",
        (
            "Banjaragung",
            "Banjarsari",
            "Cipocok Jaya",
            "Dalung",
            "Gelam",
            "Karundang",
            "Panancangan",
            "Tembong",
        ),
    ),
    "06": (
        "Taktakan",
        (
            "Cilowong",
            "Drangong",
            "Kalanganyar",
            "Kuranji",
            "Lialang",
            "Pancur",
            "Panggungjati",
            "Sayar",
            "Sepang",
            "Taman Baru",
            "Taktakan",
            "Umbul Tengah",
        ),
    ),
}
# Some requesters hold a KTP from the neighbouring Kabupaten Serang (36.04) or Kota Cilegon (36.72); their
# kecamatan codes are taken from the desk's own Kemendagri table so the NIK raises no warning.
OTHER_REGIONS = ("3604", "3672")


def _districts(regency: str) -> tuple[str, ...]:
    table = resources.files("resources.data").joinpath("wilayah.csv").read_text(encoding="utf-8")
    codes = [row["code"].replace(".", "") for row in csv.DictReader(table.splitlines())]
    return tuple(code[4:] for code in codes if len(code) == 6 and code.startswith(regency))


DISTRICTS = {regency: _districts(regency) for regency in OTHER_REGIONS}

MALE = (
    "Ujang",
    "Asep",
    "Dadang",
    "Cecep",
    "Dede",
    "Yayan",
    "Aceng",
    "Entis",
    "Nana",
    "Apip",
    "Dodi",
    "Budi",
    "Slamet",
    "Joko",
    "Bambang",
    "Agus",
    "Wahyu",
    "Eko",
    "Sugeng",
    "Sutrisno",
    "Ahmad",
    "Muhammad",
    "Abdul",
    "Fauzi",
    "Rahmat",
    "Hasanudin",
    "Jaenudin",
    "Mulyadi",
    "Saepudin",
    "Jumadi",
    "Encep",
    "Dedi",
    "Iwan",
    "Rudi",
    "Hendra",
    "Andi",
    "Rizki",
    "Fajar",
    "Ilham",
    "Tb. Ahmad",
    "Tb. Hasan",
    "Hadi",
    "Supriyadi",
    "Maman",
    "Ohan",
    "Endang",
    "Yusuf",
    "Arif",
)
FEMALE = (
    "Siti",
    "Euis",
    "Neneng",
    "Iis",
    "Enok",
    "Nunung",
    "Yati",
    "Imas",
    "Cucu",
    "Kokom",
    "Eneng",
    "Sri",
    "Dwi",
    "Suryani",
    "Purwanti",
    "Rahayu",
    "Wulan",
    "Nur",
    "Ratu Siti",
    "Ratu Ayu",
    "Dewi",
    "Ani",
    "Rina",
    "Yuli",
    "Fitri",
    "Nurul",
    "Lilis",
    "Tati",
    "Aminah",
    "Halimah",
    "Sumiati",
    "Wati",
)
FAMILY = (
    "Suherman",
    "Hidayat",
    "Setiawan",
    "Kurniawan",
    "Saputra",
    "Wijaya",
    "Nurhaliza",
    "Rohmah",
    "Susanti",
    "Hermawan",
    "Suhendar",
    "Sukmana",
    "Permana",
    "Gunawan",
    "Maulana",
    "Firmansyah",
    "Ramdani",
    "Sopian",
    "Hasanah",
    "Fitriani",
    "Lestari",
    "Suryadi",
    "Mulyana",
    "Juhaeni",
    "Rosadi",
    "Syafei",
    "Hamdani",
    "Mukhlis",
    "Fauzi",
    "Nurjanah",
    "Rahmawati",
    "Hakim",
    "Sulaeman",
    "Jayadi",
    "Sanusi",
    "Marzuki",
    "Ruhiyat",
    "Hasbullah",
    "Basri",
    "Kusnadi",
    "Sudrajat",
    "Wahyudi",
    "",
)
OCCUPATIONS = (
    "Wiraswasta",
    "Petani",
    "Pedagang",
    "Mahasiswa",
    "Guru",
    "Karyawan swasta",
    "Wartawan",
    "Mengurus rumah tangga",
    "Buruh harian lepas",
    "Pegawai negeri sipil",
    "Nelayan",
    "Pensiunan",
    "Peneliti",
    "Advokat",
    "Ketua RT",
    "Pengurus LSM",
    "Pelajar",
    "Sopir",
)
ORG_PREFIX = (
    "Yayasan Pendidikan",
    "Yayasan Peduli",
    "Yayasan Sosial",
    "Koperasi Serba Usaha",
    "Koperasi Simpan Pinjam",
    "Perkumpulan",
    "LSM",
    "Lembaga Bantuan Hukum",
)
ORG_NAME = (
    "Al-Khairiyah",
    "Banten Bersatu",
    "Maju Bersama",
    "Mitra Warga",
    "Cahaya Umat",
    "Sinar Banten",
    "Transparansi Anggaran Banten",
    "Gerakan Masyarakat Serang",
    "Nurul Huda",
    "Tirtayasa",
    "Karya Mandiri",
    "Rumah Literasi Serang",
    "Kawal Publik",
    "Pelita Kasemen",
    "Sehati",
)
GROUP_PREFIX = (
    "Kelompok Tani",
    "Kelompok Wanita Tani",
    "Kelompok Nelayan",
    "Karang Taruna",
    "Paguyuban Pedagang",
    "Kelompok Usaha Bersama",
    "Forum Warga",
    "Majelis Taklim",
)
GROUP_NAME = (
    "Sri Rejeki",
    "Melati",
    "Karangantu Jaya",
    "Tunas Harapan",
    "Pasar Rau",
    "Mekar Sari",
    "Sumber Makmur",
    "Bina Warga",
    "Al-Ikhlas",
    "Cempaka",
    "Sauyunan",
    "Mandiri",
)
STREETS = (
    "Jl. Ki Mas Jong",
    "Jl. Jenderal Sudirman",
    "Jl. KH. Abdul Fatah Hasan",
    "Jl. Raya Petir",
    "Jl. Ayip Usman",
    "Jl. Bhayangkara",
    "Jl. Trip Jamaksari",
    "Jl. Maulana Yusuf",
    "Jl. Raya Pandeglang",
    "Jl. Syekh Nawawi Al-Bantani",
    "Jl. Lingkar Selatan",
    "Jl. Tirtayasa",
    "Jl. Veteran",
)
KAMPUNG = (
    "Kp. Pasir",
    "Kp. Cibening",
    "Kp. Kebon Jahe",
    "Kp. Sukamaju",
    "Kp. Babakan",
    "Kp. Cilampang",
    "Kp. Kalang Anyar",
    "Kp. Sempu",
    "Kp. Karangantu",
    "Kp. Pabuaran",
    "Kp. Kebaharan",
    "Kp. Pamarayan",
)
MOBILE_PREFIXES = (
    "0812",
    "0813",
    "0821",
    "0822",
    "0852",
    "0853",
    "0857",
    "0858",
    "0856",
    "0815",
    "0817",
    "0818",
    "0819",
    "0859",
    "0877",
    "0878",
    "0838",
    "0831",
    "0895",
    "0896",
    "0898",
    "0881",
)
MAIL_DOMAINS = ("gmail.com", "gmail.com", "gmail.com", "yahoo.co.id", "yahoo.com", "outlook.com")


@dataclass
class Person:
    """One requester as typed at the desk (the ``requester`` block of an intake) plus the documents seen."""

    data: dict[str, Any]
    documents: list[str]
    kecamatan: str
    kelurahan: str


class PeopleFactory:
    """Deterministic (seeded) requesters; NIKs and legal numbers are unique within one factory."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._niks: set[str] = set()
        self._legal: set[str] = set()

    def _place(self) -> tuple[str, str, str]:
        code = self.rng.choice(list(KECAMATAN))
        kec, kelurahan = KECAMATAN[code]
        return code, kec, self.rng.choice(kelurahan)

    def address(self) -> tuple[str, str, str]:
        """A Serang address on two lines, and its kecamatan and kelurahan."""
        r = self.rng
        _, kec, kel = self._place()
        rt, rw = f"{r.randint(1, 12):03d}", f"{r.randint(1, 9):03d}"
        if r.random() < 0.55:
            first = f"{r.choice(KAMPUNG)} RT {rt}/RW {rw}"
        else:
            first = f"{r.choice(STREETS)} No. {r.randint(1, 250)}, RT {rt}/RW {rw}"
        return f"{first}\nKel. {kel}, Kec. {kec}, Kota Serang, Banten", kec, kel

    def nik(self, female: bool, today: date) -> str:
        r = self.rng
        region = r.choice(OTHER_REGIONS) if r.random() < 0.12 else "3673"
        district = f"{r.randint(1, 6):02d}" if region == "3673" else r.choice(DISTRICTS[region])
        while True:
            born = date(today.year - r.randint(17, 75), r.randint(1, 12), r.randint(1, 28))
            day = born.day + (40 if female else 0)
            nik = f"{region}{district}{day:02d}{born.month:02d}{born.year % 100:02d}{r.randint(1, 9999):04d}"
            if nik not in self._niks:
                self._niks.add(nik)
                return nik

    def phone(self) -> str:
        r = self.rng
        digits = f"{r.randint(0, 9999):04d}{r.randint(0, 9999):04d}"
        return f"{r.choice(MOBILE_PREFIXES)}-{digits[:4]}-{digits[4:]}"

    def _email(self, name: str) -> str:
        words = ["".join(ch for ch in word if ch.isalnum()) for word in name.lower().split()]
        base = ".".join(word for word in words if word)
        return f"{base}{self.rng.randint(1, 999)}@{self.rng.choice(MAIL_DOMAINS)}"

    def full_name(self, female: bool) -> str:
        given = self.rng.choice(FEMALE if female else MALE)
        family = self.rng.choice(FAMILY)
        if family == "" or self.rng.random() < 0.08:
            return given
        if self.rng.random() < 0.25:  # a second given name, as in "Siti Nur Hasanah"
            given = f"{given} {self.rng.choice(FEMALE if female else MALE).split()[-1]}"
        return f"{given} {family}"

    def individual(self, today: date) -> Person:
        r = self.rng
        female = r.random() < 0.42
        name = self.full_name(female)
        address, kec, kel = self.address()
        data: dict[str, Any] = {
            "kind": "perorangan",
            "name": name,
            "nik": self.nik(female, today),
            "address": address,
            "phone": self.phone() if r.random() < 0.93 else None,
            "email": self._email(name) if r.random() < 0.35 else None,
            "occupation": r.choice(OCCUPATIONS),
        }
        if data["phone"] is None and data["email"] is None:
            data["phone"] = self.phone()
        return Person(data, ["ktp"], kec, kel)

    def organisation(self, today: date) -> Person:
        r = self.rng
        name = f"{r.choice(ORG_PREFIX)} {r.choice(ORG_NAME)}"
        while True:
            legal = f"AHU-{r.randint(1, 99999):07d}.AH.01.{r.choice(('04', '06', '07'))}.Tahun {r.randint(2008, 2024)}"
            if legal not in self._legal:
                self._legal.add(legal)
                break
        address, kec, kel = self.address()
        data = {
            "kind": "badan_hukum",
            "name": name,
            "legal_number": legal,
            "address": address,
            "phone": self.phone(),
            "email": self._email(name.split()[-1]) if r.random() < 0.7 else None,
            "occupation": None,
        }
        return Person(data, ["akta", "sk_pengesahan"], kec, kel)

    def group(self, today: date) -> Person:
        r = self.rng
        address, kec, kel = self.address()
        name = f"{r.choice(GROUP_PREFIX)} {r.choice(GROUP_NAME)} Kel. {kel}"
        data = {
            "kind": "kelompok",
            "name": name,
            "nik": self.nik(r.random() < 0.3, today),
            "address": address,
            "phone": self.phone(),
            "email": None,
            "occupation": None,
        }
        return Person(data, ["ktp", "surat_kuasa"], kec, kel)

    def proxy(self) -> dict[str, Any]:
        """A kuasa: often a paralegal or a family member."""
        female = self.rng.random() < 0.4
        return {"name": self.full_name(female), "address": self.address()[0], "phone": self.phone()}

    def any(self, today: date) -> Person:
        roll = self.rng.random()
        if roll < 0.86:
            return self.individual(today)
        if roll < 0.94:
            return self.organisation(today)
        return self.group(today)

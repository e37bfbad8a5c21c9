"""Identity data the desk records about a requester: NIK, phone number and email address.

Why this module exists: the officer types these from a KTP or from what the requester says, often in a hurry.
Catching a mistyped NIK or phone number at the desk is far cheaper than discovering it when a letter cannot be
delivered. The rules follow domain reference §6.2 (NIK) and §6.3 (phone numbers):

* NIK = ``PP KK CC DDMMYY SSSS``. The province code must be known (the list of 38 provinces is complete), so an
  unknown province is an error. Kabupaten/kota and kecamatan codes change with pemekaran and some legacy NIKs do
  not follow the pattern, so an unknown regency or kecamatan is only a *warning* the officer may confirm.
* Phone numbers are stored in E.164 and shown in the national format (``phonenumbers`` decides validity).
* Email syntax is checked offline only; nothing here touches the network.

Everything here is pure Python; errors are ``app.errors.ValidationError`` with Indonesian messages.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib import resources

import phonenumbers

from app.errors import ValidationError

_MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
_NIK_SEPARATORS = re.compile(r"[\s.\-]+")
_MASK = "•"


@dataclass(frozen=True)
class NikInfo:
    """What a valid NIK says about its holder. The region is where the NIK was first issued, not the domicile."""

    nik: str
    province_code: str
    regency_code: str
    district_code: str
    province: str | None
    regency: str | None
    district: str | None
    birth_date: date
    sex: str
    serial: str
    warnings: tuple[str, ...]

    def hint(self) -> str:
        """A one-line summary the officer can compare with the KTP in front of them."""
        parts = [
            "Perempuan" if self.sex == "P" else "Laki-laki",
            f"lahir {self.birth_date.day} {_MONTHS[self.birth_date.month - 1]} {self.birth_date.year}",
        ]
        if self.district:
            parts.append(f"Kec. {self.district}")
        if self.regency:
            parts.append(self.regency)
        if self.province:
            parts.append(self.province)
        return ", ".join(parts)


@cache
def _regions() -> dict[str, str]:
    """Kode wilayah Kemendagri keyed by digits only ("3673" -> "Kota Serang"); read once, on first use."""
    table: dict[str, str] = {}
    text = resources.files("resources.data").joinpath("wilayah.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(text.splitlines()):
        table[row["code"].replace(".", "")] = row["name"]
    return table


@cache
def _regencies_with_districts() -> frozenset[str]:
    """Regencies whose kecamatan list is in the table; only for these is a missing kecamatan suspicious."""
    return frozenset(code[:4] for code in _regions() if len(code) == 6)


def _dotted(code: str) -> str:
    return ".".join(code[i : i + 2] for i in range(0, len(code), 2))


def _birth_date(day: int, month: int, yy: int, today: date) -> date | None:
    """Pick the century so the date is not in the future and the person is at most about 100 years old."""
    for century in (2000, 1900):
        try:
            candidate = date(century + yy, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    return None


def parse_nik(value: str, *, today: date | None = None) -> NikInfo:
    """Clean and check a NIK; raise ``ValidationError({"nik": ...})`` listing every problem found."""
    today = today or date.today()
    nik = _NIK_SEPARATORS.sub("", value or "")
    if not nik:
        raise ValidationError({"nik": "NIK wajib diisi."})
    others = sorted({c for c in nik if not ("0" <= c <= "9")})
    if others:
        shown = " ".join(f"'{c}'" for c in others[:5]) + (" …" if len(others) > 5 else "")
        raise ValidationError(
            {"nik": f"NIK hanya boleh berisi angka 0–9 (ada {shown}); periksa kembali KTP."}
        )
    if len(nik) != 16:
        raise ValidationError({"nik": f"NIK harus terdiri dari 16 angka (yang diisi: {len(nik)} angka)."})

    regions = _regions()
    province_code, regency_code, district_code = nik[:2], nik[:4], nik[:6]
    dd, mm, yy, serial = int(nik[6:8]), int(nik[8:10]), int(nik[10:12]), nik[12:]
    problems: list[str] = []
    if province_code not in regions:
        problems.append(f"kode provinsi {province_code} tidak dikenal")
    if 1 <= dd <= 31:
        sex, day = "L", dd
    elif 41 <= dd <= 71:
        sex, day = "P", dd - 40
    else:
        sex, day = "L", 0
        problems.append(f"tanggal lahir {nik[6:8]} tidak sah (01–31, atau 41–71 untuk perempuan)")
    if not 1 <= mm <= 12:
        problems.append(f"bulan lahir {nik[8:10]} tidak sah (01–12)")
    birth = None
    if day and 1 <= mm <= 12:
        birth = _birth_date(day, mm, yy, today)
        if birth is None:
            problems.append(f"tanggal lahir {day:02d}-{mm:02d}-{nik[10:12]} tidak ada di kalender")
    if serial == "0000":
        problems.append("nomor urut 0000 tidak sah")
    if problems or birth is None:
        raise ValidationError({"nik": "NIK tidak sah: " + "; ".join(problems) + "."})

    warnings: list[str] = []
    regency = regions.get(regency_code)
    district = regions.get(district_code)
    if regency is None:
        warnings.append(
            f"Kode kabupaten/kota {_dotted(regency_code)} tidak ada dalam tabel wilayah Kemendagri; "
            "periksa NIK pada KTP."
        )
    elif district is None and (regency_code in _regencies_with_districts() or nik[4:6] == "00"):
        warnings.append(
            f"Kode kecamatan {_dotted(district_code)} tidak ada dalam tabel wilayah Kemendagri; "
            "periksa NIK pada KTP."
        )
    return NikInfo(
        nik=nik,
        province_code=province_code,
        regency_code=regency_code,
        district_code=district_code,
        province=regions.get(province_code),
        regency=regency,
        district=district,
        birth_date=birth,
        sex=sex,
        serial=serial,
        warnings=tuple(warnings),
    )


def mask_nik(nik: str) -> str:
    """Show only the regency code and the serial ("3673••••••••0012"), as UU PDP asks for in lists and prints."""
    digits = _NIK_SEPARATORS.sub("", nik or "")
    if len(digits) <= 8:
        return _MASK * len(digits)
    return digits[:4] + _MASK * (len(digits) - 8) + digits[-4:]


def normalize_nip(value: str | None, key: str = "nip") -> str | None:
    """A civil servant's NIP as its 18 digits (``None`` when empty), or ``ValidationError`` on ``key``.

    Spaces, dots and dashes may group it as printed ("19680507 198712 1 001"); any other character is refused
    by name, never dropped: "abc196805071987121001" once became a valid NIP by losing its letters. One rule for
    the users' and the officials' NIP (the CLI and the settings page)."""
    text = _NIK_SEPARATORS.sub("", value or "")
    if not text:
        return None
    others = sorted({c for c in text if not ("0" <= c <= "9")})
    if others:
        shown = " ".join(f"'{c}'" for c in others[:5]) + (" …" if len(others) > 5 else "")
        raise ValidationError({key: f"NIP hanya boleh berisi angka 0–9 (ada {shown}); periksa kembali."})
    if len(text) != 18:
        raise ValidationError({key: "NIP harus 18 digit."})
    return text


def normalize_phone(value: str) -> str:
    """Return the number in E.164 ("+6281234567890") or raise ``ValidationError({"phone": ...})``.

    A bare "62…" (no plus, no trunk 0) is read as the country code: Indonesians write national numbers with 0,
    and without this rule "62254218000" would be taken as a Pematangsiantar (0622) number.
    """
    text = (value or "").strip()
    if not text:
        raise ValidationError({"phone": "Nomor telepon wajib diisi."})
    digits = re.sub(r"\D", "", text)
    candidates = [text]
    if not text.startswith("+") and digits.startswith("62"):
        candidates.insert(0, "+" + digits)
    for candidate in candidates:
        try:
            number = phonenumbers.parse(candidate, "ID")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    raise ValidationError(
        {"phone": f'Nomor telepon "{text}" tidak sah. Contoh: 0812-3456-7890 atau (0254) 218000.'}
    )


@lru_cache(maxsize=4096)  # the register view formats the same numbers page after page
def format_phone(e164: str) -> str:
    """National display for Indonesian numbers ("0812-3456-7890"); international form for foreign ones."""
    try:
        number = phonenumbers.parse(e164, "ID")
    except phonenumbers.NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(number) == "ID":
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def printed_phone(value: str | None) -> str:
    """A phone as documents and registers print it: the national form for Indonesian numbers ("0812-3456-7890",
    "(0254) 218000"), never E.164; text that is no valid number (an office's "ext. 12") is printed as typed."""
    text = (value or "").strip()
    if not text:
        return ""
    try:
        number = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException:
        return text
    return format_phone(text) if phonenumbers.is_valid_number(number) else text


@lru_cache(maxsize=4096)
def mask_phone(e164: str) -> str:
    """Hide the middle digits of the displayed number ("0812-••••-7890"), keeping its punctuation."""
    shown = format_phone(e164)
    total = sum(ch.isdigit() for ch in shown)
    keep_head, keep_tail = (4, 4) if total > 8 else (0, 2)
    out: list[str] = []
    seen = 0
    for ch in shown:
        if ch.isdigit():
            seen += 1
            out.append(ch if seen <= keep_head or seen > total - keep_tail else _MASK)
        else:
            out.append(ch)
    return "".join(out)


def mask_email(email: str) -> str:
    """Hide the middle of the local part ("b•••o@example.id"): enough for the requester to recognise their
    address when an officer reads it back, not enough to copy it. The domain stays (it is rarely personal)."""
    local, _, domain = email.partition("@")
    shown = local[0] + _MASK * 3 + (local[-1] if len(local) > 2 else "") if local else ""
    return f"{shown}@{domain}" if domain else shown


_LOCAL_PART = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_DOMAIN_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def normalize_email(value: str) -> str:
    """Trim, lower-case the domain and check the syntax; raise ``ValidationError({"email": ...})``.

    The local part keeps its case (it is the mail server's business). International domain names are stored
    in their ASCII (punycode) form so that every later comparison is plain ASCII.
    """
    text = (value or "").strip()
    if not text:
        raise ValidationError({"email": "Alamat email wajib diisi."})
    invalid = ValidationError({"email": f'Alamat email "{text}" tidak sah. Contoh: nama@contoh.go.id.'})
    if text.count("@") != 1 or any(ch.isspace() for ch in text):
        raise invalid
    local, domain = text.split("@")
    domain = domain.rstrip(".").lower()
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise invalid from None
    labels = domain.split(".")
    if (
        not 1 <= len(local) <= 64
        or not _LOCAL_PART.match(local)
        or len(labels) < 2
        or not all(_DOMAIN_LABEL.match(label) for label in labels)
        or not (labels[-1].isalpha() or labels[-1].startswith("xn--"))
        or len(labels[-1]) < 2
        or len(local) + 1 + len(domain) > 254
    ):
        raise invalid
    return f"{local}@{domain}"

"""Who is asking: the requester (pemohon) and their representative (kuasa), checked before anything is saved.

Why one function collects everything: the officer fills the whole form and should see every problem at once,
not fix one field, submit, and discover the next. ``validate_requester`` therefore raises a single
``ValidationError`` whose ``fields`` hold one Indonesian message per field, and whose ``warnings`` hold the
things the officer may confirm (e.g. a NIK whose kabupaten is not in the Kemendagri table).

Required data per kind (domain reference §2.1, Perki 1/2021 as mirrored by Permen P2MI 14/2025 Pasal 21):

* perorangan: nama, NIK, alamat, telepon atau email.
* badan_hukum: nama, nomor SK pengesahan Kemenkumham, alamat, telepon atau email (NIK of the representative
  is optional).
* kelompok: nama, NIK of the grantor/representative, alamat, telepon atau email, and the group's surat kuasa.
* kuasa (any kind): nama kuasa, telepon atau alamat kuasa, and a surat kuasa among the documents received.

Field keys in errors and warnings are the input keys; the kuasa's fields are ``proxy.name``, ``proxy.nik``,
``proxy.address`` and ``proxy.phone``. The "telepon atau email" rule reports on ``phone``; a missing surat kuasa
reports on ``documents``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain import text as text_rules
from app.domain.identity import NikInfo, normalize_email, normalize_phone, parse_nik
from app.domain.translatable import QT_TRANSLATE_NOOP
from app.errors import ValidationError

#: The requester's fields each request records as given at its intake (``requests.requester_recorded``,
#: app/services/identity.py); the NIK itself only in its masked form.
RECORDED_FIELDS = ("kind", "name", "legal_number", "address", "phone", "email", "occupation", "nik_masked")
REQUESTER_KINDS = ("perorangan", "badan_hukum", "kelompok")
#: UU 14/2008 Pasal 1 angka 12: a requester is a warga negara, a badan hukum or a kelompok orang.
REQUESTER_KIND_LABELS: dict[str, str] = {
    "perorangan": QT_TRANSLATE_NOOP("Terms", "Perorangan"),
    "badan_hukum": QT_TRANSLATE_NOOP("Terms", "Badan hukum"),
    "kelompok": QT_TRANSLATE_NOOP("Terms", "Kelompok orang"),
}
DOCUMENT_KINDS = {
    "ktp": QT_TRANSLATE_NOOP("Terms", "Fotokopi KTP"),
    "akta": QT_TRANSLATE_NOOP("Terms", "Akta pendirian / AD"),
    "sk_pengesahan": QT_TRANSLATE_NOOP("Terms", "SK pengesahan Kemenkumham"),
    "surat_kuasa": QT_TRANSLATE_NOOP("Terms", "Surat kuasa"),
    "lainnya": QT_TRANSLATE_NOOP("Terms", "Lainnya"),
}
MAX_LENGTHS = {"name": 200, "address": 500, "occupation": 100, "legal_number": 100}


@dataclass(frozen=True)
class ProxyInput:
    """The kuasa acting for the requester; after validation ``nik`` is 16 digits and ``phone`` is E.164."""

    name: str
    nik: str | None
    address: str | None
    phone: str | None


@dataclass(frozen=True)
class CleanRequester:
    """A requester that passed validation; ``warnings`` still need the officer's confirmation."""

    kind: str
    name: str
    nik: str | None
    legal_number: str | None
    address: str
    phone: str | None
    email: str | None
    occupation: str | None
    proxy: ProxyInput | None
    nik_info: NikInfo | None
    warnings: dict[str, str]


def _kind(check: _Collector, value: Any) -> str | None:
    text = check.line("kind", value)
    return text.lower().replace(" ", "_").replace("-", "_") if text else None


class _Collector:
    """Gathers errors and warnings so that every problem is reported in one go."""

    def __init__(self, today: date | None) -> None:
        self.errors: dict[str, str] = {}
        self.warnings: dict[str, str] = {}
        self.today = today

    def line(self, key: str, value: Any) -> str | None:
        """One-line text by the register's text rules (``app.domain.text.line``); a refusal is recorded."""
        return self._text(text_rules.line, key, value)

    def block(self, key: str, value: Any) -> str | None:
        """Multi-line text (an address): each line trimmed and collapsed, blank lines dropped."""
        return self._text(text_rules.block, key, value)

    def _text(self, rule: Callable[[Any, str], str | None], key: str, value: Any) -> str | None:
        try:
            return rule(value, key)
        except ValidationError as exc:
            self.errors.update(exc.fields)
            return None

    def too_long(self, key: str, value: str | None, limit_key: str) -> None:
        limit = MAX_LENGTHS[limit_key]
        if value is not None and len(value) > limit:
            self.errors[key] = f"Terlalu panjang: {len(value)} karakter, maksimal {limit}."

    def nik(self, key: str, value: str | None) -> NikInfo | None:
        if value is None:
            return None
        try:
            info = parse_nik(value, today=self.today)
        except ValidationError as exc:
            self.errors[key] = exc.fields["nik"]
            return None
        if info.warnings:
            self.warnings[key] = " ".join(info.warnings)
        return info

    def phone(self, key: str, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return normalize_phone(value)
        except ValidationError as exc:
            self.errors[key] = exc.fields["phone"]
            return None

    def email(self, key: str, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return normalize_email(value)
        except ValidationError as exc:
            self.errors[key] = exc.fields["email"]
            return None


def _proxy(raw: Any, check: _Collector) -> ProxyInput | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        check.errors["proxy"] = "Data kuasa tidak sah."
        return None
    name = check.line("proxy.name", raw.get("name"))
    nik_text = check.line("proxy.nik", raw.get("nik"))
    address = check.block("proxy.address", raw.get("address"))
    phone_text = check.line("proxy.phone", raw.get("phone"))
    if name is None and nik_text is None and address is None and phone_text is None:
        return None  # an empty kuasa block on the form means "no kuasa"
    if name is None:
        check.errors.setdefault("proxy.name", "Nama kuasa wajib diisi.")
    check.too_long("proxy.name", name, "name")
    check.too_long("proxy.address", address, "address")
    info = check.nik("proxy.nik", nik_text)
    phone = check.phone("proxy.phone", phone_text)
    if phone_text is None and address is None:
        check.errors.setdefault("proxy.phone", "Isi nomor telepon atau alamat kuasa (salah satu wajib).")
    return ProxyInput(name=name or "", nik=info.nik if info else nik_text, address=address, phone=phone)


def validate_objection_proxy(raw: Any) -> dict[str, str | None] | None:
    """A keberatan's kuasa (``name``, ``address``, ``phone``) by the intake's rules for a kuasa: a one-line name
    of at most 200 characters, the address as text lines, a phone that is a valid number, stored in E.164. Only
    the name is required (the Perki form asks no more). Why here: the keberatan took the kuasa as typed, so a
    phone "12" was stored and printed, while the intake refuses it. A missing name reports on ``proxy``."""
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise ValidationError({"proxy": "Data kuasa tidak sah."})
    check = _Collector(None)
    name = check.line("proxy", raw.get("name"))
    address = check.block("proxy.address", raw.get("address"))
    phone = check.phone("proxy.phone", check.line("proxy.phone", raw.get("phone")))
    if name is None:
        check.errors.setdefault("proxy", "Nama kuasa wajib diisi bila keberatan diajukan melalui kuasa.")
    check.too_long("proxy", name, "name")
    check.too_long("proxy.address", address, "address")
    if check.errors:
        raise ValidationError(check.errors)
    return {"name": name, "address": address, "phone": phone}


def validate_requester(
    data: Mapping[str, Any], *, documents: Iterable[str] = (), today: date | None = None
) -> CleanRequester:
    """Clean the requester data, or raise one ``ValidationError`` naming every field that is wrong."""
    check = _Collector(today)
    docs = {str(doc).strip() for doc in documents}
    unknown_docs = sorted(docs - DOCUMENT_KINDS.keys())

    kind = _kind(check, data.get("kind"))
    if kind is None:
        check.errors.setdefault("kind", "Jenis pemohon wajib diisi.")
    elif kind not in REQUESTER_KINDS:
        check.errors["kind"] = "Jenis pemohon harus perorangan, badan hukum, atau kelompok."

    name = check.line("name", data.get("name"))
    if name is None:
        check.errors.setdefault("name", "Nama lengkap pemohon wajib diisi.")
    check.too_long("name", name, "name")

    nik_text = check.line("nik", data.get("nik"))
    nik_info = check.nik("nik", nik_text)
    if nik_text is None and kind == "perorangan":
        check.errors.setdefault("nik", "NIK wajib diisi untuk pemohon perorangan.")
    elif nik_text is None and kind == "kelompok":
        check.errors.setdefault("nik", "NIK pemberi kuasa / perwakilan kelompok wajib diisi.")

    legal_number = check.line("legal_number", data.get("legal_number"))
    if legal_number is None and kind == "badan_hukum":
        check.errors.setdefault("legal_number", "Nomor SK pengesahan badan hukum (Kemenkumham) wajib diisi.")
    check.too_long("legal_number", legal_number, "legal_number")

    address = check.block("address", data.get("address"))
    if address is None:
        check.errors.setdefault("address", "Alamat pemohon wajib diisi.")
    check.too_long("address", address, "address")

    phone_text, email_text = check.line("phone", data.get("phone")), check.line("email", data.get("email"))
    phone = check.phone("phone", phone_text)
    email = check.email("email", email_text)
    if phone_text is None and email_text is None:
        check.errors.setdefault("phone", "Isi nomor telepon atau alamat email pemohon (salah satu wajib).")

    occupation = check.line("occupation", data.get("occupation"))
    check.too_long("occupation", occupation, "occupation")

    proxy = _proxy(data.get("proxy"), check)

    missing_letter: list[str] = []
    if kind == "kelompok" and "surat_kuasa" not in docs:
        missing_letter.append("surat kuasa dari kelompok")
    if proxy is not None and "surat_kuasa" not in docs:
        missing_letter.append("surat kuasa khusus untuk kuasa")
    doc_problems = []
    if unknown_docs:
        doc_problems.append("Jenis dokumen tidak dikenal: " + ", ".join(unknown_docs) + ".")
    if missing_letter:
        doc_problems.append("Lampiran wajib belum diterima: " + " dan ".join(missing_letter) + ".")
    if doc_problems:
        check.errors["documents"] = " ".join(doc_problems)

    if check.errors:
        raise ValidationError(check.errors, warnings=check.warnings)
    assert kind is not None and name is not None and address is not None  # guaranteed by the checks above
    return CleanRequester(
        kind=kind,
        name=name,
        nik=nik_info.nik if nik_info else None,
        legal_number=legal_number,
        address=address,
        phone=phone,
        email=email,
        occupation=occupation,
        proxy=proxy,
        nik_info=nik_info,
        warnings=dict(check.warnings),
    )


def recorded_fields(value: object) -> dict[str, str | None]:
    """The recorded identity fields of a stored (or pulled) ``requester_recorded``: only known fields holding
    text (or nothing); anything else that arrived is ignored rather than printed."""
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if k in RECORDED_FIELDS and (v is None or isinstance(v, str))}

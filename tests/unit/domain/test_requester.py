"""Requester validation (app/domain/requester.py): required fields per kind, kuasa, all messages at once."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.requester import (
    DOCUMENT_KINDS,
    REQUESTER_KINDS,
    CleanRequester,
    ProxyInput,
    validate_requester,
)
from app.errors import ValidationError

TODAY = date(2026, 11, 29)
NIK = "3673054512850012"


def errors_of(data: dict[str, Any], documents: tuple[str, ...] = ()) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_requester(data, documents=documents, today=TODAY)
    return caught.value


def person(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "perorangan",
        "name": "Siti Aminah",
        "nik": NIK,
        "address": "Jl. Raya Petir No. 5, Cipocok Jaya, Kota Serang",
        "phone": "0812-3456-7890",
        "email": None,
        "occupation": "Guru",
        "proxy": None,
    }
    data.update(changes)
    return data


def test_constants() -> None:
    assert REQUESTER_KINDS == ("perorangan", "badan_hukum", "kelompok")
    assert set(DOCUMENT_KINDS) == {"ktp", "akta", "sk_pengesahan", "surat_kuasa", "lainnya"}


# --- perorangan --------------------------------------------------------------------------------------------------


def test_valid_person_is_cleaned() -> None:
    clean = validate_requester(
        person(name="  siti   Aminah ", nik="3673 0545 1285 0012", email=" Siti@Mail.COM "),
        documents=["ktp"],
        today=TODAY,
    )
    assert isinstance(clean, CleanRequester)
    assert clean.kind == "perorangan"
    assert clean.name == "siti Aminah"
    assert clean.nik == NIK
    assert clean.phone == "+6281234567890"
    assert clean.email == "Siti@mail.com"
    assert clean.occupation == "Guru"
    assert clean.legal_number is None and clean.proxy is None
    assert clean.nik_info is not None and clean.nik_info.birth_date == date(1985, 12, 5)
    assert clean.warnings == {}


def test_person_with_email_only_and_no_occupation() -> None:
    clean = validate_requester(person(phone=None, email="budi@example.com", occupation="  "), today=TODAY)
    assert (clean.phone, clean.email, clean.occupation) == (None, "budi@example.com", None)


def test_person_missing_everything_reports_every_field_at_once() -> None:
    error = errors_of({"kind": "perorangan"})
    assert set(error.fields) == {"name", "nik", "address", "phone"}
    assert error.fields["nik"] == "NIK wajib diisi untuk pemohon perorangan."
    assert "telepon atau alamat email" in error.fields["phone"]


def test_blank_strings_count_as_missing() -> None:
    error = errors_of(person(name="   ", nik=" ", address="\n \n", phone="", email=" "))
    assert set(error.fields) == {"name", "nik", "address", "phone"}


def test_invalid_values_are_all_reported() -> None:
    error = errors_of(person(nik="3673051313850000", phone="14045", email="budi@", occupation="x" * 101))
    assert set(error.fields) == {"nik", "phone", "email", "occupation"}
    assert "bulan lahir 13" in error.fields["nik"]


def test_address_lines_are_trimmed_and_blank_lines_dropped() -> None:
    clean = validate_requester(person(address="  Jl.  Ayip   Usman \n\n  Kota   Serang  "), today=TODAY)
    assert clean.address == "Jl. Ayip Usman\nKota Serang"


@pytest.mark.parametrize(("field", "limit"), [("name", 200), ("address", 500), ("occupation", 100)])
def test_max_lengths(field: str, limit: int) -> None:
    assert validate_requester(person(**{field: "a" * limit}), today=TODAY)
    error = errors_of(person(**{field: "a" * (limit + 1)}))
    assert set(error.fields) == {field}
    assert str(limit) in error.fields[field]


def test_unknown_region_is_returned_as_a_warning_to_confirm() -> None:
    clean = validate_requester(person(nik="3699054512850012"), today=TODAY)
    assert set(clean.warnings) == {"nik"}
    assert "36.99" in clean.warnings["nik"]


def test_warnings_travel_with_errors() -> None:
    error = errors_of(person(nik="3699054512850012", name=None))
    assert set(error.fields) == {"name"}
    assert set(error.warnings) == {"nik"}


# --- kind ------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [None, "", "lsm", "perusahaan"])
def test_unknown_or_missing_kind_is_an_error_and_other_checks_still_run(kind: str | None) -> None:
    error = errors_of(person(kind=kind, name=None))
    assert set(error.fields) == {"kind", "name"}


@pytest.mark.parametrize(("typed", "kind"), [("Badan Hukum", "badan_hukum"), (" PERORANGAN ", "perorangan")])
def test_kind_spelling_is_normalised(typed: str, kind: str) -> None:
    data = person(kind=typed, legal_number="AHU-0012345.AH.01.07.2020")
    assert validate_requester(data, today=TODAY).kind == kind


# --- badan hukum -----------------------------------------------------------------------------------------------------


def company(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "badan_hukum",
        "name": "Yayasan Pantau Banten",
        "legal_number": "AHU-0012345.AH.01.04.Tahun 2019",
        "address": "Jl. Jend. Sudirman No. 1, Kota Serang",
        "email": "sekretariat@pantaubanten.or.id",
    }
    data.update(changes)
    return data


def test_company_without_nik_is_valid() -> None:
    clean = validate_requester(company(), documents=["akta", "sk_pengesahan"], today=TODAY)
    assert (clean.kind, clean.nik, clean.nik_info) == ("badan_hukum", None, None)
    assert clean.legal_number == "AHU-0012345.AH.01.04.Tahun 2019"


def test_company_representative_nik_is_checked_when_given() -> None:
    assert validate_requester(company(nik=NIK), today=TODAY).nik == NIK
    assert set(errors_of(company(nik="123")).fields) == {"nik"}


def test_company_missing_fields() -> None:
    error = errors_of({"kind": "badan_hukum"})
    assert set(error.fields) == {"name", "legal_number", "address", "phone"}
    assert "SK pengesahan" in error.fields["legal_number"]


# --- kelompok ----------------------------------------------------------------------------------------------------


def group(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "kelompok",
        "name": "Kelompok Tani Sukamaju",
        "nik": NIK,
        "address": "Kp. Sukamaju, Walantaka, Kota Serang",
        "phone": "(0254) 218000",
    }
    data.update(changes)
    return data


def test_group_with_surat_kuasa_is_valid() -> None:
    clean = validate_requester(group(), documents=("ktp", "surat_kuasa"), today=TODAY)
    assert (clean.kind, clean.phone) == ("kelompok", "+62254218000")


def test_group_needs_the_grantor_nik_and_the_surat_kuasa() -> None:
    error = errors_of(group(nik=None), documents=("ktp",))
    assert set(error.fields) == {"nik", "documents"}
    assert "surat kuasa dari kelompok" in error.fields["documents"]


def test_group_missing_everything() -> None:
    assert set(errors_of({"kind": "kelompok"}).fields) == {"name", "nik", "address", "phone", "documents"}


# --- kuasa -------------------------------------------------------------------------------------------------------


def test_proxy_is_cleaned() -> None:
    proxy = {
        "name": " Ahmad   Fauzi ",
        "nik": "3673-0617-0890-0003",
        "phone": "+62 813 1234 5678",
        "address": None,
    }
    clean = validate_requester(person(proxy=proxy), documents=["ktp", "surat_kuasa"], today=TODAY)
    assert clean.proxy == ProxyInput(
        name="Ahmad Fauzi", nik="3673061708900003", address=None, phone="+6281312345678"
    )


def test_proxy_with_address_only_is_enough() -> None:
    proxy = {"name": "Ahmad Fauzi", "address": "Kasemen, Kota Serang"}
    clean = validate_requester(person(proxy=proxy), documents=["surat_kuasa"], today=TODAY)
    assert clean.proxy == ProxyInput(name="Ahmad Fauzi", nik=None, address="Kasemen, Kota Serang", phone=None)


def test_proxy_requirements_are_all_reported() -> None:
    error = errors_of(person(proxy={"nik": "1234", "phone": None, "address": None}))
    assert set(error.fields) == {"proxy.name", "proxy.nik", "proxy.phone", "documents"}
    assert "surat kuasa khusus" in error.fields["documents"]


def test_proxy_invalid_phone_and_unknown_region_warning() -> None:
    error = errors_of(
        person(proxy={"name": "Ahmad", "phone": "14045", "nik": "3699054512850012"}), ("surat_kuasa",)
    )
    assert set(error.fields) == {"proxy.phone"}
    assert set(error.warnings) == {"proxy.nik"}


@pytest.mark.parametrize("proxy", [None, {}, {"name": " ", "nik": "", "phone": None, "address": "  "}])
def test_empty_proxy_means_no_proxy(proxy: dict[str, Any] | None) -> None:
    assert validate_requester(person(proxy=proxy), today=TODAY).proxy is None


def test_proxy_that_is_not_a_mapping() -> None:
    assert set(errors_of(person(proxy="Ahmad")).fields) == {"proxy"}


def test_group_with_proxy_but_no_surat_kuasa_names_both_letters() -> None:
    error = errors_of(group(proxy={"name": "Ahmad", "phone": "081234567890"}))
    assert "surat kuasa dari kelompok" in error.fields["documents"]
    assert "surat kuasa khusus" in error.fields["documents"]


# --- documents ---------------------------------------------------------------------------------------------------


def test_unknown_document_code() -> None:
    error = errors_of(person(), documents=("ktp", "paspor"))
    assert set(error.fields) == {"documents"}
    assert "paspor" in error.fields["documents"]


# --- properties ----------------------------------------------------------------------------------------------------


@given(
    kind=st.sampled_from(REQUESTER_KINDS),
    present=st.sets(st.sampled_from(["name", "nik", "legal_number", "address", "phone", "email"])),
    with_letter=st.booleans(),
)
def test_either_valid_or_every_missing_required_field_is_named(
    kind: str, present: set[str], with_letter: bool
) -> None:
    full = {
        "name": "Rina",
        "nik": NIK,
        "legal_number": "AHU-1",
        "address": "Serang",
        "phone": "081234567890",
        "email": "rina@example.com",
    }
    data: dict[str, Any] = {"kind": kind, **{key: full[key] for key in present}}
    required = {"name", "address"} | {
        "perorangan": {"nik"},
        "badan_hukum": {"legal_number"},
        "kelompok": {"nik"},
    }[kind]
    expected = {key for key in required if key not in present}
    if not present & {"phone", "email"}:
        expected.add("phone")
    if kind == "kelompok" and not with_letter:
        expected.add("documents")
    documents = ("surat_kuasa",) if with_letter else ()
    if expected:
        with pytest.raises(ValidationError) as caught:
            validate_requester(data, documents=documents, today=TODAY)
        assert set(caught.value.fields) == expected
    else:
        assert validate_requester(data, documents=documents, today=TODAY).kind == kind

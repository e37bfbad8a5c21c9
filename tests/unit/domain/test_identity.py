"""NIK, phone and email checks (app/domain/identity.py) against domain reference §6.2 and §6.3."""

from __future__ import annotations

from datetime import date, timedelta

import phonenumbers
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.domain import identity
from app.domain.identity import (
    format_phone,
    mask_nik,
    mask_phone,
    normalize_email,
    normalize_phone,
    parse_nik,
)
from app.errors import ValidationError

TODAY = date(2026, 11, 29)


def nik_error(value: str, today: date = TODAY) -> str:
    with pytest.raises(ValidationError) as caught:
        parse_nik(value, today=today)
    assert set(caught.value.fields) == {"nik"}
    return caught.value.fields["nik"]


# --- the region table -------------------------------------------------------------------------------------


def test_region_table_has_every_province_and_regency_and_the_kota_serang_kecamatan() -> None:
    regions = identity._regions()
    provinces = {code for code in regions if len(code) == 2}
    regencies = {code for code in regions if len(code) == 4}
    assert len(provinces) == 38
    assert {"91", "92", "93", "94", "95", "96"} <= provinces
    assert regions["93"] == "Papua Selatan" and regions["96"] == "Papua Barat Daya"
    assert len(regencies) == 514
    assert all(code[:2] in provinces for code in regencies)
    banten = sorted(code for code in regencies if code.startswith("36"))
    assert banten == ["3601", "3602", "3603", "3604", "3671", "3672", "3673", "3674"]
    assert {code: regions[code] for code in regions if code.startswith("3673") and len(code) == 6} == {
        "367301": "Serang",
        "367302": "Kasemen",
        "367303": "Walantaka",
        "367304": "Curug",
        "367305": "Cipocok Jaya",
        "367306": "Taktakan",
    }
    # every Banten regency has its kecamatan, so a missing one there is worth a warning
    assert all(any(len(code) == 6 and code.startswith(reg) for code in regions) for reg in banten)


# --- valid NIKs ----------------------------------------------------------------------------------------------


def test_brief_example_female_cipocok_jaya() -> None:
    info = parse_nik("3673054512850012", today=TODAY)
    assert info.nik == "3673054512850012"
    assert (info.province_code, info.regency_code, info.district_code) == ("36", "3673", "367305")
    assert (info.province, info.regency, info.district) == ("Banten", "Kota Serang", "Cipocok Jaya")
    assert info.birth_date == date(1985, 12, 5)
    assert info.sex == "P"
    assert info.serial == "0012"
    assert info.warnings == ()
    assert info.hint() == "Perempuan, lahir 5 Desember 1985, Kec. Cipocok Jaya, Kota Serang, Banten"


def test_male_taktakan() -> None:
    info = parse_nik("3673061708900003", today=TODAY)
    assert (info.sex, info.birth_date, info.district) == ("L", date(1990, 8, 17), "Taktakan")
    assert info.hint() == "Laki-laki, lahir 17 Agustus 1990, Kec. Taktakan, Kota Serang, Banten"


@pytest.mark.parametrize(
    "typed",
    ["3673 0545 1285 0012", "36.73.05.451285.0012", "3673-0545-1285-0012", " 3673054512850012 \n"],
)
def test_separators_and_spaces_are_accepted(typed: str) -> None:
    assert parse_nik(typed, today=TODAY).nik == "3673054512850012"


@pytest.mark.parametrize(
    ("nik", "sex", "born"),
    [
        ("3673054101900001", "P", date(1990, 1, 1)),  # 41 = day 1 for a woman
        ("3673057101900001", "P", date(1990, 1, 31)),  # 71 = day 31 for a woman
        ("3673053101900001", "L", date(1990, 1, 31)),
        ("3673050101900001", "L", date(1990, 1, 1)),
    ],
)
def test_day_ranges_for_men_and_women(nik: str, sex: str, born: date) -> None:
    info = parse_nik(nik, today=TODAY)
    assert (info.sex, info.birth_date) == (sex, born)


@pytest.mark.parametrize(
    ("nik", "born"),
    [
        ("3673052902840012", date(1984, 2, 29)),  # leap year, man
        ("3673056902840012", date(1984, 2, 29)),  # leap year, woman (29 + 40)
        ("3673052902000012", date(2000, 2, 29)),  # 2000 is a leap year
        ("3673052902240012", date(2024, 2, 29)),
    ],
)
def test_29_february_in_leap_years(nik: str, born: date) -> None:
    assert parse_nik(nik, today=TODAY).birth_date == born


@pytest.mark.parametrize("nik", ["3673052902850012", "3673056902850012", "3673052902230012"])
def test_29_february_in_non_leap_years_is_refused(nik: str) -> None:
    assert "tidak ada di kalender" in nik_error(nik)


@pytest.mark.parametrize(
    ("yymmdd", "born"),
    [
        ("010126", date(2026, 1, 1)),  # already happened this year
        ("301226", date(1926, 12, 30)),  # 2026-12-30 is still in the future
        ("291126", date(2026, 11, 29)),  # born today
        ("301126", date(1926, 11, 30)),
        ("010105", date(2005, 1, 1)),
        ("010130", date(1930, 1, 1)),
        ("010199", date(1999, 1, 1)),
    ],
)
def test_century_is_chosen_so_the_birth_date_is_not_in_the_future(yymmdd: str, born: date) -> None:
    dd, mm, yy = yymmdd[:2], yymmdd[2:4], yymmdd[4:]
    assert parse_nik(f"367305{dd}{mm}{yy}0001", today=TODAY).birth_date == born


def test_today_defaults_to_the_real_date() -> None:
    assert parse_nik("3673050101000001").birth_date == date(2000, 1, 1)


def test_new_papua_provinces_parse_without_warning() -> None:
    merauke = parse_nik("9301011203950001", today=TODAY)
    assert (merauke.province, merauke.regency, merauke.district) == (
        "Papua Selatan",
        "Kabupaten Merauke",
        None,
    )
    assert merauke.warnings == ()
    sorong = parse_nik("9671015203950001", today=TODAY)
    assert (sorong.province, sorong.regency) == ("Papua Barat Daya", "Kota Sorong")


def test_regency_without_kecamatan_table_has_no_warning_and_no_kecamatan() -> None:
    info = parse_nik("3201014512850012", today=TODAY)
    assert (info.regency, info.district, info.warnings) == ("Kabupaten Bogor", None, ())
    assert info.hint() == "Perempuan, lahir 5 Desember 1985, Kabupaten Bogor, Jawa Barat"


# --- warnings (officer may confirm) -----------------------------------------------------------------------------


def test_unknown_regency_is_a_warning_not_an_error() -> None:
    info = parse_nik("3699054512850012", today=TODAY)
    assert (info.province, info.regency, info.district) == ("Banten", None, None)
    assert len(info.warnings) == 1 and "36.99" in info.warnings[0]
    assert info.hint() == "Perempuan, lahir 5 Desember 1985, Banten"


def test_unknown_kecamatan_in_a_regency_with_a_kecamatan_table_is_a_warning() -> None:
    info = parse_nik("3673074512850012", today=TODAY)
    assert (info.regency, info.district) == ("Kota Serang", None)
    assert len(info.warnings) == 1 and "36.73.07" in info.warnings[0]


def test_kecamatan_00_is_a_warning_even_without_a_kecamatan_table() -> None:
    info = parse_nik("3201004512850012", today=TODAY)
    assert len(info.warnings) == 1 and "32.01.00" in info.warnings[0]


# --- invalid NIKs ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("nik", ["367305451285001", "36730545128500123"])
def test_not_16_digits(nik: str) -> None:
    assert "16 angka" in nik_error(nik)


@pytest.mark.parametrize(
    ("nik", "shown"),
    [("3673O54512850012", "'O'"), ("abc", "'a' 'b' 'c'"), ("３６７３０５４５１２８５００１２", "'０'")],
)
def test_a_letter_or_other_sign_says_only_digits_are_allowed(nik: str, shown: str) -> None:
    """Not "must be 16 digits (16 given)": the officer is told what is wrong and which character it is."""
    message = nik_error(nik)
    assert "hanya boleh berisi angka" in message and shown in message


@pytest.mark.parametrize("nik", ["", "   ", " - . "])
def test_empty(nik: str) -> None:
    assert nik_error(nik) == "NIK wajib diisi."


@pytest.mark.parametrize("month", ["00", "13", "99"])
def test_bad_month(month: str) -> None:
    assert f"bulan lahir {month}" in nik_error(f"36730545{month}850012")


@pytest.mark.parametrize("day", ["00", "32", "40", "72", "99"])
def test_day_outside_both_ranges(day: str) -> None:
    assert f"tanggal lahir {day}" in nik_error(f"367305{day}12850012")


@pytest.mark.parametrize("nik", ["3673053104900001", "3673057104900001", "3673053106900001"])
def test_day_that_does_not_exist_in_the_month(nik: str) -> None:
    assert "tidak ada di kalender" in nik_error(nik)


def test_serial_0000() -> None:
    assert "nomor urut 0000" in nik_error("3673054512850000")
    assert parse_nik("3673054512850001", today=TODAY).serial == "0001"


@pytest.mark.parametrize("province", ["00", "10", "20", "37", "90", "97", "99"])
def test_unknown_province_is_a_hard_error(province: str) -> None:
    assert f"kode provinsi {province}" in nik_error(f"{province}73054512850012")


def test_every_problem_is_listed_in_one_message() -> None:
    message = nik_error("9973050013850000")
    for part in ("kode provinsi 99", "tanggal lahir 00", "bulan lahir 13", "nomor urut 0000"):
        assert part in message


# --- generated NIKs ----------------------------------------------------------------------------------------------

_DISTRICTS = sorted(code for code in identity._regions() if len(code) == 6)


@given(
    district=st.sampled_from(_DISTRICTS),
    born=st.dates(min_value=TODAY.replace(year=TODAY.year - 100) + timedelta(days=1), max_value=TODAY),
    sex=st.sampled_from(["L", "P"]),
    serial=st.integers(min_value=1, max_value=9999),
)
def test_any_valid_generated_nik_parses_back(district: str, born: date, sex: str, serial: int) -> None:
    day = born.day + (40 if sex == "P" else 0)
    nik = f"{district}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"
    info = parse_nik(nik, today=TODAY)
    assert (info.birth_date, info.sex, info.serial, info.district_code) == (
        born,
        sex,
        f"{serial:04d}",
        district,
    )
    assert info.warnings == ()
    assert mask_nik(nik) == nik[:4] + "•" * 8 + nik[-4:]


# --- masking -------------------------------------------------------------------------------------------------------


def test_mask_nik() -> None:
    assert mask_nik("3673054512850012") == "3673••••••••0012"
    assert mask_nik("3673 0545 1285 0012") == "3673••••••••0012"
    assert mask_nik("1234") == "••••"


# --- phones --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("0812-3456-7890", "+6281234567890"),
        ("081234567890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("+62-812-3456-7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("62 812 3456 7890", "+6281234567890"),
        ("(0254) 218000", "+62254218000"),
        ("0254-218000", "+62254218000"),
        ("62254218000", "+62254218000"),  # bare 62 is the country code, not area code 0622
        ("(021) 3456789", "+62213456789"),
        ("+1 650 253 0000", "+16502530000"),
    ],
)
def test_normalize_phone(typed: str, e164: str) -> None:
    assert normalize_phone(typed) == e164


@pytest.mark.parametrize(
    "typed", ["14045", "112", "0812", "08123", "abc", "+62812345678901234", "0000000000"]
)
def test_invalid_phone(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_phone(typed)
    assert set(caught.value.fields) == {"phone"}
    assert "tidak sah" in caught.value.fields["phone"]


@pytest.mark.parametrize("typed", ["", "   "])
def test_empty_phone(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_phone(typed)
    assert caught.value.fields == {"phone": "Nomor telepon wajib diisi."}


def test_format_phone() -> None:
    assert format_phone("+6281234567890") == "0812-3456-7890"
    assert format_phone("+62254218000") == "(0254) 218000"
    assert format_phone("+16502530000") == "+1 650-253-0000"
    assert format_phone("not a number") == "not a number"


def test_mask_phone() -> None:
    assert mask_phone("+6281234567890") == "0812-••••-7890"
    assert mask_phone("+62254218000") == "(0254) ••8000"


_MOBILE_PREFIXES = ["811", "812", "813", "821", "822", "852", "853", "857", "878", "881", "895", "896"]


@given(
    prefix=st.sampled_from(_MOBILE_PREFIXES),
    rest=st.text(alphabet="0123456789", min_size=6, max_size=9),
    style=st.sampled_from(["0{p}{r}", "+62{p}{r}", "62{p}{r}", "0{p}-{r}", "+62 {p} {r}", "(0{p}) {r}"]),
)
def test_normalize_phone_is_idempotent_and_agrees_with_phonenumbers(
    prefix: str, rest: str, style: str
) -> None:
    expected = phonenumbers.parse("0" + prefix + rest, "ID")
    assume(phonenumbers.is_valid_number(expected))
    e164 = normalize_phone(style.format(p=prefix, r=rest))
    assert e164 == phonenumbers.format_number(expected, phonenumbers.PhoneNumberFormat.E164)
    assert normalize_phone(e164) == e164
    assert normalize_phone(format_phone(e164)) == e164


# --- email ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("budi@example.com", "budi@example.com"),
        ("  Budi.Santoso@Serangkota.GO.ID ", "Budi.Santoso@serangkota.go.id"),
        ("a.b+ppid@sub.domain.co.id", "a.b+ppid@sub.domain.co.id"),
        ("o'neil@example.org", "o'neil@example.org"),
        ("nama@bücher.de", "nama@xn--bcher-kva.de"),
        ("x@example.com.", "x@example.com"),
    ],
)
def test_normalize_email(typed: str, clean: str) -> None:
    assert normalize_email(typed) == clean


@pytest.mark.parametrize(
    "typed",
    [
        "budi",
        "budi@",
        "@example.com",
        "budi@example",
        "budi@@example.com",
        "budi@exa mple.com",
        "bu di@example.com",
        ".budi@example.com",
        "budi.@example.com",
        "bu..di@example.com",
        "budi@-example.com",
        "budi@example-.com",
        "budi@example..com",
        "budi@example.c",
        "budi@example.123",
        "budi(at)example.com",
        "a" * 65 + "@example.com",
        "budi@" + "a" * 64 + ".com",
    ],
)
def test_invalid_email(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_email(typed)
    assert set(caught.value.fields) == {"email"}


def test_empty_email() -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_email("  ")
    assert caught.value.fields == {"email": "Alamat email wajib diisi."}

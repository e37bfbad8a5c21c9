"""Indonesian formatting used on every letter: dates, Roman months, rupiah, terbilang, NIP."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.domain import formatting as f


def test_format_date_uses_indonesian_month() -> None:
    assert f.format_date(dt.date(2026, 3, 16)) == "16 Maret 2026"
    assert f.format_date(dt.date(2026, 12, 1)) == "1 Desember 2026"


def test_format_date_long_has_weekday() -> None:
    assert f.format_date_long(dt.date(2026, 4, 7)) == "Selasa, 7 April 2026"
    assert f.format_date_long(dt.date(2026, 3, 22)) == "Minggu, 22 Maret 2026"
    assert f.format_date_long(dt.date(2026, 3, 20)) == "Jumat, 20 Maret 2026"


def test_format_datetime() -> None:
    stamp = dt.datetime(2026, 3, 16, 9, 30)
    assert f.format_datetime(stamp) == "Senin, 16 Maret 2026 pukul 09.30 WIB"
    assert f.format_datetime(stamp, zone="") == "Senin, 16 Maret 2026 pukul 09.30"


def test_place_date() -> None:
    assert f.place_date("Serang", dt.date(2026, 3, 16)) == "Serang, 16 Maret 2026"


@pytest.mark.parametrize(
    ("month", "roman"),
    [(1, "I"), (3, "III"), (4, "IV"), (8, "VIII"), (9, "IX"), (12, "XII")],
)
def test_roman_month(month: int, roman: str) -> None:
    assert f.roman_month(month) == roman


@pytest.mark.parametrize("month", [0, 13])
def test_roman_month_out_of_range(month: int) -> None:
    with pytest.raises(ValueError):
        f.roman_month(month)


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "Rp0,00"),
        (500, "Rp500,00"),
        (10_000, "Rp10.000,00"),
        (1_234_567, "Rp1.234.567,00"),
        (Decimal("2500.5"), "Rp2.500,50"),
        (Decimal("999.995"), "Rp1.000,00"),
        (-1500, "-Rp1.500,00"),
    ],
)
def test_rupiah(amount: int | Decimal, text: str) -> None:
    assert f.rupiah(amount) == text


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "nol"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (100, "seratus"),
        (101, "seratus satu"),
        (111, "seratus sebelas"),
        (215, "dua ratus lima belas"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1100, "seribu seratus"),
        (2000, "dua ribu"),
        (10_000, "sepuluh ribu"),
        (11_000, "sebelas ribu"),
        (100_000, "seratus ribu"),
        (150_250, "seratus lima puluh ribu dua ratus lima puluh"),
        (1_000_000, "satu juta"),
        (1_001_000, "satu juta seribu"),
        (2_500_000, "dua juta lima ratus ribu"),
        (1_000_000_000, "satu miliar"),
        (3_000_000_000_001, "tiga triliun satu"),
        (
            999_999_999_999_999,
            "sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh "
            "sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan "
            "ribu sembilan ratus sembilan puluh sembilan",
        ),
        (-5, "minus lima"),
    ],
)
def test_terbilang(n: int, words: str) -> None:
    assert f.terbilang(n) == words


def test_terbilang_rejects_too_large_and_non_int() -> None:
    with pytest.raises(ValueError):
        f.terbilang(10**15)
    with pytest.raises(TypeError):
        f.terbilang(True)


def test_rupiah_terbilang() -> None:
    assert f.rupiah_terbilang(10_000) == "sepuluh ribu rupiah"
    assert f.rupiah_terbilang(Decimal("1500.25")) == "seribu lima ratus rupiah dua puluh lima sen"


def test_group_nip() -> None:
    assert f.group_nip("196805071987121001") == "19680507 198712 1 001"
    assert f.group_nip(" 19680507 198712 1 001 ") == "19680507 198712 1 001"
    # Not an 18-digit NIP (e.g. NI PPPK): left as written.
    assert f.group_nip("12345") == "12345"
    assert f.group_nip("") == ""

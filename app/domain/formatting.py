"""Indonesian formatting for letters, receipts and screens.

Pure functions with no locale dependency: the desk must print "16 Maret 2026" on any
Windows/Linux machine regardless of the OS locale, so month and day names are spelled
out here instead of going through ``strftime``/``locale``.
"""

from __future__ import annotations

import datetime as _dt
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
    "DAY_NAMES",
    "MONTH_NAMES",
    "format_date",
    "format_date_long",
    "format_date_short",
    "format_day_short",
    "format_datetime",
    "format_time",
    "group_nip",
    "month_name",
    "place_date",
    "roman_month",
    "rupiah",
    "rupiah_terbilang",
    "terbilang",
]

MONTH_NAMES: tuple[str, ...] = (
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

# Indexed by ``date.weekday()`` (Monday = 0).
DAY_NAMES: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

_ROMAN: tuple[str, ...] = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def month_name(month: int) -> str:
    """Indonesian month name for 1..12."""
    if not 1 <= month <= 12:
        raise ValueError(f"bulan harus 1..12, bukan {month}")
    return MONTH_NAMES[month - 1]


def format_date(d: _dt.date) -> str:
    """``16 Maret 2026`` — the form used in letter dates and tables."""
    return f"{d.day} {month_name(d.month)} {d.year}"


def format_date_long(d: _dt.date) -> str:
    """``Selasa, 7 April 2026`` — deadlines carry the weekday so nobody misreads them."""
    return f"{DAY_NAMES[d.weekday()]}, {format_date(d)}"


def format_date_short(d: _dt.date) -> str:
    """``16-03-2026`` — the register's date columns, narrow enough never to wrap inside a month name."""
    return f"{d.day:02d}-{d.month:02d}-{d.year}"


def format_day_short(d: _dt.date) -> str:
    """``Senin, 16-03-2026`` — the register's "Hari dan Tanggal" columns name the day, as the paper form does."""
    return f"{DAY_NAMES[d.weekday()]}, {format_date_short(d)}"


def format_time(t: _dt.time | _dt.datetime) -> str:
    """``09.30`` — Indonesian official style uses a dot between hours and minutes."""
    return f"{t.hour:02d}.{t.minute:02d}"


def format_datetime(dt: _dt.datetime, zone: str = "WIB") -> str:
    """``Senin, 16 Maret 2026 pukul 09.30 WIB``.

    Times are stored as naive local office time (see architecture), so the zone label is
    just text supplied by the office (WIB for Kota Serang).
    """
    text = f"{format_date_long(dt.date())} pukul {format_time(dt)}"
    return f"{text} {zone}" if zone else text


def place_date(city: str, d: _dt.date) -> str:
    """``Serang, 16 Maret 2026`` — the place-and-date line above a signature."""
    return f"{city}, {format_date(d)}"


def roman_month(month: int) -> str:
    """Roman numeral month (I..XII) used in letter numbers such as ``…/III/2026``."""
    if not 1 <= month <= 12:
        raise ValueError(f"bulan harus 1..12, bukan {month}")
    return _ROMAN[month - 1]


def rupiah(amount: int | Decimal) -> str:
    """``Rp10.000,00``: dot thousands separator, comma decimals, no space after ``Rp``.

    Amounts are rounded half-up to sen (2 places); floats are refused because a cost on an
    official letter must never carry binary rounding noise.
    """
    if isinstance(amount, float):  # pragma: no cover - defensive, typed callers never do this
        raise TypeError("gunakan int atau Decimal untuk nilai rupiah")
    value = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    whole, _, cents = f"{abs(value):.2f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return f"{sign}Rp{'.'.join(groups)},{cents}"


def format_number(value: int | float, decimals: int = 0) -> str:
    """``1.234`` and ``4,5``: Indonesian digit grouping and decimal comma (reports, tables)."""
    text = f"{abs(value):,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"-{text}" if value < 0 else text


_UNITS: tuple[str, ...] = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
)

# Scale words above a thousand. ``satu juta`` (not ``sejuta``) is the form used on
# kuitansi and formal letters; only ribu (and ratus/puluh/belas) take the ``se-`` prefix.
_SCALES: tuple[tuple[int, str], ...] = (
    (10**12, "triliun"),
    (10**9, "miliar"),
    (10**6, "juta"),
)

_MAX_TERBILANG = 10**15 - 1


def _below_thousand(n: int) -> str:
    """Words for 1..999 (0 gives an empty string so callers can skip empty groups)."""
    parts: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        parts.append("seratus")
    elif hundreds > 1:
        parts.append(f"{_UNITS[hundreds]} ratus")
    if rest < 12:
        if rest:
            parts.append(_UNITS[rest])
    elif rest < 20:
        parts.append(f"{_UNITS[rest - 10]} belas")
    else:
        tens, ones = divmod(rest, 10)
        parts.append(f"{_UNITS[tens]} puluh")
        if ones:
            parts.append(_UNITS[ones])
    return " ".join(parts)


def terbilang(n: int) -> str:
    """Indonesian number in words: ``10000`` → ``sepuluh ribu``, up to 999 triliun.

    Follows the conventions of formal amounts: sebelas, seratus, seribu, but ``satu juta``.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("terbilang hanya untuk bilangan bulat")
    if n < 0:
        return f"minus {terbilang(-n)}"
    if n == 0:
        return "nol"
    if n > _MAX_TERBILANG:
        raise ValueError("bilangan terlalu besar untuk terbilang (maksimum 999 triliun)")
    parts: list[str] = []
    rest = n
    for scale, word in _SCALES:
        count, rest = divmod(rest, scale)
        if count:
            parts.append(f"{_below_thousand(count)} {word}")
    thousands, rest = divmod(rest, 1000)
    if thousands == 1:
        parts.append("seribu")
    elif thousands > 1:
        parts.append(f"{_below_thousand(thousands)} ribu")
    if rest:
        parts.append(_below_thousand(rest))
    return " ".join(parts)


def rupiah_terbilang(n: int | Decimal) -> str:
    """``sepuluh ribu rupiah`` (whole rupiah; sen, if any, are spelled as ``… sen``)."""
    value = Decimal(n).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole = int(value)
    sen = int((abs(value) - abs(Decimal(whole))) * 100)
    text = f"{terbilang(whole)} rupiah"
    if sen:
        text += f" {terbilang(sen)} sen"
    return text


def group_nip(nip: str) -> str:
    """``196805071987121001`` → ``19680507 198712 1 001`` (8-6-1-3).

    Anything that is not an 18-digit NIP (e.g. an NI PPPK or an empty field) is returned
    stripped but otherwise unchanged, so a letter never silently mangles an identifier.
    """
    digits = "".join(nip.split())
    if len(digits) != 18 or not digits.isdigit():
        return nip.strip()
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"

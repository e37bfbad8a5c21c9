"""The short form of an address for the printed registers: one line, without the city and province the office
itself is in (every register row of a Kota Serang desk would otherwise end in "Kota Serang, Banten") and without
the labels and zeros the paper register leaves out.

Why only in the registers: a letter is addressed in full; a register row is read beside the office's own kop, so
the trailing city and province carry nothing and made an address wrap into 8–9 lines on the paper form.
"""

from __future__ import annotations

import re

PROVINCES: frozenset[str] = frozenset(
    name.casefold()
    for name in (
        "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi", "Sumatera Selatan",
        "Kepulauan Bangka Belitung", "Bangka Belitung", "Bengkulu", "Lampung", "DKI Jakarta", "Jakarta",
        "Jawa Barat", "Banten", "Jawa Tengah", "DI Yogyakarta", "Yogyakarta", "Jawa Timur", "Bali",
        "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat", "Kalimantan Tengah",
        "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara", "Gorontalo",
        "Sulawesi Tengah", "Sulawesi Barat", "Sulawesi Selatan", "Sulawesi Tenggara", "Maluku", "Maluku Utara",
        "Papua", "Papua Barat", "Papua Barat Daya", "Papua Selatan", "Papua Tengah", "Papua Pegunungan",
    )
)  # fmt: skip
_CITY_PREFIXES = ("", "kota ", "kab. ", "kabupaten ")


def _trailing_is_local(part: str, city: str) -> bool:
    text = " ".join(part.split()).casefold().removeprefix("prov. ").removeprefix("provinsi ")
    if text in PROVINCES:
        return True
    local = city.strip().casefold()
    return bool(local) and any(text == prefix + local for prefix in _CITY_PREFIXES)


_LABELS = re.compile(r"^(?:Kel\.|Kelurahan|Desa|Kec\.|Kecamatan)\s+", re.IGNORECASE)
_RT_RW = re.compile(r"\b(RT|RW)\s*0*(\d+)", re.IGNORECASE)


def register_address(address: str, city: str) -> str:
    """``address`` on one line in the register's short form: its trailing city (``city``, with or without
    "Kota") and province left out, the *Kel.*/*Kec.* labels dropped (the order says which is which) and RT/RW
    without leading zeros (``RT 9/RW 5``). An address that is nothing but local parts is kept whole, so no row
    is left blank."""
    parts = [p.strip() for line in address.splitlines() for p in line.split(",") if p.strip()]
    kept = list(parts)
    while len(kept) > 1 and _trailing_is_local(kept[-1], city):
        kept.pop()
    short = [_LABELS.sub("", part) or part for part in kept]
    return _RT_RW.sub(lambda m: f"{m.group(1).upper()} {m.group(2)}", ", ".join(short))

"""Registration, keberatan and letter numbers, rendered from an office's template.

A registration number must be issued offline and instantly, yet never collide with another desk's. That is
guaranteed by the template containing the office code, the year, the desk letter and the desk's own yearly
counter; ``validate_template`` refuses a template that drops any of them.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date

from app.errors import ValidationError

DEFAULT_REQUEST_TEMPLATE = "{office}/{year}/{desk}-{seq:04d}"
DEFAULT_OBJECTION_TEMPLATE = "KEB/{office}/{year}/{desk}-{seq:03d}"
#: Pemda pattern (Permendagri 83/2022): kode klasifikasi / nomor urut / kode unit / bulan Romawi / tahun. The desk
#: letter rides on the unit code so two desks of one office never issue the same letter number offline.
DEFAULT_LETTER_TEMPLATE = "{classification}/{seq}/{unit}-{desk}/{month_roman}/{year}"

#: Indonesian names a letter pattern may use instead of the English ones (``ppid-domain.md`` §6.1):
#: ``{klasifikasi}/{urut}/{unit}/{bulan_romawi}/{tahun}`` is the pemda form.
LETTER_ALIASES: dict[str, str] = {
    "klasifikasi": "classification",
    "urut": "seq",
    "bulan_romawi": "month_roman",
    "bulan": "month",
    "tahun": "year",
    "kantor": "office",
    "meja": "desk",
}
#: The counter every outgoing letter of a desk draws from: one buku agenda surat keluar per year, whatever the
#: kind, so no two letters share a sequence number (and, with the desk letter, a number).
LETTER_COUNTER = "letter"

ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

_NUMBER_FIELDS = {"office", "year", "desk", "seq", "month", "month_roman"}
_REQUIRED_FOR_UNIQUENESS = {"office", "year", "desk", "seq"}
_LETTER_FIELDS = {"classification", "seq", "unit", "month", "month_roman", "year", "office", "desk"}
_LETTER_FIELDS_ANY = _LETTER_FIELDS | set(LETTER_ALIASES)

_OFFICE_CODE = re.compile(r"^[A-Z0-9][A-Z0-9.\-]{0,19}$")
_DESK_LETTER = re.compile(r"^[A-Z]{1,2}$")


@dataclass(frozen=True)
class NumberParts:
    office: str
    year: int
    desk: str
    seq: int
    month: int


def _fields(template: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}
    except ValueError as exc:
        raise ValidationError({"template": f"Pola nomor tidak dapat dibaca: {exc}"}) from exc


def validate_template(template: str, *, letter: bool = False) -> None:
    """Refuse a template that could produce colliding or unreadable numbers."""
    fields = _fields(template)
    if letter:
        fields = {LETTER_ALIASES.get(f, f) for f in fields}
    allowed = _LETTER_FIELDS if letter else _NUMBER_FIELDS
    unknown = fields - allowed
    if unknown:
        raise ValidationError(
            {"template": "Kolom tidak dikenal dalam pola nomor: " + ", ".join(sorted(unknown))}
        )
    if not letter:
        missing = _REQUIRED_FOR_UNIQUENESS - fields
        if missing:
            raise ValidationError(
                {
                    "template": "Pola nomor harus memuat {office}, {year}, {desk} dan {seq} agar nomor tidak "
                    "pernah sama antar-meja layanan. Kurang: " + ", ".join(sorted(missing))
                }
            )
    if "seq" not in fields:
        raise ValidationError({"template": "Pola nomor harus memuat {seq} atau {urut} (nomor urut)."})
    try:
        if letter:
            render_letter_number(template, NumberParts("X", 2026, "A", 1, 1), classification="000", unit="U")
        else:
            render_number(template, NumberParts("X", 2026, "A", 1, 1), classification="000", unit="U")
    except (KeyError, ValueError, IndexError) as exc:
        raise ValidationError({"template": f"Pola nomor tidak valid: {exc}"}) from exc


def validate_office_code(code: str) -> str:
    code = code.strip().upper()
    if not _OFFICE_CODE.match(code):
        raise ValidationError(
            {"office_code": "Kode kantor hanya huruf besar, angka, titik atau tanda hubung (maks. 20)."}
        )
    return code


def validate_desk_letter(letter: str) -> str:
    letter = letter.strip().upper()
    if not _DESK_LETTER.match(letter):
        raise ValidationError({"desk_letter": "Huruf meja layanan harus 1–2 huruf (A–Z)."})
    return letter


def render_number(template: str, parts: NumberParts, **extra: str) -> str:
    """A registration or keberatan number; given a classification and unit (the settings page's preview of all
    three patterns), the letter rules apply, so the preview shows the letter number as it will be issued."""
    if "classification" in extra and "unit" in extra and set(extra) == {"classification", "unit"}:
        return render_letter_number(
            template, parts, classification=extra["classification"], unit=extra["unit"]
        )
    values: dict[str, object] = {
        "office": parts.office,
        "year": parts.year,
        "desk": parts.desk,
        "seq": parts.seq,
        "month": f"{parts.month:02d}",
        "month_roman": ROMAN_MONTHS[parts.month - 1],
    }
    values.update(extra)
    return template.format(**values)


def render_letter_number(template: str, parts: NumberParts, *, classification: str, unit: str) -> str:
    """A letter number from the office's pattern, English or Indonesian field names.

    Two desks of one office number letters offline from their own counters, so the desk letter must be in the
    number: a pattern without ``{desk}``/``{meja}`` gets it in front of the sequence number (``A-17``), the way
    registration numbers carry it.
    """
    values = {
        "office": parts.office,
        "year": parts.year,
        "desk": parts.desk,
        "seq": parts.seq,
        "month": f"{parts.month:02d}",
        "month_roman": ROMAN_MONTHS[parts.month - 1],
        "classification": classification,
        "unit": unit,
    }
    formatter = string.Formatter()
    pieces = list(formatter.parse(template))
    has_desk = any(LETTER_ALIASES.get(name or "", name) == "desk" for _, name, _, _ in pieces)
    out: list[str] = []
    for literal, name, spec, conversion in pieces:
        out.append(literal)
        if name is None:
            continue
        key = LETTER_ALIASES.get(name, name)
        if key not in values:
            raise KeyError(name)
        value = formatter.convert_field(values[key], conversion) if conversion else values[key]
        text = formatter.format_field(value, spec or "")
        out.append(text if key != "seq" or has_desk else f"{parts.desk}-{text}")
    return "".join(out)


def counter_key(kind: str, year: int) -> str:
    """Counters are per kind and per year (``request``, ``objection``, and ``LETTER_COUNTER`` for all letters)."""
    return f"{kind}:{year}"


def letter_counter_key(key: str) -> str | None:
    """The shared letter counter a letter's counter key belongs to, also for the per-kind keys of registers
    made before all letters shared one sequence (``letter-notice:2026`` -> ``letter:2026``); None if the key
    is not a letter counter."""
    name, _, year = key.rpartition(":")
    if not name.startswith(LETTER_COUNTER) or not year.isdigit():
        return None
    return counter_key(LETTER_COUNTER, int(year))


def parts_for(office: str, desk: str, seq: int, day: date) -> NumberParts:
    return NumberParts(office=office, year=day.year, desk=desk, seq=seq, month=day.month)

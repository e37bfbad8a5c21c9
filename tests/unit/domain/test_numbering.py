"""Number templates: a registration or keberatan template must keep office, year, desk and sequence, so two
desks can never issue the same number without talking to each other."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.numbering import (
    DEFAULT_LETTER_TEMPLATE,
    DEFAULT_OBJECTION_TEMPLATE,
    DEFAULT_REQUEST_TEMPLATE,
    ROMAN_MONTHS,
    NumberParts,
    counter_key,
    letter_counter_key,
    parts_for,
    render_letter_number,
    render_number,
    validate_desk_letter,
    validate_office_code,
    validate_template,
)
from app.errors import ValidationError


def test_defaults_are_valid() -> None:
    validate_template(DEFAULT_REQUEST_TEMPLATE)
    validate_template(DEFAULT_OBJECTION_TEMPLATE)
    validate_template(DEFAULT_LETTER_TEMPLATE, letter=True)


def test_default_rendering() -> None:
    parts = parts_for("CPJ", "A", 7, date(2026, 3, 16))
    assert render_number(DEFAULT_REQUEST_TEMPLATE, parts) == "CPJ/2026/A-0007"
    assert render_number(DEFAULT_OBJECTION_TEMPLATE, parts) == "KEB/CPJ/2026/A-007"
    letter = render_number(DEFAULT_LETTER_TEMPLATE, parts, classification="045.2", unit="KEC")
    assert letter == "045.2/7/KEC-A/III/2026"


@pytest.mark.parametrize(
    ("template", "missing"),
    [
        ("{year}/{desk}-{seq}", "office"),
        ("{office}/{desk}-{seq}", "year"),
        ("{office}/{year}-{seq}", "desk"),
        ("{office}/{year}/{desk}", "seq"),
        ("PERMOHONAN", "office"),
    ],
)
def test_template_without_a_uniqueness_part_is_refused(template: str, missing: str) -> None:
    with pytest.raises(ValidationError) as bad:
        validate_template(template)
    assert "template" in bad.value.fields
    assert missing in bad.value.fields["template"]


@pytest.mark.parametrize(
    "template", ["{office}/{year}/{desk}-{seq}/{rahasia}", "{office}/{year}/{desk}-{seq"]
)
def test_unknown_or_broken_template_is_refused(template: str) -> None:
    with pytest.raises(ValidationError):
        validate_template(template)


def test_custom_template_with_month() -> None:
    template = "{seq:05d}/PPID-{office}/{desk}/{month_roman}/{year}"
    validate_template(template)
    assert render_number(template, parts_for("CPJ", "B", 12, date(2026, 11, 2))) == "00012/PPID-CPJ/B/XI/2026"


def test_letter_template_needs_only_seq() -> None:
    validate_template("{classification}/{seq}/{year}", letter=True)
    with pytest.raises(ValidationError):
        validate_template("{classification}/{year}", letter=True)


@pytest.mark.parametrize(("raw", "clean"), [("cpj", "CPJ"), (" dkp-2 ", "DKP-2"), ("KEC.CPJ", "KEC.CPJ")])
def test_office_code(raw: str, clean: str) -> None:
    assert validate_office_code(raw) == clean


@pytest.mark.parametrize("raw", ["", "-CPJ", "C P J", "X" * 21, "CPJ/1"])
def test_bad_office_code(raw: str) -> None:
    with pytest.raises(ValidationError):
        validate_office_code(raw)


@pytest.mark.parametrize("raw", ["", "1", "ABC", "Ä"])
def test_bad_desk_letter(raw: str) -> None:
    with pytest.raises(ValidationError):
        validate_desk_letter(raw)


def test_counter_key_per_kind_and_year() -> None:
    assert len({counter_key(k, y) for k in ("request", "objection") for y in (2025, 2026)}) == 4


def test_roman_months() -> None:
    assert ROMAN_MONTHS[0] == "I" and ROMAN_MONTHS[11] == "XII" and len(ROMAN_MONTHS) == 12


_codes = st.from_regex(r"[A-Z][A-Z0-9]{0,5}", fullmatch=True)
_letters = st.from_regex(r"[A-Z]{1,2}", fullmatch=True)
_parts = st.builds(
    NumberParts,
    office=_codes,
    year=st.integers(2000, 2099),
    desk=_letters,
    seq=st.integers(1, 99_999),
    month=st.integers(1, 12),
)


@given(_parts, _parts)
def test_distinct_parts_give_distinct_numbers(a: NumberParts, b: NumberParts) -> None:
    """With the default template, different (office, year, desk, seq) never render to the same text."""
    key_a, key_b = (a.office, a.year, a.desk, a.seq), (b.office, b.year, b.desk, b.seq)
    same = render_number(DEFAULT_REQUEST_TEMPLATE, a) == render_number(DEFAULT_REQUEST_TEMPLATE, b)
    assert same == (key_a == key_b)


def test_letter_pattern_in_indonesian_names() -> None:
    template = "{klasifikasi}/{urut}/{unit}-{meja}/{bulan_romawi}/{tahun}"
    validate_template(template, letter=True)
    parts = parts_for("CPJ", "B", 17, date(2026, 6, 2))
    assert render_letter_number(template, parts, classification="000.5.9", unit="PPID") == (
        "000.5.9/17/PPID-B/VI/2026"
    )


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{klasifikasi}/{urut}/{unit}/{bulan_romawi}/{tahun}", "000.5.9/B-17/PPID/VI/2026"),
        ("{classification}/{seq:03d}/{unit}/{year}", "000.5.9/B-017/PPID/2026"),
    ],
)
def test_a_letter_pattern_without_the_desk_carries_it_in_the_sequence(template: str, expected: str) -> None:
    """Two desks number letters offline from their own counters: without the desk letter, desk A's 17th and
    desk B's 17th letter would read alike."""
    parts = parts_for("CPJ", "B", 17, date(2026, 6, 2))
    assert render_letter_number(template, parts, classification="000.5.9", unit="PPID") == expected


def test_every_letter_counter_key_maps_to_the_one_yearly_agenda() -> None:
    assert letter_counter_key("letter-notice:2026") == "letter:2026"
    assert letter_counter_key("letter:2025") == "letter:2025"
    assert letter_counter_key("request:2026") is None and letter_counter_key("letter") is None


def test_the_settings_preview_shows_the_letter_number_as_issued() -> None:
    """The settings page previews every pattern through ``render_number`` with a classification and unit."""
    parts = parts_for("CPJ", "B", 1, date(2026, 6, 2))
    letter = render_number(
        "{klasifikasi}/{urut}/{unit}/{bulan_romawi}/{tahun}", parts, classification="000", unit="U"
    )
    assert letter == "000/B-1/U/VI/2026"
    request = render_number(DEFAULT_REQUEST_TEMPLATE, parts, classification="000", unit="U")
    assert request == render_number(DEFAULT_REQUEST_TEMPLATE, parts) == "CPJ/2026/B-0001"

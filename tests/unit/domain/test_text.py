"""The register's text and date rules (app/domain/text.py), which every form, the CLI and the services share."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import text
from app.domain.requester import validate_requester
from app.errors import ValidationError

VALID = {"kind": "perorangan", "name": "Budi Santoso", "nik": "3673011506850001",
         "address": "Jl. Ahmad Yani 10", "phone": "081234567890"}  # fmt: skip


@pytest.mark.parametrize(
    "bad", ["a\x00b", "Budi\u202eotnaS", "x\u2066y", "\ud800", "tab\x1bx", "\x7f", "\x85", "\ufeffBudi"]
)
def test_control_bidi_and_surrogate_characters_are_refused_by_name(bad: str) -> None:
    with pytest.raises(ValidationError) as caught:
        text.line(bad, "name")
    assert "U+" in caught.value.fields["name"]


@pytest.mark.parametrize("value", [float("nan"), 12, ["x"], {"a": 1}, True])
def test_what_is_not_text_is_refused_not_stringified(value: object) -> None:
    with pytest.raises(ValidationError, match="Harus berupa teks"):
        text.line(value, "purpose")


def test_line_collapses_space_and_block_keeps_lines() -> None:
    assert text.line("  Budi \u00a0 Santoso\n", "name") == "Budi Santoso"
    assert text.block(" Jl. A  1 \n\n RT 2 ", "address") == "Jl. A 1\nRT 2"
    assert text.free_text("  baris 1\n\n  baris 2 ", "information") == "baris 1\n\n  baris 2"
    assert text.line("", "name") is None and text.line(None, "name") is None


def test_choice_is_exact_and_typed() -> None:
    assert text.choice("email", "delivery", ["email", "pos"]) == "email"
    for bad in (["email"], 1, "Email"):
        with pytest.raises(ValidationError, match="Pilih salah satu"):
            text.choice(bad, "delivery", ["email", "pos"])


@pytest.mark.parametrize("day", [date(1, 1, 1), date(1999, 12, 31), date(2100, 1, 1), date(9999, 12, 31)])
def test_dates_outside_the_sane_range_are_refused(day: date) -> None:
    with pytest.raises(ValidationError, match="di luar rentang"):
        text.check_date(day, "day")
    assert text.check_date(date(2026, 3, 16), "day") == date(2026, 3, 16)


def test_a_body_is_checked_whole() -> None:
    text.check_body({"a": ["b", {"c": 1.5}], "d": None})
    for bad in ({"a": {"b": "\x00"}}, {"\u202e": 1}, {"n": float("inf")}, {"deep": [[[[[[[[[[1]]]]]]]]]]}):
        with pytest.raises(ValidationError):
            text.check_body(bad)


def test_the_requester_validator_reports_bad_characters_per_field() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_requester({**VALID, "name": "Budi\u202eotnaS", "address": ["x"]})
    assert "U+202E" in caught.value.fields["name"] and "teks" in caught.value.fields["address"]

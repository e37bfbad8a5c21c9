"""The fast register row: word wrap that never overflows a column."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from app.documents.base import FONT, register_fonts
from app.documents.rows import RuledRow, wrap_text


def test_wrap_respects_width_and_keeps_every_word() -> None:
    register_fonts()
    text = "Salinan dokumen rencana anggaran biaya pembangunan jalan lingkungan " * 5
    lines = wrap_text(text, FONT, 7, 60)
    assert len(lines) > 5
    assert all(stringWidth(line, FONT, 7) <= 60 for line in lines)
    assert " ".join(lines).split() == text.split()


def test_over_long_numbers_are_broken_without_a_hyphen() -> None:
    register_fonts()
    lines = wrap_text("0812345678901234567890123456789", FONT, 7, 30)
    assert len(lines) > 1
    assert "".join(lines) == "0812345678901234567890123456789"
    assert all(stringWidth(line, FONT, 7) <= 30 for line in lines)


def test_line_breaks_and_empty_text() -> None:
    register_fonts()
    assert wrap_text("a\nb", FONT, 7, 100) == ["a", "b"]
    assert wrap_text("", FONT, 7, 100) == [""]


def test_tall_row_splits_between_lines() -> None:
    register_fonts()
    row = RuledRow(["kata " * 200, "x"], [40, 40], font=FONT, size=7, leading=8)
    _, height = row.wrap(80, 10_000)
    parts = row.split(80, height / 2)
    assert len(parts) == 2
    first, second = parts
    assert isinstance(first, RuledRow) and isinstance(second, RuledRow)
    assert first.rows + second.rows == row.rows
    assert first.wrap(80, 1)[1] <= height / 2
    assert row.split(80, 3) == []  # not even one line fits: move the row to the next page


def test_a_long_word_breaks_at_an_indonesian_syllable_with_a_hyphen() -> None:
    register_fonts()
    lines = wrap_text("didokumentasikan", FONT, 6.5, 30)
    assert len(lines) > 1 and all(line.endswith("-") for line in lines[:-1])
    assert "".join(line.removesuffix("-") for line in lines) == "didokumentasikan"
    syllables = ["di", "do", "ku", "men", "ta", "si", "kan"]
    heads = {"".join(syllables[:i]) for i in range(1, len(syllables))}
    assert lines[0].removesuffix("-") in heads  # never "Septembe|r": the cut is a syllable boundary
    assert all(stringWidth(line, FONT, 6.5) <= 30 for line in lines)


def test_a_continued_row_repeats_its_number() -> None:
    register_fonts()
    row = RuledRow(["PPID-CPJ/0007/2026", "kata " * 200], [80, 60], font=FONT, size=7, leading=8,
                   repeat=frozenset({0}))  # fmt: skip
    _, height = row.wrap(140, 10_000)
    first, second = row.split(140, height / 2)
    assert first.cell_lines[0] == ["PPID-CPJ/0007/2026"] == second.cell_lines[0]
    assert first.cell_lines[1] + second.cell_lines[1] == row.cell_lines[1]

"""A fast ruled table row for the long registers.

Why not a reportlab Table per row: Table re-wraps every Paragraph cell when it draws, which made a 1,000-row
register take ~20 s. A register row only needs plain wrapped text in fixed columns, so this flowable wraps the
text once (word wrap, breaking over-long words), draws it with ``drawString`` and rules the cell borders itself.
It splits between lines when a very tall row meets the bottom of the page, so nothing is ever cut off; the part
on the next page repeats the row's number (``repeat``), so it is never read as a row of its own.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable


@functools.cache
def _hyphenator() -> Any:
    import pyphen

    return pyphen.Pyphen(lang="id_ID")


def _hyphen_cut(word: str, font: str, size: float, width: float) -> int:
    """The longest head of ``word`` that ends at an Indonesian hyphenation point and fits ``width`` with its
    hyphen (0 when no such point fits)."""
    for head, _tail in _hyphenator().iterate(word):
        if stringWidth(head + "-", font, size) <= width:
            return len(head)
    return 0


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap to ``width`` points. A word longer than a line (the register's column widths come from
    the data, so only a long word, an e-mail address or a number does this) breaks after a separator when it
    has one, else at an Indonesian hyphenation point (pyphen's ``id_ID``) with a hyphen, else between letters
    with a hyphen: ``September`` never reads ``Septembe|r``."""
    space = stringWidth(" ", font, size)
    hyphen = stringWidth("-", font, size)
    lines: list[str] = []
    for para in text.replace("\r\n", "\n").split("\n"):
        current, current_w = "", 0.0
        for word in para.split():
            word_w = stringWidth(word, font, size)
            if current and current_w + space + word_w <= width:
                current, current_w = f"{current} {word}", current_w + space + word_w
                continue
            if current:
                lines.append(current)
            while word_w > width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and stringWidth(word[:cut], font, size) > width:
                    cut -= 1
                # Prefer breaking after a separator, so "PPID-CPJ/0012/III/2026" breaks as "…/III/" + "2026".
                soft = max(word.rfind(sep, 0, cut) for sep in "/-.,@_")
                syllable = 0 if soft > 0 else _hyphen_cut(word, font, size, width)
                if soft > 0:
                    cut = soft + 1
                    lines.append(word[:cut])
                elif word[:2].isalpha():
                    if syllable:
                        cut = syllable
                    while cut > 1 and stringWidth(word[:cut], font, size) + hyphen > width:
                        cut -= 1
                    lines.append(word[:cut] + "-")
                else:  # digits and codes: a hyphen would read as part of the number
                    lines.append(word[:cut])
                word = word[cut:]
                word_w = stringWidth(word, font, size)
            current, current_w = word, word_w
        lines.append(current)
    return lines


class RuledRow(Flowable):
    """One register row: fixed column widths, wrapped text, cell borders."""

    def __init__(
        self,
        texts: Sequence[str],
        widths: Sequence[float],
        *,
        font: str,
        size: float,
        leading: float,
        pad: float = 2.0,
        lines: list[list[str]] | None = None,
        center: frozenset[int] = frozenset(),
        repeat: frozenset[int] = frozenset(),
    ) -> None:
        super().__init__()
        self.widths = list(widths)
        self.font, self.size, self.leading, self.pad = font, size, leading, pad
        self.center = center
        self.repeat = repeat  # columns whose text starts again on a row continued on the next page
        self.cell_lines = (
            lines
            if lines is not None
            else [wrap_text(t, font, size, w - 2 * pad) for t, w in zip(texts, self.widths, strict=True)]
        )
        self.rows = max((len(cell) for cell in self.cell_lines), default=1) or 1
        self.width = sum(self.widths)
        self.height = self.rows * leading + 2 * pad

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fit = int((avail_height - 2 * self.pad) // self.leading)
        if fit < 1 or fit >= self.rows:
            return []
        kwargs = dict(
            font=self.font, size=self.size, leading=self.leading, pad=self.pad, center=self.center,
            repeat=self.repeat,
        )  # fmt: skip
        rest = [
            cell if i in self.repeat and len(cell) <= fit else cell[fit:]
            for i, cell in enumerate(self.cell_lines)
        ]
        if max(len(cell) for cell in rest) >= self.rows:
            return []  # repeating the number would not shorten the row: move it whole to the next page
        head = RuledRow((), self.widths, lines=[c[:fit] for c in self.cell_lines], **kwargs)  # type: ignore[arg-type]
        tail = RuledRow((), self.widths, lines=rest, **kwargs)  # type: ignore[arg-type]
        return [head, tail]

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(0.4)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        x = 0.0
        top = self.height - self.pad - self.size
        text = c.beginText()
        text.setFont(self.font, self.size)
        for index, (width, cell) in enumerate(zip(self.widths, self.cell_lines, strict=True)):
            if index:
                c.line(x, 0, x, self.height)
            y = top
            for line in cell:
                if not line:
                    y -= self.leading
                    continue
                if index in self.center:
                    text.setTextOrigin(x + (width - stringWidth(line, self.font, self.size)) / 2, y)
                else:
                    text.setTextOrigin(x + self.pad, y)
                text.textOut(line)
                y -= self.leading
            x += width
        c.drawText(text)

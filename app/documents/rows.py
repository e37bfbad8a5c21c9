"""A fast ruled table row for the long registers.

Why not a reportlab Table per row: Table re-wraps every Paragraph cell when it draws, which made a 1,000-row
register take ~20 s. A register row only needs plain wrapped text in fixed columns, so this flowable wraps the
text once (word wrap, breaking over-long words), draws it with ``drawString`` and rules the cell borders itself.
It splits between lines when a very tall row meets the bottom of the page, so nothing is ever cut off.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap to ``width`` points; words longer than a line are broken between characters."""
    space = stringWidth(" ", font, size)
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
                soft = max(word.rfind(sep, 0, cut) for sep in "/-.,")
                if soft > 0:
                    cut = soft + 1
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
    ) -> None:
        super().__init__()
        self.widths = list(widths)
        self.font, self.size, self.leading, self.pad = font, size, leading, pad
        self.center = center
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
        kwargs = dict(font=self.font, size=self.size, leading=self.leading, pad=self.pad, center=self.center)
        head = RuledRow((), self.widths, lines=[c[:fit] for c in self.cell_lines], **kwargs)  # type: ignore[arg-type]
        tail = RuledRow((), self.widths, lines=[c[fit:] for c in self.cell_lines], **kwargs)  # type: ignore[arg-type]
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

"""Column widths of the printed registers, fitted to the rows they print.

Why from the data: fixed ratios gave the address and the information requested the same share on every register,
so on a real one addresses wrapped into 8–9 lines while the date and mark columns stood half empty, and a row
took a third of a page. Here every column first gets the width of its longest word (no word is broken while the
page is wide enough) and of its header's longest word; the rest of the width goes, a slice at a time, to the
column that shortens the tallest rows most, measured on an even sample of the rows (so a 10,000-row register
costs no more to fit than a 500-row one).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth

#: A wrapped line holds a little less than its width of text (words do not fill it exactly).
_WRAP_SLACK = 1.12
#: No column is widened beyond this share of the page for one long word: a longer word (an e-mail address, a
#: registration number, "didokumentasikan") breaks at a separator or with a hyphen instead of taking the width
#: the information requested needs.
_WORD_CAP = 0.045


def _measure(
    rows: Sequence[Sequence[str]], font: str, size: float, cap: float, longest: list[float]
) -> list[list[list[float]]]:
    """Per sampled row and column: the widths of the cell's paragraphs. Widens ``longest`` to the longest word
    of nine cells in ten of the column (the tenth, a rare long word, is hyphenated rather than widening the
    column for every row), at most ``cap``."""
    space = stringWidth(" ", font, size)
    measured = []
    words_of: list[list[float]] = [[] for _ in longest]
    for row in rows:
        cells = []
        for c, text in enumerate(row):
            paragraphs, word = [], 0.0
            for para in text.split("\n"):
                words = [stringWidth(w, font, size) for w in para.split()]
                word = max([word, *words])
                paragraphs.append(sum(words) + space * max(0, len(words) - 1))
            words_of[c].append(word)
            cells.append(paragraphs)
        measured.append(cells)
    for c, seen in enumerate(words_of):
        if seen:
            seen.sort()
            longest[c] = max(longest[c], min(seen[(len(seen) * 9) // 10], cap))
    return measured


def fit_widths(
    rows: Sequence[Sequence[str]],
    ratios: Sequence[float],
    total: float,
    *,
    font: str,
    size: float,
    pad: float,
    floors: Sequence[float],
    sample: int = 160,
    steps: int = 80,
) -> list[float]:
    """Widths (points, summing to ``total``) for the columns of ``rows``; ``floors``: the least width of each
    column for its header text (never cut, unlike a long word of the rows); ``ratios``: how to share what is left when no column gains any more (and the fallback
    when even the longest words do not fit side by side)."""
    picked = list(rows) if len(rows) <= sample else [rows[i * len(rows) // sample] for i in range(sample)]
    longest = [0.0 for _ in floors]
    measured = _measure(picked, font, size, total * _WORD_CAP, longest)
    widths = [max(float(floor), w + 2 * pad + 0.5) for floor, w in zip(floors, longest, strict=True)]
    if sum(widths) >= total:  # a very narrow page: shrink the least widths alike
        return [w * total / sum(widths) for w in widths]
    if not picked:
        return _share(widths, ratios, total)

    def height(cell: list[float], width: float) -> float:
        inner = width - 2 * pad
        return sum(max(1.0, p * _WRAP_SLACK / inner) for p in cell) if cell else 1.0

    ncol = len(widths)
    current = [[height(row[c], widths[c]) for c in range(ncol)] for row in measured]
    slice_ = (total - sum(widths)) / steps
    for _ in range(steps):
        best, best_gain = -1, 0.0
        tallest = [max(row) for row in current]
        for c in range(ncol):
            gain = 0.0
            for r, row in enumerate(current):
                if row[c] < tallest[r]:
                    continue
                wider = height(measured[r][c], widths[c] + slice_)
                others = max((v for i, v in enumerate(row) if i != c), default=0.0)
                gain += tallest[r] - max(wider, others)
            if gain > best_gain:
                best, best_gain = c, gain
        if best < 0:
            break
        widths[best] += slice_
        for r, row in enumerate(current):
            row[best] = height(measured[r][best], widths[best])
    return _share(widths, ratios, total)


def _share(widths: list[float], ratios: Sequence[float], total: float) -> list[float]:
    """Give what is left of ``total`` to the columns in proportion to ``ratios``."""
    spare = total - sum(widths)
    weight = float(sum(ratios))
    return [w + spare * r / weight for w, r in zip(widths, ratios, strict=True)]

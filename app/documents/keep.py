"""Keep a letter's ending (closing, place and date, signature, footnotes) on a page with body text.

Why a flowable of our own: reportlab's ``KeepTogether`` around the ending alone still lets it land alone on a
page, and around the body's last block as well it moves that whole block (a table holding a 1,200-character
request) to the next page, leaving half a page blank. ``KeepWithTail`` instead splits the body where the page
ends, or, when the body fits but the ending does not, carries the body's last lines over with the ending.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Spacer
from reportlab.platypus.doctemplate import FrameBreak, Indenter

_HUGE = 0xFFFFFFF


def _bottoms(items: Sequence[Flowable], width: float, canv: Canvas) -> list[tuple[float, float, float]]:
    """(available width, height, bottom offset from the top) of each flowable laid out one after another."""
    out: list[tuple[float, float, float]] = []
    y, after, first = 0.0, 0.0, True
    for f in items:
        if isinstance(f, Indenter):
            width -= f.left + f.right
        if hasattr(f, "frameAction"):
            out.append((width, 0.0, y))
            continue
        _, h = f.wrapOn(canv, width, _HUGE)
        if h >= 0xFFFFFF:  # a KeepTogether reports a huge height to force a split; its real height is _H
            h = float(getattr(f, "_H", h))
        if h <= 1e-6:
            out.append((width, 0.0, y))
            continue
        if not first:
            y += max(f.getSpaceBefore() - after, 0.0)
        first = False
        y += h
        out.append((width, h, y))
        after = f.getSpaceAfter()
        y += after
    return out


def lead_in(f: Flowable) -> Flowable:
    """Mark ``f`` as a line that introduces what follows it (a point's title such as "5. Penjelasan
    penghitaman…", "Biaya:", "… sebagai berikut:"): ``KeepWithTail(lead_ins=True)`` never ends a page with it.

    Why a mark of our own rather than reportlab's ``keepWithNext``: the body is laid out by ``KeepWithTail``,
    which returns its pieces to the frame, and reportlab would wrap a ``keepWithNext`` piece together with the
    ``KeepWithTail`` that follows it; and the mark must change nothing for letters stored before it
    (``page_layout`` 2), which only the renderer's ``lead_ins`` flag knows."""
    f._ppid_lead_in = True
    return f


def _heading(f: Flowable, lead_ins: bool = False) -> bool:
    if lead_ins and getattr(f, "_ppid_lead_in", False):
        return True
    return bool(f.getKeepWithNext()) or getattr(getattr(f, "style", None), "name", "") == "heading"


def _blank(f: Flowable) -> bool:
    """Space or an indent (``Spacer``, ``Indenter``): nothing a reader would miss at a page's end."""
    return isinstance(f, Spacer) or hasattr(f, "frameAction")


class KeepWithTail(KeepTogether):
    """``lead`` (the body) followed by ``tail`` (the ending), the tail never on a page without body text.

    ``carry`` is how much of the body (in points, about two lines) goes over with the ending when only the
    ending would not fit. ``lead_ins``: a line marked with ``lead_in`` never ends a page either; it goes over
    with what it introduces (``page_layout`` 3 of the letters)."""

    def __init__(
        self, lead: Sequence[Flowable], tail: Sequence[Flowable], *, carry: float, lead_ins: bool = False
    ) -> None:
        super().__init__([*lead, *tail])
        self._lead, self._tail, self._carry, self._lead_ins = list(lead), list(tail), carry, lead_ins

    def _again(self, lead: Sequence[Flowable]) -> KeepWithTail:
        return KeepWithTail(lead, self._tail, carry=self._carry, lead_ins=self._lead_ins)

    def _with_lead_ins(self, lead: Sequence[Flowable], at: int) -> int:
        """Where to break before ``lead[at]`` so that the lines introducing it go over with it."""
        if not self._lead_ins:
            return at
        start = at
        while start > 0 and (_blank(lead[start - 1]) or _heading(lead[start - 1], True)):
            start -= 1
        while start < at and not _heading(lead[start], True):  # only space and indents before: they stay
            start += 1
        return start

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 - reportlab API
        plain = [*self._lead, *self._tail]
        canv = self.canv
        whole = _bottoms(plain, aW, canv)
        if not whole or whole[-1][2] <= aH:
            return plain
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", False))
        frame_h = float(getattr(frame, "_height", aH))
        tail_h = whole[-1][2] - (_bottoms(self._lead, aW, canv) or [(0.0, 0.0, 0.0)])[-1][2]
        if not self._lead or tail_h + self._carry > frame_h:
            return plain  # an ending taller than a page cannot be kept: let it flow
        lead = self._lead
        sizes = _bottoms(lead, aW, canv)
        over = next((i for i, (_, h, bottom) in enumerate(sizes) if h > 0 and bottom > aH), None)
        if over is not None:
            # The body itself runs past this page: break it where the page ends, the rest goes on with the tail.
            width, h, bottom = sizes[over]
            room = aH - (bottom - h)
            pieces = lead[over].splitOn(canv, width, room) if room > 0 else []
            if len(pieces) >= 2:
                return [*lead[:over], pieces[0], self._again([*pieces[1:], *lead[over + 1 :]])]
            over = self._with_lead_ins(lead, over)
            if over == 0 and at_top:
                return plain
            return [*lead[:over], FrameBreak(), self._again(lead[over:])]
        # The body fits but the ending does not: take the body's last lines over with the ending.
        carried: list[Flowable] = []
        j = len(lead) - 1
        while j >= 0:
            f = lead[j]
            width, h, _ = sizes[j]
            if h <= 0 or isinstance(f, Spacer):
                carried.insert(0, f)
                j -= 1
                continue
            pieces = f.splitOn(canv, width, h - self._carry) if h > self._carry else []
            if len(pieces) >= 2:
                return [*lead[:j], pieces[0], FrameBreak(), self._again([*pieces[1:], *carried])]
            carried.insert(0, f)
            j -= 1
            if self._lead_ins:  # the lines introducing it go too, across space and indents
                k = self._with_lead_ins(lead, j + 1)
                carried[:0], j = lead[k : j + 1], k - 1
            while j >= 0 and (sizes[j][1] <= 0 or _heading(lead[j])):  # a heading goes with its text
                carried.insert(0, lead[j])
                j -= 1
            break
        if j < 0 and at_top:
            return plain
        return [*lead[: j + 1], FrameBreak(), self._again(carried)]


def keep_ending(
    lead: Sequence[Flowable], tail: Sequence[Flowable], *, leading: float, lead_ins: bool = False
) -> list[Flowable]:
    """The body and its ending as one flowable that never leaves the ending alone on a page (nor, with
    ``lead_ins``, a line marked ``lead_in`` at the end of a page)."""
    return [KeepWithTail(lead, tail, carry=2 * leading + 1, lead_ins=lead_ins)]


class EndingStart(Flowable):
    """Marks where a body's ending (the closing sentence, footnotes) starts; removed before layout."""

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        return 0.0, 0.0

    def draw(self) -> None:
        return None


def split_ending(body: Sequence[Flowable]) -> tuple[list[Flowable], list[Flowable]]:
    """(the body before its last ``EndingStart`` marker, the ending after it); no marker: no ending."""
    marks = [i for i, f in enumerate(body) if isinstance(f, EndingStart)]
    if not marks:
        return list(body), []
    lead = [f for f in body[: marks[-1]] if not isinstance(f, EndingStart)]
    return lead, [f for f in body[marks[-1] + 1 :] if not isinstance(f, EndingStart)]

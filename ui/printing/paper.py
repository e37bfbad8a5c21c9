"""The paper a document is on, read from its own pages, and the printer that holds that paper.

Why from the PDF and not from the settings: the settings name the paper a kind is *issued* on next time, but a
letter issued last month on F4 is reprinted exactly as issued (F4), a receipt may be issued on A4 while the
counter's roll printer is set up for receipts, and a register is landscape. Printing what the settings say
instead of what the document is shrinks an F4 letter onto A4 or sends an A4 receipt to an 80 mm roll. So the
page size of a print job is the PDF page's own size (named A4/F4/A5/"Rol 80 mm" when it is one of them) and the
printer is the one the office set up for that paper.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPageSize

from ui.printing.printer_settings import KINDS, PrintingSettings

MM = 72 / 25.4
TOLERANCE_MM = 2.5
#: Portrait sizes (width, height) in millimetres of the sheets the renderers use.
SHEETS_MM: Mapping[str, tuple[float, float]] = {"A4": (210, 297), "F4": (215, 330), "A5": (148, 210)}
ROLL_WIDTH_MM = 80
PAPER_NAMES: Mapping[str, str] = {"A4": "A4", "F4": "F4", "A5": "A5", "thermal80": "Rol 80 mm"}


def paper_of(points: QSizeF) -> str | None:
    """The paper code of a page of ``points`` (either orientation); ``None`` for a size the desk does not
    make (a PDF from elsewhere), which then prints on a page of exactly its own size."""
    short, long = sorted((points.width() / MM, points.height() / MM))
    if (
        abs(short - ROLL_WIDTH_MM) <= TOLERANCE_MM
        and abs(points.width() / MM - ROLL_WIDTH_MM) <= TOLERANCE_MM
    ):
        return "thermal80"
    for code, (width, height) in SHEETS_MM.items():
        if abs(short - width) <= TOLERANCE_MM and abs(long - height) <= TOLERANCE_MM:
            return code
    return None


def page_size(points: QSizeF) -> QPageSize:
    """A ``QPageSize`` exactly as large as the PDF page, portrait (orientation is set on the layout), named
    after its paper so the printer driver can pick the tray; the roll keeps the receipt's own length."""
    code = paper_of(points)
    if code is not None and code in SHEETS_MM:
        width, height = SHEETS_MM[code]
        if code == "A4":
            return QPageSize(QPageSize.PageSizeId.A4)
        if code == "A5":
            return QPageSize(QPageSize.PageSizeId.A5)
        return QPageSize(
            QSizeF(width, height), QPageSize.Unit.Millimeter, "F4", QPageSize.SizeMatchPolicy.ExactMatch
        )
    short, long = sorted((points.width(), points.height()))
    name = PAPER_NAMES["thermal80"] if code == "thermal80" else ""
    if code == "thermal80":  # a roll page is as long as its content: never turned
        short, long = points.width(), points.height()
    return QPageSize(QSizeF(short, long), QPageSize.Unit.Point, name, QPageSize.SizeMatchPolicy.ExactMatch)


def cups_media(points: QSizeF) -> str:
    """The CUPS ``media`` option for a page of ``points``: the named size when CUPS has one (A4, A5), else a
    custom size in millimetres (F4 215x330, the roll 80 x its length); orientation follows the PDF page."""
    code = paper_of(points)
    if code in ("A4", "A5"):
        return str(code)
    if code == "F4":
        return "Custom.215x330mm"
    width, height = points.width() / MM, points.height() / MM
    if code != "thermal80":
        width, height = sorted((width, height))
    return f"Custom.{width:.0f}x{height:.0f}mm"


def printer_for_paper(
    settings: PrintingSettings, kind: str, paper: str | None, names: list[str], default: str | None
) -> str | None:
    """Where a ``kind`` document on ``paper`` prints on this PC (``None``: no printer at all).

    The kind's own printer when the document is on the kind's paper (or on a paper the desk does not make);
    otherwise the printer set up for another kind on that paper (the letters' laser printer for an A4 receipt,
    the counter's roll printer for an 80 mm one); otherwise the PC's default printer, except that a sheet never
    goes to a printer set up for the roll while another printer exists. The preview shows the choice, so the
    officer can still change it.
    """
    present = [name for name in names if name]
    own = settings.for_kind(kind)
    if paper is None or own.paper == paper:
        return own.printer if own.printer in present else (default or None)
    for other in KINDS:
        setting = settings.for_kind(other)
        if setting.paper == paper and setting.printer in present:
            return setting.printer
    if paper == "thermal80" or not default:
        return default or None
    rolls = {settings.for_kind(k).printer for k in KINDS if settings.for_kind(k).paper == "thermal80"}
    if default not in rolls:
        return default
    return next((name for name in present if name not in rolls), default)

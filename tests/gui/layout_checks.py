"""What an officer cannot see in a window: text cut off, widgets outside the window, a window off the work area.

Used by tests/gui/layout_child.py (every screen of the program, in a process whose screen is an office PC's)
and by the in-process tests of single widgets. Each check reads the real widget geometry after layout:

* a label, button or combo box narrower than its text (a wrapping label: shorter than the height its text
  needs; a combo box: its current item);
* a list's line that does not fit its width (Qt would draw it with "…"), or wraps into less height than it needs;
* a table cell whose text does not fit its column (Qt would draw it with "…"), for the first rows on screen,
  except in a column that stretches over the free width to show long free text (the request's text);
* a visible widget not inside its parent (a layout squeezed below its minimum lets children overlap or stick
  out), except the contents of a scroll area, which may be larger than the viewport showing them;
* the window itself not inside its screen's work area (``ui.kit.screen.fits``);
* a page or dialog whose contents are wider than their window (``ui.kit.scroll.ScrollArea`` scrolling
  sideways): rows must wrap, tables scroll inside themselves, so the page never hides its right side;
* a tab bar whose tabs do not all fit it (Qt then hides the rest behind its scroll arrows: the settings page's
  *Tampilan & bahasa*, where an officer switches the language, was off the bar at 1366×768 and 100 %), or a tab
  narrower than its text;
* with ``popup``: a combo box's open list that draws its current item without text;
* in the English interface, a label, button, combo box item or table cell that shows one of the core's
  Indonesian terms untranslated (``ui/kit/terms.py``: *Diproses*, *Datang langsung*, *sisa 10 hari kerja*, a
  deadline's *Senin, 29 Desember 2025*), the mixed language the English Register, intake and request page showed.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QTableView,
    QWidget,
)

from ui.kit import i18n, screen
from ui.kit.scroll import ScrollArea

ROWS = 30  # table rows checked per view


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = widget.text()
    return f"{type(widget).__name__} {widget.objectName() or widget.accessibleName() or text!r}"[:90]


def _scrolled(widget: QWidget) -> bool:
    """Whether ``widget`` is what a scroll area scrolls (its contents, or a cell editor in a view): it may be
    larger than the viewport that shows it. Widgets inside those contents must still lie inside their parent."""
    viewport = widget.parentWidget()
    area = viewport.parentWidget() if viewport is not None else None
    return isinstance(area, QAbstractScrollArea) and area.viewport() is viewport


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def clipped_text(widget: QWidget) -> str | None:
    """Why the text of label or button ``widget`` is not fully visible, or ``None``."""
    if isinstance(widget, QLabel):
        if not widget.text() or widget.pixmap() is not None and not widget.pixmap().isNull():
            return None
        inner = widget.contentsRect()
        if widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + 1:
                return f"wrapped text needs {need} px of height, has {widget.height()}"
            return None
        hint = widget.minimumSizeHint() if widget.textFormat() != Qt.TextFormat.PlainText else None
        need = hint.width() if hint is not None else widget.fontMetrics().horizontalAdvance(widget.text())
        lines = widget.sizeHint().height()
        if need > inner.width() + 2 * widget.margin() + 1 and widget.width() < widget.sizeHint().width():
            return f"text needs {widget.sizeHint().width()} px, has {widget.width()}"
        if widget.height() + 1 < lines and widget.height() < widget.minimumSizeHint().height():
            return f"text needs {lines} px of height, has {widget.height()}"
        return None
    if isinstance(widget, QComboBox) and not widget.isEditable() and widget.currentText():
        if widget.sizeAdjustPolicy() == QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon:
            return None  # a deliberately narrow box of sentences (ui.kit.forms.long_choices; full text as tooltip)
        option = QStyleOptionComboBox()
        widget.initStyleOption(option)
        text = QSize(widget.fontMetrics().horizontalAdvance(widget.currentText()), widget.height())
        if not widget.itemIcon(widget.currentIndex()).isNull():
            text.setWidth(text.width() + widget.iconSize().width() + 4)
        need = widget.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, widget).width()
        if widget.width() + 1 < need:
            return f"current item {widget.currentText()!r} needs {need} px, has {widget.width()}"
        return None
    if isinstance(widget, (QPushButton, QCheckBox, QRadioButton)) and widget.text():
        hint = widget.minimumSizeHint() if isinstance(widget, QPushButton) else widget.sizeHint()
        if widget.width() + 1 < hint.width():
            return f"text needs {hint.width()} px, has {widget.width()}"
    return None


def elided_items(view: QListView) -> list[str]:
    """The lines of list ``view`` that Qt draws cut with "…", or wrapped into less height than they need (first
    ``ROWS`` rows): the dashboard's cards cut *CPJ/2026/A-0286 — Dedi Nugr…* and *219 working day…* at 150 %."""
    model = view.model()
    if model is None or view.viewMode() != QListView.ViewMode.ListMode:
        return []
    metrics = view.fontMetrics()
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    found = []
    for row in range(min(ROWS, model.rowCount())):
        index = model.index(row, view.modelColumn())
        text = model.data(index, Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text or view.isRowHidden(row):
            continue
        rect = view.visualRect(index)
        room = min(rect.width(), view.viewport().width()) - margin
        if model.data(index, Qt.ItemDataRole.DecorationRole) is not None:
            room -= view.iconSize().width() + 4
        if view.wordWrap():
            need = metrics.boundingRect(
                QRect(0, 0, room, 10_000), int(Qt.TextFlag.TextWordWrap), text
            ).height()
            if need > rect.height():
                found.append(f"item {text!r} needs {need} px of height, has {rect.height()}")
        else:
            wide = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
            if wide > room:
                found.append(f"item {text!r} needs {wide} px, has {room}")
    return found


def elided_cells(view: QAbstractItemView) -> list[str]:
    """The cells of ``view`` whose text Qt draws cut with "…" (first ``ROWS`` rows)."""
    model = view.model()
    if model is None or not isinstance(view, QTableView) or view.wordWrap() and False:
        return []
    header = view.horizontalHeader()
    found = []
    metrics = view.fontMetrics()
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        stretched = header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch or (
            header.stretchLastSection() and header.visualIndex(column) == header.count() - 1
        )
        if stretched:
            continue  # the free-text column: long text is shown in full on the record's own page
        width = view.columnWidth(column) - 2 * margin
        for row in range(min(ROWS, model.rowCount())):
            text = model.data(model.index(row, column, QModelIndex()), Qt.ItemDataRole.DisplayRole)
            if not isinstance(text, str) or not text:
                continue
            icon = model.data(model.index(row, column), Qt.ItemDataRole.DecorationRole)
            room = width - (view.iconSize().width() + 4 if icon is not None else 0)
            if metrics.horizontalAdvance(text) > room:
                title = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                found.append(
                    f"cell {title!r} {text!r} needs {metrics.horizontalAdvance(text)} px, has {room}"
                )
                break
    return found


def hidden_tabs(bar: QTabBar) -> list[str]:
    """The tabs of ``bar`` an officer cannot see whole: off the bar (behind its scroll arrows) or cut short."""
    found = []
    inner = bar.rect().adjusted(-1, -1, 1, 1)
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        rect, text = bar.tabRect(index), _plain(bar.tabText(index))
        if not inner.contains(rect):
            found.append(f"tab {text!r} is off its bar: {rect.getRect()} in {bar.size().toTuple()}")
            continue
        vertical = bar.shape() in (QTabBar.Shape.RoundedWest, QTabBar.Shape.RoundedEast,
                                   QTabBar.Shape.TriangularWest, QTabBar.Shape.TriangularEast)  # fmt: skip
        room = rect.height() if vertical and type(bar).tabSizeHint is QTabBar.tabSizeHint else rect.width()
        icon = bar.iconSize().width() + 4 if not bar.tabIcon(index).isNull() else 0
        need = bar.fontMetrics().horizontalAdvance(text) + icon
        if room + 1 < need:
            found.append(f"tab {text!r} needs {need} px, has {room}")
    return found


def _terms() -> frozenset[str]:
    """The core's labels that the English catalogue translates (``Terms``)."""
    from PySide6.QtCore import QCoreApplication

    from app.domain import lifecycle, report_terms, requester

    labels = {
        value
        for module in (lifecycle, requester, report_terms)
        for table in vars(module).values()
        if isinstance(table, dict)
        for value in table.values()
        if isinstance(value, str)
    }
    return frozenset(t for t in labels if QCoreApplication.translate("Terms", t) != t)


_INDONESIAN = re.compile(
    r"(^|— )(sisa|terlambat) \d+ hari kerja$|^jatuh tempo hari ini$"
    r"|^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} [A-Z][a-z]+ \d{4}"
)


def untranslated(widget: QWidget, terms: frozenset[str]) -> list[str]:
    """Texts of ``widget`` that are one of the core's terms (or a deadline's days or date) left in Indonesian."""
    texts: list[str] = []
    if widget.property("recorded_text"):
        return []  # what a record stores as text (the audit log's entries) stays as it was written
    if isinstance(widget, (QLabel, QAbstractButton)):
        texts.append(_plain(widget.text()))
    elif isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    elif isinstance(widget, QTableView) and widget.model() is not None:
        model = widget.model()
        texts += [
            str(model.data(model.index(row, column)) or "")
            for row in range(min(ROWS, model.rowCount()))
            for column in range(model.columnCount())
            if not widget.isColumnHidden(column)
        ]
    return [
        f"{text!r} is Indonesian"
        for text in dict.fromkeys(texts)
        if text in terms or _INDONESIAN.search(text)
    ]


def outside(widget: QWidget) -> str | None:
    """Why ``widget`` sticks out of its parent, or ``None``."""
    parent = widget.parentWidget()
    if parent is None or widget.isWindow() or _scrolled(widget):
        return None
    if not QRect(QPoint(0, 0), parent.size()).adjusted(-1, -1, 1, 1).contains(widget.geometry()):
        return f"outside its parent {type(parent).__name__}: {widget.geometry().getRect()} in {parent.size().toTuple()}"
    return None


def popup_blank(box: QComboBox) -> str | None:
    """Open ``box``'s list: every item must lie inside it and show its text (pixels unlike its background)."""
    if box.count() == 0:
        return None
    box.showPopup()
    view = box.view()
    try:
        image: QImage = view.viewport().grab().toImage()
        ratio = image.devicePixelRatio()
        for row in range(min(box.count(), 8)):
            rect = view.visualRect(view.model().index(row, box.modelColumn()))
            if not view.viewport().rect().contains(rect):
                return f"item {box.itemText(row)!r} is cut off in the open list"
            corner = QColor(image.pixel(int(rect.left() * ratio), int(rect.top() * ratio))).lightness()
            inked = sum(
                1
                for x in range(rect.left(), rect.right(), 2)
                for y in range(rect.top(), rect.bottom(), 2)
                if abs(QColor(image.pixel(int(x * ratio), int(y * ratio))).lightness() - corner) > 80
            )
            if inked < 10 and box.itemText(row).strip():
                return f"item {box.itemText(row)!r} is drawn without its text"
        return None
    finally:
        box.hidePopup()


def problems_in(window: QWidget, *, popup: bool = False) -> list[str]:
    """Everything in ``window`` (a window, or with ``popup`` a combo box) an officer cannot fully see."""
    if popup:
        assert isinstance(window, QComboBox)
        problem = popup_blank(window)
        return [problem] if problem else []
    found = []
    terms = _terms() if i18n.current_language() == "en" else frozenset()
    if window.isWindow() and not screen.fits(window):
        inner = QRect(window.mapToGlobal(QPoint(0, 0)), window.size())
        found.append(
            f"window {inner.getRect()} not inside the work area {screen.work_area(window).getRect()}"
        )
    for widget in window.findChildren(QWidget):
        if not _shown(widget) or widget.window() is not window:
            continue
        for problem in (clipped_text(widget), outside(widget)):
            if problem:
                found.append(f"{_name(widget)}: {problem}")
        if isinstance(widget, QAbstractItemView):
            found.extend(f"{_name(widget)}: {p}" for p in elided_cells(widget))
        if isinstance(widget, QListView):
            found.extend(f"{_name(widget)}: {p}" for p in elided_items(widget))
        if isinstance(widget, QTabBar):
            found.extend(f"{_name(widget)}: {p}" for p in hidden_tabs(widget))
        if terms:
            found.extend(f"{_name(widget)}: {p}" for p in untranslated(widget, terms))
        if isinstance(widget, ScrollArea) and widget.horizontalScrollBar().maximum() > 0:
            inner = widget.widget()
            found.append(f"{_name(inner) if inner else _name(widget)}: wider than its window, scrolls sideways "
                         f"by {widget.horizontalScrollBar().maximum()} px")  # fmt: skip
    return found

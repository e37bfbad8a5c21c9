"""Contents larger than their window scroll, and the keyboard's focus is always scrolled into view.

Why: a 1366×768 office PC set to 150 % scaling leaves about 911×440 device-independent pixels under the title
bar, less than a page or a long dialog needs. A layout squeezed below its minimum overlaps its widgets and cuts
their text; in a scroll area the contents keep the size they need and the officer scrolls. The area is
``widgetResizable``, so where there is room the contents still fill it (a page's table grows with the window)
and only what does not fit scrolls.

Qt scrolls a ``QScrollArea`` to the focused widget only when Tab moves the focus through
``focusNextPrevChild``; an Alt+letter mnemonic, a shortcut that focuses a field (Ctrl+F), or a table taking
Tab for itself would leave the focus off screen. ``ScrollArea`` follows every focus change inside it instead.

Where the contents' layout wraps text (height for width), Qt's scroll area gives them their *preferred* height
for the viewport's width, which counts every table and text box at its size hint: a page with one wrapped
notice scrolled at 1366×768 and 100 % although its minimum fitted with room to spare (Sinkronisasi, 844 px
asked in a 693 px view, for a petugas). ``ScrollArea`` holds its contents in a ``_Holder`` that answers with
their *minimum* height for the width: they fill the viewport where it is taller, and scroll only when they
cannot fit at all.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFrame,
    QScrollArea,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.kit.tabs import WrappingTabs

#: Room kept around a focused widget scrolled into view, so its label or frame shows with it.
FOCUS_MARGIN = 24


class _Holder(QWidget):
    """What the scroll area scrolls: the contents alone, answering Qt's height-for-width with their minimum.

    Why: ``QScrollArea`` sizes a resizable widget whose layout has height for width to
    ``widget.heightForWidth(viewport width)``, which a layout answers with its preferred height, where any other
    widget gets its minimum size. Both now get their minimum, and whatever room the viewport has beyond it."""

    def __init__(self, contents: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contents = contents
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(contents)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return super().heightForWidth(width)
        return layout.totalMinimumHeightForWidth(width)


class ScrollArea(QScrollArea):
    """A resizable scroll area that keeps the focused widget inside it in view.

    With ``sideways=False`` (a dialog's fields) it scrolls only up and down: its minimum width is its
    contents', so the window is made wide enough rather than hiding the end of every field. With
    ``tab_stop=False`` (a wrapper around a page or a dialog's fields) the area itself takes no focus, so Tab goes
    from field to field as without it; Qt's scroll area is otherwise a Tab stop of its own."""

    def __init__(
        self,
        contents: QWidget | None = None,
        parent: QWidget | None = None,
        *,
        frame: bool = True,
        sideways: bool = True,
        tab_stop: bool = True,
    ) -> None:
        super().__init__(parent)
        if not tab_stop:
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidgetResizable(True)
        self.sideways = sideways
        if not sideways:
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if not frame:
            self.setFrameShape(QFrame.Shape.NoFrame)
        if contents is not None:
            self.setWidget(contents)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt override
        """``widget`` in a ``_Holder``; the contents it replaces are deleted, as ``QScrollArea`` does. The holder
        is made inside the viewport, where Qt would move it: a widget moved is styled again (ui/shell/main_window.py)."""
        super().setWidget(_Holder(widget, self.viewport()))

    def widget(self) -> QWidget | None:
        """The contents given to ``setWidget`` (not their ``_Holder``)."""
        holder = super().widget()
        return holder.contents if isinstance(holder, _Holder) else holder

    def takeWidget(self) -> QWidget:  # noqa: N802 - Qt override
        """The contents, out of their ``_Holder`` (which is deleted), as ``QScrollArea`` hands its widget back."""
        holder = super().takeWidget()
        if not isinstance(holder, _Holder):
            return holder
        contents = holder.contents
        contents.setParent(None)
        holder.deleteLater()
        return contents

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """For a dialog's fields (``sideways=False``) the contents' whole size (Qt caps a scroll area's hint at
        36×24 lines): a dialog sized from its hint shows everything where the screen has room, and
        ui/kit/screen.py caps it to the work area where not. An area inside a page keeps Qt's capped hint: a
        page's preferred height counts it (Laporan's hidden Narasi tab would have asked 1,450 px)."""
        contents = self.widget()
        if contents is None or self.sideways:
            return super().sizeHint()
        frame = 2 * self.frameWidth()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        hint = contents.sizeHint().expandedTo(contents.minimumSizeHint())
        return QSize(hint.width() + frame + bar, hint.height() + frame)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        contents = self.widget()
        if self.sideways or contents is None:
            return hint
        frame = 2 * self.frameWidth()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return QSize(max(hint.width(), contents.minimumSizeHint().width() + frame + bar), hint.height())

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        contents = self.widget()
        if now is None or contents is None or not contents.isAncestorOf(now) or not self.isVisible():
            return
        self.ensureWidgetVisible(_nearest_shown(now, contents), FOCUS_MARGIN, FOCUS_MARGIN)


def _nearest_shown(widget: QWidget, contents: QWidget) -> QWidget:
    """What to bring into view for ``widget``: itself, or the outermost scroll area between it and
    ``contents`` (that inner area scrolls to ``widget`` by itself; its position in ``contents`` is what counts)."""
    target = widget
    parent = widget.parentWidget()
    while parent is not None and parent is not contents:
        if isinstance(parent, QAbstractScrollArea):
            target = parent
        parent = parent.parentWidget()
    return target


def scrolled(
    contents: QWidget,
    parent: QWidget | None = None,
    *,
    frame: bool = True,
    sideways: bool = True,
    tab_stop: bool = True,
) -> ScrollArea:
    """``contents`` in a ``ScrollArea``: its own size where there is room, scrolling where there is not.

    Give the ``parent`` the area will live in: filling the area sizes and styles everything inside it, and with
    the application's style sheet a widget moved under a new parent afterwards is styled again with everything
    inside it (≈ 1 ms per widget of a form). A tab: ``scrolled_tab``."""
    return ScrollArea(contents, parent, frame=frame, sideways=sideways, tab_stop=tab_stop)


def scrolled_tab(
    tabs: QTabWidget | WrappingTabs, contents: QWidget, title: str, icon: QIcon | None = None, *, frame: bool = False,
    tab_stop: bool = False,
) -> ScrollArea:  # fmt: skip
    """``contents`` in a ``ScrollArea`` that is a tab of ``tabs`` (every settings tab scrolls: a tab widget asks
    for the tallest height for a width of its tabs, shown or not). The area joins ``tabs`` empty and is filled
    in place: filling it sizes and styles everything inside, and with the application's style sheet a widget
    moved under a new parent is styled again with everything inside it (the settings page took ≈ 0.4 s more)."""
    area = ScrollArea(frame=frame, tab_stop=tab_stop)
    if isinstance(tabs, WrappingTabs):
        tabs.addTab(area, icon or QIcon(), title)
    elif icon is None:
        tabs.addTab(area, title)
    else:
        tabs.addTab(area, icon, title)
    area.setWidget(contents)
    return area

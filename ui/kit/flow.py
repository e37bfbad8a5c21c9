"""A row of buttons that wraps onto a second line instead of squeezing its buttons.

Why: a request's action row holds up to eight buttons whose labels differ by language; at 150 % scaling a
single ``QHBoxLayout`` shrank them below their text ("Diteruskan ke badan publik lain" cut). Wrapping keeps
every label whole at any width. Qt has no flow layout of its own; this is the usual one (Qt's "Flow Layout"
example), with height-for-width so the page reserves the lines it needs. A stretch (``addStretch``) ends
the left-aligned group: what follows is placed on the right of the last line.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSpacerItem, QWidget, QWidgetItem


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def addStretch(self, _stretch: int = 1) -> None:  # noqa: N802 - same name as QBoxLayout's
        self.addItem(QSpacerItem(0, 0))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = sum(i.sizeHint().width() + self._spacing for i in self._visible())
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        return size

    def _visible(self) -> list[QLayoutItem]:
        shown = []
        for item in self._items:
            widget = item.widget() if isinstance(item, QWidgetItem) else None
            if widget is None or not widget.isHidden():
                shown.append(item)
        return shown

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out left to right, wrapping; after a stretch, the rest goes right-aligned on the
        line it fits. Returns the height used."""
        x, y, line = rect.x(), rect.y(), 0
        right_group: list[QLayoutItem] = []
        seen_stretch = False
        for item in self._visible():
            if isinstance(item, QSpacerItem):
                seen_stretch = True
                continue
            if seen_stretch:
                right_group.append(item)
                continue
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        if right_group:
            need = sum(i.sizeHint().width() for i in right_group) + self._spacing * (len(right_group) - 1)
            if x > rect.x() and x + need > rect.right() + 1:
                y, line = y + line + self._spacing, 0
            x = max(rect.x(), rect.right() + 1 - need)
            for item in right_group:
                hint = item.sizeHint()
                if move:
                    item.setGeometry(QRect(QPoint(x, y), hint))
                x += hint.width() + self._spacing
                line = max(line, hint.height())
        return y + line - rect.y()

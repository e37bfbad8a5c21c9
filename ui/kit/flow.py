"""A row of buttons that wraps onto a second line instead of squeezing its buttons.

Why: a request's action row holds up to eight buttons whose labels differ by language; at 150 % scaling a
single ``QHBoxLayout`` shrank them below their text ("Diteruskan ke badan publik lain" cut). Wrapping keeps
every label whole at any width. Qt has no flow layout of its own; this is the usual one (Qt's "Flow Layout"
example), with height-for-width so the page reserves the lines it needs. A stretch (``addStretch``) ends
the left-aligned group: what follows is placed on the right of the last line.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QLayoutItem, QSpacerItem, QWidget, QWidgetItem


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
        line it fits. An item that expands horizontally (a search field) takes its line's free width, so a
        row that fits on one line looks as a ``QHBoxLayout`` would. Returns the height used."""
        left: list[QLayoutItem] = []
        right_group: list[QLayoutItem] = []
        seen_stretch = False
        for item in self._visible():
            if isinstance(item, QSpacerItem):
                seen_stretch = True
            else:
                (right_group if seen_stretch else left).append(item)
        lines: list[list[QLayoutItem]] = []
        x = rect.x()
        for item in left:
            width = item.sizeHint().width()
            if lines and lines[-1] and x > rect.x() and x + width > rect.right() + 1:
                lines.append([])
                x = rect.x()
            if not lines:
                lines.append([])
            lines[-1].append(item)
            x += width + self._spacing
        need = sum(i.sizeHint().width() for i in right_group) + self._spacing * max(0, len(right_group) - 1)
        shared = bool(right_group and lines and x + need <= rect.right() + 1)  # right group on the last line
        right_height = max((i.sizeHint().height() for i in right_group), default=0)
        y = rect.y()
        for index, items in enumerate(lines):
            last = index == len(lines) - 1
            room = rect.width() - (need + self._spacing if shared and last else 0)
            used = sum(i.sizeHint().width() for i in items) + self._spacing * (len(items) - 1)
            growing = [i for i in items if i.expandingDirections() & Qt.Orientation.Horizontal]
            extra = max(0, room - used) // len(growing) if growing else 0
            x, height = rect.x(), max(i.sizeHint().height() for i in items)
            if shared and last:
                height = max(height, right_height)
            for item in items:
                hint = item.sizeHint()
                width = hint.width() + (extra if item in growing else 0)
                if move:  # centred on the line: a label beside a taller button stands level with its text
                    item.setGeometry(
                        QRect(QPoint(x, y + (height - hint.height()) // 2), QSize(width, hint.height()))
                    )
                x += width + self._spacing
            if not (shared and last):
                y += height + self._spacing
        line = right_height if right_group else 0
        if shared:
            line = max(line, max(i.sizeHint().height() for i in lines[-1]))
        if right_group:
            x = max(rect.x(), rect.right() + 1 - need)
            for item in right_group:
                hint = item.sizeHint()
                if move:
                    item.setGeometry(QRect(QPoint(x, y + (line - hint.height()) // 2), hint))
                x += hint.width() + self._spacing
        elif lines:
            y -= self._spacing
        return y + line - rect.y()


def pair(label: QWidget, field: QWidget) -> QWidget:
    """A label and its field as one item of a ``FlowLayout``: a wrapped row never parts them. The pair takes
    its line's free width only if the field expands horizontally (a line edit), as in a ``QHBoxLayout``."""
    if isinstance(label, QLabel) and label.buddy() is None:
        label.setBuddy(field)  # its Alt+letter goes to the field
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(label)
    row.addWidget(field)  # grows only if the field itself expands (a search line), not a combo box
    return holder

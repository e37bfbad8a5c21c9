"""Every window fits the screen's work area: sized from ``QScreen.availableGeometry()``, never from the screen.

Why one place: an office PC is often 1366×768 with a 40 px Windows taskbar, so the work area is 1366×728 and a
window's title bar takes another ~31 px of it. A window sized for the whole screen puts its last row (the
status bar, a dialog's *Simpan / Batal*, the preview's *Cetak / Simpan PDF / Tutup*) under the taskbar. At
150 % scaling the same PC offers even less. So no window picks its own size: each asks ``fit`` for at most its
preferred size, and an application-wide filter (``ScreenFit``, installed at start-up) caps every other
top-level window (message boxes, Qt's file dialogs, the lock screen) to the work area as it is shown and moves
it back inside if it would open off screen.

The main window's size and maximised state are a matter of the PC, not of the office: they are kept in the
same per-PC ``preferences.json`` as the language (ui/kit/i18n.py), under ``window.<name>``, and restored with
``QWidget.restoreGeometry`` (which moves a window saved on a screen that is gone back onto one that exists).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6 import QtCore
from PySide6.QtCore import QByteArray, QEvent, QMargins, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen, QShowEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

#: The frame a window manager adds around a window before it has reported its own: a title bar on top and thin
#: borders (Windows 10/11 draw a 31 px title bar at 100 %; openbox and GNOME are similar).
FRAME = QMargins(4, 32, 4, 4)
PREFERENCES_FILE = "preferences.json"  # shared with ui/kit/i18n.py: the per-PC preferences


def screen_of(widget: QWidget) -> QScreen:
    """The screen ``widget`` is (or will be) shown on: its own, its parent window's, else the primary one."""
    parent = widget.parentWidget()
    for candidate in (widget, parent.window() if parent is not None else None):
        if candidate is not None:
            handle = candidate.windowHandle()
            if handle is not None and handle.screen() is not None:
                return handle.screen()
            if candidate.isVisible():
                return candidate.screen()
    return QGuiApplication.primaryScreen()


def frame_margins(widget: QWidget) -> QMargins:
    """The frame the window manager draws around ``widget``'s window: its real one once shown, else ``FRAME``."""
    window = widget.window()
    frame, inner = window.frameGeometry(), window.geometry()
    if window.isVisible() and frame != inner:
        return QMargins(
            inner.left() - frame.left(),
            inner.top() - frame.top(),
            frame.right() - inner.right(),
            frame.bottom() - inner.bottom(),
        )
    return FRAME


def work_area(widget: QWidget) -> QRect:
    """The room for ``widget``'s contents: the screen's available geometry less the window frame."""
    return screen_of(widget).availableGeometry().marginsRemoved(frame_margins(widget))


def largest(widget: QWidget) -> QSize:
    """The largest client size a window may take on its screen."""
    return work_area(widget).size()


def fit(widget: QWidget, preferred: QSize | None = None, *, centre: bool = True) -> QSize:
    """Size the window ``widget`` to ``preferred`` (its current size if ``None``), capped to the work area, its
    minimum size capped too (a minimum larger than the screen would push its buttons off it); then, with
    ``centre``, centre it on its parent window or the work area, and keep it inside. Returns the size chosen."""
    room = work_area(widget)
    wanted = preferred if preferred is not None else widget.size()
    minimum = widget.minimumSize()
    if minimum.width() > room.width() or minimum.height() > room.height():
        widget.setMinimumSize(minimum.boundedTo(room.size()))
    size = wanted.boundedTo(room.size()).expandedTo(widget.minimumSize().boundedTo(room.size()))
    widget.resize(size)
    if centre:
        parent = widget.parentWidget()
        anchor = parent.window().frameGeometry() if parent is not None and parent.isVisible() else room
        outer = size.grownBy(frame_margins(widget))
        widget.move(anchor.center() - QPoint(outer.width() // 2, outer.height() // 2))
    keep_inside(widget)
    return size


def keep_inside(widget: QWidget) -> None:
    """Move the window ``widget`` so that its whole frame (title bar included) lies in the work area.

    In frame coordinates, as ``QWidget.pos()`` and ``move()`` of a window are."""
    area = screen_of(widget).availableGeometry()
    frame = QRect(widget.pos(), widget.size().grownBy(frame_margins(widget)))
    x = max(area.left(), min(frame.left(), area.right() - frame.width() + 1))
    y = max(area.top(), min(frame.top(), area.bottom() - frame.height() + 1))
    if (x, y) != (frame.left(), frame.top()):
        widget.move(x, y)


def grow_to_contents(widget: QWidget | None) -> None:
    """Let the dialog holding ``widget`` grow (within the work area) to what its contents now need.

    Why: a window is laid out when shown; a wrapped message that appears later (a wrong password, an error
    under a field) needs more lines than were reserved, and Qt does not grow a window for the height such text
    needs at its width, so the message is cut. Main windows are left alone (their pages scroll)."""
    if widget is None or not widget.isVisible():
        return
    window = widget.window()
    layout = window.layout()
    if layout is None or window.isMaximized() or not isinstance(window, QDialog):
        return
    layout.activate()
    room = largest(window)
    # a dialog with a minimum width of its own (setMinimumWidth) opens at that width even where its fields need
    # more (Qt then ignores the layout's minimum); it is widened to what they need, within the work area
    width = max(window.width(), min(layout.totalMinimumSize().width(), room.width()))
    need = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
    need = max(need, layout.totalMinimumSize().height())
    if need > window.height() or width > window.width():
        window.resize(width, min(max(need, window.height()), room.height()))
        keep_inside(window)


def fits(widget: QWidget) -> bool:
    """Whether the window ``widget`` can be fully seen: its client area lies inside its screen's work area."""
    if widget.isMaximized() or widget.isFullScreen():
        return True
    inner = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
    return work_area(widget).contains(inner)


class ScreenFit(QObject):
    """Application event filter: every top-level window is capped to its work area as it is first shown.

    Windows that chose a size with ``fit`` are already inside and are left alone; the filter catches the rest
    (message boxes, Qt's file dialogs, dialogs grown by their contents)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # The class first (only a Show event is a QShowEvent): this filter sees every event of the application,
        # and asking an event its type costs PySide an enum conversion each time.
        if not (isinstance(event, QShowEvent) and isinstance(watched, QWidget) and watched.isWindow()):
            return False
        # A dialog is a window of type Dialog (the desk gives none another type): asked first, because asking a
        # widget its type builds PySide's ``Qt`` namespace (≈ 14 ms), which the first window, a dialog, does
        # without (tests/gui/shell/test_first_window.py).
        if (isinstance(watched, QDialog) or _plain_window(watched)) and not (
            watched.isMaximized() or watched.isFullScreen()
        ):
            room = work_area(watched)
            if watched.width() > room.width() or watched.height() > room.height():
                fit(watched)
            else:
                grow_to_contents(watched)  # wrapped text and wrapping rows get the lines they need
                keep_inside(watched)
        return False


def _plain_window(widget: QWidget) -> bool:
    """A top-level of type Window or Dialog: not a pop-up, tool tip or tool window, which are left alone."""
    return widget.windowType() in (QtCore.Qt.WindowType.Window, QtCore.Qt.WindowType.Dialog)


_filter: ScreenFit | None = None


def install(app: QApplication) -> None:
    """Cap every window of ``app`` to the work area as it is shown (once per application)."""
    global _filter
    if _filter is None:
        _filter = ScreenFit(app)
        app.installEventFilter(_filter)


# --- the main window's size and state, per PC ----------------------------------------------------------------


def _read(data_dir: Path) -> dict[str, Any]:
    try:
        data = json.loads((data_dir / PREFERENCES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def restore(window: QWidget, data_dir: Path, name: str, preferred: QSize) -> None:
    """Give ``window`` the size and state it had when last closed on this PC; the first time, ``preferred``
    if the work area has room for it, else maximised. Call before ``show()``."""
    saved = _read(data_dir).get("window", {}).get(name)
    if isinstance(saved, str) and window.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
        if not window.isMaximized():
            fit(window, centre=False)
        return
    room = largest(window)
    if preferred.width() > room.width() or preferred.height() > room.height():
        fit(window, preferred)
        window.setWindowState(window.windowState() | QtCore.Qt.WindowState.WindowMaximized)
    else:
        fit(window, preferred)


def remember(window: QWidget, data_dir: Path, name: str) -> None:
    """Keep ``window``'s size, place and maximised state in this PC's preferences (other keys untouched)."""
    prefs = _read(data_dir)
    windows = prefs.get("window")
    windows = windows if isinstance(windows, dict) else {}
    windows[name] = bytes(window.saveGeometry().toBase64().data()).decode("ascii")
    prefs["window"] = windows
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        (data_dir / PREFERENCES_FILE).write_text(json.dumps(prefs, indent=2), encoding="utf-8")
    except OSError:
        pass  # a read-only profile: the window opens at its default size next time, nothing else is lost

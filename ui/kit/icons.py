"""Icons drawn from the Material Design Icons font (the maintained ``mdi6`` set that ships with qtawesome).

Why not ``qtawesome.icon``: importing qtawesome pulls in qtpy, whose PySide6 compatibility layer rebuilds
hundreds of Qt enums, and its first icon loads and checks all ten bundled fonts; together about a sixth of a
second before the first window can appear on an office PC. The desk needs one font and a few dozen glyphs, so
it registers that font file with Qt itself and paints glyphs with a small ``QIconEngine`` (sharp at any size and
at 150 % scaling). The font file and its charmap are read from the installed qtawesome package without
importing it.
"""

from __future__ import annotations

import importlib.util
import json
import threading
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QIconEngine, QPainter, QPixmap

PREFIX = "mdi6"
_FONT_GLOB = "materialdesignicons6-webfont-*.ttf"


class _Glyphs:
    """The registered font family and the name → character map, loaded once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.family = ""
        self.chars: dict[str, str] = {}
        self.loaded = False

    def load(self) -> None:
        with self._lock:
            if self.loaded:
                return
            self.loaded = True
            folder = _fonts_folder()
            fonts = sorted(folder.glob(_FONT_GLOB)) if folder else []
            if not fonts:
                return
            ttf = fonts[-1]
            charmap = ttf.with_name(ttf.name.replace("-webfont-", "-webfont-charmap-")).with_suffix(".json")
            font_id = QFontDatabase.addApplicationFont(str(ttf))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if not families or not charmap.exists():
                return
            codes = json.loads(charmap.read_text(encoding="utf-8"))
            self.chars = {name: chr(int(code, 16)) for name, code in codes.items()}
            self.family = families[0]


_GLYPHS = _Glyphs()


def _fonts_folder() -> Path | None:
    spec = importlib.util.find_spec("qtawesome")
    locations = list(spec.submodule_search_locations or []) if spec else []
    return Path(locations[0]) / "fonts" if locations else None


class GlyphIconEngine(QIconEngine):
    """Paints one glyph of the icon font in one colour; disabled icons are drawn lighter."""

    def __init__(self, family: str, char: str, color: QColor) -> None:
        super().__init__()
        self.family, self.char, self.color = family, char, QColor(color)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        color = QColor(self.color)
        if mode == QIcon.Mode.Disabled:
            color.setAlphaF(0.4)
        font = QFont(self.family)
        font.setPixelSize(max(1, round(min(rect.width(), rect.height()) * 0.9)))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.char)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return GlyphIconEngine(self.family, self.char, self.color)


def glyph_icon(name: str, color: str) -> QIcon:
    """``name`` is ``"mdi6.<glyph>"``; a null icon when the font or the glyph is unknown."""
    _GLYPHS.load()
    prefix, _, glyph = name.partition(".")
    char = _GLYPHS.chars.get(glyph) if prefix == PREFIX else None
    if not char or not _GLYPHS.family:
        return QIcon()
    return QIcon(GlyphIconEngine(_GLYPHS.family, char, QColor(color)))

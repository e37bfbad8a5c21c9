"""Marks Indonesian source strings kept outside ``ui/`` for Qt's translation tools.

Why: a label the core declares once (a field's row in a pane, a deadline's name) is shown by the UI in the
viewer's language. ``pyside6-lupdate`` finds the strings by this call (``tools/i18n.py`` feeds it the modules that
use it) and the UI translates them under the same context; the core itself always speaks Indonesian.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for translation under ``context`` and returns it unchanged."""
    return text

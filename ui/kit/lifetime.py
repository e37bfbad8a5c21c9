"""Who ends a window's life: Qt, from its event loop, never a Python reference dropped at the wrong moment.

Why: PySide6 deletes a parentless widget made in Python the moment its last Python reference goes. When that
happens inside one of the widget's own signals or overrides (``finished``, ``accepted``, ``rejected``,
``validateCurrentPage``, a button's ``clicked``, ``closeEvent`` …), the C++ object is freed while Qt is still
running its code: the first-run wizard's "Selesai" ended in a segmentation fault inside ``QDialog::done()``
because the session let go of the wizard from the wizard's own ``completed`` signal. A window opened and
then forgotten (a message box whose opener returns) vanishes the same way before anyone sees it.

So every window that is on its own (no parent to own it) and closes itself is handed to ``keep``: it is
deleted on close (``WA_DeleteOnClose``, i.e. ``deleteLater``, which Qt runs from the event loop once it has
left the widget's functions) and referenced here until then. Holders such as ``DeskApp.dialog`` may then
drop their reference whenever they like. A widget with a parent is owned by that parent and needs none of it.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6 import QtCore
from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)

_kept: dict[int, QWidget] = {}


def keep(widget: W) -> W:
    """Keep ``widget`` alive until Qt destroys it, and have Qt destroy it once it is closed."""
    widget.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    key = id(widget)
    if key not in _kept:
        _kept[key] = widget
        # The slot knows only the key: a reference to the widget here would keep it alive for ever.
        widget.destroyed.connect(lambda _obj=None, key=key: _kept.pop(key, None))
    return widget


def kept() -> list[QWidget]:
    """The windows held now (tests check that closed ones are let go)."""
    return list(_kept.values())

"""The column headers of a listing's table in the viewer's language: the fields ``screen_columns`` puts on
screen, their headers translated under the listing's context (``SCREEN_CONTEXTS``).

Shared by the register screen and the keberatan list, so both tables take their columns from the field table
the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.record_fields import SCREEN_CONTEXTS, Pane, screen_columns


def screen_headers(listing: Pane) -> dict[str, str]:
    """Header per column key, in the listing's column order."""
    context = SCREEN_CONTEXTS[listing]
    return {
        key: QCoreApplication.translate(context, spec.screen.header)
        for key, spec in screen_columns(listing).items()
        if spec.screen is not None
    }

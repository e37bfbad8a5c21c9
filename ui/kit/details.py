"""A record's detail rows in the viewer's language: the sections ``app/services/record_details.py`` builds
from the field tables, with their titles and labels translated under the pane's context (``DETAIL_CONTEXTS``).

Shared by the request page and the keberatan page, so both panes read their labels from the field table the
same way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.record_details import Section
from app.services.record_fields import DETAIL_CONTEXTS, Pane
from ui.kit.terms import term

Rows = list[tuple[str, str]]


def translated(pane: Pane, found: list[Section]) -> list[tuple[str, Rows]]:
    """(title, [(label, text)]) per section, translated."""
    context = DETAIL_CONTEXTS[pane]
    return [
        (
            QCoreApplication.translate(context, section.title),
            [(QCoreApplication.translate(context, row.label), term(row.text)) for row in section.rows],
        )
        for section in found
    ]

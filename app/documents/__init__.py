"""PDF documents rendered from frozen snapshots (see ``snapshot.py``) with wording from templates.

The names below are loaded on first use (PEP 562): ``from app.documents import DOCUMENT_TITLES`` or
``app.documents.snapshot`` stay cheap, and reportlab is imported only when something is rendered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.documents.kinds import DOCUMENT_KINDS, DOCUMENT_TITLES, LETTER_KINDS, PAPERS

if TYPE_CHECKING:
    from app.documents.rendering import pdf_sha256, render, render_stored
    from app.documents.templates import Template, load_template

_LAZY = {
    "render": "app.documents.rendering",
    "render_stored": "app.documents.rendering",
    "pdf_sha256": "app.documents.rendering",
    "Template": "app.documents.templates",
    "load_template": "app.documents.templates",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'app.documents' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


__all__ = [
    "DOCUMENT_KINDS",
    "DOCUMENT_TITLES",
    "LETTER_KINDS",
    "PAPERS",
    "Template",
    "load_template",
    "pdf_sha256",
    "render",
    "render_stored",
]

"""PDF documents rendered from frozen snapshots (see ``snapshot.py``) with wording from templates."""

from app.documents.render import DOCUMENT_KINDS, DOCUMENT_TITLES, pdf_sha256, render, render_stored
from app.documents.templates import Template, load_template

__all__ = [
    "DOCUMENT_KINDS",
    "DOCUMENT_TITLES",
    "Template",
    "load_template",
    "pdf_sha256",
    "render",
    "render_stored",
]

"""One entry point: ``render(snapshot, paper)`` → PDF bytes, dispatching on the snapshot's kind."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from typing import Any

from app.documents.base import paused_gc
from app.documents.dossier import render_dossier
from app.documents.extension import render_extension
from app.documents.form import render_form
from app.documents.forward import render_forward
from app.documents.handover import render_handover
from app.documents.incomplete import render_incomplete
from app.documents.kinds import DOCUMENT_KINDS, DOCUMENT_TITLES
from app.documents.notice import render_notice
from app.documents.objection import render_objection
from app.documents.receipt import render_receipt
from app.documents.register import render_register
from app.documents.rejection import render_rejection
from app.documents.snapshot import RegisterSnapshot, Snapshot

# kind -> renderer; every renderer takes (snapshot, paper) except the register (paper in the snapshot). Imported
# statically (not via importlib) so that frozen builds (PyInstaller) see every renderer module.
_RENDERERS: dict[str, Callable[..., bytes]] = {
    "receipt": render_receipt,
    "form": render_form,
    "incomplete": render_incomplete,
    "notice": render_notice,
    "extension": render_extension,
    "rejection": render_rejection,
    "forward": render_forward,
    "handover": render_handover,
    "objection": render_objection,
    "register": render_register,
    "dossier": render_dossier,
}


def _renderer(kind: str) -> Callable[..., bytes]:
    try:
        return _RENDERERS[kind]
    except KeyError:
        raise ValueError(f"jenis dokumen tidak dikenal: {kind}") from None


def render(snapshot: Snapshot, paper: str | None = None) -> bytes:
    """PDF bytes for ``snapshot``. ``paper``: A4 (default), F4 or A5; the receipt also takes "thermal80"."""
    fn = _renderer(snapshot.KIND)
    with paused_gc():
        if isinstance(snapshot, RegisterSnapshot):
            return fn(snapshot)
        return fn(snapshot, paper or "A4")


def render_stored(payload: Mapping[str, Any], paper: str | None = None) -> bytes:
    """Reprint from a stored ``Snapshot.to_dict()`` payload."""
    return render(Snapshot.from_dict(payload), paper)


def pdf_sha256(pdf: bytes) -> str:
    """Fingerprint stored with an issued letter, so a reprint can be shown to be the same document."""
    return hashlib.sha256(pdf).hexdigest()


__all__ = ["DOCUMENT_KINDS", "DOCUMENT_TITLES", "pdf_sha256", "render", "render_stored"]

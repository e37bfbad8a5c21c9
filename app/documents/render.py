"""One entry point: ``render(snapshot, paper)`` → PDF bytes, dispatching on the snapshot's kind.

Renderer modules are imported lazily, so importing ``app.documents`` stays cheap for the CLI and the UI start.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable, Mapping
from typing import Any

from app.documents.base import paused_gc
from app.documents.snapshot import RegisterSnapshot, Snapshot

# kind -> (module, function); every renderer takes (snapshot, paper) except the register (paper in snapshot).
_RENDERERS: dict[str, tuple[str, str]] = {
    "receipt": ("app.documents.receipt", "render_receipt"),
    "form": ("app.documents.form", "render_form"),
    "incomplete": ("app.documents.incomplete", "render_incomplete"),
    "notice": ("app.documents.notice", "render_notice"),
    "extension": ("app.documents.extension", "render_extension"),
    "rejection": ("app.documents.rejection", "render_rejection"),
    "forward": ("app.documents.forward", "render_forward"),
    "handover": ("app.documents.handover", "render_handover"),
    "objection": ("app.documents.objection", "render_objection"),
    "register": ("app.documents.register", "render_register"),
    "dossier": ("app.documents.dossier", "render_dossier"),
}

DOCUMENT_KINDS: tuple[str, ...] = tuple(_RENDERERS)

# Indonesian titles for lists, timelines and the CLI.
DOCUMENT_TITLES: dict[str, str] = {
    "receipt": "Tanda Bukti Penerimaan Permohonan",
    "form": "Formulir Permohonan Informasi Publik",
    "incomplete": "Surat Keterangan Permohonan Tidak Lengkap",
    "notice": "Pemberitahuan Tertulis",
    "extension": "Pemberitahuan Perpanjangan Waktu",
    "rejection": "Surat Keputusan PPID tentang Penolakan",
    "forward": "Pemberitahuan Informasi Tidak Dikuasai",
    "handover": "Berita Acara Penyerahan Informasi",
    "objection": "Formulir dan Tanda Bukti Keberatan",
    "register": "Register Permohonan / Keberatan",
    "dossier": "Berkas Permohonan",
}


def _renderer(kind: str) -> Callable[..., bytes]:
    try:
        module, name = _RENDERERS[kind]
    except KeyError:
        raise ValueError(f"jenis dokumen tidak dikenal: {kind}") from None
    fn: Callable[..., bytes] = getattr(importlib.import_module(module), name)
    return fn


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

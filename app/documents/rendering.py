"""One entry point: ``render(snapshot, paper)`` → PDF bytes, dispatching on the snapshot's kind."""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from app.documents.base import paused_gc, register_fonts
from app.documents.kinds import DOCUMENT_KINDS, DOCUMENT_TITLES, kind_of
from app.documents.snapshot import Snapshot


@cache
def renderer(kind: str) -> Callable[..., bytes]:
    """The renderer the registry names for ``kind`` (``app/documents/kinds.py``), imported on first use.

    Every renderer takes (snapshot, paper) except a period's documents (the register, the report), whose
    paper is fixed or in the snapshot. A frozen build
    must bundle the ``app.documents`` submodules, since they are found by name."""
    module, function = kind_of(kind).renderer.split(":")
    fn: Callable[..., bytes] = getattr(importlib.import_module(f"app.documents.{module}"), function)
    return fn


def prepare(kind: str) -> None:
    """Load ``kind``'s renderer and register the fonts before the first render, so that a command can load them
    as part of its start-up (``app.cli.collector.loading``); the first render would do it otherwise."""
    renderer(kind)
    register_fonts()


def render(snapshot: Snapshot, paper: str | None = None) -> bytes:
    """PDF bytes for ``snapshot``. ``paper``: A4 (default), F4 or A5; the receipt also takes "thermal80"."""
    fn = renderer(snapshot.KIND)
    with paused_gc():
        if kind_of(snapshot.KIND).record == "period":  # a period's document carries its own paper
            return fn(snapshot)
        return fn(snapshot, paper or "A4")


def render_stored(payload: Mapping[str, Any], paper: str | None = None) -> bytes:
    """Reprint from a stored ``Snapshot.to_dict()`` payload."""
    return render(Snapshot.from_dict(payload), paper)


def pdf_sha256(pdf: bytes) -> str:
    """Fingerprint stored with an issued letter, so a reprint can be shown to be the same document."""
    return hashlib.sha256(pdf).hexdigest()


__all__ = ["DOCUMENT_KINDS", "DOCUMENT_TITLES", "pdf_sha256", "prepare", "render", "render_stored"]

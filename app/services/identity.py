"""The requester as recorded: each request keeps the identity given at its intake.

Why: a register line, a receipt or a rejection letter is evidence of what the office was told on that day. A
returning requester (matched by NIK, or a badan hukum by its SK number) who gives another name, address or
phone updates the requester's current record, but must not rewrite what earlier requests said (a Komisi
Informasi reads the register as it was). So the identity is copied onto the request row
(``requests.requester_recorded``) at intake, travels with it to the city server and other desks, and every
reader (register, letters, exports, views) shows it through ``as_recorded``.

A NIK match under another name is asked, never decided silently (``check_identity``): the same person whose
name is now corrected, or a typing error in the NIK. The answer is written on the request's timeline.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from app.domain.requester import RECORDED_FIELDS, CleanRequester, recorded_fields
from app.domain.search import search_text
from app.errors import IdentityQuestion
from db.models import Request, Requester

__all__ = [
    "RECORDED_FIELDS",
    "recorded_fields",
    "IdentityAnswer",
    "as_recorded",
    "check_identity",
    "search_text",
]


#: Recorded fields an intake may leave empty; stored only when given (``recorded_identity``).
OPTIONAL_RECORDED = frozenset({"legal_number", "address", "phone", "email", "occupation"})


class IdentityAnswer(StrEnum):
    """The officer's answer to ``IdentityQuestion`` (``ASK``: not asked yet)."""

    ASK = "ask"
    SAME_PERSON = "same_person"  # the same person; the name typed today is the corrected one
    NIK_CORRECTED = "nik_corrected"  # the NIK was mistyped and the officer retyped it


def recorded_identity(requester: Requester) -> dict[str, Any]:
    """What a new request records of its requester (after today's intake was merged into it). An empty field
    of ``OPTIONAL_RECORDED`` is left out (``as_recorded`` reads it as empty): a register keeps this for every
    request, and most requesters have no legal number or e-mail."""
    return {
        f: value
        for f in RECORDED_FIELDS
        if (value := getattr(requester, f)) is not None or f not in OPTIONAL_RECORDED
    }


def as_recorded(request: Request, requester: Requester) -> Requester:
    """The requester as ``request`` recorded them: a transient copy (never added to a session) of the current
    row with that day's fields. A request synced from a desk that did not record them yet shows the current
    row."""
    stored = request.requester_recorded
    recorded = recorded_fields(stored)
    if not recorded:
        return requester
    copy = Requester(**{c.name: getattr(requester, c.name) for c in Requester.__table__.columns})
    for name in RECORDED_FIELDS:
        if name in recorded:
            setattr(copy, name, recorded[name])
        elif name in OPTIONAL_RECORDED and isinstance(stored, dict) and name not in stored:
            setattr(copy, name, None)  # left out when recorded: it was empty that day
        # present but not text (a malformed pulled value): the current row's field stays
    return copy


def recorded_name(request: Request, requester: Requester) -> str:
    return recorded_fields(request.requester_recorded).get("name") or requester.name


def same_name(a: str, b: str) -> bool:
    """Names that differ only in letter case or spacing are the same name."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def check_identity(
    existing: Requester | None, clean: CleanRequester, answer: IdentityAnswer
) -> dict[str, Any] | None:
    """Raise ``IdentityQuestion`` when the typed NIK (or SK number) belongs to a requester registered under
    another name and the officer has not said it is the same person; else the answer to put on the timeline
    (None when nothing was asked)."""
    key_label = "NIK" if clean.nik else "Nomor SK pengesahan"
    if existing is not None and not same_name(existing.name, clean.name):
        if answer is not IdentityAnswer.SAME_PERSON:
            raise IdentityQuestion(key_label, existing.name, clean.name)
        return {
            "answer": answer.value,
            "summary": f"{key_label} terdaftar atas nama {existing.name}; petugas menyatakan orang yang sama, "
            f"nama diperbaiki menjadi {clean.name}",
            "previous_name": existing.name,
        }
    if answer is IdentityAnswer.NIK_CORRECTED:
        return {"answer": answer.value, "summary": f"{key_label} diperbaiki petugas karena salah ketik"}
    return None

"""How an issued letter leaves the desk: the outbox op written in the issuing transaction.

Why a separate copy of the snapshot: a letter issued by a user allowed to see personal data is printed with the
requester's full NIK (the person at the desk gets the letter as handed out), and the NIK never leaves the desk.
The op therefore carries the *synced copy*: the stored snapshot with every occurrence of the full NIK replaced
by its masked form, and the SHA-256 of the PDF rendered from that copy, so every other desk stores exactly what
it received and reprints it byte-identically. The issuing desk keeps its original (full NIK, its own SHA-256);
the original's hash is not sent either, because a fingerprint of a document holding the NIK can be matched by
trying NIKs. When nothing had to be masked the copy is the original and both hashes are the same.

Wire record (``payload.state``; see docs/sync-protocol.md "Issued letters"): ``id``, ``kind``, ``number``,
``issued_at``, ``issued_by``, ``request_id``, ``request_number``, ``objection_id``, ``objection_number``,
``office_code`` (the office holding the letter: the server's scope), ``issuer_office`` and ``desk_letter`` (the
desk that numbered it), ``counter`` and ``seq`` (its yearly letter counter, for numbered kinds), ``snapshot``,
``sha256`` and ``masked`` (true when the issuing desk's original shows the full NIK).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from app.domain.identity import mask_nik
from app.services.journal import enqueue
from app.services.letter_pii import unseal
from app.services.pii import PiiVault
from app.services.sync_state import jsonable
from app.services.views import EventView
from app.sync.state import enrollment
from db.models import Event, IssuedLetter, Objection, Office, Request, Requester

LETTER_ENTITY = "letter"
ISSUE_ACTION = "issue"
_MASK_CHAR = "•"


def synced_snapshot(
    snapshot: dict[str, Any], requester: Requester, vault: PiiVault
) -> tuple[dict[str, Any], bool]:
    """The stored snapshot as it may leave the desk, and whether anything had to be masked.

    Every occurrence of the requester's full NIK (in any text of the snapshot, not only the requester's NIK
    field) becomes the masked form the register shows; a NIK-like requester field (16 digits, unmasked) is
    masked as well even if it is not this requester's current NIK."""
    text = json.dumps(snapshot, ensure_ascii=False)
    full = vault.decrypt(requester.nik_encrypted) if requester.nik_encrypted else ""
    if full and full in text:
        text = text.replace(full, mask_nik(full))
    out: dict[str, Any] = json.loads(text)
    who = (out.get("data") or {}).get("requester")
    if isinstance(who, dict):
        nik = str(who.get("nik") or "")
        if len(nik) == 16 and nik.isdigit() and nik != (requester.legal_number or ""):
            who["nik"] = mask_nik(nik)
    return out, out != snapshot


#: The kinds whose PDF prints the requester's NIK field (``label_nik``); tests/unit/services/test_letter_sync_print.py
#: renders every kind to keep this true.
PRINTS_NIK = frozenset({"form", "dossier"})


def prints_alike(kind: str, original: dict[str, Any], synced: dict[str, Any]) -> bool:
    """True when the synced copy renders to exactly the original's PDF, known without rendering it: the two
    differ only in the requester's NIK field, and ``kind`` does not print that field (a receipt holds the NIK but
    does not print it). Why: rendering the copy a second time only to hash it cost every issued receipt a second
    layout of the whole document. When the NIK also occurs in printed text, the copy is rendered and hashed."""
    if kind in PRINTS_NIK:
        return False
    patched = json.loads(json.dumps(synced))
    try:
        patched["data"]["requester"]["nik"] = original["data"]["requester"]["nik"]
    except (KeyError, TypeError):
        return False
    return bool(patched == original)


def letter_offices(session: Session, request: Request, office: Office) -> tuple[str, str]:
    """(holder, issuer). The holder is the office that holds the letter on the server: the request's office
    when a city desk issues it (the city may create records for any office), otherwise always this desk's own
    office (an office desk may only create records there, even for a request the city has meanwhile routed
    elsewhere). The issuer is this desk's office as enrolled (with ``desk_letter``: whose counter numbered it)."""
    enr = enrollment(session) or {}
    own = str(enr.get("office_code") or office.code)
    return (request.office_code if enr.get("is_city") else own), own


def enqueue_letter(
    session: Session,
    vault: PiiVault,
    now: datetime,
    *,
    row: IssuedLetter,
    event: Event,
    request: Request,
    objection: Objection | None,
    office: Office,
    counter: tuple[str, int] | None,
    fingerprint: Callable[[dict[str, Any]], str],
) -> None:
    """Queue the ``letter`` op (action ``issue``, a creation) with its timeline line, in the caller's
    transaction. ``fingerprint(snapshot)`` renders a stored snapshot and returns its PDF's SHA-256; it is only
    called when the synced copy differs from the original."""
    requester = session.get(Requester, request.requester_id)
    assert requester is not None
    original = unseal(dict(row.snapshot), vault, full=True)
    snapshot, masked = synced_snapshot(original, requester, vault)
    same = not masked or prints_alike(row.kind, original, snapshot)
    sha256 = row.sha256 if same else fingerprint(snapshot)
    holder, issuer = letter_offices(session, request, office)
    state = {
        "id": row.id,
        "kind": row.kind,
        "number": row.number,
        "issued_at": row.issued_at,
        "issued_by": row.issued_by,
        "request_id": row.request_id,
        "request_number": request.number,
        "objection_id": row.objection_id,
        "objection_number": objection.number if objection else None,
        "office_code": holder,
        "issuer_office": issuer,
        "desk_letter": office.desk_letter,
        "counter": counter[0] if counter else None,
        "seq": counter[1] if counter else None,
        "snapshot": snapshot,
        "sha256": sha256,
        "masked": masked,
    }
    line = EventView.of(event).to_dict()
    line["data"] = {**line["data"], "sha256": sha256, "masked": masked}
    line.update(request_id=row.request_id, objection_id=row.objection_id)
    enqueue(
        session,
        now,
        entity=LETTER_ENTITY,
        entity_id=row.id,
        action=ISSUE_ACTION,
        payload={"state": jsonable(state), "event": line},
        base_version=0,
    )

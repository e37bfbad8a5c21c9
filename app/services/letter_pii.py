"""Personal data inside an issued letter's stored snapshot: sealed at rest, shown per the reader's role.

Why: ``issued_letters.snapshot`` is append-only and copied into every backup, so a full NIK written there in the
clear stays readable in every copy of the register for ever. The letter is printed from the full snapshot at
issue (the person at the desk gets the letter as handed out); what is *stored* is the snapshot with the
requester's personal fields (NIK, phone, address, e-mail and the representative's address and phone) replaced
by their masked forms, every other occurrence of the full NIK in the snapshot's text masked too, and the
original values under ``"pii"``, encrypted with the register's PII key (``app/services/pii.py``, the same
Fernet key that encrypts the NIKs of the register). Reading it back:

* a reader allowed to see personal data (supervisor, admin) gets the full snapshot back, byte for byte as
  issued (so the reprint's PDF matches the stored SHA-256); the caller audits that view;
* anyone else (petugas) gets NIK, phone and e-mail masked, the address in full: the same fields the register
  masks for that role (``record_fields.MASKED_ROLES``).

Snapshots stored before this (plaintext) are sealed by ``seal_stored_letters`` once, at the first start of the
service with the key (recorded in ``settings``), because a migration runs without the key.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.domain.identity import mask_email, mask_nik, mask_phone
from app.services.pii import PiiVault
from db.models import IssuedLetter, Setting

PII_KEY = "pii"
#: requester fields of a snapshot that are personal data, and how each is masked for a reader without the right
_MASKS: dict[str, Callable[[str], str]] = {
    "nik": mask_nik,
    "phone": mask_phone,
    "email": mask_email,
    "proxy_phone": mask_phone,
    "address": lambda value: "•" * min(len(value), 12),
    "proxy_address": lambda value: "•" * min(len(value), 12),
}
#: what a reader without ``VIEW_PERSONAL_DATA`` still reads in full (the register shows them the address)
_OPEN_TO_ALL = ("address", "proxy_address")
SEALED_SETTING = "letters_pii_sealed"


def _requester(snapshot: dict[str, Any]) -> dict[str, Any] | None:
    who = (snapshot.get("data") or {}).get("requester")
    return who if isinstance(who, dict) else None


def _mask(name: str, value: str) -> str:
    try:
        return _MASKS[name](value)
    except Exception:  # a value that is no phone number after all: hide it whole  # noqa: BLE001
        return "•" * min(len(value), 12)


def seal(snapshot: dict[str, Any], vault: PiiVault) -> dict[str, Any]:
    """The snapshot as stored: personal fields masked, their originals encrypted under ``"pii"``."""
    out = json.loads(json.dumps(snapshot, ensure_ascii=False))
    who = _requester(out)
    if who is None or PII_KEY in out:
        return out
    originals = {name: str(who[name]) for name in _MASKS if who.get(name)}
    if not (originals.get("nik", "").isdigit() and len(originals.get("nik", "")) == 16):
        originals.pop("nik", None)  # a legal entity's SK number, or a NIK already masked: nothing to hide
    if not originals:
        return out
    masked = {name: _mask(name, value) for name, value in originals.items()}
    nik = originals.get("nik", "")
    if len(nik) >= 8:  # the NIK wherever else the snapshot quotes it
        out = json.loads(json.dumps(out, ensure_ascii=False).replace(nik, masked["nik"]))
        who = _requester(out)
        assert who is not None
    who.update(masked)
    out[PII_KEY] = vault.encrypt(json.dumps({"fields": originals, "masked": masked}, ensure_ascii=False))
    return out


def unseal(stored: dict[str, Any], vault: PiiVault, *, full: bool) -> dict[str, Any]:
    """The snapshot to render: the original (``full``) or the one for a reader who sees masked data. Always
    without the ``"pii"`` key."""
    out = dict(stored)
    token = out.pop(PII_KEY, None)
    if not token:
        return out
    sealed = json.loads(vault.decrypt(str(token)))
    originals, masked = dict(sealed["fields"]), dict(sealed["masked"])
    shown = originals if full else {k: v for k, v in originals.items() if k in _OPEN_TO_ALL}
    if full and "nik" in originals and masked.get("nik"):
        out = json.loads(json.dumps(out, ensure_ascii=False).replace(masked["nik"], originals["nik"]))
    else:
        out = json.loads(json.dumps(out, ensure_ascii=False))
    who = _requester(out)
    if who is not None:
        who.update(shown)
    return out


def seal_stored_letters(session: Session, vault: PiiVault) -> int:
    """Seal the snapshots stored in the clear before letters were sealed (once per register; recorded in
    ``settings`` so later starts cost one read). ``issued_letters`` is append-only by trigger: the trigger is
    lifted for this one rewrite, inside the caller's transaction, and put back before it commits. Returns how
    many snapshots were sealed."""
    if session.get(Setting, SEALED_SETTING) is not None:
        return 0
    rows = session.execute(select(IssuedLetter.id, IssuedLetter.snapshot)).all()
    changed = [(rid, seal(dict(snap or {}), vault)) for rid, snap in rows]
    changed = [(rid, new) for (rid, new), (_, old) in zip(changed, rows, strict=True) if new != old]
    if changed:
        trigger = session.execute(
            text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'issued_letters_no_update'")
        ).scalar()
        # the plaintext must not linger in freed space of the file: overwrite it while rewriting
        session.execute(text("PRAGMA secure_delete = ON"))
        if trigger:
            session.execute(text("DROP TRIGGER issued_letters_no_update"))
        for rid, new in changed:
            session.execute(
                text("UPDATE issued_letters SET snapshot = :s WHERE id = :i"),
                {"s": json.dumps(new, ensure_ascii=False), "i": rid},
            )
        if trigger:
            session.execute(text(str(trigger)))
        session.execute(text("PRAGMA secure_delete = OFF"))
    session.add(Setting(key=SEALED_SETTING, value={"letters": len(changed)}))
    return len(changed)

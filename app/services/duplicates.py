"""A number shown is a number kept: a retried intake is caught before it issues a second number.

Why: an intake killed between its commit and the receipt (a crash, a power cut, a frozen printer) leaves a
person registered whose number was never shown; the officer types the form again and the register holds the
same request twice, with two legal deadlines. So, before a new number is issued, ``find_recent`` looks for a
request recorded in the last hour by the same person — the same NIK, matched through the lookup hash the
register uses for returning requesters (the NIK itself is never compared or stored in the clear), or the same
name and phone — asking for similar information. ``RegisterService.receive`` then raises
``PossibleDuplicate`` and the officer decides: continue (the new request's timeline and the audit log say that
the officer saw the earlier number) or stop and use the earlier number (``record_duplicate_declined``,
audited). The CLI refuses with exit 2 unless told ``--meski-duplikat``. Only the officer's intake asks
(``DuplicateCheck``): an import or the demo's seeding registers what it is given.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.domain.lifecycle import Status
from app.domain.requester import CleanRequester
from app.errors import PossibleDuplicate
from app.services.pii import PiiVault
from db.models import Request, Requester

#: How far back a retried intake is looked for (issue 13: "in the last hour").
WINDOW = timedelta(hours=1)
#: Two texts at least this alike (difflib's ratio on normalised words) ask for "similar information".
SIMILARITY = 0.75


class DuplicateCheck(StrEnum):
    """What ``receive`` does about an earlier similar request of the same person.

    The officer's intake (the workstation's dialog, ``request add``) asks (``ASK``) and, after the warning,
    continues with ``CONFIRMED`` (recorded); imports, seeding and tests of other rules register what they are
    given (``OFF``, the default of ``receive``: it runs no query and records nothing)."""

    ASK = "ask"
    CONFIRMED = "confirmed"
    OFF = "off"


@dataclass(frozen=True)
class EarlierRequest:
    """A request that the new intake may repeat: what the officer needs to recognise it."""

    number: str
    received_at: datetime
    information: str

    def describe(self) -> str:
        text = self.information if len(self.information) <= 60 else self.information[:59] + "…"
        return f"{self.number} (pukul {self.received_at:%H.%M}, “{text}”)"


def _words(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"\w+", folded))


def similar(a: str, b: str) -> bool:
    """Whether two information texts ask for the same thing, retyped: case, punctuation and spacing aside,
    one contains the other or they are at least ``SIMILARITY`` alike — and they name the same numbers (a
    year, a document number): "DPA 2024" after "DPA 2025" is another request, however alike the letters."""
    x, y = _words(a), _words(b)
    if not x or not y:
        return False
    if sorted(re.findall(r"\d+", x)) != sorted(re.findall(r"\d+", y)):
        return False
    if x in y or y in x:
        return True
    # Imported here: only an earlier request of the same person gets this far, so most intakes never load it.
    from difflib import SequenceMatcher

    return SequenceMatcher(None, x, y, autojunk=False).ratio() >= SIMILARITY


def _same_name(a: str, b: str) -> bool:
    return _words(a) == _words(b)


def check(
    session: Session,
    vault: PiiVault,
    who: CleanRequester,
    information: str,
    received_at: datetime,
    mode: DuplicateCheck,
) -> list[str]:
    """Apply ``mode``: raise ``PossibleDuplicate`` (``ASK``), or return the earlier numbers the officer chose
    to register beside (``CONFIRMED``, recorded by ``build_request``); ``OFF`` looks for nothing."""
    if mode == DuplicateCheck.OFF:
        return []
    earlier = find_recent(session, vault, who, information, received_at)
    if earlier and mode == DuplicateCheck.ASK:
        raise PossibleDuplicate([e.number for e in earlier], [e.describe() for e in earlier])
    return [e.number for e in earlier]


def find_recent(
    session: Session, vault: PiiVault, who: CleanRequester, information: str, received_at: datetime
) -> list[EarlierRequest]:
    """Requests received within ``WINDOW`` of ``received_at`` (the new intake's time: the person asked "in
    the last hour", however late the form is typed) by the same NIK (lookup hash) or the same name and phone,
    asking for information similar to ``information``; voided ones do not count. Oldest first."""
    conditions = []
    nik_hash = vault.lookup_hash(who.nik) if who.nik else None
    if nik_hash:
        conditions.append(Requester.nik_hash == nik_hash)
    if who.phone:
        conditions.append(Requester.phone == who.phone)
    if not conditions:
        return []
    rows = session.execute(
        select(Request, Requester)
        .join(Requester, Requester.id == Request.requester_id)
        .where(
            or_(*conditions),
            Request.received_at >= received_at - WINDOW,
            Request.received_at <= received_at + WINDOW,
            Request.status != Status.VOID.value,
        )
        .order_by(Request.received_at, Request.seq)
    ).all()
    found: list[EarlierRequest] = []
    for request, requester in rows:
        other_nik = nik_hash is not None and requester.nik_hash is not None and requester.nik_hash != nik_hash
        same_person = (nik_hash is not None and requester.nik_hash == nik_hash) or (
            # the same name and phone, unless two different NIKs say these are two people (a family's phone)
            who.phone is not None
            and requester.phone == who.phone
            and _same_name(requester.name, who.name)
            and not other_nik
        )
        if same_person and similar(request.information, information):
            found.append(EarlierRequest(request.number, request.received_at, request.information))
    return found

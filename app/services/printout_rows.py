"""Rows of the register printouts and the dossier snapshot, read from the register in the caller's session.

Split from ``letters.py``: these are printouts of the register as it is now (not issued letters), built with one
joined query per register so 10,000 rows cost one pass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.documents import snapshot as s
from app.documents.kinds import DOCUMENT_TITLES
from app.domain.deadlines import DEADLINE_LABELS, OBJECTION_DEADLINE_LABELS
from app.domain.formatting import format_datetime
from app.domain.identity import mask_email, mask_phone, printed_phone
from app.domain.lifecycle import (
    DECISION_LABELS,
    DISPUTE_OUTCOMES,
    OBJECTION_DECISIONS,
    STATUS_LABELS,
    Decision,
    Status,
)
from app.domain.permissions import Permission
from app.services.context import Actor, DeskContext
from app.services.identity import as_recorded
from app.services.letter_snapshots import (
    deadline,
    office_snapshot,
    ppid_signatory,
    request_snapshot,
    requester_snapshot,
)
from app.services.record_details import sections
from app.services.views import RequesterView, RequestView
from db.models import Event, IssuedLetter, Objection, Request, Requester, User


def contact_of(who: Requester, *, reveal: bool) -> str:
    """The requester's phone and e-mail as a printout shows them: in full only for a role that may see
    personal data, masked (like the screens) for the others."""
    parts: tuple[str | None, str | None]
    if reveal:
        parts = (printed_phone(who.phone), who.email)
    else:
        parts = (who.phone and mask_phone(who.phone), who.email and mask_email(who.email))
    return " / ".join(x for x in parts if x)


def request_rows(
    session: Session, lo: dt.datetime, hi: dt.datetime, *, reveal: bool = False
) -> list[s.RequestRow]:
    query = (
        select(Request, Requester)
        .join(Requester, Requester.id == Request.requester_id)
        .where(Request.received_at >= lo, Request.received_at < hi)
        .order_by(Request.received_at, Request.number)
    )
    rows: list[s.RequestRow] = []
    for req, current in session.execute(query):
        who = as_recorded(req, current)  # the identity the request recorded at intake
        decision = DECISION_LABELS.get(Decision(req.decision), "") if req.decision else ""
        reason = f"Pasal 17 huruf {req.rejection_article} UU KIP" if req.rejection_article else ""
        if req.decision == Decision.NOT_DOCUMENTED.value:
            reason = "Belum didokumentasikan"
        rows.append(
            s.RequestRow(
                number=req.number,
                received_on=req.received_at.date(),
                name=who.name,
                address=who.address or "",
                contact=contact_of(who, reveal=reveal),
                occupation=who.occupation or "",
                information=req.information,
                purpose=req.purpose,
                held=req.info_held,
                holder=req.holder_body or req.forwarded_to or "",
                softcopy=req.info_form == "softcopy",
                hardcopy=req.info_form == "hardcopy",
                wants_copy=None if not req.obtain_method else req.obtain_method != "melihat",
                decision=decision or ("Diteruskan" if req.forwarded_at else ""),
                rejection_reason=reason,
                notice_on=req.decided_at.date() if req.decided_at else None,
                delivered_on=req.delivered_at.date() if req.delivered_at else None,
                cost=None if not req.costs else _decimal(req.costs.get("total")),
                payment_method=req.payment_method or "",
                voided=req.status == Status.VOID.value,
            )
        )
    return rows


def _decimal(value: Any) -> Decimal:
    return Decimal(int(value or 0))


def objection_rows(
    session: Session, lo: dt.datetime, hi: dt.datetime, *, request_id: str | None = None, reveal: bool = False
) -> list[s.ObjectionRow]:
    query = (
        select(Objection, Request, Requester)
        .join(Request, Request.id == Objection.request_id)
        .join(Requester, Requester.id == Request.requester_id)
        .where(Objection.filed_at >= lo, Objection.filed_at < hi)
        .order_by(Objection.filed_at, Objection.number)
    )
    if request_id is not None:
        query = query.where(Objection.request_id == request_id)
    return [
        s.ObjectionRow(
            number=obj.number,
            received_on=obj.filed_at.date(),
            name=who.name,
            address=who.address or "",
            contact=contact_of(who, reveal=reveal),
            occupation=who.occupation or "",
            request_number=req.number,
            information=req.information,
            purpose=req.purpose,
            grounds=tuple(obj.grounds or ()),
            decision=OBJECTION_DECISIONS.get(obj.decision or "", obj.decision or ""),
            response_on=obj.decided_at.date() if obj.decided_at else None,
            atasan=", ".join(x for x in (obj.atasan_name, obj.atasan_position) if x),
            requester_response=obj.requester_response or "",
            remarks="Batal" if obj.voided_at else "",
            **_kuasa(obj.proxy or req.proxy, reveal=reveal),
        )
        for obj, req, current in session.execute(query)
        for who in (as_recorded(req, current),)  # the identity the request recorded at intake
    ]


def letter_date(row: IssuedLetter) -> dt.date:
    """The date the letter itself carries (its snapshot's), not the day it was printed or synced."""
    stored = ((row.snapshot or {}).get("data") or {}).get("letter") or {}
    try:
        return dt.date.fromisoformat(str(stored["date"]))
    except (KeyError, ValueError):
        return row.issued_at.date()


def _kuasa(proxy: Mapping[str, Any] | None, *, reveal: bool) -> dict[str, str]:
    """The kuasa of a keberatan (or of its request) for the register's identity columns; the phone masked
    like the requester's for a role that may not see personal data."""
    if not proxy:
        return {}
    phone = str(proxy.get("phone") or "")
    return {
        "proxy_name": str(proxy.get("name") or ""),
        "proxy_address": str(proxy.get("address") or ""),
        "proxy_phone": (printed_phone(phone) if reveal else mask_phone(phone)) if phone else "",
    }


def dossier_snapshot(
    session: Session,
    ctx: DeskContext,
    actor: Actor,
    office: Any,
    request: Request,
    requester: Requester,
    now: dt.datetime,
    wording: Mapping[str, Any],
) -> s.DossierSnapshot:
    events = session.scalars(
        select(Event).where(Event.request_id == request.id).order_by(Event.at, Event.recorded_at)
    ).all()
    letters = session.scalars(
        select(IssuedLetter).where(IssuedLetter.request_id == request.id).order_by(IssuedLetter.issued_at)
    ).all()
    reveal = actor.can(Permission.VIEW_PERSONAL_DATA)
    objections = objection_rows(
        session, dt.datetime.min, dt.datetime.max, request_id=request.id, reveal=reveal
    )
    deadlines = [  # named as the request page and the CLI name them
        (label, d)
        for kind, label in DEADLINE_LABELS.items()
        if (d := deadline(request.deadlines, kind)) is not None
    ]
    rows = session.scalars(
        select(Objection).where(Objection.request_id == request.id).order_by(Objection.filed_at)
    ).all()
    for obj in rows:  # each keberatan's own deadlines: the Atasan PPID's answer, then filing a sengketa
        deadlines += [
            (f"{label} ({obj.number})", d)
            for key, label in OBJECTION_DEADLINE_LABELS.items()
            if (d := deadline(obj.deadlines, key)) is not None
        ]
    disputes = tuple(
        s.DisputeRow(
            objection_number=obj.number,
            filed_on=obj.dispute_filed_at.date() if obj.dispute_filed_at else None,
            register=obj.dispute_register or "",
            outcome=DISPUTE_OUTCOMES.get(obj.dispute_outcome or "", obj.dispute_outcome or "")
            + (f" – {obj.dispute_outcome_text}" if obj.dispute_outcome_text else ""),
            decided_on=obj.dispute_decided_at.date() if obj.dispute_decided_at else None,
        )
        for obj in rows
        if obj.dispute_filed_at or obj.dispute_register
    )
    names = {login: full for login, full in session.execute(select(User.username, User.full_name))}
    office_snap = office_snapshot(office, session)
    view = RequestView.of(
        request,
        RequesterView.of(requester, ctx.vault, reveal=reveal),
        [],
        received_by_name=names.get(request.received_by) or "",
        reveal=reveal,
    )
    facts = [  # the handling of the request: the detail pane's rows the field table marks for the dossier
        s.LabeledValue(row.label, row.text or "-")
        for section in sections(
            "request",
            view,
            when=lambda at: format_datetime(at, office_snap.time_zone),
            only=lambda spec: spec.detail is not None and spec.detail.dossier,
        )
        for row in section.rows
    ]
    return s.DossierSnapshot(
        office=office_snap,
        request=request_snapshot(request),
        # the dossier is not handed out: a petugas's copy masks contacts like the register
        requester=requester_snapshot(requester, request.proxy, ctx.vault, actor, contacts_as_seen=True),
        printed_at=now,
        status=STATUS_LABELS.get(Status(request.status), request.status),
        facts=tuple(facts),
        deadlines=tuple(deadlines),
        timeline=tuple(
            s.TimelineEntry(e.at, e.summary, names.get(e.username) or e.username, "") for e in events
        ),
        letters=tuple(
            s.IssuedLetterRef(r.kind, DOCUMENT_TITLES.get(r.kind, r.kind), r.number or "", letter_date(r))
            for r in letters
        ),
        disputes=disputes,
        objections=tuple(objections),
        signatory=ppid_signatory(session, office),
        wording=dict(wording),
    )

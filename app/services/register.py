"""Intake and reading of the Register Permohonan.

``receive`` is the hot path of the desk: one ``BEGIN IMMEDIATE`` transaction advances the yearly counter,
inserts the requester (or reuses a returning one), the request, its first timeline event, the audit entry, the
outbox operation and the search index row. The number printed on the receipt exists only if all of that
committed, and WAL with ``synchronous=FULL`` keeps it through a power cut.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.domain import text as text_rules
from app.domain.lifecycle import CHANNELS, DELIVERY_METHODS, OBTAIN_METHODS
from app.domain.numbering import counter_key
from app.domain.permissions import Permission, Role
from app.domain.requester import DOCUMENT_KINDS, CleanRequester, validate_requester
from app.errors import ConfirmationRequired, NotFound, ValidationError
from app.services.calendar import load_calendar
from app.services.clock_check import ClockCheck
from app.services.context import Actor, DeskContext
from app.services.duplicates import DuplicateCheck
from app.services.duplicates import check as check_duplicates
from app.services.identity import IdentityAnswer, as_recorded, check_identity, search_text
from app.services.intake import Intake, build_request, find_requester, merge_requester, requester_key
from app.services.journal import SessionWrites, audit, audit_if_writable
from app.services.office import load_office
from app.services.register_query import routed_away
from app.services.sync_state import request_state as request_state  # re-exported for older imports
from app.services.views import EventView, RequesterView, RequestView
from db.models import Counter, Event, Request, Requester, User

MAX_TEXT = 5000
FUTURE_TOLERANCE = timedelta(minutes=5)


def parse_datetime(value: Any, field: str, now: datetime) -> datetime:
    """ISO 8601 text (or a datetime) to naive local time; refuses the future beyond a small tolerance."""
    if value is None or value == "":
        return now
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            raise ValidationError(
                {field: f"Waktu '{value}' tidak dapat dibaca; gunakan format 2026-03-16T09:30."}
            ) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    text_rules.check_date(moment, field)
    if moment > now + FUTURE_TOLERANCE:
        raise ValidationError({field: "Waktu tidak boleh di masa depan."})
    return moment.replace(microsecond=0)


def next_counter(session: Session, key: str) -> int:
    """Advance a yearly counter inside the caller's transaction (the write lock is already held)."""
    row = session.get(Counter, key)
    if row is None:
        row = Counter(key=key, value=0)
        session.add(row)
    row.value += 1
    session.flush()
    return row.value


def index_requester_requests(session: Session, requester: Requester, *, except_id: str | None = None) -> None:
    """Re-index every request of a requester whose name or contact changed, so all of them stay findable."""
    for other in session.scalars(select(Request).where(Request.requester_id == requester.id)):
        if other.id != except_id:
            index_request(session, other, requester)


def index_request(session: Session, row: Request, requester: Requester) -> None:
    """Keep the trigram search index in step with the request, inside the same transaction. The request is
    found by the requester's name as it recorded it and by their current name."""
    session.flush()
    body = search_text(row, requester, as_recorded(row, requester))
    rowid = session.execute(text("SELECT rowid FROM requests WHERE id = :id"), {"id": row.id}).scalar_one()
    session.execute(text("DELETE FROM request_search WHERE rowid = :r"), {"r": rowid})
    session.execute(
        text("INSERT INTO request_search(rowid, number, body) VALUES (:r, :n, :b)"),
        {"r": rowid, "n": row.number, "b": body},
    )


def _choice(
    data: Mapping[str, Any],
    key: str,
    options: Mapping[str, str],
    errors: dict[str, str],
    default: str | None = None,
) -> str:
    try:
        return text_rules.choice(data.get(key) or default, key, options)
    except ValidationError as exc:
        errors.update(exc.fields)
        return ""


def _text(data: Mapping[str, Any], key: str, label: str, errors: dict[str, str]) -> str:
    clean = text_rules.free_text if key == "information" else text_rules.line
    try:
        value = clean(data.get(key) or None, key, max_length=MAX_TEXT) or ""
    except ValidationError as exc:
        errors.update(exc.fields)
        return ""
    if not value:
        errors[key] = f"{label} wajib diisi."
    return value


def _texts(data: Mapping[str, Any], key: str, errors: dict[str, str]) -> list[str]:
    try:
        return text_rules.text_list(data.get(key), key, max_length=MAX_TEXT)
    except ValidationError as exc:
        errors.update(exc.fields)
        return []


#: The keys an intake reads; anything else is refused with its name (a typo must not drop data silently).
INTAKE_KEYS = (
    "received_at", "channel", "complete", "missing_items", "requester", "documents",
    "information", "purpose", "obtain_method", "delivery_method",
)  # fmt: skip
#: ``id``: a returning requester picked from the lookup (``_with_stored_identity``).
REQUESTER_KEYS = (
    "id",
    "kind",
    "name",
    "nik",
    "legal_number",
    "address",
    "phone",
    "email",
    "occupation",
    "proxy",
)
PROXY_KEYS = ("name", "nik", "address", "phone")


def _check_intake_keys(data: Mapping[str, Any]) -> None:
    text_rules.check_keys(data, INTAKE_KEYS)
    requester = data.get("requester")
    if isinstance(requester, Mapping):
        text_rules.check_keys(requester, REQUESTER_KEYS, "requester")
        if isinstance(requester.get("proxy"), Mapping):
            text_rules.check_keys(requester["proxy"], PROXY_KEYS, "requester.proxy")


def officer_name(session: Session, username: str) -> str:
    """The officer's full name as people read it (*Petugas penerima*), the username when the account is not
    on this desk (a request received at another office and synced here)."""
    return session.scalar(select(User.full_name).where(User.username == username)) or username


def officer_names(session: Session, usernames: set[str]) -> dict[str, str]:
    """Full names of the accounts of this desk among ``usernames`` (a timeline's officers), in one query."""
    if not usernames:
        return {}
    found = session.execute(select(User.username, User.full_name).where(User.username.in_(usernames)))
    return {user: name for user, name in found if name}


class RegisterService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    # --- intake -----------------------------------------------------------------------------------------

    def receive(
        self,
        actor: Actor,
        data: Mapping[str, Any],
        *,
        confirm_warnings: bool = False,
        duplicates: DuplicateCheck = DuplicateCheck.OFF,
        identity: IdentityAnswer = IdentityAnswer.ASK,
    ) -> RequestView:
        """Register a request and issue its number. Raises before writing anything if the input is bad.

        ``confirm_warnings`` is the officer's confirmation of what ``ConfirmationRequired`` asked about: an
        unknown NIK region, or a desk clock that differs from the city server's by more than five minutes.
        ``duplicates``: the officer's intake passes ``ASK`` — ``PossibleDuplicate`` when the same person asked
        for similar information in the last hour (app/services/duplicates.py) — and, once the officer decided
        it is a new request, ``CONFIRMED``: registered, with the earlier numbers named on its timeline and in
        the audit log.
        ``identity``: ``IdentityQuestion`` when the NIK (or SK number) is registered under another name, until the
        officer answers (app/services/identity.py); the answer is said on the timeline.
        """
        actor.require(Permission.RECORD_REQUEST)
        ClockCheck(self.ctx).require_confirmed(confirm_warnings)
        now = self.ctx.clock()
        intake = self.check_intake(data, now, confirm_warnings=confirm_warnings)
        with self.ctx.db.transaction() as session:
            sink = SessionWrites(session)
            key = requester_key(intake.requester, self.ctx.vault)
            existing = find_requester(session, key)
            identity_note = check_identity(existing, intake.requester, identity)
            similar_to = check_duplicates(
                session, self.ctx.vault, intake.requester, intake.information, intake.received_at, duplicates
            )
            requester, changes = merge_requester(existing, intake.requester, now, self.ctx.vault)
            if existing is None:
                sink.add_record(requester)
            seq = next_counter(session, counter_key("request", intake.received_at.year))
            row = build_request(
                sink,
                actor,
                now,
                intake,
                office=load_office(session),
                seq=seq,
                requester=requester,
                requester_changes=changes,
                cal=load_calendar(session),
                similar_to=similar_to,
                identity_note=identity_note,
            )
            index_request(session, row, requester)
            if changes:
                index_requester_requests(session, requester, except_id=row.id)
            return self._view(session, actor, row, requester)

    def record_duplicate_declined(self, actor: Actor, number: str) -> None:
        """The officer stopped an intake that repeats request ``number`` (``PossibleDuplicate``) and uses that
        number instead: recorded in the audit log, so a later question "why one request, not two" has its
        answer. Nothing else changes."""
        actor.require(Permission.RECORD_REQUEST)
        with self.ctx.db.transaction() as session:
            row = load_request(session, number)
            audit(session, actor, self.ctx.clock(), action="request_duplicate_declined", entity="request",
                  entity_id=row.id, details={"number": row.number})  # fmt: skip

    def receive_many(
        self,
        actor: Actor,
        items: Sequence[Mapping[str, Any]],
        *,
        confirm_warnings: bool = False,
        identity: IdentityAnswer = IdentityAnswer.ASK,
    ) -> list[str]:
        """Register many requests in one transaction (an import, the bench seeder) and return their numbers;
        each goes through the same checks and rows as ``receive`` (``identity`` answers every NIK-name question
        of the call alike). All or nothing: a bad item raises and
        nothing of the call is saved."""
        from app.services.batch import WriteBatch

        with WriteBatch(self.ctx, confirm_warnings=confirm_warnings) as batch:
            return [batch.receive(actor, data, identity=identity) for data in items]

    def check_intake(
        self, data: Mapping[str, Any], now: datetime, *, confirm_warnings: bool = False
    ) -> Intake:
        """Every check of ``receive`` that needs no transaction; raises ``ValidationError`` with all the
        field errors at once, or ``ConfirmationRequired`` for unconfirmed warnings."""
        errors: dict[str, str] = {}
        received_at = now
        try:
            received_at = parse_datetime(data.get("received_at"), "received_at", now)
        except ValidationError as exc:
            errors.update(exc.fields)
        channel = _choice(data, "channel", CHANNELS, errors, default="datang_langsung")
        information = _text(data, "information", "Rincian informasi", errors)
        purpose = _text(data, "purpose", "Tujuan penggunaan informasi", errors)
        obtain = _choice(data, "obtain_method", OBTAIN_METHODS, errors, default="salinan_softcopy")
        delivery = _choice(data, "delivery_method", DELIVERY_METHODS, errors, default="mengambil_langsung")
        text_rules.check_body(data)
        _check_intake_keys(data)
        documents = _texts(data, "documents", errors)
        unknown_docs = [d for d in documents if d not in DOCUMENT_KINDS]
        if unknown_docs:
            errors["documents"] = "Jenis berkas tidak dikenal: " + ", ".join(unknown_docs)
        complete = data.get("complete", True)
        if not isinstance(complete, bool):
            errors["complete"] = "Kelengkapan harus true atau false."
        missing = _texts(data, "missing_items", errors)
        if complete and missing:
            errors["missing_items"] = "Permohonan lengkap tidak boleh memiliki kekurangan berkas."
        requester_data = data.get("requester")
        clean: CleanRequester | None = None
        if not isinstance(requester_data, Mapping):
            errors["requester"] = "Data pemohon wajib diisi."
        else:
            requester_data = self._with_stored_identity(requester_data)
            try:
                clean = validate_requester(requester_data, documents=documents, today=received_at.date())
            except ValidationError as exc:
                errors.update({f"requester.{k}": v for k, v in exc.fields.items()})
        if errors:
            raise ValidationError(errors)
        assert clean is not None
        if clean.warnings and not confirm_warnings:
            raise ConfirmationRequired({f"requester.{k}": v for k, v in clean.warnings.items()})
        return Intake(
            received_at=received_at,
            channel=channel,
            information=information,
            purpose=purpose,
            obtain_method=obtain,
            delivery_method=delivery,
            documents=documents,
            complete=bool(complete),
            missing_items=missing,
            requester=clean,
        )

    # --- reading ----------------------------------------------------------------------------------------

    def _view(
        self, session: Session, actor: Actor, row: Request, requester: Requester | None = None
    ) -> RequestView:
        requester = requester or session.get(Requester, row.requester_id)
        assert requester is not None
        events = session.scalars(
            select(Event).where(Event.request_id == row.id).order_by(Event.recorded_at, Event.id)
        ).all()
        reveal = actor.can(Permission.VIEW_PERSONAL_DATA)
        names = officer_names(session, {e.username for e in events})
        return RequestView.of(
            row,
            RequesterView.of(as_recorded(row, requester), self.ctx.vault, reveal=reveal),
            [EventView.of(e, names, reveal=reveal) for e in events],
            routed_away=routed_away(session, row.id),
            received_by_name=officer_name(session, row.received_by),
            reveal=reveal,
        )

    def _with_stored_identity(self, data: Mapping[str, Any]) -> Mapping[str, Any]:
        """A returning requester picked from the lookup comes with its ``id`` and a masked (or no) NIK and perhaps
        a masked e-mail: the stored ones are used, so an officer can re-use a record without ever seeing them."""
        requester_id = data.get("id")
        nik, email = data.get("nik"), data.get("email")
        masked_nik = isinstance(nik, str) and "•" in nik
        masked_email = isinstance(email, str) and "•" in email
        if not requester_id or not (masked_nik or masked_email or not nik):
            return data
        with self.ctx.db.reader() as session:
            stored = session.get(Requester, str(requester_id))
            if stored is None:
                return data
            filled = dict(data)
            if (masked_nik or not nik) and stored.nik_encrypted:
                filled["nik"] = self.ctx.vault.decrypt(stored.nik_encrypted)
            if masked_email:
                filled["email"] = stored.email
            return filled

    def get(self, actor: Actor, number: str) -> RequestView:
        with self.ctx.db.reader() as session:
            view = self._view(session, actor, load_request(session, number))
        # UU 27/2022 Pasal 31: views of personal data are recorded like any other processing. On a full or
        # read-only disk the request stays readable as a petugas sees it (masked): a full view that cannot be
        # recorded is not given.
        if (
            actor.can(Permission.VIEW_PERSONAL_DATA) and view.requester.nik_masked
            and not audit_if_writable(
                self.ctx, actor, action="view_personal_data", entity="request", entity_id=view.id,
                details={"number": view.number},
                notice="Perhatian: NIK, telepon dan email disamarkan, karena melihatnya lengkap harus tercatat di "
                "jejak audit dan register tidak dapat ditulis (disk penuh atau hanya-baca).",
            )
        ):  # fmt: skip
            masked = replace(actor, role=Role.OFFICER)
            with self.ctx.db.reader() as session:
                return self._view(session, masked, load_request(session, number))
        return view

    def find_requesters(self, actor: Actor, query: str, *, limit: int = 10) -> list[RequesterView]:
        """A returning requester by full NIK, phone number or name (prefix), newest first."""
        actor.require(Permission.RECORD_REQUEST)
        query = query.strip()
        if not query:
            return []
        digits = "".join(ch for ch in query if ch.isdigit())
        conditions: list[ColumnElement[bool]] = [Requester.name.ilike(f"{query}%")]
        if len(digits) == 16:
            conditions.append(Requester.nik_hash == self.ctx.vault.lookup_hash(digits))
        if len(digits) >= 8:
            tail = digits[1:] if digits.startswith("0") else digits
            conditions.append(Requester.phone.like(f"%{tail}"))
        with self.ctx.db.reader() as session:
            rows = session.scalars(
                select(Requester).where(or_(*conditions)).order_by(Requester.updated_at.desc()).limit(limit)
            ).all()
            # Only roles that may see personal data get it in full; an officer who typed the whole NIK already
            # knows it. Everyone else picks the record by id and the stored NIK is used (_with_stored_identity).
            reveal_all = actor.can(Permission.VIEW_PERSONAL_DATA)
            typed_nik = self.ctx.vault.lookup_hash(digits) if len(digits) == 16 else None
            found = [
                RequesterView.of(r, self.ctx.vault, reveal=reveal_all or r.nik_hash == typed_nik)
                for r in rows
            ]
        if reveal_all and found:  # full NIKs and contacts of every match: recorded like a full-NIK view
            with self.ctx.db.transaction() as session:
                audit(session, actor, self.ctx.clock(), action="view_personal_data", entity="requester",
                      entity_id=None, details={"requesters": [v.id for v in found]})  # fmt: skip
        return found


def _mask(nik: str) -> str:
    from app.domain.identity import mask_nik

    return mask_nik(nik)


def load_request(session: Session, number: str) -> Request:
    row = session.scalar(select(Request).where(Request.number == number.strip()))
    if row is None:
        raise NotFound(f"Permohonan nomor '{number}' tidak ditemukan.")
    return row

"""The lifecycle actions on a registered request, each one transaction: state, timeline event, audit, outbox.

Each handler validates its body and the timing rules first and raises before touching the row, so a refused
action changes nothing (and the transaction would roll back anyway).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import text as text_rules
from app.domain.calendar import WorkingCalendar
from app.domain.formatting import format_date_long
from app.domain.identity import mask_nik
from app.domain.lifecycle import (
    COST_MAX,
    DECISION_LABELS,
    DELIVERABLE_DECISIONS,
    DELIVERY_METHODS,
    EXTENSION_REASONS,
    INFO_FORMS,
    PASAL_17,
    PROVISION_DAYS_MAX,
    REQUEST_LIFECYCLE,
    Action,
    Decision,
    Status,
    closing_status,
)
from app.domain.permissions import Permission
from app.domain.requester import validate_requester
from app.errors import ActionRefused, PermissionDenied, ValidationError
from app.services import acting
from app.services.acting import Target
from app.services.calendar import apply_request_deadlines, request_deadlines
from app.services.context import Actor, DeskContext
from app.services.identity import RECORDED_FIELDS
from app.services.information_lists import DikEntry, active_dik, add_dik_row, validate_dik
from app.services.journal import RowSink, audit, enqueue, record_event
from app.services.record_fields import RecordField, correctable
from app.services.register import (
    RegisterService,
    index_request,
    index_requester_requests,
    load_request,
)
from app.services.sync_state import request_state
from app.services.views import EventView, RequestView
from db.models import Event, ExcludedInformation, Request, Requester

Handler = Callable[[Session, Request, Mapping[str, Any], datetime], tuple[str, dict[str, Any]]]


#: Per action, the body keys its handler reads: anything else is refused with its name (a typo must not be
#: dropped silently). Keep in step with the handlers below and docs/cli.md.
BODY_KEYS: dict[Action, frozenset[str]] = {
    Action.COMPLETE: frozenset({"documents"}),
    Action.INCOMPLETE: frozenset({"missing_items", "note"}),
    Action.EXTEND: frozenset({"reason", "note"}),
    Action.RESPOND: frozenset(
        {"decision", "info_form", "redaction_reason", "holder_body", "costs", "provision_days"}
        | {"payment_method", "note"}
    ),
    Action.REJECT: frozenset({"article", "consequence_test", "other_basis", "dik_id", "dik"}),
    Action.FORWARD: frozenset({"to_body", "note"}),
    Action.DELIVER: frozenset({"method", "note"}),
    Action.CLOSE: frozenset({"note"}),
    Action.VOID: frozenset({"reason"}),
    Action.CORRECT: frozenset({"field", "value", "reason"}),
}
COST_KEYS = ("pages", "price_per_page", "shipping", "other")


def _required_text(
    body: Mapping[str, Any], key: str, label: str, errors: dict[str, str], *, min_length: int = 1
) -> str:
    try:
        value = text_rules.free_text(body.get(key) or None, key) or ""
    except ValidationError as exc:
        errors.update(exc.fields)
        return ""
    if len(value) < min_length:
        errors[key] = f"{label} wajib diisi" + (f" (min. {min_length} karakter)." if min_length > 1 else ".")
    return value


def _optional(body: Mapping[str, Any], key: str) -> str | None:
    return text_rules.free_text(body.get(key) or None, key)


def _raise(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


class RequestActions:
    """``act(number, action, body)`` for every lifecycle action except intake: the request ``RecordKind`` of
    ``app.services.acting``, whose ``act`` is the one path shared with keberatan."""

    lifecycle = REQUEST_LIFECYCLE
    before_start = "Waktu tindakan tidak boleh sebelum permohonan diterima."
    body_keys = BODY_KEYS

    def __init__(self, ctx: DeskContext, register: RegisterService) -> None:
        self.ctx = ctx
        self.register = register
        self._handlers: dict[Action, Handler] = {
            Action.COMPLETE: self._complete,
            Action.INCOMPLETE: self._incomplete,
            Action.EXTEND: self._extend,
            Action.RESPOND: self._respond,
            Action.REJECT: self._reject,
            Action.FORWARD: self._forward,
            Action.DELIVER: self._deliver,
            Action.CLOSE: self._close,
            Action.VOID: self._void,
        }

    def act(
        self,
        actor: Actor,
        number: str,
        action: str,
        body: Mapping[str, Any] | None = None,
        *,
        at: datetime | str | None = None,
    ) -> RequestView:
        return acting.act(self, self.ctx, actor, number, action, body, at=at)

    # --- the request as a RecordKind --------------------------------------------------------------------

    def parse_action(self, action: str) -> Action:
        try:
            kind = Action(action)
        except ValueError:
            raise ValidationError(
                {"action": "Tindakan tidak dikenal. Pilih: " + ", ".join(a.value for a in REQUEST_ACTIONS)}
            ) from None
        if kind not in REQUEST_ACTIONS:
            raise ActionRefused("Permohonan didaftarkan melalui penerimaan (intake), bukan tindakan ini.")
        return kind

    def load(self, session: Session, number: str) -> Target:
        row = load_request(session, number)
        requester = session.get(Requester, row.requester_id)
        assert requester is not None
        return Target(row, requester)

    def started_at(self, row: Request) -> datetime:
        return row.received_at

    def counts_as_step(self, action: Action) -> bool:
        return action != Action.CORRECT

    def last_step_at(self, session: Session, target: Target, action: Action) -> datetime | None:
        return request_last_step(session, target.row.id) if self.counts_as_step(action) else None

    def apply(
        self,
        session: Session,
        target: Target,
        action: Action,
        body: Mapping[str, Any],
        at: datetime,
        actor: Actor,
    ) -> tuple[str, dict[str, Any]]:
        if action == Action.CORRECT:
            assert target.requester is not None
            return self._correct(session, target.row, target.requester, body)
        if action == Action.REJECT:  # a new DIK entry recorded with the rejection is the actor's too
            return self._reject(session, target.row, body, at, actor)
        summary, data = self._handlers[action](session, target.row, body, at)
        if action == Action.VOID:
            target.row.voided_by = actor.username
        return summary, data

    def set_deadlines(self, cal: WorkingCalendar, row: Request) -> None:
        apply_request_deadlines(row, request_deadlines(cal, row))

    def journal(
        self,
        sink: RowSink,
        actor: Actor,
        now: datetime,
        target: Target,
        action: Action,
        moment: datetime,
        summary: str,
        data: dict[str, Any],
        base_version: int,
    ) -> None:
        row, requester = target.row, target.requester
        assert requester is not None
        event = record_event(
            sink, actor, now, kind=action.value, at=moment, request_id=row.id, summary=summary, data=data
        )
        audit(
            sink,
            actor,
            now,
            action=f"request_{action.value}",
            entity="request",
            entity_id=row.id,
            details={"number": row.number, **data},
        )
        enqueue(
            sink,
            now,
            entity="request",
            entity_id=row.id,
            action=action.value,
            payload={"state": request_state(row, requester), "event": EventView.of(event).to_dict()},
            base_version=base_version,
            before=target.before,
        )

    def state(self, target: Target) -> dict[str, Any]:
        assert target.requester is not None
        return request_state(target.row, target.requester)

    def reindex(self, session: Session, target: Target, action: Action, data: dict[str, Any]) -> None:
        assert target.requester is not None
        if corrects_requester(action, data):
            index_requester_requests(session, target.requester)
        else:
            index_request(session, target.row, target.requester)

    def view(self, session: Session, actor: Actor, target: Target) -> RequestView:
        return self.register._view(session, actor, target.row, target.requester)

    # --- handlers: each returns (timeline summary, event data) ------------------------------------------

    def _complete(
        self, session: Session, row: Request, body: Mapping[str, Any], at: datetime
    ) -> tuple[str, dict[str, Any]]:
        if row.status == Status.INCOMPLETE.value and row.due_completion and at.date() > row.due_completion:
            raise ActionRefused(
                f"Batas melengkapi ({format_date_long(row.due_completion)}) sudah lewat. Tutup permohonan "
                "sebagai 'tidak dapat diproses' lalu daftarkan permohonan baru."
            )
        documents = text_rules.text_list(body.get("documents"), "documents")
        if documents:
            row.documents = sorted(set(row.documents) | set(documents))
        row.completed_at = at
        row.status = Status.IN_PROCESS.value
        who = "pemohon melengkapi" if row.incomplete_notice_at else "dinyatakan lengkap"
        return f"Permohonan {who}; jangka waktu 10 hari kerja berjalan", {"documents_added": documents}

    def _incomplete(
        self, session: Session, row: Request, body: Mapping[str, Any], at: datetime
    ) -> tuple[str, dict[str, Any]]:
        items = text_rules.text_list(body.get("missing_items"), "missing_items")
        if not items:
            raise ValidationError({"missing_items": "Sebutkan kekurangan berkas/isi permohonan."})
        row.missing_items = items
        row.incomplete_notice_at = at
        row.status = Status.INCOMPLETE.value
        return "Dinyatakan tidak lengkap: " + ", ".join(items), {
            "missing_items": items,
            "note": _optional(body, "note"),
        }

    def _extend(
        self, session: Session, row: Request, body: Mapping[str, Any], at: datetime
    ) -> tuple[str, dict[str, Any]]:
        reason = body.get("reason")
        if reason not in EXTENSION_REASONS:
            raise ValidationError(
                {"reason": "Alasan perpanjangan harus salah satu: " + ", ".join(EXTENSION_REASONS)}
            )
        if row.extended_at is not None:
            raise ActionRefused("Perpanjangan hanya boleh satu kali dan tidak dapat diperpanjang lagi.")
        if row.due_response and at.date() > row.due_response:
            raise ActionRefused(
                f"Perpanjangan harus diberitahukan sebelum jangka waktu 10 hari kerja berakhir "
                f"({format_date_long(row.due_response)})."
            )
        row.extended_at = at
        row.extension_reason = str(reason)
        row.extension_note = _optional(body, "note")
        row.status = Status.EXTENDED.value
        return f"Diperpanjang 7 hari kerja: {EXTENSION_REASONS[str(reason)]}", {
            "reason": reason,
            "note": row.extension_note,
        }

    def _respond(
        self, session: Session, row: Request, body: Mapping[str, Any], at: datetime
    ) -> tuple[str, dict[str, Any]]:
        errors: dict[str, str] = {}
        try:
            decision = Decision(str(body.get("decision")))
        except ValueError:
            decision = None
        if decision is None or decision == Decision.REJECTED:
            allowed = [d.value for d in Decision if d != Decision.REJECTED]
            raise ValidationError(
                {
                    "decision": "Keputusan harus salah satu: "
                    + ", ".join(allowed)
                    + " (penolakan memakai tindakan 'reject')."
                }
            )
        info_form = body.get("info_form")
        if info_form is not None and info_form not in INFO_FORMS:
            errors["info_form"] = "Bentuk informasi harus softcopy atau hardcopy."
        if decision == Decision.PARTIAL:
            row.redaction_reason = _required_text(
                body, "redaction_reason", "Alasan penghitaman/pengaburan", errors
            )
        if decision == Decision.NOT_HELD:
            row.holder_body = _required_text(
                body, "holder_body", "Badan publik yang menguasai informasi", errors
            )
        costs = body.get("costs")
        if costs is not None:
            costs = _parse_costs(costs, errors)
        provision = body.get("provision_days")
        if provision is not None and (
            not isinstance(provision, int)
            or isinstance(provision, bool)
            or not 0 <= provision <= PROVISION_DAYS_MAX
        ):
            errors["provision_days"] = f"Waktu penyediaan harus bilangan hari, 0 sampai {PROVISION_DAYS_MAX}."
        _raise(errors)
        row.decision = decision.value
        row.decided_at = at
        row.info_held = decision in DELIVERABLE_DECISIONS
        row.info_form = info_form
        row.costs = costs
        row.payment_method = _optional(body, "payment_method")
        row.provision_days = provision
        row.response_note = _optional(body, "note")
        row.status = Status.ANSWERED.value
        return f"Pemberitahuan tertulis: {DECISION_LABELS[decision]}", {
            "decision": decision.value,
            "holder_body": row.holder_body,
            "costs": costs,
        }

    def _reject(
        self,
        session: Session,
        row: Request,
        body: Mapping[str, Any],
        at: datetime,
        actor: Actor | None = None,
    ) -> tuple[str, dict[str, Any]]:
        dik = self._rejection_dik(session, row, body, actor)
        if dik is not None:  # the SK's huruf and uji konsekuensi are the rejection's
            article, test = dik.article, dik.consequence_test
        else:
            errors: dict[str, str] = {}
            article = str(body.get("article") or "").strip().lower()
            if article not in PASAL_17:
                errors["article"] = "Pasal 17 huruf harus salah satu dari a sampai j."
            test = _required_text(body, "consequence_test", "Uji konsekuensi", errors, min_length=20)
            _raise(errors)
        row.decision = Decision.REJECTED.value
        row.decided_at = at
        row.rejection_article = article
        row.rejection_other_basis = _optional(body, "other_basis")
        row.consequence_test = test
        row.status = Status.REJECTED.value
        details: dict[str, Any] = {"article": article, "other_basis": row.rejection_other_basis}
        if dik is not None:  # the letter cites this SK; the timeline keeps which entry it was
            details["dik"] = {"id": dik.id, "sk_number": dik.sk_number, "sk_date": dik.sk_date.isoformat(),
                              "excluded_for": DikEntry.of(dik).excluded_for}  # fmt: skip
        return f"Ditolak berdasarkan Pasal 17 huruf {article} UU 14/2008", details

    def _rejection_dik(
        self, session: Session, row: Request, body: Mapping[str, Any], actor: Actor | None
    ) -> ExcludedInformation | None:
        """The DIK entry a rejection rests on: one picked (``dik_id``), or a new one recorded with the rejection
        (``dik``: the entry's fields, its uji konsekuensi among them), written in this same transaction."""
        if body.get("dik_id") and body.get("dik"):
            raise ValidationError(
                {"dik": "Pilih entri DIK yang sudah ada atau catat entri DIK baru, bukan keduanya."}
            )
        if body.get("dik_id"):
            for key in ("article", "consequence_test"):
                if body.get(key):
                    raise ValidationError(
                        {
                            key: "Dengan entri DIK yang dipilih, dasar dan uji konsekuensi diambil dari entri itu."
                        }
                    )
            return active_dik(session, body["dik_id"])
        if body.get("dik") is None:
            return None
        try:
            clean = validate_dik(body["dik"])
        except ValidationError as exc:
            raise ValidationError({f"dik.{k}": v for k, v in exc.fields.items()}) from None
        if actor is None or not actor.can(Permission.MANAGE_INFORMATION_LISTS):
            raise PermissionDenied("Entri DIK baru hanya dapat dicatat oleh supervisor atau administrator.")
        entry_id = add_dik_row(session, actor, self.ctx.clock(), row.office_code, clean)
        session.flush()
        return session.get_one(ExcludedInformation, entry_id)

    def _forward(
        self, session: Session, row: Request, body: Mapping[str, Any], at: datetime
    ) -> tuple[str, dict[str, Any]]:
        errors: dict[str, str] = {}
        to_body = _required_text(body, "to_body", "Badan publik tujuan", errors)
        _raise(errors)
        row.forwarded_to = to_body
        row.forwarded_at = at
        row.holder_body = to_body
        row.info_held = False
        row.status = Status.FORWARDED.value
        return f"Diteruskan ke {to_body}", {"to_body": to_body, "note": _optional(body, "note")}

    def _deliver(
        self, session: Session, row: Request, body: Mapping[str, Any], at: datetime
    ) -> tuple[str, dict[str, Any]]:
        if row.decision not in {d.value for d in DELIVERABLE_DECISIONS}:
            raise ActionRefused("Penyerahan hanya untuk informasi yang diterima (seluruhnya atau sebagian).")
        method = str(body.get("method") or row.delivery_method)
        if method not in DELIVERY_METHODS:
            raise ValidationError(
                {"method": "Cara penyerahan harus salah satu: " + ", ".join(DELIVERY_METHODS)}
            )
        row.delivered_at = at
        row.delivered_method = method
        row.status = Status.DELIVERED.value
        return f"Informasi diserahkan ({DELIVERY_METHODS[method]})", {
            "method": method,
            "note": _optional(body, "note"),
        }

    def _close(
        self, session: Session, row: Request, body: Mapping[str, Any], at: datetime
    ) -> tuple[str, dict[str, Any]]:
        row.closed_at = at
        if closing_status(Status(row.status)) == Status.NOT_PROCESSABLE:
            if row.due_completion and at.date() <= row.due_completion:
                raise ActionRefused(
                    f"Pemohon masih dapat melengkapi sampai {format_date_long(row.due_completion)}; "
                    "permohonan belum dapat ditutup sebagai tidak dapat diproses."
                )
            row.status = Status.NOT_PROCESSABLE.value
            return "Ditutup: tidak dapat diproses (tidak dilengkapi dalam 3 hari kerja)", {
                "note": _optional(body, "note")
            }
        row.status = Status.CLOSED.value
        return "Permohonan selesai", {"note": _optional(body, "note")}

    def _void(
        self, session: Session, row: Request, body: Mapping[str, Any], at: datetime
    ) -> tuple[str, dict[str, Any]]:
        errors: dict[str, str] = {}
        reason = _required_text(body, "reason", "Alasan pembatalan", errors, min_length=5)
        _raise(errors)
        previous = row.status
        row.voided_at = at
        row.void_reason = reason
        row.status = Status.VOID.value
        return f"Dibatalkan: {reason} (nomor tetap tercatat)", {"reason": reason, "previous_status": previous}

    def _correct(
        self, session: Session, row: Request, requester: Requester, body: Mapping[str, Any]
    ) -> tuple[str, dict[str, Any]]:
        errors: dict[str, str] = {}
        field = str(body.get("field") or "")
        reason = _required_text(body, "reason", "Alasan koreksi", errors, min_length=5)
        if "value" not in body:
            errors["value"] = "Nilai baru wajib diisi."
        fields = correctable()  # the field table says which fields an officer may correct
        allowed = sorted(fields)
        if field not in fields:
            errors["field"] = "Kolom yang dapat dikoreksi: " + ", ".join(allowed)
        _raise(errors)
        value = body["value"]
        if field.startswith("requester."):
            old, new = self._correct_requester(session, row, requester, field.split(".", 1)[1], value)
        else:
            old, new = self._correct_request(row, fields[field], value)
        if old == new:
            raise ValidationError({"value": "Nilai baru sama dengan nilai lama."})
        # the timeline names the field as the dialog does (its correction label), never by its key
        correction = fields[field].correct
        named = correction.label if correction is not None else fields[field].label
        return f"Koreksi {named}: {reason}", {"field": field, "old": old, "new": new, "reason": reason}

    def _correct_request(self, row: Request, spec: RecordField, value: Any) -> tuple[Any, Any]:
        value = str(value).strip()
        if spec.options is not None and value not in spec.options:
            raise ValidationError({"value": "Pilih salah satu: " + ", ".join(spec.options)})
        if not value:
            raise ValidationError({"value": "Nilai baru tidak boleh kosong."})
        old = getattr(row, spec.name)
        setattr(row, spec.name, value)
        return old, value

    def _correct_requester(
        self, session: Session, row: Request, requester: Requester, field: str, value: Any
    ) -> tuple[Any, Any]:
        vault = self.ctx.vault
        current = {
            "kind": requester.kind,
            "name": requester.name,
            "address": requester.address,
            "phone": requester.phone,
            "email": requester.email,
            "occupation": requester.occupation,
            "legal_number": requester.legal_number,
            "nik": vault.decrypt(requester.nik_encrypted) if requester.nik_encrypted else None,
        }
        current[field] = value
        try:
            clean = validate_requester(current, documents=row.documents, today=row.received_at.date())
        except ValidationError as exc:
            raise ValidationError(
                {"value": exc.fields.get(field) or "; ".join(exc.fields.values())}
            ) from None
        if field == "nik":
            old = requester.nik_masked
            assert clean.nik is not None
            owner = session.scalar(
                select(Requester).where(
                    Requester.nik_hash == vault.lookup_hash(clean.nik), Requester.id != requester.id
                )
            )
            if owner is not None:
                raise ValidationError(
                    {
                        "value": f"NIK ini sudah terdaftar untuk pemohon lain ({owner.name}). Periksa kembali KTP."
                    }
                )
            requester.nik_encrypted = vault.encrypt(clean.nik)
            requester.nik_hash = vault.lookup_hash(clean.nik)
            requester.nik_masked = mask_nik(clean.nik)
            new: Any = requester.nik_masked  # the timeline never holds a full NIK
        else:
            old = getattr(requester, field)
            new = getattr(clean, field)
            setattr(requester, field, new)
        requester.version += 1
        requester.updated_at = self.ctx.clock()
        # The correction is recorded on this request: what it recorded at intake is corrected with the
        # requester; other requests keep the identity they recorded (app/services/identity.py).
        recorded_field = "nik_masked" if field == "nik" else field
        if row.requester_recorded is not None and recorded_field in RECORDED_FIELDS:
            if field != "nik":
                old = row.requester_recorded.get(field, old)
            row.requester_recorded = {**row.requester_recorded, recorded_field: new}
        return old, new


#: The actions recorded on a registered request (intake is ``RegisterService.receive``).
REQUEST_ACTIONS = tuple(REQUEST_LIFECYCLE.transitions)


def corrects_requester(action: Action, data: Mapping[str, Any]) -> bool:
    """A correction of the requester's data: every request of that requester is re-indexed."""
    return action == Action.CORRECT and str(data.get("field", "")).startswith("requester.")


#: Timeline kinds that are steps of the lifecycle (corrections and recomputes may be recorded at any time).
_STEP_KINDS = [a.value for a in Action if a != Action.CORRECT]


def request_last_step(session: Session, request_id: str) -> datetime | None:
    """Steps are recorded in the order they happened, so the timeline and the deadlines stay coherent."""
    return session.scalar(
        select(func.max(Event.at)).where(Event.request_id == request_id, Event.kind.in_(_STEP_KINDS))
    )


def _parse_costs(raw: Any, errors: dict[str, str]) -> dict[str, int] | None:
    """Copy costs as whole rupiah: pages × price per page, shipping, other; the total is computed here."""
    if not isinstance(raw, Mapping):
        errors["costs"] = "Biaya harus berupa objek: pages, price_per_page, shipping, other."
        return None
    text_rules.check_keys(raw, COST_KEYS, "costs")
    out: dict[str, int] = {}
    for key in COST_KEYS:
        value = raw.get(key, 0)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= COST_MAX:
            what = "Jumlah halaman" if key == "pages" else "Biaya"
            errors[f"costs.{key}"] = f"{what} harus bilangan bulat, 0 sampai {COST_MAX:,}.".replace(",", ".")
            return None
        out[key] = value
    out["total"] = out["pages"] * out["price_per_page"] + out["shipping"] + out["other"]
    return out


__all__ = ["RequestActions"]

"""Plain, frozen views of register records: what services hand to the UI, the CLI, documents and sync.

Live ORM rows never leave a transaction, so a page in the UI can never lazily load or accidentally write.
Personal data is masked unless the viewer's role may see it (``reveal``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any, get_args, get_origin, get_type_hints

from app.domain.deadlines import DueDate
from app.domain.identity import format_phone, mask_email, mask_phone, printed_phone
from app.domain.lifecycle import (
    DECISION_LABELS,
    OBJECTION_STATUS_LABELS,
    STATUS_LABELS,
    Decision,
    ObjectionStatus,
    Status,
)
from app.services.pii import PiiVault
from app.services.record_fields import OBJECTION_FIELDS, REQUEST_FIELDS, REQUESTER_FIELDS, RecordField
from db.models import Event, Objection, Request, Requester, User


def with_explanations(deadlines: dict[str, Any]) -> dict[str, Any]:
    """Stored due dates carry their facts (rule, start, skipped days); the "mengapa tanggal ini?" text is
    rendered from them when shown, so the register file and the sync payloads stay small."""
    out: dict[str, Any] = {}
    for kind, entry in deadlines.items():
        try:
            text = DueDate.from_dict(entry).explanation()
        except ValueError:
            text = entry.get("explanation", "")
        out[kind] = {**entry, "explanation": text}
    return out


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


#: How a stored value becomes a view attribute, where its type alone does not say (``_stored``).
_LOADERS: dict[str, Callable[[Any], Any]] = {"deadlines": with_explanations}


def _loader(hint: Any) -> Callable[[Any], Any]:
    """Enumerations from their stored value (None stays None), lists copied, the rest as stored."""
    args = [a for a in get_args(hint) if a is not type(None)]
    target = args[0] if len(args) == 1 and type(None) in get_args(hint) else hint
    if isinstance(target, type) and issubclass(target, Enum):
        return lambda value: target(value) if value else None
    if get_origin(target) is list:
        return list
    return lambda value: value


def _stored(view: type[Any], row: Any, table: tuple[RecordField, ...]) -> dict[str, Any]:
    """The view's attributes that the register stores, read from ``row`` as the field table declares them."""
    return {name: load(getattr(row, name)) for name, load in _readers(view, table)}


_READERS: dict[type[Any], list[tuple[str, Callable[[Any], Any]]]] = {}


def _readers(view: type[Any], table: tuple[RecordField, ...]) -> list[tuple[str, Callable[[Any], Any]]]:
    """Per stored view attribute, how its value is read (worked out once per view class)."""
    if view not in _READERS:
        hints = get_type_hints(view)
        _READERS[view] = [
            (f.name, _LOADERS.get(f.name) or _loader(hints[f.name])) for f in table if f.view and f.column
        ]
    return _READERS[view]


_AS_IS = frozenset({str, int, bool, float, dict, type(None)})


def _dump(value: Any) -> Any:
    """A view attribute as JSON: dates as ISO text, enumerations as their value, nested views as dicts."""
    if type(value) in _AS_IS:
        return value
    if isinstance(value, (date, datetime)):  # noqa: UP038 - a tuple is faster than a union here
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_dump(item) for item in value]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value


def _dumped(view: Any, table: tuple[RecordField, ...], after: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """``to_dict()`` of a view: its fields in table order as JSON values, with the grouped and derived keys
    (``after``) following the field they belong with."""
    out: dict[str, Any] = {}
    for name in _json_names(table):
        out[name] = _dump(getattr(view, name))
        if name in after:
            out.update(after[name])
    return out


_JSON_NAMES: dict[int, tuple[str, ...]] = {}


def _masked(table: tuple[RecordField, ...]) -> list[str]:
    """The stored view attributes some roles see masked: left out of a view that does not reveal them."""
    return [f.name for f in table if f.view and f.column and f.masked_for]


def _json_names(table: tuple[RecordField, ...]) -> tuple[str, ...]:
    """The fields that are keys of ``to_dict()`` in their own right (worked out once per table)."""
    names = _JSON_NAMES.get(id(table))
    if names is None:
        names = _JSON_NAMES[id(table)] = tuple(f.name for f in table if f.view and f.json)
    return names


@dataclass(frozen=True)
class RequesterView:
    id: str
    kind: str
    name: str
    nik: str | None  # full NIK only when revealed, else masked
    nik_masked: str | None
    legal_number: str | None
    address: str
    phone: str | None  # E.164
    phone_display: str | None
    email: str | None  # full only when revealed, else None
    email_display: str | None  # masked unless revealed, like the phone
    occupation: str | None

    @classmethod
    def of(cls, row: Requester, vault: PiiVault, *, reveal: bool) -> RequesterView:
        """The stored fields as the field table declares them; those masked for some roles (``masked_for``) are
        left out unless revealed, and shown through their worked-out forms (``nik``, ``*_display``) instead."""
        stored = _stored(cls, row, REQUESTER_FIELDS)
        if not reveal:
            stored.update(dict.fromkeys(_masked(REQUESTER_FIELDS)))
        nik = vault.decrypt(row.nik_encrypted) if reveal and row.nik_encrypted else row.nik_masked
        phone_display = None
        if row.phone:
            phone_display = format_phone(row.phone) if reveal else mask_phone(row.phone)
        return cls(
            **stored,
            nik=nik,
            phone_display=phone_display,
            email_display=(row.email if reveal else mask_email(row.email)) if row.email else None,
        )

    def to_dict(self) -> dict[str, Any]:
        return _dumped(self, REQUESTER_FIELDS, after={})


#: How a contact in an event's data is masked (the requester view's rule).
_CONTACT_MASKS: dict[str, Callable[[str], str]] = {"phone": mask_phone, "email": mask_email}


def _masked_event_data(data: dict[str, Any]) -> dict[str, Any]:
    """An event's data with its personal contacts masked: a correction of ``requester.phone``/``.email`` (its
    ``old`` and ``new``) and the ``requester_updated`` changes of an intake (a NIK is already stored masked)."""

    def masked(key: str, value: Any) -> Any:
        return _CONTACT_MASKS[key](value) if isinstance(value, str) and value else value

    field = str(data.get("field") or "").removeprefix("requester.")
    if field in _CONTACT_MASKS and str(data.get("field", "")).startswith("requester."):
        data = {**data, "old": masked(field, data.get("old")), "new": masked(field, data.get("new"))}
    updated = data.get("requester_updated")
    if isinstance(updated, dict):
        data = {
            **data,
            "requester_updated": {
                key: (
                    {k: masked(key, v) for k, v in change.items()}
                    if key in _CONTACT_MASKS and isinstance(change, dict)
                    else change
                )
                for key, change in updated.items()
            },
        }
    return data


@dataclass(frozen=True)
class EventView:
    id: str
    kind: str
    at: datetime
    recorded_at: datetime
    username: str
    summary: str
    data: dict[str, Any]
    #: the officer's full name as people read it (the timeline's *Petugas*), the username when the account is not
    #: on this desk; not part of ``to_dict`` (what a sync line carries)
    name: str = ""

    @classmethod
    def of(cls, row: Event, names: Mapping[str, str] | None = None, *, reveal: bool = True) -> EventView:
        """``names``: the officers' full names by username (the timeline's *Petugas*). ``reveal=False``: the
        viewer may not see personal data, so the contacts a line's data holds (a corrected phone or email, a
        returning requester's updated ones) are masked like the requester's own. Sync payloads keep the
        default: the city and the other desks hold the register in full."""
        data = dict(row.data) if reveal else _masked_event_data(dict(row.data))
        name = (names or {}).get(row.username) or row.username
        return cls(row.id, row.kind, row.at, row.recorded_at, row.username, row.summary, data, name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "at": _iso(self.at),
            "recorded_at": _iso(self.recorded_at),
            "user": self.username,
            "summary": self.summary,
            "data": self.data,
        }


def shown_proxy(proxy: dict[str, Any] | None, *, reveal: bool) -> dict[str, Any] | None:
    """The kuasa as this viewer may see it, by the requester's rule: the phone in full (``phone`` E.164,
    ``phone_display`` national) only for a role that may see personal data; otherwise ``phone`` is null and
    ``phone_display`` masked. Why: the views gave every role the kuasa's full number, while the printed register
    and the requester's own phone were masked for a petugas."""
    if not proxy:
        return proxy
    phone = str(proxy.get("phone") or "")
    display = (printed_phone(phone) if reveal else mask_phone(phone)) if phone else None
    return {**proxy, "phone": proxy.get("phone") if reveal else None, "phone_display": display}


@dataclass(frozen=True)
class RequestView:
    id: str
    number: str
    status: Status
    received_at: datetime
    channel: str
    requester: RequesterView
    proxy: dict[str, Any] | None
    documents: list[str]
    information: str
    purpose: str
    obtain_method: str
    delivery_method: str
    completed_at: datetime | None
    missing_items: list[str]
    due_completeness: date | None
    due_completion: date | None
    due_response: date | None
    due_extended: date | None
    deadlines: dict[str, Any]
    extension_reason: str | None
    decision: Decision | None
    decided_at: datetime | None
    holder_body: str | None
    info_form: str | None
    redaction_reason: str | None
    costs: dict[str, Any] | None
    payment_method: str | None
    rejection_article: str | None
    rejection_other_basis: str | None
    consequence_test: str | None
    forwarded_to: str | None
    delivered_at: datetime | None
    delivered_method: str | None
    closed_at: datetime | None
    voided_at: datetime | None
    void_reason: str | None
    received_by: str
    version: int
    events: list[EventView] = field(default_factory=list)
    routed_away: bool = False  # the city routed it to another office: this desk only reads and reprints
    received_by_name: str = ""  # the receiving officer's full name (the username if unknown here)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def effective_due(self) -> date | None:
        """The response deadline in force (the extended one once extended)."""
        return self.due_extended or self.due_response

    @classmethod
    def of(
        cls,
        row: Request,
        requester: RequesterView,
        events: list[EventView],
        *,
        routed_away: bool = False,
        received_by_name: str = "",
        reveal: bool = False,
    ) -> RequestView:
        """``reveal``: the viewer may see personal data (the kuasa's phone in full, as the requester's)."""
        stored = _stored(cls, row, REQUEST_FIELDS)
        return cls(
            **{**stored, "proxy": shown_proxy(stored.get("proxy"), reveal=reveal)},
            requester=requester,
            events=events,
            routed_away=routed_away,
            received_by_name=received_by_name or row.received_by,
        )

    def to_dict(self) -> dict[str, Any]:
        due = {
            "completeness": _iso(self.due_completeness),
            "completion": _iso(self.due_completion),
            "response": _iso(self.due_response),
            "extended": _iso(self.due_extended),
            "explanations": {kind: d.get("explanation") for kind, d in self.deadlines.items()},
        }
        return _dumped(
            self,
            REQUEST_FIELDS,
            after={
                "status": {"status_label": self.status_label},
                "missing_items": {"due": due},
                "decision": {"decision_label": DECISION_LABELS[self.decision] if self.decision else None},
            },
        )


@dataclass(frozen=True)
class ObjectionView:
    id: str
    number: str
    request_id: str
    request_number: str
    status: ObjectionStatus
    filed_at: datetime
    grounds: list[str]
    case_summary: str
    proxy: dict[str, Any] | None
    due_response: date | None
    deadlines: dict[str, Any]
    decision: str | None
    decision_text: str | None
    decided_at: datetime | None
    atasan_name: str | None
    atasan_position: str | None
    requester_response: str | None
    requester_response_at: datetime | None
    dispute_filed_at: datetime | None
    dispute_register: str | None
    dispute_outcome: str | None
    dispute_outcome_text: str | None
    dispute_decided_at: datetime | None
    closed_at: datetime | None
    voided_at: datetime | None
    void_reason: str | None
    received_by: str
    version: int
    events: list[EventView] = field(default_factory=list)
    received_by_name: str = ""  # the receiving officer's full name (the username if unknown here)

    @property
    def status_label(self) -> str:
        return OBJECTION_STATUS_LABELS[self.status]

    def _filing(self) -> dict[str, Any]:
        return next((e.data for e in self.events if e.kind == "filed"), {})

    @property
    def late_filing(self) -> bool:
        """Filed after the requester's 30-working-day window (Pasal 36 ayat 1), as judged when it was filed."""
        return bool(self._filing().get("late_filing"))

    @property
    def filing_due(self) -> date | None:
        """The last day of that window, when it was known at filing."""
        due = self._filing().get("filing_due")
        return date.fromisoformat(due) if due else None

    @classmethod
    def of(
        cls,
        row: Objection,
        request_number: str,
        events: list[EventView],
        *,
        received_by_name: str = "",
        reveal: bool = False,
    ) -> ObjectionView:
        """``reveal``: the viewer may see personal data (the kuasa's phone in full)."""
        stored = _stored(cls, row, OBJECTION_FIELDS)
        return cls(
            **{**stored, "proxy": shown_proxy(stored.get("proxy"), reveal=reveal)},
            request_number=request_number,
            events=events,
            received_by_name=received_by_name or row.received_by,
        )

    def to_dict(self) -> dict[str, Any]:
        due = {
            "response": _iso(self.due_response),
            "dispute_filing": (self.deadlines.get("dispute_filing") or {}).get("due"),
            "explanations": {kind: d.get("explanation") for kind, d in self.deadlines.items()},
        }
        return _dumped(
            self,
            OBJECTION_FIELDS,
            after={
                "status": {
                    "status_label": self.status_label,
                    "ground": self.grounds[0] if self.grounds else None,
                },
                "filed_at": {"late_filing": self.late_filing, "filing_due": _iso(self.filing_due)},
                "proxy": {"due": due},
            },
        )


@dataclass(frozen=True)
class UserView:
    id: str
    username: str
    full_name: str
    nip: str | None
    role: str
    active: bool
    last_login_at: datetime | None

    @classmethod
    def of(cls, row: User) -> UserView:
        return cls(row.id, row.username, row.full_name, row.nip, row.role, row.active, row.last_login_at)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["last_login_at"] = _iso(self.last_login_at)
        return data

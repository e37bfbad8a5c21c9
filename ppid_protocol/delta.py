"""Field changes instead of whole states: the ``delta_ops`` feature of the push.

A desk op used to carry the record's whole state after the intent (``payload.state``): on a real request
~4.6 kB raw, most of it the unchanged fields and the deadline explanations, sent again with every step of its
lifecycle. A *delta op* carries only what the intent changed, ``payload.changes`` (field → new value, a field
that disappeared → ``None``), on top of its ``base_version``; the server rebuilds the desk's state as the record
at that version plus the changes, and from there merges exactly as for a whole state. Creations
(``base_version`` 0) and supervisor resolutions (which set the record as decided) always carry the whole state.

A server that can apply deltas says so in ``GET /hello`` (``features``); the desk sends deltas only to such a
server and whole states otherwise, so old servers and new desks (and the reverse) keep working. The desk's
outbox keeps both forms until the op is acknowledged (``state`` for an old server and for the supervisor's
conflict review, ``changes`` for the wire).

Pure functions over JSON values, shared by the desk (which makes deltas) and the server (which applies them).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ppid_protocol.fields import NESTED_RECORDS, RECORD_FIELDS

FEATURE_DELTA = "delta_ops"
"""Listed in ``HelloResponse.features`` by a server that applies ``payload.changes``."""

FEATURE_COMPACT = "compact_wire"
"""Listed by a server that takes compact pushes (``compact_op``: ``created_at`` left out when it is the op's
timeline line's ``at``) and, asked with the header ``X-PPID-Compact: 1``, answers them positionally (results in
the order of the ops, without ``op_id``, without default values)."""

CHANGES = "changes"
STATE_KEYS = ("state", "record")
PATCHES = "patches"
"""Kept in the desk's outbox payload beside ``changes``: for a nested field that changed (``deadlines``: one
due date added to the three before it), only its keys that changed (``nested_patches``)."""
PATCH = "patch"
"""On the wire to a ``compact_wire`` server: those nested changes instead of the whole field in ``changes``."""


def changes_between(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """field → new value for every top-level field of ``after`` that differs from ``before``; a field of
    ``before`` missing from ``after`` → ``None``. Nested values (the embedded requester, ``deadlines``) travel
    whole when anything in them changed: they are compared as values, like the server's change log does."""
    out = {key: value for key, value in after.items() if before.get(key, _MISSING) != value}
    out.update({key: None for key in before if key not in after})
    return out


def nested_patches(
    before: Mapping[str, Any], changes: Mapping[str, Any], fields: tuple[str, ...] = ("deadlines",)
) -> dict[str, dict[str, Any]]:
    """For each of ``fields`` that changed from one object to another: key → new value for its keys that
    changed, key → ``None`` for those removed. Left out when a new value is itself ``None`` (it would read as
    a removal) or when the patch is not smaller than the whole."""
    out: dict[str, dict[str, Any]] = {}
    for field in fields:
        old, new = before.get(field), changes.get(field, _MISSING)
        if not (isinstance(old, dict) and isinstance(new, dict)) or None in new.values():
            continue
        patch = {k: v for k, v in new.items() if old.get(k, _MISSING) != v}
        patch.update({k: None for k in old if k not in new})
        if len(patch) < len(new):
            out[field] = patch
    return out


def apply_changes(base: Mapping[str, Any], changes: Mapping[str, Any], patch: Any = None) -> dict[str, Any]:
    """The record ``base`` with ``changes`` on top: what the desk held after its intent. ``patch`` (from a
    compact op, ``payload.patch``): nested fields changed key by key on top of the base's (``None`` removes)."""
    out = dict(base)
    out.update(changes)
    if isinstance(patch, Mapping):
        for field, keys in patch.items():
            if not isinstance(keys, Mapping):
                continue
            nested = dict(base[field]) if isinstance(base.get(field), Mapping) else {}
            for key, value in keys.items():
                if value is None:
                    nested.pop(key, None)
                else:
                    nested[key] = value
            out[field] = nested
    return out


def is_delta(payload: Mapping[str, Any]) -> bool:
    """True for a payload that carries field changes and no whole state."""
    return isinstance(payload.get(CHANGES), dict) and not any(
        isinstance(payload.get(k), dict) for k in STATE_KEYS
    )


def wire_payload(
    stored: Mapping[str, Any], base_version: int, delta: bool, action: str = "", compact: bool = False
) -> dict[str, Any]:
    """What to send for an outbox payload ``stored`` (which may hold both ``state`` and ``changes``): the
    changes when the server takes deltas and the op is neither a creation nor a resolution, else the state.

    To a delta server the timeline lines also go without what the op already says (``compact_events``) and
    the changes without ``version`` (the server numbers versions itself)."""
    has_changes = isinstance(stored.get(CHANGES), dict)
    has_state = any(isinstance(stored.get(k), dict) for k in STATE_KEYS)
    if not (has_changes and has_state):
        out = dict(stored)  # one form only: sent as it is
    elif delta and base_version > 0 and not stored.get("resolves"):
        out = {k: v for k, v in stored.items() if k not in STATE_KEYS and k != PATCHES}
        out[CHANGES] = {k: v for k, v in out[CHANGES].items() if k != "version"}
        patches = stored.get(PATCHES)
        if compact and isinstance(patches, dict) and patches:  # nested fields by their changed keys
            out[CHANGES] = {k: v for k, v in out[CHANGES].items() if k not in patches}
            out[PATCH] = dict(patches)
    else:
        out = {k: v for k, v in stored.items() if k not in (CHANGES, PATCHES)}
    return compact_events(out, action) if delta else out


def compact_events(payload: Mapping[str, Any], action: str) -> dict[str, Any]:
    """The op's timeline lines without ``kind`` when it is the op's action and without ``recorded_at`` when
    it is the event's own ``at``: both put back by ``expand_event`` (``Op.events``) on the server."""

    def slim(event: Any) -> Any:
        if not isinstance(event, dict):
            return event
        return {
            k: v
            for k, v in event.items()
            if not (k == "kind" and v == action and action)
            and not (k == "recorded_at" and v == event.get("at"))
        }

    out = dict(payload)
    if "event" in out:
        out["event"] = slim(out["event"])
    if isinstance(out.get("events"), list):
        out["events"] = [slim(e) for e in out["events"]]
    return out


def compact_op(op: Mapping[str, Any]) -> dict[str, Any]:
    """An op (as JSON) for a ``compact_wire`` server: without ``created_at`` when it equals the ``at`` of its
    timeline line (nearly always: the desk stamps both from one clock reading; ``op_created_at`` puts it back),
    and its whole state without the null fields of ``RECORD_FIELDS`` (``strip_nulls``; ``restore_nulls``)."""
    out = dict(op)
    if isinstance(out.get("payload"), Mapping):
        out["payload"] = strip_nulls(
            out["payload"], str(out.get("entity", "")), str(out.get("entity_id", ""))
        )
    payload = out.get("payload")
    event = payload.get("event") if isinstance(payload, Mapping) else None
    if isinstance(event, Mapping) and out.get("created_at") and out.get("created_at") == event.get("at"):
        del out["created_at"]
    return out


def _map_state(payload: Mapping[str, Any], entity: str, entity_id: str, fix: Any) -> dict[str, Any]:
    out = dict(payload)
    for key in STATE_KEYS:
        state = out.get(key)
        if isinstance(state, dict) and entity in RECORD_FIELDS:
            if fix is _restore:  # the record's own id first: an embedded record's id is named by it
                state = fix(state, entity, entity_id)
            for field, nested in NESTED_RECORDS.get(entity, {}).items():
                if isinstance(state.get(field), dict):
                    owner = state.get(f"{field}_id")
                    state = {
                        **state,
                        field: fix(state[field], nested, owner if isinstance(owner, str) else ""),
                    }
            if fix is _strip:
                state = fix(state, entity, entity_id)
            out[key] = state
    return out


def _strip(state: Mapping[str, Any], entity: str, own_id: str) -> dict[str, Any]:
    fields = RECORD_FIELDS[entity]
    return {
        k: v
        for k, v in state.items()
        if not (v is None and k in fields and k != "id") and not (k == "id" and own_id and v == own_id)
    }


def _restore(state: Mapping[str, Any], entity: str, own_id: str) -> dict[str, Any]:
    out = dict(state)
    if own_id:
        out.setdefault("id", own_id)
    for field in RECORD_FIELDS[entity]:
        out.setdefault(field, None)
    return out


def strip_nulls(payload: Mapping[str, Any], entity: str, entity_id: str = "") -> dict[str, Any]:
    """The payload with its whole state (and the requester a request embeds) without the fields of
    ``RECORD_FIELDS`` that are null (a new request has ~35 of them, ~20 B per request after gzip) and without
    an ``id`` that repeats what names the record: the op's ``entity_id``, for an embedded record its parent's
    ``<field>_id`` (``requester_id``)."""
    return _map_state(payload, entity, entity_id, _strip)


def restore_nulls(payload: Mapping[str, Any], entity: str, entity_id: str = "") -> dict[str, Any]:
    """The reverse of ``strip_nulls`` (the server, for a push marked ``compact``): a missing ``id`` is the one
    that names the record, every other field of ``RECORD_FIELDS`` that a whole state lacks is null, so the
    record is stored exactly as the desk holds it."""
    return _map_state(payload, entity, entity_id, _restore)


def op_created_at(created_at: str, payload: Mapping[str, Any]) -> str:
    """The op's ``created_at`` as the desk wrote it: when left out (``compact_op``), its event's ``at``."""
    if created_at:
        return created_at
    event = payload.get("event")
    at = event.get("at") if isinstance(event, Mapping) else None
    return at if isinstance(at, str) else created_at


def expand_event(event: dict[str, Any], action: str) -> dict[str, Any]:
    """A timeline line as the desk wrote it: ``kind`` defaults to the op's action, ``recorded_at`` to ``at``."""
    if "kind" in event and ("recorded_at" in event or "at" not in event):
        return event
    out = dict(event)
    out.setdefault("kind", action)
    if "at" in out:
        out.setdefault("recorded_at", out["at"])
    return out


class _Missing:
    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "<missing>"


_MISSING: Any = _Missing()

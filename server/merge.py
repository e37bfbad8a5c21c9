"""Field-level comparison of a desk's operation with what the server changed since the desk's base version.

Pure functions, no database: the push service feeds them the current state and the change-log entries after
the base version. Rule: disjoint changes merge; the same legally significant field changed on both sides to
different values is a conflict held for a supervisor; the same ordinary field changed on both sides takes the
desk's value (the later intent) and the overwrite is logged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ppid_protocol.fields import IGNORED_FIELDS, is_legal_field


def diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, list[Any]]:
    """field -> [old, new] for every field whose value differs (bookkeeping fields ignored)."""
    out: dict[str, list[Any]] = {}
    for key in set(old) | set(new):
        if key in IGNORED_FIELDS:
            continue
        if old.get(key) != new.get(key):
            out[key] = [old.get(key), new.get(key)]
    return out


def state_at(current: Mapping[str, Any], later_changes: Iterable[Mapping[str, list[Any]]]) -> dict[str, Any]:
    """Rebuild the record as it was before ``later_changes`` (given oldest first) by undoing them."""
    state = dict(current)
    for changes in reversed(list(later_changes)):
        for key, (old, _new) in changes.items():
            if old is None:
                state.pop(key, None)
            else:
                state[key] = old
    return state


@dataclass
class MergeOutcome:
    data: dict[str, Any]
    conflicts: dict[str, dict[str, Any]] = field(default_factory=dict)
    server_kept: list[str] = field(default_factory=list)
    overwritten: list[str] = field(default_factory=list)

    @property
    def is_conflict(self) -> bool:
        return bool(self.conflicts)


def merge(
    entity: str,
    current: Mapping[str, Any],
    desk: Mapping[str, Any],
    later_changes: Sequence[Mapping[str, list[Any]]],
) -> MergeOutcome:
    """Merge the desk's full state (made from an older base) into the server's current state."""
    base = state_at(current, later_changes)
    server_changed: set[str] = set()
    for changes in later_changes:
        server_changed.update(changes)
    desk_changed = diff(base, desk)
    conflicts: dict[str, dict[str, Any]] = {}
    overwritten: list[str] = []
    for key in sorted(set(desk_changed) & server_changed):
        if desk.get(key) == current.get(key):
            continue  # both sides made the same change
        if is_legal_field(entity, key):
            conflicts[key] = {"server": current.get(key), "desk": desk.get(key), "base": base.get(key)}
        else:
            overwritten.append(key)
    data = dict(current)
    for key in desk_changed:
        if key in desk:
            data[key] = desk[key]
        else:
            data.pop(key, None)
    kept = sorted(server_changed - set(desk_changed))
    return MergeOutcome(data=data, conflicts=conflicts, server_kept=kept, overwritten=overwritten)

"""A record's legal lifecycle as one table: its states, the actions on it, where each action is allowed, who may
take it, what the refusal says, which deadline runs in each state and which letter an action issues.

Requests and keberatan are two instances of ``Lifecycle`` (``app.domain.lifecycle``); the services' single
``act()`` path (``app.services.acting``) asks it whether an action may be recorded, and the UI and CLI ask it
(through ``app.services.availability``) which actions and letters to offer, so no layer keeps its own copy of
a rule. Everything here is pure data and pure functions: no database, no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Generic, TypeVar

from app.domain.permissions import Permission, Role, can

S = TypeVar("S", bound=StrEnum)
A = TypeVar("A", bound=StrEnum)


@dataclass(frozen=True)
class Refusal:
    """Why an action is not allowed now (Indonesian, shown as is)."""

    message: str


@dataclass(frozen=True)
class Transition(Generic[S]):
    """One recordable action: its label, the states it may be taken in, the permission it needs and the letter
    (document kind, ``app.documents``) it gives the record, if any."""

    label: str
    allowed_in: frozenset[S]
    permission: Permission = Permission.RECORD_REQUEST
    letter: str | None = None


@dataclass(frozen=True)
class Lifecycle(Generic[S, A]):
    """The state machine of one kind of record.

    ``intake`` is the action that creates the record (it is never recorded on an existing one); ``clocks`` maps
    a state to the deadline kinds that run in it, first present wins (``deadline_in_force``).
    """

    states: type[S]
    state_labels: Mapping[S, str]
    transitions: Mapping[A, Transition[S]]
    void_state: S
    void_refusal: str
    intake: A | None = None
    intake_refusal: str = ""
    clocks: Mapping[S, tuple[str, ...]] = field(default_factory=dict)
    intake_letters: tuple[str, ...] = ()  # what every record has from the start (receipt, form)
    file_letters: tuple[str, ...] = ()  # what sums up the whole file (dossier), listed last

    def label(self, action: A) -> str:
        return self.transitions[action].label

    def refusal(self, action: A, state: S) -> Refusal | None:
        """None when ``action`` may be recorded in ``state``; otherwise the reason, in Indonesian."""
        if action == self.intake:
            return Refusal(self.intake_refusal)
        allowed = self.transitions[action].allowed_in
        if state in allowed:
            return None
        if state == self.void_state:
            return Refusal(self.void_refusal)
        order = list(self.states)
        wanted = ", ".join(self.state_labels[s] for s in sorted(allowed, key=order.index))
        return Refusal(
            f"Tindakan '{self.label(action)}' tidak dapat dilakukan saat status "
            f"'{self.state_labels[state]}'. Hanya boleh saat: {wanted}."
        )

    def allowed(self, state: S) -> list[A]:
        """Every action the state allows, whoever asks (time-dependent refusals are checked when recording)."""
        return [action for action, step in self.transitions.items() if state in step.allowed_in]

    def available(self, state: S, role: Role | str) -> list[A]:
        """The actions ``role`` may record in ``state``: what the UI and the CLI offer."""
        return [a for a in self.allowed(state) if can(role, self.transitions[a].permission)]

    def permission(self, action: A) -> Permission:
        return self.transitions[action].permission

    def deadline_in_force(self, state: S, deadlines: Mapping[str, Any]) -> str | None:
        """The deadline kind the desk works against in ``state`` (None when no clock runs)."""
        for kind in self.clocks.get(state, ()):
            if deadlines.get(kind):
                return kind
        return None

    def letters(self, issued: Sequence[A]) -> list[str]:
        """The letters a record has facts for: the intake's, those of the ``issued`` actions (in the order
        the table lists them, which is the order they are issued) and the file's."""
        own = [s.letter for a, s in self.transitions.items() if s.letter is not None and a in issued]
        return [*self.intake_letters, *own, *self.file_letters]

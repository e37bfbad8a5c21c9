"""What a write touched, reported to whoever shows the register so each screen decides whether to read again.

Why a value rather than "reload everything after a save": a screen knows what it shows, the caller knows what
it wrote; with this value between them the window only broadcasts, and the register list, the keberatan list,
the dashboard and the sync status each read again only when their data changed (the way Anki's operations
report their ``OpChanges``). It is plain data with no Qt, so services and the CLI can produce it too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

#: Stands for "some records, which ones is not known" (a sync pull, a resolved conflict, a deadline recompute).
ANY = "*"


@dataclass(frozen=True)
class Changes:
    """Numbers of the requests and keberatan a write touched (``ANY``: unknown which), and flags for the rest.

    ``outbox`` is true when the write queued operations for the city (the sync status' count of operations
    waiting changed); a pull from the city changes records without queuing anything.
    """

    requests: frozenset[str] = frozenset()
    objections: frozenset[str] = frozenset()
    letters: bool = False
    settings: bool = False
    outbox: bool = False

    @classmethod
    def of(
        cls,
        *,
        requests: Iterable[str] = (),
        objections: Iterable[str] = (),
        letters: bool = False,
        settings: bool = False,
        outbox: bool = False,
    ) -> Changes:
        return cls(frozenset(requests), frozenset(objections), letters, settings, outbox)

    @classmethod
    def recorded(cls, *, requests: Iterable[str] = (), objections: Iterable[str] = ()) -> Changes:
        """A write at this desk: the records it touched, and operations queued for the city."""
        return cls.of(requests=requests, objections=objections, outbox=True)

    @classmethod
    def records(cls, *, outbox: bool) -> Changes:
        """Some requests and keberatan changed, which ones is not known."""
        return cls.of(requests=(ANY,), objections=(ANY,), outbox=outbox)

    def request(self, number: str) -> bool:
        """Whether request ``number`` may have changed."""
        return number in self.requests or ANY in self.requests

    def objection(self, number: str) -> bool:
        return number in self.objections or ANY in self.objections

    @property
    def any_records(self) -> bool:
        return bool(self.requests or self.objections)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.requests | other.requests,
            self.objections | other.objections,
            self.letters or other.letters,
            self.settings or other.settings,
            self.outbox or other.outbox,
        )

    def __bool__(self) -> bool:
        return self.any_records or self.letters or self.settings or self.outbox

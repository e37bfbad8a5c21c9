"""How many examples the property tests (hypothesis) and the sweeps try: all of them in the full run, as CI runs
it, and a quarter in the fast subset (``pytest -m "not slow"``), which is for the edit-test loop and has a time
budget.

Why a quarter and not fewer: the fast subset still runs every property, so a change that breaks one fails
there too in nearly every case; the full run's count stays the one that hunts the rare counterexample.
``tests/conftest.py`` loads the fast profile when the run deselects the slow tests; a test that sets its own
``max_examples`` passes it through ``examples()``, the others get the profile's default.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from hypothesis import settings

T = TypeVar("T")

FAST_SUBSET = "fast-subset"
_SHARE = 4


def use_fast_subset_profile() -> None:
    """Load the fast subset's profile (default ``max_examples`` 100 → 25) unless another one was chosen."""
    current = settings.get_current_profile_name()
    if current != "default":  # e.g. --hypothesis-profile on the command line: that one wins
        return
    settings.register_profile(
        FAST_SUBSET,
        parent=settings.get_profile(current),
        max_examples=settings.default.max_examples // _SHARE,
    )
    settings.load_profile(FAST_SUBSET)


def examples(thorough: int) -> int:
    """``max_examples`` for a property test whose full count is ``thorough``."""
    if settings.get_current_profile_name() == FAST_SUBSET:
        return max(5, thorough // _SHARE)
    return thorough


def sweep(points: Sequence[T]) -> list[T]:
    """The points of a sweep a test tries: all of them in the full run; in the fast subset every fourth one,
    the first and the last included (the ends are where a sweep is meant to reach)."""
    if settings.get_current_profile_name() != FAST_SUBSET:
        return list(points)
    picked = list(points[::_SHARE])
    return picked if picked[-1] == points[-1] else [*picked, points[-1]]

"""The cyclic garbage collector while a command starts: paused, then everything loaded so far frozen.

Why: a command's start-up creates a few hundred thousand long-lived objects (SQLAlchemy, the models, the
services' modules). The collector's full passes rescan all of them each time the heap has grown by a quarter,
about 8 % of ``request add`` and ``print receipt`` (docs/benchmarks.md, "Start-up of every path"), and find
almost nothing: module-level objects live until the process ends. So the console entry point
(``app/__main__.py``, which owns its process) pauses the collector for a named command, and ``resume`` puts
start-up's objects in the permanent generation (``gc.freeze``) and switches it back on once the register is
open, before the command's own work: a long command (``request add --jsonl``, ``print register``) is
collected as usual. A command whose work does not begin by opening the register through ``Cli.services``
calls ``resume`` itself first (``demo``, ``check``, ``restore``). In-process callers (the tests) never pause it.

A printing command loads its renderer (reportlab with PIL, the letter modules, the embedded fonts: as many
long-lived objects again) only after signing in, once it knows it prints; ``loading`` runs that second part of
start-up the same way, paused and then frozen, so neither its own collections nor the interpreter's final one
rescan it.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

_paused = False
_owned = False
"""The entry point paused this process's start-up: it owns the process, so ``loading`` may pause it again."""


def pause() -> None:
    """Stop automatic collection until ``resume`` (only if it is on: someone else's choice is kept)."""
    global _paused, _owned
    if gc.isenabled() and not _paused:
        gc.disable()
        _paused = _owned = True


def resume() -> None:
    """Freeze what start-up loaded and collect automatically again; nothing when ``pause`` did not stop it."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


@contextlib.contextmanager
def loading() -> Iterator[None]:
    """More start-up after ``resume`` (a printing command's renderer): paused, then frozen with the rest. Only in
    a process whose start-up ``pause`` stopped, and only while collection is on (else nothing changes)."""
    if not _owned or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()

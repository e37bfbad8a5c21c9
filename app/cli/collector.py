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
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop automatic collection until ``resume`` (only if it is on: someone else's choice is kept)."""
    global _paused
    if gc.isenabled() and not _paused:
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what start-up loaded and collect automatically again; nothing when ``pause`` did not stop it."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()

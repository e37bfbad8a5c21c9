"""One door for work that must not run on the GUI thread.

Why a wrapper: UI-A's ``ui/kit/tasks.py`` owns the thread pool (``run_in_background(fn, on_done, on_error)``).
Models and pages call :func:`submit` so that, in tests or before the pool exists, the same code can run the
work inline (``background=False``) and stay deterministic.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


def submit(fn: Callable[[], Any], on_done: OnDone, on_error: OnError, *, background: bool = True) -> None:
    """Run ``fn`` (off the GUI thread when ``background``) and deliver its result or error on the GUI thread."""
    if background:
        try:
            from ui.kit.tasks import run_in_background
        except ImportError:  # the shell's task runner is not there yet: degrade to inline work
            pass
        else:
            run_in_background(fn, on_done, on_error)
            return
    try:
        result = fn()
    except Exception as exc:  # delivered to the caller's handler, which shows it in Indonesian
        on_error(exc)
        return
    on_done(result)

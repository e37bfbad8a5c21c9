"""Fixtures for the GUI tests (pytest-qt on the offscreen platform).

Why the environment variable comes first: Qt picks its platform plugin when the first QGuiApplication is
created, and CI machines / shared PCs running the tests have no display. Setting it before any Qt import
makes every GUI test run headless without a window popping up.

The desk fixtures (``desk``, ``admin``, ``supervisor``, ``officer``, ``walk_in``, ``clock``, ``data_dir``) come
from ``tests/conftest.py``; this file adds:

* ``qapp_args``  pytest-qt's QApplication arguments (a fixed application name).
* ``intake``     ``intake(actor, **overrides)`` registers one walk-in through ``desk.register.receive`` and
                 returns its ``RequestView`` (overrides as for ``walk_in``).
"""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from collections.abc import Callable, Iterator  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402

from app.services.context import Actor  # noqa: E402
from app.services.desk import DeskServices  # noqa: E402


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["ppid-desk-tests"]


@pytest.fixture(autouse=True)
def _gui_thread_gc(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """As the application does (ui/kit/gc.py): cycles holding Qt objects are collected on the GUI thread, never by
    a worker thread that happens to allocate (a crash far from its cause); each test's closed windows are
    collected right after it, and the tests of non-GUI code keep Python's own collector.

    Why the freeze: a full collection walks every object the session keeps (the modules, Qt's wrappers, the
    collected test items, caches: ≈ 300,000 objects, ≈ 0.2 CPU-s), once per GUI test. So before each test,
    once the earlier tests' garbage is collected, what is left is frozen (``gc.freeze``) and the collection
    after the test walks only what the test made. Never frozen after a test: pytest still holds its fixture
    values then, and frozen garbage is never collected (a closed window's timers would keep running). A test
    that goes through start-up runs ``settle()``, which freezes that test's windows too: everything is
    unfrozen after it (told by wrapping ``settle``: ``gc.get_freeze_count`` walks the frozen objects)."""
    from ui.kit import gc as gui_gc

    settled: list[bool] = []
    settle = gui_gc.settle

    def settle_and_tell() -> None:
        settle()
        settled.append(True)

    monkeypatch.setattr(gui_gc, "settle", settle_and_tell)
    gc.collect()
    gc.freeze()
    gui_gc.install(qapp)
    yield
    gui_gc.uninstall()
    if settled:
        gc.unfreeze()
    gc.collect()


@pytest.fixture
def intake(desk: DeskServices, walk_in: Callable[..., dict[str, Any]]) -> Callable[..., Any]:
    """Register one walk-in request as ``actor`` and return its ``RequestView``."""

    def make(actor: Actor, **overrides: Any) -> Any:
        return desk.register.receive(actor, walk_in(**overrides), confirm_warnings=True)

    return make

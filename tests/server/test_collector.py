"""The served app's garbage collector (server/collector.py): the worker freezes what it holds once started and
collects its young generation less often; an app made for tests or embedded keeps the interpreter's settings."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator

import pytest

from server import collector
from server.app import GC_THRESHOLD, ServerConfig, config_from_env, create_app
from server.db import make_engine


@pytest.fixture
def gc_restored() -> Iterator[None]:
    """The test process's collector as it was: thresholds back, frozen objects back in the old generation."""
    before = gc.get_threshold()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_tune_freezes_and_raises_the_young_threshold(gc_restored: None) -> None:
    gc.unfreeze()
    middle, old = gc.get_threshold()[1:]
    kept = [object()]  # a container that exists before tuning: left out of every later collection
    collector.tune(5_000)
    assert gc.get_threshold() == (5_000, middle, old)
    assert gc.get_freeze_count() > 0
    assert all(obj is not kept for obj in gc.get_objects())


def test_tune_zero_leaves_the_interpreter_settings(gc_restored: None) -> None:
    gc.unfreeze()
    before = gc.get_threshold()
    collector.tune(0)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_served_config_tunes_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PPID_GC_THRESHOLD", raising=False)
    assert config_from_env("0.1.0").gc_threshold == GC_THRESHOLD > 700
    monkeypatch.setenv("PPID_GC_THRESHOLD", "0")
    assert config_from_env("0.1.0").gc_threshold == 0
    assert ServerConfig().gc_threshold == 0  # an app built in-process (tests) leaves the collector alone


def test_app_start_applies_the_threshold(gc_restored: None) -> None:
    gc.unfreeze()
    app = create_app(make_engine("sqlite://"), ServerConfig(gc_threshold=4_321))

    async def start_and_stop() -> tuple[int, int]:
        async with app.router.lifespan_context(app):
            return gc.get_threshold()[0], gc.get_freeze_count()

    young, frozen = asyncio.run(start_and_stop())
    assert young == 4_321
    assert frozen > 0

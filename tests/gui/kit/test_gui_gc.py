"""ui/kit/gc.py: the cyclic collector runs on the GUI thread's timer, never automatically in a worker thread."""

from __future__ import annotations

import gc
import threading
import weakref

from ui.kit import gc as gui_gc


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_automatic_collection_is_off_and_the_timer_collects(qapp, qtbot) -> None:
    collector = gui_gc.install(qapp)
    assert not gc.isenabled()
    node = _Node()
    alive = weakref.ref(node)
    del node
    assert alive() is not None  # no automatic collection freed the cycle
    saved = collector.thresholds
    collector.thresholds = (0, 0, 0)
    try:
        qtbot.waitUntil(lambda: alive() is None, timeout=5_000)  # the timer's collection did
    finally:
        collector.thresholds = saved


def test_a_worker_thread_allocating_does_not_collect(qapp) -> None:
    gui_gc.install(qapp)
    node = _Node()
    alive = weakref.ref(node)
    del node

    def allocate() -> None:
        junk = [[object()] for _ in range(50_000)]  # far past generation 0's threshold
        del junk

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert alive() is not None
    gc.collect()
    assert alive() is None

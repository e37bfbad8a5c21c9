"""The cyclic garbage collector of a server worker, tuned for its allocation pattern.

A push of 50 ops allocates tens of thousands of short-lived containers (parsed ops, records, result rows). With
CPython's default threshold (700 allocations) that ran a young collection every few ops and a full collection
(every object of the process: the imported modules, SQLAlchemy and pydantic's structures, the app) about every
fiftieth push; each full collection held the GIL for 50-75 ms, a stall for every request of the worker
(docs/benchmarks.md, "The collector and the fingerprints"). Measured in-process (bench/push_cpu_bench.py):
about a fifth of the push path's CPU. Once the worker has started, what exists is kept for the process's life: ``gc.freeze`` moves it
out of every later collection, and a higher first threshold makes young collections rare. Garbage without
cycles is still freed at once by reference counting; cycles are still collected, less often.
"""

from __future__ import annotations

import gc


def tune(threshold: int) -> None:
    """Freeze what the started worker holds and collect the young generation every ``threshold`` allocations
    (0: leave the interpreter's settings)."""
    if threshold <= 0:
        return
    gc.collect()
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(threshold, middle, old)

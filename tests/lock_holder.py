"""Another process holding a data folder's writer lock (imported as ``tests.lock_holder``): the workstation or a
command of a second ``ppid-desk``, as the tests of the lock, the CLI, restore and start-up need it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_CODE = """
import sys
from pathlib import Path
from app.services import writer_lock
writer_lock.acquire(Path(sys.argv[1]), sys.argv[2])
print("held", flush=True)
sys.stdin.readline()
writer_lock.release(Path(sys.argv[1]))
"""


@contextmanager
def holding(data_dir: Path, what: str) -> Iterator[subprocess.Popen[str]]:
    """A child process that holds the lock until the block ends (or the test kills it)."""
    child = subprocess.Popen(
        [sys.executable, "-c", _CODE, str(data_dir), what],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        yield child
    finally:
        if child.poll() is None:
            assert child.stdin is not None
            child.stdin.write("\n")
            child.stdin.flush()
            child.wait(10)


def dead_pid() -> int:
    """The PID of a process that has ended (what a killed backup's part file is named with)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(30)
    return child.pid

"""One register, one writer: the data folder's ``register.lock``, held by the workstation or a writing command.

Why: two workstations (or a workstation and ``ppid-desk restore``) on one data folder both signed in and both
wrote; a restore under a running intake let the desk issue numbers a second time. SQLite serialises single
transactions, not a session's assumptions about the register, so the desk takes a whole-session lock.

The lock is an OS file lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) on ``register.lock`` in the
data folder, so the OS releases it when the holder dies, however it dies: a lock left by a crashed process
(a dead PID) is simply taken over. The file also says who holds it (host, PID, what, since when) so the next
person is told where the register is open. The lock is per process and re-entrant: the workstation's own
services (and a command that opens them twice) share it. Reading commands do not take it.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.errors import RegisterInUse

__all__ = ["RegisterInUse", "acquire", "release", "read_holder"]

LOCK_NAME = "register.lock"
#: The workstation's description in the lock file; a command waits for another command, never for it.
WORKSTATION = "aplikasi PPID Desk"
WAIT_SECONDS = 10.0  # as long as SQLite's busy timeout: two scripted commands run one after the other
_WINDOWS_OFFSET = 1 << 30  # msvcrt locks are mandatory: lock a byte far past the text so it stays readable


@dataclass(frozen=True)
class Holder:
    host: str
    pid: int
    what: str
    since: str

    def describe(self) -> str:
        return f"{self.what} di komputer {self.host} (PID {self.pid}, sejak {self.since})"


def in_use(data_dir: Path, holder: Holder | None) -> RegisterInUse:
    where = holder.describe() if holder else "proses lain"
    return RegisterInUse(
        f"Register di {data_dir} sedang dibuka oleh {where}. Satu register hanya boleh ditulis oleh "
        "satu aplikasi atau perintah pada satu waktu: tutup aplikasi itu (atau tunggu perintahnya selesai), "
        "lalu ulangi. Perintah yang hanya membaca (request list, export, check, backup) tetap dapat dipakai."
    )


def read_holder(data_dir: Path) -> Holder | None:
    """Who the lock file names (it may be stale: only the OS lock says whether it is held)."""
    try:
        raw = json.loads((data_dir / LOCK_NAME).read_text(encoding="utf-8") or "{}")
        return Holder(str(raw["host"]), int(raw["pid"]), str(raw["what"]), str(raw["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - Windows
        import msvcrt

        os.lseek(fd, _WINDOWS_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows
        import msvcrt

        os.lseek(fd, _WINDOWS_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


class _Held:
    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.count = 1


_held: dict[Path, _Held] = {}
_guard = threading.Lock()


def acquire(data_dir: Path, what: str, *, wait: float = 0.0) -> None:
    """Take (or, in this process, share) the writer lock of ``data_dir``; ``RegisterInUse`` if another
    process holds it. ``wait`` seconds are granted to another command, never to the workstation (an officer's
    session lasts hours)."""
    key = data_dir.resolve()
    with _guard:
        held = _held.get(key)
        if held is not None:
            held.count += 1
            return
        path = data_dir / LOCK_NAME
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            if error.errno in (errno.ENOSPC, errno.EDQUOT):
                return  # a full disk: the register opens to be read (its writes are refused by SQLite)
            raise
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            holder = read_holder(data_dir)
            if time.monotonic() >= deadline or (holder is not None and holder.what == WORKSTATION):
                os.close(fd)
                raise in_use(data_dir, holder)
            time.sleep(0.05)
        info = {
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "what": what,
            "since": datetime.now().isoformat(timespec="seconds"),
        }
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, json.dumps(info, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass  # a full disk: the lock holds all the same, only the name of its holder is missing
        _held[key] = _Held(fd)


def release(data_dir: Path) -> None:
    """Give back one hold; the last one empties the file (no stale name left) and unlocks it."""
    key = data_dir.resolve()
    with _guard:
        held = _held.get(key)
        if held is None:
            return
        held.count -= 1
        if held.count > 0:
            return
        del _held[key]
        try:
            os.ftruncate(held.fd, 0)
            _unlock(held.fd)
        except OSError:
            pass  # closing below releases it anyway
        os.close(held.fd)


def held_here(data_dir: Path) -> bool:
    with _guard:
        return data_dir.resolve() in _held

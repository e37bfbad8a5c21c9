"""Owner-only files and folders for the register, its PII key and its backups (POSIX modes 0600 / 0700).

Why: the register holds personal data (names, addresses, phones; NIKs encrypted) and the default umask made
it, its copies and its folder readable by every account on the PC (0644). Files are created owner-only from
the start (no window in which another account could open them) and existing ones are tightened when the
desk opens them. On Windows the modes do not apply (permissions there are ACLs, inherited from the user's
profile folder, which is private by default); setting ACLs is out of scope.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
POSIX = os.name == "posix"


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if missing; make it owner-only."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if POSIX:
        os.chmod(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty and owner-only if missing, else make it owner-only; its folder must exist."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except FileExistsError:
        if POSIX:
            os.chmod(path, FILE_MODE)
    return path


def tighten(*paths: Path) -> None:
    """Make whichever of ``paths`` exist owner-only (a register made before this rule, its -wal and -shm)."""
    if not POSIX:
        return
    for path in paths:
        if path.is_dir():
            os.chmod(path, DIR_MODE)
        elif path.exists():
            os.chmod(path, FILE_MODE)

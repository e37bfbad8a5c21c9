"""Entry script of the frozen program (PyInstaller runs it as ``__main__``).

A separate file rather than ``app/__main__.py``: PyInstaller puts the script's folder on the module search path,
and ``app/``'s module names (``errors``, ``paths``, ``sync`` ...) must not become importable as top-level
modules inside the bundle.
"""

import os
import sys

# The windowed Windows executable has no console: sys.stdout and sys.stderr are None there, and a message
# written by the command line (or a library warning) must not end the program.
for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process

from app.__main__ import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())

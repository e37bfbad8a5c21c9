"""PySide6 reads the whole source file of every module imported after it; the desk tells it not to.

Why: PySide6 replaces ``__import__`` to support its opt-in ``from __feature__ import snake_case,
true_property``. After every import it asks whether the new module "uses PySide6" (``_mod_uses_pyside`` in
PySide's ``feature`` module) by reading the module's source with ``inspect.getsource`` — a file read whose lines
then stay in ``linecache`` for the rest of the run — and searching it for the word. On the desk that is every
module loaded after Qt: the few dozen on the way to the first window, then ≈ 465 for the register behind it
(SQLAlchemy, the models, the services, the main window), ≈ 60–70 ms of CPU on the 2-core test machine
(docs/benchmarks.md, "Start-up of every path").

The answer only decides which feature set a module sees, and matters only to a module that selects one; the
desk selects none (tests/gui/shell/test_first_window.py keeps it so), so PySide's "ignore this module" is the
right answer for every module, and giving it costs nothing. It is also the answer a frozen bundle already gets,
where no source file exists (the same check then fails to find one). If a PySide6 release no longer has that
check, ``install`` changes nothing.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401 - installs PySide's import hook, whose check is replaced below

#: PySide's module holding the import hook's Python side (``shibokensupport/feature.py``).
FEATURE_MODULE = "PySide6.support.feature"


def _selects_no_feature(module: ModuleType) -> bool:
    """PySide's question "does ``module`` use PySide6?", answered without reading its source: no module of the
    desk selects a ``__feature__``, so none needs its own feature set."""
    return False


def install() -> bool:
    """Replace the source-reading check; True if PySide6 had it (once per process is enough, more is harmless)."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        return False
    setattr(feature, "_mod_uses_pyside", _selects_no_feature)  # noqa: B010 - a private name mypy cannot see
    return True

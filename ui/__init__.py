"""The workstation: the only package that imports Qt widgets.

Importing the Qt-free layers *before* PySide6 is deliberate. Once PySide6 is imported, its ``__feature__``
import hook inspects the source of every module imported afterwards (to see whether it uses PySide); for
SQLAlchemy and the desk services that is several hundred modules and about 0.4 s of start-up on an office PC.
Whatever enters the workstation (``ppid-desk``, ``ppid-desk demo``, a test) imports ``ui`` first, so loading
the service layer here keeps the hook away from it.
"""

import importlib

# Not ``import app.services.desk``: that would bind the name ``app`` here and shadow the ``ui.app`` submodule.
importlib.import_module("app.services.desk")

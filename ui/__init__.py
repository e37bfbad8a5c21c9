"""The workstation: the only package that imports Qt widgets.

Nothing here is imported eagerly: the way to the first login dialog (ui/app.py → ui/shell/startup.py →
ui/shell/login.py) must not load the service layer, which ``Startup`` opens on a worker thread meanwhile.
Importing the package first stops PySide6 from reading the source of every module imported after it
(ui/pyside_scan.py).
"""

from ui import pyside_scan

pyside_scan.install()

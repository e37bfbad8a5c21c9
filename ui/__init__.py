"""The workstation: the only package that imports Qt widgets.

Nothing here is imported eagerly: the way to the first login dialog (ui/app.py → ui/shell/startup.py →
ui/shell/login.py) must not load the service layer, which ``Startup`` opens on a worker thread meanwhile.
"""

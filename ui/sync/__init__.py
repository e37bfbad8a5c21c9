"""Sync in the workstation: the controller (engine + worker thread), the status bar and the clock banner."""

"""Dialogs of the workstation (login, lock, set-up wizard; UI-B: intake, lifecycle actions, keberatan)."""

"""PPID Desk: an offline-first workstation for Indonesian public-information (PPID) desks."""

from ppid_protocol import __version__

__all__ = ["APP_NAME", "__version__"]

APP_NAME = "PPID Desk"

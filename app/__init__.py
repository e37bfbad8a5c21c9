"""PPID Desk: an offline-first workstation for Indonesian public-information (PPID) desks."""

__all__ = ["APP_NAME", "__version__"]

APP_NAME = "PPID Desk"
__version__ = "0.1.0"

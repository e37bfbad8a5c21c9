"""The register's own words (statuses, channels, decisions, a deadline's working days) in the interface's language.

Why: the core names each code once, in Indonesian (``app/domain/lifecycle.py``, ``app/domain/requester.py``),
because that is what officers read and letters print. In the English interface the Register showed *Diproses*,
*Datang langsung* and *sisa 10 hari kerja* under English headers, the intake *Mendapatkan salinan (softcopy)* beside
*Individual*, the request page *Perpanjangan waktu* beside *File an objection*. Those labels are marked with
``QT_TRANSLATE_NOOP("Terms", …)`` and every screen shows them through ``term``; the CLI and the printed letters
keep the Indonesian. A text that is not a term (a name, a request's text) comes back unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from PySide6.QtCore import QCoreApplication

CONTEXT = "Terms"
K = TypeVar("K")


def term(text: str) -> str:
    """``text`` (one of the core's labels) in the interface's language."""
    return QCoreApplication.translate(CONTEXT, text) if text else text


def terms(options: Mapping[K, str]) -> dict[K, str]:
    """Every label of ``options`` (code -> Indonesian label) in the interface's language."""
    return {code: term(label) for code, label in options.items()}


def remaining(days: int) -> str:
    """Working days left before a deadline (negative: past it), as ``format_remaining`` says it in Indonesian."""
    if days > 0:
        return QCoreApplication.translate("Terms", "sisa {0} hari kerja").format(days)
    if days == 0:
        return QCoreApplication.translate("Terms", "jatuh tempo hari ini")
    return QCoreApplication.translate("Terms", "terlambat {0} hari kerja").format(-days)

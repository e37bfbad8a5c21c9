"""Errors the services raise; every message is written for the officer, in Indonesian.

The UI and the CLI show ``str(error)`` as it is, so a message must make sense without a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping


class DeskError(Exception):
    """Base of every error the desk reports to a person rather than to a developer."""


class ValidationError(DeskError):
    """Input that cannot be saved. ``fields`` maps a field name to its Indonesian message."""

    def __init__(self, fields: Mapping[str, str] | str, *, warnings: Mapping[str, str] | None = None) -> None:
        if isinstance(fields, str):
            fields = {"_": fields}
        self.fields: dict[str, str] = dict(fields)
        self.warnings: dict[str, str] = dict(warnings or {})
        super().__init__(
            "; ".join(msg if key == "_" else f"{key}: {msg}" for key, msg in self.fields.items())
        )


class ConfirmationRequired(DeskError):
    """Input that is acceptable only once the officer confirms the warnings (e.g. unknown NIK region)."""

    def __init__(self, warnings: Mapping[str, str]) -> None:
        self.warnings = dict(warnings)
        super().__init__("Perlu konfirmasi petugas: " + "; ".join(self.warnings.values()))


class PossibleDuplicate(DeskError):
    """The same person (NIK, or name and phone) asked for similar information less than an hour ago
    (``app/services/duplicates.py``). Nothing was saved: the officer decides whether this is a new request
    (``receive(..., allow_duplicate=True)``) or the earlier one, whose number was perhaps never shown."""

    def __init__(self, numbers: list[str], descriptions: list[str]) -> None:
        self.numbers = list(numbers)
        self.descriptions = list(descriptions)
        super().__init__(
            "Pemohon yang sama sudah meminta informasi serupa dalam satu jam terakhir: "
            + "; ".join(self.descriptions)
            + ". Bila itu permohonan yang sama, pakai nomor tersebut (cetak ulang tanda terimanya)."
        )


class ActionRefused(DeskError):
    """A lifecycle action that the current state, the calendar or the law does not allow. Nothing changed."""


class RegisterTooNew(DeskError):
    """The register was written by a newer PPID Desk (a schema revision this program does not know). It is
    refused untouched: an older program must never try to "migrate" it or write to it."""


class PermissionDenied(DeskError):
    """The signed-in user's role does not allow this intent."""


class NotFound(DeskError):
    """A request, objection, user or other record that does not exist."""


class AuthenticationFailed(DeskError):
    """Wrong user name or password, or a disabled account."""


class KeyUnavailable(DeskError):
    """The register holds encrypted NIKs but the PII key is missing or is not the one they were written with.

    The desk stops instead of writing a new key: a new key would make every stored NIK unreadable for good.
    """


class RegisterInUse(DeskError):
    """The register is open for writing in another process (app/services/writer_lock.py). Nothing was opened or
    changed; the message names the computer and process that hold it."""


class IdentityQuestion(DeskError):
    """The NIK (or a badan hukum's SK number) typed at intake is already registered under another name.
    Nothing was saved: the officer answers whether it is the same person whose name is now corrected
    (``IdentityAnswer.SAME_PERSON``) or a typing error in the NIK, which the officer fixes and confirms
    (``IdentityAnswer.NIK_CORRECTED``); the answer goes on the request's timeline (app/services/identity.py)."""

    def __init__(self, key_label: str, stored_name: str, typed_name: str) -> None:
        self.key_label = key_label
        self.stored_name = stored_name
        self.typed_name = typed_name
        super().__init__(
            f"{key_label} ini sudah terdaftar atas nama {stored_name!r}, sedangkan nama yang diisi "
            f"{typed_name!r}. Apakah orang yang sama dan namanya diperbaiki, atau {key_label} salah ketik? "
            "Tidak ada yang disimpan."
        )

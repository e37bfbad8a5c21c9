"""What every service needs: the database, the data folder, the PII vault, the clock and the signed-in user."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.domain.permissions import PERMISSION_LABELS, ROLE_LABELS, Permission, Role, can
from app.errors import PermissionDenied
from app.services.clock import Clock, system_now
from app.services.pii import PiiVault
from db.engine import Database


@dataclass(frozen=True)
class Actor:
    """The person an intent is attributed to."""

    user_id: str
    username: str
    full_name: str
    role: Role

    def can(self, permission: Permission) -> bool:
        return can(self.role, permission)

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise PermissionDenied(
                f"Peran {ROLE_LABELS[self.role]} tidak berwenang {PERMISSION_LABELS[permission]}."
            )


@dataclass
class DeskContext:
    db: Database
    data_dir: Path
    vault: PiiVault
    clock: Clock = system_now
    #: Things the person should be told that are not errors (a sign-in that could not be recorded).
    notices: list[str] = field(default_factory=list)

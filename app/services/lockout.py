"""Sign-in lock-out: repeated wrong passwords lock an account for a delay that doubles with each further one.

Why: an office PC is shared and often left unattended; without a limit a colleague (or a script) can try
passwords for as long as they like — 30 wrong passwords used to be followed by an accepted one. The first
``FREE_FAILURES`` mistakes cost nothing (typos happen); from then on the account is locked for ``BASE_DELAY``,
doubling with each further wrong password up to ``MAX_DELAY``. While locked no password is even checked, so
guessing stops, and an admin can lift the lock at once (``ppid-desk user unlock``, the users page).

The count is read from the audit log (``login_failed`` entries since the later of the account's last
successful sign-in, its creation and its last ``user_unlock``), so the lock needs no column of its own and
every step of it is on the record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.formatting import format_date_long
from db.models import AuditEntry, User

FREE_FAILURES = 5
BASE_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(hours=1)
FAILED = "login_failed"
REFUSED_WHILE_LOCKED = "login_locked"
UNLOCKED = "user_unlock"


@dataclass(frozen=True)
class LockState:
    failures: int
    last_failure: datetime | None

    @property
    def locked_until(self) -> datetime | None:
        if self.failures < FREE_FAILURES or self.last_failure is None:
            return None
        return self.last_failure + delay_after(self.failures)

    def locked_at(self, now: datetime) -> bool:
        until = self.locked_until
        return until is not None and now < until


def delay_after(failures: int) -> timedelta:
    """30 s after the 5th wrong password, 1 min after the 6th, 2 min after the 7th ..., at most an hour."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    steps = min(failures - FREE_FAILURES, 20)
    return min(BASE_DELAY * (2**steps), MAX_DELAY)


def lock_state(session: Session, user: User) -> LockState:
    unlocked = session.scalar(
        select(func.max(AuditEntry.at)).where(
            AuditEntry.at >= user.created_at,
            AuditEntry.action == UNLOCKED,
            AuditEntry.entity == "user",
            AuditEntry.entity_id == user.id,
        )
    )
    # Times are to the second: failures in the second the account was created count, those in the second of a
    # successful sign-in or an unlock do not (they came before it, or are lost in its second).
    conditions = [
        AuditEntry.at >= user.created_at,
        AuditEntry.action == FAILED,
        AuditEntry.entity == "user",
        AuditEntry.entity_id == user.id,
    ]
    conditions += [AuditEntry.at > reset for reset in (user.last_login_at, unlocked) if reset is not None]
    count, last = session.execute(select(func.count(), func.max(AuditEntry.at)).where(*conditions)).one()
    return LockState(int(count or 0), last)


def locked_message(until: datetime) -> str:
    return (
        "Akun ini dikunci sementara karena kata sandi berulang kali salah. Coba lagi setelah "
        f"{format_date_long(until.date())} pukul {until:%H:%M:%S}, atau minta admin membukanya "
        "(Pengaturan > Pengguna, atau: ppid-desk user unlock NAMA)."
    )

"""Accounts, roles and sign-in. Passwords are hashed with argon2id (memory-hard)."""

from __future__ import annotations

import functools
import re
from datetime import datetime
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import text as text_rules
from app.domain.identity import normalize_nip
from app.domain.permissions import Permission, Role
from app.domain.translatable import QT_TRANSLATE_NOOP
from app.errors import AuthenticationFailed, NotFound, ValidationError
from app.ids import new_id
from app.services import lockout
from app.services.context import Actor, DeskContext
from app.services.journal import audit
from app.services.views import UserView
from db.engine import RegisterUnwritable
from db.models import User

MIN_PASSWORD_LENGTH = 8
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,49}$")
# OWASP's argon2id profile for interactive sign-in (19 MiB, 2 passes, 1 lane): memory-hard, yet a sign-in stays
# well under a tenth of a second on an old office PC. Hashes made with stronger settings still verify (the
# settings travel in the hash) and are re-hashed to this profile at the next sign-in.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)

#: The one answer to an unknown user, a wrong password and a disabled account (no user enumeration); the
#: workstation shows it in its interface's language (``ui.kit.crash.user_message``, context ``Kesalahan``).
FAILED_SIGN_IN = QT_TRANSLATE_NOOP(
    "Kesalahan", "Nama pengguna atau kata sandi salah, atau akun dinonaktifkan."
)


@functools.cache
def _dummy_hash() -> str:
    """A hash to check against when the username is unknown (made once, on the first such sign-in)."""
    return _hasher.hash("ppid-desk-no-such-user")


def validate_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError({"password": f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter."})


def validate_username(username: str) -> str:
    username = username.strip().lower()
    if not _USERNAME.match(username):
        raise ValidationError(
            {
                "username": "Nama pengguna 2–50 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung."
            }
        )
    return username


def parse_role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise ValidationError(
            {"role": "Peran harus salah satu dari: " + ", ".join(r.value for r in Role)}
        ) from None


def actor_of(user: User) -> Actor:
    return Actor(user_id=user.id, username=user.username, full_name=user.full_name, role=Role(user.role))


def create_user(
    session: Session,
    ctx: DeskContext,
    *,
    username: str,
    full_name: str,
    role: Role,
    password: str,
    nip: str | None = None,
) -> User:
    username = validate_username(username)
    validate_password(password)
    full_name = text_rules.line(full_name, "full_name", max_length=200) or ""
    if not full_name:
        raise ValidationError({"full_name": "Nama lengkap wajib diisi."})
    nip = normalize_nip(text_rules.line(nip, "nip", max_length=30))  # the officials' rule (18 digits)
    if session.scalar(select(User).where(User.username == username)):
        raise ValidationError({"username": f"Nama pengguna '{username}' sudah dipakai."})
    now = ctx.clock()
    user = User(
        id=new_id(),
        username=username,
        full_name=full_name,
        nip=(nip or None),
        role=role.value,
        password_hash=_hasher.hash(password),
        active=True,
        created_at=now,
        updated_at=now,
    )
    session.add(user)
    return user


class UserService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def authenticate(self, username: str, password: str) -> Actor:
        """Check a password; the same message for unknown users and wrong passwords (no user enumeration).

        A locked account (``app.services.lockout``) is refused before its password is checked."""
        failure = AuthenticationFailed(FAILED_SIGN_IN)
        now = self.ctx.clock()
        with self.ctx.db.reader() as session:
            found = session.execute(
                select(User.id, User.password_hash, User.active).where(
                    User.username == username.strip().lower()
                )
            ).first()
            locked_until = None
            if found is not None:
                user_row = session.get(User, found.id)
                assert user_row is not None
                state = lockout.lock_state(session, user_row)
                locked_until = state.locked_until if state.locked_at(now) else None
        if found is not None and locked_until is not None:
            try:
                with self.ctx.db.transaction() as session:
                    user = session.get(User, found.id)
                    assert user is not None
                    audit(session, actor_of(user), now, action=lockout.REFUSED_WHILE_LOCKED, entity="user",
                          entity_id=user.id, details={"locked_until": locked_until.isoformat()})  # fmt: skip
            except RegisterUnwritable:
                pass  # still refused; the attempt just cannot be recorded on a full or read-only disk
            raise AuthenticationFailed(lockout.locked_message(locked_until))
        # The slow hash check runs outside the write lock, so a sign-in never holds up another desk's intake;
        # an unknown user costs the same check, so timing does not reveal which usernames exist.
        stored = found.password_hash if found is not None else _dummy_hash()
        try:
            _hasher.verify(stored, password)
            verified = found is not None
        except (VerificationError, InvalidHashError):
            verified = False
        try:
            return self._conclude(found, stored, verified, password, now, failure)
        except RegisterUnwritable:
            return self._conclude_unwritten(found, stored, verified, failure)

    def _conclude(
        self, found: Any, stored: str, verified: bool, password: str, now: datetime, failure: Exception
    ) -> Actor:
        """The sign-in's outcome written: a failure counted towards the lock-out, a success's last sign-in."""
        with self.ctx.db.transaction() as session:
            user = session.get(User, found.id) if found is not None else None
            if user is None or not user.active:
                raise failure
            if not verified or user.password_hash != stored:  # wrong, or changed while we checked
                failures = lockout.lock_state(session, user).failures + 1
                details: dict[str, object] = {"failures": failures}
                until = now + lockout.delay_after(failures) if failures >= lockout.FREE_FAILURES else None
                if until is not None:
                    details["locked_until"] = until.isoformat()
                audit(session, actor_of(user), now, action=lockout.FAILED, entity="user", entity_id=user.id,
                      details=details)  # fmt: skip
                session.commit()
                raise AuthenticationFailed(lockout.locked_message(until)) if until is not None else failure
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = _hasher.hash(password)
            user.last_login_at = self.ctx.clock()
            return actor_of(user)

    def _conclude_unwritten(self, found: Any, stored: str, verified: bool, failure: Exception) -> Actor:
        """The same decision when the disk refuses the write (full, read-only): reading must stay possible, so
        the sign-in is decided without recording it, and the officer is told (``ctx.notices``)."""
        with self.ctx.db.reader() as session:
            user = session.get(User, found.id) if found is not None else None
            if user is None or not user.active or not verified or user.password_hash != stored:
                raise failure
            actor = actor_of(user)
        self.ctx.notices.append(
            "Perhatian: waktu masuk dan jejak audit tidak dicatat karena register tidak dapat ditulis "
            "(disk penuh atau hanya-baca). Register dapat dibaca; perubahan tidak akan tersimpan."
        )
        return actor

    def unlock(self, actor: Actor, username: str) -> UserView:
        """Lift a sign-in lock-out at once (an admin who has checked it was the user mistyping)."""
        actor.require(Permission.MANAGE_USERS)
        with self.ctx.db.transaction() as session:
            user = self._get(session, username)
            failures = lockout.lock_state(session, user).failures
            audit(session, actor, self.ctx.clock(), action=lockout.UNLOCKED, entity="user", entity_id=user.id,
                  details={"username": user.username, "failures": failures})  # fmt: skip
            return UserView.of(user)

    def locked_until(self, actor: Actor, username: str) -> datetime | None:
        """When the account's lock-out ends, or None when it may sign in now (for the users page)."""
        actor.require(Permission.MANAGE_USERS)
        with self.ctx.db.reader() as session:
            state = lockout.lock_state(session, self._get(session, username))
        now = self.ctx.clock()
        return state.locked_until if state.locked_at(now) else None

    def add(
        self, actor: Actor, *, username: str, full_name: str, role: str, password: str, nip: str | None = None
    ) -> UserView:
        actor.require(Permission.MANAGE_USERS)
        with self.ctx.db.transaction() as session:
            user = create_user(
                session,
                self.ctx,
                username=username,
                full_name=full_name,
                role=parse_role(role),
                password=password,
                nip=nip,
            )
            audit(
                session,
                actor,
                self.ctx.clock(),
                action="user_add",
                entity="user",
                entity_id=user.id,
                details={"username": user.username, "role": user.role},
            )
            return UserView.of(user)

    def list(self, actor: Actor) -> list[UserView]:
        actor.require(Permission.MANAGE_USERS)
        with self.ctx.db.reader() as session:
            return [UserView.of(u) for u in session.scalars(select(User).order_by(User.username))]

    def _get(self, session: Session, username: str) -> User:
        user = session.scalar(select(User).where(User.username == username.strip().lower()))
        if user is None:
            raise NotFound(f"Pengguna '{username}' tidak ditemukan.")
        return user

    def set_active(self, actor: Actor, username: str, active: bool) -> UserView:
        actor.require(Permission.MANAGE_USERS)
        with self.ctx.db.transaction() as session:
            user = self._get(session, username)
            if not active and user.role == Role.ADMIN.value and user.active:
                self._refuse_if_last_admin(session)
            user.active = active
            user.updated_at = self.ctx.clock()
            audit(
                session,
                actor,
                self.ctx.clock(),
                action="user_enable" if active else "user_disable",
                entity="user",
                entity_id=user.id,
                details={"username": user.username},
            )
            return UserView.of(user)

    @staticmethod
    def _refuse_if_last_admin(session: Session) -> None:
        """A desk must always keep one active admin, or nobody could manage users or the office again."""
        admins = session.scalar(
            select(func.count()).select_from(User).where(User.role == Role.ADMIN.value, User.active)
        )
        if (admins or 0) <= 1:
            raise ValidationError("Admin aktif terakhir tidak dapat dinonaktifkan atau diturunkan perannya.")

    def set_role(self, actor: Actor, username: str, role: str) -> UserView:
        actor.require(Permission.MANAGE_USERS)
        new_role = parse_role(role)
        with self.ctx.db.transaction() as session:
            user = self._get(session, username)
            old = user.role
            if old == Role.ADMIN.value and new_role != Role.ADMIN and user.active:
                self._refuse_if_last_admin(session)
            user.role = new_role.value
            user.updated_at = self.ctx.clock()
            audit(
                session,
                actor,
                self.ctx.clock(),
                action="user_role",
                entity="user",
                entity_id=user.id,
                details={"username": user.username, "old": old, "new": new_role.value},
            )
            return UserView.of(user)

    def change_password(self, actor: Actor, username: str, new_password: str) -> None:
        """A user may change their own password; an admin may reset anyone's."""
        if actor.username != username.strip().lower():
            actor.require(Permission.MANAGE_USERS)
        validate_password(new_password)
        with self.ctx.db.transaction() as session:
            user = self._get(session, username)
            user.password_hash = _hasher.hash(new_password)
            user.updated_at = self.ctx.clock()
            audit(
                session,
                actor,
                self.ctx.clock(),
                action="user_passwd",
                entity="user",
                entity_id=user.id,
                details={"username": user.username},
            )
